#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# po/update-po.sh: run by developers after changing translatable strings or po/POTFILES.in.
# Regenerates the message template from po/POTFILES.in and merges it into every po/LANG.po listed
# in po/LINGUAS (new messages come in untranslated, changed ones fuzzy). Then translate them;
# the meson test "check-translations" fails until no message is untranslated or fuzzy.
set -euo pipefail

podir=$(cd "$(dirname "$0")" && pwd)
srcroot=$(dirname "$podir")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bash "$podir/make-pot.sh" "$srcroot" "$tmp/ic-workbench.pot"
# shellcheck disable=SC2013 # LINGUAS may list several codes on a line
for lang in $(sed -e 's/#.*//' "$podir/LINGUAS"); do
  echo "po/$lang.po:"
  msgmerge --update --backup=none --previous "$podir/$lang.po" "$tmp/ic-workbench.pot"
  msgfmt --check --statistics -o /dev/null "$podir/$lang.po"
done
