#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-menu-mnemonics.py SRCROOT: no two items of one menu of resources/ui/*.ui share a mnemonic
# (the underlined letter that Alt+letter opens), in English and in each language of po/LINGUAS
# (read from po/LANG.po). Two items with one letter make the key cycle between them instead of
# choosing one: the primary menu had "Sync _Account…" and "_About …" in both languages.
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ET

SRCROOT = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")


def unquote(s):
    """A .po string's text: its escapes (\\n, \\t, \\", \\\\) replaced by what they stand for."""
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def read_po(path):
    """{(context, msgid): msgstr} of the translated, not fuzzy, messages of a .po file."""
    catalogue = {}
    entry = {}
    fuzzy = False
    key = None

    def close():
        nonlocal entry, fuzzy
        if "msgid" in entry and entry.get("msgstr") and not fuzzy:
            catalogue[(entry.get("msgctxt"), entry["msgid"])] = entry["msgstr"]
        entry, fuzzy = {}, False

    with open(path, encoding="utf-8") as po:
        for line in po:
            line = line.strip()
            if not line:
                close()
            elif line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#"):
                continue
            else:
                m = re.match(r'(msgctxt|msgid|msgstr)\s+"(.*)"$', line)
                if m:
                    if m.group(1) == "msgctxt" or (m.group(1) == "msgid" and "msgid" in entry):
                        if m.group(1) == "msgctxt" or "msgstr" in entry:
                            close()
                    key = m.group(1)
                    entry[key] = unquote(m.group(2))
                elif line.startswith('"') and key:
                    entry[key] += unquote(line[1:-1])
    close()
    return catalogue


def mnemonic(label):
    """The letter after the first lone underscore, upper-cased, or None."""
    m = re.search(r"(?<!_)_([^_])", label)
    return m.group(1).upper() if m else None


def menus():
    """(file, menu id, [(context, label)]) for each <menu> and <submenu> of the .ui files: the
    items of its sections together, as one popover shows them."""
    uidir = os.path.join(SRCROOT, "resources", "ui")
    for name in sorted(os.listdir(uidir)):
        if not name.endswith(".ui"):
            continue
        tree = ET.parse(os.path.join(uidir, name))
        for menu in tree.iter():
            if menu.tag not in ("menu", "submenu"):
                continue
            labels = []

            def collect(node):
                for child in node:
                    if child.tag == "item":
                        for attr in child.findall("attribute"):
                            if attr.get("name") == "label" and attr.get("translatable") == "yes":
                                labels.append((attr.get("context"), attr.text))
                    elif child.tag == "section":
                        collect(child)
            collect(menu)
            yield name, menu.get("id", "?"), labels


def languages():
    with open(os.path.join(SRCROOT, "po", "LINGUAS"), encoding="utf-8") as f:
        return [code for line in f for code in line.split("#")[0].split()]


class MenuMnemonics(unittest.TestCase):
    def check(self, translate, language):
        for ui, menu_id, labels in menus():
            seen = {}
            for context, label in labels:
                shown = translate(context, label)
                letter = mnemonic(shown)
                if letter is None:
                    continue
                self.assertNotIn(letter, seen,
                                 f"{ui}, menu {menu_id}, {language}: “{shown}” and “{seen.get(letter)}” "
                                 f"both use Alt+{letter}")
                seen[letter] = shown

    def test_english(self):
        self.check(lambda context, label: label, "English")

    def test_translations(self):
        for code in languages():
            catalogue = read_po(os.path.join(SRCROOT, "po", code + ".po"))
            self.assertTrue(catalogue, f"po/{code}.po has no translated message")
            self.check(lambda context, label: catalogue.get((context, label), label), code)

    def test_menus_found(self):
        # The primary menu exists and has mnemonics: a parser that found nothing would pass.
        found = {menu_id: labels for _, menu_id, labels in menus()}
        self.assertIn("primary_menu", found)
        self.assertGreater(sum(1 for _, label in found["primary_menu"] if mnemonic(label)), 5)


if __name__ == "__main__":
    unittest.main()
