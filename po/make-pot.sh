#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# po/make-pot.sh SRCROOT OUTPUT.pot: writes a fresh message template for the files listed in
# po/POTFILES.in. Used by po/update-po.sh and po/check-translations.sh; the keywords and format
# flags are those of meson's i18n "glib" preset, so it matches `ninja ic-workbench-pot`.
set -euo pipefail

srcroot=$(cd "${1:?usage: make-pot.sh SRCROOT OUTPUT.pot}" && pwd)
out=${2:?usage: make-pot.sh SRCROOT OUTPUT.pot}
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

c_files=() desktop_files=() its_files=()
while IFS= read -r line; do
  line=${line%%#*}
  line=$(printf '%s' "$line" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
  [ -n "$line" ] || continue
  if [ ! -f "$srcroot/$line" ]; then
    echo "make-pot: $line is listed in po/POTFILES.in but does not exist" >&2
    exit 1
  fi
  case "$line" in
    *.c | *.h) c_files+=("$line") ;;
    *.desktop.in | *.desktop) desktop_files+=("$line") ;;
    *) its_files+=("$line") ;; # .ui, .metainfo.xml.in, .gschema.xml: xgettext's ITS rules
  esac
done < "$srcroot/po/POTFILES.in"

version=$(sed -n "s/^[[:space:]]*version:[[:space:]]*'\([^']*\)'.*/\1/p" "$srcroot/meson.build" | head -n 1)
common=(--from-code=UTF-8 --add-comments=Translators --package-name=ic-workbench
        --msgid-bugs-address=https://github.com/mfginnovation/ic-workbench/issues
        --package-version="${version:-0}" --directory="$srcroot" --output="$out")

# An empty template with a header, which every group below is joined to.
xgettext "${common[@]}" --language=C --force-po /dev/null
sed -i 's/charset=CHARSET/charset=UTF-8/' "$out"

# The C files twice, once for each spelling of the translators' comments (xgettext keeps only the
# last --add-comments): both are in the sources, and a second pass joins its comments to the first's.
for tag in Translators TRANSLATORS; do
if [ ${#c_files[@]} -gt 0 ]; then
  xgettext "${common[@]}" --add-comments="$tag" --join-existing --language=C \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --keyword=g_dcgettext:2 \
    --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_print:1:c-format \
    --flag=g_printerr:1:c-format --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
    --flag=g_snprintf:3:c-format \
    "${c_files[@]}"
fi
done
if [ ${#desktop_files[@]} -gt 0 ]; then
  xgettext "${common[@]}" --join-existing --language=Desktop "${desktop_files[@]}"
fi
if [ ${#its_files[@]} -gt 0 ]; then
  xgettext "${common[@]}" --join-existing "${its_files[@]}"
fi
