/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-launch.c: runs a program with BENCH_T0_NS set to the CLOCK_MONOTONIC time taken just
 * before exec(), so that the program can measure its whole start, loading included.
 *
 *   bench-launch PROGRAM [ARGS…]
 *
 * Part of tests/bench (not the test suite). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int
main (int argc, char *argv[])
{
  struct timespec ts;
  char t0[32];

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-launch PROGRAM [ARGS…]\n");
      return 2;
    }
  clock_gettime (CLOCK_MONOTONIC, &ts);
  snprintf (t0, sizeof t0, "%lld", (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec);
  setenv ("BENCH_T0_NS", t0, 1);
  execv (argv[1], argv + 1);
  perror (argv[1]);
  return 127;
}
