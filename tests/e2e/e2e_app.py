#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests share: the real ic-workbench started on a database of its own, and
its window found and driven through the accessibility tree.

Everything is found by accessible name, as a screen reader user would find it. What pyatspi
cannot do on GTK 4.8 (read text with getText(0, -1), toggle switches, click by position) is
avoided; see ../../shared/PLATFORM.md in the project's design notes. The binary is $ICW_GUI
(run-e2e.sh sets it).
"""
import os
import re
import signal
import subprocess
import tempfile
import time
import unittest
import warnings

import pyatspi
from gi.repository import GLib

warnings.simplefilter("ignore", DeprecationWarning)

GUI = os.environ.get("ICW_GUI", "ic-workbench")
TIMEOUT = 20

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(first17):
    """The GB 32100-2015 check character, computed here independently of the C code."""
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def walk(acc, depth=0, last_first=False):
    """Every accessible under acc. A widget destroyed while the tree is walked (editors rebuild
    their rows as records change) ends its branch instead of the test. last_first visits the last
    child first: a toast, added over the window's content, is reached before the editors."""
    if acc is None or depth > 60:
        return
    yield acc
    try:
        n = acc.childCount
    except Exception:
        return
    for i in (range(n - 1, -1, -1) if last_first else range(n)):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, last_first)


def _is_workbench(pid):
    """Whether the process runs the ic-workbench binary (not, say, a helper of the desktop)."""
    try:
        return os.path.realpath(f"/proc/{pid}/exe") == os.path.realpath(GUI)
    except OSError:
        return False


class App:
    """One running ic-workbench process and its accessible tree."""

    # The processes this test started: any other ic-workbench on the accessibility bus belongs to
    # another run, which run-e2e.sh's own display and buses keep apart (checked in _find_app).
    started = set()

    def __init__(self, db, lang="en", env=None):
        """env: more variables for this instance, over the defaults (the sync test gives each
        instance a keyfile settings backend and a keyring of its own)."""
        extra = env or {}
        env = dict(os.environ)
        env.update(GTK_A11Y="atspi", LANGUAGE=lang, GSETTINGS_BACKEND="memory")
        env.update(extra)
        self.proc = subprocess.Popen([GUI, "--db", db], env=env)
        App.started.add(self.proc.pid)
        self.root = self._wait_for(self._find_app, "the application on the accessibility bus")

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        found = None
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            pid = app.get_process_id()
            if pid == self.proc.pid:
                found = app if app.childCount > 0 else None
            elif pid not in App.started and _is_workbench(pid):
                raise AssertionError(f"a window of another test run (process {pid}) is on this run's accessibility bus")
        return found

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

    def find_toast(self, part):
        """The label of a toast that contains part, looked for from the last children first and
        returned as soon as it is met: a walk of the whole tree can outlast a toast."""
        for acc in walk(self.root, last_first=True):
            try:
                if acc.getRole() == pyatspi.ROLE_LABEL and part in (acc.name or ""):
                    return acc
            except Exception:
                continue
        return None

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
                # A button destroyed since the walk met it (editors rebuild their rows as records
                # change) raises GLib.GError on any read: it is skipped, the next search finds its
                # successor.
                try:
                    if acc.name == name:
                        return acc
                    for i in range(acc.childCount):
                        child = acc.getChildAtIndex(i)
                        if child is not None and child.getRole() == pyatspi.ROLE_LABEL and child.name == name:
                            return acc
                except GLib.GError:
                    continue
            return None
        return self._wait_for(search, f"the button “{name}”")

    def find_entry(self, name, within=None):
        def search():
            # GTK 4.8 names an entry after its label twice ("Name Name").
            for acc in self.find_all(role=pyatspi.ROLE_TEXT, showing_only=True, within=within) + \
                    self.find_all(role=pyatspi.ROLE_ENTRY, showing_only=True, within=within):
                try:
                    if acc.name in (name, f"{name} {name}"):
                        return acc
                except GLib.GError:
                    continue  # destroyed since the walk met it
            return None
        return self._wait_for(search, f"the field “{name}”")

    def click(self, name, within=None):
        """Presses the button; one destroyed between being found and pressed (its editor was
        rebuilt) is found again."""
        def press():
            try:
                return self.find_button(name, within).queryAction().doAction(0) or True
            except GLib.GError:
                return False
        self._wait_for(press, f"the button “{name}” to be pressed")
        time.sleep(0.3)

    def type_into(self, name, text, within=None):
        entry = self.find_entry(name, within)
        entry.queryEditableText().setTextContents(text)
        # The field saves 150 ms after the last keystroke (icw-edit-commit.h); wait well past that.
        time.sleep(1.0)
        return entry

    def select_section(self, name):
        self.select_in(self.find("Sections", pyatspi.ROLE_LIST), name)

    def select_in(self, selection_list, name):
        """Selects the row named name of a list (a sidebar, an editor's parts) and waits until the
        list says it is selected: the window has then handled the selection."""
        def row():
            try:
                for i in range(selection_list.childCount):
                    child = selection_list.getChildAtIndex(i)
                    if child is not None and child.name == name:
                        return i + 1
            except GLib.GError:
                pass  # the list is being rebuilt, or the window is too busy to answer: asked again
            return None
        self.select_index(selection_list, self._wait_for(row, f"the row “{name}”") - 1)

    def select_index(self, selection_list, index):
        selection = selection_list.querySelection()
        try:
            selection.selectChild(index)
        except GLib.GError:
            pass  # no reply in time (a loaded machine): whether it was selected is asked below

        def selected():
            try:
                return selection.isChildSelected(index)
            except GLib.GError:
                return False
        self._wait_for(selected, f"row {index} of the list selected")

    def quit(self):
        # SIGTERM quits like Ctrl+Q: windows close and pending edits are saved.
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=TIMEOUT)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


