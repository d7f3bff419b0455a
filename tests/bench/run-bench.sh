#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck disable=SC1111  # the “quotes” in the output are meant
# run-bench.sh: the performance figures of issue 8, each beside its limit measured in the same
# run on the same machine. Not part of the test suite (`meson test` does not run it).
#
#   bash tests/bench/run-bench.sh [BUILD_DIR]          (default BUILD_DIR: _build)
#
# BUILD_DIR must be a built meson build directory of this source tree (`meson setup BUILD_DIR &&
# ninja -C BUILD_DIR`): the bench programs are compiled here with cc against its static
# libraries (src/core/*/libicw-core-*.a, src/ui/libicw-ui.a), its config.h and generated resource
# header, and its compiled GSettings schema. Everything else (programs, databases, logs) goes to
# a fresh temporary directory that is removed at the end.
#
# Knobs (environment): BENCH_STARTUP_RUNS (10), BENCH_LIST_RUNS (3), BENCH_SEARCH_RUNS (100),
# BENCH_SAVE_RUNS (200), BENCH_SYNC_RECORDS (10000), BENCH_KEEP=1 keeps the temporary directory.
#
# The window measurements run under one `dbus-run-session -- xvfb-run`, with GSK_RENDERER=cairo
# as the test suite uses, GSettings in memory and the XDG directories in the temporary directory.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

startup_runs=${BENCH_STARTUP_RUNS:-10}
list_runs=${BENCH_LIST_RUNS:-3}
search_runs=${BENCH_SEARCH_RUNS:-100}
save_runs=${BENCH_SAVE_RUNS:-200}
sync_records=${BENCH_SYNC_RECORDS:-10000}

# The queries of the search figure: Chinese and Latin, 1, 2, 3 and 4+ characters.
search_queries=(华 智能 新材料 智能装备有限 q Ta Sen Precision)

# The median of the numbers on stdin, one per line (the programs compute their own percentiles).
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# ---------------------------------------------------------------------------------------------
# Inside the display: the start-up and list figures (called by the main part below).
if [[ ${1:-} == --gui-phase ]]; then
  work=$2
  bin=$work/bin
  : >"$work/startup-app.txt"
  : >"$work/startup-minimal.txt"
  : >"$work/list-1k.txt"
  : >"$work/list-100k.txt"
  # Run 0 of each is a warm-up (caches, the accessibility bus) and is not counted; the two
  # programs alternate, so that anything else on the machine weighs on both alike.
  for ((i = 0; i <= startup_runs; i++)); do
    app=$("$bin/bench-launch" "$bin/bench-startup-app" --db "$work/startup.db" 2>>"$work/gui.log")
    minimal=$("$bin/bench-launch" "$bin/bench-startup-minimal" 2>>"$work/gui.log")
    if ((i > 0)); then
      echo "$app" >>"$work/startup-app.txt"
      echo "$minimal" >>"$work/startup-minimal.txt"
    fi
  done
  for ((i = 0; i <= list_runs; i++)); do
    small=$("$bin/bench-list" "$work/list-1k.db" 2>>"$work/gui.log")
    large=$("$bin/bench-list" "$work/orgs-100k.db" 2>>"$work/gui.log")
    if ((i > 0)); then
      echo "$small" >>"$work/list-1k.txt"
      echo "$large" >>"$work/list-100k.txt"
    fi
  done
  exit 0
fi

# ---------------------------------------------------------------------------------------------
build=${1:-$root/_build}
if [[ ! -d $build ]]; then
  echo "run-bench: no build directory $build; build first: meson setup $build $root && ninja -C $build" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
for f in config.h resources/icw-resources.h src/core/exchange/libicw-core-exchange.a src/core/documents/libicw-core-documents.a src/core/rules/libicw-core-rules.a src/core/store/libicw-core-store.a src/core/model/libicw-core-model.a src/ui/libicw-ui.a src/sync/libicw-sync.a data/gschemas.compiled; do
  if [[ ! -e $build/$f ]]; then
    echo "run-bench: $build/$f is missing; build first: ninja -C $build" >&2
    exit 2
  fi
