#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-e2e.sh: runs the end-to-end tests against the real ic-workbench binary given as $1. It
# provides what they need when the caller has not: a display (xvfb-run), a session bus
# (dbus-run-session) and the accessibility bus, then runs the pyatspi tests with Debian's python3,
# which has the gi and pyatspi modules.
set -euo pipefail
gui=$1
here=$(cd "$(dirname "$0")" && pwd)

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$0" "$@"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- "$0" "$@"
fi

# The bus launcher and the daemon it starts outlive the tests unless stopped; their output goes
# to a file so that they never hold the test runner's pipes open (meson would wait on them).
bus_log=$(mktemp)
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$bus_log" 2>&1 </dev/null &
bus_pid=$!
stop_bus () {
  pkill -P "$bus_pid" 2>/dev/null || true
  kill "$bus_pid" 2>/dev/null || true
  wait "$bus_pid" 2>/dev/null || true
  rm -f "$bus_log"
}
trap stop_bus EXIT
sleep 1

# Run outside meson: the schema compiled in the build tree, and settings kept in memory.
export GSETTINGS_SCHEMA_DIR=${GSETTINGS_SCHEMA_DIR:-$(cd "$(dirname "$gui")/../data" && pwd)}
export GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}
export GTK_A11Y=atspi
unset NO_AT_BRIDGE
export ICW_GUI=$gui
# Every test_*.py here, each in a process of its own; all run even when one fails.
status=0
for test in "$here"/test_*.py; do
  echo "== $(basename "$test")"
  /usr/bin/python3 "$test" "${@:2}" || status=1
done
exit "$status"
