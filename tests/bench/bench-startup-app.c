/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup-app.c: the real ic-workbench, started exactly as src/main.c starts it (that very
 * file is compiled in, its main() renamed), with a watch that prints the time from exec() to the
 * first frame drawn of the main window (IcwWindow) and exits. Run it through bench-launch with
 * --db PATH. Part of tests/bench (not the test suite). */
#define main bench_real_main
#include "main.c"
#undef main

#include "bench-frame.h"

static gint64 main_ns;

int
main (int   argc,
      char *argv[])
{
  main_ns = bench_now_ns ();
  bench_frame_watch ("IcwWindow", bench_print_and_exit, &main_ns, 60);
  return bench_real_main (argc, argv);
}
