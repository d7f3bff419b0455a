#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of IP-sharing agreements: the real ic-workbench window, driven through the
accessibility tree (e2e_app.py). An agreement among three members of the sample center gets shares
that do not total 100%; the remainder and the check's error say so; an equal split fixes both."""
import sys
import unittest

import pyatspi

from e2e_app import App, WindowTestCase, error_count

CENTER = "齐鲁海洋工程装备制造业创新中心"
PARTIES = ["青岛泓海海洋工程装备股份有限公司", "烟台渤洋深海装备有限公司", "威海海泰海洋装备股份有限公司"]


def name_of(acc):
    """The accessible's name, or "" when the widget went away meanwhile (rows are rebuilt)."""
    try:
        return acc.name or ""
    except Exception:
        return ""


def label_named(app, predicate, what):
    return app._wait_for(
        lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL, showing_only=True)
                      if predicate(name_of(a))), None), what)


def share_entry(app, party):
    """A party's share entry: GTK 4.8 names it by its accessible label followed by the row's title."""
    wanted = f"Revenue share of {party}"
    return app._wait_for(
        lambda: next((a for a in app.find_all(role=pyatspi.ROLE_TEXT, showing_only=True)
                      if name_of(a).startswith(wanted)), None), f"the field “{wanted}”")


def type_share(app, party, text):
    share_entry(app, party).queryEditableText().setTextContents(text)


def findings(app):
    """The messages of the check panel's findings (the names of their "Show the field" buttons)."""
    prefix = "Show the field: "
    return [name_of(a)[len(prefix):] for a in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON)
            if name_of(a).startswith(prefix)]


class AgreementEndToEnd(WindowTestCase):
    def test_three_members_wrong_total_seen_then_fixed(self):
        app = self.app = App(self.db)
        app.click("Load Sample Data")
        app.find(CENTER)
        app.select_section("IP Agreements")

        # A new agreement in the sample center (the only center), among three of its members,
        # each chosen from a picker that lists the center's company, its shareholders and its members.
        app.click("New")
        app.find_entry("Title")
        for name in PARTIES:
            app.click("Add Party…")
            picker = app.window("Add a Party")
            app.click(name, within=picker)
            share_entry(app, name)

        # Shares that total 90%: the remainder is shown as they are typed.
        for name, share in zip(PARTIES, ["50", "30", "10"]):
            type_share(app, name, share)
        label_named(app, lambda n: n == "Remainder 10.00%", "the remainder of 10.00%")

        # The check reports the wrong total as an error, with its citation.
        app.click("Check Agreement")
        errors = error_count(app)
        self.assertGreater(errors, 0)
        shares_findings = [m for m in findings(app) if "100" in m and "share" in m.lower()]
        self.assertTrue(shares_findings, f"no finding about the shares among {findings(app)}")

        # Typing 60 for the first party fixes the total; the error is gone on the next check.
        type_share(app, PARTIES[0], "60")
        label_named(app, lambda n: n == "Shares total 100.00%", "the exact total")
        app.click("Check Agreement")
        app._wait_for(lambda: error_count(app) < errors or None, "one error fewer")
        self.assertFalse([m for m in findings(app) if m in shares_findings])

        # An equal split of the same three keeps the total exact: 33.34 + 33.33 + 33.33.
        app.click("Split Equally")
        label_named(app, lambda n: n == "Shares total 100.00%", "the exact total after the split")
        self.assertEqual(app.quit(), 0)

        # Everything was saved as it was made.
        app = self.app = App(self.db)
        app.select_section("IP Agreements")
        app.find_entry("Search agreements").queryEditableText().setTextContents("IP-sharing agreement of")
        app.find_entry("Title")
        for name in PARTIES:
            share_entry(app, name)
        label_named(app, lambda n: n == "Shares total 100.00%", "the exact total after a restart")
        self.assertEqual(app.quit(), 0)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
