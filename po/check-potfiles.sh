#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# po/check-potfiles.sh SRCROOT: the meson test "check-potfiles" (suite po).
# Fails when a file under src/, resources/ or data/ has translatable strings but is not listed in
# po/POTFILES.in (nor in po/POTFILES.skip), or when POTFILES.in lists a file that does not exist.
# Translatable means: in C, a call of _(), N_(), C_(), NC_(), ngettext() or g_dngettext(); in .ui,
# translatable="yes"; desktop and AppStream .in files; GSettings schemas with a summary or
# description.
set -uo pipefail

srcroot=$(cd "${1:-$(dirname "$0")/..}" && pwd)
potfiles="$srcroot/po/POTFILES.in"
skipfile="$srcroot/po/POTFILES.skip"

read_list() { # file -> one path per line, comments and blanks dropped
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
}

if [ ! -f "$potfiles" ]; then
  echo "check-potfiles: $potfiles does not exist"
  exit 1
fi

declare -A listed=() skipped=()
missing_files=() unlisted=()
while IFS= read -r f; do
  listed[$f]=1
  [ -f "$srcroot/$f" ] || missing_files+=("$f")
done < <(read_list "$potfiles")
while IFS= read -r f; do skipped[$f]=1; done < <(read_list "$skipfile")

c_pattern='(^|[^[:alnum:]_])(_|N_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\('
ui_pattern="translatable[[:space:]]*=[[:space:]]*[\"'](yes|true|1)[\"']"

has_strings() { # relative path -> 0 when it has translatable strings
  local path="$srcroot/$1"
  case "$1" in
    *.c | *.h) grep -Eq "$c_pattern" "$path" ;;
    *.ui) grep -Eq "$ui_pattern" "$path" ;;
    *.desktop.in | *.metainfo.xml.in | *.appdata.xml.in) return 0 ;;
    *.gschema.xml) grep -Eq '<(summary|description)' "$path" ;;
    *) return 1 ;;
  esac
}

checked=0
while IFS= read -r -d '' path; do
  rel=${path#"$srcroot/"}
  checked=$((checked + 1))
  if has_strings "$rel" && [ -z "${listed[$rel]:-}" ] && [ -z "${skipped[$rel]:-}" ]; then
    unlisted+=("$rel")
  fi
done < <(cd "$srcroot" && find src resources data -type f \
           \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.desktop.in' \
              -o -name '*.metainfo.xml.in' -o -name '*.appdata.xml.in' -o -name '*.gschema.xml' \) \
           -printf "$srcroot/%p\0" 2>/dev/null | LC_ALL=C sort -z)

echo "check-potfiles: $checked candidate files under src/, resources/ and data/; ${#listed[@]} listed in po/POTFILES.in"
status=0
if [ ${#unlisted[@]} -gt 0 ]; then
  echo
  echo "These files have translatable strings but are not in po/POTFILES.in (add them, or to po/POTFILES.skip):"
  printf '  %s\n' "${unlisted[@]}"
  status=1
fi
if [ ${#missing_files[@]} -gt 0 ]; then
  echo
  echo "po/POTFILES.in lists files that do not exist:"
  printf '  %s\n' "${missing_files[@]}"
  status=1
fi
if [ $status -eq 0 ]; then
  echo "check-potfiles: OK"
else
  echo
  echo "check-potfiles: FAILED"
fi
exit $status
