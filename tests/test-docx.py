#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-docx.py: `icw export ID --format docx` of every document kind (the sample's application,
# IP-sharing agreement and funding request), in English and in Chinese, checked twice:
# - the package: the parts a Word file needs, every part well-formed XML, the headings in the
#   Heading 1/2 styles with a bookmark each, the contents a TOC field whose entries are PAGEREF
#   fields to those bookmarks, the tables' header rows marked to repeat, the footer's PAGE and
#   NUMPAGES fields, the PDF's fonts (the East Asian font of Chinese text), a title with XML's
#   special characters escaped;
# - the rendering: all six files converted by LibreOffice headless in one run (a profile of the
#   test's own) and read back with pdftotext and pdfinfo: every heading on the page the contents
#   give for it, the table cells, and the footer's "Page X of Y" / "第 X 页 共 Y 页" with Y the real
#   page count on every page.
# Skipped (77) when soffice is not installed (package libreoffice-writer-nogui).
#
# Usage: python3 tests/test-docx.py /path/to/icw   (meson test -C BUILDDIR docx)

import json
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

ICW = None
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KINDS = ("applications", "agreements", "funding")
PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
         "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/header1.xml",
         "word/footer1.xml", "docProps/core.xml")
# A title with every character XML escapes, on the agreement's cover and in its header.
TRICKY_TITLE = "R&D <协议> \"甲\" & '乙'"