# The check panel's summary: "3 errors and 2 warnings", "0 errors and 1 warning" or "No errors and no
# warnings: …". A section's badge is named "2 warnings" alone, so the pattern asks for both halves.
SUMMARY = re.compile(r"^(\d+ errors? and \d+ warnings?|No errors and no warnings: .*)$")


def error_count(app):
    """The number of errors in the check panel's summary ("3 errors and 2 warnings")."""
    summary = app._wait_for(
        lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL)
                      if SUMMARY.match(a.name or "")), None),
        "the check summary")
    if summary.name.startswith("No errors"):
        return 0
    return int(summary.name.split()[0])


def focused(app):
    return next((a for a in walk(app.root)
                 if a.getState().contains(pyatspi.STATE_FOCUSED)
                 and a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)), None)


def icw_path():
    """The command line beside the window's binary in the build tree (src/cli/icw), or $ICW_CLI."""
    gui = os.environ.get("ICW_GUI", "")
    return os.environ.get("ICW_CLI", os.path.join(os.path.dirname(gui), "cli", "icw"))


def wait_for(predicate, what, timeout):
    """predicate's value once it is true, asked every 0.3 s for up to timeout seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


class WindowTestCase(unittest.TestCase):
    """The windows of a test on one database: a folder of the test's own (self.dir) with the
    database's path in it (self.db). The window in self.app and those in self.apps are killed at
    the end, then the folder removed."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "workbench.db")
        self.app = None
        self.apps = []

    def tearDown(self):
        for app in self.apps + ([self.app] if self.app is not None else []):
            app.kill()
        self.dir.cleanup()


class ServerTestCase(unittest.TestCase):
    """The windows of a test that syncs: a folder of the test's own, the command line `icw`, one
    real `icw serve` on loopback (start_server), and each window's settings and keyring of its own
    (instance_env). The windows in self.apps are killed and the server stopped at the end."""
    prefix = "icw-e2e-"

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix=self.prefix)
        self.dir = self.tmp.name
        self.icw_bin = icw_path()
        self.server = None
        self.apps = []
        self.env = dict(os.environ)
        self.env.pop("ICW_TOKEN", None)
        self.env.pop("LANGUAGE", None)
        self.env.update(LC_ALL="C.UTF-8", GIO_USE_PROXY_RESOLVER="dummy")

    def tearDown(self):
        for app in self.apps:
            app.kill()
        if self.server is not None and self.server.poll() is None:
            # SIGTERM, not SIGKILL: the server stops cleanly and removes its icw-serve-* scratch folder.
            self.server.terminate()
            try:
                self.server.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.communicate(timeout=10)
        self.tmp.cleanup()

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def icw(self, *args, token=None):
        env = dict(self.env)
        if token is not None:
            env["ICW_TOKEN"] = token
        result = subprocess.run([self.icw_bin] + list(args), capture_output=True, env=env, timeout=120)
        self.assertEqual(result.returncode, 0, "icw %s: %s" % (" ".join(args), result.stderr.decode()))
        return result.stdout.decode("utf-8")

    def start_server(self):
        """`icw serve` on a free port of its database server.db; its address (it prints it first)."""
        self.server = subprocess.Popen([self.icw_bin, "serve", "--db", self.path("server.db"), "--port", "0"],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.env)
        line = self.server.stdout.readline().decode("utf-8")
        match = re.match(r"^Listening on (http://127\.0\.0\.1:\d+)\n$", line)
        self.assertIsNotNone(match, "icw serve printed %r" % line)
        return match.group(1)

    def instance_env(self, name, url=None, token=None):
        """A window's settings (GSETTINGS_BACKEND=keyfile under an XDG_CONFIG_HOME of its own, the
        server's address pre-set when given) and keyring (libsecret's file backend); the token in
        ICW_TOKEN, which the workbench honours over the keyring, when given."""
        config = self.path(name, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
        if url is not None:
            with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
                f.write("[org/mfginnovation/Workbench]\nsync-server-url='%s'\n" % url)
        env = dict(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config,
                   GIO_USE_PROXY_RESOLVER="dummy", SECRET_BACKEND="file",
                   SECRET_FILE_TEST_PATH=self.path(name, "test.keyring"),
                   SECRET_FILE_TEST_PASSWORD="test")
        if token is not None:
            env["ICW_TOKEN"] = token
        return env
