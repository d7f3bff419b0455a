#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-funding-export.py: the budget table of the sample funding request exported by the real icw
# binary, read back: the xlsx unzipped (xl/worksheets/sheet1.xml, xl/sharedStrings.xml,
# xl/styles.xml) to find every amount of `icw show --json` in its cell, every total as a SUM
# formula whose cached value is the total, each formula recomputed here from the cells it names,
# the frozen header rows and label columns and the "#,##0.00" number format; the CSV: BOM, CRLF,
# RFC 4180, the same cells as exact decimal text. Again under de_DE.UTF-8 (a comma decimal separator)
# with an amount of six decimals in 万元: the sheet's <v> values are still the exact amounts with a
# "." (libxlsxwriter formats numbers with the current locale; .ci/install-deps generates de_DE). And a
# budget whose totals overflow (a cell from before the per-cell limit, written into the database
# directly): `icw check` reports the program's error finding and exits 1, `icw show --json` gives
# every total as null with "overflow": true, `icw show` and the PDF write "overflow", the CSV and
# xlsx exports are refused with a message naming the table and write no file. The PDF's budget
# tables list each group's subtotal before that group's categories.
#
# Usage: python3 tests/test-funding-export.py /path/to/icw   (meson test -C BUILDDIR funding-export)

import csv
import io
import json
import locale
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

ICW = None
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
FEN_PER_WAN = Decimal(1000000)


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - ord("A") + 1)
    return n - 1


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    return int(m.group(2)) - 1, col_index(m.group(1))


def exact(value):
    """The amount in 万元 (to the fen, six decimals) of a sheet's number. libxlsxwriter writes a
    double with 16 significant digits, so 8300.012345 may read 8300.012344999999: the same double,
    the nearest to the exact amount, which rounds back to it."""
    return Decimal(value).quantize(Decimal("0.000001"))


