/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-stats.h: median and nearest-rank 95th percentile of a series of times, as the runner's
 * awk computes them for the sqlite3 shell. Part of tests/bench (not the test suite). */
#pragma once

#include <glib.h>
#include <math.h>
#include <sys/resource.h>

static int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* p in (0, 1]: the value at rank ceil(p·n) of the sorted series (the median is p = 0.5 with
 * the mean of the two middle values for an even n). Sorts the array. */
G_GNUC_UNUSED static double
bench_percentile (GArray *values,
                  double  p)
{
  guint n = values->len;
  guint rank;

  g_array_sort (values, bench_compare_doubles);
  if (n == 0)
    return NAN;
  if (p == 0.5 && n % 2 == 0)
    return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
  rank = (guint) ceil (p * n);
  return g_array_index (values, double, MAX (rank, 1) - 1);
}

/* User + system CPU time of the process in microseconds, as sqlite3's .timer measures it. */
G_GNUC_UNUSED static double
bench_cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}