done
# The headers come from this tree and the libraries from the build directory: they must match.
build_source=$(grep -o '"source": *"[^"]*"' "$build/meson-info/meson-info.json" 2>/dev/null | sed 's/.*"\([^"]*\)"$/\1/' || true)
if [[ -n $build_source && $(cd "$build_source" 2>/dev/null && pwd -P) != $(cd "$root" && pwd -P) ]]; then
  echo "run-bench: $build was configured for $build_source, not for $root" >&2
  exit 2
fi
for tool in cc ninja pkg-config sqlite3 xvfb-run dbus-run-session awk; do
  command -v "$tool" >/dev/null || { echo "run-bench: $tool is needed" >&2; exit 2; }
done
# The libraries must match the sources whose headers the bench programs include.
if ! ninja -C "$build" src/core/exchange/libicw-core-exchange.a src/core/documents/libicw-core-documents.a src/core/rules/libicw-core-rules.a src/core/store/libicw-core-store.a src/core/model/libicw-core-model.a src/ui/libicw-ui.a src/sync/libicw-sync.a data/gschemas.compiled >/dev/null 2>&1; then
  echo "run-bench: ninja -C $build failed; the build directory must build first" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/icw-bench.XXXXXX")
if [[ ${BENCH_KEEP:-0} == 1 ]]; then
  echo "(keeping $work)"
else
  trap 'rm -rf "$work"' EXIT
fi
bin=$work/bin
mkdir -p "$bin" "$work/xdg/config" "$work/xdg/data" "$work/xdg/cache" "$work/xdg/runtime"
chmod 700 "$work/xdg/runtime"
started=$(date +%s)

# --- The machine -----------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
fs=$(df -PT "$work" | awk 'NR == 2 { print $2 " on " $1 }')
if commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null); then
  source_state="at $commit ($(git -C "$root" status --porcelain 2>/dev/null | wc -l) files changed in the work tree)"
else
  source_state="(not a git checkout)"
fi
echo "# Innovation Center Workbench: performance (issue 8)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) CPUs, $cpu, $mem memory, $(uname -sr), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- data directory: $fs ($work)"
echo "- source: $root $source_state; build: $build"
echo "- GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1), GLib $(pkg-config --modversion glib-2.0), SQLite $(sqlite3 --version | cut -d' ' -f1)"
echo

# --- The bench programs ----------------------------------------------------------------------
# The UI library holds the sync controller and the document printing: it needs libsoup, libsecret,
# libpq (the server's PostgreSQL storage), Pango/cairo's PDF surface and GModule (the loader of the
# export module) besides GTK; libzip and libxlsxwriter, which the export module links, only for a
# build from before that module (the linker drops them when nothing refers to them).
gui_pkgs=(gtk4 libadwaita-1 sqlite3 json-glib-1.0 libsoup-3.0 libsecret-1 pangocairo cairo-pdf gnutls libpq libzip xlsxwriter gmodule-no-export-2.0)
core_pkgs=(gio-2.0 gmodule-no-export-2.0 sqlite3 json-glib-1.0)
includes=(-I"$root/src" -I"$root/src/core/model" -I"$root/src/core/store" -I"$root/src/core/rules" -I"$root/src/core/documents" -I"$root/src/core/exchange" -I"$root/src/ui" -I"$root/src/sync" -I"$build" -I"$build/resources" -I"$here")
cflags=(-O2 -g -DHAVE_CONFIG_H -DG_LOG_USE_STRUCTURED -Wall -Wno-unused-parameter "${includes[@]}")
read -ra gui_cflags <<<"$(pkg-config --cflags "${gui_pkgs[@]}")"
read -ra gui_libs <<<"$(pkg-config --libs "${gui_pkgs[@]}")"
read -ra core_cflags <<<"$(pkg-config --cflags "${core_pkgs[@]}")"
read -ra core_libs <<<"$(pkg-config --libs "${core_pkgs[@]}")"
sync_pkgs=("${core_pkgs[@]}" libsoup-3.0 libsecret-1 libpq gnutls)
read -ra sync_cflags <<<"$(pkg-config --cflags "${sync_pkgs[@]}")"
read -ra sync_libs <<<"$(pkg-config --libs "${sync_pkgs[@]}")"
# The core's libraries, each before the ones below it.
core_a=("$build/src/core/exchange/libicw-core-exchange.a" "$build/src/core/documents/libicw-core-documents.a" "$build/src/core/rules/libicw-core-rules.a" "$build/src/core/store/libicw-core-store.a" "$build/src/core/model/libicw-core-model.a")
ui_a=$build/src/ui/libicw-ui.a
sync_a=$build/src/sync/libicw-sync.a
compile() { cc "${cflags[@]}" "$@" 2>>"$work/compile.log" || { cat "$work/compile.log" >&2; exit 1; }; }
compile "$here/bench-launch.c" -o "$bin/bench-launch"
for prog in bench-gen bench-search bench-save; do
  compile "${core_cflags[@]}" "$here/$prog.c" "${core_a[@]}" "${core_libs[@]}" -lm -o "$bin/$prog"
