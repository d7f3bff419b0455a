#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of a yearly report after recognition: the real ic-workbench window, driven
through the accessibility tree (e2e_app.py). The sample's draft year is opened from the center's
Reports group in a window of its own; the actuals are typed into the 考核指标 grid (each at its
target, so no comment is owed), a file is attached as a row's evidence through the file chooser
(typed as a path: AT-SPI cannot click in GTK 4.8's file list), the check runs, the score (when the
build scores reports) and the indicator's chart are there, and the report is marked ready and
submitted: read back through `icw show --json`."""
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

import pyatspi

from e2e_app import App, error_count

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


class ReportEndToEnd(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "workbench.db")
        self.app = None

    def tearDown(self):
        if self.app is not None:
            self.app.kill()
        self.dir.cleanup()

    def draft_report(self):
        reports = icw("--db", self.db, "list", "reports", "--json")
        drafts = [r for r in reports if r.get("status") == "draft"]
        self.assertEqual(len(drafts), 1, reports)
        return icw("--db", self.db, "show", drafts[0]["id"], "--json")

    def test_fill_check_ready_submit(self):
        icw("--db", self.db, "sample")
        report = self.draft_report()
        year = report["year"]
        title = f"{year} {KINDS[report['kind']]}"
        rows = report["indicators"]
        typed = [r for r in rows if not r.get("computed") and "target" in r]
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
        time.sleep(1.0)

        # Evidence for the first row, through the file chooser, typed as a path.
        evidence = os.path.join(self.dir.name, "evidence.pdf")
        with open(evidence, "wb") as f:
            f.write(b"%PDF-1.4\n% evidence for the e2e test\n")
        first = typed[0]["name"]
        app.click(f"Attach evidence, {first}", within=window)
        app.window("Attach Evidence")
        time.sleep(1.0)
        type_keys(evidence + "\n")
        app._wait_for(lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, within=window)
                                    if a.name in ("1 file", "2 files", "3 files")), None),
                      "the evidence counted on its row")

        # The chart of the first indicator is there, named after it.
        app._wait_for(lambda: next((a for a in app.find_all(first, within=window)
                                    if a.getRole() == pyatspi.ROLE_IMAGE), None), "the indicator's chart")

        # Saved: the actuals as typed, the evidence on the row.
        saved = icw("--db", self.db, "show", report["id"], "--json")
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
        self.assertEqual(icw("--db", self.db, "show", report["id"], "--json")["status"], "submitted")
        self.assertEqual(app.quit(), 0)
        self.app = None


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
