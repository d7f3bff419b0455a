/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync-roundtrip.h: the round trip through the reference server that both the libFuzzer target
 * (fuzz-sync-roundtrip.c) and the plain replay driver of the test suite (replay-sync-roundtrip.c)
 * run: an input becomes a push batch of one fresh center, the center is pulled back, and what the
 * server answered `applied` must come back as it was pushed (docs/fuzzing.md). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IcwRoundtrip IcwRoundtrip;

/* What the runs did, for the driver's summary. */
typedef struct {
  guint64 inputs;
  guint64 pushes_refused;   /* the whole batch answered 4xx */
  guint64 applied;
  guint64 rejected;
  guint64 conflicts;
} IcwRoundtripStats;

/* An in-process server on loopback over a database in a temporary directory. */
IcwRoundtrip            *icw_roundtrip_new   (void);
void                     icw_roundtrip_free  (IcwRoundtrip *self);

/* One input: pushed, pulled, re-read and checked. A broken property aborts (g_error), which
 * libFuzzer and the test suite both report as a failure. */
void                     icw_roundtrip_run   (IcwRoundtrip *self,
                                              const guint8 *data,
                                              gsize         size);
const IcwRoundtripStats *icw_roundtrip_stats (IcwRoundtrip *self);

G_END_DECLS
