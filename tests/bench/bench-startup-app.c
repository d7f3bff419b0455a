/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup-app.c: the real ic-workbench, started exactly as src/main.c starts it (that very
 * file is compiled in, its main() renamed), with a watch that prints the time from exec() to the
 * first frame drawn of the main window (IcwWindow) and exits. With BENCH_FILLED=1 it waits on
 * for the first frame in which the center editor (IcwCenterEditor, made and filled in the idle
 * after the first frame) is drawn, and prints that too ("filled-ms"), with the CPU time of the
 * process at each (issue 20: start-up to the filled first page). The center editor fills the
 * groups under its first screen (tables, reports, readiness panel) just after its own first
 * frame: the run goes on to the first frame in which the readiness panel (IcwReadinessGroup, the
 * last of them) is drawn too with all its rows (it adds them a few a frame), and prints it as
 * "complete-ms". So that a deferral cannot hide a
 * cost, it also prints the most CPU time the process spent between two frames after the first
 * ("longest-frame-cpu-ms": what the main loop did between two paints, an upper bound of how long
 * input waited), how many frames it drew and the CPU between each two ("frame-cpu-ms"). Under callgrind (valgrind --tool=callgrind) the
 * counts are dumped at each of the three frames, so each phase has its own profile. Run it
 * through bench-launch with --db PATH. Part of tests/bench (not the test suite). */
#define main bench_real_main
#include "main.c"
#undef main

#include <sys/resource.h>
#include <valgrind/callgrind.h>

#include "bench-frame.h"
#include "icw-readiness-group.h"

static gint64 main_ns;
static double first_frame_ms;
static double first_frame_cpu_ms;
static gboolean editor_mapped;
static gboolean readiness_mapped;
static GtkWidget *readiness_widget;   /* the panel, once mapped */
static double filled_ms;
static double filled_cpu_ms;
static double last_frame_cpu_ms;
static double longest_frame_cpu_ms;
static guint n_frames;
static GString *frame_cpu;   /* the CPU between each two frames after the first */

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static gboolean
editor_map_hook (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               data)
{
  GType editor = g_type_from_name ("IcwCenterEditor");
  GType readiness = g_type_from_name ("IcwReadinessGroup");
  gpointer widget = g_value_get_object (&params[0]);

  if (editor != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, editor))
    editor_mapped = TRUE;
  if (readiness != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, readiness))
    {
      readiness_mapped = TRUE;
      g_set_weak_pointer (&readiness_widget, widget);
    }
  return !(editor_mapped && readiness_mapped);
}

/* Every frame of the main window: the first one is noted, the first one with the editor mapped
 * (it is drawn in that frame) ends the run. */
static void
on_frame (GtkWidget *window,
          gpointer   data)
{
  gint64 t0 = bench_t0_ns ();
  double now_ms = t0 ? (bench_now_ns () - t0) / 1e6 : -1.0;
  double now_cpu_ms = cpu_ms ();

  n_frames++;
  if (first_frame_ms == 0)
    {
      first_frame_ms = now_ms;
      first_frame_cpu_ms = now_cpu_ms;
      CALLGRIND_DUMP_STATS_AT ("first-frame");
    }
  else
    {
      longest_frame_cpu_ms = MAX (longest_frame_cpu_ms, now_cpu_ms - last_frame_cpu_ms);
      g_string_append_printf (frame_cpu, "%s%.0f", frame_cpu->len > 0 ? "," : "", now_cpu_ms - last_frame_cpu_ms);
    }
  last_frame_cpu_ms = now_cpu_ms;
  if (!editor_mapped)
    return;
  if (filled_ms == 0)
    {
      filled_ms = now_ms;
      filled_cpu_ms = now_cpu_ms;
      CALLGRIND_DUMP_STATS_AT ("filled");
    }
  /* The panel adds its rows a few a frame: complete once it has them all. */
  if (!readiness_mapped || (readiness_widget != NULL && icw_readiness_group_get_n_waiting (ICW_READINESS_GROUP (readiness_widget)) > 0))
    return;
  CALLGRIND_DUMP_STATS_AT ("complete");
  printf ("first-frame-ms %.3f main-ms %.3f filled-ms %.3f first-frame-cpu-ms %.1f filled-cpu-ms %.1f "
          "complete-ms %.3f complete-cpu-ms %.1f longest-frame-cpu-ms %.1f frames %u frame-cpu-ms %s\n",
          first_frame_ms, t0 ? (main_ns - t0) / 1e6 : -1.0, filled_ms, first_frame_cpu_ms, filled_cpu_ms,
          now_ms, now_cpu_ms, longest_frame_cpu_ms, n_frames, frame_cpu->str);
  fflush (stdout);
  _exit (0);
}

int
main (int   argc,
      char *argv[])
{
  main_ns = bench_now_ns ();
  frame_cpu = g_string_new (NULL);
  if (g_strcmp0 (g_getenv ("BENCH_FILLED"), "1") == 0)
    {
      const char *timeout = g_getenv ("BENCH_TIMEOUT_S");   /* minutes under valgrind */

      bench_frame_watch ("IcwWindow", on_frame, NULL, timeout != NULL ? (guint) atoi (timeout) : 120);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, editor_map_hook, NULL, NULL);
    }
  else
    bench_frame_watch ("IcwWindow", bench_print_and_exit, &main_ns, 60);
  return bench_real_main (argc, argv);
}
