/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-dossier.c: the dossier actions of the window, in process: an import shows its progress
 * dialog and brings the records into the window's store (its lists follow), a refused dossier
 * gets a dialog naming the problem and changes nothing, Cancel in the progress dialog rolls the
 * import back, and an export writes the same bytes as the core's. The file choosers are native
 * dialogs, so the tests start from what they lead to. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icw-dossier-actions.h"
#include "icw-dossier.h"
#include "icw-sample.h"
#include "icw-test-util.h"

typedef struct {
  char      *dir;
  char      *source_path;
  IcwStore  *source;
  IcwStore  *target;
  char      *center_id;
  char      *file;        /* the sample center's dossier */
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autofree char *target_path = NULL;
  const char *ids[2] = { NULL, NULL };

  f->dir = icw_test_make_tmp_dir ("icw-ui-dossier-XXXXXX", &f->source_path);
  f->source = icw_test_open_store (f->source_path);
  center = icw_sample_load (f->source, &error);
  g_assert_no_error (error);
  f->center_id = g_strdup (icw_record_get_id (ICW_RECORD (center)));
  ids[0] = f->center_id;
  f->file = g_build_filename (f->dir, "sample.json", NULL);
  g_assert_true (icw_dossier_export_to_file (f->source, ids, f->file, NULL, &error));
  g_assert_no_error (error);
  target_path = g_build_filename (f->dir, "target.db", NULL);
  f->target = icw_test_open_store (target_path);

  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), adw_toast_overlay_new ());
  icw_dossier_actions_install (f->window, f->target);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->source);
  g_clear_object (&f->target);
  g_free (f->center_id);
  g_free (f->file);
  icw_test_clear_tmp_dir (&f->dir, &f->source_path);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/* Runs the main loop until the condition holds, for at most 30 s. */
#define ITERATE_UNTIL(condition)                                                  \
  G_STMT_START {                                                                  \
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;              \
    while (!(condition))                                                          \
      {                                                                           \
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);                   \
        g_main_context_iteration (NULL, FALSE);                                   \
        g_usleep (1000);                                                          \
      }                                                                           \
  } G_STMT_END

static guint
n_centers (IcwStore *store)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_CENTER, NULL);

  return g_list_model_get_n_items (list);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->file);
  g_autoptr(GListModel) centers = icw_store_list (f->target, ICW_RECORD_KIND_CENTER, NULL);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->window), "import-dossier"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->window), "export-dossier"));
  icw_dossier_actions_import_file (f->window, f->target, file);
  g_assert_nonnull (find_dialog ("Importing Dossier"));
  /* The list the window already had follows the import; the progress dialog goes. */
  ITERATE_UNTIL (g_list_model_get_n_items (centers) == 1 && find_dialog ("Importing Dossier") == NULL);
  g_assert_null (find_dialog ("Nothing Was Imported"));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  AdwMessageDialog *dialog;
  char *at;

  g_file_get_contents (f->file, &text, NULL, &error);
  g_assert_no_error (error);
  at = strstr (text, "\"top_ten\" : false");
  g_assert_nonnull (at);
  memcpy (at, "\"top_ten\" : 12345", strlen ("\"top_ten\" : 12345"));
  g_file_set_contents (bad_path, text, -1, &error);
  g_assert_no_error (error);

  icw_dossier_actions_import_file (f->window, f->target, bad);
  ITERATE_UNTIL ((dialog = find_dialog ("Nothing Was Imported")) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“top_ten” must be true or false"));
  g_assert_cmpuint (n_centers (f->target), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->file);
  g_autofree char *target_path = g_strdup (icw_store_get_path (f->target));
  g_autoptr(IcwStore) other = NULL;
  sqlite3 *lock = icw_test_db_open (target_path, SQLITE_OPEN_READWRITE, NULL);
  AdwMessageDialog *progress;

  /* Another connection holds the write lock, so the import cannot get past its BEGIN before the
   * Cancel: the test does not race the thread. */
  g_assert_cmpint (sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  icw_dossier_actions_import_file (f->window, f->target, file);
  progress = find_dialog ("Importing Dossier");
  g_assert_nonnull (progress);
  /* As the button does (it also closes the dialog, which the response alone does not). */
  adw_message_dialog_response (progress, "cancel");
  g_assert_cmpint (sqlite3_exec (lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (lock);
  /* The job ends with a toast that says so and takes its dialog away; then look through another
   * connection. */
  /* A job turns the dossier actions off until it ends. */
  ITERATE_UNTIL (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (f->window), "export-dossier")));
  g_assert_null (find_dialog ("Importing Dossier"));
  other = icw_test_open_store (target_path);
  g_assert_cmpuint (n_centers (other), ==, 0);
  g_assert_cmpuint (n_centers (f->target), ==, 0);
  if (find_dialog ("Nothing Was Imported") != NULL)
    g_error ("a cancelled import reported: %s", adw_message_dialog_get_body (find_dialog ("Nothing Was Imported")));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "exported.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL, *written = NULL;
  g_autoptr(GError) error = NULL;

  icw_dossier_actions_export_file (f->window, f->source, f->center_id, file);
  g_assert_nonnull (find_dialog ("Exporting Dossier"));
  ITERATE_UNTIL (find_dialog ("Exporting Dossier") == NULL);
  g_file_get_contents (f->file, &expected, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-dossier/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/ui-dossier/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/ui-dossier/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/ui-dossier/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  return g_test_run ();
}
