#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-startup-filled.sh: start-up to the filled first page (issue 20): ic-workbench with 200
# centers and 20k organizations, from exec() to the first frame in which the center editor is drawn
# (BENCH_FILLED=1 of bench-startup-app.c), against the minimal GTK 4 + libadwaita window's first
# frame, alternating, one warm-up each; wall clock and the CPU time of each process; also to the
# frame in which the groups under the editor's first screen (filled just after it) are drawn. Prints the
# figures and ratios; asserts nothing; not part of the test suite.
#
#   bash tests/bench/bench-startup-filled.sh [BUILD_DIR]
#
# Knobs: BENCH_STARTUP_RUNS (5), BENCH_NO_NINJA=1 (link against the build directory as it is),
# BENCH_CALLGRIND=DIR: instead of the timed runs, one run of each program under callgrind, the
# profiles left in DIR (the app's in three parts: to the first frame, to the filled page, to the
# complete editor) and their instruction counts printed (valgrind is slow: minutes);
# BENCH_DB=PATH: the generated database is kept there and taken from there when it exists (the
# runs work on a copy); BENCH_COMPARE=OTHER_BUILD_DIR: the timed runs also run bench-startup-app
# linked against that build directory's libraries (this tree's main.c and headers), just before
# this build's in each round, on a copy of the same data, and print both (before/after a change).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/_build}" && pwd)
runs=${BENCH_STARTUP_RUNS:-5}

work=$(mktemp -d "${TMPDIR:-/tmp}/icw-bench-filled.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/xdg/config" "$work/xdg/data" "$work/xdg/cache" "$work/xdg/runtime"
chmod 700 "$work/xdg/runtime"

[[ ${BENCH_NO_NINJA:-0} == 1 ]] || ninja -C "$build" src/ui/libicw-ui.a src/sync/libicw-sync.a data/gschemas.compiled >/dev/null
gui_pkgs=(gtk4 libadwaita-1 sqlite3 json-glib-1.0 libsoup-3.0 libsecret-1 pangocairo cairo-pdf gnutls libpq libzip xlsxwriter gmodule-no-export-2.0)
core_pkgs=(gio-2.0 gmodule-no-export-2.0 sqlite3 json-glib-1.0)
includes=(-I"$root/src" -I"$root/src/core/model" -I"$root/src/core/store" -I"$root/src/core/rules" -I"$root/src/core/documents" -I"$root/src/core/exchange" -I"$root/src/ui" -I"$root/src/sync" -I"$build" -I"$build/resources" -I"$here")
core_a=("$build/src/core/exchange/libicw-core-exchange.a" "$build/src/core/documents/libicw-core-documents.a" "$build/src/core/rules/libicw-core-rules.a" "$build/src/core/store/libicw-core-store.a" "$build/src/core/model/libicw-core-model.a")
read -ra gui_flags <<<"$(pkg-config --cflags --libs "${gui_pkgs[@]}")"
read -ra core_flags <<<"$(pkg-config --cflags --libs "${core_pkgs[@]}")"
cflags=(-O2 -g -DHAVE_CONFIG_H -DG_LOG_USE_STRUCTURED -Wall -Wno-unused-parameter "${includes[@]}")
cc "${cflags[@]}" "$here/bench-launch.c" -o "$work/bin/bench-launch"
cc "${cflags[@]}" "$here/bench-gen.c" "${core_a[@]}" "${core_flags[@]}" -lm -o "$work/bin/bench-gen"
cc "${cflags[@]}" "$here/bench-startup-app.c" "$build/src/ui/libicw-ui.a" "$build/src/sync/libicw-sync.a" "${core_a[@]}" "${gui_flags[@]}" -lm -o "$work/bin/bench-startup-app"
if [[ -n ${BENCH_COMPARE:-} ]]; then
  # The same program linked against another build directory (the code before a change), run in
  # each round just before this build's.
  other=$(cd "$BENCH_COMPARE" && pwd)
  other_a=("${core_a[@]/#$build/$other}")
  cc "${cflags[@]/#-I$build/-I$other}" "$here/bench-startup-app.c" "$other/src/ui/libicw-ui.a" "$other/src/sync/libicw-sync.a" "${other_a[@]}" "${gui_flags[@]}" -lm -o "$work/bin/bench-startup-app-other"
fi
cc "${cflags[@]}" "$here/bench-startup-minimal.c" "${gui_flags[@]}" -lm -o "$work/bin/bench-startup-minimal"

echo "# Start-up to the filled first page (issue 20)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); source at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "- machine: $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n ${BENCH_DB:-} && -f $BENCH_DB ]]; then
  cp "$BENCH_DB" "$work/startup.db"
  echo "- data: $BENCH_DB (made earlier by bench-gen … 20000 200 1)"
