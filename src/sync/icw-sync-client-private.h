/* icw-sync-client-private.h: what the sync client's files share: the store side of a run (a push
 * batch's results, a pull page, a change too large to send) in icw-sync-client-apply.c, each in
 * one store transaction, called by the request chain of icw-sync-client.c. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-store-sync.h"
#include "icw-sync-client.h"

G_BEGIN_DECLS

/* Records what the server answered for each change of batch and clears the pending key (key_name,
 * seq_name). *n_retry gets the number of changes the server asked to send again, *n_done the
 * others. */
gboolean icw_sync_apply_push_results (IcwStore       *store,
                                      GPtrArray      *batch,
                                      JsonNode       *root,
                                      const char     *key_name,
                                      const char     *seq_name,
                                      IcwSyncReport  *report,
                                      guint          *n_retry,
                                      guint          *n_done,
                                      GError        **error);
/* Applies a page and stores its cursor under cursor_key. A page that says there is more without
 * moving past sent_cursor (or with nothing in it) is an error: the pull would never end. */
gboolean icw_sync_apply_pull_page    (IcwStore       *store,
                                      JsonNode       *root,
                                      const char     *sent_cursor,
                                      const char     *cursor_key,
                                      IcwSyncReport  *report,
                                      gboolean       *more,
                                      GError        **error);
/* One change the server will not take whatever the batch (413 alone): it goes to the attention
 * list as rejected with the code "too-large", and the pending key is cleared. */
gboolean icw_sync_reject_too_large   (IcwStore        *store,
                                      IcwOutboxChange *change,
                                      const char      *key_name,
                                      const char      *seq_name,
                                      IcwSyncReport   *report,
                                      GError         **error);

/* A record the user asked back from the server (root is a pulled change): written as the server
 * has it unless it was edited again since, and its refetch entry removed. */
gboolean icw_sync_apply_fetched      (IcwStore       *store,
                                      JsonNode       *root,
                                      const char     *refetch_key,
                                      IcwSyncReport  *report,
                                      GError        **error);

G_END_DECLS