def set_cells(db, category, cells):
    """Writes a budget line's cells straight into the database, as older versions could store them."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE budget_lines SET cells = ? WHERE category = ? AND deleted_at IS NULL",
                     (json.dumps(cells), category))
    conn.close()


def have_locale(name):
    try:
        locale.setlocale(locale.LC_NUMERIC, name)
        return True
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_NUMERIC, "C")


class Export(unittest.TestCase):
    LOCALE = "C.UTF-8"
    # An extra cell written before the export (category, cells), and the grand total it gives.
    CELLS = None
    GRAND = "24000.00"

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="icw-export-")
        cls.db = os.path.join(cls.tmp.name, "workbench.db")
        cls.env = dict(os.environ, LC_ALL=cls.LOCALE, LANG=cls.LOCALE, XDG_DATA_HOME=os.path.join(cls.tmp.name, "data"))
        cls.env.pop("LANGUAGE", None)
        cls.icw("sample")
        if cls.CELLS is not None:
            set_cells(cls.db, *cls.CELLS)
        cls.request = json.loads(cls.icw("list", "funding", "--json"))[0]
        cls.shown = json.loads(cls.icw("show", cls.request["id"], "--json"))
        cls.xlsx = os.path.join(cls.tmp.name, "budget.xlsx")
        cls.csv = os.path.join(cls.tmp.name, "budget.csv")
        cls.icw("export", cls.request["id"], "--format", "xlsx", "-o", cls.xlsx)
        cls.icw("export", cls.request["id"], "--format", "csv", "-o", cls.csv)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def icw(cls, *args):
        result = subprocess.run([ICW, "--db", cls.db] + list(args), capture_output=True, env=cls.env, timeout=120)
        if result.returncode != 0:
            raise AssertionError("icw %s failed: %s" % (" ".join(args), result.stderr.decode()))
        return result.stdout.decode("utf-8")

    def read_sheet(self):
        """{(row, col): (value text, formula or None, shared string or None)} of sheet 1."""
        with zipfile.ZipFile(self.xlsx) as z:
            self.assertIsNone(z.testzip())
            strings = [si.findtext(".//m:t", namespaces=NS)
                       for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
            sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
            styles = z.read("xl/styles.xml").decode("utf-8")
        cells = {}
        for c in sheet.iter("{%s}c" % NS["m"]):
            ref = split_ref(c.get("r"))
            value = c.findtext("m:v", namespaces=NS)
            formula = c.findtext("m:f", namespaces=NS)
            text = strings[int(value)] if c.get("t") == "s" else None
            cells[ref] = (value, formula, text)
        return sheet, cells, styles

    def table(self):
        """The rows of `show --json` keyed by category, and the layout's column per (year, source)."""
        budget = self.shown["budget"]
        return budget, {row["category"]: row for row in budget["rows"]}

    def test_xlsx_amounts_and_formulas(self):
        sheet, cells, styles = self.read_sheet()
        budget, rows = self.table()
        years, sources = budget["years"], budget["sources"]
        n_s = len(sources)

        # Where each category's row is: its key in column A.
        row_of = {cells[k][2]: k[0] for k in cells if k[1] == 0 and cells[k][2] is not None}
        for key in rows:
            self.assertIn(key, row_of, "no row for " + key)

        def number(ref):
            value, formula, text = cells[ref]
            self.assertIsNone(text)
            return Decimal(value)

        def wan(fen):
            return Decimal(fen) / FEN_PER_WAN

        n_amounts = n_formulas = 0
        for key, row in rows.items():
            r = row_of[key]
            is_parent = any(other["parent"] == key for other in rows.values())
            for y in range(len(years)):
                for s in range(n_s):
                    c = 2 + y * (n_s + 1) + s
                    value, formula, _ = cells[(r, c)]
                    self.assertEqual(number((r, c)).quantize(Decimal("0.000001")), wan(row["cells_fen"][y][s]),
                                     "%s %d %s" % (key, years[y], sources[s]))
                    n_amounts += 1
                    # Typed amounts are numbers; a parent's cells are sums of its children.
                    if is_parent:
                        self.assertRegex(formula, r"^SUM\([A-Z]+\d+:[A-Z]+\d+\)$")
                        n_formulas += 1
                    else:
                        self.assertIsNone(formula, "%s has a formula where an amount was typed" % key)
                # The year's total column.
                value, formula, _ = cells[(r, 2 + y * (n_s + 1) + n_s)]
                self.assertTrue(formula and formula.startswith("SUM("))
                self.assertEqual(exact(value), wan(sum(row["cells_fen"][y])))
                n_formulas += 1
            total_col = 2 + len(years) * (n_s + 1) + n_s
            value, formula, _ = cells[(r, total_col)]
            self.assertTrue(formula and formula.startswith("SUM("))
            self.assertEqual(exact(value), wan(row["total_fen"]))
        self.assertEqual(n_amounts, len(rows) * len(years) * n_s)

        # The group rows and the grand total.
        labels = {cells[k][2]: k[0] for k in cells if k[1] == 1 and cells[k][2] is not None}
        total_col = 2 + len(years) * (n_s + 1) + n_s
        for label, fen in (("Direct costs", budget["totals_fen"]["direct"]),
                           ("Indirect costs", budget["totals_fen"]["indirect"]),
                           ("Total", budget["totals_fen"]["grand"])):
            value, formula, _ = cells[(labels[label], total_col)]
            self.assertTrue(formula and formula.startswith("SUM("), label)
            self.assertEqual(exact(value), wan(fen), label)
        for s in range(n_s):
            value, formula, _ = cells[(labels["Total"], 2 + len(years) * (n_s + 1) + s)]
            self.assertEqual(exact(value), wan(budget["totals_fen"]["by_source"][s]))
        for y in range(len(years)):
            value, formula, _ = cells[(labels["Total"], 2 + y * (n_s + 1) + n_s)]
            self.assertEqual(exact(value), wan(budget["totals_fen"]["by_year"][y]))

        # Every formula, recomputed from the cells it names, gives its cached value.
        def evaluate(formula):
            m = re.fullmatch(r"SUM\((.*)\)", formula)
            self.assertIsNotNone(m, formula)
            total = Decimal(0)
            for arg in m.group(1).split(","):
                if ":" in arg:
                    (r1, c1), (r2, c2) = (split_ref(x) for x in arg.split(":"))
                    self.assertEqual(c1, c2)
                    refs = [(r, c1) for r in range(r1, r2 + 1)]
                else:
                    refs = [split_ref(arg)]
                for ref in refs:
                    total += Decimal(cells[ref][0] or 0)
            return total
        checked = 0
        for ref, (value, formula, _) in cells.items():
            if formula:
                self.assertEqual(exact(evaluate(formula)), exact(value), "%s: %s" % (ref, formula))
                checked += 1
        self.assertGreater(checked, n_formulas)

        # Frozen: four header rows and the two label columns; amounts shown as #,##0.00.
        pane = sheet.find(".//m:pane", NS)
        self.assertEqual((pane.get("state"), pane.get("ySplit"), pane.get("xSplit")), ("frozen", "4", "2"))
        self.assertIn('formatCode="#,##0.00"', styles)
        # The header rows name every year and source.
        header = [cells[k][2] for k in sorted(cells) if k[0] in (2, 3) and cells[k][2]]
        for year in years:
            self.assertIn(str(year), header)
        for label in ("Local fiscal funds", "Shareholder capital", "Bank loan"):
            self.assertIn(label, header)

    @unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
    def test_pdf_budget_groups(self):
        """The PDF's budget tables list each group's subtotal, then that group's categories, as the
        window does: an indirect cost (management) is never printed among the direct ones, above
        the direct subtotal."""
        out = os.path.join(self.tmp.name, "request.pdf")
        self.icw("export", self.request["id"], "--format", "pdf", "-o", out)
        text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True).stdout
        rows = self.shown["budget"]["rows"]
        group_label = {"direct": "Direct costs", "indirect": "Indirect costs"}
        # The lines of the table by year (its category column), without the page furniture.
        # (the last mention of each heading: the first are the contents').
        body = text[text.rindex("Budget by year (10k yuan)"):text.rindex("Budget by source of funds")]
        lines = [line.strip() for line in body.splitlines() if line.strip()]

        def line_of(label):
            # A long label wraps in its column: its first words start the line.
            found = [i for i, line in enumerate(lines) if line.startswith(label[:20])]
            self.assertTrue(found, "%s is not in the table: %s" % (label, lines))
            return found[0]
        for row in rows:
            if row["parent"] is not None:
                continue
            group = line_of(group_label[row["group"]])
            other = line_of(group_label["indirect" if row["group"] == "direct" else "direct"])
            mine = line_of(row["label"])
            self.assertLess(group, mine, "%s above its group's subtotal" % row["label"])
            if other > group:
                self.assertLess(mine, other, "%s below the other group's subtotal" % row["label"])
            else:
                self.assertGreater(mine, other, "%s above the other group's subtotal" % row["label"])
            self.assertLess(mine, line_of("Total"), "%s below the total" % row["label"])

    def test_csv(self):
        with open(self.csv, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        text = data[3:].decode("utf-8")
        self.assertIn("\r\n", text)
        self.assertNotRegex(text, r"[^\r]\n")
        grid = list(csv.reader(io.StringIO(text, newline="")))
        budget, rows = self.table()
        n_s = len(budget["sources"])
        by_key = {line[0]: line for line in grid}
        for key, row in rows.items():
            line = by_key[key]
            for y in range(len(budget["years"])):
                for s in range(n_s):
                    cell = line[2 + y * (n_s + 1) + s]
                    self.assertRegex(cell, r"^\d+\.\d{2,6}$")
                    self.assertEqual(Decimal(cell), Decimal(row["cells_fen"][y][s]) / FEN_PER_WAN)
            self.assertEqual(Decimal(line[-1]), Decimal(row["total_fen"]) / FEN_PER_WAN)
        total = [line for line in grid if line[1] == "Total"][0]
        self.assertEqual(total[-1], self.GRAND)
        self.assertEqual(grid[0][0], self.request["title"])


@unittest.skipUnless(have_locale("de_DE.UTF-8"), "the de_DE.UTF-8 locale is not generated (.ci/install-deps)")
class GermanExport(Export):
    """The same checks in a locale whose decimal separator is a comma: 1300.012345 万元 must not
    become <v>1300,012345</v> (read as 1300 by LibreOffice and Gnumeric)."""
    LOCALE = "de_DE.UTF-8"
    CELLS = ("equipment-purchase", {"2027/local-fiscal": "1300012345", "2027/shareholder-capital": "4000000000",
                                    "2027/bank-loan": "2000000000"})
    GRAND = "22300.012345"

    def test_sheet_values_use_a_point(self):
        with zipfile.ZipFile(self.xlsx) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        values = re.findall(r"<v>([^<]*)</v>", sheet)
        self.assertIn("1300.012345", values)
        self.assertTrue(any(v.startswith("22300.01234") for v in values), values)
        for v in values:
            self.assertNotIn(",", v)

    def test_csv_uses_a_point(self):
        with open(self.csv, encoding="utf-8-sig", newline="") as f:
            grid = list(csv.reader(f))
        line = [row for row in grid if row[0] == "equipment-purchase"][0]
        self.assertIn("1300.012345", line)


class Overflow(unittest.TestCase):
    """One cell of 9223372036854.77 万元 (allowed before cells were limited to 10^12 yuan)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="icw-overflow-")
        cls.db = os.path.join(cls.tmp.name, "workbench.db")
        cls.env = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(cls.tmp.name, "data"))
        cls.env.pop("LANGUAGE", None)
        cls.run_icw("sample")
        set_cells(cls.db, "equipment-purchase", {"2027/local-fiscal": "3000000000", "2027/shareholder-capital": "4000000000",
                                                 "2027/bank-loan": "9223372036854770000"})
        cls.request = json.loads(cls.run_icw("list", "funding", "--json").stdout)[0]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def run_icw(cls, *args):
        return subprocess.run([ICW, "--db", cls.db] + list(args), capture_output=True, env=cls.env, timeout=120,
                              text=True)

    def test_check_is_an_error(self):
        result = self.run_icw("check", self.request["id"], "--json")
        self.assertEqual(result.returncode, 1, result.stderr)
        findings = json.loads(result.stdout)["findings"]
        overflow = [f for f in findings if f["rule"] == "budget-total-overflow"]
        self.assertEqual(len(overflow), 1, findings)
        self.assertEqual(overflow[0]["severity"], "error")
        self.assertEqual(overflow[0]["field"], "budget")
        self.assertIn("program's own rule", overflow[0]["citation"])
        text = self.run_icw("check", self.request["id"])
        self.assertEqual(text.returncode, 1)
        self.assertNotIn("can be marked ready", text.stdout)

    def test_show_json(self):
        result = self.run_icw("show", self.request["id"], "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        budget = json.loads(result.stdout)["budget"]
        totals = budget["totals_fen"]
        self.assertIs(totals["overflow"], True)
        for member in ("direct", "indirect", "fiscal", "self_raised", "grand", "by_year", "by_source"):
            self.assertIn(member, totals)
        self.assertIsNone(totals["grand"])
        self.assertIsNone(totals["direct"])
        self.assertIsNone(totals["self_raised"])
        self.assertEqual(totals["fiscal"], 3000000000 + 1000000000 + 2000000000 + 1000000000)
        self.assertIsNone(totals["by_year"][0])
        for value in totals["by_year"] + totals["by_source"]:
            self.assertTrue(value is None or value >= 0)
        rows = {row["category"]: row for row in budget["rows"]}
        self.assertEqual(rows["equipment-purchase"]["cells_fen"][0][2], 9223372036854770000)
        self.assertIsNone(rows["equipment"]["total_fen"])
        self.assertIn("total_fen", rows["materials"])
        # A budget that fits says so too.
        self.assertIn('"overflow"', result.stdout)

    def test_show_text(self):
        result = self.run_icw("show", self.request["id"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("overflow", result.stdout)
        listed = self.run_icw("list", "funding")
        self.assertIn("overflow", listed.stdout)

    def test_exports_refused(self):
        for fmt in ("csv", "xlsx"):
            out = os.path.join(self.tmp.name, "budget." + fmt)
            result = self.run_icw("export", self.request["id"], "--format", fmt, "-o", out)
            self.assertEqual(result.returncode, 1, fmt)
            self.assertIn(self.request["title"], result.stderr)
            self.assertIn("too large", result.stderr)
            self.assertFalse(os.path.exists(out), fmt)
            self.assertFalse(os.path.exists(out + ".part"), fmt)

    @unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
    def test_pdf(self):
        out = os.path.join(self.tmp.name, "request.pdf")
        result = self.run_icw("export", self.request["id"], "--format", "pdf", "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("overflow", text)
        self.assertNotIn("-1", re.findall(r"-\d+", text))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test-funding-export.py ICW")
    ICW = sys.argv.pop(1)
    unittest.main(verbosity=2)
