/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-test-util.h: helpers shared by the GTest programs in tests/ (and the kill-loop helper
 * program): temporary folders, opening a store, making organizations, reading a database through
 * a plain SQLite connection of the test's own, digests of what its tables hold, and checks of
 * error messages.
 * GLib and the core library only, no GTK, so that every test program can link it. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-document.h"
#include "icw-organization.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* Folders and stores. */

char            *icw_test_make_tmp_dir            (const char     *tmpl,
                                                   char          **db_path);
void             icw_test_clear_tmp_dir           (char          **dir,
                                                   char          **db_path);
IcwStore        *icw_test_open_store              (const char     *path);
/* The store of the database NAME in the folder DIR. */
IcwStore        *icw_test_open_store_in           (const char     *dir,
                                                   const char     *name);

/* The sample center (icw-sample.h) loaded into a store of its own in a temporary folder: a
 * GTest fixture (g_test_add (…, IcwTestSample, NULL, icw_test_sample_set_up, …,
 * icw_test_sample_tear_down)); the tear-down removes the folder. */

typedef struct {
  char      *dir;
  char      *path;
  IcwStore  *store;
  IcwCenter *center;
} IcwTestSample;

void             icw_test_sample_set_up           (IcwTestSample  *sample,
                                                   gconstpointer   data);
void             icw_test_sample_tear_down        (IcwTestSample  *sample,
                                                   gconstpointer   data);
/* The same fixture with an empty store (no center). */
void             icw_test_empty_set_up            (IcwTestSample  *sample,
                                                   gconstpointer   data);
/* The same fixture with one center instead of the sample, 测试创新中心, recognized on 2023-03-28
 * (for what follows recognition: the 任务书's versions, reports); icw_test_sample_tear_down ends
 * it too. */
void             icw_test_recognized_set_up       (IcwTestSample  *sample,
                                                   gconstpointer   data);
/* The sample's application of today, its draft upgrade (by ICW_SAMPLE_APPLICATION_TITLE). */
IcwApplication  *icw_test_sample_application      (IcwStore       *store);

/* Marks APPLICATION ready as of 12 days before its call's deadline (noon UTC: a day the rule
 * packs take) and submits it, both asserted. */
void             icw_test_ready_and_submit        (IcwStore       *store,
                                                   IcwApplication *application);
/* The sample's application of today (icw_test_sample_application), ready and submitted. */
IcwApplication  *icw_test_submit_sample_application (IcwStore     *store);

/* Every document of the records in STORE (the sample's two applications, agreement, funding
 * request, reports) made in English, then in Chinese with the build's catalogue (ICW_BUILD_ROOT/po),
 * each given to FUNC with its language ("en", "zh_CN") while that language is in force; the
 * locale is "C" again after. Returns how many; the Chinese pass is skipped, and the test marked
 * skipped, on a machine without a zh_CN.UTF-8 locale. */
typedef void (*IcwTestDocumentFunc) (IcwDocument *document,
                                     const char  *language,
                                     gpointer     user_data);
guint            icw_test_each_document           (IcwStore            *store,
                                                   IcwTestDocumentFunc  func,
                                                   gpointer             user_data);

/* Records. */

void             icw_test_save                    (IcwStore       *store,
                                                   gpointer        record);
IcwOrganization *icw_test_new_organization        (const char     *name,
                                                   const char     *credit_code);
IcwOrganization *icw_test_save_organization       (IcwStore       *store,
                                                   const char     *name,
                                                   const char     *credit_code);
/* An organization of KIND in PROVINCE, saved in store. */
IcwOrganization *icw_test_save_organization_of    (IcwStore       *store,
                                                   const char     *name,
                                                   IcwOrgKind      kind,
                                                   const char     *province);

/* A database read through a connection of the test's own, never through the store. */

/* Rewrites the text of one row (each column's text followed by \x1f, NULL spelt "\x01NULL")
 * before it goes into a digest; returns a newly allocated string. */
typedef char *(*IcwTestRowFunc) (const char *row,
                                 gpointer    user_data);

sqlite3         *icw_test_db_open                 (const char     *path,
                                                   int             flags,
                                                   const char     *vfs);
gint64           icw_test_db_int                  (sqlite3        *db,
                                                   const char     *sql,
                                                   const char     *param);
char            *icw_test_db_text                 (sqlite3        *db,
                                                   const char     *sql,
                                                   const char     *param);
char            *icw_test_db_digest               (sqlite3        *db,
                                                   IcwTestRowFunc  rewrite,
                                                   gpointer        user_data,
                                                   guint          *n_tables);

/* Errors. */

void             icw_test_assert_message_contains (const GError   *error,
                                                   const char     *part,
                                                   const char     *input);

/* The kill-loop test and the kill-helper program it starts: what the helper saves. */

#define ICW_TEST_KILL_LOOP_ANCHOR_NAME "Kill-loop anchor 锚点单位"

char            *icw_test_kill_loop_text          (gint64          n);

G_END_DECLS
