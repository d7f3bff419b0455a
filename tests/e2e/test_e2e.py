#!/usr/bin/python3
"""End-to-end tests: the real ic-workbench window, driven through the accessibility tree.

Everything is found by accessible name, as a screen reader user would find it. What pyatspi
cannot do on GTK 4.8 (read text with getText(0, -1), toggle switches, click by position) is
avoided; see ../../shared/PLATFORM.md in the project's design notes.
"""
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import warnings

import pyatspi

warnings.simplefilter("ignore", DeprecationWarning)

GUI = sys.argv.pop(1) if len(sys.argv) > 1 else os.environ.get("ICW_GUI", "ic-workbench")
TIMEOUT = 20

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(first17):
    """The GB 32100-2015 check character, computed here independently of the C code."""
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def walk(acc, depth=0):
    if acc is None or depth > 60:
        return
    yield acc
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


class App:
    """One running ic-workbench process and its accessible tree."""

    def __init__(self, db, lang="en"):
        env = dict(os.environ)
        env.update(GTK_A11Y="atspi", LANGUAGE=lang, GSETTINGS_BACKEND="memory")
        self.proc = subprocess.Popen([GUI, "--db", db], env=env)
        self.root = self._wait_for(self._find_app, "the application on the accessibility bus")

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.get_process_id() == self.proc.pid:
                return app if app.childCount > 0 else None
        return None

    @staticmethod
    def _wait_for(predicate, what):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            found = predicate()
            if found:
                return found
            time.sleep(0.2)
        # A picture of the screen at the moment of failure, beside the test log.
        shot = os.path.join(os.environ.get("ICW_TEST_BUILDDIR", tempfile.gettempdir()),
                            "e2e-failure-%d.png" % int(time.time()))
        try:
            subprocess.run(["import", "-window", "root", shot], check=False, timeout=10)
        except (OSError, subprocess.SubprocessError):
            shot = "not taken (imagemagick's import is missing)"
        raise AssertionError(f"timed out waiting for {what} (screen: {shot})")

    def find_all(self, name=None, role=None, showing_only=False, within=None):
        found = []
        for acc in walk(within or self.root):
            try:
                if name is not None and acc.name != name:
                    continue
                if role is not None and acc.getRole() != role:
                    continue
                if showing_only and not acc.getState().contains(pyatspi.STATE_VISIBLE):
                    continue
                found.append(acc)
            except Exception:
                continue
        return found

    def find(self, name, role=None):
        return self._wait_for(lambda: next(iter(self.find_all(name, role, True)), None),
                              f"“{name}”")

    def window(self, title):
        """A dialog: GTK 4.8 has no "showing" state, so lookups in dialogs are scoped to them."""
        return self._wait_for(lambda: next((w for w in self.find_all(title) if w.getRole() in
                                            (pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_WINDOW)), None),
                              f"the window “{title}”")

    def find_button(self, name, within=None):
        """A button by its name or, for mnemonic labels (GTK 4.8 names those oddly), its label's."""
        def search():
            for acc in self.find_all(role=pyatspi.ROLE_PUSH_BUTTON, showing_only=True, within=within):
                if acc.name == name:
                    return acc
                for i in range(acc.childCount):
                    child = acc.getChildAtIndex(i)
                    if child is not None and child.getRole() == pyatspi.ROLE_LABEL and child.name == name:
                        return acc
            return None
        return self._wait_for(search, f"the button “{name}”")

    def find_entry(self, name, within=None):
        def search():
            # GTK 4.8 names an entry after its label twice ("Name Name").
            for acc in self.find_all(role=pyatspi.ROLE_TEXT, showing_only=True, within=within) + \
                    self.find_all(role=pyatspi.ROLE_ENTRY, showing_only=True, within=within):
                if acc.name in (name, f"{name} {name}"):
                    return acc
            return None
        return self._wait_for(search, f"the field “{name}”")

    def click(self, name, within=None):
        self.find_button(name, within).queryAction().doAction(0)
        time.sleep(0.3)

    def type_into(self, name, text, within=None):
        entry = self.find_entry(name, within)
        entry.queryEditableText().setTextContents(text)
        # The field saves 400 ms after the last keystroke; wait well past that.
        time.sleep(1.0)
        return entry

    def select_section(self, name):
        sidebar = self.find("Sections", pyatspi.ROLE_LIST)
        for i in range(sidebar.childCount):
            if sidebar.getChildAtIndex(i).name == name:
                sidebar.querySelection().selectChild(i)
                time.sleep(0.5)
                return
        raise AssertionError(f"no section “{name}”")

    def quit(self):
        # SIGTERM quits like Ctrl+Q: windows close and pending edits are saved.
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=TIMEOUT)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


CENTER = "端到端测试创新中心"
ORGANIZATION = "端到端测试股东有限公司"
GOOD_CODE = credit_code("91370100MA3C4E5F6")


class RegisterEndToEnd(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "workbench.db")
        self.apps = []

    def tearDown(self):
        for app in self.apps:
            app.kill()
        self.dir.cleanup()

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
        app.find("齐鲁智能传感器制造业创新中心")
        app.select_section("Organizations")
        app.type_into("Search organizations", "齐鲁智感")
        app.click("Delete Organization")
        # The toast says where it is used, and the organization stays.
        message = app._wait_for(
            lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL)
                          if "cannot be deleted while it is used" in (a.name or "")), None),
            "the in-use message")
        self.assertIn("齐鲁智能传感器制造业创新中心", message.name)
        self.assertEqual(app.quit(), 0)


def error_count(app):
    """The number of errors in the check panel's summary ("3 errors and 2 warnings")."""
    summary = app._wait_for(
        lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL)
                      if (a.name or "").endswith(("warning", "warnings", "every rule checked."))), None),
        "the check summary")
    if summary.name.startswith("No errors"):
        return 0
    return int(summary.name.split()[0])


def focused(app):
    return next((a for a in walk(app.root)
                 if a.getState().contains(pyatspi.STATE_FOCUSED)
                 and a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)), None)


class ApplicationEndToEnd(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "workbench.db")
        self.app = None

    def tearDown(self):
        if self.app is not None:
            self.app.kill()
        self.dir.cleanup()

    def test_check_activate_fix_then_submit_read_only(self):
        app = self.app = App(self.db)
        app.click("Load Sample Data")
        app.find("齐鲁智能传感器制造业创新中心")
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
        search.queryEditableText().setTextContents("齐鲁智能传感器制造业创新中心建设方案")
        time.sleep(1.0)
        app.click("Mark as Ready")
        app.click("Submit…")
        app.click("Submit")
        app.find("Submitted: the application is now read-only")
        background = app.find_entry("Background")
        self.assertFalse(background.getState().contains(pyatspi.STATE_EDITABLE))
        self.assertEqual(app.quit(), 0)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
