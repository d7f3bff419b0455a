#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli.py: drives the real icw binary against temporary databases and checks the contract of
# docs/cli.md: exit statuses (0 success, 1 failure, 2 usage error), the --json formats (integers
# for money and shares, never floats), import all-or-nothing, doctor on good and damaged files,
# refusal of a database from a newer version, UTF-8 output in any locale, and the applications:
# list, show and check (exit 1 only when the rule packs find an error); the funding requests: list,
# show, check, export (the export's contents are tested in test-funding-export.py).
#
# Usage: python3 tests/test-cli.py /path/to/icw   (meson test -C BUILDDIR cli)

import hashlib
import json
import re
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zipfile

ICW = None
SAMPLE_CENTER = "齐鲁海洋工程装备制造业创新中心"
# The sample's application of today (its draft upgrade) and the accepted 验收认定 that recognized it
# (ICW_SAMPLE_APPLICATION_TITLE and ICW_SAMPLE_RECOGNITION_TITLE in icw-sample.h).
SAMPLE_APPLICATION = "国家海洋工程装备创新中心建设方案"
SAMPLE_RECOGNITION = "齐鲁海洋工程装备制造业创新中心验收认定申请报告"
# The 任务书 row that the 2025 assessment reports missed (ICW_SAMPLE_MISSED_INDICATOR).
SAMPLE_MISSED = "中试验证服务"


def base_env(home):
    """English messages and a UTF-8 locale, and a data dir of the test's own."""
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    env["XDG_DATA_HOME"] = os.path.join(home, "xdg-data")
    env["G_DEBUG"] = "fatal-criticals"
    return env


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# The only numbers that may have decimals: an indicator's baseline and its targets per year (the
# 绩效目标表 holds them in the indicator's unit, 52.5 %); docs/cli.md.
DECIMAL_MEMBERS = re.compile(r"\.indicators\[\d+\]\.(baseline_value|years\[\d+\]\.target)$")


def assert_no_floats(test, value, where="$"):
    """Money and shares are integers in the JSON contract: no float may appear anywhere but an
    indicator's baseline and targets."""
    if isinstance(value, float):
        test.assertRegex(where, DECIMAL_MEMBERS, "a float at " + where)
    if isinstance(value, dict):
        for key, item in value.items():
            assert_no_floats(test, item, where + "." + key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            assert_no_floats(test, item, "%s[%d]" % (where, index))


class IcwTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="icw-cli-")
        self.dir = self.tmp.name
        self.db = os.path.join(self.dir, "workbench.db")
        self.env = base_env(self.dir)

    def tearDown(self):
        self.tmp.cleanup()

    def run_icw(self, *args, db=True, env=None):
        argv = [ICW] + (["--db", self.db] if db else []) + list(args)
        result = subprocess.run(argv, capture_output=True, env=env or self.env, timeout=120)
        # Everything icw writes is UTF-8; decoding strictly checks it.
        result.out = result.stdout.decode("utf-8")
        result.err = result.stderr.decode("utf-8")
        self.assertGreaterEqual(result.returncode, 0,
                                "icw was killed by a signal: %r\n%s" % (args, result.err))
        return result

    def expect(self, status, *args, **kwargs):
        result = self.run_icw(*args, **kwargs)
        self.assertEqual(result.returncode, status,
                         "icw %s\nstdout: %s\nstderr: %s" % (" ".join(args), result.out, result.err))
        return result

    def expect_json(self, *args):
        result = self.expect(0, *args)
        value = json.loads(result.out)
        assert_no_floats(self, value)
        return value

    def load_sample(self):
        result = self.expect(0, "sample")
        center_id = result.out.strip()
        self.assertRegex(center_id, r"^[0-9a-f-]{36}$")
        return center_id

    def write(self, name, text, encoding="utf-8"):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write(text)
        return path


