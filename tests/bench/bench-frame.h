/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-frame.h: notices the first frame that GTK draws for a window, without touching the
 * application: an emission hook on GtkWidget::map finds the window (by type name), an emission
 * hook on GdkSurface::render marks that its surface was rendered, and the frame clock's
 * after-paint that follows is "the first drawn frame". Shared by the benchmark programs of
 * tests/bench (not the test suite); header-only so each program is one compiler call.
 *
 * Times are CLOCK_MONOTONIC nanoseconds. bench-launch puts the time taken just before exec()
 * in BENCH_T0_NS, so "since t0" includes loading the program and its libraries. */
#pragma once

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

typedef void (*BenchFrameFunc) (GtkWidget *window, gpointer data);

static struct {
  const char     *type_name;
  GtkWidget      *window;
  GdkSurface     *surface;
  gboolean        rendered;
  BenchFrameFunc  func;
  gpointer        data;
  gulong          after_paint_id;
} bench_frame;

static inline gint64
bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

/* The launcher's time, or 0 when the program was not started by bench-launch. */
static inline gint64
bench_t0_ns (void)
{
  const char *t0 = g_getenv ("BENCH_T0_NS");

  return t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : 0;
}

/* Resident set size from /proc/self/status, in KiB; field is "VmRSS" or "VmHWM". */
static inline long
bench_status_kib (const char *field)
{
  FILE *f = fopen ("/proc/self/status", "r");
  char line[256];
  size_t len = strlen (field);
  long kib = -1;

  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f) != NULL)
    if (strncmp (line, field, len) == 0 && line[len] == ':')
      kib = strtol (line + len + 1, NULL, 10);
  fclose (f);
  return kib;
}

static gboolean
bench_render_hook (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               data)
{
  if (g_value_get_object (&params[0]) == (gpointer) bench_frame.surface)
    bench_frame.rendered = TRUE;
  return TRUE;
}

static void
bench_after_paint (GdkFrameClock *clock,
                   gpointer       data)
{
  if (!bench_frame.rendered)
    return;
  bench_frame.rendered = FALSE;
  bench_frame.func (bench_frame.window, bench_frame.data);
}

static gboolean
bench_map_hook (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GType type = g_type_from_name (bench_frame.type_name);
  GdkFrameClock *clock;

  if (!GTK_IS_WINDOW (widget))
    return TRUE;
  if (type == 0 || !G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      /* Another window first: the application could not show its main window. */
      fprintf (stderr, "bench: a %s was shown instead of a %s\n", G_OBJECT_TYPE_NAME (widget),
               bench_frame.type_name);
      fflush (NULL);
      _exit (3);
    }

  bench_frame.window = widget;
  bench_frame.surface = gtk_native_get_surface (GTK_NATIVE (widget));
  clock = gtk_widget_get_frame_clock (widget);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              bench_render_hook, NULL, NULL);
  bench_frame.after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (bench_after_paint), NULL);
  return FALSE;   /* one window is enough: remove the hook */
}

static gboolean
bench_timeout (gpointer data)
{
  fprintf (stderr, "bench: no frame was drawn within %u s\n", GPOINTER_TO_UINT (data));
  fflush (NULL);
  _exit (4);
}

/* Calls func after every frame in which the first window of type_name was rendered (the
 * callback may stop it with bench_frame_stop). Call before the window is shown. */
static inline void
bench_frame_watch (const char     *type_name,
                   BenchFrameFunc  func,
                   gpointer        data,
                   guint           timeout_s)
{
  bench_frame.type_name = type_name;
  bench_frame.func = func;
  bench_frame.data = data;
  /* Kept referenced: the signals must exist before the application creates its first widget. */
  g_type_class_ref (GTK_TYPE_WIDGET);
  g_type_class_ref (GDK_TYPE_SURFACE);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, bench_map_hook, NULL, NULL);
  g_timeout_add_seconds (timeout_s, bench_timeout, GUINT_TO_POINTER (timeout_s));
}

static inline void
bench_frame_stop (void)
{
  if (bench_frame.after_paint_id != 0)
    g_signal_handler_disconnect (gtk_widget_get_frame_clock (bench_frame.window), bench_frame.after_paint_id);
  bench_frame.after_paint_id = 0;
}

/* The callback of the start-up programs: prints the time since t0 and leaves at once (what
 * happens after the first frame is not start-up). */
G_GNUC_UNUSED static void
bench_print_and_exit (GtkWidget *window,
                      gpointer   data)
{
  gint64 now = bench_now_ns ();
  gint64 t0 = bench_t0_ns ();
  gint64 main_ns = GPOINTER_TO_SIZE (data) ? *(gint64 *) data : 0;

  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  /* The CPU time of the process last: the runners read the first two figures by position. */
  printf ("first-frame-ms %.3f main-ms %.3f cpu-ms %.1f\n", t0 ? (now - t0) / 1e6 : -1.0,
          t0 && main_ns ? (main_ns - t0) / 1e6 : -1.0,
          (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
          (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
  fflush (stdout);
  _exit (0);
}
