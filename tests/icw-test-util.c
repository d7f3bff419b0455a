/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-test-util.c: helpers shared by the GTest programs in tests/ (and the kill-loop helper
 * program), kept here once instead of in a copy per program. What goes wrong in them fails the
 * test (g_assert or g_error): none hands an error back to its caller. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "icw-test-util.h"
#include "icw-application-lifecycle.h"
#include "icw-i18n.h"
#include "icw-rule-pack.h"
#include "icw-sample.h"

/* Folders and stores */

/* A new folder made from tmpl (as g_dir_make_tmp takes it). With db_path, *db_path is set to
 * the path of the database file "workbench.db" in it, which is not made. */
char *
icw_test_make_tmp_dir (const char  *tmpl,
                       char       **db_path)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  if (db_path != NULL)
    *db_path = g_build_filename (dir, "workbench.db", NULL);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Removes the folder *dir (made by icw_test_make_tmp_dir) and everything in it, then frees and
 * clears *dir and, if not NULL, *db_path. */
void
icw_test_clear_tmp_dir (char **dir,
                        char **db_path)
{
  remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  if (db_path != NULL)
    g_clear_pointer (db_path, g_free);
}

/* The store on the database at path, which it opened without an error. */
IcwStore *
icw_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  IcwStore *store = icw_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

IcwStore *
icw_test_open_store_in (const char *dir,
                        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return icw_test_open_store (path);
}

/* The sample center */

void
icw_test_sample_set_up (IcwTestSample *sample,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sample->dir = icw_test_make_tmp_dir ("icw-sample-XXXXXX", &sample->path);
  sample->store = icw_test_open_store (sample->path);
  sample->center = icw_sample_load (sample->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sample->center);
}

void
icw_test_empty_set_up (IcwTestSample *sample,
                       gconstpointer  data)
{
  sample->dir = icw_test_make_tmp_dir ("icw-empty-XXXXXX", &sample->path);
  sample->store = icw_test_open_store (sample->path);
}

void
icw_test_recognized_set_up (IcwTestSample *sample,
                            gconstpointer  data)
{
  sample->dir = icw_test_make_tmp_dir ("icw-recognized-XXXXXX", &sample->path);
  sample->store = icw_test_open_store (sample->path);
  sample->center = icw_center_new ();
  icw_center_set_name (sample->center, "测试创新中心");
  icw_center_set_status (sample->center, ICW_CENTER_STATUS_RECOGNIZED);
  g_object_set (sample->center, "recognized-on", "2023-03-28", NULL);
  icw_test_save (sample->store, sample->center);
}

void
icw_test_sample_tear_down (IcwTestSample *sample,
                           gconstpointer  data)
{
  g_clear_object (&sample->center);
  g_clear_object (&sample->store);
  icw_test_clear_tmp_dir (&sample->dir, &sample->path);
}

/* The sample's application of today (its draft upgrade, found by its title; the accepted
 * 验收认定 that recognized the center is the other application of the sample). */
IcwApplication *
icw_test_sample_application (IcwStore *store)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_APPLICATION, NULL);
  IcwApplication *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwApplication) application = g_list_model_get_item (list, i);

      if (g_strcmp0 (icw_application_get_title (application), ICW_SAMPLE_APPLICATION_TITLE) == 0)
        {
          g_assert_null (found);
          found = g_object_ref (application);
        }
    }
  g_assert_nonnull (found);
  return found;
}

void
icw_test_ready_and_submit (IcwStore       *store,
                           IcwApplication *application)
{
  g_autoptr(GPtrArray) packs = icw_rule_packs_load_all (NULL);
  g_autofree char *iso = g_strconcat (icw_application_get_call_deadline (application), "T12:00:00Z", NULL);
  g_autoptr(GDateTime) deadline = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) today = g_date_time_add_days (deadline, -12);
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_application_mark_ready (store, application, packs, today, &error));
  g_assert_no_error (error);
  g_assert_true (icw_application_submit (store, application, &error));
  g_assert_no_error (error);
}

IcwApplication *
icw_test_submit_sample_application (IcwStore *store)
{
  IcwApplication *application = icw_test_sample_application (store);

  icw_test_ready_and_submit (store, application);
  return application;
}

guint
icw_test_each_document (IcwStore            *store,
                        IcwTestDocumentFunc  func,
                        gpointer             user_data)
{
  const IcwRecordKind kinds[] = { ICW_RECORD_KIND_APPLICATION, ICW_RECORD_KIND_IP_AGREEMENT,
                                  ICW_RECORD_KIND_FUNDING_REQUEST, ICW_RECORD_KIND_REPORT };
  const char *languages[] = { "en", "zh_CN" };
  const char *locales[] = { "C.UTF-8", "zh_CN.UTF-8" };
  g_autofree char *localedir = g_build_filename (g_getenv ("ICW_BUILD_ROOT"), "po", NULL);
  guint n_documents = 0;

  g_setenv ("ICW_LOCALEDIR", localedir, TRUE);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_setenv ("LANGUAGE", languages[l], TRUE);
      if (setlocale (LC_ALL, locales[l]) == NULL)
        {
          g_test_skip ("no zh_CN.UTF-8 locale");
          break;
        }
      icw_i18n_init ();
      g_assert_cmpstr (icw_rules_language (), ==, languages[l]);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autoptr(GListModel) records = icw_store_list (store, kinds[k], NULL);

          for (guint i = 0; i < g_list_model_get_n_items (records); i++)
            {
              g_autoptr(IcwRecord) record = g_list_model_get_item (records, i);
              g_autoptr(GError) error = NULL;
              g_autoptr(IcwDocument) document = icw_document_new_for_record (store, record, 2, &error);

              g_assert_no_error (error);
              func (document, languages[l], user_data);
              n_documents++;
            }
        }
    }
  setlocale (LC_ALL, "C");
  g_unsetenv ("LANGUAGE");
  return n_documents;
}

