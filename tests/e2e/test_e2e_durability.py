#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of "never lose an edit" and of one instance per database: the real ic-workbench
window, driven through the accessibility tree (e2e_app.py).

The kill loop types into a field (the application's title) and into a long narrative section
(Background), kills the program with SIGKILL at a delay after the last keystroke, and reads the
database with Python's sqlite3: from 0.3 s on the text must be there (the editors save 150 ms after
the last keystroke). Closing the window right after typing must save the text too. A second
launch on the same database must open no second window; a launch on another database starts its
own instance."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

import pyatspi

from e2e_app import App, GUI, walk

ICW = os.environ.get("ICW_CLI") or os.path.join(os.path.dirname(os.path.abspath(GUI)), "cli", "icw")
DELAYS = (0.1, 0.2, 0.3, 0.4, 0.6, 1.0)
MUST_KEEP_FROM = 0.3
LONG_TEXT = "制造业创新中心围绕行业共性关键技术开展研发、转移扩散和首次商业化。" * 60


class Durability(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="icw-e2e-durability-")
        cls.db = os.path.join(cls.dir, "workbench.db")
        subprocess.run([ICW, "--db", cls.db, "sample"], check=True, stdout=subprocess.DEVNULL)
        # Settings from a key file, so the window opens on the applications page, where the
        # sample's only application is selected: no navigation, so each run is short.
        config = os.path.join(cls.dir, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write("[org/mfginnovation/Workbench]\nlast-page='applications'\n")
        cls.env = {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def setUp(self):
        self.apps = []

    def tearDown(self):
        for app in self.apps:
            app.kill()

    def start(self, db=None):
        app = App(db or self.db, env=self.env)
        self.apps.append(app)
        return app

    @staticmethod
    def editable(app, name):
        """The first editable field or text area named `name`: the walk stops there, which keeps
        each run short (the whole tree has over a thousand nodes)."""
        def search():
            for acc in walk(app.root):
                try:
                    if acc.name in (name, f"{name} {name}") and \
                            acc.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) and \
                            acc.getState().contains(pyatspi.STATE_EDITABLE):
                        return acc
                except Exception:
                    continue
            return None
        return app._wait_for(search, f"the editable “{name}”")

    def stored(self, column):
        with sqlite3.connect(self.db) as db:
            return db.execute(f"SELECT {column} FROM applications WHERE status = 'draft'").fetchone()[0]

    def type_then_kill(self, name, column, text, delay):
        app = self.start()
        target = self.editable(app, name)
        target.queryEditableText().setTextContents(text)
        typed = time.monotonic()
        time.sleep(max(0.0, delay - (time.monotonic() - typed)))
        app.proc.send_signal(signal.SIGKILL)
        killed = time.monotonic() - typed
        app.proc.wait()
        return self.stored(column) == text, killed

    def test_kill_loop(self):
        results = []
        for delay in DELAYS:
            for name, column, text in (("Title", "title", f"标题 {delay}"),
                                       ("Background", "section_background", f"{delay} {LONG_TEXT}")):
                saved, killed = self.type_then_kill(name, column, text, delay)
                results.append((name, delay, killed, saved))
                print(f"   killed {killed:.3f} s after typing into {name}: {'saved' if saved else 'lost'}",
                      flush=True)
        lost = [r for r in results if r[1] >= MUST_KEEP_FROM and not r[3]]
        self.assertEqual(lost, [], "edits lost although the kill came 0.3 s or more after typing")

    def test_close_right_after_typing_saves(self):
        app = self.start()
        title = "关窗前刚输入的标题"
        background = "关窗前刚输入的背景。" + LONG_TEXT
        self.editable(app, "Title").queryEditableText().setTextContents(title)
        self.editable(app, "Background").queryEditableText().setTextContents(background)
        app.find_button("Close").queryAction().doAction(0)
        self.assertEqual(app.proc.wait(timeout=20), 0)
        self.assertEqual(self.stored("title"), title)
        self.assertEqual(self.stored("section_background"), background)

    def test_sigterm_right_after_typing_saves(self):
        app = self.start()
        title = "终止前刚输入的标题"
        self.editable(app, "Title").queryEditableText().setTextContents(title)
        self.assertEqual(app.quit(), 0)
        self.assertEqual(self.stored("title"), title)

    def test_one_instance_per_database(self):
        first = self.start()
        self.editable(first, "Title")
        second = subprocess.Popen([GUI, "--db", self.db], env=dict(os.environ, **self.env))
        self.assertEqual(second.wait(timeout=20), 0)
        frames = [first.root.getChildAtIndex(i) for i in range(first.root.childCount)]
        frames = [f for f in frames if f is not None and f.getRole() == pyatspi.ROLE_FRAME]
        self.assertEqual(len(frames), 1)
        self.assertIsNone(first.proc.poll())

        # Another database is another instance, with its own window.
        other_db = os.path.join(self.dir, "other.db")
        subprocess.run([ICW, "--db", other_db, "sample"], check=True, stdout=subprocess.DEVNULL)
        other = self.start(other_db)
        self.editable(other, "Title")
        self.assertIsNone(other.proc.poll())
        self.assertIsNone(first.proc.poll())
        self.assertEqual(other.quit(), 0)
        self.assertEqual(first.quit(), 0)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
