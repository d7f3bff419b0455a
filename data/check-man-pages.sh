#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# data/check-man-pages.sh PAGE...: the meson test "man-pages" (suite data). Renders each built
# manual page as man(1) shows it (`man --warnings -l`, groff's warnings on) and with
# `groff -man -ww -z`, and fails on any warning or error either prints, or when a page lacks its
# NAME, SYNOPSIS or DESCRIPTION section. Skipped (77) when neither man nor groff is installed
# (packages man-db and groff-base).
set -uo pipefail

if ! command -v groff > /dev/null; then
  echo "check-man-pages: groff is not installed (package groff-base); skipped"
  exit 77
fi
export LC_ALL=C.UTF-8 MANWIDTH=80
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
status=0
for page in "$@"; do
  name=$(basename "$page")
  warnings=$(groff -man -ww -z -Tutf8 "$page" 2>&1)
  if command -v man > /dev/null; then
    text=$(man --warnings -l "$page" 2> "$tmp")
    if [ -s "$tmp" ]; then
      warnings+=$'\n'$(cat "$tmp")
    fi
  else
    text=$(groff -man -Tutf8 "$page" 2> /dev/null)
  fi
  if [ -n "$warnings" ]; then
    echo "$name: warnings when rendered:"
    printf '%s\n' "$warnings" | sed 's/^/   /'
    status=1
  fi
  for section in NAME SYNOPSIS DESCRIPTION; do
    if ! grep -q "^$section" <<< "$text"; then
      echo "$name: no $section section"
      status=1
    fi
  done
  echo "$name: $(wc -l <<< "$text") lines rendered"
done
exit $status
