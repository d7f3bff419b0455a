/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-source.h: the sync library's timeouts and idles, attached to the calling thread's
 * default main context (the one a client and its session, or a server and its connections, run
 * in), not the process's global one: a client or a server run in a thread with a context of its
 * own times out, retries and commits there. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A timeout source calling func (data) after ms. Ended (destroyed and released, if not NULL) by
 * icw_sync_timeout_clear, which sets *source to NULL; a source that ran to its end (func returned
 * G_SOURCE_REMOVE) is still to be released, by icw_sync_timeout_clear too. */
GSource *icw_sync_timeout_new   (guint        ms,
                                 GSourceFunc  func,
                                 gpointer     data);
/* An idle source of G_PRIORITY_DEFAULT_IDLE calling func (data), ended as a timeout is. */
GSource *icw_sync_idle_new      (GSourceFunc  func,
                                 gpointer     data);
void     icw_sync_timeout_clear (GSource    **source);

G_END_DECLS
