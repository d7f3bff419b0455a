#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-load.py: the sync server under load (issue 18; not part of the test suite). Clients of
# several centers push at once through the server processes while reviewers pull meanwhile;
# prints records per second and p50/p95 request latency, then checks that every record is on
# the server exactly once, and on every client (each client pulls its center at the end) and
# every reviewer exactly once. Clients speak the protocol of docs/sync-protocol.md directly:
# batches of 200 with an idempotency key, the same key again after a transport error or a 5xx,
# on the next server process (a client's list of servers, as behind a load balancer).
#
#   bench-load.py ICW --backend postgresql|sqlite [--servers 2] [--clients 50] [--centers 10]
#                 [--records 1000] [--batch 200] [--reviewers 5] [--kill-halfway] [--count-syncs]
#
# The concurrent-push run of issue 20 (many small pushes at once, which group commit joins):
#   bench-load.py ICW --backend sqlite --servers 1 --clients 20 --centers 20 --records 60 \
#                 --batch 1 --reviewers 0 --count-syncs
# --count-syncs runs each server process under `strace -f -c -e trace=fsync,fdatasync` and prints
# the calls counted (on PostgreSQL also pg_stat_wal's WAL syncs during the pushes): the durable
# commits, whatever the wall clock does on a shared machine.
#
# PostgreSQL: a throwaway durable cluster (tests/pg-cluster.sh with ICW_PG_DURABLE=1: fsync and
# synchronous_commit on, as the SQLite server's synchronous=FULL). --kill-halfway sends SIGKILL
# to the first server process when half the records are applied.

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
PROVINCES = ["370000", "320000", "440000", "330000", "510000"]


def http(url, token, body=None, timeout=60):
    headers = {"Authorization": "Bearer " + token}
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Servers:
    """The server processes, and the URLs clients try in turn."""

    def __init__(self, icw, args, n, env, trace_dir=None):
        self.procs, self.urls, self.traces = [], [], []
        for index in range(n):
            prefix = []
            if trace_dir is not None:
                self.traces.append(os.path.join(trace_dir, "syncs-%d.txt" % index))
                prefix = ["strace", "-f", "--seccomp-bpf", "-c", "-e", "trace=fsync,fdatasync", "-o", self.traces[-1]]
            p = subprocess.Popen([*prefix, icw, "serve", *args, "--port", "0"], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=env)
            line = p.stdout.readline().decode()
            m = re.match(r"^Listening on (\S+)", line)
            if not m:
                sys.exit("bench-load: icw serve printed %r" % line)
            self.procs.append(p)
            self.urls.append(m.group(1))
        self.dead = set()

    def stop(self):
        for p in self.procs:
            if p.poll() is None:
                # Under strace the server is strace's child: it is the one told to stop, and
                # strace writes its count when it has ended.
                target = p.pid
                if self.traces:
                    try:
                        with open("/proc/%d/task/%d/children" % (p.pid, p.pid)) as f:
                            target = int(f.read().split()[0])
                    except (OSError, IndexError, ValueError):
                        pass
                os.kill(target, signal.SIGTERM)
            p.wait(timeout=30)

    def syncs(self):
        """fsync + fdatasync calls of every server process (strace -c's table), or None."""
        if not self.traces:
            return None
        total = 0
        for path in self.traces:
            with open(path) as f:
                for line in f:
                    fields = line.split()
                    if len(fields) >= 5 and fields[-1] in ("fsync", "fdatasync"):
                        total += int(fields[3])
        return total


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.push_ms, self.pull_ms = [], []
        self.applied = 0
        self.retries = 0

    def add(self, kind, ms):
        with self.lock:
            (self.push_ms if kind == "push" else self.pull_ms).append(ms)


def request_with_failover(servers, start, path, token, body, stats, kind):
    """Tries the servers in turn from `start`; the same body (and key) every time."""
    attempt = 0
    while True:
        url = servers.urls[(start + attempt) % len(servers.urls)]
        t0 = time.monotonic()
        try:
            status, data = http(url + path, token, body)
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            status, data = None, None
        stats.add(kind, (time.monotonic() - t0) * 1000)
        if status == 200:
            return json.loads(data)
        if status is not None and status < 500 and status != 429:
            raise RuntimeError("%s %s: %s %s" % (kind, url, status, data[:200]))
        attempt += 1
        with stats.lock:
            stats.retries += 1
        if attempt > 20:
            raise RuntimeError("%s: no server answered" % kind)
        time.sleep(min(2.0, 0.05 * 2 ** min(attempt, 6)) * random.random())


