#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-register.sh: the organizations register at 1k, 100k and 1M records (issue 20): open to the
# first rows drawn, open to the page settled (everything the page does after its first frame has
# run), and typed searches from "search-changed" to the filtered list drawn, the first keystroke
# apart. Each figure is printed beside its floor (the 1k register) or its goal. Not part of the
# test suite; asserts nothing.
#
#   bash tests/bench/bench-register.sh [BUILD_DIR]
#
# Knobs: BENCH_REGISTER_SIZES ("1000 100000 1000000"), BENCH_REGISTER_RUNS (5 per query),
# BENCH_REGISTER_OPENS (3 per size; 0: the searches only), BENCH_REGISTER_ROUNDS (1: processes
# typing the searches, per size), BENCH_BEFORE (below), BENCH_DATA (a directory to keep the generated databases in
# between runs; by default a temporary one, removed at the end), BENCH_NO_NINJA (below).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/_build}" && pwd)
sizes=${BENCH_REGISTER_SIZES:-"1000 100000 1000000"}
runs=${BENCH_REGISTER_RUNS:-5}
opens=${BENCH_REGISTER_OPENS:-3}
rounds=${BENCH_REGISTER_ROUNDS:-1}
queries=(华 新材料 智能装备有限 Sen)

work=$(mktemp -d "${TMPDIR:-/tmp}/icw-bench-register.XXXXXX")
trap 'rm -rf "$work"' EXIT
data=${BENCH_DATA:-$work/data}
mkdir -p "$data" "$work/bin" "$work/xdg/runtime"
chmod 700 "$work/xdg/runtime"

# BENCH_NO_NINJA=1 links against a build directory as it is (another tree's, for the figures before a change).
[[ ${BENCH_NO_NINJA:-0} == 1 ]] || ninja -C "$build" src/ui/libicw-ui.a src/sync/libicw-sync.a resources/icw-resources.h >/dev/null
gui_pkgs=(gtk4 libadwaita-1 sqlite3 json-glib-1.0 libsoup-3.0 libsecret-1 pangocairo cairo-pdf gnutls libpq libzip xlsxwriter)
core_pkgs=(gio-2.0 sqlite3 json-glib-1.0)
includes=(-I"$root/src/core/model" -I"$root/src/core/store" -I"$root/src/core/rules" -I"$root/src/core/documents" -I"$root/src/core/exchange" -I"$root/src/ui" -I"$root/src/sync" -I"$build" -I"$build/resources" -I"$here")
core_a=("$build/src/core/exchange/libicw-core-exchange.a" "$build/src/core/documents/libicw-core-documents.a" "$build/src/core/rules/libicw-core-rules.a" "$build/src/core/store/libicw-core-store.a" "$build/src/core/model/libicw-core-model.a")
read -ra gui_flags <<<"$(pkg-config --cflags --libs "${gui_pkgs[@]}")"
read -ra core_flags <<<"$(pkg-config --cflags --libs "${core_pkgs[@]}")"
cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$here/bench-register.c" \
  "$build/src/ui/libicw-ui.a" "$build/src/sync/libicw-sync.a" "${core_a[@]}" "${gui_flags[@]}" -lm -o "$work/bin/bench-register"
cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$here/bench-gen.c" \
  "${core_a[@]}" "${core_flags[@]}" -lm -o "$work/bin/bench-gen"
# BENCH_BEFORE=COMMIT: a second bench-register, linked with that commit's register page, list
# filter and row (icw-register-page.c, icw-store-list-filter.c, icw-register-row.c) compiled in
# place of this tree's, the rest being the same archives: each search figure is then taken before
# and after, alternately, in the same run.
if [[ -n ${BENCH_BEFORE:-} ]]; then
  mkdir -p "$work/before"
  before_objs=()
  for f in src/ui/icw-register-page.c src/core/store/icw-store-list-filter.c src/ui/icw-register-row.c; do
    b=$(basename "$f" .c)
    git -C "$root" show "$BENCH_BEFORE:$f" >"$work/before/$b.c"
    cc -O2 -g -DHAVE_CONFIG_H -w "${includes[@]}" -I"$build/src/ui" "${gui_flags[@]}" -c "$work/before/$b.c" -o "$work/before/$b.o"
    before_objs+=("$work/before/$b.o")
  done
  cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$here/bench-register.c" "${before_objs[@]}" \
    "$build/src/ui/libicw-ui.a" "$build/src/sync/libicw-sync.a" "${core_a[@]}" "${gui_flags[@]}" -lm -o "$work/bin/bench-register-before"
