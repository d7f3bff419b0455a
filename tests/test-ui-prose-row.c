/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-prose-row.c: IcwProseRow, the form row of a field that holds prose. Its text is shown
 * whole at 360 px (the row grows with it, where an entry showed the start of a long text and
 * nothing more); the record form gives one to the prose fields (the agreement's further exit
 * rules, a class of text that allows line breaks) and keeps short fields single-line; an edit is
 * saved after the pause, a refused one shows the store's message under the text, and a record
 * switched to shows its own text. */
#include "config.h"

#include <adwaita.h>

#include "icw-field-row.h"
#include "icw-ip-agreement.h"
#include "icw-prose-row.h"
#include "icw-record-form.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

typedef IcwTestSample Fixture;

#define LONG_RULES "退出方应提前90日书面通知其他各方，并在退出前完成其承担的研发任务的交接；退出后仍享有其在退出前" \
                   "已产生成果中的权益，但不得再使用联盟的背景知识产权开展新的研发。A leaving party gives the others " \
                   "ninety days' notice in writing and hands over the research it was doing before it leaves."

static int
row_height_at (GtkWidget *row,
               int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height;
}

/* At 360 px the whole of a long text is laid out in the row: it is as tall as its text needs. */
static void
test_whole_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = icw_prose_row_new ("Further exit rules");
  GtkTextView *view = icw_prose_row_get_view (ICW_PROSE_ROW (row));
  g_autofree char *shown = NULL;
  int short_height, long_height, view_height;
  GdkRectangle end;
  GtkTextIter iter;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 200);
  gtk_window_present (GTK_WINDOW (window));
  icw_prose_row_set_text (ICW_PROSE_ROW (row), "另行约定");
  icw_test_ui_iterate ();
  short_height = row_height_at (row, 336);
  icw_prose_row_set_text (ICW_PROSE_ROW (row), LONG_RULES);
  for (int i = 0; i < 5; i++)
    icw_test_ui_iterate ();
  long_height = row_height_at (row, 336);
  shown = icw_prose_row_get_text (ICW_PROSE_ROW (row));
  g_assert_cmpstr (shown, ==, LONG_RULES);
  g_test_message ("a short text: %d px, the long one: %d px", short_height, long_height);
  g_assert_cmpint (long_height, >, short_height + 40);
  /* The text's last line lies inside the view as allocated: nothing of it is cut. */
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &iter);
  gtk_text_view_get_iter_location (view, &iter, &end);
  view_height = gtk_widget_get_height (GTK_WIDGET (view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  g_assert_cmpint (end.y + end.height, <=, view_height);
  /* And the row's title names the text for screen readers. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Further exit rules");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static IcwIpAgreement *
first_agreement (Fixture *fixture)
{
  g_autoptr(GListModel) agreements = icw_store_list (fixture->store, ICW_RECORD_KIND_IP_AGREEMENT,
                                                     icw_record_get_id (ICW_RECORD (fixture->center)));

  g_assert_cmpuint (g_list_model_get_n_items (agreements), >, 0);
  return g_list_model_get_item (agreements, 0);
}

/* The record form: prose in a prose row, bound to the record both ways; a short text in an entry. */
static void
test_record_form (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(IcwRecordForm) form = icw_record_form_new (fixture->store, ICW_MONEY_UNIT_WAN);
  g_autoptr(IcwIpAgreement) agreement = first_agreement (fixture);
  g_autoptr(IcwIpAgreement) other = icw_ip_agreement_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) saved = NULL;
  GtkWidget *rules = icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "exit-rules", NULL);
  GtkWidget *title = icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "title", NULL);
  g_autofree char *shown = NULL;
  g_autofree char *emptied = NULL;

  g_object_ref_sink (rules);
  g_object_ref_sink (title);
  g_assert_true (ICW_IS_PROSE_ROW (rules));
  g_assert_true (ICW_IS_FIELD_ROW (title));   /* a name stays on one line */

  icw_ip_agreement_set_exit_rules (agreement, LONG_RULES);
  g_assert_true (icw_store_save (fixture->store, ICW_RECORD (agreement), &error));
  g_assert_no_error (error);
  icw_record_form_set_record (form, ICW_RECORD (agreement));
  shown = icw_prose_row_get_text (ICW_PROSE_ROW (rules));
  g_assert_cmpstr (shown, ==, LONG_RULES);

  /* Typed, with a line break: saved once flushed (as after the pause). */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (icw_prose_row_get_view (ICW_PROSE_ROW (rules))),
                            "第一条：提前通知。\n第二条：交接任务。", -1);
  icw_record_form_flush (form);
  saved = icw_store_lookup (fixture->store, ICW_RECORD_KIND_IP_AGREEMENT, icw_record_get_id (ICW_RECORD (agreement)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_ip_agreement_get_exit_rules (ICW_IP_AGREEMENT (saved)), ==, "第一条：提前通知。\n第二条：交接任务。");

  /* Another record: its own (empty) text, nothing pending. */
  icw_record_form_set_record (form, ICW_RECORD (other));
  emptied = icw_prose_row_get_text (ICW_PROSE_ROW (rules));
  g_assert_cmpstr (emptied, ==, "");
  g_object_unref (rules);
  g_object_unref (title);
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui-prose-row/whole-text", test_whole_text);
  g_test_add ("/ui-prose-row/record-form", Fixture, NULL, icw_test_sample_set_up, test_record_form,
              icw_test_sample_tear_down);
  return g_test_run ();
}
