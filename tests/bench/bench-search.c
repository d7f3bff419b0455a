/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search.c: full-text search over the organizations through icw_store_search, as the
 * register's search entry calls it. For each query it records the one SQL statement the store
 * ran, with its parameter bound (sqlite3_expanded_sql from a trace of the store's connection,
 * leaving out the statements FTS5 runs on its own tables),
 * so that the runner can time exactly the same statement in the sqlite3 shell; then it times RUNS
 * calls after three warm-up calls.
 *
 *   bench-search DB RUNS SQL_FILE QUERY…
 *   bench-search --loaded DB RUNS QUERY…
 *
 * Prints one line per query, tab-separated:
 *   search QUERY CHARS RESULTS WALL_MEDIAN_US WALL_P95_US CPU_MEDIAN_US CPU_P95_US
 * and writes each query's statement to SQL_FILE, one per line, in the same order.
 *
 * With --loaded, the store first loads the live list of the organizations and holds it, as the
 * register page (and the organization picker) do while their search entry is in use; one- and
 * two-character queries are then answered from the list's names and run no statement. It prints
 * "loaded LOAD_MS" (the time the list took to load), then the same line per query.
 *
 * The store's connection is reached through icw-store-private.h for the trace only.
 * Part of tests/bench (not the test suite). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icw-store-private.h"

#include "bench-stats.h"

#define WARM_UP 3

static GPtrArray *traced;

static int
on_trace (unsigned  type,
          void     *context,
          void     *p,
          void     *x)
{
  const char *unexpanded = x;
  char *sql;

  /* FTS5's own statements (PRAGMA data_version, reads of its shadow tables, which it names
   * 'main'.'…') run on the same connection; only the store's statement is wanted. */
  if (g_str_has_prefix (unexpanded, "PRAGMA") || strstr (unexpanded, "'main'.") != NULL)
    return 0;
  sql = sqlite3_expanded_sql (p);
  if (sql != NULL)
    g_ptr_array_add (traced, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

static double
now_us (void)
{
  return g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  FILE *sql_file = NULL;
  gboolean loaded = argc > 1 && g_str_equal (argv[1], "--loaded");
  int runs, first_query = 4;

  if (argc < 5)
    {
      fprintf (stderr, "usage: bench-search DB RUNS SQL_FILE QUERY…\n"
                       "       bench-search --loaded DB RUNS QUERY…\n");
      return 2;
    }
  if (loaded)
    {
      argv++;
      argc--;
      first_query = 3;
    }
  runs = atoi (argv[2]);
  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-search: %s\n", error->message);
      return 1;
    }
  if (loaded)
    {
      double t0 = now_us ();

      list = icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
      printf ("loaded\t%.1f\n", (now_us () - t0) / 1000);
    }
  else
    {
      sql_file = fopen (argv[3], "w");
      if (sql_file == NULL)
        {
          perror (argv[3]);
          return 1;
        }
    }

  for (int q = first_query; q < argc; q++)
    {
      const char *query = argv[q];
      g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
      GHashTable *found;
      guint n_found;

      /* The statement, traced on one call. */
      traced = g_ptr_array_new_with_free_func (g_free);
      sqlite3_trace_v2 (store->db, SQLITE_TRACE_STMT, on_trace, NULL);
      found = icw_store_search (store, ICW_RECORD_KIND_ORGANIZATION, query, &error);
      sqlite3_trace_v2 (store->db, 0, NULL, NULL);
      if (error != NULL)
        {
          fprintf (stderr, "bench-search: %s: %s\n", query, error->message);
          return 1;
        }
      if (loaded && traced->len != 0 && g_utf8_strlen (query, -1) < 3)
        {
          fprintf (stderr, "bench-search: %s: the loaded list was not used (%u statements)\n", query, traced->len);
          return 1;
        }
      if (!loaded && traced->len != 1)
        {
          fprintf (stderr, "bench-search: %s: the store ran %u statements, not one\n", query, traced->len);
          return 1;
        }
      if (sql_file != NULL)
        fprintf (sql_file, "%s\n", (const char *) traced->pdata[0]);
      g_ptr_array_unref (traced);
      n_found = found != NULL ? g_hash_table_size (found) : 0;
      g_clear_pointer (&found, g_hash_table_unref);

      for (int i = 0; i < WARM_UP + runs; i++)
        {
          double c0 = bench_cpu_us (), t0 = now_us ();
          double t1, c1;

          found = icw_store_search (store, ICW_RECORD_KIND_ORGANIZATION, query, NULL);
          t1 = now_us ();
          c1 = bench_cpu_us ();
          g_clear_pointer (&found, g_hash_table_unref);
          if (i < WARM_UP)
            continue;
          g_array_append_vals (wall, &(double) { t1 - t0 }, 1);
          g_array_append_vals (cpu, &(double) { c1 - c0 }, 1);
        }

      printf ("search\t%s\t%ld\t%u\t%.0f\t%.0f\t%.0f\t%.0f\n", query, g_utf8_strlen (query, -1), n_found,
              bench_percentile (wall, 0.5), bench_percentile (wall, 0.95),
              bench_percentile (cpu, 0.5), bench_percentile (cpu, 0.95));
      fflush (stdout);
    }
  if (sql_file != NULL)
    fclose (sql_file);
  return 0;
}