/* Records */

/* A new organization, not saved, with a name and a credit code (or NULL). */
/* Saves a record that must be accepted. */
void
icw_test_save (IcwStore *store,
               gpointer  record)
{
  g_autoptr(GError) error = NULL;

  if (!icw_store_save (store, ICW_RECORD (record), &error))
    g_error ("icw_test_save: %s", error->message);
  g_assert_no_error (error);
}

IcwOrganization *
icw_test_new_organization (const char *name,
                           const char *credit_code)
{
  IcwOrganization *org = icw_organization_new ();

  icw_organization_set_name (org, name);
  icw_organization_set_credit_code (org, credit_code);
  return org;
}

/* The same, saved in store. */
IcwOrganization *
icw_test_save_organization (IcwStore   *store,
                            const char *name,
                            const char *credit_code)
{
  g_autoptr(GError) error = NULL;
  IcwOrganization *org = icw_test_new_organization (name, credit_code);

  g_assert_true (icw_store_save (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  return org;
}

IcwOrganization *
icw_test_save_organization_of (IcwStore   *store,
                               const char *name,
                               IcwOrgKind  kind,
                               const char *province)
{
  IcwOrganization *org = icw_organization_new ();

  icw_organization_set_name (org, name);
  icw_organization_set_kind (org, kind);
  icw_organization_set_province (org, province);
  icw_test_save (store, org);
  return org;
}

/* A database read through a connection of the test's own */

/* A plain SQLite connection to path, opened with flags through vfs (NULL: the default one). */
sqlite3 *
icw_test_db_open (const char *path,
                  int         flags,
                  const char *vfs)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags, vfs) != SQLITE_OK)
    g_error ("could not open %s: %s", path, sqlite3_errmsg (db));
  return db;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql,
         const char *param)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* The first column of the first row of a query with up to one text parameter (?1, or NULL for
 * none). The query must return a row. */
gint64
icw_test_db_int (sqlite3    *db,
                 const char *sql,
                 const char *param)
{
  sqlite3_stmt *stmt = prepare (db, sql, param);
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The same as text, or NULL if the query returns no row. */
char *
icw_test_db_text (sqlite3    *db,
                  const char *sql,
                  const char *param)
{
  sqlite3_stmt *stmt = prepare (db, sql, param);
  char *value = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* A digest of every row of every table (the full-text indexes through their virtual tables, not
 * their shadow tables), in an order of their own, so that two databases that hold the same rows
 * have the same digest. With rewrite, each row's text is rewritten first (for instance to replace
 * what differs from run to run). With n_tables, *n_tables is set to the number of tables. */
char *
icw_test_db_digest (sqlite3        *db,
                    IcwTestRowFunc  rewrite,
                    gpointer        user_data,
                    guint          *n_tables)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, i);

              g_string_append_printf (row, "%s\x1f", text != NULL ? text : "\x01NULL");
            }
          if (rewrite != NULL)
            {
              g_ptr_array_add (rows, rewrite (row->str, user_data));
              g_string_free (row, TRUE);
            }
          else
            g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);

      g_ptr_array_sort (rows, compare_strings);
      g_checksum_update (sum, (const guchar *) tables->pdata[t], -1);
      for (guint i = 0; i < rows->len; i++)
        {
          g_checksum_update (sum, (const guchar *) "\x1e", 1);
          g_checksum_update (sum, (const guchar *) rows->pdata[i], -1);
        }
      g_checksum_update (sum, (const guchar *) "\x1d", 1);
    }

  if (n_tables != NULL)
    *n_tables = tables->len;
  return g_strdup (g_checksum_get_string (sum));
}

/* Errors */

/* Fails the test unless the message of error contains part (a NULL part is not checked). input,
 * if not NULL, is what was refused, and the failure names it. */
void
icw_test_assert_message_contains (const GError *error,
                                  const char   *part,
                                  const char   *input)
{
  if (part == NULL || strstr (error->message, part) != NULL)
    return;
  if (input != NULL)
    g_error ("“%s”: the message “%s” does not contain “%s”", input, error->message, part);
  g_error ("the message “%s” does not contain “%s”", error->message, part);
}

/* The kill-loop test and its helper program */

/* The text save n of the helper writes: an odd n creates the organization of that name, an even
 * one makes it the city of the anchor organization. */
char *
icw_test_kill_loop_text (gint64 n)
{
  if (n % 2 == 1)
    return g_strdup_printf ("Kill-loop organization %" G_GINT64_FORMAT " 测试单位", n);
  return g_strdup_printf ("edit %" G_GINT64_FORMAT, n);
}