def pull_all(servers, start, token, cursor, seen, stats):
    """Pulls pages from cursor to the end; seen: id → revision (a record again replaces itself)."""
    while True:
        path = "/v1/pull?limit=500" + ("&cursor=" + cursor if cursor else "")
        page = request_with_failover(servers, start, path, token, None, stats, "pull")
        for change in page["changes"]:
            seen[change["id"]] = change["revision"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return cursor


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("icw")
    ap.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    ap.add_argument("--servers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--centers", type=int, default=10)
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--reviewers", type=int, default=5)
    ap.add_argument("--count-syncs", action="store_true")
    ap.add_argument("--kill-halfway", action="store_true")
    a = ap.parse_args()

    work = tempfile.mkdtemp(prefix="icw-bench-load-")
    os.chmod(work, 0o711)   # the cluster runs as an unprivileged user under it
    env = dict(os.environ, LC_ALL="C.UTF-8", GIO_USE_PROXY_RESOLVER="dummy")
    pg_dir = None
    try:
        if a.backend == "postgresql":
            pg_dir = os.path.join(work, "pg")
            conninfo = subprocess.run(["bash", os.path.join(HERE, "..", "pg-cluster.sh"), "start", pg_dir],
                                      env=dict(env, ICW_PG_DURABLE="1"), check=True,
                                      capture_output=True).stdout.decode().strip()
            subprocess.run(["psql", "-X", "-q", conninfo, "-c", "CREATE DATABASE icw_bench"], check=True)
            db_args = ["--database", conninfo + " dbname=icw_bench"]
        else:
            db_args = ["--db", os.path.join(work, "server.db")]

        def token(*scope):
            return subprocess.run([a.icw, "serve", "token", "add", *db_args, *scope], env=env, check=True,
                                  capture_output=True).stdout.decode().strip()

        centers = [str(uuid.uuid4()) for _ in range(a.centers)]
        province_of = {c: PROVINCES[i % len(PROVINCES)] for i, c in enumerate(centers)}
        clients = [{"center": centers[i % a.centers], "token": token("--role", "admin", "--center", centers[i % a.centers]),
                    "ids": [str(uuid.uuid4()) for _ in range(a.records)]} for i in range(a.clients)]
        reviewers = [{"province": PROVINCES[i % len(PROVINCES)],
                      "token": token("--role", "reviewer", "--province", PROVINCES[i % len(PROVINCES)])}
                     for i in range(a.reviewers)]
        servers = Servers(a.icw, db_args, a.servers, env, work if a.count_syncs else None)
        stats = Stats()
        total = a.clients * a.records
        done = threading.Event()
        killed = []

        # Each center's record first, by one of its clients (the records refer to the center).
        for i, c in enumerate(centers):
            owner = next(cl for cl in clients if cl["center"] == c)
            request_with_failover(servers, 0, "/v1/push", owner["token"], {
                "idempotency_key": str(uuid.uuid4()),
                "changes": [{"kind": "center", "id": c, "op": "upsert", "base_revision": None,
                             "record": {"id": c, "name": "中心%d" % i, "province": province_of[c]}}]}, stats, "push")
        stats.push_ms.clear()

        def push_client(index, client):
            ids = client["ids"]
            for b in range(0, len(ids), a.batch):
                changes = [{"kind": "organization", "id": i, "op": "upsert", "base_revision": None,
                            "record": {"id": i, "name": "单位 %s" % i[:8]}} for i in ids[b:b + a.batch]]
                body = json.dumps({"idempotency_key": str(uuid.uuid4()), "changes": changes}).encode()
                answer = request_with_failover(servers, index, "/v1/push", client["token"], body, stats, "push")
                bad = [r for r in answer["results"] if r["status"] != "applied"]
                if bad:
                    raise RuntimeError("refused: %s" % bad[:2])
                with stats.lock:
                    stats.applied += len(changes)
                    if a.kill_halfway and not killed and stats.applied >= total // 2:
                        servers.procs[0].send_signal(signal.SIGKILL)
                        killed.append(stats.applied)

        def review(index, reviewer):
            reviewer["seen"], cursor = {}, None
            while not done.is_set():
                cursor = pull_all(servers, index, reviewer["token"], cursor, reviewer["seen"], stats)
                time.sleep(0.2)
            reviewer["cursor"] = cursor

        errors = []

        def guard(fn, *args):
            try:
                fn(*args)
            except Exception as e:   # reported, and the run fails
                errors.append(repr(e))

        def wal_syncs():
            # PostgreSQL's own count of WAL flushes to disk (pg_stat_wal, PostgreSQL 14 and later):
            # the server processes do not fsync themselves there.
            if a.backend != "postgresql" or not a.count_syncs:
                return None
            return int(subprocess.run(["psql", "-X", "-At", db_args[1], "-c", "SELECT wal_sync FROM pg_stat_wal"],
                                      check=True, capture_output=True).stdout.decode().strip())

        wal_before = wal_syncs()
        rthreads = [threading.Thread(target=guard, args=(review, i, r)) for i, r in enumerate(reviewers)]
        for t in rthreads:
            t.start()
        t0 = time.monotonic()
        pthreads = [threading.Thread(target=guard, args=(push_client, i, c)) for i, c in enumerate(clients)]
        for t in pthreads:
            t.start()
        for t in pthreads:
            t.join()
        elapsed = time.monotonic() - t0
        wal_after = wal_syncs()
        push_ms = sorted(stats.push_ms)
        done.set()
        for t in rthreads:
            t.join()
        if errors:
            sys.exit("bench-load: %s" % errors[:3])

        # Afterwards: the server holds every record once; every client and reviewer, pulling on
        # from where it was (a client from the start: it kept nothing), has each record once.
        for r in reviewers:
            pull_all(servers, 1, r["token"], r["cursor"], r["seen"], stats)
        problems = []
        for r in reviewers:
            expected = {c for c in centers if province_of[c] == r["province"]}
            expected |= {i for cl in clients if cl["center"] in expected for i in cl["ids"]}
            if set(r["seen"]) != expected:
                problems.append("reviewer %s: %d records, expected %d" % (r["province"], len(r["seen"]), len(expected)))
        for index, cl in enumerate(clients):
            seen = {}
            pull_all(servers, index + 1, cl["token"], None, seen, stats)
            expected = {cl["center"]} | {i for other in clients if other["center"] == cl["center"] for i in other["ids"]}
            if set(seen) != expected:
                problems.append("client %d: %d records, expected %d" % (index, len(seen), len(expected)))
        if a.backend == "postgresql":
            out = subprocess.run(["psql", "-X", "-At", db_args[1], "-c",
                                  "SELECT count(*), count(DISTINCT id), (SELECT value FROM meta WHERE key = 'seq') FROM records"],
                                 check=True, capture_output=True).stdout.decode().strip()
        else:
            out = subprocess.run(["sqlite3", db_args[1], "SELECT count(*), count(DISTINCT id), "
                                  "(SELECT value FROM meta WHERE key = 'seq') FROM records"],
                                 check=True, capture_output=True).stdout.decode().strip().replace("|", "|")
        rows, distinct, seq = (int(x) for x in out.split("|"))
        if rows != total + a.centers or distinct != rows or seq != rows:
            problems.append("server: %d rows, %d distinct, sequence %d; expected %d" % (rows, distinct, seq, total + a.centers))
        servers.stop()

        def pct(values, p):
            return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")

        pull_ms = sorted(stats.pull_ms)
        print("backend=%s servers=%d clients=%d centers=%d records=%d reviewers=%d kill=%s" %
              (a.backend, a.servers, a.clients, a.centers, total, a.reviewers,
               ("after %d applied" % killed[0]) if killed else "no"))
        print("push: %d records in %.1f s = %.0f records/s; %d requests, p50 %.0f ms, p95 %.0f ms, max %.0f ms; retries %d" %
              (total, elapsed, total / elapsed, len(push_ms), pct(push_ms, 0.5), pct(push_ms, 0.95),
               push_ms[-1] if push_ms else float("nan"), stats.retries))
        if wal_before is not None:
            print("PostgreSQL WAL syncs (pg_stat_wal.wal_sync) during the pushes: %d" % (wal_after - wal_before))
        if servers.syncs() is not None:
            print("server fsync/fdatasync calls, the whole run (pulls and the centers' pushes included): %d" % servers.syncs())
        print("pull: %d requests, p50 %.0f ms, p95 %.0f ms" % (len(pull_ms), pct(pull_ms, 0.5), pct(pull_ms, 0.95)))
        print("check: server rows %d (distinct %d, sequence %d); %s" %
              (rows, distinct, seq, "every record exactly once on the server, the clients and the reviewers"
               if not problems else "PROBLEMS: " + "; ".join(problems[:5])))
        return 1 if problems else 0
    finally:
        if pg_dir:
            subprocess.run(["bash", os.path.join(HERE, "..", "pg-cluster.sh"), "stop", pg_dir])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
