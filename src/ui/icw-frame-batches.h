/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-frame-batches.h: work done a batch a frame in a window on screen, so that no frame carries
 * the measuring of all of it (issue 20: the readiness panel's and the rule packs' rows). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _IcwFrameBatches IcwFrameBatches;

/* Does the next batch; returns whether more wait. */
typedef gboolean (*IcwFrameBatchFunc) (gpointer data);

/* When WIDGET's window is on screen: runs FUNC once now, then once after each frame is painted (in
 * an idle of low priority, so that the frame reaches the screen first) while FUNC says more wait,
 * and returns the running batches (stop them with icw_frame_batches_stop() before DATA goes).
 * Otherwise returns NULL and runs nothing: the caller does all of it at once. */
IcwFrameBatches *icw_frame_batches_start (GtkWidget         *widget,
                                          IcwFrameBatchFunc  func,
                                          gpointer           data);
/* Stops them (NULL or finished: nothing) and clears *BATCHES. */
void             icw_frame_batches_stop  (IcwFrameBatches  **batches);
/* Whether batches still wait. */
gboolean         icw_frame_batches_waiting (IcwFrameBatches  *batches);

G_END_DECLS
