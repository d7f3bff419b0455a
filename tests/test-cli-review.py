#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-review.py: the review cycle on the command line against the real `icw serve` on
# loopback, with an administrator's database and a reviewer's database: the administrator marks
# the sample's application ready, submits and syncs; the reviewer lists it, shows it and returns
# it with a comment on a section; the administrator syncs and sees the anchored comment (`show
# --json` and text), reopens, resubmits; the reviewer accepts without a comment; the accepted
# version carries none of the return's comments and the history shows both outcomes. Also what the
# server refuses (an administrator's token cannot return), the life cycle's own refusals and the
# usage errors.
#
# Usage: python3 tests/test-cli-review.py /path/to/icw   (meson test -C BUILDDIR cli-review)

import json
import os
import re
import subprocess

from cli_server_case import ServerTestCase, main


class ReviewTestCase(ServerTestCase):
    prefix = "icw-cli-review-"

    def setUp(self):
        super().setUp()
        self.admin_db = self.path("admin.db")
        self.review_db = self.path("review.db")

    def json(self, *args, token=None):
        return json.loads(self.icw(0, *args, token=token).out)

    def add_token(self, *scope):
        return self.icw(0, "serve", "token", "add", "--db", self.server_db, *scope).out.strip()

    def sample(self):
        """The sample center in the administrator's database, its application, tokens, a server."""
        self.center_id = self.icw(0, "--db", self.admin_db, "sample").out.strip()
        center = self.json("--db", self.admin_db, "show", self.center_id, "--json")
        applications = self.json("--db", self.admin_db, "list", "applications", "--json")
        # Its draft upgrade; the other is the accepted 验收认定 that recognized it, kept local.
        self.assertEqual(sorted(a["status"] for a in applications), ["accepted", "draft"])
        self.app_id = next(a["id"] for a in applications if a["status"] == "draft")
        self.admin = self.add_token("--role", "admin", "--center", self.center_id)
        self.reviewer = self.add_token("--role", "reviewer", "--province", center["province"])
        self.url = self.start_server()
        # The administrator's first sync: the server takes a new document as a draft only.
        self.assertIn("0 records received", self.admin_icw(0, "sync", "--server", self.url).out)

    def admin_icw(self, status, *args):
        return self.icw(status, "--db", self.admin_db, *args, token=self.admin)

    def review(self, status, *args, db=None, token=None):
        return self.icw(status, "--db", db or self.review_db, "review", *args, "--server", self.url,
                        token=token or self.reviewer)

    def submit(self, doc_id):
        # Each step synced at once: the server takes draft, ready, submitted one by one.
        self.assertIn("Ready to submit", self.admin_icw(0, "ready", doc_id, "--server", self.url).out)
        result = self.admin_icw(0, "submit", doc_id, "--server", self.url)
        self.assertIn("Submitted", result.out)
        self.assertNotIn("Refused", result.out)


