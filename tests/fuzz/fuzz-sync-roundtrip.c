/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-sync-roundtrip.c: a libFuzzer target for the reference server: each input is pushed as a
 * batch, the center is pulled back and what was applied must return unchanged (sync-roundtrip.c
 * says how an input becomes a batch and what is checked). One in-process server for the whole
 * run. Build: meson setup -Dfuzz=true with CC=clang; see docs/fuzzing.md. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "sync-roundtrip.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static IcwRoundtrip *roundtrip;

static void
cleanup (void)
{
  g_clear_pointer (&roundtrip, icw_roundtrip_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  roundtrip = icw_roundtrip_new ();
  atexit (cleanup);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  icw_roundtrip_run (roundtrip, data, size);
  return 0;
}
