#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-sync.py: drives the real `icw serve` and `icw sync` over loopback: the server prints the
# address it listens on (--port 0 picks a free port) and stops on SIGTERM; `icw serve token add`
# prints a token once; one client pushes the sample center, a second client's empty database pulls
# it; a wrong token fails with exit 1 and a message and keeps the outbox; usage errors exit 2;
# `icw serve token list|revoke`, the health endpoint and the access log (no token in it); two
# server processes on one database, the same batch reaching both at once applied once.
# With ICW_TEST_SERVER_BACKEND=postgresql (tests/with-pg.sh) the server's database is a new
# database in the cluster ICW_TEST_PG names (--database), else a SQLite file (--db).
#
# Usage: python3 tests/test-cli-sync.py /path/to/icw   (meson test -C BUILDDIR cli-sync)

import json
import os
import random
import re
import signal
import subprocess
import threading
import time
import unittest
import urllib.error
import urllib.request

from cli_server_case import ServerTestCase, main

PG = os.environ.get("ICW_TEST_SERVER_BACKEND") == "postgresql"


def psql(conninfo, sql):
    return subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", conninfo, "-c", sql],
                          capture_output=True, check=True, timeout=60).stdout.decode("utf-8")


def new_pg_database():
    cluster = os.environ["ICW_TEST_PG"]
    name = "icw_cli_%08x" % random.getrandbits(32)
    psql(cluster, "CREATE DATABASE " + name)
    return cluster + " dbname=" + name


class SyncCliTestCase(ServerTestCase):
    prefix = "icw-cli-sync-"
    icw_timeout = 60

    def setUp(self):
        super().setUp()
        if PG:
            self.server_db = new_pg_database()
            self.server_args = ["--database", self.server_db]

    def stop_server(self):
        self.server.send_signal(signal.SIGTERM)
        out, err = self.server.communicate(timeout=10)
        self.assertEqual(self.server.returncode, 0, err.decode("utf-8"))
        self.assertIn("stopped", out.decode("utf-8"))

    def add_token(self, *scope):
        result = self.icw(0, "serve", "token", "add", *self.server_args, *scope)
        token = result.out.strip()
        self.assertRegex(token, r"^\S{32,}$")
        self.assertEqual(result.out, token + "\n", "the token is alone on stdout")
        self.assertIn("only once", result.err)
        return token

    def outbox(self, db):
        result = self.icw(0, "--db", db, "doctor")
        match = re.search(r"Changes waiting to be synced\s+(\d+)", result.out)
        self.assertIsNotNone(match, result.out)
        # The 任务书's versions wait apart from the outbox and are sent as changes too.
        versions = re.search(r"Versions of targets waiting to be synced\s+(\d+)", result.out)
        return int(match.group(1)) + (int(versions.group(1)) if versions else 0)