def run(argv, env, timeout=120):
    result = subprocess.run(argv, capture_output=True, env=env, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError("%s failed: %s" % (" ".join(argv), result.stderr.decode(errors="replace")))
    return result.stdout.decode("utf-8")


def paragraph_text(p):
    return "".join(t.text or "" for t in p.iter(W + "t"))


class Docx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.soffice = shutil.which("soffice")
        if cls.soffice is None:
            return
        cls.tmp = tempfile.TemporaryDirectory(prefix="icw-docx-")
        tmp = cls.tmp.name
        cls.db = os.path.join(tmp, "workbench.db")
        base = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"))
        base.pop("LANGUAGE", None)
        build = os.environ.get("ICW_BUILD_ROOT")
        if build:
            base["ICW_LOCALEDIR"] = os.path.join(build, "po")
        cls.env = {"en": dict(base, LC_ALL="C.UTF-8"),
                   "zh": dict(base, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8", LANGUAGE="zh_CN")}
        run([ICW, "--db", cls.db, "sample"], cls.env["en"])
        cls.ids = {k: json.loads(run([ICW, "--db", cls.db, "list", k, "--json"], cls.env["en"]))[0]["id"]
                   for k in KINDS}
        with sqlite3.connect(cls.db) as conn:
            conn.execute("UPDATE ip_agreements SET title = ? WHERE id = ?", (TRICKY_TITLE, cls.ids["agreements"]))
        conn.close()
        cls.files = {}
        for lang in ("en", "zh"):
            for kind in KINDS:
                path = os.path.join(tmp, "%s-%s.docx" % (lang, kind))
                run([ICW, "--db", cls.db, "export", cls.ids[kind], "--format", "docx", "-o", path], cls.env[lang])
                cls.files[lang, kind] = path
                # The same document as PDF, whose contents' numbers the Word file's contents show.
                run([ICW, "--db", cls.db, "export", cls.ids[kind], "--format", "pdf", "-o", path[:-5] + ".icw.pdf"],
                    cls.env[lang])
        out = os.path.join(tmp, "pdf")
        run([cls.soffice, "-env:UserInstallation=file://" + os.path.join(tmp, "lo-profile"), "--headless",
             "--convert-to", "pdf", "--outdir", out] + sorted(cls.files.values()),
            dict(base, HOME=tmp), timeout=180)
        cls.pdfs = {key: os.path.join(out, os.path.basename(path)[:-5] + ".pdf") for key, path in cls.files.items()}

    @classmethod
    def tearDownClass(cls):
        if cls.soffice is not None:
            cls.tmp.cleanup()

    def setUp(self):
        if self.soffice is None:
            self.skipTest("soffice is not installed")

    def parts(self, key):
        with zipfile.ZipFile(self.files[key]) as z:
            self.assertIsNone(z.testzip())
            names = z.namelist()
            for part in PARTS:
                self.assertIn(part, names)
            return {name: ET.fromstring(z.read(name)) for name in names}

    def headings(self, document):
        """[(level, text, bookmark name)] of the body's Heading paragraphs."""
        found = []
        for p in document.iter(W + "p"):
            style = p.find(W + "pPr/" + W + "pStyle")
            if style is None or not style.get(W + "val").startswith("Heading"):
                continue
            mark = p.find(W + "bookmarkStart")
            self.assertIsNotNone(mark, "a heading without bookmark: " + paragraph_text(p))
            found.append((int(style.get(W + "val")[7:]), paragraph_text(p), mark.get(W + "name")))
        return found

    def test_package(self):
        for key in self.files:
            with self.subTest(key=key):
                parts = self.parts(key)
                document = parts["word/document.xml"]
                headings = self.headings(document)
                self.assertGreater(len(headings), 2)
                self.assertTrue({level for level, _, _ in headings} <= {1, 2})
                instructions = [i.text.strip() for i in document.iter(W + "instrText")]
                self.assertTrue(instructions[0].startswith("TOC \\o \"1-3\""), instructions[0])
                pagerefs = [i.split()[1] for i in instructions if i.startswith("PAGEREF")]
                self.assertEqual(pagerefs, [name for _, _, name in headings])
                links = [h.get(W + "anchor") for h in document.iter(W + "hyperlink")]
                self.assertEqual(links, pagerefs)
                # Every table's first row repeats; its header cells are shaded.
                tables = list(document.iter(W + "tbl"))
                self.assertGreater(len(tables), 0)
                for table in tables:
                    rows = table.findall(W + "tr")
                    grid = table.findall(W + "tblGrid/" + W + "gridCol")
                    for row in rows:
                        self.assertEqual(len(row.findall(W + "tc")), len(grid))
                    if rows[0].find(W + "trPr/" + W + "tblHeader") is not None:
                        self.assertIsNotNone(rows[0].find(".//" + W + "shd"))
                self.assertTrue(any(t.findall(W + "tr")[0].find(W + "trPr/" + W + "tblHeader") is not None
                                    for t in tables))
                footer = [i.text.strip() for i in parts["word/footer1.xml"].iter(W + "instrText")]
                self.assertEqual(footer, ["PAGE", "NUMPAGES"])
                # The PDF's fonts: FangSong body, SimHei and KaiTi headings, for East Asian text too.
                styles = {s.get(W + "styleId"): s for s in parts["word/styles.xml"].iter(W + "style")}
                for style, font in (("BodyText", "FangSong"), ("Heading1", "SimHei"), ("Heading2", "KaiTi")):
                    fonts = styles[style].find(W + "rPr/" + W + "rFonts")
                    self.assertEqual(fonts.get(W + "eastAsia"), font)
                    self.assertEqual(fonts.get(W + "ascii"), font)
                self.assertEqual(styles["Heading1"].find(W + "pPr/" + W + "outlineLvl").get(W + "val"), "0")
                lang = parts["word/styles.xml"].find(".//" + W + "lang")
                self.assertEqual(lang.get(W + "eastAsia"), "zh-CN")
                self.assertEqual(lang.get(W + "val"), "zh-CN" if key[0] == "zh" else "en-GB")

    def test_refusals(self):
        # A record without a document, and a file that cannot be written: exit 1, a message that
        # says why and names the file, and nothing left under the name (nor a .part beside it).
        env = self.env["en"]
        center = json.loads(run([ICW, "--db", self.db, "list", "centers", "--json"], env))[0]["id"]
        out = os.path.join(self.tmp.name, "center.docx")
        result = subprocess.run([ICW, "--db", self.db, "export", center, "--format", "docx", "-o", out],
                                capture_output=True, env=env, timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertIn("the docx format exports center applications", result.stderr.decode())
        self.assertFalse(os.path.exists(out))
        bad = os.path.join(self.tmp.name, "no-such-folder", "协议.docx")
        result = subprocess.run([ICW, "--db", self.db, "export", self.ids["agreements"], "--format", "docx", "-o", bad],
                                capture_output=True, env=env, timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertIn("协议.docx", result.stderr.decode())
        self.assertFalse(os.path.exists(bad))
        self.assertFalse(os.path.exists(bad + ".part"))

    def test_escaping(self):
        for lang in ("en", "zh"):
            parts = self.parts((lang, "agreements"))
            title = paragraph_text(next(p for p in parts["word/document.xml"].iter(W + "p")
                                        if p.find(W + "pPr/" + W + "pStyle").get(W + "val") == "Title"))
            self.assertEqual(title, TRICKY_TITLE)
            self.assertEqual(paragraph_text(parts["word/header1.xml"].find(W + "p")), TRICKY_TITLE)
            core = parts["docProps/core.xml"]
            self.assertEqual(core.find("{http://purl.org/dc/elements/1.1/}title").text, TRICKY_TITLE)

    def test_title_balanced(self):
        # The Chinese application's title takes two lines on the cover: the Word file breaks it
        # where the PDF does, into lines of about the same length (no "建设方" / "案").
        document = self.parts(("zh", "applications"))["word/document.xml"]
        title = next(p for p in document.iter(W + "p")
                     if p.find(W + "pPr/" + W + "pStyle").get(W + "val") == "Title")
        run = title.find(W + "r")
        pieces, current = [], ""
        for child in run:
            if child.tag == W + "t":
                current += child.text or ""
            elif child.tag == W + "br":
                pieces.append(current)
                current = ""
        pieces.append(current)
        self.assertEqual(len(pieces), 2, pieces)
        self.assertLessEqual(abs(len(pieces[0]) - len(pieces[1])), 2, pieces)

    @staticmethod
    def contents(pages, leader=r"\s*\.{2,}\s*"):
        """[(entry text without spaces, number)] of the contents lines that end in a number after
        the leader: dots in LibreOffice's PDF; the icw PDF draws its dots, so text shows spaces."""
        entries = []
        for page in pages[1:4]:
            for line in page.splitlines():
                m = re.match(r"^\s*(.*?)" + leader + r"(\d+)\s*$", line)
                if m:
                    entries.append((re.sub(r"\s+", "", m.group(1)), int(m.group(2))))
        return entries

    def pages(self, key, pdf=None):
        pdf = pdf or self.pdfs[key]
        info = run(["pdfinfo", pdf], os.environ)
        n = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        return [run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-"], os.environ) for i in range(1, n + 1)]

    def test_rendered(self):
        for key in self.files:
            with self.subTest(key=key):
                pages = self.pages(key)
                n = len(pages)
                document = self.parts(key)["word/document.xml"]
                headings = self.headings(document)
                flat = [re.sub(r"\s+", "", page) for page in pages]
                # The footer on every page but the cover, with the real page count.
                for i, page in enumerate(flat[1:], start=2):
                    expected = "第%d页共%d页" % (i, n) if key[0] == "zh" else "Page%dof%d" % (i, n)
                    self.assertIn(expected, page)
                self.assertNotIn("Pageof", flat[0])
                self.assertNotIn("第1页", flat[0])
                # The contents: each heading with the number of the PDF's contents (cached in its
                # PAGEREF field: LibreOffice shows a TOC field's result as written until it is
                # updated), and the headings in the body in the same order.
                entries = self.contents(pages)
                pdf_entries = dict(self.contents(self.pages(key, self.files[key][:-5] + ".icw.pdf"), r"\s{2,}"))
                self.assertGreaterEqual(len(entries), len([h for h in headings if len(h[1]) < 20]))
                matched = 0
                for text, number in entries:
                    self.assertTrue(any(re.sub(r"\s+", "", h[1]).endswith(text) for h in headings), text)
                    if text in pdf_entries:
                        self.assertEqual(number, pdf_entries[text], text)
                        matched += 1
                self.assertGreaterEqual(matched, len(entries) // 2)
                position = 0
                body = "".join(flat[2:])
                for _, text, _ in headings:
                    found = body.find(re.sub(r"\s+", "", text), position)
                    self.assertGreaterEqual(found, 0, "heading not in the body (or out of order): " + text)
                    position = found
                # Table cells: every short body cell (one that does not wrap, so that the text of its
                # neighbours does not interleave; header cells of narrow columns do) is in the
                # text, and there are many.
                text = "".join(flat)
                checked = 0
                for table in document.iter(W + "tbl"):
                    for row in table.findall(W + "tr"):
                        if row.find(W + "trPr/" + W + "tblHeader") is not None:
                            continue
                        for cell in row.findall(W + "tc"):
                            cell_text = re.sub(r"\s+", "", "".join(t.text or "" for t in cell.iter(W + "t")))
                            if 0 < len(cell_text) <= 8:
                                self.assertIn(cell_text, text)
                                checked += 1
                self.assertGreater(checked, 10)
                if key[0] == "zh":
                    self.assertIn("目录", flat[1])
                else:
                    self.assertIn("Contents", flat[1])


if __name__ == "__main__":
    ICW = sys.argv.pop(1)
    if shutil.which("soffice") is None:
        print("test-docx: soffice is not installed (package libreoffice-writer-nogui); skipped")
        sys.exit(77)
    unittest.main()
