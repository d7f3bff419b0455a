#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/pg-cluster.sh: a throwaway PostgreSQL cluster for the server's tests.
#   pg-cluster.sh start DIR   initdb in DIR/data, postgres listening only on a Unix socket in DIR,
#                             run as an unprivileged user (nobody when started by root, since
#                             PostgreSQL refuses to run as root); prints the conninfo of its
#                             maintenance database ("host=DIR port=5432 user=icw dbname=postgres")
#   pg-cluster.sh stop DIR    stops it (fast shutdown) and removes DIR
# The cluster trusts local connections (the socket's folder is private to the test run) and does
# not fsync: it is thrown away afterwards. ICW_PG_DURABLE=1 keeps PostgreSQL's durable defaults
# (fsync, synchronous_commit), for benchmarks (tests/bench/bench-load.py).
set -euo pipefail

bindir=${ICW_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)}
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg-cluster: PostgreSQL's server programs are not installed (Debian: postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

command=${1:-}
dir=${2:-}
if [ -z "$dir" ]; then
  echo "usage: pg-cluster.sh start|stop DIR" >&2
  exit 2
fi

case "$command" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown nobody: "$dir"
    fi
    chmod 0711 "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U icw -A trust -E UTF8 --locale=C.UTF-8 --no-sync > "$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    settings="-c listen_addresses='' -k $dir -c max_connections=200"
    if [ -z "${ICW_PG_DURABLE:-}" ]; then
      settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$settings" start > /dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "host=$dir port=5432 user=icw dbname=postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
