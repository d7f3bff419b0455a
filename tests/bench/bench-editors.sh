#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-editors.sh: opening each editor of the window on registers of 1k, 100k and 1M organizations
# (issue 20: "opening any editor ≤ 1.2× its time at 1k records, at 100k and at 1M"). The registers
# are made as bench-register.sh makes them (bench-gen up to 100k, 1M as copies of the 100k one made
# by SQLite), with the sample center loaded on top: its records are the ones opened. Runs alternate
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

[[ ${BENCH_NO_NINJA:-0} == 1 ]] || ninja -C "$build" src/ui/libicw-ui.a src/sync/libicw-sync.a resources/icw-resources.h >/dev/null
gui_pkgs=(gtk4 libadwaita-1 sqlite3 json-glib-1.0 libsoup-3.0 libsecret-1 pangocairo cairo-pdf gnutls libpq libzip xlsxwriter)
core_pkgs=(gio-2.0 sqlite3 json-glib-1.0)
includes=(-I"$root/src/core/model" -I"$root/src/core/store" -I"$root/src/core/rules" -I"$root/src/core/documents" -I"$root/src/core/exchange" -I"$root/src/ui" -I"$root/src/sync" -I"$build" -I"$build/resources" -I"$here")
core_a=("$build/src/core/exchange/libicw-core-exchange.a" "$build/src/core/documents/libicw-core-documents.a" "$build/src/core/rules/libicw-core-rules.a" "$build/src/core/store/libicw-core-store.a" "$build/src/core/model/libicw-core-model.a")
read -ra gui_flags <<<"$(pkg-config --cflags --libs "${gui_pkgs[@]}")"
read -ra core_flags <<<"$(pkg-config --cflags --libs "${core_pkgs[@]}")"
cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$here/bench-editors.c" \
  "$build/src/ui/libicw-ui.a" "$build/src/sync/libicw-sync.a" "${core_a[@]}" "${gui_flags[@]}" -lm -o "$work/bin/bench-editors"
cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$here/bench-gen.c" \
  "${core_a[@]}" "${core_flags[@]}" -lm -o "$work/bin/bench-gen"

echo "# Opening the editors on registers of 1k, 100k and 1M organizations (issue 20)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); source at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "- machine: $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
# As bench-register.sh: up to 100k through the store, larger registers as SQLite copies of the 100k
# one; then the sample center on top of each (once: the database keeps it).
for n in $sizes; do
  [[ -s $data/orgs-$n.db ]] && continue
  if ((n > 100000 && n % 100000 == 0)); then
    [[ -s $data/orgs-100000.db ]] || echo "- $("$work/bin/bench-gen" "$data/orgs-100000.db" 100000 0 2)"
    cp "$data/orgs-100000.db" "$data/orgs-$n.tmp.db"
    sqlite3 "$data/orgs-$n.tmp.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $((n / 100000 - 1)))
INSERT INTO organizations (id, name, credit_code, kind, province, city, legal_representative, top_ten,
                           rd_base_year, rd_intensity_1, rd_intensity_2, rd_intensity_3, revision,
                           created_at, updated_at, deleted_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       o.name || ' ' || k.n, NULL, o.kind, o.province, o.city, o.legal_representative, o.top_ten,
       o.rd_base_year, o.rd_intensity_1, o.rd_intensity_2, o.rd_intensity_3, o.revision, o.created_at,
       o.updated_at, NULL
FROM organizations o, k;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    mv "$data/orgs-$n.tmp.db" "$data/orgs-$n.db"
    echo "- orgs-$n.db: the 100k register and $((n / 100000 - 1)) copies of it made by SQLite"
  else
    echo "- $("$work/bin/bench-gen" "$data/orgs-$n.db" "$n" 0 2)"
  fi
done
for n in $sizes; do
  echo "- orgs-$n.db: sample center $("$work/bin/bench-editors" "$data/orgs-$n.db" prepare)," \
       "$(sqlite3 "$data/orgs-$n.db" 'SELECT count(*) FROM organizations WHERE deleted_at IS NULL') organizations"
done

gui() {
  env -u DISPLAY -u WAYLAND_DISPLAY GSK_RENDERER=cairo GSETTINGS_BACKEND=memory XDG_RUNTIME_DIR="$work/xdg/runtime" \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$@"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

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
