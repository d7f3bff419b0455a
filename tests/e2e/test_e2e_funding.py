#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the funding request editor: the real ic-workbench window, driven through the
accessibility tree (e2e_app.py). A new request for the sample center, amounts in three categories
over two years, the row, column and grand totals read back, then fiscal funds far above the
self-raised ones: the check shows the matching rule's warning with its basis."""
import datetime
import sys
import time
import unittest

import pyatspi

from e2e_app import App, WindowTestCase, text_of

CENTER = "齐鲁海洋工程装备制造业创新中心"
CENTRAL = "Central fiscal funds"
CAPITAL = "Shareholder capital"


class FundingEndToEnd(WindowTestCase):
    def select_page(self, name):
        pages = self.app.find("Funding request pages", pyatspi.ROLE_LIST)
        for i in range(pages.childCount):
            if pages.getChildAtIndex(i).name == name:
                pages.querySelection().selectChild(i)
                return
        raise AssertionError(f"no page “{name}”")

    def cell(self, category, year, source):
        return self.app.find_entry(f"{category}, {year}, {source}")

    def type_cell(self, category, year, source, text):
        self.cell(category, year, source).queryEditableText().setTextContents(text)

    def wait_text(self, name, expected):
        """The total described as `name` once it reads `expected` (totals follow each keystroke).
        GTK 4.8 names a label after its text, so a total says which one it is in its description.
        Digit grouping depends on the locale the test runs in, so it is left out of the comparison."""
        def search():
            for acc in self.app.find_all(role=pyatspi.ROLE_LABEL):
                try:
                    if acc.description == name and \
                            text_of(acc).replace(",", "") == expected.replace(",", ""):
                        return acc
                except Exception:
                    continue
            return None
        return self.app._wait_for(search, f"“{name}” to read {expected}")

    def test_budget_totals_then_matching_ratio_error(self):
        app = self.app = App(self.db)
        app.click("Load Sample Data")
        app.find(CENTER)
        app.select_section("Funding Requests")

        # A new request for the only center: this year and the next, central funds and capital.
        app.click("New")
        self.assertIsNotNone(app.find_entry("Title"))
        y1 = datetime.date.today().year
        y2 = y1 + 1
        self.select_page("Budget")

        # Three categories over two years.
        self.type_cell("Materials", y1, CENTRAL, "100")
        self.type_cell("Materials", y1, CAPITAL, "100")
        self.type_cell("Travel", y1, CENTRAL, "20.5")
        self.type_cell("Labour", y1, CAPITAL, "30")
        self.wait_text(f"Materials, {y1}, total", "200.00")
        self.wait_text(f"Total, {y1}, {CENTRAL}", "120.50")
        self.wait_text(f"Total, {y1}, {CAPITAL}", "130.00")
        self.wait_text(f"Total, {y1}, total", "250.50")

        app.click(str(y2))
        self.type_cell("Materials", y2, CENTRAL, "50")
        self.type_cell("Travel", y2, CAPITAL, "49.5")
        self.type_cell("Labour", y2, CENTRAL, "10")
        self.wait_text(f"Total, {y2}, total", "109.50")
        self.wait_text("Requested total", "360.00 10k yuan")

        # Every year summed: the rows over both years and the grand total.
        app.click("All Years")
        self.wait_text("Materials, all years, total", "250.00")
        self.wait_text("Travel, all years, total", "70.00")
        self.wait_text("Labour, all years, total", "40.00")
        self.wait_text(f"Total, all years, {CENTRAL}", "180.50")
        self.wait_text("Total, all years, total", "360.00")

        # Fiscal funds far above the self-raised ones: the matching rule's warning, with its basis.
        app.click(str(y1))
        self.type_cell("Materials", y1, CENTRAL, "5000")
        self.wait_text("Fiscal funds", "5,080.50 10k yuan")
        time.sleep(1.0)  # past the pause after which a cell is saved
        app.click("Check Request")
        finding = app._wait_for(
            lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL)
                          if "below the ratio" in (a.name or "")), None),
            "the matching-ratio warning")
        citation = app._wait_for(
            lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL)
                          if (a.name or "").endswith("matching-ratio")), None),
            "the matching rule's citation")
        self.assertIn("5080.50", finding.name.replace(",", ""))
        self.assertGreater(len(citation.name), len(" · matching-ratio"))
        self.assertEqual(app.quit(), 0)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
