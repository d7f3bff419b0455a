#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/check-build-path.sh BUILD_ROOT FILE...: the meson test "build-path" (suite data). What is
# installed holds no path of the build directory (src/core/documents/icw-export-module.c finds the
# build's export module above the running program instead): each program or module, without its
# debug information (whose compilation directory names the build; `meson install --strip` or a
# release build drops it), must not contain BUILD_ROOT. Skipped (77) without objcopy (binutils).
set -uo pipefail

if ! command -v objcopy > /dev/null; then
  echo "check-build-path: objcopy is not installed (package binutils); skipped"
  exit 77
fi
root=$1
shift
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
status=0
for file in "$@"; do
  if ! objcopy --strip-debug "$file" "$tmp"; then
    echo "check-build-path: objcopy could not read $file"
    status=1
    continue
  fi
  if grep -a -o -F -- "$root" "$tmp" > /dev/null; then
    echo "check-build-path: $(basename "$file") holds the build directory's path $root:"
    strings -a "$tmp" | grep -F -- "$root" | head -5 | sed 's/^/  /'
    status=1
  fi
done
exit $status
