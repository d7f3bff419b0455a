/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup-minimal.c: the baseline of the start-up figure: a minimal GTK 4 + libadwaita
 * application, started the same way as ic-workbench (an AdwApplication, NON_UNIQUE, gettext and
 * locale set up, one AdwApplicationWindow of the same default size presented on activate), whose
 * window holds only a header bar and a label. Prints the time from exec() to its first drawn frame
 * and exits. Part of tests/bench (not the test suite). */
#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-frame.h"

static gint64 main_ns;

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Hello");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);   /* ic-workbench's default (1100×720 before 2026-12-07) */
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  const char *timeout;

  main_ns = bench_now_ns ();
  timeout = g_getenv ("BENCH_TIMEOUT_S");   /* longer under valgrind on a loaded machine */
  setlocale (LC_ALL, "");
  bench_frame_watch ("AdwApplicationWindow", bench_print_and_exit, &main_ns, timeout != NULL ? (guint) atoi (timeout) : 60);
  app = adw_application_new ("org.mfginnovation.BenchMinimal", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
