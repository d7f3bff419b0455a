/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-list-load.c: the organizations register's live list loaded without a window (issue 20: "a
 * 1M register: first rows ≤ 2× the 1k register's"): icw_store_open, then icw_store_list of the
 * organizations, as the register page does before its first frame. Prints per run the CPU time
 * (user + system, getrusage) and the wall clock of each step; CPU time says more than the wall
 * clock on a shared machine. The first run of a database made before migration 17 (24) includes
 * the migration and the making of the stored keys.
 *
 *   bench-list-load DB [RUNS]
 *
 * The keys are stored per locale (migration 24): run it alternately in two locales, e.g.
 * LC_ALL=C.UTF-8 then LC_ALL=zh_CN.UTF-8, to see that neither makes the other's keys again (each
 * locale's first run makes its own). The first line says the locale.
 *
 * Prints: load RUN open-cpu-ms OPEN list-cpu-ms LIST list-wall-ms WALL rows N
 *         head RUN open-cpu-ms OPEN head-cpu-ms HEAD rest-cpu-ms REST rows N
 * where "head" is what the register page now reads before its first frame (icw_store_list_head,
 * 64 rows through the stored order's index) and "rest" the completion after that frame.
 * Part of tests/bench (not the test suite); run by hand (docs/performance.md, issue 20). */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "icw-store.h"

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 2 ? atoi (argv[2]) : 3;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-list-load DB [RUNS]\n");
      return 2;
    }
  /* The locale the program runs in: the stored keys are made for one locale, and a load in
   * another makes every key again (as the window would after it). */
  setlocale (LC_ALL, "");
  printf ("locale %s\n", setlocale (LC_COLLATE, NULL));
  for (int run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = NULL;
      IcwStore *store;
      double c0 = cpu_ms (), c1, c2;
      gint64 w1;

      store = icw_store_open (argv[1], &error);
      if (store == NULL)
        {
          fprintf (stderr, "bench-list-load: %s\n", error->message);
          return 1;
        }
      c1 = cpu_ms ();
      w1 = g_get_monotonic_time ();
      list = icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
      c2 = cpu_ms ();
      printf ("load %d open-cpu-ms %.1f list-cpu-ms %.1f list-wall-ms %.1f rows %u\n", run, c1 - c0, c2 - c1,
              (g_get_monotonic_time () - w1) / 1e3, g_list_model_get_n_items (list));
      fflush (stdout);
      g_clear_object (&list);
      g_object_unref (store);

      c0 = cpu_ms ();
      store = icw_store_open (argv[1], &error);
      if (store == NULL)
        {
          fprintf (stderr, "bench-list-load: %s\n", error->message);
          return 1;
        }
      c1 = cpu_ms ();
      list = icw_store_list_head (store, ICW_RECORD_KIND_ORGANIZATION, 64);
      c2 = cpu_ms ();
      printf ("head %d open-cpu-ms %.1f head-cpu-ms %.3f rows %u", run, c1 - c0, c2 - c1, g_list_model_get_n_items (list));
      c1 = cpu_ms ();
      g_object_unref (icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL));
      c2 = cpu_ms ();
      printf (" rest-cpu-ms %.1f rows %u\n", c2 - c1, g_list_model_get_n_items (list));
      fflush (stdout);
      g_clear_object (&list);
      g_object_unref (store);
    }
  return 0;
}