class TestGeneral(IcwTestCase):
    def test_version(self):
        result = self.expect(0, "--version", db=False)
        self.assertRegex(result.out, r"^icw \d+\.\d+\.\d+\n$")
        self.assertEqual(result.err, "")

    def test_help(self):
        result = self.expect(0, "--help", db=False)
        for command in ("import", "list", "show", "check", "doctor", "sample", "applications", "--db", "--json"):
            self.assertIn(command, result.out)

    def test_usage_errors(self):
        cases = [
            [],                               # no command
            ["frobnicate"],                   # unknown command
            ["--frobnicate", "list", "centers"],
            ["list"],
            ["list", "widgets"],
            ["list", "centers", "extra"],
            ["show"],
            ["show", "a", "b"],
            ["doctor", "--json"],
            ["doctor", "extra"],
            ["sample", "--kind", "centers"],
            ["import"],
            ["import", "x.csv", "--kind", "widgets"],
            ["check"],
            ["check", "a", "b"],
            ["check", "a", "--kind", "centers"],
            ["export"],
            ["export", "a", "-o", "out.csv"],
            ["export", "a", "--format", "ods", "-o", "out.ods"],
            ["export", "a", "--format", "csv"],
            ["export", "a", "b", "--format", "csv", "-o", "out.csv"],
            ["export", "--all", "--format", "pdf", "-o", "out.pdf"],
            ["export", "--all", "a", "--format", "json", "-o", "out.json"],
            ["export", "--all", "--format", "json"],
            ["list", "funding", "--format", "csv"],
            ["show", "a", "-o", "out.txt"],
        ]
        for args in cases:
            with self.subTest(args=args):
                result = self.expect(2, *args)
                self.assertIn("icw --help", result.err)
                self.assertEqual(result.out, "")
        self.expect(2, "--db", db=False)
        self.assertFalse(os.path.exists(self.db), "a usage error created the database")

    def test_unknown_command(self):
        result = self.expect(2, "frobnicate")
        self.assertIn("frobnicate", result.err)

    def test_export_pdf(self):
        # A center has no document: exit 1, nothing written; a funding request's is a PDF.
        self.load_sample()
        center = self.expect_json("list", "centers", "--json")[0]
        out = os.path.join(self.dir, "out.pdf")
        result = self.expect(1, "export", center["id"], "--format", "pdf", "-o", out)
        self.assertIn("has no document", result.err)
        self.assertEqual(result.out, "")
        self.assertFalse(os.path.exists(out))
        request = self.expect_json("list", "funding", "--json")[0]
        self.expect(0, "export", request["id"], "--format", "pdf", "-o", out)
        with open(out, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")

    def test_missing_database(self):
        for args in (["list", "centers"], ["list", "applications"], ["show", "x"], ["check", "x"], ["doctor"]):
            with self.subTest(args=args):
                result = self.expect(1, *args)
                self.assertIn(self.db, result.err)
        self.assertFalse(os.path.exists(self.db), "a read-only command created the database")


class TestSample(IcwTestCase):
    def test_sample_and_lists(self):
        center_id = self.load_sample()

        centers = self.expect_json("list", "centers", "--json")
        self.assertIsInstance(centers, list)
        matches = [c for c in centers if c["name"] == SAMPLE_CENTER]
        self.assertEqual(len(matches), 1)
        center = matches[0]
        self.assertEqual(center["id"], center_id)
        self.assertEqual(center["level"], "provincial")
        self.assertEqual(center["status"], "recognized")
        self.assertEqual(center["year"], 2023)
        self.assertEqual(center["recognized_on"], "2023-12-20")
        self.assertEqual(center["field"], "海洋工程装备")
        self.assertIsInstance(center["host_capital_fen"], int)
        self.assertGreater(center["host_capital_fen"], 0)

        orgs = self.expect_json("list", "organizations", "--json")
        self.assertGreaterEqual(len(orgs), 14)
        for org in orgs:
            self.assertRegex(org["id"], r"^[0-9a-f-]{36}$")
            self.assertTrue(org["name"])
            self.assertEqual(len(org["credit_code"]), 18)
            self.assertEqual(len(org["rd_intensity_bp"]), 3)
        self.assertGreaterEqual(sum(1 for o in orgs if o["top_ten"]), 2)

        text = self.expect(0, "list", "centers").out
        self.assertIn(SAMPLE_CENTER, text)
        self.assertIn(center_id, text)

    def test_sample_twice(self):
        self.load_sample()
        before = file_digest(self.db)
        result = self.expect(1, "sample")
        self.assertIn(SAMPLE_CENTER, result.err)
        self.assertEqual(file_digest(self.db), before)
        self.assertEqual(len(self.expect_json("list", "centers", "--json")), 1)

    def test_show_center_json(self):
        center_id = self.load_sample()
        center = self.expect_json("show", center_id, "--json")
        self.assertEqual(center["id"], center_id)
        self.assertEqual(center["record_kind"], "center")
        self.assertEqual(center["name"], SAMPLE_CENTER)

        holders = center["shareholders"]
        self.assertTrue(6 <= len(holders) <= 8)
        self.assertEqual(center["share_total_bp"], 10000)
        self.assertEqual(sum(h["share_bp"] for h in holders), 10000)
        self.assertTrue(all(0 < h["share_bp"] <= 5000 for h in holders))
        self.assertEqual(sum(h["amount_fen"] for h in holders), center["host_capital_fen"])
        self.assertTrue(all(h["organization_name"] for h in holders))

        members = center["alliance_members"]
        self.assertTrue(14 <= len(members) <= 20)
        # 用户企业 is the organization's flag, not a role (formats.md, "Member roles").
        self.assertEqual({m["role"] for m in members}, {"lead", "core", "ordinary"})
        self.assertIn(False, {m["agreement_signed"] for m in members})

        # The coverage counts what 64号's rule counts: the pack's listed kinds, in the center's field
        # (the platforms list shows every platform the members hold).
        coverage = center["platform_coverage"]
        pack = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "rules",
                            "miit-2017-64-upgrade.json")
        with open(pack, encoding="utf-8") as f:
            rule = next(r for r in json.load(f)["rules"] if r["kind"] == "platform-coverage")
        counted = [p for p in center["platforms"]
                   if p["kind"] in rule["params"]["kinds"] and (p.get("field") or "").strip() == center["field"].strip()]
        self.assertEqual(coverage["held"], len(counted))
        self.assertLess(coverage["held"], len(center["platforms"]), "the sample holds platforms 64号 does not count")
        self.assertTrue(5 <= coverage["held"] <= 8)
        self.assertEqual(coverage["field_total"], center["field_platform_total"])
        expected = (coverage["held"] * 10000 + coverage["field_total"] // 2) // coverage["field_total"]
        self.assertEqual(coverage["coverage_bp"], expected)

    def test_show_center_text(self):
        center_id = self.load_sample()
        text = self.expect(0, "show", center_id).out
        self.assertIn(SAMPLE_CENTER, text)
        self.assertIn("100.00%", text)          # the share total
        self.assertIn("10000.00", text)         # the registered capital in 万元
        self.assertNotIn("(null)", text)
        # By name, as people would type it.
        self.assertEqual(self.expect(0, "show", SAMPLE_CENTER).out, text)

    def test_show_any_kind(self):
        center_id = self.load_sample()
        center = self.expect_json("show", center_id, "--json")
        records = {
            "organization": center["lead_organization_id"],
            "shareholder": center["shareholders"][0]["id"],
            "alliance-member": center["alliance_members"][0]["id"],
            "platform": center["platforms"][0]["id"],
        }
        for kind, record_id in records.items():
            with self.subTest(kind=kind):
                record = self.expect_json("show", record_id, "--json")
                self.assertEqual(record["id"], record_id)
                self.assertEqual(record["record_kind"], kind)
                text = self.expect(0, "show", record_id).out
                self.assertIn(record_id, text)
                self.assertNotIn("(null)", text)
        org = self.expect_json("show", records["organization"], "--json")
        self.assertGreaterEqual(len(org["platforms"]), 1)

    def test_show_every_kind_has_every_field(self):
        """`show` and `show --json` of a record of each of the twelve kinds give every field the
        catalogue lists for the kind (the schema `icw dossier-schema` prints lists them): a JSON
        member each, named by the column, and a line each with its label. The exceptions are
        documented in docs/cli.md: an application's sections (its "sections"), a request's
        milestones and a budget line's cells (typed otherwise), an organization's intensities
        (one array)."""
        self.load_sample()
        schema = json.loads(self.expect(0, "dossier-schema", db=False).out)
        dossier_path = os.path.join(self.dir, "all.json")
        self.expect(0, "export", "--all", "--format", "json", "-o", dossier_path)
        with open(dossier_path, encoding="utf-8") as f:
            records = json.load(f)["records"]
        otherwise = {
            "organization": {"rd_intensity_1", "rd_intensity_2", "rd_intensity_3"},
            "application": {"section_background", "section_foundation", "section_goals", "section_approach",
                            "section_mechanism", "section_assessment", "section_risks", "section_budget",
                            "section_benefits", "section_market_plan", "roadmap", "capability_platforms",
                            "indicators", "tasks"},
            "funding-request": {"milestones"},
            "budget-line": {"cells"},
        }
        # As text, also: the intensities by year, the packs (`icw check` names them), the results
        # (in the agreement's text), and a request's years, sources and deduction in words.
        text_otherwise = {
            "organization": {"rd_base_year"},
            "center": {"rule_packs"},
            "ip-agreement": {"results"},
            "funding-request": {"start_year", "category_set", "tax_deduction", "tax_deduction_fen"},
        }
        kinds = schema["$defs"]["record"]["properties"]["kind"]["enum"]
        self.assertEqual(len(kinds), 12)
        for kind in kinds:
            with self.subTest(kind=kind):
                record = next(r for r in records if r["kind"] == kind)
                fields = schema["$defs"][kind]["properties"]["fields"]["properties"]
                shown = self.expect_json("show", record["id"], "--json")
                self.assertEqual(shown["record_kind"], kind)
                for name in fields:
                    if name not in otherwise.get(kind, set()):
                        self.assertIn(name, shown)
                # Each reference to another record comes with that record's name or title.
                for name, field in fields.items():
                    if "x-refers-to" in field or not name.endswith("_id") or name == "lineage_id":
                        continue
                    stem = name[:-len("_id")]
                    self.assertTrue(stem + "_name" in shown or stem + "_title" in shown, name)
                    if shown[name] is not None:
                        self.assertTrue(shown.get(stem + "_name") or shown.get(stem + "_title"), name)
                text = self.expect(0, "show", record["id"]).out
                self.assertIn(record["id"], text)
                self.assertNotIn("(null)", text)
                # A line per field: its label (the schema's description, untranslated here).
                for name, field in fields.items():
                    if name not in otherwise.get(kind, set()) | text_otherwise.get(kind, set()):
                        self.assertIn(field["description"], text, name)

    def test_show_unknown(self):
        self.load_sample()
        result = self.expect(1, "show", "00000000-0000-0000-0000-000000000000")
        self.assertIn("00000000-0000-0000-0000-000000000000", result.err)


class TestApplications(IcwTestCase):
    # What a reviewer of the upgrade would still raise (docs/cli.md, "icw sample").
    SAMPLE_WARNINGS = {"deadline-near", "risks-length", "indicators-areas", "64-field-in-layout",
                       "64-platform-certificates"}

    def sample_application(self):
        self.load_sample()
        applications = self.expect_json("list", "applications", "--json")
        self.assertEqual(sorted(a["title"] for a in applications), sorted([SAMPLE_APPLICATION, SAMPLE_RECOGNITION]))
        return next(a for a in applications if a["title"] == SAMPLE_APPLICATION)

    def sql(self, statement, *params):
        with sqlite3.connect(self.db) as connection:
            connection.execute(statement, params)
        connection.close()

    def test_list(self):
        application = self.sample_application()
        self.assertRegex(application["id"], r"^[0-9a-f-]{36}$")
        self.assertEqual(application["record_kind"], "application")
        self.assertEqual(application["center_name"], SAMPLE_CENTER)
        self.assertEqual(application["kind"], "upgrade-to-national")
        self.assertEqual(application["status"], "draft")
        self.assertEqual(application["version"], 1)
        self.assertEqual(application["lineage_id"], application["id"])
        self.assertTrue(application["title"])
        self.assertRegex(application["call_deadline"], r"^\d{4}-\d{2}-\d{2}$")
        text = self.expect(0, "list", "applications").out
        for part in (application["id"], application["title"], SAMPLE_CENTER, "Upgrade to a national center", "Draft",
                     SAMPLE_RECOGNITION, "Acceptance and recognition", "Accepted"):
            self.assertIn(part, text)

    def test_new_application_kinds(self):
        center_id = self.load_sample()
        # By default, where the center stands: the sample center is a recognized provincial center
        # (认定 2023), so its next application is the upgrade (升级).
        first = self.expect(0, "new", "application", center_id).out.strip()
        self.assertEqual(self.expect_json("show", first, "--json")["kind"], "upgrade-to-national")
        for kind in ("cultivation", "acceptance", "upgrade-to-national", "national-local"):
            made = self.expect(0, "new", "application", center_id, "--kind", kind).out.strip()
            self.assertRegex(made, r"^[0-9a-f-]{36}$")
            self.assertEqual(self.expect_json("show", made, "--json")["kind"], kind)
        # The Chinese name is read too; an unknown kind names the kinds; a missing center fails.
        made = self.expect(0, "new", "application", center_id, "--kind", "国家地方共建").out.strip()
        self.assertEqual(self.expect_json("show", made, "--json")["kind"], "national-local")
        refused = self.expect(2, "new", "application", center_id, "--kind", "national-recognition-x")
        self.assertIn("cultivation, acceptance, upgrade-to-national, national-local", refused.err)
        self.expect(2, "new", "application")
        self.expect(1, "new", "application", "00000000-0000-4000-8000-000000000000")
        text = self.expect(0, "list", "applications").out
        for label in ("Cultivation application", "National-local co-construction", "Upgrade to a national center"):
            self.assertIn(label, text)
        # The check names the call's outline of the province (山东) and the stage, or none.
        # (A new application has empty sections: errors, exit status 1.)
        acceptance = self.expect(0, "new", "application", center_id, "--kind", "acceptance").out.strip()
        self.assertEqual(json.loads(self.expect(1, "check", acceptance, "--json").out)["outline"],
                         {"id": "shandong-acceptance", "version": 1})
        upgrade = self.expect(0, "new", "application", center_id, "--kind", "upgrade-to-national").out.strip()
        self.assertIsNone(json.loads(self.expect(1, "check", upgrade, "--json").out)["outline"])
        self.assertIn("none known for this province and stage", self.expect(1, "check", upgrade).out)

    def test_dossier_of_before_the_stages(self):
        """A dossier written before the stages (kind provincial-recognition, no market plan) imports:
        the kind is read as the stage it was (cultivation), and its national-recognition as the
        upgrade; the file validates against the built schema's enum, which lists the old keys."""
        self.load_sample()
        dossier_path = os.path.join(self.dir, "old.json")
        self.expect(0, "export", "--all", "--format", "json", "-o", dossier_path)
        with open(dossier_path, encoding="utf-8") as f:
            dossier = json.load(f)
        application = next(r for r in dossier["records"] if r["kind"] == "application")
        application["fields"]["kind"] = "provincial-recognition"
        del application["fields"]["section_market_plan"]
        with open(dossier_path, "w", encoding="utf-8") as f:
            json.dump(dossier, f, ensure_ascii=False)
        schema = json.loads(self.expect(0, "dossier-schema").out)
        self.assertIn("provincial-recognition", schema["$defs"]["application"]["properties"]["fields"]
                      ["properties"]["kind"]["enum"])
        self.db = os.path.join(self.dir, "other.db")
        self.expect(0, "import", dossier_path)
        self.assertEqual(self.expect_json("show", application["id"], "--json")["kind"], "cultivation")

    def test_list_empty(self):
        self.expect(0, "import", self.write("c.csv", "name\r\n测试中心\r\n"), "--kind", "centers")
        self.assertEqual(self.expect_json("list", "applications", "--json"), [])
        self.assertIn("no applications", self.expect(0, "list", "applications").out)

    def test_show(self):
        application = self.sample_application()
        shown = self.expect_json("show", application["id"], "--json")
        self.assertEqual(shown["record_kind"], "application")
        self.assertEqual(shown["center_name"], SAMPLE_CENTER)
        sections = {s["key"]: s for s in shown["sections"]}
        self.assertEqual(set(sections), {"background", "foundation", "goals", "approach", "mechanism",
                                         "assessment", "risks", "budget", "benefits", "market-plan"})
        for section in sections.values():
            self.assertIsInstance(section["words"], int)
        # Every section the sample writes; the market operation plan is Shenzhen's, not its call's.
        for key, section in sections.items():
            if key != "market-plan":
                self.assertGreater(section["words"], 0)
        self.assertEqual(sections["market-plan"]["words"], 0)
        self.assertLess(sections["risks"]["words"], 300)
        self.assertTrue(4 <= len(shown["roadmap"]) <= 5)
        for item in shown["roadmap"]:
            self.assertLess(item["trl_from"], item["trl_to"])
        self.assertEqual(sorted(shown["tasks"]), [str(n) for n in range(1, 9)])
        self.assertEqual({p["kind"] for p in shown["capability_platforms"]}, {"rd-design", "testing", "pilot", "service"})
        # The 绩效目标表's numbers: a target with decimals (52.5 %) is a JSON number, the rest whole.
        share = next(item for item in shown["indicators"] if item["unit"] == "%")
        self.assertEqual(share["years"], [{"year": 2027, "target": 52.5}, {"year": 2028, "target": 55},
                                          {"year": 2029, "target": 57.5}])
        self.assertIsInstance(share["baseline_value"], int)
        self.assertEqual(len(shown["attachments"]), 3)
        for attachment in shown["attachments"]:
            self.assertEqual(attachment["record_kind"], "attachment")
            self.assertEqual(len(attachment["sha256"]), 64)
            self.assertIsInstance(attachment["size"], int)
            self.assertNotIn("content", attachment)
            again = self.expect_json("show", attachment["id"], "--json")
            self.assertEqual(again["application_title"], application["title"])

        text = self.expect(0, "show", application["id"]).out
        self.assertNotIn("(null)", text)
        for heading in ("== Basic information ==", "== Background (%d words) ==" % sections["background"]["words"],
                        "== Technology roadmap (", "== Main tasks ==", "== Attachments (3 files) ==",
                        "International cooperation"):
            self.assertIn(heading, text)

    def test_check_sample(self):
        application = self.sample_application()
        report = self.expect_json("check", application["id"], "--json")
        self.assertEqual(report["application"], application["id"])
        self.assertEqual([p["id"] for p in report["packs"]], ["completeness", "miit-2016-273", "miit-2017-64-upgrade"])
        findings = report["findings"]
        self.assertEqual({f["rule"] for f in findings}, self.SAMPLE_WARNINGS)
        for finding in findings:
            self.assertEqual(set(finding) - {"url"}, {"rule", "severity", "citation", "basis", "field", "message", "pack"})
            self.assertIn(finding["basis"], ("policy", "program-practice", "source-not-found"))
            self.assertEqual(finding["severity"], "warning")
            self.assertTrue(finding["citation"] and finding["message"])
        text = self.expect(0, "check", application["id"]).out
        self.assertIn("0 errors, 5 warnings.", text)
        self.assertIn("Basis: Program practice", text)
        self.assertIn("工信厅科〔2018〕37号", text)

    def test_check_errors(self):
        application = self.sample_application()
        self.sql("UPDATE applications SET section_background = NULL, section_goals = NULL, tasks = '{}' WHERE id = ?",
                 application["id"])
        result = self.expect(1, "check", application["id"], "--json")
        self.assertEqual(result.err, "")
        findings = json.loads(result.stdout)["findings"]
        errors = [f for f in findings if f["severity"] == "error"]
        warnings = [f for f in findings if f["severity"] == "warning"]
        # Without its goals the plan cannot be read: program practice that blocks. A missing
        # background or task plan is program practice too, and only a warning.
        self.assertEqual([f["rule"] for f in errors], ["goals-present"])
        self.assertEqual(errors[0]["basis"], "program-practice")
        self.assertIn("background-present", {f["rule"] for f in warnings})
        self.assertEqual(sum(1 for f in warnings if f["rule"] == "273-tasks-planned"), 8)
        # Errors first.
        severities = [f["severity"] for f in findings]
        self.assertEqual(severities, sorted(severities))
        self.assertIn("1 error, 25 warnings.", self.expect(1, "check", application["id"]).out)

    def test_check_chinese(self):
        application = self.sample_application()
        env = dict(self.env)
        env.pop("LC_ALL", None)
        env["LANGUAGE"] = "zh_CN"
        env["LANG"] = "zh_CN.UTF-8"
        result = self.run_icw("check", application["id"], "--json", env=env)
        self.assertEqual(result.returncode, 0)
        messages = [f["message"] for f in json.loads(result.out)["findings"]]
        self.assertTrue(any("申报截止日期" in m for m in messages), messages)

    def test_check_other_records(self):
        center_id = self.load_sample()
        result = self.expect(1, "check", center_id)
        self.assertIn("is not an application, an agreement, a funding request or a report", result.err)
        self.assertEqual(result.out, "")
        result = self.expect(1, "check", "00000000-0000-0000-0000-000000000000")
        self.assertIn("00000000-0000-0000-0000-000000000000", result.err)

    def test_check_bad_user_pack(self):
        application = self.sample_application()
        folder = os.path.join(self.env["XDG_DATA_HOME"], "ic-workbench", "rules")
        os.makedirs(folder)
        with open(os.path.join(folder, "broken.json"), "w", encoding="utf-8") as f:
            f.write('{"id": "broken", "version": 1, "title": {"en": "B", "zh_CN": "B"}, "applies_to": "application",'
                    ' "rules": [{"id": "r1", "kind": "no-such-kind"}]}')
        result = self.expect(0, "check", application["id"], "--json")
        self.assertIn("broken.json", result.err)
        self.assertIn("r1", result.err)
        self.assertEqual({f["rule"] for f in json.loads(result.out)["findings"]}, self.SAMPLE_WARNINGS)

    def test_check_chosen_packs(self):
        application = self.sample_application()
        self.sql("UPDATE centers SET rule_packs = 'miit-2017-64-upgrade' WHERE id = ?", application["center_id"])
        # The sample's upgrade meets 64号's conditions: what is left are the layout to check (its list
        # not found) and the platforms' certificates, both warnings.
        report = json.loads(self.expect(0, "check", application["id"], "--json").out)
        self.assertEqual([p["id"] for p in report["packs"]], ["miit-2017-64-upgrade"])
        self.assertEqual({f["rule"] for f in report["findings"]}, {"64-field-in-layout", "64-platform-certificates"})
        # 64号's rules are the upgrade's: on an acceptance report (验收认定) none runs.
        self.sql("UPDATE applications SET kind = 'acceptance' WHERE id = ?", application["id"])
        self.assertEqual(json.loads(self.expect(0, "check", application["id"], "--json").out)["findings"], [])
        self.sql("UPDATE applications SET kind = 'upgrade-to-national' WHERE id = ?", application["id"])
        # What a reviewer of an upgrade holds against a center that does not meet 64号, quoted with
        # the policy's words: not (yet) a recognized provincial center; 6 of 13 listed platforms.
        self.sql("UPDATE centers SET status = 'building', field_platform_total = 13 WHERE id = ?",
                 application["center_id"])
        report = json.loads(self.expect(1, "check", application["id"], "--json").out)
        self.assertEqual({f["pack"] for f in report["findings"]}, {"miit-2017-64-upgrade"})
        errors = {f["rule"]: f for f in report["findings"] if f["severity"] == "error"}
        self.assertEqual(set(errors), {"64-provincial-precondition", "64-platform-coverage"})
        self.assertIn("已成为省级的制造业创新中心", errors["64-provincial-precondition"]["citation"])
        self.assertTrue(errors["64-platform-coverage"]["url"].startswith("http://lanling.gov.cn/"))
        self.assertIn("46.15%", errors["64-platform-coverage"]["message"])
        # And in a field that already has its national center (273号: one per field).
        self.sql("UPDATE centers SET field = '智能传感器' WHERE id = ?", application["center_id"])
        report = json.loads(self.expect(1, "check", application["id"], "--json").out)
        errors = {f["rule"]: f for f in report["findings"] if f["severity"] == "error"}
        self.assertIn("国家智能传感器创新中心", errors["64-field-occupied"]["message"])
        text = self.expect(1, "check", application["id"]).out
        self.assertIn("Basis: 工信厅科〔2017〕64号", text)
        self.sql("UPDATE centers SET rule_packs = 'no-such-pack' WHERE id = ?", application["center_id"])
        result = self.expect(1, "check", application["id"])
        self.assertIn("no-such-pack", result.err)
        self.assertEqual(result.out, "")


class TestAgreements(IcwTestCase):
    def sample_agreement(self):
        self.load_sample()
        agreements = self.expect_json("list", "agreements", "--json")
        self.assertEqual(len(agreements), 1)
        return agreements[0]

    def sql(self, statement, *params):
        with sqlite3.connect(self.db) as connection:
            connection.execute(statement, params)
        connection.close()

    def test_list(self):
        agreement = self.sample_agreement()
        self.assertRegex(agreement["id"], r"^[0-9a-f-]{36}$")
        self.assertEqual(agreement["record_kind"], "ip-agreement")
        self.assertEqual(agreement["status"], "draft")
        self.assertEqual(agreement["version"], 1)
        self.assertEqual(agreement["center_name"], SAMPLE_CENTER)
        self.assertEqual(agreement["parties"], ["青岛泓海海洋工程装备股份有限公司", "黄海理工大学", "齐鲁深海技术研究院"])
        self.assertIn(agreement["title"], self.expect(0, "list", "agreements").out)

    def test_show(self):
        agreement = self.sample_agreement()
        shown = self.expect_json("show", agreement["id"], "--json")
        self.assertEqual([p["share_bp"] for p in shown["parties"]], [3334, 3333, 3333])
        self.assertEqual(shown["ownership"], "joint")
        self.assertEqual(shown["results"][0]["owners"][0]["share_bp"], 5000)
        self.assertEqual([c["number"] for c in shown["text"]["clauses"]], list(range(1, 14)))
        english = self.expect(0, "show", agreement["id"], env=dict(self.env, LANGUAGE="en")).out
        self.assertIn("IP-Sharing Agreement", english)
        self.assertIn("33.34%", english)
        self.assertIn("青岛仲裁委员会", english)
        party = self.expect_json("show", shown["parties"][0]["id"], "--json")
        self.assertEqual(party["record_kind"], "agreement-party")
        self.assertEqual(party["organization_name"], "青岛泓海海洋工程装备股份有限公司")

    def test_check(self):
        agreement = self.sample_agreement()
        report = self.expect_json("check", agreement["id"], "--json")
        self.assertEqual(report["agreement"], agreement["id"])
        self.assertEqual([p["id"] for p in report["packs"]], ["ip-agreement-273"])
        self.assertEqual(report["findings"], [])
        self.sql("UPDATE agreement_parties SET share_bp = 3000 WHERE share_bp = 3334")
        report = json.loads(self.expect(1, "check", agreement["id"], "--json").out)
        rules = [f["rule"] for f in report["findings"]]
        self.assertEqual(rules, ["ip-shares-total"])
        finding = report["findings"][0]
        self.assertEqual(finding["field"], "shares")
        self.assertIn("工信部科〔2016〕273号", finding["citation"])
        self.assertIn("96.66%", finding["message"])


class TestFunding(IcwTestCase):
    def sample_request(self):
        self.load_sample()
        requests = self.expect_json("list", "funding", "--json")
        self.assertEqual(len(requests), 1)
        return requests[0]

    def test_list(self):
        request = self.sample_request()
        self.assertRegex(request["id"], r"^[0-9a-f-]{36}$")
        self.assertEqual(request["record_kind"], "funding-request")
        self.assertEqual(request["center_name"], SAMPLE_CENTER)
        self.assertEqual(request["status"], "draft")
        self.assertEqual(request["start_year"], 2027)
        self.assertEqual(request["period"], 3)
        self.assertEqual(request["sources"], "local-fiscal,shareholder-capital,bank-loan")
        self.assertTrue(request["title"])
        text = self.expect(0, "list", "funding").out
        for part in (request["id"], request["title"], SAMPLE_CENTER, "Draft", "24000.00"):
            self.assertIn(part, text)

    def test_list_empty(self):
        self.expect(0, "import", self.write("c.csv", "name\r\n测试中心\r\n"), "--kind", "centers")
        self.assertEqual(self.expect_json("list", "funding", "--json"), [])
        self.assertIn("no funding requests", self.expect(0, "list", "funding").out)

    def test_show(self):
        request = self.sample_request()
        shown = self.expect_json("show", request["id"], "--json")
        self.assertEqual(shown["center_name"], SAMPLE_CENTER)
        budget = shown["budget"]
        self.assertEqual(budget["years"], [2027, 2028, 2029])
        self.assertEqual(budget["sources"], ["local-fiscal", "shareholder-capital", "bank-loan"])
        self.assertEqual(budget["totals_fen"]["grand"], 24000 * 1000000)
        self.assertEqual(budget["totals_fen"]["fiscal"], 7000 * 1000000)
        self.assertEqual(budget["totals_fen"]["by_year"], [10000 * 1000000, 8000 * 1000000, 6000 * 1000000])
        rows = {row["category"]: row for row in budget["rows"]}
        self.assertEqual(len(rows), 16)
        # Totals agree everywhere: each row's total is the sum of its cells, a parent's the sum of its children.
        for row in budget["rows"]:
            self.assertEqual(row["total_fen"], sum(sum(year) for year in row["cells_fen"]), row["category"])
        children = [row for row in budget["rows"] if row["parent"] == "equipment"]
        self.assertEqual(len(children), 3)
        self.assertEqual(rows["equipment"]["total_fen"], sum(row["total_fen"] for row in children))
        leaves = [row for row in budget["rows"] if row["category"] != "equipment"]
        self.assertEqual(sum(row["total_fen"] for row in leaves), budget["totals_fen"]["grand"])
        # The sample uses the category set new requests get, with its three equipment lines.
        self.assertEqual(shown["category_set"], "research-separate")
        self.assertEqual(rows["equipment-trial"]["total_fen"], 0)
        self.assertEqual(rows["equipment-upgrade-lease"]["total_fen"], 2000 * 1000000)
        self.assertEqual(sum(m["amount_fen"] for m in shown["milestones"]), budget["totals_fen"]["fiscal"])
        text = self.expect(0, "show", request["id"]).out
        for part in ("Budget (10k yuan)", "Equipment purchase", "Equipment upgrade and lease", "24000.00", "Direct costs", "2027-03-31"):
            self.assertIn(part, text)

    def test_check(self):
        request = self.sample_request()
        result = self.expect_json("check", request["id"], "--json")
        self.assertEqual(result["funding_request"], request["id"])
        self.assertEqual([p["id"] for p in result["packs"]], ["funding-request"])
        self.assertEqual(result["findings"], [])
        # An amount without its justification: an error, exit 1, the field named.
        with sqlite3.connect(self.db) as connection:
            connection.execute("UPDATE budget_lines SET justification = NULL WHERE category = 'materials'")
        connection.close()
        result = self.expect(1, "check", request["id"], "--json")
        findings = json.loads(result.out)["findings"]
        self.assertEqual([(f["rule"], f["severity"], f["field"]) for f in findings],
                         [("justification", "error", "budget/materials/justification")])
        self.assertTrue(findings[0]["citation"])

    def test_export_refusals(self):
        request = self.sample_request()
        center = self.expect_json("list", "centers", "--json")[0]
        out = os.path.join(self.dir, "out.csv")
        result = self.expect(1, "export", center["id"], "--format", "csv", "-o", out)
        self.assertIn("not a funding request", result.err)
        result = self.expect(1, "export", request["id"], "--format", "csv", "-o", os.path.join(self.dir, "no", "dir.csv"))
        self.assertIn("dir.csv", result.err)
        self.assertFalse(os.path.exists(out))
        self.expect(0, "export", request["id"], "--format", "csv", "-o", out)
        self.assertTrue(os.path.getsize(out) > 0)


class TestReports(IcwTestCase):
    """Reports after recognition (issue 16): `icw list reports`, `show` with the indicators table
    and its differences, `new report` refusing an annual assessment in an evaluation year (37号
    art. 2) and creating one in another year with the actuals the registers know."""

    def test_list_and_show(self):
        center_id = self.load_sample()
        reports = self.expect_json("list", "reports", "--json")
        self.assertEqual([(r["year"], r["kind"], r["status"], r["grade"]) for r in reports],
                         [(2024, "annual-assessment", "accepted", "good"),
                          (2025, "annual-assessment", "accepted", "excellent"),
                          (2026, "evaluation", "draft", "none")])
        self.assertTrue(all(r["center_name"] == SAMPLE_CENTER and r["center_id"] == center_id for r in reports))
        text = self.expect(0, "list", "reports").out
        for part in ("Annual assessment", "Periodic evaluation", "Excellent", "Good", "Draft"):
            self.assertIn(part, text)
        filed = self.expect_json("show", reports[1]["id"], "--json")
        self.assertEqual(filed["record_kind"], "report")
        self.assertEqual(len(filed["attachments"]), 2)
        self.assertIn(filed["audit_attachment_id"], [a["id"] for a in filed["attachments"]])
        rows = filed["indicators"]
        self.assertEqual(len(rows), 7)
        missed = next(r for r in rows if r["actual"] < r["target"])
        self.assertTrue(missed["comment"])
        text = self.expect(0, "show", reports[1]["id"]).out
        # The row missed by 8 and the comment saying why; the differences signed.
        self.assertRegex(text, SAMPLE_MISSED + r"\s+台次\s+100\s+92\s+-8")
        self.assertIn("+250", text)
        self.assertIn("Financial audit report", text)
        draft = self.expect(0, "show", reports[2]["id"]).out
        self.assertIn("60 (computed)", draft)

    def test_new(self):
        center_id = self.load_sample()
        # 2026 is the sample center's evaluation year: no annual assessment.
        result = self.expect(1, "new", "report", "--center", center_id, "--year", "2026", "--kind", "annual-assessment")
        self.assertIn("2026", result.err)
        self.assertIn("37号", result.err)
        result = self.expect(1, "new", "report", "--center", center_id, "--year", "2025", "--kind", "annual-assessment")
        self.assertIn("2025", result.err)
        self.expect(2, "new", "report", "--center", center_id, "--year", "2027", "--kind", "yearly")
        self.expect(2, "new", "report", "--center", center_id, "--kind", "evaluation")
        self.expect(2, "new", "budget")
        new_id = self.expect(0, "new", "report", "--center", center_id, "--year", "2027", "--kind",
                             "annual-assessment").out.strip()
        report = self.expect_json("show", new_id, "--json")
        self.assertEqual((report["year"], report["kind"], report["status"]), (2027, "annual-assessment", "draft"))
        # The sample's targets end in 2026: no row for 2027.
        self.assertIsNone(report["indicators"])
        self.assertEqual(len(self.expect_json("list", "reports", "--json")), 4)

    def test_export_documents(self):
        """The 考核 package as PDF (read back with pdftotext) and as Word, from one document model:
        the work summary, the indicators table with the differences and evidence, the reason of the
        target missed, 建设情况, the figures and the audit."""
        self.load_sample()
        report = next(r for r in self.expect_json("list", "reports", "--json") if r["year"] == 2025)
        pdf = os.path.join(self.dir, "report.pdf")
        self.expect(0, "export", report["id"], "--format", "pdf", "-o", pdf)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        for part in ("Annual Assessment Work Summary 2025", "Technology spillover", "技术许可合同增至七项",
                     "Assessment indicators", SAMPLE_MISSED, "-8", "+250", "2025年度考核证明",
                     "Targets missed, and why", "深水压力试验舱", "Pilot production and incubation",
                     "测试平台获得CNAS认可", "Revenue from services", "2,100.00",
                     "2025年度财务审计报告.pdf (Financial audit)"):
            self.assertIn(part, text)
        self.assertRegex(text, SAMPLE_MISSED + r"\s+台次\s+100\s+92\s+-8")
        docx = os.path.join(self.dir, "report.docx")
        self.expect(0, "export", report["id"], "--format", "docx", "-o", docx)
        with zipfile.ZipFile(docx) as z:
            body = z.read("word/document.xml").decode("utf-8")
        for part in (SAMPLE_MISSED, "深水压力试验舱", "2025年度财务审计报告.pdf", "2025年度考核证明材料.pdf"):
            self.assertIn(part, body)


class TestDoctor(IcwTestCase):
    def test_good_database(self):
        self.load_sample()
        result = self.expect(0, "doctor")
        self.assertIn("No problems", result.out)
        self.assertRegex(result.out, r"Centers\s+1\b")

    def corrupt(self, offset_of):
        self.load_sample()
        self.assertFalse(os.path.exists(self.db + "-wal") and os.path.getsize(self.db + "-wal") > 0,
                         "the WAL was not checkpointed when icw closed the database")
        size = os.path.getsize(self.db)
        page = 4096
        offset, length = offset_of(size, page)
        with open(self.db, "r+b") as f:
            f.seek(offset)
            f.write(bytes([0xA5]) * length)
        result = self.expect(1, "doctor")
        self.assertTrue(result.err or "problem" in result.out)
        return result

    def test_corrupt_middle(self):
        # A run of whole pages in the middle of the file.
        self.corrupt(lambda size, page: ((size // 2) // page * page, 3 * page))

    def test_corrupt_last_page(self):
        result = self.corrupt(lambda size, page: (size - page, page))
        self.assertTrue("SQLite" in result.out or result.err, result.out)


class TestImport(IcwTestCase):
    CENTERS = ("名称,级别,省份,城市,认定年份,领域\r\n"
               "江淮智能语音制造业创新中心,省级,安徽省,合肥市,2023,新一代信息技术\r\n"
               "\"Lingnan Display Center, Guangzhou\",national,广东省,广州市,2021,新型显示\r\n")

    def test_import_hygiene(self):
        """A BOM inside the file, a control character in a name, an over-long name: refused with
        the row and column, nothing imported (docs/formats.md, "Values")."""
        self.load_sample()
        before = self.expect_json("list", "centers", "--json")
        for name, text, message in (
                ("bom.csv", "name\n甲中心\n\ufeff乙中心\n", "Row 3, column “name”: the value contains a byte order mark"),
                ("esc.csv", "name,level\n甲中心,省级\nEvil\x1b[31m,省级\n", "Row 3, column “name”: the value contains the control character U+001B"),
                ("long.csv", "name,level\n甲中心,省级\n" + "长" * 201 + ",省级\n", "Row 3, column “name”: the value is longer than 200 characters")):
            result = self.expect(1, "import", self.write(name, text))
            self.assertIn(message, result.err)
            self.assertEqual(self.expect_json("list", "centers", "--json"), before)

    def test_old_control_characters_escaped(self):
        """Names stored before the store refused control characters never reach the terminal raw."""
        self.load_sample()
        with sqlite3.connect(self.db) as conn:
            org_id = conn.execute("SELECT id FROM organizations ORDER BY rowid LIMIT 1").fetchone()[0]
            conn.execute("UPDATE organizations SET name = ? WHERE id = ?", ("Evil\x1b[31mRed\nx\x85", org_id))
        conn.close()
        listed = self.expect(0, "list", "organizations")
        self.assertIn("Evil\\u{001B}[31mRed\\nx\\u{0085}", listed.out)
        shown = self.expect(0, "show", org_id)
        self.assertIn("Evil\\u{001B}[31mRed", shown.out)
        for out in (listed.out, shown.out):
            self.assertNotIn("\x1b", out)
            self.assertNotIn("\x85", out)
        # --json keeps the data as it is, escaped by JSON itself.
        names = [o["name"] for o in self.expect_json("list", "organizations", "--json")]
        self.assertIn("Evil\x1b[31mRed\nx\x85", names)

    def test_import_centers(self):
        path = self.write("centers.csv", self.CENTERS)
        result = self.expect(0, "import", path)
        self.assertIn("2", result.out)
        names = {c["name"] for c in self.expect_json("list", "centers", "--json")}
        self.assertEqual(names, {"江淮智能语音制造业创新中心", "Lingnan Display Center, Guangzhou"})

    def test_import_gb18030(self):
        path = self.write("centers-gbk.csv", self.CENTERS, encoding="gb18030")
        self.expect(0, "import", path, "--kind", "centers")
        names = {c["name"] for c in self.expect_json("list", "centers", "--json")}
        self.assertIn("江淮智能语音制造业创新中心", names)

    def test_import_organizations(self):
        path = self.write("orgs.csv", "name,province\r\n测试传感科技有限公司,山东省\r\n")
        self.expect(0, "import", path, "--kind", "organizations")
        orgs = self.expect_json("list", "organizations", "--json")
        self.assertEqual([o["name"] for o in orgs], ["测试传感科技有限公司"])

    def test_bad_csv_changes_nothing(self):
        self.load_sample()
        centers = self.expect(0, "list", "centers", "--json").out
        orgs = self.expect(0, "list", "organizations", "--json").out
        path = self.write("bad.csv", "名称,级别,认定年份\r\n甲创新中心,省级,2023\r\n乙创新中心,不存在的级别,2023\r\n")
        result = self.expect(1, "import", path)
        self.assertIn("3", result.err)           # the bad row: the header is row 1
        self.assertIn("Row 3", result.err)
        self.assertEqual(self.expect(0, "list", "centers", "--json").out, centers)
        self.assertEqual(self.expect(0, "list", "organizations", "--json").out, orgs)
        self.expect(0, "doctor")

    def test_json_not_a_dossier(self):
        path = self.write("dossier.json", "{}")
        result = self.expect(1, "import", path)
        self.assertIn("not a dossier", result.err)
        self.assertFalse(os.path.exists(self.db), "a file that is no dossier created a database")

    def test_missing_file(self):
        result = self.expect(1, "import", os.path.join(self.dir, "nothing.csv"))
        self.assertIn("nothing.csv", result.err)
        self.assertFalse(os.path.exists(self.db))


def db_dump(path):
    """Every row of every table, as SQL text: what a refused import must leave as it was."""
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


class TestDossier(IcwTestCase):
    """icw export --format json and icw import FILE.json (docs/cli.md, docs/formats.md)."""

    def export(self, *args, db=None):
        out = os.path.join(self.dir, "dossier-%d.json" % len(os.listdir(self.dir)))
        argv = ["--db", db] if db else []
        result = self.run_icw(*(argv + ["export"] + list(args) + ["--format", "json", "-o", out]), db=db is None)
        self.assertEqual(result.returncode, 0, result.err)
        self.assertEqual(result.out, "")
        with open(out, "rb") as f:
            return out, f.read()

    def test_round_trip(self):
        center_id = self.load_sample()
        path, first = self.export(center_id)
        dossier = json.loads(first)
        self.assertEqual(dossier["format"], "ic-workbench-dossier")
        self.assertEqual(dossier["centers"], [center_id])
        kinds = {r["kind"] for r in dossier["records"]}
        self.assertTrue({"center", "organization", "application", "attachment", "ip-agreement",
                         "agreement-party", "funding-request", "budget-line"} <= kinds, kinds)
        other = os.path.join(self.dir, "other.db")
        result = self.expect(0, "--db", other, "import", path, db=False)
        self.assertIn("Imported %d records" % len(dossier["records"]), result.out)
        _, again = self.export(center_id, db=other)
        self.assertEqual(again, first, "export, import, export did not give the same bytes")
        # The center's name is found by `show` in the new database, and doctor is content.
        self.assertIn(SAMPLE_CENTER, self.expect(0, "--db", other, "show", center_id, db=False).out)
        self.expect(0, "--db", other, "doctor", db=False)
        # Once more: the records are there, identical, and nothing is written.
        result = self.expect(0, "--db", other, "import", path, db=False)
        self.assertIn("Nothing was imported", result.out)

    def test_all(self):
        self.load_sample()
        path, first = self.export("--all")
        self.assertEqual(json.loads(first)["scope"], "database")
        other = os.path.join(self.dir, "other.db")
        self.expect(0, "--db", other, "import", path, db=False)
        _, again = self.export("--all", db=other)
        self.assertEqual(again, first)

    def test_corrupted_changes_nothing(self):
        center_id = self.load_sample()
        path, first = self.export(center_id)
        dossier = json.loads(first)
        target = os.path.join(self.dir, "target.db")
        self.expect(0, "--db", target, "sample", db=False)
        before = db_dump(target)
        # A wrong type in one organization, a record of an unknown kind: each named on stderr.
        org = next(r for r in dossier["records"] if r["kind"] == "organization")
        org["fields"]["top_ten"] = "yes"
        dossier["records"][1]["kind"] = "gadget"
        bad = self.write("bad.json", json.dumps(dossier, ensure_ascii=False))
        result = self.expect(1, "--db", target, "import", bad, db=False)
        self.assertIn("organization “%s”: the field “top_ten” must be true or false" % org["id"], result.err)
        self.assertIn("“%s”: its “kind”" % dossier["records"][1]["id"], result.err)
        self.assertIn("not imported", result.err)
        self.assertEqual(db_dump(target), before)
        # A dossier from a newer program version.
        newer = json.loads(first)
        newer["format_version"] = 3
        result = self.expect(1, "--db", target, "import", self.write("newer.json", json.dumps(newer)), db=False)
        self.assertIn("newer version", result.err)
        # Truncated.
        result = self.expect(1, "--db", target, "import", self.write("cut.json", first[: len(first) // 3].decode("utf-8", "ignore")), db=False)
        self.assertIn("not valid JSON", result.err)
        self.assertEqual(db_dump(target), before)

    def test_export_refusals(self):
        self.load_sample()
        org = self.expect_json("list", "organizations", "--json")[0]
        result = self.expect(1, "export", org["id"], "--format", "json", "-o", os.path.join(self.dir, "x.json"))
        self.assertIn("not a center", result.err)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "x.json")))
        result = self.expect(2, "import", self.write("y.json", "{}"), "--kind", "centers")
        self.assertIn("--kind", result.err)


class TestDatabaseVersions(IcwTestCase):
    def test_future_database_refused(self):
        self.load_sample()
        with sqlite3.connect(self.db) as connection:
            connection.execute("PRAGMA user_version = 99")
        connection.close()
        before = file_digest(self.db)
        for args in (["list", "centers"], ["doctor"], ["sample"]):
            with self.subTest(args=args):
                result = self.expect(1, *args)
                self.assertIn("newer version", result.err)
                self.assertEqual(result.out, "")
        self.assertEqual(file_digest(self.db), before, "icw changed a database from a newer version")

    def test_not_a_database(self):
        with open(self.db, "wb") as f:
            f.write(b"this is not SQLite at all, just text" * 200)
        before = file_digest(self.db)
        self.expect(1, "list", "centers")
        self.expect(1, "doctor")
        self.assertEqual(file_digest(self.db), before)


class TestLocale(IcwTestCase):
    def test_chinese_environment(self):
        center_id = self.load_sample()
        env = dict(self.env)
        env.pop("LC_ALL", None)
        env.pop("LC_MESSAGES", None)
        env["LANGUAGE"] = "zh_CN"
        env["LANG"] = "zh_CN.UTF-8"
        for args in (["show", center_id], ["list", "organizations"], ["--help"], ["frobnicate"]):
            with self.subTest(args=args):
                result = self.run_icw(*args, env=env)   # decodes stdout and stderr as strict UTF-8
                self.assertIn(result.returncode, (0, 2))
        self.assertIn(SAMPLE_CENTER, self.run_icw("show", center_id, env=env).out)

    def test_decimal_target_under_a_comma_locale(self):
        # A locale whose decimal separator is a comma changes nothing in the JSON (52.5, not 52,5).
        self.load_sample()
        env = dict(self.env)
        env["LC_ALL"] = "de_DE.UTF-8"
        application = next(a for a in json.loads(self.run_icw("list", "applications", "--json", env=env).out)
                           if a["title"] == SAMPLE_APPLICATION)
        result = self.run_icw("show", application["id"], "--json", env=env)
        self.assertEqual(result.returncode, 0, result.err)
        self.assertIn('"target" : 52.5', result.out)
        self.assertNotIn("52,5", result.out)

    def test_c_locale_keeps_utf8(self):
        # Even where the locale is plain ASCII, names are written as they are, not as "?".
        center_id = self.load_sample()
        env = dict(self.env)
        env["LC_ALL"] = "C"
        self.assertIn(SAMPLE_CENTER, self.run_icw("show", center_id, env=env).out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test-cli.py /path/to/icw")
    ICW = os.path.abspath(sys.argv.pop(1))
    if not os.access(ICW, os.X_OK):
        sys.exit("test-cli.py: %s is not an executable" % ICW)
    unittest.main(verbosity=2)