else
  echo "- data: $("$work/bin/bench-gen" "$work/startup.db" 20000 200 1)"
  [[ -z ${BENCH_DB:-} ]] || cp "$work/startup.db" "$BENCH_DB"
fi
[[ -z ${BENCH_COMPARE:-} ]] || cp "$work/startup.db" "$work/other.db"

gui_env=(GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo LC_ALL=C.UTF-8
  XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_CACHE_HOME="$work/xdg/cache"
  XDG_RUNTIME_DIR="$work/xdg/runtime")

if [[ -n ${BENCH_CALLGRIND:-} ]]; then
  out=$(mkdir -p "$BENCH_CALLGRIND" && cd "$BENCH_CALLGRIND" && pwd)
  cat >"$work/gui.sh" <<GUI
set -u
# A warm-up first, as in the timed runs: what a first start on new data does once (sort keys of
# this locale) is not start-up.
BENCH_FILLED=1 "$work/bin/bench-launch" "$work/bin/bench-startup-app" --db "$work/startup.db" >"$out/warm-up.txt" 2>&1
BENCH_FILLED=1 BENCH_TIMEOUT_S=3600 valgrind --tool=callgrind --callgrind-out-file="$out/app.%p" "$work/bin/bench-startup-app" --db "$work/startup.db" >"$out/app.txt" 2>"$out/app.log"
BENCH_TIMEOUT_S=3600 valgrind --tool=callgrind --callgrind-out-file="$out/minimal.%p" "$work/bin/bench-startup-minimal" >"$out/minimal.txt" 2>"$out/minimal.log"
GUI
  env "${gui_env[@]}" dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" bash "$work/gui.sh" >/dev/null 2>&1
  echo
  echo "| profile (callgrind, instructions) | Ir |"
  echo "|---|---|"
  for f in "$out"/app.* "$out"/minimal.*; do
    [[ $f == *.txt || $f == *.log || $f == */warm-up.txt ]] && continue
    printf '| %s (%s) | %s |\n' "$(basename "$f")" "$(sed -n 's/^desc: Trigger: //p' "$f")" "$(sed -n 's/^summary: //p' "$f")"
  done
  exit 0
fi

cat >"$work/gui.sh" <<GUI
set -u
for ((i = 0; i <= $runs; i++)); do
  if [[ -x "$work/bin/bench-startup-app-other" ]]; then
    other=\$(BENCH_FILLED=1 "$work/bin/bench-launch" "$work/bin/bench-startup-app-other" --db "$work/other.db" 2>>"$work/gui.log")
    ((i == 0)) || echo "\$other" >>"$work/other.txt"
  fi
  app=\$(BENCH_FILLED=1 "$work/bin/bench-launch" "$work/bin/bench-startup-app" --db "$work/startup.db" 2>>"$work/gui.log")
  minimal=\$("$work/bin/bench-launch" "$work/bin/bench-startup-minimal" 2>>"$work/gui.log")
  if ((i > 0)); then echo "\$app" >>"$work/app.txt"; echo "\$minimal" >>"$work/minimal.txt"; fi
