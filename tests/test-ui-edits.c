/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-edits.c: "never lose an edit" in process: a field row and a text section commit after
 * the shared pause, well within 300 ms of the last keystroke, and at once when the focus leaves
 * or their window is asked to close; and the application ID that makes one instance per database. The real window
 * killed at delays after typing is the e2e kill loop (e2e/test_e2e_durability.py). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "icw-edit-commit.h"
#include "icw-field-row.h"
#include "icw-resources.h"
#include "icw-text-section.h"
#include "icw-workbench-app.h"

typedef struct {
  guint count;
  char *text;
  gint64 at;
} Committed;

static void
on_committed (GtkWidget  *editor,
              const char *text,
              Committed  *committed)
{
  committed->count++;
  g_free (committed->text);
  committed->text = g_strdup (text);
  committed->at = g_get_monotonic_time ();
}

/* Wakes the test's loop now and then, so a wait with a limit never blocks past it. */
static gboolean
keep_waking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
type_into_text_section (IcwTextSection *section,
                        const char     *text)
{
  GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (section));

  /* The text view is inside the frame and its scrolled window. */
  while (view != NULL && !GTK_IS_FRAME (view))
    view = gtk_widget_get_next_sibling (view);
  g_assert_nonnull (view);
  view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_frame_get_child (GTK_FRAME (view))));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
test_commit_after_pause (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = icw_field_row_new ("Name", NULL);
  GtkWidget *list = gtk_list_box_new ();
  Committed committed = { 0 };
  gint64 typed;
  guint timeout;

  g_signal_connect (row, "committed", G_CALLBACK (on_committed), &committed);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  typed = g_get_monotonic_time ();
  gtk_editable_set_text (icw_field_row_get_editable (ICW_FIELD_ROW (row)), "typed");
  g_assert_cmpuint (committed.count, ==, 0);

  /* The save comes after the pause, never before; how late a loaded machine runs it is not
   * asserted (no timed assertion in the suite): the loop waits for it up to a generous limit. */
  timeout = g_timeout_add (100, keep_waking, NULL);
  while (committed.count == 0 && g_get_monotonic_time () - typed < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_cmpuint (committed.count, ==, 1);
  g_assert_cmpstr (committed.text, ==, "typed");
  g_assert_cmpint ((committed.at - typed) / 1000, >=, ICW_EDIT_COMMIT_DELAY_MS);

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (committed.text);
}

static void
test_focus_leave_flushes (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = icw_field_row_new ("Name", NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *next = gtk_entry_new ();
  Committed committed = { 0 };

  g_signal_connect (row, "committed", G_CALLBACK (on_committed), &committed);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), next);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (row))));
  gtk_editable_set_text (icw_field_row_get_editable (ICW_FIELD_ROW (row)), "typed then left");
  g_assert_cmpuint (committed.count, ==, 0);
  gtk_widget_grab_focus (next);
  g_assert_cmpuint (committed.count, ==, 1);
  g_assert_cmpstr (committed.text, ==, "typed then left");

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (committed.text);
}

static void
test_close_request_flushes (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = icw_field_row_new ("Name", NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *section = icw_text_section_new ("Background", NULL);
  Committed row_committed = { 0 };
  Committed section_committed = { 0 };

  g_signal_connect (row, "committed", G_CALLBACK (on_committed), &row_committed);
  g_signal_connect (section, "committed", G_CALLBACK (on_committed), &section_committed);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), section);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_widget_realize (window);

  gtk_editable_set_text (icw_field_row_get_editable (ICW_FIELD_ROW (row)), "name typed");
  type_into_text_section (ICW_TEXT_SECTION (section), "section typed");
  g_assert_cmpuint (row_committed.count + section_committed.count, ==, 0);

  /* No main loop between the keystroke and the close: the close itself commits. */
  g_object_ref (row);
  g_object_ref (section);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpuint (row_committed.count, ==, 1);
  g_assert_cmpstr (row_committed.text, ==, "name typed");
  g_assert_cmpuint (section_committed.count, ==, 1);
  g_assert_cmpstr (section_committed.text, ==, "section typed");

  g_signal_handlers_disconnect_by_data (row, &row_committed);
  g_signal_handlers_disconnect_by_data (section, &section_committed);
  g_object_unref (row);
  g_object_unref (section);
  g_free (row_committed.text);
  g_free (section_committed.text);
}

static void
test_application_id_per_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("icw-app-id-XXXXXX", NULL);
  g_autofree char *link = g_strconcat (dir, "-link", NULL);
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autofree char *via_link = g_build_filename (link, "a.db", NULL);
  g_autofree char *dotted = g_build_filename (dir, ".", "a.db", NULL);
  g_autofree char *other = g_build_filename (dir, "b.db", NULL);
  g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "ic-workbench", "workbench.db", NULL);
  g_autofree char *id = icw_workbench_app_id_for_database (path);
  g_autofree char *id_default = icw_workbench_app_id_for_database (NULL);
  g_autofree char *id_default_path = icw_workbench_app_id_for_database (default_path);
  g_autofree char *id_link = NULL;
  g_autofree char *id_dotted = icw_workbench_app_id_for_database (dotted);
  g_autofree char *id_other = icw_workbench_app_id_for_database (other);
  g_autofree char *prefix = g_strconcat (APPLICATION_ID, ".Db", NULL);

  g_assert_cmpint (symlink (dir, link), ==, 0);
  id_link = icw_workbench_app_id_for_database (via_link);

  g_assert_cmpstr (id_default, ==, APPLICATION_ID);
  g_assert_cmpstr (id_default_path, ==, APPLICATION_ID);
  g_assert_true (g_application_id_is_valid (id));
  g_assert_true (g_str_has_prefix (id, prefix));
  g_assert_cmpuint (strlen (id), ==, strlen (prefix) + 16);
  /* One file, one ID, however it is spelt (the file need not exist yet). */
  g_assert_cmpstr (id_link, ==, id);
  g_assert_cmpstr (id_dotted, ==, id);
  g_assert_cmpstr (id_other, !=, id);

  g_unlink (link);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  adw_init ();
  icw_register_resource ();

  g_test_add_func ("/ui-edits/commit-after-pause", test_commit_after_pause);
  g_test_add_func ("/ui-edits/focus-leave-flushes", test_focus_leave_flushes);
  g_test_add_func ("/ui-edits/close-request-flushes", test_close_request_flushes);
  g_test_add_func ("/ui-edits/application-id-per-database", test_application_id_per_database);

  return g_test_run ();
}
