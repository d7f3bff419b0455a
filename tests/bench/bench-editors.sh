#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-editors.sh: opening each editor of the window on registers of 1k, 100k and 1M organizations
# (issue 20: "opening any editor ≤ 1.2× its time at 1k records, at 100k and at 1M"). The registers
# are made as bench-register.sh makes them (bench-lib.sh: bench-gen up to 100k, 1M as copies of the
# 100k one made by SQLite), with the sample center loaded on top: its records are the ones opened. Runs alternate
# (every size and editor once per round), each in its own process; the figures are medians of the
# rounds, CPU time of the process (getrusage) with the wall clock beside it, and the ratio of each
# editor's CPU to the same editor's at the first size. Not part of the test suite; asserts nothing.
#
#   bash tests/bench/bench-editors.sh [BUILD_DIR]
#
# Knobs: BENCH_EDITORS_SIZES ("1000 100000 1000000"), BENCH_EDITORS_ROUNDS (3),
# BENCH_EDITORS ("organization center application agreement funding report targets picker"), BENCH_DATA (a
# directory that keeps the databases between runs; by default a temporary one), BENCH_NO_NINJA=1
# (link against the build directory as it is).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/_build}" && pwd)
sizes=${BENCH_EDITORS_SIZES:-"1000 100000 1000000"}
rounds=${BENCH_EDITORS_ROUNDS:-3}
editors=${BENCH_EDITORS:-"organization center application agreement funding report targets picker"}

work=$(mktemp -d "${TMPDIR:-/tmp}/icw-bench-editors.XXXXXX")
trap 'rm -rf "$work"' EXIT
data=${BENCH_DATA:-$work/data}
mkdir -p "$data" "$work/bin" "$work/xdg/runtime"
chmod 700 "$work/xdg/runtime"

# shellcheck source=tests/bench/bench-lib.sh
source "$here/bench-lib.sh"
bench_setup_build
bench_cc_gui "$here/bench-editors.c" "$work/bin/bench-editors"
bench_cc_core "$here/bench-gen.c" "$work/bin/bench-gen"

echo "# Opening the editors on registers of 1k, 100k and 1M organizations (issue 20)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); source at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "- machine: $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
# The registers as bench-register.sh makes them (bench-lib.sh); then the sample center on top of
# each (once: the database keeps it).
# shellcheck disable=SC2086  # the sizes are words
bench_make_registers "$data" "$work/bin/bench-gen" $sizes
for n in $sizes; do
  echo "- orgs-$n.db: sample center $("$work/bin/bench-editors" "$data/orgs-$n.db" prepare)," \
       "$(sqlite3 "$data/orgs-$n.db" 'SELECT count(*) FROM organizations WHERE deleted_at IS NULL') organizations"
done

for ((r = 0; r < rounds; r++)); do
  for n in $sizes; do
    for e in $editors; do
      gui "$work/bin/bench-editors" "$data/orgs-$n.db" "$e" >>"$work/$e-$n.txt" 2>>"$work/gui.log" ||
        echo "- $e at $n: failed (round $r; $(tail -1 "$work/gui.log"))"
    done
  done
done

first=$(echo "$sizes" | awk '{ print $1 }')
field() { awk -v what="$1" -v col="$2" '$1 == what { print $col }' "$3" | median; }
echo
echo "Medians of $rounds alternating rounds; CPU of the process (user + system, all threads) from the request"
echo "to open to the first drawn frame in which the editor is mapped, the wall clock beside it; \"settled\":"
echo "to the main loop idle after that frame (what an editor defers past its first frame). Ratio: CPU to"
echo "the same editor's at $first records; user and system CPU and the process's page faults over the same span"
echo "(getrusage ru_utime, ru_stime, ru_minflt, ru_majflt), and the main thread's CPU alone (RUSAGE_THREAD:"
echo "without GLib's, GTK's and Mesa's other threads), medians each."
echo
echo "| editor | records | mapped: CPU ms | wall ms | ratio to $first | user / system ms | minor / major faults | main thread ms (ratio) | settled: CPU ms | ratio to $first | goal |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for e in $editors; do
  [[ -s $work/$e-$first.txt ]] || continue
  floor_cpu=$(field mapped-ms 4 "$work/$e-$first.txt")
  floor_settled=$(field settled-ms 4 "$work/$e-$first.txt")
  floor_main=$(field mapped-ms 16 "$work/$e-$first.txt")
  for n in $sizes; do
    [[ -s $work/$e-$n.txt ]] || continue
    cpu=$(field mapped-ms 4 "$work/$e-$n.txt")
    wall=$(field mapped-ms 2 "$work/$e-$n.txt")
    scpu=$(field settled-ms 4 "$work/$e-$n.txt")
    # User and system CPU apart, and the page faults (a larger file read into memory shows as
    # system time and minor faults; callgrind counts neither).
    user=$(field mapped-ms 6 "$work/$e-$n.txt")
    sys=$(field mapped-ms 8 "$work/$e-$n.txt")
    minflt=$(field mapped-ms 10 "$work/$e-$n.txt")
    majflt=$(field mapped-ms 12 "$work/$e-$n.txt")
    main=$(field mapped-ms 16 "$work/$e-$n.txt")
    printf '| %s | %s | %.0f | %.0f | %.2f× | %.0f / %.0f | %.0f / %.0f | %.0f (%.2f×) | %.0f | %.2f× | ≤ 1.2× |\n' "$e" "$n" \
      "$cpu" "$wall" "$(echo "$cpu / $floor_cpu" | bc -l)" "${user:-0}" "${sys:-0}" "${minflt:-0}" "${majflt:-0}" \
      "${main:-0}" "$(echo "${main:-0} / ${floor_main:-1}" | bc -l)" "$scpu" "$(echo "$scpu / $floor_settled" | bc -l)"
  done
done
echo
echo "- load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- raw figures:"
for e in $editors; do
  for n in $sizes; do
    [[ -s $work/$e-$n.txt ]] && sed "s/^/  $e $n: /" "$work/$e-$n.txt"
  done
done
