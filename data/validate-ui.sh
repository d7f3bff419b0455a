#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# data/validate-ui.sh VALIDATOR DIR: the meson test "validate-ui" (suite data).
# Checks every .ui file under DIR (found here, so new files need no meson edit) with the
# validate-ui program built from data/validate-ui.c, in one run so templates can use each other.
# Project types without a template are declared in DIR/validate-ui.types (lines NAME=PARENT;
# meson passes resources/, so that is resources/validate-ui.types).
# Needs a display (GTK 4.8); the CI runs the tests under xvfb-run. Exit 77 (skip) when DIR has no
# .ui files or no display can be opened.
set -euo pipefail

validator=${1:?usage: validate-ui.sh VALIDATOR DIR}
dir=${2:?usage: validate-ui.sh VALIDATOR DIR}

files=()
if [ -d "$dir" ]; then
  while IFS= read -r -d '' f; do files+=("$f"); done \
    < <(find "$dir" -type f -name '*.ui' -print0 | LC_ALL=C sort -z)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "validate-ui: no .ui files under $dir; nothing to check (skipped)"
  exit 77
fi

args=()
if [ -f "$dir/validate-ui.types" ]; then
  args+=(--types-file "$dir/validate-ui.types")
fi
echo "validate-ui: checking ${#files[@]} file(s) under $dir"
exec "$validator" "${args[@]}" -- "${files[@]}"
