#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/check-zh-spacing.py PO: the spacing rule written at the top of po/zh_CN.po (the GNOME
Simplified Chinese team's): one half-width space between a Chinese character and a Latin word.
Run by po/check-translations.sh for zh_CN; lists every msgstr with a Chinese character directly
beside a Latin letter (format directives such as %s and %Y, escapes such as \\n and mnemonics
such as _E are not words) and exits 1 when there is one."""
import re
import sys

CHINESE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN = re.compile("[A-Za-z]")
# printf's and strftime's directives, backslash escapes, a mnemonic's underscore and letter.
NOT_WORDS = re.compile(r"%(\d+\$)?[-+ 0#']*\d*(\.\d+)?(hh|h|ll|l|z|j|t|L)?[A-Za-z%]|\\.|_[A-Za-z0-9]")


def faults(text):
    masked = [False] * len(text)
    for m in NOT_WORDS.finditer(text):
        for i in range(m.start(), m.end()):
            masked[i] = True
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if ((CHINESE.match(a) and LATIN.match(b) and not masked[i]) or
                (LATIN.match(a) and not masked[i - 1] and CHINESE.match(b))):
            yield text[max(0, i - 8):i + 8]


def main():
    with open(sys.argv[1], encoding="utf-8") as po:
        content = po.read()
    found = 0
    for m in re.finditer(r'^msgstr(?:\[\d\])? ((?:".*"\n)+)', content, re.M):
        text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        for where in faults(text):
            print(f"   no space between Chinese and Latin: …{where}… (in “{text[:60]}”)")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