class TestServeAndSync(SyncCliTestCase):
    def test_push_then_pull_into_a_second_database(self):
        first, second = self.path("first.db"), self.path("second.db")
        center_id = self.icw(0, "--db", first, "sample").out.strip()
        token = self.add_token("--role", "admin", "--center", center_id)
        url = self.start_server()
        waiting = self.outbox(first)
        self.assertGreater(waiting, 0)

        result = self.icw(0, "--db", first, "sync", "--server", url, token=token)
        self.assertIn("%d changes sent to the server." % waiting, result.out)
        self.assertEqual(self.outbox(first), 0)

        result = self.icw(0, "--db", second, "sync", "--server", url, token=token)
        self.assertIn("0 changes sent to the server.", result.out)
        self.assertIn("%d records received from the server." % waiting, result.out)
        listing = self.icw(0, "--db", second, "list", "centers").out
        self.assertIn(center_id, listing)
        self.assertIn("齐鲁海洋工程装备制造业创新中心", listing)

        # Nothing new either way the second time; the server stops cleanly on SIGTERM.
        result = self.icw(0, "--db", second, "sync", "--server", url, token=token)
        self.assertIn("0 records received from the server.", result.out)
        self.stop_server()

    def test_reports_through_the_server(self):
        """A report (issue 16) goes through the server like the other documents: a second client of
        the center pulls the sample's draft evaluation; a new annual assessment, submitted, reaches
        the reviewer of the province, who accepts it; the administrator pulls the acceptance."""
        first, second, review = self.path("first.db"), self.path("second.db"), self.path("review.db")
        center_id = self.icw(0, "--db", first, "sample").out.strip()
        admin = self.add_token("--role", "admin", "--center", center_id)
        reviewer = self.add_token("--role", "reviewer", "--province", "Shandong")
        url = self.start_server()
        self.icw(0, "--db", first, "sync", "--server", url, token=admin)
        self.icw(0, "--db", second, "sync", "--server", url, token=admin)
        pulled = json.loads(self.icw(0, "--db", second, "list", "reports", "--json").out)
        self.assertEqual([(r["year"], r["kind"], r["status"]) for r in pulled], [(2026, "evaluation", "draft")])

        report_id = self.icw(0, "--db", first, "new", "report", "--center", center_id, "--year", "2027",
                             "--kind", "annual-assessment").out.strip()
        self.icw(0, "--db", first, "ready", report_id, "--server", url, token=admin)
        self.icw(0, "--db", first, "submit", report_id, "--server", url, token=admin)
        result = self.icw(0, "--db", review, "review", "list", "--json", "--server", url, token=reviewer)
        inbox = json.loads(result.out)
        self.assertEqual([d["id"] for d in inbox], [report_id])
        self.icw(0, "--db", review, "review", "accept", report_id, "--comment", "合格", "--server", url, token=reviewer)
        result = self.icw(0, "--db", first, "sync", "--server", url, token=admin)
        self.assertNotIn("Refused", result.out)
        shown = json.loads(self.icw(0, "--db", first, "show", report_id, "--json").out)
        self.assertEqual(shown["status"], "accepted")
        self.stop_server()

    def test_attachments_open_everywhere(self):
        # The sample's attachments added on one client reach a second client of the center and
        # a reviewer of its province with their files; the doctor finds nothing on any of them.
        first, second, review = self.path("first.db"), self.path("second.db"), self.path("review.db")
        center_id = self.icw(0, "--db", first, "sample").out.strip()
        admin = self.add_token("--role", "admin", "--center", center_id)
        reviewer = self.add_token("--role", "reviewer", "--province", "Shandong")
        url = self.start_server()
        result = self.icw(0, "--db", first, "sync", "--server", url, token=admin)
        self.assertIn("3 attachment files sent, 0 received.", result.out)
        for db, token in ((second, admin), (review, reviewer)):
            result = self.icw(0, "--db", db, "sync", "--server", url, token=token)
            self.assertIn("0 attachment files sent, 3 received.", result.out)
        for db in (first, second, review):
            result = self.icw(0, "--db", db, "doctor")
            self.assertIn("No problems found.", result.out)
            self.assertNotIn("not yet downloaded", result.out)
        self.stop_server()

    def test_wrong_token_keeps_the_outbox(self):
        db = self.path("client.db")
        center_id = self.icw(0, "--db", db, "sample").out.strip()
        self.add_token("--role", "admin", "--center", center_id)
        url = self.start_server()
        waiting = self.outbox(db)

        result = self.icw(1, "--db", db, "sync", "--server", url, token="icw_not-a-token")
        self.assertIn("token", result.err)
        self.assertEqual(result.out, "")
        self.assertEqual(self.outbox(db), waiting, "a refused sync lost changes")

        # Another center's administrator may not push this center's records: each change is
        # refused on its own and kept in the list of conflicts, nothing is stored.
        other = self.add_token("--role", "admin", "--center", "00000000-0000-4000-8000-000000000000")
        result = self.icw(0, "--db", db, "sync", "--server", url, token=other)
        self.assertIn("refused", result.out)
        self.assertEqual(self.outbox(db), 0)

    def test_stops_at_once(self):
        # SIGTERM right after the address is printed stops the server cleanly.
        self.start_server()
        self.stop_server()

    def test_no_token(self):
        url = self.start_server()
        db = self.path("client.db")
        result = self.icw(1, "--db", db, "sync", "--server", url)
        self.assertIn("No token for " + url, result.err)
        self.assertIn("ICW_TOKEN", result.err)
        self.assertFalse(os.path.exists(db), "a sync without a token created the database")

    def test_unreachable_server(self):
        # A port nobody listens on: the retries run out and the command fails, nothing lost.
        db = self.path("client.db")
        self.icw(0, "--db", db, "sample")
        waiting = self.outbox(db)
        url = "http://127.0.0.1:9"
        result = self.icw(1, "--db", db, "sync", "--server", url, token="x")
        self.assertIn("could not be reached", result.err)
        self.assertEqual(self.outbox(db), waiting)

    def test_plain_http_elsewhere_refused(self):
        db = self.path("client.db")
        result = self.icw(1, "--db", db, "sync", "--server", "http://192.0.2.1:8443", token="x")
        self.assertIn("https://", result.err)