fi
# The search alone, without a window (before/after paths, CPU time): figures that hold on a busy
# machine. Not built against a tree without icw-store-search.h (the figures before it).
if [[ -f $root/src/core/store/icw-store-search.h ]]; then
  cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$here/bench-search-positions.c" \
    "${core_a[@]}" "${core_flags[@]}" -lm -o "$work/bin/bench-search-positions"
fi

echo "# The organizations register at scale (issue 20)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); source at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "- machine: $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
# Up to 100k through the store (bench-gen: outbox rows and index entries as the program writes
# them); a larger register as copies of the 100k one made by SQLite (each name with " k" appended,
# no credit code), which takes minutes rather than the better part of an hour.
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

gui() {
  env -u DISPLAY -u WAYLAND_DISPLAY GSK_RENDERER=cairo GSETTINGS_BACKEND=memory XDG_RUNTIME_DIR="$work/xdg/runtime" \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$@"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
p95() { sort -g | awk '{ v[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i < 1) i = 1; print v[i] }'; }

for n in $sizes; do
  : >"$work/open-$n.txt"
  : >"$work/whole-$n.txt"
  for ((i = 0; i < opens; i++)); do
    gui "$work/bin/bench-register" "$data/orgs-$n.db" settle >>"$work/open-$n.txt" 2>>"$work/gui.log"
    # Paired: the whole list read before the page, as the page did before its first screenful alone.
    gui "$work/bin/bench-register" "$data/orgs-$n.db" settle-whole >>"$work/whole-$n.txt" 2>>"$work/gui.log"
  done
  : >"$work/search-$n.txt"
  : >"$work/search-before-$n.txt"
  for ((i = 0; i < rounds; i++)); do
    if [[ -x $work/bin/bench-register-before ]]; then
      gui "$work/bin/bench-register-before" "$data/orgs-$n.db" "$runs" "${queries[@]}" >>"$work/search-before-$n.txt" 2>>"$work/gui.log"
    fi
    gui "$work/bin/bench-register" "$data/orgs-$n.db" "$runs" "${queries[@]}" >>"$work/search-$n.txt" 2>>"$work/gui.log"
  done
  if [[ -x $work/bin/bench-search-positions ]]; then
    "$work/bin/bench-search-positions" "$data/orgs-$n.db" "$runs" "${queries[@]}" >"$work/positions-$n.txt"
  fi
done

first=$(echo "$sizes" | awk '{ print $1 }')
floor_rows=$(awk '$1 == "rows-ms" { print $2 }' "$work/open-$first.txt" | median)
floor_settled=$(awk '$1 == "settled-ms" { print $2 }' "$work/open-$first.txt" | median)
floor_rows_cpu=$(awk '$1 == "rows-ms" { print $6 }' "$work/open-$first.txt" | median)
echo
echo "| measure | figure | floor (same run) | ratio | goal |"
echo "|---|---|---|---|---|"
for n in $sizes; do
  goal="≤ 50 ms"
  [[ $n -ge 1000000 ]] && goal="≤ 100 ms"
  if ((opens > 0)); then
  rows=$(awk '$1 == "rows-ms" { print $2 }' "$work/open-$n.txt" | median)
  settled=$(awk '$1 == "settled-ms" { print $2 }' "$work/open-$n.txt" | median)
  printf '| %s records: open to first rows drawn (median of %s) | %.0f ms | %.0f ms (%s records) | %.2f× | ≤ 2× at 1M |\n' \
    "$n" "$opens" "$rows" "$floor_rows" "$first" "$(echo "$rows / $floor_rows" | bc -l)"
  rows_cpu=$(awk '$1 == "rows-ms" { print $6 }' "$work/open-$n.txt" | median)
  printf '| %s records: open to first rows drawn, CPU of the process (median of %s) | %.0f ms | %.0f ms (%s records) | %.2f× | ≤ 2× at 1M |\n' \
    "$n" "$opens" "$rows_cpu" "$floor_rows_cpu" "$first" "$(echo "$rows_cpu / $floor_rows_cpu" | bc -l)"
  whole_cpu=$(awk '$1 == "rows-ms" { print $6 }' "$work/whole-$n.txt" | median)
  whole_floor=$(awk '$1 == "rows-ms" { print $6 }' "$work/whole-$first.txt" | median)
  printf '| %s records: the same, before (whole list read first), CPU (median of %s) | %.0f ms | %.0f ms (%s records, before) | %.2f× | |\n' \
    "$n" "$opens" "$whole_cpu" "$whole_floor" "$first" "$(echo "$whole_cpu / $whole_floor" | bc -l)"
  printf '| %s records: open to page settled (median of %s) | %.0f ms | %.0f ms (%s records) | %.2f× | usable at once |\n' \
    "$n" "$opens" "$settled" "$floor_settled" "$first" "$(echo "$settled / $floor_settled" | bc -l)"
  fi
  awk -F'\t' '$1 == "search-first" { printf "| %s records: first keystroke “%s” (%s hits) to the filtered list drawn | %.1f ms | | | %s |\n", "'"$n"'", $2, $3, $4, "'"$goal"'" }' "$work/search-$n.txt"
  for q in "${queries[@]}"; do
    for kind in search search-screen search-clear search-clear-screen; do
      case $kind in
        search) what="search “$q” (HITS hits) typed to the filtered list drawn" ;;
        search-screen) what="search “$q” (HITS hits) typed to its first screenful drawn" ;;
        search-clear) what="“$q” cleared to the whole register (HITS rows) drawn" ;;
        search-clear-screen) what="“$q” cleared to the whole register's first screenful drawn" ;;
      esac
      for file in "$work/search-before-$n.txt" "$work/search-$n.txt"; do
        [[ -s $file ]] || continue
        when="now"
        [[ $file == */search-before-* ]] && when="before ($BENCH_BEFORE)"
        hits=$(awk -F'\t' -v q="$q" -v k="$kind" '$1 == k && $2 == q { print $3; exit }' "$file")
        med=$(awk -F'\t' -v q="$q" -v k="$kind" '$1 == k && $2 == q { print $4 }' "$file" | median)
        top=$(awk -F'\t' -v q="$q" -v k="$kind" '$1 == k && $2 == q { print $4 }' "$file" | p95)
        cmed=$(awk -F'\t' -v q="$q" -v k="$kind" '$1 == k && $2 == q { split($5, c, " "); print c[2] }' "$file" | median)
        ctop=$(awk -F'\t' -v q="$q" -v k="$kind" '$1 == k && $2 == q { split($5, c, " "); print c[2] }' "$file" | p95)
        count=$(awk -F'\t' -v q="$q" -v k="$kind" '$1 == k && $2 == q' "$file" | wc -l)
        printf '| %s records, %s: %s, median / p95 of %s: CPU of the process; wall | CPU %.1f / %.1f ms; wall %.1f / %.1f ms | | | %s |\n' \
          "$n" "$when" "${what/HITS/$hits}" "$count" "$cmed" "$ctop" "$med" "$top" "$goal"
      done
    done
  done
done
echo
echo "The search without the window (bench-search-positions, median of $runs, ms; CPU of all threads;"
echo "before: icw_store_search + the filter checking every record; now: the thread, row ids → positions):"
echo
echo "| records | query | hits | before: wall / CPU | now: wall / CPU | now: main thread |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
  [[ -s $work/positions-$n.txt ]] || continue
  awk -F'\t' -v n="$n" '{ split($4, a, " "); split($5, b, " "); split($6, c, " "); split($7, d, " "); split($8, e, " ");
    printf "| %s | %s | %s | %s / %s | %s / %s | %s |\n", n, $1, $3, a[2], b[2], c[2], d[2], e[2] }' "$work/positions-$n.txt"
done
echo
echo "- load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- raw figures:"
for n in $sizes; do
  sed "s/^/  $n open: /" "$work/open-$n.txt"
  sed "s/^/  $n open, whole list first: /" "$work/whole-$n.txt"
  sed "s/^/  $n search: /" "$work/search-$n.txt"
  sed "s/^/  $n search, before: /" "$work/search-before-$n.txt"
done
