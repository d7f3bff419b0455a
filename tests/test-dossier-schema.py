#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-dossier-schema.py: the dossier's JSON Schema that the build made with `icw dossier-schema`
# from the field catalogue (dossier.schema.json in the build directory, installed to the data
# directory) is what the program prints, a valid JSON Schema (draft 2020-12); the exporter's
# dossiers of the sample center and of the whole database validate against it, a dossier written
# before a later field still validates and imports, and the corruptions that the importer refuses
# fail it too, down to each member of each structured part. Needs python3-jsonschema (Debian 12:
# 4.10, which has draft 2020-12).
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

ICW = None
SCHEMA = None


class TestDossierSchema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SCHEMA, encoding="utf-8") as f:
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

    def test_schema_is_what_the_program_prints(self):
        with tempfile.TemporaryDirectory(prefix="icw-schema-tmp-") as tmp:
            env = dict(os.environ, LC_ALL="C.UTF-8", TMPDIR=tmp)
            env.pop("LANGUAGE", None)
            result = subprocess.run([ICW, "dossier-schema"], capture_output=True, env=env, timeout=120)
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            self.assertEqual(json.loads(result.stdout), self.schema)
            # Nothing is left of the temporary database it made the schema with.
            self.assertEqual(os.listdir(tmp), [])

    def test_every_part_member_is_typed(self):
        """Every member of every structured part has a type (or is a nested part), and every
        structured field refers to its part."""
        defs = self.schema["$defs"]
        parts = {name: d for name, d in defs.items() if name.startswith("part-")}
        self.assertGreaterEqual(len(parts), 10)
        for name, part in parts.items():
            with self.subTest(part=name):
                if part["type"] == "array":
                    members = part["items"]["properties"]
                elif "additionalProperties" in part and isinstance(part["additionalProperties"], dict):
                    members = {"(value)": part["additionalProperties"]}
                else:
                    members = part["properties"]
                self.assertTrue(members)
                for member, schema in members.items():
                    self.assertTrue({"type", "enum", "oneOf", "$ref"} & set(schema), f"{name}/{member} is untyped")
        for kind in ("application", "ip-agreement", "agreement-party", "funding-request", "budget-line"):
            fields = defs[kind]["properties"]["fields"]["properties"]
            self.assertTrue(any("oneOf" in f and f["oneOf"][0].get("$ref", "").startswith("#/$defs/part-")
                                for f in fields.values()), kind)

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
        such a dossier still validates and imports."""
        later = {}
        for kind in self.schema["$defs"]["record"]["properties"]["kind"]["enum"]:
            fields = self.schema["$defs"][kind]["properties"]["fields"]
            later[kind] = [name for name in fields["properties"] if name not in fields["required"]]
        self.assertIn("rd_staff", later["center"])
        dossier = json.loads(json.dumps(self.dossiers["center"]))
        # Such a dossier has no record of a kind added since (reports, and the attachments that
        # belong to one).
        dossier["records"] = [r for r in dossier["records"]
                              if r["kind"] != "report" and not r["fields"].get("report_id")]
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
            # Each kind of member of a structured part, typed from the catalogue's part types.
            "roadmap level as text": lambda d: record(d, "application")["fields"].update(roadmap=[{"trl_from": "3"}]),
            "roadmap technology as a number": lambda d: record(d, "application")["fields"].update(roadmap=[{"technology": 7}]),
            "platform kind": lambda d: record(d, "application")["fields"].update(capability_platforms=[{"kind": "kitchen"}]),
            "task plan as a list": lambda d: record(d, "application")["fields"].update(tasks={"1": ["x"]}),
            "creator not an ID": lambda d: record(d, "ip-agreement")["fields"].update(results=[{"creator_id": "org-1"}]),
            "owner not an ID": lambda d: record(d, "ip-agreement")["fields"].update(
                results=[{"owners": [{"organization_id": "org-1"}]}]),
            "owners as text": lambda d: record(d, "ip-agreement")["fields"].update(results=[{"owners": "all of us"}]),
            "owner share as text": lambda d: record(d, "ip-agreement")["fields"].update(
                results=[{"owners": [{"share_bp": "5000"}]}]),
            "guide answer as text": lambda d: record(d, "ip-agreement")["fields"].update(
                guide_answers={"fast_moving": "yes"}),
            "guide answer unknown": lambda d: record(d, "ip-agreement")["fields"].update(guide_answers={"mood": "good"}),
            "background IP kind": lambda d: record(d, "agreement-party")["fields"].update(background_ip=[{"kind": "trade-secret"}]),
            "background IP number as a number": lambda d: record(d, "agreement-party")["fields"].update(
                background_ip=[{"number": 202110123456}]),
            "milestone date not ISO 8601": lambda d: record(d, "funding-request")["fields"].update(
                milestones=[{"date": "30/01/2026", "amount_fen": "100"}]),
            "milestone amount 0": lambda d: record(d, "funding-request")["fields"].update(
                milestones=[{"date": "2026-03-01", "amount_fen": "0"}]),
            "milestone amount as a number": lambda d: record(d, "funding-request")["fields"].update(
                milestones=[{"date": "2026-03-01", "amount_fen": 100}]),
            "cell as a number": lambda d: record(d, "budget-line")["fields"].update(cells={"2026/central-fiscal": 100}),
            "cell null": lambda d: record(d, "budget-line")["fields"].update(cells={"2026/central-fiscal": None}),
        }
        for name, change in cases.items():
            with self.subTest(corruption=name):
                self.assertFalse(self.validator.is_valid(self.corrupted(change)), name + " passed the schema")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: test-dossier-schema.py /path/to/icw /path/to/dossier.schema.json")
    ICW = os.path.abspath(sys.argv.pop(1))
    SCHEMA = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
