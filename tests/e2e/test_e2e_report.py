#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of a yearly report after recognition: the real ic-workbench window, driven
through the accessibility tree (e2e_app.py). The sample's draft year is opened from the center's
Reports group in a window of its own; the actuals are typed into the 考核指标 grid (each at its
target, so no comment is owed), a file is attached as a row's evidence through the file chooser
(typed as a path: AT-SPI cannot click in GTK 4.8's file list), the check runs, the score (when the
build scores reports) and the indicator's chart are there, and the report is marked ready and
submitted: read back from the database."""
import json
import os
import sqlite3
import subprocess
import sys
import time
import unittest

import pyatspi

from e2e_app import App, WindowTestCase, error_count

GUI = os.environ.get("ICW_GUI", "ic-workbench")
ICW = os.path.join(os.path.dirname(GUI), "cli", "icw")
KINDS = {"annual-assessment": "Annual assessment", "evaluation": "Periodic evaluation"}


def icw(*args):
    out = subprocess.run([ICW, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out) if "--json" in args else out


def type_keys(text):
    """Keystrokes through the accessibility registry (XTest on the virtual screen)."""
    for ch in text:
        if ch == "\n":
            pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)   # Return
        else:
            pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)
        time.sleep(0.05)


class ReportEndToEnd(WindowTestCase):
    def reports(self, where, *args):
        """The reports as stored (read through a connection of the test's own)."""
        db = sqlite3.connect(self.db)
        try:
            found = []
            for rid, year, kind, status, indicators in db.execute(
                    "SELECT id, year, kind, status, indicators FROM reports WHERE deleted_at IS NULL AND " + where, args):
                found.append(dict(id=rid, year=year, kind=kind, status=status,
                                  indicators=json.loads(indicators) if indicators else []))
            return found
        finally:
            db.close()

    def draft_report(self):
        drafts = self.reports("status = 'draft'")
        self.assertEqual(len(drafts), 1, drafts)
        return drafts[0]

    def test_fill_check_ready_submit(self):
        icw("--db", self.db, "sample")
        report = self.draft_report()
        year = report["year"]
        title = f"{year} {KINDS[report['kind']]}"
        rows = report["indicators"]
        typed = [r for r in rows if not r.get("computed") and "target" in r]
        missed = [r for r in rows if r.get("computed") and r.get("actual", 0) < r.get("target", 0)]
        self.assertTrue(typed, rows)

        app = self.app = App(self.db)
        app.click(f"Open {title}")
        window = app.window(title)
        pages = app._wait_for(lambda: next(iter(app.find_all("Report pages", pyatspi.ROLE_LIST, within=window)), None),
                              "the report's pages")
        self.assertGreaterEqual(pages.childCount, 4)

        # The actuals: each at its target (the grid computes the difference as they are typed).
        for row in typed:
            entry = app.find_entry(f"Actual, {row['name']}", within=window)
            entry.queryEditableText().setTextContents(str(row["target"]))
        # A computed actual below its target (the registers know 18 members of the 20 asked) owes a comment.
        for row in missed:
            comment = app.find_entry(f"Comment, {row['name']}", within=window)
            comment.queryEditableText().setTextContents("两家单位的入盟手续尚未办结，年内补足。")
        time.sleep(1.0)

        # Evidence for the first row, through the file chooser, typed as a path.
        evidence = os.path.join(self.dir.name, "evidence.pdf")
        with open(evidence, "wb") as f:
            f.write(b"%PDF-1.4\n% evidence for the e2e test\n")
        first = typed[0]["name"]
        app.click(f"Attach evidence, {first}", within=window)
        # GTK 4.8's file chooser dialog is not on the accessibility bus as a window of its own:
        # give it time to map and take the keyboard, then type the path ("/" opens its location).
        time.sleep(2.0)
        type_keys(evidence + "\n")
        app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, within=window)
                                    if a.name in ("1 file", "2 files", "3 files")), None),
                      "the evidence counted on its row")

        # The self-score: the sample's province (山东省) has no known scheme, and the page says so.
        pages.querySelection().selectChild(pages.childCount - 1)
        app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, within=window)
                                    if "source not found" in (a.name or "") or " points" in (a.name or "")), None),
                      "the self-score or why there is none")
        pages.querySelection().selectChild(1)

        # The chart of the first indicator is there, named after it.
        app._wait_for(lambda: next((a for a in app.find_all(first, within=window)
                                    if a.getRole() == pyatspi.ROLE_IMAGE), None), "the indicator's chart")

        # Saved: the actuals as typed, the evidence on the row.
        saved = self.reports("id = ?", report["id"])[0]
        by_key = {r["key"]: r for r in saved["indicators"]}
        for row in typed:
            self.assertEqual(by_key[row["key"]].get("actual"), row["target"])
        self.assertGreaterEqual(len(by_key[typed[0]["key"]].get("evidence", [])), 1)

        # Check: no errors; then ready and submitted.
        app.click("Check Report", within=window)
        self.assertEqual(error_count(app), 0)
        app.click("Mark as Ready", within=window)
        app.click("Submit…", within=window)
        app.click("Submit")
        app.find("This report has been submitted and is read-only. If it is returned, "
                 "reopen it as a new version to change it.")
        self.assertEqual(self.reports("id = ?", report["id"])[0]["status"], "submitted")
        self.assertEqual(app.quit(), 0)
        self.app = None


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
