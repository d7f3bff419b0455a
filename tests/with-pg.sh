#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/with-pg.sh COMMAND...: runs a test with the sync server on PostgreSQL
# (ICW_TEST_SERVER_BACKEND=postgresql). The cluster is the suite's when ICW_TEST_PG names one
# (.ci/test starts one for the whole run); otherwise the test gets its own, started here and
# stopped afterwards (tests/pg-cluster.sh). When no cluster can be started the test fails in CI
# (ICW_CI or CI set), and is skipped (exit 77) with a message elsewhere.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export ICW_TEST_SERVER_BACKEND=postgresql
if [ -n "${ICW_TEST_PG:-}" ]; then
  exec "$@"
fi

dir=$(mktemp -d /tmp/icw-pg-XXXXXX)
if ! conninfo=$(bash "$here/pg-cluster.sh" start "$dir"); then
  bash "$here/pg-cluster.sh" stop "$dir"
  if [ -n "${ICW_CI:-}${CI:-}" ]; then
    echo "with-pg: FAIL: no PostgreSQL cluster could be started for the PostgreSQL variant of this test" >&2
    exit 1
  fi
  echo "with-pg: SKIP: no PostgreSQL cluster could be started (install postgresql-15); in CI this fails" >&2
  exit 77
fi
export ICW_TEST_PG="$conninfo"
"$@"
status=$?
bash "$here/pg-cluster.sh" stop "$dir"
exit $status
