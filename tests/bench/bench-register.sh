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

# shellcheck source=tests/bench/bench-lib.sh
source "$here/bench-lib.sh"
bench_setup_build
bench_cc_gui "$here/bench-register.c" "$work/bin/bench-register"
bench_cc_core "$here/bench-gen.c" "$work/bin/bench-gen"
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
  bench_cc_gui "$here/bench-register.c" "$work/bin/bench-register-before" "${before_objs[@]}"
fi
# The search alone, without a window (before/after paths, CPU time): figures that hold on a busy
# machine. Not built against a tree without icw-store-search.h (the figures before it).
if [[ -f $root/src/core/store/icw-store-search.h ]]; then
  bench_cc_core "$here/bench-search-positions.c" "$work/bin/bench-search-positions"
fi

echo "# The organizations register at scale (issue 20)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); source at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "- machine: $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
# The registers (bench-lib.sh): up to 100k through the store, 1M as SQLite copies of the 100k one.
# shellcheck disable=SC2086  # the sizes are words
bench_make_registers "$data" "$work/bin/bench-gen" $sizes

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
