/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-client.h: the sync client: pushes the outbox in batches with an idempotency key, then
 * pulls by cursor in pages (docs/sync-protocol.md). Asynchronous on the thread's main context;
 * every request has an idle timeout, a total deadline and a cap on the answer's size; transport
 * errors, 429, 5xx and "retry" results are retried with capped exponential backoff and jitter
 * (honouring Retry-After), at once when the network comes back; a certificate that is not
 * trusted is never retried. Refused changes go to the attention list one by one. */
#pragma once

#include <gio/gio.h>

#include "icw-store.h"
#include "icw-sync-error.h"

G_BEGIN_DECLS

#define ICW_TYPE_SYNC_CLIENT (icw_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (IcwSyncClient, icw_sync_client, ICW, SYNC_CLIENT, GObject)

typedef enum {
  ICW_SYNC_PUSH = 1 << 0,
  ICW_SYNC_PULL = 1 << 1,
  ICW_SYNC_BOTH = ICW_SYNC_PUSH | ICW_SYNC_PULL,
} IcwSyncMode;

typedef struct {
  guint pushed;      /* changes the server applied */
  guint conflicts;   /* conflicts kept (push and pull) */
  guint rejected;    /* changes the server rejected (kept in the conflict list) */
  guint pulled;      /* records written from the server */
  guint retries;     /* requests sent again */
  guint files_sent;      /* attachments' files the server has after the run's uploads */
  guint files_received;  /* attachments' files downloaded */
} IcwSyncReport;

IcwSyncClient *icw_sync_client_new         (IcwStore       *store,
                                            const char     *server_url,
                                            const char     *token,
                                            GError        **error);
/* Batch and page sizes, attempts per request, backoff base and cap (ms), request timeout (s). */
void           icw_sync_client_set_limits  (IcwSyncClient  *self,
                                            guint           batch_size,
                                            guint           page_size,
                                            guint           max_attempts,
                                            guint           base_delay_ms,
                                            guint           max_delay_ms,
                                            guint           timeout_s);
/* The total time a request may take, answer included (the timeout above is for silence). */
void           icw_sync_client_set_deadline (IcwSyncClient *self,
                                             guint          deadline_ms);
void           icw_sync_client_run_async   (IcwSyncClient       *self,
                                            IcwSyncMode          mode,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean       icw_sync_client_run_finish  (IcwSyncClient  *self,
                                            GAsyncResult   *result,
                                            IcwSyncReport  *report,
                                            GError        **error);
/* The records of the pull pages applied together in one transaction (the pages held in memory
 * until they reach it or the last page came; 0: the default, 2,000; 1: each page alone). */
void           icw_sync_client_set_pull_group (IcwSyncClient *self,
                                               guint          records);
/* The size of the parts an attachment's file is uploaded in (0: 1 MiB). */
void           icw_sync_client_set_file_part (IcwSyncClient *self,
                                              gsize          bytes);
/* Runs the operation on a main loop of its own (the command line, tests). */
gboolean       icw_sync_client_run         (IcwSyncClient  *self,
                                            IcwSyncMode     mode,
                                            IcwSyncReport  *report,
                                            GError        **error);

G_END_DECLS