done
for prog in bench-startup-app bench-list; do
  compile "${gui_cflags[@]}" "$here/$prog.c" "$ui_a" "$sync_a" "${core_a[@]}" "${gui_libs[@]}" -lm -o "$bin/$prog"
done
compile "${gui_cflags[@]}" "$here/bench-startup-minimal.c" "${gui_libs[@]}" -lm -o "$bin/bench-startup-minimal"
compile "${sync_cflags[@]}" "$here/bench-sync.c" "$sync_a" "${core_a[@]}" "${sync_libs[@]}" -lm -o "$bin/bench-sync"
# The document renderer needs Pango and cairo besides the core's packages.
read -ra pdf_pkg_flags <<<"$(pkg-config --cflags --libs "${core_pkgs[@]}" pangocairo cairo-pdf)"
compile "$here/bench-pdf.c" "${core_a[@]}" "${pdf_pkg_flags[@]}" -lm -o "$bin/bench-pdf"

# --- The data, written through the store -----------------------------------------------------
{
  echo "data: $("$bin/bench-gen" "$work/startup.db" 20000 200 1)"
  echo "data: $("$bin/bench-gen" "$work/orgs-100k.db" 100000 0 2)"
  echo "data: $("$bin/bench-gen" "$work/list-1k.db" 1000 0 2)"
} | sed 's/^data: generated/- generated/'
echo "- startup.db: 20000 organizations, 200 centers with shareholders, alliance members and platforms;"
echo "  orgs-100k.db: 100000 organizations; list-1k.db: the first 1000 of the same series"
echo

# --- 1 and 2: the window figures, under one X server and one session bus ------------------------
env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo LC_ALL=C.UTF-8 \
  XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_CACHE_HOME="$work/xdg/cache" \
  XDG_RUNTIME_DIR="$work/xdg/runtime" BENCH_STARTUP_RUNS="$startup_runs" BENCH_LIST_RUNS="$list_runs" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" --gui-phase "$work" \
  >"$work/gui-phase.log" 2>&1 || { cat "$work/gui-phase.log" "$work/gui.log" >&2; exit 1; }

