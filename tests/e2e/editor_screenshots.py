#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the README's window screenshots of the editors in English and Chinese into
docs/screenshots/, with the sample center (`icw sample`): the draft application checked
(application-check-*.png), the IP-sharing agreement (agreement-editor-*.png) and the funding
request's budget (funding-editor-*.png), a reviewer's inbox and province overview against a real
`icw serve` to which the sample's drafts were submitted (reviewer-*.png), and the sync conflicts
view of two windows that changed the same field (sync-conflicts-*.png), each window at the size
the pictures have always had.
Not a test (run-e2e.sh runs test_*.py only): run it from the source tree with an accessibility
bus, as docs/architecture.md shows:
    xvfb-run -a -s "-screen 0 1400x1200x24 -noreset" dbus-run-session -- sh -c '/usr/libexec/at-spi-bus-launcher \
      --launch-immediately & sleep 1; GSETTINGS_SCHEMA_DIR=_build/data GTK_A11Y=atspi GSK_RENDERER=cairo \
      ICW_GUI=_build/src/ic-workbench LC_ALL=en_US.UTF-8 /usr/bin/python3 tests/e2e/editor_screenshots.py'
(ICW_SHOTS="agreement-editor …" takes only those; ICW_SHOT_LANGS="zh_CN" only that language). The
English pictures need an English locale that groups amounts (en_US.UTF-8: "24,000.00"; under
C.UTF-8 they read "24000.00").
Look at each picture before committing it."""
import json
import os
import re
import sqlite3
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
           "funding-pages": "Funding request pages", "budget": "Budget", "parties": "Parties and Shares",
           "inbox": "Inbox", "overview": "Province Overview", "sync-status": "Sync Status",
           "conflicts": "Sync Conflicts"},
    "zh_CN": {"title": "制造业创新中心工作台", "sections": "栏目", "applications": "申报书",
              "agreements": "知识产权协议", "funding": "资金申请", "check": "检查申报书",
              "funding-pages": "资金申请页面", "budget": "预算表", "parties": "协议方与收益分配",
              "inbox": "收件箱", "overview": "全省总览", "sync-status": "同步状态",
              "conflicts": "同步冲突"},
}

# Each picture: the window's size, what to do before it is taken.
SHOTS = {
    "application-check": (1240, 860),
    "agreement-editor": (1280, 718),
    "funding-editor": (1400, 1150),
    # A reviewer's window on an empty database, signed in to a server to which the sample's
    # administrator submitted its three drafts (the application, the agreement, the funding request).
    "reviewer-inbox": (1240, 820),
    "reviewer-overview": (1240, 820),
    # B's window of two that changed the sample center's city, with the conflicts view open.
    "sync-conflicts": (1280, 800),
}


def settings_dir(width, height, more=None):
    d = tempfile.mkdtemp()
    os.makedirs(os.path.join(d, "glib-2.0", "settings"))
    with open(os.path.join(d, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write(f"[org/mfginnovation/Workbench]\nwindow-width={width}\nwindow-height={height}\n{more or ''}")
    return d


def icw(*args, token=None):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("ICW_TOKEN", None)
    if token is not None:
        env["ICW_TOKEN"] = token
    return subprocess.run([ICW] + list(args), check=True, capture_output=True, env=env, timeout=120).stdout.decode()


def submitted_server(d):
    """`icw serve` with the sample center's three drafts submitted; its process, address and a
    reviewer's token for the sample's province."""
    admin_db, server_db = os.path.join(d, "admin.db"), os.path.join(d, "server.db")
    center = icw("--db", admin_db, "sample").strip()
    province = json.loads(icw("--db", admin_db, "show", center, "--json"))["province"]
    server = subprocess.Popen([ICW, "serve", "--db", server_db, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=dict(os.environ, GIO_USE_PROXY_RESOLVER="dummy"))
    url = re.match(r"^Listening on (\S+)\n$", server.stdout.readline().decode()).group(1)
    try:
        admin = icw("serve", "token", "add", "--db", server_db, "--role", "admin", "--center", center).strip()
        reviewer = icw("serve", "token", "add", "--db", server_db, "--role", "reviewer",
                       "--province", province).strip()
        icw("--db", admin_db, "sync", "--server", url, token=admin)
        for kind in ("applications", "agreements", "funding"):
            for doc in json.loads(icw("--db", admin_db, "list", kind, "--json")):
                if doc.get("status") == "draft":
                    icw("--db", admin_db, "ready", doc["id"], "--server", url, token=admin)
                    icw("--db", admin_db, "submit", doc["id"], "--server", url, token=admin)
    except BaseException:
        server.terminate()
        server.communicate(timeout=10)
        raise
    return server, url, reviewer


def start(db, lang, width, height, more=None):
    env = dict(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=settings_dir(width, height, more))
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


def outbox_empty(db, center, city):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
        saved = conn.execute("SELECT city FROM centers WHERE id = ?", (center,)).fetchone()[0] == city
        return saved and conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def sync_conflict(d):
    """Two databases synced through one server, the sample center's city changed in both (A's
    pushed first, in a window of its own), so that B holds a conflict; B's database, the server,
    its address and the token."""
    db_a, db_b, server_db = (os.path.join(d, n) for n in ("a.db", "b.db", "server.db"))
    center = icw("--db", db_a, "sample").strip()
    server = subprocess.Popen([ICW, "serve", "--db", server_db, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=dict(os.environ, GIO_USE_PROXY_RESOLVER="dummy"))
    url = re.match(r"^Listening on (\S+)\n$", server.stdout.readline().decode()).group(1)
    token = icw("serve", "token", "add", "--db", server_db, "--role", "admin", "--center", center).strip()
    icw("--db", db_a, "sync", "--server", url, token=token)
    icw("--db", db_b, "sync", "--server", url, token=token)
    # Both windows open before either edits (B would otherwise pull A's change first).
    apps = {}
    for db in (db_a, db_b):
        os.environ.update(ICW_TOKEN=token, GIO_USE_PROXY_RESOLVER="dummy", SECRET_BACKEND="file",
                          SECRET_FILE_TEST_PATH=db + ".keyring", SECRET_FILE_TEST_PASSWORD="test")
        apps[db] = start(db, "en", 1280, 800, f"sync-server-url='{url}'\n")
    try:
        for db, city in ((db_a, "济南市历下区"), (db_b, "青岛市崂山区")):
            app = apps[db]
            app.find("齐鲁海洋工程装备制造业创新中心")
            app.type_into("City", city)
            # The window syncs by itself 10 s after the edit: A's goes out, B's comes back refused.
            if db == db_a:
                app._wait_for(lambda: outbox_empty(db, center, city), "A's edit saved and sent")
            else:
                app._wait_for(lambda: (app.find_button("Sync Status").description or "").startswith(
                    "Needs attention") or None, "B's conflict")
    except BaseException:
        server.terminate()
        server.communicate(timeout=10)
        raise
    finally:
        for app in apps.values():
            app.kill()
    return db_b, server, url, token


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
    elif shot == "sync-conflicts":
        app.click(words["sync-status"])
        app.window(words["conflicts"])
    elif shot.startswith("reviewer-"):
        # The inbox lists the three submissions once pulled.
        app._wait_for(lambda: len([a for a in app.find_all(role=pyatspi.ROLE_LIST_ITEM, showing_only=True)
                                   if "国家海洋" in (a.name or "") or "成员知识产权" in (a.name or "")]) >= 3
                      or None, "the three submissions in the inbox")
        if shot == "reviewer-overview":
            app.select_in(sidebar, words["overview"])


def main():
    shots = os.environ.get("ICW_SHOTS", " ".join(SHOTS)).split()
    for lang in os.environ.get("ICW_SHOT_LANGS", "en zh_CN").split():
        for shot in shots:
            width, height = SHOTS[shot]
            with tempfile.TemporaryDirectory() as d:
                db = os.path.join(d, "workbench.db")
                server = None
                if shot == "sync-conflicts":
                    db, server, url, token = sync_conflict(d)
                    app = start(db, lang, width, height, f"sync-server-url='{url}'\n")
                elif shot.startswith("reviewer-"):
                    server, url, reviewer = submitted_server(d)
                    os.environ.update(ICW_TOKEN=reviewer, GIO_USE_PROXY_RESOLVER="dummy", SECRET_BACKEND="file",
                                      SECRET_FILE_TEST_PATH=os.path.join(d, "test.keyring"),
                                      SECRET_FILE_TEST_PASSWORD="test")
                    app = start(db, lang, width, height, f"sync-server-url='{url}'\n")
                else:
                    subprocess.run([ICW, "--db", db, "sample"], check=True, stdout=subprocess.DEVNULL)
                    app = start(db, lang, width, height)
                try:
                    time.sleep(2)
                    prepare(app, lang, shot)
                    title = WORDS[lang]["conflicts" if shot == "sync-conflicts" else "title"]
                    shoot(title, f"{shot}-{lang}.png")
                finally:
                    app.kill()
                    if server is not None:
                        server.terminate()
                        server.communicate(timeout=10)
                    for name in ("ICW_TOKEN", "SECRET_FILE_TEST_PATH"):
                        os.environ.pop(name, None)


if __name__ == "__main__":
    main()
