#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of sync: two real ic-workbench windows (A and B) on databases of their own,
syncing through one real `icw serve` on loopback.

The sample is loaded into A's database and pushed with `icw sync`; B's empty database is filled
by `icw sync`. Each window has its own settings (GSETTINGS_BACKEND=keyfile under an
XDG_CONFIG_HOME of its own) and keyring (libsecret's file backend). A signs in through the Sync
Account window (server address typed, token pasted); B starts with the server address already in
its settings file and the token in ICW_TOKEN, which the workbench honours over the keyring. The
same field (the center's city) is changed differently in both; each window syncs by itself
after the edit; B's indicator then says a conflict needs attention; the conflicts view keeps B's
version; after syncing again both databases hold it (read with `icw show --json` once the
windows have quit). Every wait is for a condition, never a fixed sleep alone."""
import json
import os
import sqlite3
import sys
import unittest

import pyatspi

from e2e_app import App, ServerTestCase, wait_for

CENTER = "齐鲁海洋工程装备制造业创新中心"
CITY_A = "济南（甲方修改）"
CITY_B = "青岛（乙方修改）"
WAIT = 60  # seconds: a sync runs 10 s after the last edit; the machine may be loaded


class SyncEndToEnd(ServerTestCase):
    prefix = "icw-e2e-sync-"

    def outbox(self, db):
        with sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM outbox").fetchone()[0]

    def city(self, db, center_id):
        with sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10) as conn:
            row = conn.execute("SELECT city FROM centers WHERE id = ?", (center_id,)).fetchone()
            return row[0] if row else None

    @staticmethod
    def sync_state(app):
        """The indicator's description: "<state>: <detail> Last synced …" (its name is fixed)."""
        try:
            return app.find_button("Sync Status").description or ""
        except Exception:
            return ""

    def wait_state(self, app, prefix):
        return wait_for(lambda: self.sync_state(app).startswith(prefix) and self.sync_state(app),
                        f"the sync state “{prefix}…” (now “{self.sync_state(app)}”)", WAIT)

    def test_two_instances_conflict_resolved_in_view(self):
        # The server, printing its address first.
        server_db = self.path("server.db")
        url = self.start_server()

        # A's database: the sample, pushed; B's: pulled into an empty database.
        db_a, db_b = self.path("a.db"), self.path("b.db")
        self.icw("--db", db_a, "sample")
        centers = json.loads(self.icw("--db", db_a, "list", "centers", "--json"))
        center_id = next(c["id"] for c in centers if c["name"] == CENTER)
        token = self.icw("serve", "token", "add", "--db", server_db, "--role", "admin",
                         "--center", center_id).strip()
        self.icw("--db", db_a, "sync", "--server", url, token=token)
        self.icw("--db", db_b, "sync", "--server", url, token=token)
        self.assertEqual(self.city(db_b, center_id), self.city(db_a, center_id))

        # A signs in through the account window.
        os.makedirs(self.path("a"), exist_ok=True)
        os.makedirs(self.path("b"), exist_ok=True)
        a = App(db_a, env=self.instance_env("a"))
        self.apps.append(a)
        self.wait_state(a, "Sign-in required")
        a.click("Sync Status")
        account = a.window("Sync Account")
        a.find_entry("Server address", within=account).queryEditableText().setTextContents(url)
        secret = a._wait_for(lambda: next(iter(a.find_all(role=pyatspi.ROLE_PASSWORD_TEXT, within=account)), None),
                             "the token field")
        secret.queryEditableText().setTextContents(token)
        a.click("Sign In", within=account)
        self.wait_state(a, "Synced")
        # B: the address in its settings file, the token from the environment.
        b = App(db_b, env=self.instance_env("b", url=url, token=token))
        self.apps.append(b)
        self.wait_state(b, "Synced")

        # The same field changed in both; A's edit goes out by itself after the pause.
        a.find(CENTER)
        a.type_into("City", CITY_A)
        wait_for(lambda: self.city(db_a, center_id) == CITY_A, "A's edit to be saved", WAIT)
        wait_for(lambda: self.outbox(db_a) == 0, "A's automatic sync after the edit", WAIT)
        self.wait_state(a, "Synced")
        b.find(CENTER)
        b.type_into("City", CITY_B)
        wait_for(lambda: self.city(db_b, center_id) == CITY_B, "B's edit to be saved", WAIT)
        state = self.wait_state(b, "Needs attention")
        self.assertIn("1 conflict to resolve", state)

        # The indicator opens the conflicts view; B keeps its own version.
        b.click("Sync Status")
        conflicts = b.window("Sync Conflicts")
        b._wait_for(lambda: next((x for x in b.find_all(role=pyatspi.ROLE_LABEL, within=conflicts)
                                  if x.name == CITY_A and (x.description or "").endswith("differs")), None),
                    "A's city shown as theirs, marked as differing")
        b.click("Keep Mine", within=conflicts)
        b.find("No Conflicts")
        self.assertEqual(self.city(db_b, center_id), CITY_B)

        # B syncs again (Sync Now in its account window), then A.
        b.click("Sync Status")
        b_account = b.window("Sync Account")
        b.click("Sync Now", within=b_account)
        wait_for(lambda: self.outbox(db_b) == 0, "B's resolution to reach the server", WAIT)
        self.wait_state(b, "Synced")
        a.click("Sync Now", within=account)
        wait_for(lambda: self.city(db_a, center_id) == CITY_B, "A to pull B's version", WAIT)

        # Both windows quit; the command line reads both databases: they agree.
        self.assertEqual(a.quit(), 0)
        self.assertEqual(b.quit(), 0)
        shown_a = json.loads(self.icw("--db", db_a, "show", center_id, "--json"))
        shown_b = json.loads(self.icw("--db", db_b, "show", center_id, "--json"))
        self.assertEqual(shown_a["city"], CITY_B)
        self.assertEqual(shown_b["city"], CITY_B)
        self.assertEqual(shown_a, shown_b)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