app_ms=$(awk '{ print $2 }' "$work/startup-app.txt" | median)
app_main_ms=$(awk '{ print $4 }' "$work/startup-app.txt" | median)
min_ms=$(awk '{ print $2 }' "$work/startup-minimal.txt" | median)
min_main_ms=$(awk '{ print $4 }' "$work/startup-minimal.txt" | median)
field() { awk -v k="$2" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' "$1"; }
list_large_ms=$(field "$work/list-100k.txt" rows-ms | median)
list_small_ms=$(field "$work/list-1k.txt" rows-ms | median)
list_large_mb=$(field "$work/list-100k.txt" rss-kib | median | awk '{ print $1 / 1024 }')
list_small_mb=$(field "$work/list-1k.txt" rss-kib | median | awk '{ print $1 / 1024 }')
list_gtk_mb=$(field "$work/list-1k.txt" rss-before-kib | median | awk '{ print $1 / 1024 }')

# --- 3: search, through the store and through the sqlite3 shell ---------------------------------
"$bin/bench-search" "$work/orgs-100k.db" "$search_runs" "$work/search.sql" "${search_queries[@]}" \
  >"$work/search.txt"
n=0
: >"$work/search-rows.txt"
while IFS=$'\t' read -r _ query chars results wall_med wall_p95 cpu_med _; do
  n=$((n + 1))
  sql=$(sed -n "${n}p" "$work/search.sql")
  # The same statement, timed by the shell's .timer (CPU time: user + sys, in µs resolution;
  # its wall clock has only 1 ms resolution) inside one sqlite3 process; rows to /dev/null.
  {
    echo ".output /dev/null"
    echo ".timer on"
    for ((i = 0; i < 3 + search_runs; i++)); do echo "$sql;"; done
  } >"$work/shell-$n.sql"
  sqlite3 -batch "$work/orgs-100k.db" <"$work/shell-$n.sql" >"$work/shell-$n.txt"
  shell_cpu=$(awk '/^Run Time:/ { if (++k > 3) print ($6 + $8) * 1e6 }' "$work/shell-$n.txt" | median)
  shell_real=$(awk '/^Run Time:/ { if (++k > 3) print $4 * 1e3 }' "$work/shell-$n.txt" | median)
  shell_count=$(sqlite3 -batch "$work/orgs-100k.db" "SELECT count(*) FROM ($sql);" </dev/null)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$query" "$chars" "$results" "$wall_med" "$wall_p95" \
    "$cpu_med" "$shell_cpu" "$shell_real" "$shell_count" "$sql" >>"$work/search-rows.txt"
done <"$work/search.txt"

# The register page's own path: it holds the live list of the organizations (loaded when the page
# is made), and answers one- and two-character queries from the list's names, without SQL. The
# baseline stays the LIKE statement the store would run without the list, timed in the shell above.
short_queries=()
while IFS=$'\t' read -r query chars _; do
  ((chars < 3)) && short_queries+=("$query")
done <"$work/search-rows.txt"
"$bin/bench-search" --loaded "$work/orgs-100k.db" "$search_runs" "${short_queries[@]}" >"$work/search-loaded.txt"
list_load_ms=$(awk -F'\t' '$1 == "loaded" { print $2 }' "$work/search-loaded.txt")

# --- 4: one field edit saved --------------------------------------------------------------------
cp "$work/orgs-100k.db" "$work/orgs-100k-bare.db"
read -r _ save_med save_p95 bare_med bare_p95 outbox_added floor_med < <("$bin/bench-save" "$work/orgs-100k.db" \
  "$work/orgs-100k-bare.db" "$save_runs")

# --- 5: sync on loopback -----------------------------------------------------------------------
# The client on a thread of its own, as the application and `icw serve` are processes of their own:
# on one thread the server could never handle a batch while the client prepares the next.
mkdir -p "$work/sync"
read -r _ sync_pushed sync_push_s sync_pulled sync_pull_s sync_bare_rows sync_bare_s < <(env XDG_CONFIG_HOME="$work/xdg/config" \
  XDG_DATA_HOME="$work/xdg/data" XDG_CACHE_HOME="$work/xdg/cache" XDG_RUNTIME_DIR="$work/xdg/runtime" \
  "$bin/bench-sync" "$work/sync" "$sync_records" threads 2>"$work/sync.log") || { cat "$work/sync.log" >&2; exit 1; }
sync_push_rps=$(calc "%.0f" "$sync_pushed / $sync_push_s")
sync_pull_rps=$(calc "%.0f" "$sync_pulled / $sync_pull_s")
sync_bare_rps=$(calc "%.0f" "$sync_bare_rows / $sync_bare_s")

# --- The table ------------------------------------------------------------------------------------
met() { if awk "BEGIN { exit !($1) }"; then echo "yes"; else echo "**no**"; fi; }
echo "| measure | figure | baseline | ratio | goal | met? |"
echo "|---|---|---|---|---|---|"
ratio=$(calc "%.2f" "$app_ms / $min_ms")
echo "| 1. start to first drawn frame of the main window, 200 centers + 20k organizations (median of $startup_runs) | $(calc "%.0f" "$app_ms") ms | $(calc "%.0f" "$min_ms") ms (minimal GTK 4 + libadwaita window) | ${ratio}× | ≤ 1.5× | $(met "$ratio <= 1.5") |"
ratio=$(calc "%.2f" "$list_large_ms / $list_small_ms")
echo "| 2a. organizations register, 100k records: open to first rows drawn (median of $list_runs) | $(calc "%.0f" "$list_large_ms") ms | $(calc "%.0f" "$list_small_ms") ms (1k records) | ${ratio}× | no goal set | — |"
delta=$(calc "%.1f" "$list_large_mb - $list_small_mb")
echo "| 2b. organizations register, 100k records: resident memory (VmRSS) | $(calc "%.1f" "$list_large_mb") MB | $(calc "%.1f" "$list_small_mb") MB (1k records) | +$delta MB | < +25 MB | $(met "$delta < 25") |"
while IFS=$'\t' read -r query chars results wall_med wall_p95 cpu_med shell_cpu shell_real shell_count sql; do
  ratio=$(calc "%.2f" "$cpu_med / $shell_cpu")
  kind=FTS5
  [[ $sql == *" LIKE "* ]] && kind=LIKE
  check=""
  [[ $shell_count == "$results" ]] || check=" (the shell found $shell_count!)"
  echo "| 3. search “$query” ($chars char$([[ $chars == 1 ]] || echo s), $kind, $results hits$check): median / p95 | $(calc "%.2f" "$wall_med / 1000") / $(calc "%.2f" "$wall_p95 / 1000") ms | $(calc "%.2f" "$shell_cpu / 1000") ms (sqlite3 shell) | ${ratio}× | ≤ 1.5× and p95 < 16 ms | $(met "$ratio <= 1.5 && $wall_p95 < 16000") |"
done <"$work/search-rows.txt"
while IFS=$'\t' read -r _ query chars results wall_med wall_p95 cpu_med _; do
  IFS=$'\t' read -r _ _ _ _ _ _ shell_cpu _ shell_count _ < <(awk -F'\t' -v q="$query" '$1 == q' "$work/search-rows.txt")
  ratio=$(calc "%.2f" "$cpu_med / $shell_cpu")
  check=""
  [[ $shell_count == "$results" ]] || check=" (the shell found $shell_count!)"
  echo "| 3. search “$query” ($chars char$([[ $chars == 1 ]] || echo s), the register page's path: live list loaded, no SQL, $results hits$check): median / p95 | $(calc "%.2f" "$wall_med / 1000") / $(calc "%.2f" "$wall_p95 / 1000") ms | $(calc "%.2f" "$shell_cpu / 1000") ms (the LIKE statement in the sqlite3 shell) | ${ratio}× | ≤ 1.5× and p95 < 16 ms | $(met "$ratio <= 1.5 && $wall_p95 < 16000") |"
done < <(grep '^search' "$work/search-loaded.txt")
ratio=$(calc "%.2f" "$save_med / $bare_med")
echo "| 4. one field edit saved with its outbox row (icw_store_save), median of $save_runs (p95) | $(calc "%.2f" "$save_med / 1000") ms ($(calc "%.2f" "$save_p95 / 1000")) | $(calc "%.2f" "$bare_med / 1000") ms ($(calc "%.2f" "$bare_p95 / 1000")) (bare UPDATE, WAL, synchronous=FULL, BEGIN IMMEDIATE/COMMIT) | ${ratio}× | ≤ 1.3× | $(met "$ratio <= 1.3") |"
echo "| 5a. sync of $sync_records organizations: push on loopback (IcwSyncClient → IcwSyncServer) | $sync_push_rps records/s ($(calc "%.1f" "$sync_push_s") s for $sync_pushed) | $sync_bare_rps rows/s (the same rows with SQLite alone: one transaction, WAL, synchronous=FULL) | $(calc "%.2f" "$sync_bare_rps / $sync_push_rps")× slower | report the ratio | — |"
echo "| 5b. sync of $sync_records organizations: pull into an empty database | $sync_pull_rps records/s ($(calc "%.1f" "$sync_pull_s") s for $sync_pulled) | $sync_bare_rps rows/s (〃) | $(calc "%.2f" "$sync_bare_rps / $sync_pull_rps")× slower | report the ratio | — |"
# 6: the sample application as PDF, alone and repeated to about 100 pages (median of 5 renders).
read -r pdf_pages pdf_s long_pages long_s < <("$bin/bench-pdf" "$work" "${BENCH_PDF_RUNS:-5}")
echo "| 6. PDF documents: the sample application ($pdf_pages pages) / repeated ×10 ($long_pages pages), laid out and written (median of ${BENCH_PDF_RUNS:-5}) | $(calc "%.2f" "$long_s") s, $(calc "%.0f" "$long_pages / $long_s") pages/s | $(calc "%.2f" "$pdf_s") s, $(calc "%.0f" "$pdf_pages / $pdf_s") pages/s (the $pdf_pages-page sample) | $(calc "%.2f" "($long_s / $long_pages) / ($pdf_s / $pdf_pages)")× per page | no goal set | — |"
echo
echo "Details:"
echo
echo "- 1: time from exec() to the after-paint of the first frame in which the window's surface was"
echo "  rendered; main() was reached after $(calc "%.1f" "$app_main_ms") ms (app) and $(calc "%.1f" "$min_main_ms") ms (minimal). All runs, ms:"
echo "  app $(awk '{ printf "%.0f ", $2 }' "$work/startup-app.txt"); minimal $(awk '{ printf "%.0f ", $2 }' "$work/startup-minimal.txt")"
echo "- 2: GTK and libadwaita initialized before the clock starts ($(calc "%.1f" "$list_gtk_mb") MB resident then); the clock runs from"
echo "  icw_store_open to the first frame whose list view has rows; memory read 0.5 s later. Runs:"
sed 's/^/  100k: /' "$work/list-100k.txt"
sed 's/^/  1k: /' "$work/list-1k.txt"
echo "- 3: $search_runs timed calls per query after 3 warm-up calls; ratio of the CPU-time medians (getrusage,"
echo "  as the shell's .timer measures); the shell's wall-clock median (1 ms resolution) is beside it."
echo "  The statements (traced from the store's connection, run verbatim by the shell):"
while IFS=$'\t' read -r query chars results wall_med wall_p95 cpu_med shell_cpu shell_real shell_count sql; do
  echo "  - “$query”: store CPU median $(calc "%.2f" "$cpu_med / 1000") ms, shell wall median $(calc "%.0f" "$shell_real") ms: \`$sql\`"
done <"$work/search-rows.txt"
echo "- 3, the register page's path: bench-search --loaded holds icw_store_list() of the 100k organizations, as the"
echo "  page and the organization picker do while their search entry is in use (loaded in $(calc "%.0f" "$list_load_ms") ms,"
echo "  not counted); one- and two-character queries then read the list's names and run no SQL (checked: no"
echo "  statement traced). Same timing as above; the ratio is against the CPU time of the LIKE statement in the shell."
echo "- 4: on orgs-100k.db (the baseline on a byte copy); store, bare UPDATE and, for reference, the same bare"
echo "  UPDATE plus an outbox row built as the store builds it ($(calc "%.2f" "$floor_med / 1000") ms median) alternate after 5 warm-up"
echo "  rounds; the store's saves added $outbox_added outbox rows (a save folds into its record's waiting row while no"
echo "  push batch has read it, as none has in this register: 0 is expected)."
echo "- 5: one center and $sync_records organizations saved in one batch; the reference server in the same process on"
echo "  127.0.0.1, the client on a thread of its own, the client's default batch and page sizes (batches of 1000, pages of 500); push with the center administrator's token,"
echo "  then pull with the same token into an empty database ($sync_pulled records: the center and its organizations);"
echo "  the baseline inserts the $sync_bare_rows organization rows as the store holds them, into a table made by the"
echo "  store's own CREATE statement, in $(calc "%.3f" "$sync_bare_s") s."
echo
if grep -qE "CRITICAL|WARNING" "$work/gui.log"; then
  echo "- warning: the programs logged $(grep -cE "CRITICAL|WARNING" "$work/gui.log") criticals/warnings in the window runs; the distinct ones:"
  grep -E "CRITICAL|WARNING" "$work/gui.log" | sed -E 's/^\(?[^:]*:[0-9]+\)?:? ?//; s/[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+: //' | sort -u | head -5 | sed 's/^/  /'
  echo
fi
echo "Total time of this run: $(($(date +%s) - started)) s; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
