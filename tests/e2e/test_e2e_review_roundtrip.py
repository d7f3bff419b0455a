#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of a whole review in the real windows: a real `icw serve` on loopback, an
administrator's database (the sample, pushed with `icw sync`) and a reviewer's empty database,
each opened in its own ic-workbench window with its own settings and keyring, both syncing with
the server by themselves (the server address in the settings, the token in ICW_TOKEN).

The administrator marks the application ready and submits it; the reviewer's window lists it in
its inbox; the reviewer reads "Risks and controls", returns it with a comment that is anchored to
that section; the administrator's window shows the banner and the comment beside the section, in
English and in Chinese; the administrator reopens it, changes a word of that section, adds a
sentence and submits again; the reviewer's What Changed shows the word removed and replaced and
the sentence added (its accessible description says so) beside the earlier comment; the reviewer accepts, and the administrator's database pulls the
acceptance. Each window quits when its step is done (a new window syncs when it starts). Every
wait is for a condition, never a fixed sleep alone."""
import json
import os
import sqlite3
import subprocess
import sys
import time
import unittest

import pyatspi
from gi.repository import GLib

from e2e_app import App, ServerTestCase, wait_for

TITLE = "国家海洋工程装备创新中心建设方案"
ON_RISKS = "请补充市场风险及其控制措施。"
ADDED = "另设风险准备金，用于应对市场波动。"
REPLACED, REPLACEMENT = "多渠道", "按年度"  # in the sample's "Risks and controls"
WAIT = 90  # seconds: a window syncs 10 s after the last change; the machine may be loaded


def name_of(acc):
    """The accessible's name, or "" when its widget is gone (editors rebuild as records change)."""
    try:
        return acc.name or ""
    except Exception:
        return ""


def description_of(acc):
    try:
        return acc.description or ""
    except Exception:
        return ""


def retried(call, *args, **kwargs):
    """call, again when the field it types into was destroyed meanwhile (the window rebuilds its
    editors as records change): e2e_app's lookups skip such nodes, but a field found can still go
    before it is written to."""
    for _ in range(10):
        try:
            return call(*args, **kwargs)
        except GLib.GError:
            time.sleep(0.5)
    return call(*args, **kwargs)


