/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review-overview.c: the reviewer's overview rows on a real store (the sample center, its
 * application submitted), and their xlsx export unzipped and read back from the sheet's XML. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-review-overview.h"
#include "icw-test-util.h"

static char *
unzip_member (const char *path,
              const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_rows (IcwTestSample *f,
           gconstpointer  data)
{
  g_autoptr(IcwApplication) application = icw_test_submit_sample_application (f->store);
  g_autoptr(GPtrArray) inbox = icw_review_overview_rows (f->store, TRUE);
  g_autoptr(GPtrArray) all = icw_review_overview_rows (f->store, FALSE);
  IcwReviewOverviewRow *row;

  g_assert_cmpuint (inbox->len, ==, 1);
  row = inbox->pdata[0];
  g_assert_cmpstr (row->record_id, ==, icw_record_get_id (ICW_RECORD (application)));
  g_assert_cmpstr (row->center, ==, icw_center_get_name (f->center));
  g_assert_true (g_str_has_suffix (row->document, icw_application_get_title (application)));
  g_assert_cmpint (row->version, ==, 1);
  g_assert_cmpint (row->status, ==, ICW_APPLICATION_STATUS_SUBMITTED);
  g_assert_nonnull (row->submitted);
  g_assert_cmpuint (strlen (row->submitted), ==, 10);
  g_assert_cmpstr (row->deadline, ==, icw_application_get_call_deadline (application));

  /* The overview: the application and the sample's other documents, none submitted but it. */
  g_assert_cmpuint (all->len, >, 1);
  for (guint i = 0; i < all->len; i++)
    {
      IcwReviewOverviewRow *r = all->pdata[i];

      g_assert_cmpstr (r->center, ==, icw_center_get_name (f->center));
      g_assert_nonnull (r->record_id);
      if (r->status != ICW_APPLICATION_STATUS_SUBMITTED)
        g_assert_null (r->submitted);
    }
}

static void
test_xlsx (IcwTestSample *f,
           gconstpointer  data)
{
  g_autoptr(IcwApplication) application = icw_test_submit_sample_application (f->store);
  g_autoptr(GPtrArray) rows = icw_review_overview_rows (f->store, FALSE);
  g_autofree char *path = g_build_filename (f->dir, "overview.xlsx", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "overview.xlsx", NULL);
  g_autofree char *taken = g_build_filename (f->dir, "taken.xlsx", NULL);
  g_autofree char *taken_part = g_strconcat (taken, ".part", NULL);
  g_autofree char *kept = g_build_filename (taken, "kept.txt", NULL);
  g_autofree char *strings = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *last_row = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_review_overview_write_xlsx (rows, path, &error));
  g_assert_no_error (error);
  strings = unzip_member (path, "xl/sharedStrings.xml");
  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  for (guint i = 0; i < 6; i++)
    {
      static const char *headers[] = { "Center", "Document", "Version", "Status", "Submitted on", "Deadline" };
      g_autofree char *cell = g_strdup_printf (">%s<", headers[i]);

      g_assert_nonnull (strstr (strings, cell));
    }
  g_assert_nonnull (strstr (strings, icw_center_get_name (f->center)));
  g_assert_nonnull (strstr (strings, icw_application_get_title (application)));
  g_assert_nonnull (strstr (strings, ">Submitted<"));
  /* A header row, then one row per overview row, the version as a number. */
  last_row = g_strdup_printf ("<row r=\"%u\"", rows->len + 1);
  g_assert_nonnull (strstr (sheet, last_row));
  g_assert_nonnull (strstr (sheet, "<v>1</v>"));
  g_assert_nonnull (strstr (sheet, "<autoFilter"));

  /* A folder that is not there: an error naming the file, and nothing half written. */
  g_assert_false (icw_review_overview_write_xlsx (rows, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "overview.xlsx"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  /* A name taken by a folder that is not empty: written whole beside it, then the rename fails
   * (icw-xlsx-file.c): an error naming the file, no .part left, the folder as it was. */
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_true (g_file_set_contents (kept, "kept", -1, NULL));
  g_assert_false (icw_review_overview_write_xlsx (rows, taken, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "taken.xlsx"));
  g_assert_false (g_file_test (taken_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_remove (kept), ==, 0);
  g_assert_cmpint (g_rmdir (taken), ==, 0);
}

/* Whether a file whose name holds NAME is mapped into this process. */
static gboolean
mapped (const char *name)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

/* The writers over libzip and libxlsxwriter are a module loaded at the first export
 * (icw-export-module.h): a program that has not exported has none of them mapped. Run in a
 * process of its own, in which nothing was exported before. */
static void
test_module_at_first_export (IcwTestSample *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  rows = icw_review_overview_rows (f->store, FALSE);
  path = g_build_filename (f->dir, "overview.xlsx", NULL);
  g_assert_false (mapped ("icw-exports"));
  g_assert_false (mapped ("libxlsxwriter"));
  g_assert_false (mapped ("libzip"));
  g_assert_true (icw_review_overview_write_xlsx (rows, path, &error));
  g_assert_no_error (error);
  g_assert_true (mapped ("icw-exports"));
  g_assert_true (mapped ("libxlsxwriter"));
}

/* A module that cannot be loaded: each export fails with a message naming the module's file, and
 * leaves no file. */
static void
test_module_missing (IcwTestSample *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *module = NULL;
  g_autofree char *path = NULL;
  g_autofree char *part = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  module = g_build_filename (f->dir, "no-such-folder", "icw-exports.so", NULL);
  g_setenv ("ICW_EXPORTS_MODULE", module, TRUE);
  rows = icw_review_overview_rows (f->store, FALSE);
  path = g_build_filename (f->dir, "overview.xlsx", NULL);
  part = g_strconcat (path, ".part", NULL);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_assert_false (icw_review_overview_write_xlsx (rows, path, &error));
      g_assert_error (error, ICW_ERROR, ICW_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "overview.xlsx"));
      g_assert_nonnull (strstr (error->message, module));
      g_assert_nonnull (strstr (error->message, "could not be loaded"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/review-overview/rows", IcwTestSample, NULL, icw_test_sample_set_up, test_rows, icw_test_sample_tear_down);
  g_test_add ("/review-overview/xlsx", IcwTestSample, NULL, icw_test_sample_set_up, test_xlsx, icw_test_sample_tear_down);
  g_test_add ("/review-overview/export-module-at-first-export", IcwTestSample, NULL, icw_test_sample_set_up,
              test_module_at_first_export, icw_test_sample_tear_down);
  g_test_add ("/review-overview/export-module-missing", IcwTestSample, NULL, icw_test_sample_set_up,
              test_module_missing, icw_test_sample_tear_down);
  return g_test_run ();
}
