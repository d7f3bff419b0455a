/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search-positions.c: the register's search without the window (issue 20), so that the
 * figures hold on a busy machine: for each query, the path the page took before (icw_store_search
 * on the main thread, a set of ID strings, then IcwStoreListFilter checking every record of the
 * list against it) against the path it takes now (icw_store_search_positions_async: the search in
 * a thread, row ids mapped to positions, the filter given the positions), each from the call to
 * the filter holding the answer. Prints wall-clock and CPU medians (CPU: the whole process, all
 * threads, from getrusage) and the main thread's own time in the new path (the call and the
 * mapping, not the wait), and the 95th percentiles of the new path's wall clock and CPU time.
 *
 *   bench-search-positions DB RUNS QUERY...
 *
 * Part of tests/bench (not the test suite); run by bench-register.sh. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "icw-store-list-filter.h"
#include "icw-store-search.h"
#include "icw-store.h"

#include "bench-stats.h"


static gint64
cpu_us (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return (gint64) (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(IcwStoreListFilter) filter = NULL;
  IcwStore *store;
  guint runs;

  if (argc < 4)
    {
      fprintf (stderr, "usage: bench-search-positions DB RUNS QUERY...\n");
      return 2;
    }
  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-search-positions: %s\n", error->message);
      return 1;
    }
  runs = MAX (1, atoi (argv[2]));
  list = icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  filter = icw_store_list_filter_new (ICW_STORE_LIST (list));
  icw_store_list_prepare_search (ICW_STORE_LIST (list));

  for (int q = 3; q < argc; q++)
    {
      g_autoptr(GArray) old_wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) old_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) new_wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) new_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) new_main = g_array_new (FALSE, FALSE, sizeof (double));
      guint old_n = 0, new_n = 0;

      for (guint r = 0; r < runs + 2; r++)
        {
          gint64 w0, c0, w1, c1, m0, m1;
          double v;
          g_autoptr(GAsyncResult) result = NULL;
          g_autoptr(GArray) positions = NULL;

          /* Before: the set of ID strings, then every record checked against it. */
          icw_store_list_filter_set_ids (filter, NULL, NULL);
          w0 = g_get_monotonic_time ();
          c0 = cpu_us ();
          {
            g_autoptr(GHashTable) ids = icw_store_search (store, ICW_RECORD_KIND_ORGANIZATION, argv[q], NULL);

            icw_store_list_filter_set_ids (filter, ids, NULL);
          }
          w1 = g_get_monotonic_time ();
          c1 = cpu_us ();
          old_n = g_list_model_get_n_items (G_LIST_MODEL (filter));
          if (r >= 2)
            {
              v = (w1 - w0) / 1000.0;
              g_array_append_val (old_wall, v);
              v = (c1 - c0) / 1000.0;
              g_array_append_val (old_cpu, v);
            }

          /* Now: in a thread, positions by row id. */
          icw_store_list_filter_set_positions (filter, NULL, NULL);
          w0 = g_get_monotonic_time ();
          c0 = cpu_us ();
          icw_store_search_positions_async (store, ICW_RECORD_KIND_ORGANIZATION, argv[q], NULL, on_done, &result);
          m0 = g_get_monotonic_time () - w0;
          while (result == NULL)
            g_main_context_iteration (NULL, TRUE);
          m1 = g_get_monotonic_time ();
          positions = icw_store_search_positions_finish (store, result, NULL);
          icw_store_list_filter_set_positions (filter, positions, NULL);
          w1 = g_get_monotonic_time ();
          c1 = cpu_us ();
          new_n = g_list_model_get_n_items (G_LIST_MODEL (filter));
          if (r >= 2)
            {
              v = (w1 - w0) / 1000.0;
              g_array_append_val (new_wall, v);
              v = (c1 - c0) / 1000.0;
              g_array_append_val (new_cpu, v);
              v = (m0 + (w1 - m1)) / 1000.0;
              g_array_append_val (new_main, v);
            }
        }
      printf ("%s\t%u\t%u\told-wall %.2f\told-cpu %.2f\tnew-wall %.2f\tnew-cpu %.2f\tnew-main %.2f"
              "\tnew-wall-p95 %.2f\tnew-cpu-p95 %.2f\n",
              argv[q], old_n, new_n, median_of (old_wall), median_of (old_cpu), median_of (new_wall),
              median_of (new_cpu), median_of (new_main), bench_percentile (new_wall, 0.95),
              bench_percentile (new_cpu, 0.95));
      fflush (stdout);
    }
  return 0;
}
