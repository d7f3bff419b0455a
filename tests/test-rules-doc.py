#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-rules-doc.py: docs/rules.md is what tests/rules-doc.py makes of the bundled packs (a rule
# changed in a pack and not in the document fails here), and every bundled rule names its basis:
# a policy text with the words it rests on, or program practice, which blocks only where marked
# essential.
import json
import os
import subprocess
import sys
import unittest

SOURCE_ROOT = os.environ.get("ICW_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))


class TestRulesDoc(unittest.TestCase):
    def test_generated(self):
        made = subprocess.run([sys.executable, os.path.join(SOURCE_ROOT, "tests", "rules-doc.py"), SOURCE_ROOT],
                              check=True, capture_output=True, text=True).stdout
        with open(os.path.join(SOURCE_ROOT, "docs", "rules.md"), encoding="utf-8") as f:
            written = f.read()
        self.assertEqual(written, made, "docs/rules.md is out of date: python3 tests/rules-doc.py . > docs/rules.md")

    def test_every_rule_has_basis(self):
        folder = os.path.join(SOURCE_ROOT, "resources", "rules")
        rules = 0
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                pack = json.load(f)
            self.assertNotIn("unverified", json.dumps(pack["title"], ensure_ascii=False))
            for rule in pack["rules"]:
                rules += 1
                c = rule["citation"]
                self.assertIn(c["basis"], ("policy", "program-practice", "source-not-found"), rule["id"])
                if c["basis"] == "policy":
                    self.assertTrue(c.get("quote") and c.get("document"), rule["id"])
                elif rule["severity"] == "error":
                    self.assertTrue(c.get("essential"), rule["id"])
        self.assertGreater(rules, 50)

    def test_every_scoring_item_has_basis(self):
        folder = os.path.join(SOURCE_ROOT, "resources", "scoring")
        items = 0
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json") or name == "filing-windows.json":
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                scheme = json.load(f)
            for entry in scheme["items"] + [scheme["grades"]]:
                items += 1
                c = entry["citation"]
                self.assertIn(c["basis"], ("policy", "program-practice", "source-not-found"), name)
                if c["basis"] == "policy":
                    self.assertTrue(c.get("quote") and c.get("document"), name)
        self.assertGreater(items, 10)


if __name__ == "__main__":
    unittest.main()
