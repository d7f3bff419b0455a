/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-list.c: the organizations register of a large database: the real IcwRegisterPage (the
 * store's live list → filter → sort by name → single selection → GtkListView, and the editor of the
 * selected organization) in a window. Prints the time from opening the store to the first drawn
 * frame in which the list view has laid out rows, and the resident memory once the window has
 * settled.
 *
 *   bench-list DB
 *
 * GTK and libadwaita are initialized before the clock starts: the figure is the register's own
 * cost. Part of tests/bench (not the test suite). */
#include "config.h"

#include <adwaita.h>

#include "icw-register-page.h"
#include "icw-resources.h"
#include "icw-store.h"

#include "bench-frame.h"

static gint64 start_ns;
static gint64 rows_ns;
static long rss_before_kib;
static guint n_rows;

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
report (gpointer data)
{
  printf ("rows-ms %.3f rows %u rss-kib %ld hwm-kib %ld rss-before-kib %ld\n",
          (rows_ns - start_ns) / 1e6, n_rows, bench_status_kib ("VmRSS"), bench_status_kib ("VmHWM"),
          rss_before_kib);
  fflush (stdout);
  _exit (0);
}

static void
on_frame (GtkWidget *window,
          gpointer   data)
{
  GtkWidget *view = find_list_view (window);

  n_rows = 0;
  for (GtkWidget *row = view != NULL ? gtk_widget_get_first_child (view) : NULL; row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row))
      n_rows++;
  if (n_rows == 0)
    return;   /* a frame without rows yet */
  rows_ns = bench_now_ns ();
  bench_frame_stop ();
  /* The memory is read once the main loop has been idle for a while after the first rows. */
  g_timeout_add (500, report, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  IcwStore *store;
  GtkWidget *window, *page;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-list DB\n");
      return 2;
    }
  adw_init ();
  icw_register_resource ();
  bench_frame_watch ("GtkWindow", on_frame, NULL, 120);
  rss_before_kib = bench_status_kib ("VmRSS");

  start_ns = bench_now_ns ();
  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-list: %s\n", error->message);
      return 1;
    }
  page = icw_register_page_new_organizations (store);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
