#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# rules-doc.py: writes docs/rules.md from the bundled rule packs (resources/rules/*.json): every
# pack with its title and note, every rule with what it checks (its message), its basis (the
# policy text, article and the words quoted with a public copy, or program practice, or a source
# not found), its severity and the application kinds it is limited to; then the call outlines'
# (resources/outlines/*.json) required sections and attachment items, with their basis.
# Usage: python3 tests/rules-doc.py SOURCE_ROOT > docs/rules.md (test-rules-doc.py checks it).
import json
import os
import sys

BASIS = {
    "policy": "Policy text",
    "program-practice": "Program practice",
    "source-not-found": "Source not found",
}


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def basis(c):
    if c["basis"] == "program-practice":
        text = "Program practice: " + c["clause"]
        if c.get("gloss"):
            text += " (" + c["gloss"] + ")"
        if c.get("essential"):
            text += " (the document cannot be read without it, so an error)"
        return text
    text = BASIS[c["basis"]] + ": " + c["document"]
    if c.get("title"):
        text += "《" + c["title"] + "》"
    text += " " + c["clause"]
    if c.get("quote"):
        text += ": “" + c["quote"] + "”"
    if c.get("gloss"):
        text += " (" + c["gloss"] + ")"
    if c.get("url"):
        text += " <" + c["url"] + ">"
    return text


def pack_doc(pack, out):
    out.append("## " + pack["title"]["en"])
    out.append("")
    out.append("Pack `%s`, version %d, checks: %s. %s" % (pack["id"], pack["version"], pack["applies_to"],
                                                        pack["title"]["zh_CN"]))
    out.append("")
    if "note" in pack:
        out.append(pack["note"]["en"])
        out.append("")
    out.append("| Rule | Severity | What it checks (its message) | Basis |")
    out.append("|---|---|---|---|")
    for rule in pack["rules"]:
        kinds = rule.get("application_kinds")
        severity = rule["severity"] + (" (only " + ", ".join(kinds) + ")" if kinds else "")
        out.append("| `%s` | %s | %s | %s |" % (rule["id"], severity, cell(rule["message"]["en"]),
                                                cell(basis(rule["citation"]))))
    out.append("")


GRADES = {"excellent": "优秀", "good": "良好", "pass": "合格", "fail": "不合格"}


def rule_text(rule, weighed):
    kind = rule["kind"]
    if kind == "by-hand" and not weighed:
        return "weighed by the reviewer (no points published)"
    if kind == "by-hand":
        return "by hand (a typed score and its reason)"
    if kind == "linear-share":
        return "%s / %s: none under %.2f%%, full over %.2f%%, in proportion between" % (
            rule["numerator"], rule["denominator"], rule["zero_below_bp"] / 100, rule["full_above_bp"] / 100)
    figures = rule["figure"] if kind == "at-least" else ", ".join(rule["figures"])
    below = "none" if rule["below"] == "zero" else "by hand"
    minimum = "%d" % rule["min"]
    if "spending" in figures:
        minimum = "%g 万元" % (rule["min"] / 1000000)
    return "%s at least %s: full; below: %s" % (figures, minimum, below)


def scheme_doc(scheme, out):
    out.append("### " + scheme["title"]["en"])
    out.append("")
    applies = scheme["applies_to"]
    who = ("levels " + ", ".join(applies["levels"])) if "levels" in applies else \
        ("provinces " + ", ".join(applies["provinces"]))
    out.append("Scheme `%s`, version %d, for %s. %s" % (scheme["id"], scheme["version"], who, scheme["note"]["en"]))
    out.append("")
    grades = scheme["grades"]
    if grades["given"] == "bands":
        bands = ", ".join("%s from %d" % (GRADES[b["grade"]], b["min_points"]) for b in grades["bands"])
        out.append("Grades by bands of points (of %d): %s. Basis: %s" % (scheme["maximum"], bands,
                                                                        basis(grades["citation"])))
    else:
        out.append("Grades given by the reviewer. Basis: " + basis(grades["citation"]))
    out.append("")
    out.append("| Item | Points | How | Basis |")
    out.append("|---|---|---|---|")
    for item in scheme["items"]:
        points = str(item["maximum"]) if "maximum" in item else "not published"
        out.append("| `%s` %s | %s | %s | %s |" % (item["key"], cell(item["title"]["zh_CN"]), points,
                                                   cell(rule_text(item["rule"], "maximum" in item or "maximum" in scheme)), cell(basis(item["citation"]))))
    out.append("")