def request(url, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode("utf-8") if body is not None else None
    req = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=60) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


CENTER = "c0000000-0000-4000-8000-0000000000aa"


class TestOperators(SyncCliTestCase):
    def test_token_list_and_revoke(self):
        admin = self.add_token("--role", "admin", "--center", CENTER)
        reviewer = self.add_token("--role", "reviewer", "--province", "Shandong")
        listing = self.icw(0, "serve", "token", "list", *self.server_args).out
        self.assertIn(CENTER, listing)
        self.assertIn("370000", listing, "a province is listed by its GB/T 2260 code")
        self.assertNotIn(admin, listing)
        self.assertNotIn(reviewer, listing)
        self.assertEqual(listing.count("active"), 2)
        url = self.start_server()
        self.assertEqual(request(url + "/v1/pull", admin)[0], 200)
        # Revoked by the start of its hash, as the list shows it: the next request is refused.
        hashes = [line.split()[0] for line in listing.splitlines()[1:] if CENTER in line]
        self.assertEqual(len(hashes), 1)
        result = self.icw(0, "serve", "token", "revoke", hashes[0], *self.server_args)
        self.assertIn("1 token revoked", result.out)
        self.assertEqual(request(url + "/v1/pull", admin)[0], 401)
        self.assertEqual(request(url + "/v1/pull", reviewer)[0], 200)
        self.icw(1, "serve", "token", "revoke", hashes[0], *self.server_args)   # nothing left to revoke
        self.icw(0, "serve", "token", "revoke", reviewer, *self.server_args)    # by the token itself
        self.assertEqual(request(url + "/v1/pull", reviewer)[0], 401)
        self.assertEqual(self.icw(0, "serve", "token", "list", *self.server_args).out.count("revoked"), 2)
        self.icw(2, "serve", "token", "revoke", "abc", *self.server_args)       # too short to choose
        self.icw(1, "serve", "token", "add", "--role", "reviewer", "--province", "Atlantis", *self.server_args)

    def test_province_names_meet(self):
        # A reviewer's token for "Shandong" sees a center whose province says 山东省.
        admin = self.add_token("--role", "admin", "--center", CENTER)
        reviewer = self.add_token("--role", "reviewer", "--province", "Shandong")
        url = self.start_server()
        record = {"id": CENTER, "name": "甲中心", "province": "山东省"}
        status, body = request(url + "/v1/push", admin, {
            "idempotency_key": "province-0123456789",
            "changes": [{"kind": "center", "id": CENTER, "op": "upsert", "base_revision": None, "record": record}]})
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["results"][0]["status"], "applied", body)
        status, body = request(url + "/v1/pull", reviewer)
        self.assertEqual(status, 200, body)
        self.assertEqual([c["id"] for c in json.loads(body)["changes"]], [CENTER])

    @unittest.skipIf(PG, "the SQLite server's migration 3; PostgreSQL has had codes from its first version")
    def test_sqlite_names_become_codes(self):
        # A server file of version 2 kept names: its migration to 3 turns them into codes.
        admin = self.add_token("--role", "admin", "--center", CENTER)
        reviewer = self.add_token("--role", "reviewer", "--province", "山东")
        url = self.start_server()
        record = {"id": CENTER, "name": "甲中心", "province": "山东省"}
        status, body = request(url + "/v1/push", admin, {
            "idempotency_key": "migration-0123456789",
            "changes": [{"kind": "center", "id": CENTER, "op": "upsert", "base_revision": None, "record": record}]})
        self.assertEqual(status, 200, body)
        self.stop_server()
        subprocess.run(["sqlite3", self.server_db, "UPDATE records SET province = '山东省'; "
                        "UPDATE tokens SET province = ' Shandong' WHERE role = 'reviewer'; PRAGMA user_version = 2"],
                       check=True)
        url = self.start_server()
        status, body = request(url + "/v1/pull", reviewer)
        self.assertEqual([c["id"] for c in json.loads(body)["changes"]], [CENTER])
        self.stop_server()
        out = subprocess.run(["sqlite3", self.server_db, "PRAGMA user_version; SELECT province FROM records; "
                              "SELECT province FROM tokens WHERE role = 'reviewer'"],
                             check=True, capture_output=True).stdout.decode().split()
        # Migrated past version 3 (the names to codes; later versions add their own tables).
        self.assertGreaterEqual(int(out[0]), 3)
        self.assertEqual(out[1:], ["370000", "370000"])

    def test_health_and_access_log(self):
        log = self.path("access.log")
        admin = self.add_token("--role", "admin", "--center", CENTER)
        url = self.start_server("--access-log", log)
        status, body = request(url + "/v1/health")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body), {"status": "ok", "backend": "postgresql" if PG else "sqlite"})
        self.assertEqual(request(url + "/v1/pull?limit=5", admin)[0], 200)
        self.assertEqual(request(url + "/v1/pull", "icw_wrong")[0], 401)
        self.stop_server()
        with open(log, encoding="utf-8") as f:
            text = f.read()
        lines = [json.loads(line) for line in text.splitlines()]
        self.assertEqual([(l["method"], l["path"], l["status"]) for l in lines],
                         [("GET", "/v1/health", 200), ("GET", "/v1/pull", 200), ("GET", "/v1/pull", 401)])
        self.assertEqual(lines[1]["role"], "admin")
        self.assertEqual(lines[1]["scope"], CENTER)
        self.assertIsNone(lines[2]["role"])
        for line in lines:
            self.assertGreaterEqual(line["ms"], 0)
        self.assertNotIn(admin, text)
        self.assertNotIn(admin[4:16], text)

    def test_two_processes_same_batch(self):
        # Two server processes on one database; the same batch (same key) reaches both at once.
        admin = self.add_token("--role", "admin", "--center", CENTER)
        first, url1 = self.spawn_server()
        self.servers.append(first)
        second, url2 = self.spawn_server()
        self.servers.append(second)
        changes = [{"kind": "center", "id": CENTER, "op": "upsert", "base_revision": None,
                    "record": {"id": CENTER, "name": "甲中心", "province": "山东省"}}]
        changes += [{"kind": "organization", "id": "%08d-0000-4000-8000-000000000000" % i, "op": "upsert",
                     "base_revision": None, "record": {"id": "%08d-0000-4000-8000-000000000000" % i,
                                                       "name": "单位%d" % i}} for i in range(50)]
        batch = {"idempotency_key": "same-batch-0123456789", "changes": changes}
        holder = None
        if PG:
            # Hold the server's write lock, so that both requests are inside their transaction,
            # waiting, before either may commit: the race is certain, not timed.
            holder = subprocess.Popen(["psql", "-X", "-q", self.server_db], stdin=subprocess.PIPE,
                                      stdout=subprocess.DEVNULL, env=self.env)
            holder.stdin.write(b"BEGIN; SELECT pg_advisory_xact_lock(1229150035, 1);\n")
            holder.stdin.flush()
            deadline = time.monotonic() + 20
            while psql(self.server_db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").strip() != "1":
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.05)
        answers = [None, None]

        def send(index, url):
            answers[index] = request(url + "/v1/push", admin, batch)

        threads = [threading.Thread(target=send, args=(0, url1)), threading.Thread(target=send, args=(1, url2))]
        for t in threads:
            t.start()
        if PG:
            deadline = time.monotonic() + 20
            while psql(self.server_db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").strip() != "2":
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.05)
            holder.stdin.write(b"COMMIT;\n")
            holder.stdin.close()
            holder.wait(timeout=20)
        for t in threads:
            t.join(timeout=60)
        self.assertEqual(answers[0][0], 200, answers[0][1])
        self.assertEqual(answers[1][0], 200, answers[1][1])
        self.assertEqual(answers[0][1], answers[1][1], "both processes answer with the one stored result")
        results = json.loads(answers[0][1])["results"]
        self.assertEqual([r["status"] for r in results], ["applied"] * 51)
        self.assertEqual(sorted(int(r["revision"]) for r in results), list(range(1, 52)),
                         "each change applied once: revisions 1 to 51, no second application")
        status, body = request(url2 + "/v1/pull?limit=500", admin)
        pulled = json.loads(body)["changes"]
        self.assertEqual(len(pulled), 51)
        self.assertEqual(len({c["id"] for c in pulled}), 51)


