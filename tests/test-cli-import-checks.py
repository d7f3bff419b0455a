#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-import-checks.py: `icw import` refuses what the store would refuse, and damaged
# databases; `icw doctor` finds bad data planted behind the program's back. Each corruption of a
# dossier the sample exports (a time that is no time, a day that does not exist, garbage in the
# structured parts, a lone surrogate, bytes that are not UTF-8, 100,000 levels of nesting, shares,
# amounts, credit codes and keys out of bounds) exits 1 with a message naming the record and the
# field, and leaves the target database byte for byte as it was; a database whose pages fail
# PRAGMA quick_check is refused, dossier or CSV, before anything is written.
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

ICW = None


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def db_dump(path):
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


class ImportChecks(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="icw-import-checks-")
        self.dir = self.tmp.name
        self.env = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(self.dir, "xdg"),
                        G_DEBUG="fatal-criticals")
        self.env.pop("LANGUAGE", None)
        self.source = os.path.join(self.dir, "source.db")
        self.target = os.path.join(self.dir, "target.db")

    def tearDown(self):
        self.tmp.cleanup()

    def icw(self, status, db, *args):
        result = subprocess.run([ICW, "--db", db] + list(args), capture_output=True, env=self.env, timeout=120)
        self.assertGreaterEqual(result.returncode, 0, "icw was killed by a signal: %r" % (args,))
        out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
        self.assertEqual(result.returncode, status, "icw %s\nstdout: %s\nstderr: %s" % (" ".join(args), out, err))
        return out, err

    def sample_dossier(self):
        center_id = self.icw(0, self.source, "sample")[0].strip()
        path = os.path.join(self.dir, "sample.json")
        self.icw(0, self.source, "export", center_id, "--format", "json", "-o", path)
        with open(path, "rb") as f:
            return f.read()

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path


def first(dossier, kind):
    return next(r for r in dossier["records"] if r["kind"] == kind)


def change_field(kind, field, value):
    def change(d):
        record = first(d, kind)
        record["fields"][field] = value
        return record
    return change


def change_member(kind, member, value):
    def change(d):
        record = first(d, kind)
        record[member] = value
        return record
    return change


