#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# po/check-translations.sh SRCROOT: the meson test "check-translations" (suite po).
# Extracts a fresh template from the files in po/POTFILES.in (po/make-pot.sh), merges it with each
# po/LANG.po of po/LINGUAS into a temporary file (the source tree is not touched), and fails
# listing every message that is untranslated or fuzzy, every format error, and (zh_CN) every break
# of the Chinese spacing rule (po/check-zh-spacing.py). Fix: run
# po/update-po.sh, translate, and remove the fuzzy flags after reviewing.
set -uo pipefail

srcroot=$(cd "${1:-$(dirname "$0")/..}" && pwd)
podir="$srcroot/po"
for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" > /dev/null; then
    echo "check-translations: $tool is not installed (package gettext); skipped"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! bash "$podir/make-pot.sh" "$srcroot" "$tmp/ic-workbench.pot" 2> "$tmp/xgettext.log"; then
  echo "check-translations: extracting the messages failed:"
  cat "$tmp/xgettext.log"
  exit 1
fi
total=$(msgattrib --no-obsolete "$tmp/ic-workbench.pot" 2> /dev/null | grep -c '^msgid ' || true)
total=$((total > 0 ? total - 1 : 0)) # the header
echo "check-translations: $total messages in the files of po/POTFILES.in"

status=0
# shellcheck disable=SC2013 # LINGUAS may list several codes on a line
for lang in $(sed -e 's/#.*//' "$podir/LINGUAS"); do
  po="$podir/$lang.po"
  merged="$tmp/$lang.po"
  echo
  echo "== $lang (po/$lang.po)"
  if [ ! -f "$po" ]; then
    echo "   po/$lang.po does not exist (listed in po/LINGUAS)"
    status=1
    continue
  fi
  if ! msgfmt --check -o /dev/null "$po" 2> "$tmp/check.log"; then
    echo "   po/$lang.po has errors:"
    sed 's/^/   /' "$tmp/check.log"
    status=1
  fi
  # Chinese: a space between a Chinese character and a Latin word (the rule atop po/zh_CN.po).
  if [ "$lang" = zh_CN ] && ! python3 "$podir/check-zh-spacing.py" "$po"; then
    echo "   po/$lang.po breaks its spacing rule (see the comment at its top)"
    status=1
  fi
  if ! msgmerge --quiet --previous --no-wrap -o "$merged" "$po" "$tmp/ic-workbench.pot" 2> "$tmp/merge.log"; then
    echo "   merging failed:"
    sed 's/^/   /' "$tmp/merge.log"
    status=1
    continue
  fi
  stats=$(msgfmt --check --statistics -o /dev/null "$merged" 2>&1)
  echo "   $stats"
  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$merged")
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged")
  if [ -n "$untranslated" ]; then
    n=$(printf '%s\n' "$untranslated" | grep -c '^msgid ')
    echo
    echo "   Untranslated ($((n - 1))):"
    printf '%s\n' "$untranslated" | awk 'f; /^$/ {f=1}' | sed 's/^/   /'
    status=1
  fi
  if [ -n "$fuzzy" ]; then
    n=$(printf '%s\n' "$fuzzy" | grep -c '^msgid ')
    echo
    echo "   Fuzzy: an old translation was matched to a changed or similar English text; review it ($((n - 1))):"
    printf '%s\n' "$fuzzy" | awk 'f; /^$/ {f=1}' | sed 's/^/   /'
    status=1
  fi
  obsolete=$(msgattrib --only-obsolete "$merged" | grep -c '^#~ msgid ' || true)
  if [ "$obsolete" -gt 0 ]; then
    echo "   ($obsolete obsolete messages: po/update-po.sh keeps them commented out; not an error)"
  fi
done

echo
if [ $status -eq 0 ]; then
  echo "check-translations: OK"
else
  echo "check-translations: FAILED (run po/update-po.sh, then translate the messages above)"
fi
exit $status
