#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-score-cli.py: a report's score and grade on the command line. `icw check REPORT --json`
# carries "score" (the sample's Shandong center has no known scheme: "source not found"; as a Hunan
# center its evaluation is scored item by item from its figures and registers, the rest by hand),
# and the text output prints the same. Against the real `icw serve` on loopback: the administrator
# completes the sample's 2026 evaluation, marks it ready and submits it; a reviewer of the province
# accepts it with --grade 不合格; the administrator syncs and sees the grade, the day and the 整改
# due a year later. And the usage errors of --grade. Scores typed by hand kept with a report, in
# `check --json` and `show`; `icw targets` (show, --version, --json, carry) and `icw doctor`'s counts
# of reports and target versions.
#
# Usage: python3 tests/test-score-cli.py /path/to/icw   (meson test -C BUILDDIR score-cli)

import datetime
import json
import os
import sqlite3

from cli_server_case import ServerTestCase, main


def a_year_later(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class ScoreCliTestCase(ServerTestCase):
    prefix = "icw-score-cli-"

    def setUp(self):
        super().setUp()
        self.admin_db = self.path("admin.db")

    def reports(self, db):
        with sqlite3.connect(db) as con:
            return {(year, version): rid for rid, year, version in
                    con.execute("SELECT id, year, version FROM reports WHERE deleted_at IS NULL")}

    def sample(self):
        self.center_id = self.icw(0, "--db", self.admin_db, "sample").out.strip()
        return self.reports(self.admin_db)


class TestCheckScore(ScoreCliTestCase):
    def test_no_scheme_for_the_province(self):
        draft = self.sample()[(2026, 1)]
        result = json.loads(self.icw(1, "--db", self.admin_db, "check", draft, "--json").out)
        self.assertEqual(result["report"], draft)
        self.assertIsNone(result["score"]["scheme"])
        self.assertIn("source not found", result["score"]["problem"])
        self.assertIn("Score: No scoring scheme is known", self.icw(1, "--db", self.admin_db, "check", draft).out)

    def test_hunan_scheme(self):
        draft = self.sample()[(2026, 1)]
        # The same center in Hunan (a local database, never synced).
        with sqlite3.connect(self.admin_db) as con:
            con.execute("UPDATE centers SET province = '湖南省'")
        result = json.loads(self.icw(1, "--db", self.admin_db, "check", draft, "--json").out)
        score = result["score"]
        self.assertEqual(score["scheme"], "hunan-2023-123")
        self.assertEqual(score["maximum"], 95)
        self.assertIsNone(score["grade"])
        items = {item["key"]: item for item in score["items"]}
        self.assertEqual(len(items), 11)
        # Computed from the registers and the evaluation's three years of R&D spending.
        self.assertEqual(items["alliance-kinds"]["points"], 3)
        self.assertFalse(items["alliance-kinds"]["by_hand"])
        self.assertEqual(items["rd-spending"]["points"], 10)
        self.assertIn("at least 500.00 10k yuan", items["rd-spending"]["why"])
        # Left to a person, with their maximum.
        self.assertIsNone(items["rd-conditions"]["points"])
        self.assertTrue(items["rd-conditions"]["by_hand"])
        self.assertEqual(items["rd-conditions"]["maximum"], 13)
        self.assertEqual(score["points"], sum(i["points"] or 0 for i in score["items"]))
        for item in score["items"]:
            self.assertTrue(item["basis"].startswith("湘工信科技〔2023〕123号") or
                            item["basis"].startswith("Source not found"), item["basis"])
        text = self.icw(1, "--db", self.admin_db, "check", draft).out
        self.assertRegex(text, r"Score: [0-9.]+ of 95 points")
        self.assertIn("Grade: The grade is the reviewer's", text)

    def test_scores_typed_by_hand(self):
        # Kept with the report (its "hand_scores"), they score their items with the reason.
        draft = self.sample()[(2026, 1)]
        kept = [{"item": "rd-conditions", "hundredths": 1050, "reason": "省级重点实验室两个"},
                {"item": "top-three", "hundredths": 300, "reason": "行业排名第一"}]
        with sqlite3.connect(self.admin_db) as con:
            con.execute("UPDATE centers SET province = '湖南省'")
        before = json.loads(self.icw(1, "--db", self.admin_db, "check", draft, "--json").out)["score"]
        with sqlite3.connect(self.admin_db) as con:
            con.execute("UPDATE reports SET hand_scores = ? WHERE id = ?", (json.dumps(kept, ensure_ascii=False), draft))
        score = json.loads(self.icw(1, "--db", self.admin_db, "check", draft, "--json").out)["score"]
        items = {item["key"]: item for item in score["items"]}
        self.assertEqual(items["rd-conditions"]["points"], 10.5)
        self.assertTrue(items["rd-conditions"]["by_hand"])
        self.assertTrue(items["rd-conditions"]["scored"])
        self.assertEqual(items["rd-conditions"]["reason"], "省级重点实验室两个")
        self.assertEqual(items["top-three"]["points"], 3)
        self.assertNotIn("reason", items["alliance-kinds"])
        self.assertEqual(score["unscored"], before["unscored"] - 2)
        self.assertAlmostEqual(score["points"], before["points"] + 13.5)
        shown = self.icw(0, "--db", self.admin_db, "show", draft).out
        self.assertIn("rd-conditions: 10.50 points (省级重点实验室两个)", shown)
        self.assertEqual(json.loads(self.icw(0, "--db", self.admin_db, "show", draft, "--json").out)["hand_scores"], kept)

    def test_findings_of_a_report(self):
        draft = self.sample()[(2026, 1)]
        findings = json.loads(self.icw(1, "--db", self.admin_db, "check", draft, "--json").out)["findings"]
        missed = [f for f in findings if f["rule"] == "report-missed-comment"]
        self.assertTrue(missed)
        for finding in missed:
            self.assertEqual(finding["severity"], "warning")
            self.assertEqual(finding["basis"], "program-practice")


class TestTargets(ScoreCliTestCase):
    """`icw targets CENTER` and `icw targets carry APPLICATION`, and `icw doctor`'s counts."""

    def test_show_carry_and_count(self):
        reports = self.sample()
        center = self.center_id
        shown = json.loads(self.icw(0, "--db", self.admin_db, "targets", center, "--json").out)
        self.assertEqual(shown["center_id"], center)
        self.assertEqual(shown["version"], 1)
        self.assertEqual([v["version"] for v in shown["versions"]], [1])
        self.assertTrue(shown["targets"])
        years = {t["year"] for t in shown["targets"]}
        self.assertEqual((min(years), max(years)), (shown["first_year"], shown["last_year"]))
        text = self.icw(0, "--db", self.admin_db, "targets", center).out
        self.assertRegex(text, r"Targets of .+, version 1 \(%d–%d\)" % (shown["first_year"], shown["last_year"]))
        self.assertIn("Versions:", text)
        for year in years:
            self.assertIn(str(year), text)
        self.assertIn("has no version 7", self.icw(1, "--db", self.admin_db, "targets", center, "--version", "7").err)
        self.assertIn("--version", self.icw(2, "--db", self.admin_db, "targets", center, "--version", "x").err)

        # The sample's application is a draft: its targets are not the center's.
        with sqlite3.connect(self.admin_db) as con:
            application = con.execute("SELECT id FROM applications WHERE deleted_at IS NULL AND status = 'draft'").fetchone()[0]
        self.assertIn("accepted", self.icw(1, "--db", self.admin_db, "targets", "carry", application).err)
        with sqlite3.connect(self.admin_db) as con:
            con.execute("UPDATE applications SET status = 'accepted' WHERE id = ?", (application,))
        self.assertIn("version 2", self.icw(0, "--db", self.admin_db, "targets", "carry", application).out)
        self.assertIn("carried already", self.icw(1, "--db", self.admin_db, "targets", "carry", application).err)
        now = json.loads(self.icw(0, "--db", self.admin_db, "targets", center, "--json").out)
        self.assertEqual(now["version"], 2)
        self.assertEqual(now["application_id"], application)
        self.assertEqual([v["version"] for v in now["versions"]], [1, 2])
        first = json.loads(self.icw(0, "--db", self.admin_db, "targets", center, "--version", "1", "--json").out)
        self.assertEqual(first["targets"], shown["targets"])
        self.assertEqual(self.icw(2, "--db", self.admin_db, "targets").returncode, 2)
        self.assertEqual(self.icw(2, "--db", self.admin_db, "targets", "carry").returncode, 2)

        doctor = self.icw(0, "--db", self.admin_db, "doctor").out
        self.assertRegex(doctor, r"Reports\s+%d\n" % len(reports))
        self.assertRegex(doctor, r"Versions of the centers' targets\s+2\n")


class TestReviewGrade(ScoreCliTestCase):
    def test_accept_with_grade(self):
        reports = self.sample()
        server_db = os.path.join(self.dir, "server.db")
        review_db = os.path.join(self.dir, "review.db")
        admin = self.icw(0, "serve", "token", "add", "--db", server_db, "--role", "admin",
                         "--center", self.center_id).out.strip()
        reviewer = self.icw(0, "serve", "token", "add", "--db", server_db, "--role", "reviewer",
                            "--province", "山东省").out.strip()
        url = self.start_server()
        self.icw(0, "--db", self.admin_db, "sync", "--server", url, token=admin)

        # The sample's 2026 evaluation, its actuals typed (here into the database: the command line
        # has no report editor), then ready and submitted.
        again = reports[(2026, 1)]
        with sqlite3.connect(self.admin_db) as con:
            rows = json.loads(con.execute("SELECT indicators FROM reports WHERE id = ?", (again,)).fetchone()[0])
            for row in rows:
                row.setdefault("actual", row.get("target", 1))
            con.execute("UPDATE reports SET indicators = ? WHERE id = ?", (json.dumps(rows, ensure_ascii=False), again))
        shown = json.loads(self.icw(0, "--db", self.admin_db, "show", again, "--json").out)
        self.assertEqual(shown["grade"], "none")
        self.icw(0, "--db", self.admin_db, "ready", again, "--server", url, token=admin)
        self.icw(0, "--db", self.admin_db, "submit", again, "--server", url, token=admin)

        review = ["--db", review_db, "review"]
        self.icw(2, *review, "return", again, "--comment", "请补充", "--grade", "合格", "--server", url, token=reviewer)
        self.icw(2, *review, "show", again, "--grade", "合格", "--server", url, token=reviewer)
        self.icw(1, *review, "accept", again, "--grade", "很好", "--server", url, token=reviewer)
        listed = json.loads(self.icw(0, *review, "list", "--json", "--server", url, token=reviewer).out)
        self.assertIn(again, [doc["id"] for doc in listed if doc["kind"] == "report"])
        out = self.icw(0, *review, "accept", again, "--grade", "不合格", "--server", url, token=reviewer).out
        self.assertIn("Accepted: “2026 Periodic evaluation”, version 1.", out)

        self.icw(0, "--db", self.admin_db, "sync", "--server", url, token=admin)
        shown = json.loads(self.icw(0, "--db", self.admin_db, "show", again, "--json").out)
        today = datetime.datetime.now(datetime.timezone.utc).date()
        self.assertEqual(shown["status"], "accepted")
        self.assertEqual(shown["grade"], "fail")
        # The day the grade was given, by the reviewer's clock (UTC); the 整改 a year later.
        graded = datetime.date.fromisoformat(shown["graded_on"])
        self.assertLessEqual(abs((graded - today).days), 1)
        self.assertEqual(shown["rectify_due"], a_year_later(graded).isoformat())


if __name__ == "__main__":
    main("test-score-cli.py")
