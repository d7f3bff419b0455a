#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-dossier-schema.py: docs/dossier.schema.json is the schema that tests/dossier-schema.py
# builds from the sources (a column added to a table descriptor and not to the schema fails
# here), it is a valid JSON Schema (draft 2020-12), the exporter's dossiers of the sample center
# and of the whole database validate against it, and the corruptions that the importer refuses
# fail it too. Needs python3-jsonschema (Debian 12: 4.10, which has draft 2020-12).
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

ICW = None
SOURCE_ROOT = os.environ.get("ICW_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))


def load_generator():
    spec = importlib.util.spec_from_file_location("dossier_schema", os.path.join(SOURCE_ROOT, "tests", "dossier-schema.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDossierSchema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(SOURCE_ROOT, "docs", "dossier.schema.json"), encoding="utf-8") as f:
            cls.schema = json.load(f)
        cls.validator = jsonschema.Draft202012Validator(cls.schema)
        cls.tmp = tempfile.TemporaryDirectory(prefix="icw-schema-")
        env = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(cls.tmp.name, "xdg"))
        env.pop("LANGUAGE", None)
        db = os.path.join(cls.tmp.name, "workbench.db")

        def icw(*args):
            result = subprocess.run([ICW, "--db", db] + list(args), capture_output=True, env=env, timeout=120)
            assert result.returncode == 0, result.stderr.decode()
            return result.stdout.decode()

        center_id = icw("sample").strip()
        cls.dossiers = {}
        for name, what in (("center", [center_id]), ("database", ["--all"])):
            out = os.path.join(cls.tmp.name, name + ".json")
            icw("export", *what, "--format", "json", "-o", out)
            with open(out, encoding="utf-8") as f:
                cls.dossiers[name] = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_schema_is_generated_from_the_sources(self):
        self.assertEqual(load_generator().build(SOURCE_ROOT), self.schema,
                         "docs/dossier.schema.json is stale: python3 tests/dossier-schema.py . > docs/dossier.schema.json")

    def test_schema_is_valid(self):
        jsonschema.Draft202012Validator.check_schema(self.schema)

    def test_exports_validate(self):
        for name, dossier in self.dossiers.items():
            with self.subTest(dossier=name):
                errors = [e.message for e in self.validator.iter_errors(dossier)]
                self.assertEqual(errors, [])
                self.assertGreater(len(dossier["records"]), 50)

    def test_dossier_from_before_a_later_field_imports(self):
        """A field the catalogue marks LATER may be absent (a dossier written before it existed):
        such a dossier still validates and imports. Vacuous while no field is marked."""
        generator = load_generator()
        cols, order = generator.columns(generator.read(SOURCE_ROOT, "src/core/model/icw-field-catalogue.c"),
                                        generator.read(SOURCE_ROOT, "src/core/store/icw-store-tables.c"))
        kinds = generator.enum_keys(generator.read(SOURCE_ROOT, "src/core/model/icw-enums.c"))[1]
        later = {kind: [name for name, _, _, is_later in cols[colset] if is_later]
                 for (_, colset), kind in zip(order, kinds)}
        dossier = json.loads(json.dumps(self.dossiers["center"]))
        for record in dossier["records"]:
            for name in later[record["kind"]]:
                record["fields"].pop(name)
        self.assertEqual([e.message for e in self.validator.iter_errors(dossier)], [])
        with tempfile.TemporaryDirectory(prefix="icw-schema-old-") as tmp:
            path = os.path.join(tmp, "old.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(dossier, f, ensure_ascii=False)
            env = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(tmp, "xdg"))
            env.pop("LANGUAGE", None)
            result = subprocess.run([ICW, "--db", os.path.join(tmp, "w.db"), "import", path],
                                    capture_output=True, env=env, timeout=120)
            self.assertEqual(result.returncode, 0, result.stderr.decode())

    def corrupted(self, change):
        dossier = json.loads(json.dumps(self.dossiers["center"]))
        change(dossier)
        return dossier

    def test_corruptions_fail(self):
        def record(dossier, kind):
            return next(r for r in dossier["records"] if r["kind"] == kind)

        cases = {
            "newer version": lambda d: d.update(format_version=3),
            "unknown kind": lambda d: record(d, "shareholder").update(kind="gadget"),
            "wrong type": lambda d: record(d, "organization")["fields"].update(top_ten="no"),
            "unknown field": lambda d: record(d, "center")["fields"].update(colour="red"),
            "missing field": lambda d: record(d, "center")["fields"].pop("name"),
            "unknown enum key": lambda d: record(d, "organization")["fields"].update(kind="guild"),
            "bad base64": lambda d: record(d, "attachment")["blobs"].update(content="*not base64*"),
            "no content member": lambda d: record(d, "attachment").pop("blobs"),
            "int out of range": lambda d: record(d, "organization")["fields"].update(rd_base_year=2 ** 40),
            "unknown top-level member": lambda d: d.update(exported_at="today"),
            # The members of the structured parts and the checked fields are typed too.
            "time not ISO 8601": lambda d: record(d, "center").update(created_at="yesterday"),
            "id not a UUID": lambda d: record(d, "center").update(id="center-1"),
            "no such month": lambda d: record(d, "center")["fields"].update(host_founded="2023-13-01"),
            "cells as a string": lambda d: record(d, "budget-line")["fields"].update(cells="garbage"),
            "cell not fen": lambda d: record(d, "budget-line")["fields"].update(cells={"2026/central-fiscal": "12.5"}),
            "cell name": lambda d: record(d, "budget-line")["fields"].update(cells={"next year": "1"}),
            "milestones as a string": lambda d: record(d, "funding-request")["fields"].update(milestones="not json"),
            "milestone without a date": lambda d: record(d, "funding-request")["fields"].update(
                milestones=[{"amount_fen": "100"}]),
            "results member type": lambda d: record(d, "ip-agreement")["fields"].update(results=[{"title": 5}]),
            "owner share": lambda d: record(d, "ip-agreement")["fields"].update(
                results=[{"owners": [{"share_bp": 10001}]}]),
            "unknown ownership key": lambda d: record(d, "ip-agreement")["fields"].update(results=[{"ownership": "mine"}]),
            "guide answer": lambda d: record(d, "ip-agreement")["fields"].update(guide_answers={"idea": "everyone"}),
            "task number": lambda d: record(d, "application")["fields"].update(tasks={"9": "x"}),
            "indicator area": lambda d: record(d, "application")["fields"].update(indicators=[{"area": "astrology"}]),
            "share above 100%": lambda d: record(d, "shareholder")["fields"].update(share_bp=10001),
            "negative amount": lambda d: record(d, "shareholder")["fields"].update(amount_fen=-5),
            "credit code shape": lambda d: record(d, "organization")["fields"].update(credit_code="123"),
            "sha256 shape": lambda d: record(d, "attachment")["fields"].update(sha256="ABC"),
        }
        for name, change in cases.items():
            with self.subTest(corruption=name):
                self.assertFalse(self.validator.is_valid(self.corrupted(change)), name + " passed the schema")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test-dossier-schema.py /path/to/icw")
    ICW = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