def scoring_doc(root, out):
    folder = os.path.join(root, "resources", "scoring")
    if not os.path.isdir(folder):
        return
    out.append("## Scoring schemes and filing windows")
    out.append("")
    out.append("From `resources/scoring/*.json` (docs/formats.md, \"Scoring schemes\"): how a recognized")
    out.append("center's yearly 考核 or 评估 is scored, item by item, and graded. An item whose rule was not")
    out.append("seen is scored by hand with a reason; a scheme without published bands leaves the grade to the")
    out.append("reviewer.")
    out.append("")
    windows = None
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            data = json.load(f)
        if name == "filing-windows.json":
            windows = data
        else:
            scheme_doc(data, out)
    if windows is not None:
        out.append("### Filing windows")
        out.append("")
        out.append("| Province | Due | To | Basis |")
        out.append("|---|---|---|---|")
        for w in windows["windows"]:
            out.append("| %s | %d-%02d, for the previous year | %s | %s |" % (
                w["province"][0], w["month"], w["day"], cell(w["to"]["en"]), cell(basis(w["citation"]))))
        out.append("")
        out.append("Every other province: source not found (no window is shown).")
        out.append("")


def outline_basis(item):
    if item["basis"] != "policy":
        return BASIS[item["basis"]]
    text = "Policy text: “" + item["quote"] + "”"
    if item.get("url"):
        text += " <" + item["url"] + ">"
    return text


def outlines_doc(root, out):
    folder = os.path.join(root, "resources", "outlines")
    if not os.path.isdir(folder):
        return
    out.append("## Call outlines: sections and attachments")
    out.append("")
    out.append("From `resources/outlines/*.json` (docs/formats.md, \"Call outlines\"), checked for the")
    out.append("application of a center in the outline's province at its stage (pack `outline:<id>`). A required")
    out.append("section left empty is an error (`outline-section`). An attachment item is fulfilled by the")
    out.append("attachment that names it (its key) or, for an attachment that names none, by its kind or a word")
    out.append("of its file name; missing, it is an error when the outline marks it required for submission,")
    out.append("else a warning (`outline-attachment`).")
    out.append("")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            outline = json.load(f)
        out.append("### " + outline["title"]["en"])
        out.append("")
        source = outline["source"]
        out.append("Outline `%s`, version %d, province %s, stage `%s`. Source: %s: “%s” %s" % (
            outline["id"], outline["version"], outline["province"], outline["stage"], source["document"],
            source["quote"], " ".join("<" + u + ">" for u in source["urls"])))
        out.append("")
        out.append("| Item | Severity when missing | What it is | Basis |")
        out.append("|---|---|---|---|")
        for section in outline["sections"]:
            if section.get("required"):
                out.append("| section `%s` | error | %s | %s |" % (section["section"], cell(section["title"]["en"]),
                                                               cell(outline_basis(section))))
        for item in outline["attachments"]:
            key = ("attachment `%s`" % item["key"]) if item.get("key") else "attachment (no key)"
            severity = "error" if item.get("required") else "warning"
            if item.get("when") == "company-registered":
                severity += " (once the company is registered)"
            out.append("| %s | %s | %s | %s |" % (key, severity, cell(item["name"]["en"]), cell(outline_basis(item))))
        if not outline["attachments"] and not any(s.get("required") for s in outline["sections"]):
            out.append("| — | — | no required section or attachment is known (source not found) | Source not found |")
        out.append("")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    folder = os.path.join(root, "resources", "rules")
    packs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                packs.append(json.load(f))
    out = [
        "# The rules and what they rest on",
        "",
        "Generated from the bundled rule packs (`resources/rules/*.json`) by `python3 tests/rules-doc.py . > docs/rules.md`;",
        "do not edit it by hand: the test `rules-doc` fails until it is regenerated.",
        "",
        "Every rule names its basis: a **policy text** (the document's number and title, the article or",
        "section, the words it rests on, quoted in Chinese with an English gloss, and a public copy where",
        "one was found), **program practice** (the program's own completeness or plausibility check: a",
        "warning, unless the document cannot be read without the field) or a **source not found** (a text",
        "the rule was said to rest on and that could not be verified: a warning). Each was checked against",
        "the policy audit (`policy-audit.md`): every quoted policy text appears there or in 工信部科〔2016〕273号",
        "itself. `icw check` and the check panel show the basis of each finding.",
        "",
    ]
    counts = {}
    for pack in packs:
        for rule in pack["rules"]:
            key = (rule["citation"]["basis"], rule["severity"])
            counts[key] = counts.get(key, 0) + 1
    out.append("| Basis | Errors | Warnings |")
    out.append("|---|---|---|")
    for key, label in BASIS.items():
        out.append("| %s | %d | %d |" % (label, counts.get((key, "error"), 0), counts.get((key, "warning"), 0)))
    out.append("")
    for pack in packs:
        pack_doc(pack, out)
    outlines_doc(root, out)
    scoring_doc(root, out)
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