done
GUI
env "${gui_env[@]}" dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" bash "$work/gui.sh" >/dev/null 2>&1

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { awk -v f="$2" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }' "$1"; }
first=$(field "$work/app.txt" first-frame-ms | median)
filled=$(field "$work/app.txt" filled-ms | median)
filled_cpu=$(field "$work/app.txt" filled-cpu-ms | median)
first_cpu=$(field "$work/app.txt" first-frame-cpu-ms | median)
complete=$(field "$work/app.txt" complete-ms | median)
complete_cpu=$(field "$work/app.txt" complete-cpu-ms | median)
longest_cpu=$(field "$work/app.txt" longest-frame-cpu-ms | median)
longest_max=$(field "$work/app.txt" longest-frame-cpu-ms | sort -g | tail -1)
min=$(field "$work/minimal.txt" first-frame-ms | median)
min_cpu=$(field "$work/minimal.txt" cpu-ms | median)
echo
echo "| measure (median of $runs) | figure | minimal window (same run) | ratio | goal |"
echo "|---|---|---|---|---|"
printf '| start to the first frame (wall) | %.0f ms | %.0f ms | %.2f× | |\n' "$first" "$min" "$(echo "$first / $min" | bc -l)"
printf '| start to the filled first page drawn (wall) | %.0f ms | %.0f ms | %.2f× | ≤ 1.5× |\n' "$filled" "$min" "$(echo "$filled / $min" | bc -l)"
printf '| start to the first frame (CPU of the process) | %.0f ms | %.0f ms | %.2f× | |\n' "$first_cpu" "$min_cpu" "$(echo "$first_cpu / $min_cpu" | bc -l)"
printf '| start to the filled first page drawn (CPU of the process) | %.0f ms | %.0f ms | %.2f× | ≤ 1.5× |\n' "$filled_cpu" "$min_cpu" "$(echo "$filled_cpu / $min_cpu" | bc -l)"
printf '| start to the whole editor drawn, readiness panel included (wall) | %.0f ms | %.0f ms | %.2f× | |\n' "$complete" "$min" "$(echo "$complete / $min" | bc -l)"
printf '| start to the whole editor drawn, readiness panel included (CPU) | %.0f ms | %.0f ms | %.2f× | |\n' "$complete_cpu" "$min_cpu" "$(echo "$complete_cpu / $min_cpu" | bc -l)"
printf '| longest CPU between two frames after the first (median; most of any run %.0f ms) | %.0f ms | | | |\n' "$longest_max" "$longest_cpu"
if [[ -f $work/other.txt ]]; then
  phase() { awk '{ for (i = 1; i < NF; i++) { if ($i == "first-frame-cpu-ms") f = $(i + 1); if ($i == "filled-cpu-ms") g = $(i + 1) } print g - f }' "$1"; }
  printf '| BENCH_COMPARE: start to the filled first page drawn (CPU), other build / this build | %.0f / %.0f ms | %.0f ms | %.2f× / %.2f× | ≤ 1.5× |\n' \
    "$(field "$work/other.txt" filled-cpu-ms | median)" "$filled_cpu" "$min_cpu" \
    "$(echo "$(field "$work/other.txt" filled-cpu-ms | median) / $min_cpu" | bc -l)" "$(echo "$filled_cpu / $min_cpu" | bc -l)"
  printf '| BENCH_COMPARE: the first frame to the filled page (CPU, median of each run'"'"'s difference), other build / this build | %.1f / %.1f ms | | | |\n' \
    "$(phase "$work/other.txt" | median)" "$(phase "$work/app.txt" | median)"
fi
echo
echo "- load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
[[ ! -f $work/other.txt ]] || sed 's/^/  other: /' "$work/other.txt"
sed 's/^/  app: /' "$work/app.txt"
sed 's/^/  minimal: /' "$work/minimal.txt"
