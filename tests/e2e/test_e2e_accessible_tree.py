#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessible tree a screen reader reads, walked on every page of the window and every part of
every document editor, with the sample center loaded: each control (button, field, switch, list,
menu button) has a name, said once (GTK 4.8 joins a label given twice into "Name Name") and without
a mnemonic's underscore ("Mark as _Ready"). The counts found are printed before the failures."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

import pyatspi

from e2e_app import App, walk

# The command line beside the window's binary in the build tree (src/cli/icw), or the installed one.
_BUILT = os.path.join(os.path.dirname(os.environ.get("ICW_GUI", "")), "cli", "icw")
ICW = os.environ.get("ICW_CLI") or (_BUILT if os.path.exists(_BUILT) else "icw")

# The window's pages, and the list of parts of the document editor each shows (icw-document-kinds.c).
PAGES = {"Centers": None, "Organizations": None, "Applications": "Application sections",
         "IP Agreements": "Agreement sections", "Funding Requests": "Funding request pages"}

# What a user acts on: these must be named.
CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TABLE,
}
SWITCH = getattr(pyatspi, "ROLE_SWITCH", None)
if SWITCH is not None:
    CONTROLS.add(SWITCH)

# A mnemonic's underscore: at the start, after a space or an opening bracket ("提交(_S)").
MNEMONIC = re.compile(r"(^|[\s(（])_\w")


def doubled(name):
    """"Name Name": one label said twice."""
    half, rest = divmod(len(name) - 1, 2)
    return len(name) >= 3 and rest == 0 and name[half] == " " and name[:half] == name[half + 1:]


def named_by_child(acc):
    """A button without a name of its own is read by its one label child (an icon button is not)."""
    try:
        for i in range(acc.childCount):
            child = acc.getChildAtIndex(i)
            if child is not None and child.getRole() == pyatspi.ROLE_LABEL and (child.name or "").strip():
                return child.name
    except Exception:
        return None
    return None


class Findings:
    def __init__(self):
        self.unnamed = {}
        self.underscored = {}
        self.doubled = {}

    def visit(self, root):
        for acc in walk(root):
            try:
                role = acc.getRole()
                name = acc.name or ""
                if not acc.getState().contains(pyatspi.STATE_VISIBLE):
                    continue
            except Exception:
                continue
            problem = None
            if MNEMONIC.search(name):
                problem = self.underscored
            elif doubled(name):
                problem = self.doubled
            elif role in CONTROLS and not name.strip():
                child = named_by_child(acc) if role in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON) else None
                if child is None:
                    problem = self.unnamed
                elif MNEMONIC.search(child):
                    problem, name = self.underscored, child
            if problem is not None:
                problem[(self.context(acc), acc.getRoleName(), name)] = True

    @staticmethod
    def context(acc):
        """Where a control stands: its nearest named ancestors."""
        names = []
        parent = acc.parent
        while parent is not None and len(names) < 2:
            if parent.name:
                names.append(parent.name)
            parent = parent.parent
        return " < ".join(names)

    def report(self):
        lines = [f"{len(self.underscored)} names with a mnemonic's underscore, {len(self.doubled)} doubly named, "
                 f"{len(self.unnamed)} unnamed controls"]
        for title, found in (("underscore", self.underscored), ("doubled", self.doubled), ("unnamed", self.unnamed)):
            for where, role, name in sorted(found):
                lines.append(f"  {title}: [{where}] {role} “{name}”")
        return "\n".join(lines)


class AccessibleTree(unittest.TestCase):
    def test_every_page_and_editor(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "workbench.db")
            subprocess.run([ICW, "--db", db, "sample"], check=True, stdout=subprocess.DEVNULL)
            app = App(db)
            try:
                findings = Findings()
                frame = app.root
                sidebar = app.find("Sections", pyatspi.ROLE_LIST)
                # Every page and every part of every editor is shown once, so that each is built;
                # GTK 4.8 keeps the pages not on screen in the tree, so one walk then reads them all.
                for page, part_list_name in PAGES.items():
                    app.select_in(sidebar, page)
                    if part_list_name is None:
                        continue
                    # The page's editor, shown with its first document selected.
                    part_list = app.find(part_list_name, pyatspi.ROLE_LIST)
                    for i in range(part_list.childCount):
                        app.select_index(part_list, i)
                findings.visit(frame)
                report = findings.report()
                print(report, file=sys.stderr)
                self.assertFalse(findings.underscored or findings.doubled or findings.unnamed, report)
            finally:
                app.kill()


if __name__ == "__main__":
    unittest.main()