class TestUsage(SyncCliTestCase):
    def test_usage_errors(self):
        db = self.path("x.db")
        cases = [
            ["--db", db, "sync"],
            ["--db", db, "sync", "--server", "ftp://example.org"],
            ["--db", db, "sync", "--server", "not a url"],
            ["--db", db, "sync", "extra", "--server", "https://example.org"],
            ["--db", db, "sync", "--server", "https://example.org", "--json"],
            ["--db", db, "sync", "--server", "https://example.org", "--port", "1"],
            ["--db", db, "list", "centers", "--server", "https://example.org"],
            ["serve"],                                     # no --db
            ["serve", "--db", db, "--port", "65536"],
            ["serve", "--db", db, "--port", "http"],
            ["serve", "--db", db, "--tls-cert", "a.pem"],
            ["serve", "--db", db, "--role", "admin"],
            ["serve", "--db", db, "frobnicate"],
            ["serve", "--db", db, "token"],
            ["serve", "--db", db, "token", "remove"],
            ["serve", "--db", db, "token", "add"],
            ["serve", "--db", db, "token", "add", "--role", "root", "--center", "c"],
            ["serve", "--db", db, "token", "add", "--role", "admin"],
            ["serve", "--db", db, "token", "add", "--role", "admin", "--province", "山东省"],
            ["serve", "--db", db, "token", "add", "--role", "reviewer", "--center", "c"],
            ["serve", "--db", db, "token", "add", "--role", "reviewer", "--province", "山东省", "--port", "1"],
            ["serve", "--db", db, "--server", "https://example.org"],
        ]
        for args in cases:
            with self.subTest(args=args):
                result = self.icw(2, *args)
                self.assertIn("icw --help", result.err)
                self.assertEqual(result.out, "")
        self.assertFalse(os.path.exists(db), "a usage error created a database")

    def test_reviewer_token(self):
        token = self.add_token("--role", "reviewer", "--province", "山东省")
        again = self.add_token("--role", "reviewer", "--province", "山东省")
        self.assertNotEqual(token, again)
        # Only the hash is stored: the token itself is nowhere in the server's database.
        if PG:
            dump = subprocess.run(["pg_dump", self.server_db], capture_output=True, check=True).stdout
            self.assertIn(b"CREATE TABLE public.tokens", dump)
            self.assertNotIn(token.encode(), dump)
        else:
            with open(self.server_db, "rb") as f:
                self.assertNotIn(token.encode(), f.read())

    def test_help_lists_the_commands(self):
        out = self.icw(0, "--help").out
        for text in ("sync --server URL", "serve --db PATH", "serve token add", "--port"):
            self.assertIn(text, out)


if __name__ == "__main__":
    main("test-cli-sync.py")
