#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of a review as the administrator sees it: a real `icw serve` on loopback, the
administrator's database with the sample (pushed, marked ready and submitted with the command
line), a reviewer's database that returns the application with a comment on the "Risks and
controls" section by its key (`icw review return --section risks`), the administrator's database
synced; then the real ic-workbench window on it, in English and in Chinese: the returned
application's banner shows the comment with what it is about in the window's language, and the
section's page shows it beside it. Every wait is for a condition, never a fixed sleep alone."""
import json
import os
import sys
import time
import unittest

import pyatspi

from e2e_app import App, ServerTestCase

TITLE = "国家海洋工程装备创新中心建设方案"
ON_RISKS = "请补充市场风险及其控制措施。"


class ReviewEndToEnd(ServerTestCase):
    prefix = "icw-e2e-review-"

    def setUp(self):
        super().setUp()
        self.app = None
        self.env.update(SECRET_BACKEND="file", SECRET_FILE_TEST_PATH=self.path("test.keyring"),
                        SECRET_FILE_TEST_PASSWORD="test")

    def tearDown(self):
        if self.app is not None:
            self.app.kill()
        super().tearDown()

    def label_containing(self, app, *parts):
        return app._wait_for(
            lambda: next((a for a in app.find_all(role=pyatspi.ROLE_LABEL)
                          if all(p in (a.name or "") for p in parts)), None),
            "a label saying " + " … ".join(parts))

    def open_application(self, app, sections, applications, search):
        self.select_page(app, sections, applications)
        app.find_entry(search).queryEditableText().setTextContents(TITLE)
        time.sleep(1.0)

    def select_page(self, app, list_name, page):
        app.select_in(app.find(list_name, pyatspi.ROLE_LIST), page)

    def test_returned_with_an_anchored_comment(self):
        server_db = self.path("server.db")
        url = self.start_server()
        admin_db, review_db = os.path.join(self.dir, "admin.db"), os.path.join(self.dir, "review.db")
        center_id = self.icw("--db", admin_db, "sample").strip()
        province = json.loads(self.icw("--db", admin_db, "show", center_id, "--json"))["province"]
        # The sample's draft upgrade (the other application is the accepted 验收认定 of its history).
        app_id = next(a["id"] for a in json.loads(self.icw("--db", admin_db, "list", "applications", "--json"))
                      if a["title"] == TITLE)
        admin = self.icw("serve", "token", "add", "--db", server_db, "--role", "admin", "--center", center_id).strip()
        reviewer = self.icw("serve", "token", "add", "--db", server_db, "--role", "reviewer",
                            "--province", province).strip()
        self.icw("--db", admin_db, "sync", "--server", url, token=admin)
        self.icw("--db", admin_db, "ready", app_id, "--server", url, token=admin)
        self.icw("--db", admin_db, "submit", app_id, "--server", url, token=admin)
        self.icw("--db", review_db, "review", "return", app_id, "--comment", ON_RISKS, "--section", "risks",
                 "--server", url, token=reviewer)
        self.icw("--db", admin_db, "sync", "--server", url, token=admin)
        self.server.terminate()
        self.server.communicate(timeout=10)

        # English: the banner names the section; its page shows the comment beside it.
        self.app = App(admin_db)
        self.open_application(self.app, "Sections", "Applications", "Search applications")
        self.label_containing(self.app, "Returned", "Risks and controls (", ON_RISKS)
        self.select_page(self.app, "Application sections", "Risks and controls")
        self.app._wait_for(lambda: next((a for a in self.app.find_all(role=pyatspi.ROLE_LABEL, showing_only=True)
                                         if a.name == ON_RISKS), None), "the comment beside its section")
        self.assertEqual(self.app.quit(), 0)
        self.app = None

        # Chinese, from the build tree's catalogue: the same comment under the section's Chinese title.
        localedir = os.path.join(os.path.dirname(os.path.dirname(os.environ["ICW_GUI"])), "po")
        self.app = App(admin_db, lang="zh_CN", env=dict(ICW_LOCALEDIR=localedir, LC_ALL="zh_CN.UTF-8",
                                                         LANG="zh_CN.UTF-8"))
        self.open_application(self.app, "栏目", "申报书", "搜索申报书")
        self.label_containing(self.app, "风险与控制（", ON_RISKS)
        self.assertEqual(self.app.quit(), 0)
        self.app = None


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
