#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the registers and of center applications: the real ic-workbench window,
driven through the accessibility tree (e2e_app.py)."""
import sys
import time
import unittest

import pyatspi

from e2e_app import App, WindowTestCase, credit_code, error_count, focused, text_of


CENTER = "端到端测试创新中心"
ORGANIZATION = "端到端测试股东有限公司"
GOOD_CODE = credit_code("91370100MA3C4E5F6")


class RegisterEndToEnd(WindowTestCase):
    def start(self):
        app = App(self.db)
        self.apps.append(app)
        return app

    def test_create_center_organization_shareholder_then_restart(self):
        app = self.start()
        app.find("No Centers Yet")

        # A center, named in its editor.
        app.click("New Center")
        app.type_into("Center name", CENTER)

        # A shareholder: an organization added to the register from the chooser.
        app.click("Add Shareholder")
        chooser = app.window("Add a Shareholder")
        app.type_into("Search organizations", ORGANIZATION, within=chooser)
        app.click(f"Add “{ORGANIZATION}” to the Register", within=chooser)
        app.find(ORGANIZATION)
        app.find("1 shareholder, shares total 0.00%")

        # The organization's credit code: a wrong one is refused beside the field, a right one kept.
        app.select_section("Organizations")
        entry = app.type_into("Unified social credit code", GOOD_CODE[:17] + ("0" if GOOD_CODE[17] != "0" else "1"))
        self.assertIn("check character", entry.description)
        entry = app.type_into("Unified social credit code", GOOD_CODE)
        self.assertEqual(entry.description, "")

        self.assertEqual(app.quit(), 0)

        # Everything is still there after a restart.
        app = self.start()
        app.find(CENTER)
        app.find(ORGANIZATION)
        app.find("1 shareholder, shares total 0.00%")
        app.select_section("Organizations")
        entry = app.find_entry("Unified social credit code")
        self.assertEqual(text_of(entry), GOOD_CODE)
        self.assertEqual(app.quit(), 0)

    def test_organization_in_use_is_not_deleted(self):
        app = self.start()
        app.click("Load Sample Data")
        app.find("齐鲁海洋工程装备制造业创新中心")
        app.select_section("Organizations")
        app.type_into("Search organizations", "齐鲁海工")
        app.click("Delete Organization")
        # The toast says where it is used, and the organization stays.
        message = app._wait_for(lambda: app.find_toast("cannot be deleted while it is used"), "the in-use message")
        self.assertIn("齐鲁海洋工程装备制造业创新中心", message.name)
        self.assertEqual(app.quit(), 0)


class ApplicationEndToEnd(WindowTestCase):
    def test_check_activate_fix_then_submit_read_only(self):
        app = self.app = App(self.db)
        app.click("Load Sample Data")
        app.find("齐鲁海洋工程装备制造业创新中心")
        app.select_section("Applications")

        # A new application for the sample center (the only center) is checked.
        app.click("New")
        app.click("Check Application")
        errors = error_count(app)
        self.assertGreater(errors, 0)

        # The first error opens its section and focuses its field.
        show = app._wait_for(
            lambda: next((a for a in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON)
                          if (a.name or "").startswith("Show the field: ")), None),
            "a finding's button")
        show.queryAction().doAction(0)
        field = app._wait_for(lambda: focused(app), "the focused field")

        # Fixing it (saved as typed) and checking again leaves one error fewer.
        field.queryEditableText().setTextContents("2026年度制造业创新中心认定申报")
        time.sleep(1.5)
        app.click("Check Application")
        app._wait_for(lambda: error_count(app) < errors or None, "one error fewer")

        # The sample's own application has no errors: ready, submitted, then read-only.
        app.select_section("Centers")
        app.select_section("Applications")
        search = app.find_entry("Search applications")
        search.queryEditableText().setTextContents("国家海洋工程装备创新中心建设方案")
        time.sleep(1.0)
        app.click("Mark as Ready")
        app.click("Submit…")
        app.click("Submit")
        # The toast that says so lasts 5 s, less than one walk of the accessibility tree can take
        # on a slow machine: the banner that stays says the same.
        app.find("This application has been submitted and is read-only. If it is returned, "
                 "reopen it as a new version to change it.")
        background = app.find_entry("Background")
        self.assertFalse(background.getState().contains(pyatspi.STATE_EDITABLE))
        self.assertEqual(app.quit(), 0)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
