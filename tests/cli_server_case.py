#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# cli_server_case.py: what the command-line tests that talk to a real `icw serve` on loopback
# share (test-cli-sync.py, test-cli-review.py): an environment of the test's own (no token, no
# keyring daemon: libsecret's file backend in the test's folder), `icw` run and its exit status
# checked, servers started on a free port and stopped cleanly (SIGTERM) at the end.

import os
import re
import subprocess
import sys
import tempfile
import unittest


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


class ServerTestCase(unittest.TestCase):
    """A test folder, its environment, and the servers started in it. ICW is the binary (main()
    sets it); server_args say where the server keeps its data (a SQLite file by default)."""
    ICW = None
    prefix = "icw-cli-"
    icw_timeout = 120

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix=self.prefix)
        self.dir = self.tmp.name
        self.env = base_env(self.dir)
        self.server_db = self.path("server.db")
        self.server_args = ["--db", self.server_db]
        self.server = None
        self.servers = []

    def tearDown(self):
        for server in self.servers + ([self.server] if self.server is not None else []):
            # SIGTERM, not SIGKILL: the server stops cleanly and removes its icw-serve-* scratch folder.
            if server.poll() is None:
                server.terminate()
            try:
                server.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.communicate(timeout=10)
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def icw(self, status, *args, token=None, env=None):
        """Runs icw ARGS, checks its exit status; .out and .err are the decoded outputs."""
        run_env = dict(self.env)
        run_env.update(env or {})
        if token is not None:
            run_env["ICW_TOKEN"] = token
        result = subprocess.run([self.ICW] + list(args), capture_output=True, env=run_env, timeout=self.icw_timeout)
        result.out = result.stdout.decode("utf-8")
        result.err = result.stderr.decode("utf-8")
        self.assertEqual(result.returncode, status,
                         "icw %s\nstdout: %s\nstderr: %s" % (" ".join(args), result.out, result.err))
        return result

    def spawn_server(self, *extra):
        """A server on a free port (it prints its address first) and that address."""
        server = subprocess.Popen([self.ICW, "serve", *self.server_args, "--port", "0", *extra],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        line = server.stdout.readline().decode("utf-8")
        match = re.match(r"^Listening on (http://127\.0\.0\.1:(\d+))\n$", line)
        self.assertIsNotNone(match, "icw serve printed %r (%s)" % (line, server.stderr.read(2000) if not line else ""))
        self.assertNotEqual(match.group(2), "0")
        return server, match.group(1)

    def start_server(self, *extra):
        """The test's server (self.server); its address."""
        self.server, url = self.spawn_server(*extra)
        return url


def main(script):
    """unittest's main, with the icw binary as the first argument."""
    if len(sys.argv) < 2:
        sys.exit("usage: %s /path/to/icw" % script)
    ServerTestCase.ICW = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
