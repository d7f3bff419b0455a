#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-csv-import.py: the CSV import against its floor (issue 20: "the CSV import linear: 100k
# rows in ≤ 3× the time of the same rows inserted by one SQLite transaction"). For each size it
# writes an organizations CSV (names, provinces, cities; every tenth row with a credit code),
# times `icw import` into a new database and into a database already holding the same number of
# other organizations, and times the floor: the same rows inserted into the organizations table
# of a new workbench database in one transaction by SQLite alone (the search index's triggers
# fire there too). It prints each figure, rows per second and the ratio; it asserts nothing.
#
#   python3 tests/bench/bench-csv-import.py [BUILD_DIR] [SIZES…]   (default: _build 10000 30000 100000)
#   python3 tests/bench/bench-csv-import.py BUILD_DIR --into DB [ROWS]
#       ROWS (100) new organizations imported into a copy of an existing register DB (a million:
#       tests/bench/bench-register.sh makes one), timed with the import's peak resident memory,
#       against the same rows inserted into another copy by SQLite alone.
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n):
    """A valid GB 32100-2015 code for n (registration department 9, kind 1, region 370100)."""
    body = "91370100" + format(n, "09d")
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def write_csv(path, first, count):
    with open(path, "w", encoding="utf-8") as f:
        f.write("name,credit_code,province,city\n")
        for n in range(first, first + count):
            code = credit_code(n) if n % 10 == 0 else ""
            f.write(f"测试单位 {n:07d} 有限公司,{code},山东省,济南市\n")


def timed(args, env):
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def floor(template, path, first, count):
    shutil.copy(template, path)
    db = sqlite3.connect(path, isolation_level=None)
    now = "2026-12-07T00:00:00.000000Z"
    start = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.executemany(
        "INSERT INTO organizations (id, name, credit_code, province, city, created_at, updated_at) "
        "VALUES (?, ?, ?, '山东省', '济南市', ?, ?)",
        ((str(uuid.uuid4()), f"测试单位 {n:07d} 有限公司", credit_code(n) if n % 10 == 0 else None, now, now)
         for n in range(first, first + count)))
    db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def into_existing(build, register, rows):
    icw = os.path.join(build, "src", "cli", "icw")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    work = tempfile.mkdtemp(prefix="bench-csv-into-")
    try:
        csv = os.path.join(work, "new.csv")
        write_csv(csv, 20_000_000, rows)
        db = os.path.join(work, "register.db")
        shutil.copy(register, db)
        count = sqlite3.connect(db).execute("SELECT count(*) FROM organizations").fetchone()[0]
        seconds = timed([icw, "--db", db, "import", csv, "--kind", "organizations"], env)
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        os.remove(db)
        base = floor(register, os.path.join(work, "floor.db"), 20_000_000, rows)
        print(f"{rows} rows into a register of {count} organizations: icw import {seconds:.2f} s, "
              f"peak resident memory {peak_mib:.0f} MiB; SQLite alone {base:.3f} s; ratio {seconds / base:.1f}×")
    finally:
        shutil.rmtree(work)


def main():
    if len(sys.argv) > 3 and sys.argv[2] == "--into":
        into_existing(sys.argv[1], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 100)
        return
    build = sys.argv[1] if len(sys.argv) > 1 else "_build"
    sizes = [int(a) for a in sys.argv[2:]] or [10000, 30000, 100000]
    icw = os.path.join(build, "src", "cli", "icw")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    work = tempfile.mkdtemp(prefix="bench-csv-")
    try:
        template = os.path.join(work, "empty.db")
        seed = os.path.join(work, "seed.csv")
        with open(seed, "w", encoding="utf-8") as f:
            f.write("name\nBench seed organization\n")
        subprocess.run([icw, "--db", template, "import", seed, "--kind", "organizations"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        print(f"{'rows':>8} {'into':>10} {'icw import s':>13} {'rows/s':>9} {'SQLite alone s':>15} {'ratio':>7}")
        for size in sizes:
            csv = os.path.join(work, f"orgs-{size}.csv")
            write_csv(csv, 1, size)
            for into in ("empty", "same size"):
                db = os.path.join(work, f"import-{size}-{into[0]}.db")
                shutil.copy(template, db)
                if into != "empty":
                    before = os.path.join(work, f"before-{size}.csv")
                    write_csv(before, 10_000_000, size)
                    subprocess.run([icw, "--db", db, "import", before, "--kind", "organizations"], check=True,
                                   env=env, stdout=subprocess.DEVNULL)
                seconds = timed([icw, "--db", db, "import", csv, "--kind", "organizations"], env)
                base = floor(template, os.path.join(work, f"floor-{size}.db"), 1, size)
                print(f"{size:>8} {into:>10} {seconds:>13.2f} {size / seconds:>9.0f} {base:>15.2f} {seconds / base:>6.1f}×",
                      flush=True)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
