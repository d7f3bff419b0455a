# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash disable=SC2154  # root, build, here and work: set by the script that sources this
# bench-lib.sh: what the benches of the window share (bench-register.sh, bench-editors.sh,
# bench-center.sh), sourced by them after they set $root (the source tree), $build (a built meson
# build directory), $here (tests/bench) and $work (their temporary directory): compiling a bench program against the build
# directory's static libraries, making the generated registers of 1k, 100k and 1M organizations,
# running a program under its own display and session bus, and the median of figures. Not run by
# itself.

# The build directory's archives brought up to date (BENCH_NO_NINJA=1: linked as they are, e.g.
# another tree's, for the figures before a change), and the flags to compile against them.
bench_setup_build() {
  [[ ${BENCH_NO_NINJA:-0} == 1 ]] || ninja -C "$build" src/ui/libicw-ui.a src/sync/libicw-sync.a resources/icw-resources.h >/dev/null
  gui_pkgs=(gtk4 libadwaita-1 sqlite3 json-glib-1.0 libsoup-3.0 libsecret-1 pangocairo cairo-pdf gnutls libpq libzip xlsxwriter gmodule-no-export-2.0)
  core_pkgs=(gio-2.0 gmodule-no-export-2.0 sqlite3 json-glib-1.0)
  includes=(-I"$root/src/core/model" -I"$root/src/core/store" -I"$root/src/core/rules" -I"$root/src/core/documents"
            -I"$root/src/core/exchange" -I"$root/src/ui" -I"$root/src/sync" -I"$build" -I"$build/resources" -I"$here")
  core_a=("$build/src/core/exchange/libicw-core-exchange.a" "$build/src/core/documents/libicw-core-documents.a"
          "$build/src/core/rules/libicw-core-rules.a" "$build/src/core/store/libicw-core-store.a"
          "$build/src/core/model/libicw-core-model.a")
  read -ra gui_flags <<<"$(pkg-config --cflags --libs "${gui_pkgs[@]}")"
  read -ra core_flags <<<"$(pkg-config --cflags --libs "${core_pkgs[@]}")"
}

# bench_cc_gui SOURCE OUTPUT [OBJECT…]: a program with the window (the objects linked before the
# archives take the place of theirs); bench_cc_core SOURCE OUTPUT: one with the core alone.
bench_cc_gui() {
  local source=$1 output=$2
  shift 2
  cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$source" "$@" \
    "$build/src/ui/libicw-ui.a" "$build/src/sync/libicw-sync.a" "${core_a[@]}" "${gui_flags[@]}" -lm -o "$output"
}
bench_cc_core() {
  cc -O2 -g -DHAVE_CONFIG_H -Wall -Wno-unused-parameter "${includes[@]}" "$1" "${core_a[@]}" "${core_flags[@]}" -lm -o "$2"
}

# bench_make_registers DATA GEN SIZE…: DATA/orgs-SIZE.db for each size not there yet, a line for
# each made. Up to 100k through the store (GEN is bench-gen: outbox rows and index entries as the
# program writes them); a larger register, a whole number of 100k, as copies of the 100k one made
# by SQLite (each name with " k" appended, no credit code), which takes minutes rather than the
# better part of an hour.
bench_make_registers() {
  local data=$1 gen=$2 n
  shift 2
  for n in "$@"; do
    [[ -s $data/orgs-$n.db ]] && continue
    if ((n > 100000 && n % 100000 == 0)); then
      [[ -s $data/orgs-100000.db ]] || echo "- $("$gen" "$data/orgs-100000.db" 100000 0 2)"
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
      echo "- $("$gen" "$data/orgs-$n.db" "$n" 0 2)"
    fi
  done
}

# A program under a display and a session bus of its own, as the test suite runs the window
# (GSK_RENDERER=cairo, GSettings in memory, XDG_RUNTIME_DIR in $work).
gui() {
  env -u DISPLAY -u WAYLAND_DISPLAY GSK_RENDERER=cairo GSETTINGS_BACKEND=memory XDG_RUNTIME_DIR="$work/xdg/runtime" \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$@"
}

# The median and the 95th percentile of the numbers on stdin, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
p95() { sort -g | awk '{ v[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i < 1) i = 1; print v[i] }'; }
