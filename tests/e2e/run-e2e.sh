#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-e2e.sh: runs end-to-end tests against the real ic-workbench binary given as $1: the test
# files named after it (tests/meson.build splits the suite into groups that run at the same
# time), or every test_*.py here. Each run has its own display (an Xvfb of its own), its own
# session bus (dbus-run-session) and its own accessibility bus, even under a caller that has a
# display and a bus (CI wraps the whole of `meson test` in one xvfb-run and one dbus-run-session):
# the accessibility bus is announced on the display's root window and on the session bus, so
# two runs sharing either would see each other's windows. The pyatspi tests run with Debian's
# python3, which has the gi and pyatspi modules.
set -euo pipefail
gui=$1
here=$(cd "$(dirname "$0")" && pwd)

# A session bus of this run's own.
if [ "${ICW_E2E_OWN_BUS:-}" != "$$" ]; then
  export ICW_E2E_OWN_BUS=
  exec dbus-run-session -- bash -c 'ICW_E2E_OWN_BUS=$$ exec bash "$0" "$@"' "$0" "$@"
fi

# What this run starts is stopped when it ends; the output of the servers goes to files so that
# they never hold the test runner's pipes open (meson would wait on them).
work=$(mktemp -d "${TMPDIR:-/tmp}/icw-e2e-XXXXXX")
xvfb_pid=
bus_pid=
stop_all () {
  if [ -n "$bus_pid" ]; then
    pkill -P "$bus_pid" 2>/dev/null || true
    kill "$bus_pid" 2>/dev/null || true
    wait "$bus_pid" 2>/dev/null || true
  fi
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_all EXIT

# A display of this run's own: Xvfb picks a free number and writes it when it is ready.
Xvfb -displayfd 3 -screen 0 1280x900x24 -noreset -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 200); do
  [ -s "$work/display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || { cat "$work/xvfb.log" >&2; echo "run-e2e.sh: Xvfb did not start" >&2; exit 1; }
  sleep 0.05
done
[ -s "$work/display" ] || { echo "run-e2e.sh: Xvfb gave no display" >&2; exit 1; }
export DISPLAY=":$(head -n 1 "$work/display")"
unset WAYLAND_DISPLAY AT_SPI_BUS_ADDRESS XAUTHORITY

# The accessibility bus: the launcher announces it on the session bus and on the display, then the
# tests wait for the application to appear on it (e2e_app.App).
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$work/bus.log" 2>&1 </dev/null &
bus_pid=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus 2>/dev/null | grep -q "boolean true" && break
  sleep 0.05
done

# Run outside meson: the schema compiled in the build tree, and settings kept in memory.
export GSETTINGS_SCHEMA_DIR=${GSETTINGS_SCHEMA_DIR:-$(cd "$(dirname "$gui")/../data" && pwd)}
export GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}
export GTK_A11Y=atspi
unset NO_AT_BRIDGE
export ICW_GUI=$gui
tests=("${@:2}")
if [ "${#tests[@]}" -eq 0 ]; then
  tests=("$here"/test_*.py)
fi
# Each file in a process of its own; all run even when one fails.
status=0
for test in "${tests[@]}"; do
  echo "== $(basename "$test") on $DISPLAY"
  start=$(date +%s)
  /usr/bin/python3 "$test" || status=1
  echo "== $(basename "$test"): $(( $(date +%s) - start )) s"
done
exit "$status"
