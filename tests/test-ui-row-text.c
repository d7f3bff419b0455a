/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-row-text.c: IcwRowText's height, measured once per font for all row texts, follows a
 * change of the screen's resolution (the desktop's text scaling sets gtk-xft-dpi): the rows shown
 * are measured again, a row made after the change gets the new height, and going back gives the
 * old one. A register's row shows "Untitled" for a record whose title was emptied, not an empty line,
 * and the title again once one is typed. (GTK gives the context's font its size in pixels at the screen's resolution, which
 * is what makes the sizes kept per font description right after such a change: a size kept by the
 * font's family or its size in points would leave the rows at the old height with text twice as
 * tall drawn in them.) */
#include "config.h"

#include "icw-ip-agreement.h"
#include "icw-register-row.h"
#include "icw-row-text.h"
#include "icw-test-ui.h"

static int
height_of (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

static void
test_resolution (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *shown = icw_row_text_new ();
  GtkWidget *later;
  int dpi, before, after;

  icw_row_text_set_text (ICW_ROW_TEXT (shown), "研究机构 Research");
  gtk_box_append (GTK_BOX (box), shown);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  icw_test_ui_iterate ();
  before = height_of (shown);
  g_assert_cmpint (before, >, 0);

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    dpi = 96 * 1024;
  g_object_set (settings, "gtk-xft-dpi", 2 * dpi, NULL);
  icw_test_ui_iterate ();
  after = height_of (shown);
  g_test_message ("%d px at %d dpi, %d px at %d dpi", before, dpi / 1024, after, 2 * dpi / 1024);
  g_assert_cmpint (after, >=, before * 3 / 2);

  later = icw_row_text_new ();
  gtk_box_append (GTK_BOX (box), later);
  icw_test_ui_iterate ();
  g_assert_cmpint (height_of (later), ==, after);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  icw_test_ui_iterate ();
  g_assert_cmpint (height_of (shown), ==, before);
  g_assert_cmpint (height_of (later), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
describe_nothing (IcwRecord *record,
                  gpointer   data)
{
  return g_strdup ("");
}

static void
test_untitled (void)
{
  g_autoptr(IcwIpAgreement) agreement = icw_ip_agreement_new ();
  GtkWidget *row = icw_register_row_new ("title", describe_nothing, NULL);
  GtkWidget *title;

  g_object_ref_sink (row);
  icw_ip_agreement_set_title (agreement, "");
  icw_register_row_set_record (ICW_REGISTER_ROW (row), ICW_RECORD (agreement));
  title = gtk_widget_get_first_child (row);
  g_assert_true (ICW_IS_ROW_TEXT (title));
  g_assert_cmpstr (icw_row_text_get_text (ICW_ROW_TEXT (title)), ==, "Untitled");
  icw_ip_agreement_set_title (agreement, "联合研发协议");
  g_assert_cmpstr (icw_row_text_get_text (ICW_ROW_TEXT (title)), ==, "联合研发协议");
  icw_register_row_set_record (ICW_REGISTER_ROW (row), NULL);
  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui-row-text/resolution", test_resolution);
  g_test_add_func ("/ui-row-text/untitled", test_untitled);
  return g_test_run ();
}
