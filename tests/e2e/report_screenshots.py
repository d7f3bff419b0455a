#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the screenshots of issue 16's window parts in English and Chinese into docs/screenshots/
(report-*-{en,zh_CN}.png): the readiness panel on the sample center's page, and the 考核指标
table and the indicator charts of the sample's draft year. Not a test
(run-e2e.sh runs test_*.py only): run it from the source tree with an accessibility bus, as
editor_screenshots.py is run (docs/architecture.md), with this file's name and the screen
`xvfb-run -a -s "-screen 0 1280x4500x24 -noreset"`: the window is made as tall as the center's whole
page (GTK 4.8 cannot scroll or focus through AT-SPI), and each picture is cropped to the part's
accessible extents."""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

from e2e_app import App

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "docs", "screenshots")
GUI = os.environ["ICW_GUI"]
ICW = os.path.join(os.path.dirname(GUI), "cli", "icw")
LOCALEDIR = os.path.join(os.path.dirname(os.path.dirname(GUI)), "po")
WIDTH, HEIGHT = 1280, int(os.environ.get("ICW_SHOT_HEIGHT", "4400"))

FILLED = {lang: [("中试验证服务", "150", {"en": "The deep-water pressure chamber ran only from the second quarter; "
                                                 "160 a year from 2027.",
                                           "zh_CN": "深水压力试验舱二季度起投入运行，2027年起年服务不少于一百六十台次。"}[lang]),
                 ("年度研发投入", "2100", None), ("突破共性关键技术", "4", None), ("发明专利申请", "46", None)]
          for lang in ("en", "zh_CN")}

KINDS = {"en": {"annual-assessment": "Annual assessment", "evaluation": "Periodic evaluation"},
         "zh_CN": {"open": "打开{year}年{kind}", "title": "{year}年{kind}", "table": "考核指标表", "actual": "完成值，{}", "comment": "未完成说明，{}","annual-assessment": "年度考核", "evaluation": "定期评估"}}

WORDS = {
    "en": {"open": "Open {year} {kind}", "title": "{year} {kind}", "table": "Assessment indicators (考核指标)", "actual": "Actual, {}", "comment": "Comment, {}","last": "The latest assessment grade", "readiness": "Readiness to Upgrade to National",
           "sections": "Sections", "reports": "Reports", "indicators": "Indicators",
           "pages": "Report pages", "charts": "Indicator charts"},
    "zh_CN": {"open": "打开{year}年{kind}", "title": "{year}年{kind}", "table": "考核指标表", "actual": "完成值，{}", "comment": "未完成说明，{}","last": "最近一次考核评估等次", "readiness": "升级为国家中心的准备情况",
              "sections": "栏目", "reports": "考核评估报告", "indicators": "考核指标",
              "pages": "报告页面", "charts": "指标图表"},
}


def settings_dir():
    d = tempfile.mkdtemp()
    os.makedirs(os.path.join(d, "glib-2.0", "settings"))
    with open(os.path.join(d, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write(f"[org/mfginnovation/Workbench]\nwindow-width={WIDTH}\nwindow-height={HEIGHT}\n")
    return d


def start(db, lang):
    env = dict(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=settings_dir())
    if lang == "zh_CN":
        env.update(ICW_LOCALEDIR=LOCALEDIR, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8")
    return App(db, lang=lang, env=env)


def extents(acc):
    e = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x, e.y, e.width, e.height


def shoot(name, box):
    x, y, w, h = [max(0, int(v)) for v in box]
    path = os.path.join(OUT, name)
    subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", "+repage", path], check=True)
    print("wrote", path)


def readiness(app, lang):
    words = WORDS[lang]
    title = app.find(words["readiness"])
    last = app.find(words["last"])
    tx, ty, tw, th = extents(title)
    lx, ly, lw, lh = extents(last)
    shoot(f"report-readiness-{lang}.png", (max(tx - 40, 0), ty - 12, 760, ly + 120 - ty))


def draft(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT year, kind FROM reports WHERE status = 'draft' AND deleted_at IS NULL").fetchone()
    finally:
        con.close()


def report_parts(app, lang, db):
    words = WORDS[lang]
    year, kind = draft(db)
    names = dict(year=year, kind=KINDS[lang][kind])
    app.click(words["open"].format(**names))
    window = app.window(words["title"].format(**names))
    pages = app._wait_for(lambda: next(iter(app.find_all(words["pages"], pyatspi.ROLE_LIST, within=window)), None),
                          "the report's pages")
    pages.querySelection().selectChild(1)
    time.sleep(2.0)
    # Some of the year's actuals typed, two of them short of their targets with a comment.
    for name, actual, comment in FILLED[lang]:
        app.find_entry(words["actual"].format(name), within=window).queryEditableText().setTextContents(actual)
        if comment:
            app.find_entry(words["comment"].format(name), within=window).queryEditableText().setTextContents(comment)
    time.sleep(2.0)
    table = app.find(words["table"])
    x, y, w, h = extents(table)
    shoot(f"report-indicators-{lang}.png", (x - 12, y - 12, w + 24, h + 24))
    charts = app.find(words["charts"])
    images = [extents(a) for a in app.find_all(role=pyatspi.ROLE_IMAGE, within=charts)]
    first = [e for e in images if e[1] == images[0][1]]   # the first line of charts
    x0 = min(e[0] for e in first)
    x1 = max(e[0] + e[2] for e in first)
    y0, h0 = first[0][1], max(e[3] for e in first)
    shoot(f"report-chart-{lang}.png", (x0 - 8, y0 - 8, x1 - x0 + 16, h0 + 16))


def main():
    lang_list = sys.argv[1:] or ["en", "zh_CN"]
    for lang in lang_list:
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "workbench.db")
            subprocess.run([ICW, "--db", db, "sample"], check=True, stdout=subprocess.DEVNULL)
            app = start(db, lang)
            try:
                time.sleep(2)
                readiness(app, lang)
                report_parts(app, lang, db)
            finally:
                app.kill()


if __name__ == "__main__":
    main()
