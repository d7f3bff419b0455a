#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-sync.py: drives the real `icw serve` and `icw sync` over loopback: the server prints the
# address it listens on (--port 0 picks a free port) and stops on SIGTERM; `icw serve token add`
# prints a token once; one client pushes the sample center, a second client's empty database pulls
# it; a wrong token fails with exit 1 and a message and keeps the outbox; usage errors exit 2.
#
# Usage: python3 tests/test-cli-sync.py /path/to/icw   (meson test -C BUILDDIR cli-sync)

import os
import re
import signal
import subprocess
import sys
import tempfile
import unittest

ICW = None


def base_env(home):
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env.pop("ICW_TOKEN", None)
    env["LC_ALL"] = "C.UTF-8"
    env["XDG_DATA_HOME"] = os.path.join(home, "xdg-data")
    env["G_DEBUG"] = "fatal-criticals"
    # No keyring daemon: libsecret's file backend, in the test's own directory.
    env["SECRET_BACKEND"] = "file"
    env["SECRET_FILE_TEST_PATH"] = os.path.join(home, "test.keyring")
    env["SECRET_FILE_TEST_PASSWORD"] = "test"
    return env


class SyncCliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="icw-cli-sync-")
        self.dir = self.tmp.name
        self.env = base_env(self.dir)
        self.server_db = os.path.join(self.dir, "server.db")
        self.server = None

    def tearDown(self):
        if self.server is not None:
            # SIGTERM, not SIGKILL: the server stops cleanly and removes its icw-serve-* scratch folder.
            if self.server.poll() is None:
                self.server.terminate()
            try:
                self.server.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.communicate(timeout=10)
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def icw(self, status, *args, token=None):
        env = dict(self.env)
        if token is not None:
            env["ICW_TOKEN"] = token
        result = subprocess.run([ICW] + list(args), capture_output=True, env=env, timeout=60)
        result.out = result.stdout.decode("utf-8")
        result.err = result.stderr.decode("utf-8")
        self.assertEqual(result.returncode, status,
                         "icw %s\nstdout: %s\nstderr: %s" % (" ".join(args), result.out, result.err))
        return result

    def start_server(self):
        self.server = subprocess.Popen([ICW, "serve", "--db", self.server_db, "--port", "0"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        line = self.server.stdout.readline().decode("utf-8")
        match = re.match(r"^Listening on (http://127\.0\.0\.1:(\d+))\n$", line)
        self.assertIsNotNone(match, "icw serve printed %r" % line)
        self.assertNotEqual(match.group(2), "0")
        return match.group(1)

    def stop_server(self):
        self.server.send_signal(signal.SIGTERM)
        out, err = self.server.communicate(timeout=10)
        self.assertEqual(self.server.returncode, 0, err.decode("utf-8"))
        self.assertIn("stopped", out.decode("utf-8"))

    def add_token(self, *scope):
        result = self.icw(0, "serve", "token", "add", "--db", self.server_db, *scope)
        token = result.out.strip()
        self.assertRegex(token, r"^\S{32,}$")
        self.assertEqual(result.out, token + "\n", "the token is alone on stdout")
        self.assertIn("only once", result.err)
        return token

    def outbox(self, db):
        result = self.icw(0, "--db", db, "doctor")
        match = re.search(r"Changes waiting to be synced\s+(\d+)", result.out)
        self.assertIsNotNone(match, result.out)
        return int(match.group(1))


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
        self.assertIn("齐鲁智能传感器制造业创新中心", listing)

        # Nothing new either way the second time; the server stops cleanly on SIGTERM.
        result = self.icw(0, "--db", second, "sync", "--server", url, token=token)
        self.assertIn("0 records received from the server.", result.out)
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
        with open(self.server_db, "rb") as f:
            self.assertNotIn(token.encode(), f.read())

    def test_help_lists_the_commands(self):
        out = self.icw(0, "--help").out
        for text in ("sync --server URL", "serve --db PATH", "serve token add", "--port"):
            self.assertIn(text, out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test-cli-sync.py /path/to/icw")
    ICW = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