class TestReviewCycle(ReviewTestCase):
    def test_return_with_a_section_then_accept(self):
        self.sample()
        # Nothing waits for review before the administrator submits.
        self.assertIn("Nothing is waiting for review", self.review(0, "list").out)
        everything = json.loads(self.review(0, "list", "--all", "--json").out)
        self.assertIn(self.app_id, [d["id"] for d in everything])

        self.submit(self.app_id)
        inbox = json.loads(self.review(0, "list", "--json").out)
        self.assertEqual([d["id"] for d in inbox], [self.app_id])
        self.assertEqual(inbox[0]["status"], "submitted")
        self.assertEqual(inbox[0]["kind"], "application")
        self.assertEqual(inbox[0]["version"], 1)
        self.assertEqual(inbox[0]["center_id"], self.center_id)
        self.assertIn(self.app_id, self.review(0, "list").out)
        shown = self.review(0, "show", self.app_id).out
        self.assertIn(inbox[0]["title"], shown)
        self.assertEqual(json.loads(self.review(0, "show", self.app_id, "--json").out)["status"], "submitted")

        # A section the application does not have: named, listed, nothing sent.
        result = self.review(1, "return", self.app_id, "--comment", "x", "--section", "risk")
        self.assertIn("--section", result.err)
        self.assertIn("“risk” is not a section", result.err)
        self.assertIn("risks", result.err)

        comment = "请补充市场风险及其控制措施。"
        result = self.review(0, "return", self.app_id, "--comment", comment, "--section", "risks")
        self.assertIn("Returned", result.out)
        # Once returned it cannot be returned or accepted again.
        result = self.review(1, "accept", self.app_id)
        self.assertIn("Only a submitted document", result.err)

        # The administrator sees the comment, anchored to its section, after a sync.
        self.admin_icw(0, "sync", "--server", self.url)
        shown = self.json("--db", self.admin_db, "show", self.app_id, "--json")
        self.assertEqual(shown["status"], "returned")
        self.assertEqual(shown["version"], 1)
        self.assertEqual(len(shown["comments"]), 1)
        anchored = shown["comments"][0]
        self.assertEqual(anchored["anchor_kind"], "section")
        self.assertEqual(anchored["anchor_key"], "risks")
        self.assertEqual(anchored["anchor_title"], "Risks and controls")
        self.assertEqual(anchored["text"], comment)
        self.assertEqual(anchored["outcome"], "returned")
        self.assertTrue(anchored["author"])
        self.assertRegex(anchored["at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        text = self.admin_icw(0, "show", self.app_id).out
        self.assertIn("Risks and controls (", text)
        self.assertIn(comment, text)
        # In Chinese the anchor is the section's Chinese title.
        # In Chinese (the build's catalogue), the anchor is the section's Chinese title.
        localedir = os.path.join(os.environ.get("ICW_BUILD_ROOT", ""), "po")
        if os.path.exists(os.path.join(localedir, "zh_CN", "LC_MESSAGES", "ic-workbench.mo")):
            zh_env = dict(self.env, LANGUAGE="zh_CN", LANG="zh_CN.UTF-8", ICW_LOCALEDIR=localedir)
            zh_env.pop("LC_ALL")
            zh = subprocess.run([self.ICW, "--db", self.admin_db, "show", self.app_id], capture_output=True,
                                env=zh_env, timeout=60).stdout.decode("utf-8")
            self.assertIn("风险与控制（", zh)
            self.assertIn(comment, zh)

        # Reopened: a draft without comments; version 1 keeps its own.
        result = self.admin_icw(0, "reopen", self.app_id, "--server", self.url)
        match = re.search(r"Version 2 opened as a draft: (\S+)", result.out)
        self.assertIsNotNone(match, result.out)
        second = match.group(1)
        shown = self.json("--db", self.admin_db, "show", second, "--json")
        self.assertEqual(shown["comments"], [])
        self.assertEqual([(v["version"], v["status"]) for v in shown["versions"]], [(1, "returned"), (2, "draft")])
        self.assertEqual(shown["versions"][0]["comments"][0]["anchor_key"], "risks")
        self.submit(second)

        # Accepted without a comment: who and when are recorded, the return's comment is not carried.
        self.assertIn(second, self.review(0, "list").out)
        self.assertIn("Accepted", self.review(0, "accept", second).out)
        self.admin_icw(0, "sync", "--server", self.url)
        shown = self.json("--db", self.admin_db, "show", second, "--json")
        self.assertEqual(shown["status"], "accepted")
        self.assertEqual(len(shown["comments"]), 1)
        self.assertEqual(shown["comments"][0]["outcome"], "accepted")
        self.assertEqual(shown["comments"][0]["anchor_kind"], "document")
        self.assertEqual(shown["comments"][0]["text"], "")
        self.assertTrue(shown["comments"][0]["author"])
        self.assertNotIn(comment, json.dumps(shown["comments"], ensure_ascii=False))
        self.assertEqual([(v["version"], v["status"]) for v in shown["versions"]],
                         [(1, "returned"), (2, "accepted")])
        self.assertNotIn(second, self.review(0, "list").out)

    def test_accept_with_a_general_comment(self):
        self.sample()
        self.submit(self.app_id)
        self.review(0, "accept", self.app_id, "--comment", "同意。")
        self.admin_icw(0, "sync", "--server", self.url)
        shown = self.json("--db", self.admin_db, "show", self.app_id, "--json")
        self.assertEqual(shown["status"], "accepted")
        self.assertEqual([(c["anchor_kind"], c["anchor_key"], c["text"], c["outcome"]) for c in shown["comments"]],
                         [("document", None, "同意。", "accepted")])

    def test_several_comments_in_one_return(self):
        # Each --comment is anchored by the --section or --field that follows it, or is general.
        self.sample()
        self.submit(self.app_id)
        self.review(0, "return", self.app_id, "--comment", "请按新版提纲修改。",
                    "--comment", "请补充市场风险。", "--section", "risks",
                    "--comment", "截止日期有误。", "--field", "call_deadline")
        self.admin_icw(0, "sync", "--server", self.url)
        shown = self.json("--db", self.admin_db, "show", self.app_id, "--json")
        self.assertEqual([(c["anchor_kind"], c["anchor_key"], c["text"], c["outcome"]) for c in shown["comments"]],
                         [("document", None, "请按新版提纲修改。", "returned"),
                          ("section", "risks", "请补充市场风险。", "returned"),
                          ("field", "call_deadline", "截止日期有误。", "returned")])
        self.assertEqual(len({(c["author"], c["at"]) for c in shown["comments"]}), 1)

    def test_agreement_and_funding_request(self):
        # Every document with a life cycle: an agreement returned on one of its pages, a funding
        # request on one of its fields; each kind's own sections.
        self.sample()
        agreement = self.json("--db", self.admin_db, "list", "agreements", "--json")[0]["id"]
        funding = self.json("--db", self.admin_db, "list", "funding", "--json")[0]["id"]
        self.submit(agreement)
        self.submit(funding)
        inbox = json.loads(self.review(0, "list", "--json").out)
        self.assertEqual(sorted((d["kind"], d["id"]) for d in inbox),
                         sorted([("ip-agreement", agreement), ("funding-request", funding)]))
        result = self.review(1, "return", agreement, "--comment", "x", "--section", "risks")
        self.assertIn("parties, background-ip, results, terms, special-clauses, text", result.err)
        result = self.review(1, "return", funding, "--comment", "x", "--field", "call_deadline")
        self.assertIn("“call_deadline” is not a field", result.err)
        self.review(0, "return", agreement, "--comment", "请列明各方背景知识产权。", "--section", "background-ip")
        self.review(0, "return", funding, "--comment", "加计扣除金额有误。", "--field", "tax_deduction_fen")
        self.admin_icw(0, "sync", "--server", self.url)
        for doc, kind, key, title in ((agreement, "section", "background-ip", "Background IP"),
                                      (funding, "field", "tax_deduction_fen", "Tax deduction amount")):
            shown = self.json("--db", self.admin_db, "show", doc, "--json")
            self.assertEqual(shown["status"], "returned")
            self.assertEqual([(c["anchor_kind"], c["anchor_key"], c["anchor_title"]) for c in shown["comments"]],
                             [(kind, key, title)])
            self.assertIn(title + " (", self.admin_icw(0, "show", doc).out)

    def test_the_server_refuses_an_administrator(self):
        # An administrator's token may not return a document: the server refuses, the command
        # fails saying so, and the local copy is the server's again (still submitted).
        self.sample()
        self.submit(self.app_id)
        other_db = self.path("other.db")
        result = self.review(1, "return", self.app_id, "--comment", "x", db=other_db, token=self.admin)
        self.assertIn("refused", result.err)
        self.review(0, "list", db=other_db, token=self.admin)
        shown = self.json("--db", other_db, "show", self.app_id, "--json")
        self.assertEqual(shown["status"], "submitted")
        self.assertEqual(shown["comments"], [])


class TestLifecycle(ReviewTestCase):
    def test_rules_of_the_window(self):
        db = self.admin_db
        center_id = self.icw(0, "--db", db, "sample").out.strip()
        app_id = next(a["id"] for a in self.json("--db", db, "list", "applications", "--json") if a["status"] == "draft")
        result = self.icw(1, "--db", db, "submit", app_id)
        self.assertIn("Only a document that is ready can be submitted", result.err)
        result = self.icw(1, "--db", db, "reopen", app_id)
        self.assertIn("Only a returned or accepted document", result.err)
        result = self.icw(1, "--db", db, "ready", center_id)
        self.assertIn("has no life cycle", result.err)
        result = self.icw(1, "--db", db, "ready", "00000000-0000-4000-8000-000000000000")
        self.assertIn("no record", result.err)
        self.icw(0, "--db", db, "ready", app_id)
        self.assertEqual(self.json("--db", db, "show", app_id, "--json")["status"], "ready")
        self.icw(0, "--db", db, "submit", app_id)
        self.assertEqual(self.json("--db", db, "show", app_id, "--json")["status"], "submitted")
        result = self.icw(1, "--db", db, "reopen", app_id)
        self.assertIn("Only a returned or accepted document", result.err)

    def test_steps_made_offline_reach_the_server_together(self):
        # Ready and submitted before one sync arrive at the server as one change from draft to
        # submitted: the owner's own steps, which it takes.
        self.sample()
        self.admin_icw(0, "ready", self.app_id)
        self.admin_icw(0, "submit", self.app_id)
        self.assertEqual(self.json("--db", self.admin_db, "show", self.app_id, "--json")["status"], "submitted")
        result = self.admin_icw(0, "sync", "--server", self.url)
        self.assertNotIn("Refused", result.out)
        self.assertEqual([d["id"] for d in json.loads(self.review(0, "list", "--json").out)], [self.app_id])
        # A step the server refuses is reported: here the token is another center's.
        other = self.add_token("--role", "admin", "--center", "00000000-0000-4000-8000-000000000000")
        funding = self.json("--db", self.admin_db, "list", "funding", "--json")[0]["id"]
        result = self.icw(1, "--db", self.admin_db, "ready", funding, "--server", self.url, token=other)
        self.assertIn("Refused: funding-request", result.out)
        self.assertIn("did not take this step", result.err)


class TestUsage(ReviewTestCase):
    def test_usage_errors(self):
        db = self.path("x.db")
        url = "http://127.0.0.1:9"
        cases = [
            ["review"],
            ["review", "frobnicate", "--server", url],
            ["review", "list"],
            ["review", "list", "extra", "--server", url],
            ["review", "show", "--server", url],
            ["review", "return", "ID", "--server", url],
            ["review", "return", "ID", "--server", url, "--json", "--comment", "x"],
            ["review", "return", "ID", "--server", url, "--comment", "x", "--section", "risks", "--field", "title"],
            ["review", "accept", "ID", "--server", url, "--section", "risks"],
            ["review", "return", "ID", "--server", url, "--section", "risks", "--comment", "a", "--comment", "b"],
            ["review", "return", "ID", "--server", url, "--comment", "a", "--comment", "b", "--section", "risks",
             "--field", "title"],
            ["review", "list", "--server", url, "--comment", "x"],
            ["review", "show", "ID", "--server", url, "--all"],
            ["review", "list", "--server", "ftp://example.org"],
            ["ready"],
            ["submit", "a", "b"],
            ["reopen", "ID", "--json"],
            ["list", "centers", "--comment", "x"],
            ["sync", "--server", url, "--all"],
        ]
        for args in cases:
            with self.subTest(args=args):
                result = self.icw(2, "--db", db, *args)
                self.assertIn("icw --help", result.err)
                self.assertEqual(result.out, "")
        self.assertFalse(os.path.exists(db), "a usage error created a database")

    def test_help_lists_the_commands(self):
        out = self.icw(0, "--help").out
        for text in ("ready ID", "submit ID", "reopen ID", "review list", "review return ID --comment TEXT",
                     "review accept ID", "--section KEY"):
            self.assertIn(text, out)


if __name__ == "__main__":
    main("test-cli-review.py")