class ReviewRoundTrip(ServerTestCase):
    prefix = "icw-e2e-roundtrip-"

    def setUp(self):
        super().setUp()
        self.app = None

    def tearDown(self):
        if self.app is not None:
            self.app.kill()
        super().tearDown()

    def window_env(self, name, token):
        """Settings (the server's address) and a keyring of the window's own; the token from
        ICW_TOKEN, which the workbench honours over the keyring."""
        return self.instance_env(name, url=self.url, token=token)

    def open_window(self, db, name, token, lang="en"):
        env = self.window_env(name, token)
        if lang == "zh_CN":
            localedir = os.path.join(os.path.dirname(os.path.dirname(os.environ["ICW_GUI"])), "po")
            env.update(ICW_LOCALEDIR=localedir, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8")
        self.app = App(db, lang=lang, env=env)
        return self.app

    def close_window(self):
        self.assertEqual(self.app.quit(), 0)
        self.app = None

    def query(self, db, sql, *args):
        """One row, or None (also while the window holds a lock)."""
        try:
            with sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10) as conn:
                return conn.execute(sql, args).fetchone()
        except sqlite3.OperationalError:
            return None

    def synced(self, db):
        """Nothing left to send, and the outbox read without a lock error."""
        row = self.query(db, "SELECT count(*) FROM outbox")
        return row is not None and row[0] == 0

    def statuses(self, db):
        try:
            with sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10) as conn:
                return conn.execute("SELECT version, status FROM applications WHERE title = ? AND deleted_at IS NULL "
                                    "ORDER BY version", (TITLE,)).fetchall()
        except sqlite3.OperationalError:
            return []

    @staticmethod
    def label_containing(app, *parts, within=None):
        return app._wait_for(
            lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, within=within)
                          if all(p in name_of(a) for p in parts)), None),
            "a label saying " + " … ".join(parts))

    @staticmethod
    def select_page(app, list_name, page):
        def select():
            for pages in app.find_all(list_name, pyatspi.ROLE_LIST, True):
                try:
                    for i in range(pages.childCount):
                        if pages.getChildAtIndex(i).name == page:
                            app.select_index(pages, i)
                            return True
                except GLib.GError:
                    continue  # a list rebuilt since the walk met it
            return False
        app._wait_for(select, f"the page “{page}” in “{list_name}”")

    def open_application(self, app, sections="Sections", applications="Applications",
                         search="Search applications"):
        self.select_page(app, sections, applications)
        retried(lambda: app.find_entry(search).queryEditableText().setTextContents(TITLE))
        time.sleep(1.0)

    @staticmethod
    def click_containing(app, part):
        """A button whose name or label contains part (a mnemonic label's name varies on GTK 4.8)."""
        def search():
            for acc in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON, showing_only=True):
                try:
                    names = [name_of(acc)] + [name_of(acc.getChildAtIndex(i)) for i in range(acc.childCount)]
                except Exception:
                    continue
                if any(part in name for name in names):
                    return acc
            return None
        app._wait_for(search, f"a button saying “{part}”").queryAction().doAction(0)
        time.sleep(0.3)

    @staticmethod
    def screenshot(title, name):
        """With ICW_SCREENSHOT_DIR set, the window of that title as a PNG there (imagemagick)."""
        folder = os.environ.get("ICW_SCREENSHOT_DIR")
        if folder:
            time.sleep(1.0)
            # The window's X id by its title (_NET_WM_NAME, so a Chinese title is found too):
            # import would wait for a click on a window it cannot find by name.
            tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, timeout=30).stdout.decode()
            ids = [line.split()[0] for line in tree.splitlines() if f'"{title}"' in line]
            assert ids, f"no window “{title}” in {tree}"
            subprocess.run(["import", "-window", ids[0], os.path.join(folder, name)], check=True, timeout=30)

    def test_submit_return_resubmit_compare_accept(self):
        server_db = self.path("server.db")
        self.url = self.start_server()
        admin_db, review_db = self.path("admin.db"), self.path("review.db")
        center_id = self.icw("--db", admin_db, "sample").strip()
        province = json.loads(self.icw("--db", admin_db, "show", center_id, "--json"))["province"]
        admin = self.icw("serve", "token", "add", "--db", server_db, "--role", "admin", "--center", center_id).strip()
        reviewer = self.icw("serve", "token", "add", "--db", server_db, "--role", "reviewer",
                            "--province", province).strip()
        self.icw("--db", admin_db, "sync", "--server", self.url, token=admin)

        # The administrator submits in the window; the window sends it by itself.
        app = self.open_window(admin_db, "admin", admin)
        self.open_application(app)
        app.click("Mark as Ready")
        app.click("Submit…")
        app.click("Submit")
        app.find("This application has been submitted and is read-only. If it is returned, "
                 "reopen it as a new version to change it.")
        wait_for(lambda: self.statuses(admin_db) == [(1, "submitted")] and self.synced(admin_db),
                 "the submission to be sent", WAIT)
        self.close_window()

        # The reviewer's window (a database of its own, empty) pulls the province and lists it.
        app = self.open_window(review_db, "reviewer", reviewer)
        self.label_containing(app, "version 1 · submitted")
        app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LIST_ITEM)
                                    if TITLE in name_of(a)), None), "the application in the inbox")
        # The reviewer reads "Risks and controls" and returns the application with a comment on it.
        self.select_page(app, "Application sections", "Risks and controls")
        app.click("Return…")
        dialog = app.window("Return the Document?")
        comment = app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_TEXT, within=dialog)
                                              if name_of(a) == "Comment"), None), "the comment box")
        comment.queryEditableText().setTextContents(ON_RISKS)
        time.sleep(0.5)
        app.click("Return", within=dialog)
        wait_for(lambda: self.statuses(review_db) == [(1, "returned")] and self.synced(review_db),
                 "the return to be sent", WAIT)
        self.close_window()
        returned = self.query(review_db, "SELECT reviewer_comments FROM applications WHERE version = 1")[0]
        anchors = [(c["anchor_kind"], c.get("anchor_key")) for c in json.loads(returned)["comments"]]
        self.assertEqual(anchors, [("section", "risks")])

        # The administrator's window pulls the return: the banner, and the comment beside its section.
        app = self.open_window(admin_db, "admin", admin)
        self.open_application(app)
        self.label_containing(app, "Returned", "Risks and controls (", ON_RISKS)
        self.select_page(app, "Application sections", "Risks and controls")
        app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, showing_only=True)
                                    if name_of(a) == ON_RISKS), None), "the comment beside its section")
        self.close_window()
        # The same in Chinese.
        app = self.open_window(admin_db, "admin", admin, lang="zh_CN")
        self.open_application(app, "栏目", "申报书", "搜索申报书")
        self.label_containing(app, "风险与控制（", ON_RISKS)
        self.close_window()

        # Reopened as version 2, the section gains a sentence, and it is submitted again.
        app = self.open_window(admin_db, "admin", admin)
        self.open_application(app)
        app.click("Reopen as New Version")
        self.label_containing(app, "Version 1 was returned with these comments:")
        self.select_page(app, "Application sections", "Risks and controls")
        def edit_section():
            risks = app.find_entry("Risks and controls")
            text = risks.queryText()
            before = text.getText(0, text.characterCount)
            self.assertIn(REPLACED, before)
            risks.queryEditableText().setTextContents(before.replace(REPLACED, REPLACEMENT) + ADDED)
        retried(edit_section)
        wait_for(lambda: ADDED in (self.query(admin_db, "SELECT section_risks FROM applications WHERE version = 2")
                                   or ("",))[0], "the edit to be saved", WAIT)
        app.click("Mark as Ready")
        app.click("Submit…")
        app.click("Submit")
        wait_for(lambda: self.statuses(admin_db) == [(1, "returned"), (2, "submitted")] and self.synced(admin_db),
                 "the second submission to be sent", WAIT)
        self.close_window()

        # The reviewer sees what changed since the return: the sentence added, beside the comment.
        app = self.open_window(review_db, "reviewer", reviewer)
        self.label_containing(app, "version 2 · submitted")
        app.click("What Changed…")
        compare = app.window("Compare Versions")
        added = app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, within=compare)
                                            if ADDED in name_of(a) and ADDED in description_of(a)
                                            and "Added: “" in description_of(a)), None),
                              "the added sentence in version 2, described as added")
        self.assertIn("Removed: “多渠道”.", description_of(added))
        app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, within=compare)
                                    if name_of(a) == ON_RISKS), None), "the earlier comment beside the section")
        self.label_containing(app, "Risks and controls — changed", within=compare)
        self.screenshot("Compare Versions", "reviewer-compare-en.png")
        app.click("Close", within=compare)
        if os.environ.get("ICW_SCREENSHOT_DIR"):
            # The same window in Chinese, for docs/screenshots (only when asked for).
            self.close_window()
            app = self.open_window(review_db, "reviewer", reviewer, lang="zh_CN")
            self.label_containing(app, "第 2 版 · 提交于")
            self.click_containing(app, "查看修改")
            compare = app.window("比较版本")
            self.label_containing(app, "风险与控制——有改动", within=compare)
            self.screenshot("比较版本", "reviewer-compare-zh_CN.png")
            self.close_window()
            app = self.open_window(review_db, "reviewer", reviewer)
            self.label_containing(app, "version 2 · submitted")

        # Accepted; the administrator's database pulls the outcome.
        app.click("Accept…")
        dialog = app.window("Accept the Document?")
        app.click("Accept", within=dialog)
        wait_for(lambda: self.statuses(review_db)[-1:] == [(2, "accepted")] and self.synced(review_db),
                 "the acceptance to be sent", WAIT)
        self.close_window()
        self.icw("--db", admin_db, "sync", "--server", self.url, token=admin)
        self.assertEqual(self.statuses(admin_db), [(1, "returned"), (2, "accepted")])


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
