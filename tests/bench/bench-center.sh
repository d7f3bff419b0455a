#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-center.sh: the center editor of a center with 100 and with 10,000 alliance members and as
# many shareholders (issue 20: 10k members open in ≤ 1.5× the time of 100, memory grows < 50 MB).
# Prints each figure beside its floor (the 100-member center); asserts nothing; not part of the
# test suite.
#
#   bash tests/bench/bench-center.sh [BUILD_DIR]
#
# Knobs: BENCH_CENTER_SIZES ("100 10000"; the first is the floor), BENCH_CENTER_OPENS (3),
# BENCH_NO_NINJA=1 (link against the build directory as it is).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/_build}" && pwd)
sizes=${BENCH_CENTER_SIZES:-"100 10000"}
opens=${BENCH_CENTER_OPENS:-3}

work=$(mktemp -d "${TMPDIR:-/tmp}/icw-bench-center.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/xdg/runtime"
chmod 700 "$work/xdg/runtime"

# shellcheck source=tests/bench/bench-lib.sh
source "$here/bench-lib.sh"
bench_setup_build
bench_cc_gui "$here/bench-center.c" "$work/bench-center"

echo "# The center editor of a large alliance (issue 20)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); source at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "- machine: $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
  "$work/bench-center" "$work/center-$n.db" make "$n"
  : >"$work/open-$n.txt"
done
field() { awk -v f="$2" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }' "$1"; }
# One warm-up open each, not counted; then the sizes alternate.
for n in $sizes; do gui "$work/bench-center" "$work/center-$n.db" open >/dev/null 2>>"$work/gui.log"; done
for ((i = 0; i < opens; i++)); do
  for n in $sizes; do
    gui "$work/bench-center" "$work/center-$n.db" open >>"$work/open-$n.txt" 2>>"$work/gui.log"
  done
done

first=$(echo "$sizes" | awk '{ print $1 }')
floor_ms=$(field "$work/open-$first.txt" open-ms | median)
floor_kib=$(field "$work/open-$first.txt" rss-kib | median)
echo
echo "| measure | figure | floor (same run) | ratio | goal |"
echo "|---|---|---|---|---|"
for n in $sizes; do
  ms=$(field "$work/open-$n.txt" open-ms | median)
  cpu=$(field "$work/open-$n.txt" cpu-ms | median)
  floor_cpu=$(field "$work/open-$first.txt" cpu-ms | median)
  kib=$(field "$work/open-$n.txt" rss-kib | median)
  before=$(field "$work/open-$n.txt" rss-before-kib | median)
  printf '| center with %s members and %s shareholders: editor made to first frame (median of %s) | %.0f ms | %.0f ms (%s members) | %.2f× | ≤ 1.5× |\n' \
    "$n" "$n" "$opens" "$ms" "$floor_ms" "$first" "$(echo "$ms / $floor_ms" | bc -l)"
  printf '| center with %s members and %s shareholders: CPU time of the process, editor made to first frame (median of %s) | %.0f ms | %.0f ms (%s members) | %.2f× | ≤ 1.5× |\n' \
    "$n" "$n" "$opens" "$cpu" "$floor_cpu" "$first" "$(echo "$cpu / $floor_cpu" | bc -l)"
  printf '| center with %s members: resident memory 0.5 s after (before the editor: %.1f MB) | %.1f MB | %.1f MB (%s members) | %+.1f MB | < +50 MB |\n' \
    "$n" "$(echo "$before / 1024" | bc -l)" "$(echo "$kib / 1024" | bc -l)" "$(echo "$floor_kib / 1024" | bc -l)" "$first" \
    "$(echo "($kib - $floor_kib) / 1024" | bc -l)"
done
echo
echo "- load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do sed "s/^/  $n: /" "$work/open-$n.txt"; done
