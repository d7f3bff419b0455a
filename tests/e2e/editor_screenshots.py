#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the README's window screenshots of the editors in English and Chinese into
docs/screenshots/, with the sample center (`icw sample`): the draft application checked
(application-check-*.png), the IP-sharing agreement (agreement-editor-*.png) and the funding
request's budget (funding-editor-*.png), each window at the size the pictures have always had.
Not a test (run-e2e.sh runs test_*.py only): run it as
    xvfb-run -a -s "-screen 0 1400x1200x24 -noreset" bash /work/wt/run-one-e2e.sh _build tests/e2e/editor_screenshots.py
(ICW_SHOTS="agreement-editor …" takes only those; ICW_SHOT_LANGS="zh_CN" only that language).
Look at each picture before committing it."""
import os
import subprocess
import tempfile
import time

import pyatspi
from gi.repository import GLib

from e2e_app import App

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "docs", "screenshots")
GUI = os.environ["ICW_GUI"]
ICW = os.path.join(os.path.dirname(GUI), "cli", "icw")
LOCALEDIR = os.path.join(os.path.dirname(os.path.dirname(GUI)), "po")

WORDS = {
    "en": {"title": "Innovation Center Workbench", "sections": "Sections", "applications": "Applications",
           "agreements": "IP Agreements", "funding": "Funding Requests", "check": "Check Application",
           "funding-pages": "Funding request pages", "budget": "Budget", "parties": "Parties and Shares"},
    "zh_CN": {"title": "制造业创新中心工作台", "sections": "栏目", "applications": "申报书",
              "agreements": "知识产权协议", "funding": "资金申请", "check": "检查申报书",
              "funding-pages": "资金申请页面", "budget": "预算表", "parties": "协议方与收益分配"},
}

# Each picture: the window's size, what to do before it is taken.
SHOTS = {
    "application-check": (1240, 860),
    "agreement-editor": (1280, 718),
    "funding-editor": (1400, 1150),
}


def settings_dir(width, height):
    d = tempfile.mkdtemp()
    os.makedirs(os.path.join(d, "glib-2.0", "settings"))
    with open(os.path.join(d, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write(f"[org/mfginnovation/Workbench]\nwindow-width={width}\nwindow-height={height}\n")
    return d


def start(db, lang, width, height):
    env = dict(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=settings_dir(width, height))
    if lang == "zh_CN":
        env.update(ICW_LOCALEDIR=LOCALEDIR, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8")
    return App(db, lang=lang, env=env)


def press_starting(app, prefix):
    """The button whose name or label begins with prefix (a mnemonic's "(_C)" follows in Chinese)."""
    def search():
        for acc in app.find_all(role=pyatspi.ROLE_PUSH_BUTTON, showing_only=True):
            try:
                names = [acc.name or ""] + [acc.getChildAtIndex(i).name or "" for i in range(acc.childCount)
                                            if acc.getChildAtIndex(i) is not None]
                if any(n.replace("_", "").startswith(prefix) for n in names):
                    return acc.queryAction().doAction(0) or True
            except GLib.GError:
                continue
        return None
    app._wait_for(search, f"a button “{prefix}…”")


def shoot(title, name):
    time.sleep(2.0)
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, timeout=30).stdout.decode()
    ids = [line.split()[0] for line in tree.splitlines() if f'"{title}"' in line]
    assert ids, f"no window “{title}” in {tree}"
    path = os.path.join(OUT, name)
    subprocess.run(["import", "-window", ids[0], path], check=True, timeout=30)
    print("wrote", path)


def prepare(app, lang, shot):
    words = WORDS[lang]
    sidebar = app.find(words["sections"], pyatspi.ROLE_LIST)
    if shot == "application-check":
        app.select_in(sidebar, words["applications"])
        time.sleep(1.5)
        press_starting(app, words["check"])
    elif shot == "agreement-editor":
        app.select_in(sidebar, words["agreements"])
        # The editor is built after the page: its first part's row is there once it is drawn.
        app.find(words["parties"])
    elif shot == "funding-editor":
        app.select_in(sidebar, words["funding"])
        app.select_in(app.find(words["funding-pages"], pyatspi.ROLE_LIST), words["budget"])


def main():
    shots = os.environ.get("ICW_SHOTS", " ".join(SHOTS)).split()
    for lang in os.environ.get("ICW_SHOT_LANGS", "en zh_CN").split():
        for shot in shots:
            width, height = SHOTS[shot]
            with tempfile.TemporaryDirectory() as d:
                db = os.path.join(d, "workbench.db")
                subprocess.run([ICW, "--db", db, "sample"], check=True, stdout=subprocess.DEVNULL)
                app = start(db, lang, width, height)
                try:
                    time.sleep(2)
                    prepare(app, lang, shot)
                    shoot(WORDS[lang]["title"], f"{shot}-{lang}.png")
                finally:
                    app.kill()


if __name__ == "__main__":
    main()