class TestDossierRefusals(ImportChecks):
    # name: (change of the parsed dossier returning the record changed, field, part of the message)
    CHANGES = {
        "created_at yesterday": (change_member("center", "created_at", "yesterday"), "created_at", "is not a time in UTC"),
        "host_founded 2023-02-31": (change_field("center", "host_founded", "2023-02-31"), "host_founded", "is not a date"),
        "garbage cells": (change_field("budget-line", "cells", "garbage"), "cells", "Budget amounts"),
        "garbage cell amount": (change_field("budget-line", "cells", {"2026/central-fiscal": "1.5e3"}), "cells", "Budget cell"),
        "milestones not json": (change_field("funding-request", "milestones", "not json"), "milestones", "Milestones"),
        "results truncated": (change_field("ip-agreement", "results", '{"x":'), "results", "Results"),
        "share 10001": (change_field("shareholder", "share_bp", 10001), "share_bp", "10001 is not a share"),
        "negative amount": (change_field("shareholder", "amount_fen", -5), "amount_fen", "-5 is not an amount"),
        "bad credit code": (change_field("organization", "credit_code", "91371000MA3H1Y4C93"), "credit_code", "credit"),
        "unknown enum key": (change_field("organization", "kind", "guild"), "kind", "unknown value “guild”"),
        "unknown key in a part": (change_field("ip-agreement", "results", [{"ownership": "mine"}]), "results", "ownership"),
        "owner share in a part": (change_field("ip-agreement", "results", [{"owners": [{"share_bp": 10001}]}]), "results",
                                  "basis points"),
        "guide answer": (change_field("ip-agreement", "guide_answers", {"idea": "everyone"}), "guide_answers", "Guide"),
        "milestone day": (change_field("funding-request", "milestones",
                                       [{"date": "2023-02-29", "amount_fen": "100", "condition": ""}]), "milestones", "Milestone 1"),
        "reference not an ID": (change_field("shareholder", "organization_id", "acme"), "organization_id", "is not an ID"),
    }

    def assert_refused(self, path, *parts):
        before_file, before_rows = file_digest(self.target), db_dump(self.target)
        _, err = self.icw(1, self.target, "import", path)
        for part in parts:
            self.assertIn(part, err)
        self.assertFalse(os.path.exists(self.target + "-wal") and os.path.getsize(self.target + "-wal") > 0)
        self.assertEqual(file_digest(self.target), before_file, "a refused import changed the database file")
        self.assertEqual(db_dump(self.target), before_rows)
        return err

    def test_corruptions(self):
        text = self.sample_dossier()
        self.icw(0, self.target, "sample")
        for name, (change, field, message) in self.CHANGES.items():
            with self.subTest(corruption=name):
                dossier = json.loads(text)
                record = change(dossier)
                path = self.write("bad.json", json.dumps(dossier, ensure_ascii=False, indent=2))
                err = self.assert_refused(path, "%s “%s”" % (record["kind"], record["id"]), "“%s”" % field, message)
                self.assertIn("not imported", err)

    def test_raw_text(self):
        text = self.sample_dossier().decode("utf-8")
        self.icw(0, self.target, "sample")
        org = first(json.loads(text), "organization")
        name = '"name" : "%s"' % org["fields"]["name"]
        self.assertIn(name, text)
        # A lone surrogate: json-glib would store it as bytes that are not UTF-8.
        self.assert_refused(self.write("surrogate.json", text.replace(name, '"name" : "\\ud800"', 1)),
                            "organization “%s”" % org["id"], "“name”", "lone surrogate")
        self.assert_refused(self.write("surrogate2.json", text.replace(name, '"name" : "a\\udc00b"', 1)),
                            "organization “%s”" % org["id"], "lone surrogate")
        # Bytes that are not UTF-8: the line is named.
        data = text.encode("utf-8").replace(name.encode("utf-8"), b'"name" : "\xff\xfe"', 1)
        line = data[: data.index(b"\xff")].count(b"\n") + 1
        self.assert_refused(self.write("latin.json", data), "organization “%s”: the field “name”" % org["id"],
                            "not UTF-8 text (line %d)" % line)
        # 100,000 levels of nesting: refused before json-glib could recurse into them.
        deep = text.replace('"top_ten" : false', '"top_ten" : ' + "[" * 100000 + "]" * 100000, 1)
        plain = next(r for r in json.loads(text)["records"] if r["fields"].get("top_ten") is False)
        self.assert_refused(self.write("deep.json", deep), "organization “%s”: the field “top_ten”" % plain["id"],
                            "more than 64 levels")
        # The same inside a structured part written as a string (version 1).
        deep_part = json.loads(text)
        change_field("funding-request", "milestones", "[" * 100000)(deep_part)
        self.assert_refused(self.write("deep-part.json", json.dumps(deep_part)), "“milestones”", "Milestones")

    def test_version_1_read(self):
        text = self.sample_dossier()
        dossier = json.loads(text)
        self.assertEqual(dossier["format_version"], 2)
        # A line may have no amounts (null); the records come in the order of their random IDs.
        lines = [r for r in dossier["records"] if r["kind"] == "budget-line" and r["fields"]["cells"] is not None]
        self.assertTrue(lines)
        for line in lines:
            self.assertIsInstance(line["fields"]["cells"], dict)
        dossier["format_version"] = 1
        for record in dossier["records"]:
            for key, value in record["fields"].items():
                if isinstance(value, (dict, list)):
                    record["fields"][key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        path = self.write("v1.json", json.dumps(dossier, ensure_ascii=False, indent=2))
        self.icw(0, self.target, "import", path)
        center_id = dossier["centers"][0]
        again = os.path.join(self.dir, "again.json")
        self.icw(0, self.target, "export", center_id, "--format", "json", "-o", again)
        with open(again, "rb") as f:
            self.assertEqual(f.read(), text, "a version 1 dossier did not give the version 2 export back")


class TestDamagedDatabase(ImportChecks):
    def damage(self):
        """Overwrites the page of an index that nothing reads on the way: the file opens, its
        tables read, and PRAGMA quick_check fails."""
        self.icw(0, self.target, "sample")
        connection = sqlite3.connect(self.target)
        page = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'budget_lines_category'").fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        connection.close()
        with open(self.target, "r+b") as f:
            f.seek((page - 1) * size)
            f.write(b"\xa5" * size)

    def test_dossier_and_csv_refused(self):
        dossier = self.write("sample.json", self.sample_dossier())
        csv = self.write("centers.csv", "名称,级别\r\n测试创新中心,省级\r\n")
        self.damage()
        before = file_digest(self.target)
        for path in (dossier, csv):
            with self.subTest(path=os.path.basename(path)):
                _, err = self.icw(1, self.target, "import", path)
                self.assertIn("is damaged", err)
                self.assertIn("icw doctor", err)
                self.assertEqual(file_digest(self.target), before, "an import wrote into a damaged database")


class TestDoctorFindsPlanted(ImportChecks):
    def test_planted(self):
        self.icw(0, self.target, "sample")
        out, _ = self.icw(0, self.target, "doctor")
        self.assertIn("No problems", out)
        connection = sqlite3.connect(self.target)
        with connection:
            request = connection.execute("SELECT id FROM funding_requests LIMIT 1").fetchone()[0]
            org = connection.execute("SELECT id FROM organizations ORDER BY id LIMIT 1").fetchone()[0]
            center = connection.execute("SELECT id FROM centers LIMIT 1").fetchone()[0]
            line = connection.execute("SELECT id FROM budget_lines LIMIT 1").fetchone()[0]
            connection.execute("UPDATE funding_requests SET milestones = 'not json' WHERE id = ?", (request,))
            connection.execute("UPDATE organizations SET city = CAST(X'E6B58BFF' AS TEXT) WHERE id = ?", (org,))
            connection.execute("UPDATE centers SET created_at = 'yesterday', host_founded = '2023-02-31' WHERE id = ?", (center,))
            connection.execute("""UPDATE budget_lines SET cells = '{"2026/central-fiscal":"-1"}' WHERE id = ?""", (line,))
            # What the kind's own rules refuse in a save.
            agreement = connection.execute("SELECT id FROM ip_agreements LIMIT 1").fetchone()[0]
            connection.execute("UPDATE ip_agreements SET confidentiality_years = 200 WHERE id = ?", (agreement,))
        connection.close()
        out, _ = self.icw(1, self.target, "doctor")
        self.assertIn("funding-request “%s”, field “milestones”: Milestones" % request, out)
        self.assertIn("organization “%s”: the field “city” holds text that is not valid UTF-8" % org, out)
        self.assertIn("center “%s”, field “created_at”: “yesterday”" % center, out)
        self.assertIn("center “%s”, field “host_founded”: “2023-02-31”" % center, out)
        self.assertIn("budget-line “%s”, field “cells”: Budget" % line, out)
        self.assertIn("ip-agreement “%s”: Confidentiality: it may last at most 100 years" % agreement, out)
        # And the check of the request whose milestones were destroyed is an error, not "ready".
        out, _ = self.icw(1, self.target, "check", request)
        self.assertIn("Error [milestones]", out)
        self.assertIn("Milestones: the text is not a JSON list", out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test-cli-import-checks.py /path/to/icw")
    ICW = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
