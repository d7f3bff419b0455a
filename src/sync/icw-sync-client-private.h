/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-client-private.h: what the sync client's files share: the client and the state of a run;
 * the request chain (icw-sync-client.c), what is done with each answer (icw-sync-client-answer.c),
 * and the store side of a run (a push batch's results, a pull page, a record asked back, a change
 * too large to send) in icw-sync-client-apply.c, each in one store transaction. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "icw-store-sync.h"
#include "icw-sync-pull-page.h"
#include "icw-sync-client.h"

G_BEGIN_DECLS

struct _IcwSyncClient
{
  GObject      parent_instance;
  IcwStore    *store;
  char        *url;
  char        *token;
  SoupSession *session;
  guint        batch_size, page_size, max_attempts, base_delay_ms, max_delay_ms;
  guint        deadline_ms;
  gsize        blob_part;    /* bytes per part of a file uploaded (icw-sync-client-blobs.c) */
  guint        pull_group;   /* records of the pull pages applied in one transaction */
};

/* A pull page read and checked, waiting to be applied with the pages after it; its changes point
 * into bytes. */
typedef struct {
  GBytes      *bytes;
  IcwPullPage *page;
} IcwHeldPage;

typedef struct {
  IcwSyncMode   mode;
  IcwSyncReport report;
  gboolean      pulling;
  gboolean      resynced;
  guint         attempt;
  GPtrArray    *batch;       /* IcwOutboxChange of the push in flight */
  guint         batch_limit; /* changes per batch: halved after a 413, the server's after a
                              * 400 for too many changes */
  char         *sent_cursor; /* the cursor of the pull in flight */
  char         *fetch_key;   /* the refetch entry of the record being fetched */
  GError       *push_error;  /* a whole batch refused (403): told after the pull */
  void        (*resume) (GTask *task);   /* what a wait for a backoff ends with */
  char         *method;
  char         *path;        /* of the request, below the server's address */
  GBytes       *body;
  SoupMessage  *msg;
  GSource      *wait;         /* the backoff before a retry (icw_sync_timeout_new) */
  gulong        network_id;
  GHashTable   *files_sent;    /* SHA-256 of the files the server has (icw-sync-client-blobs.c) */
  gboolean      files_fetched; /* the files of pulled attachments were asked for */
  GPtrArray    *target_batch;  /* IcwTargetSet of the push of target versions in flight (icw-sync-client-targets.c) */
  GPtrArray    *held;          /* IcwHeldPage: pull pages that came, applied together later */
  guint         held_records;
  gsize         held_bytes;
  GError       *held_error;    /* the held pages failed while the next page was asked for (or a
                                * push's acknowledgement while the next batch was on its way): the
                                * run ends with it when that answer comes, which is discarded */
  GPtrArray    *answered;      /* IcwOutboxChange of the push batch whose answer came, acknowledged
                                * once the batch after it is sent (docs/sync-protocol.md, "The next
                                * batch sent before the last one is acknowledged") */
  GPtrArray    *answered_revisions;   /* its revisions when every change was applied, */
  JsonNode     *answered_root;        /* else its answer (checked, without "retry") */
  gulong        wrote_id;      /* "wrote-body" of the push batch in flight */
  GSource      *ack_source;    /* the acknowledgement of the answered batch, once the next has left */
  GSource      *prepare_source;     /* the next batch's preparation, once the one in flight has left */
  GPtrArray    *prepared;      /* IcwOutboxChange of the next batch, read, its body built and its
                                * key committed while the server handles the one in flight
                                * (docs/sync-protocol.md): sent as soon as that one's answer says
                                * it may go */
  GBytes       *prepared_body;
  char         *prepared_key;  /* its key, committed as next-key */
  char         *prepared_after; /* the pending batch's last seq it was read after */
} Run;

/* The names, in the sync state, of the push's pending batches (the server's address in each):
 * the oldest not yet acknowledged (key, last seq, and the seq it starts after when it does not
 * start at the outbox's beginning) and the one sent after it ahead of its acknowledgement (key,
 * last seq; it starts after the oldest's last seq). */
typedef struct {
  char *key, *seq, *from;
  char *next_key, *next_seq;
} IcwPushState;

void     icw_sync_client_push_state_init (IcwSyncClient      *self,
                                          IcwPushState       *state);
void     icw_sync_push_state_clear       (IcwPushState       *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IcwPushState, icw_sync_push_state_clear)
/* In the caller's transaction: the oldest batch is acknowledged: the next one, if any, becomes
 * the oldest (starting after the acknowledged one's last seq), unless keep_next is FALSE (the
 * answer asked for changes again, which go before it): its key is then forgotten, and its rows go
 * again in order under a new key (the server answers "applied" to a change it already holds). */
gboolean icw_sync_push_state_advance     (IcwStore           *store,
                                          const IcwPushState *state,
                                          gboolean            keep_next,
                                          GError            **error);
/* Both keys forgotten (413, 422, 400 for too many changes: nothing of the batch was applied; the
 * rows go again under a new key). */
gboolean icw_sync_push_state_forget      (IcwStore           *store,
                                          const IcwPushState *state,
                                          GError            **error);
/* The batch whose answer came (Run.answered) acknowledged now, if it has not been yet. */
gboolean icw_sync_client_acknowledge_answered (GTask         *task,
                                               GError       **error);
/* The answer is one the client need not wait after (valid, no "retry"): the next batch may go
 * before it is acknowledged. */
gboolean icw_sync_push_results_final     (GPtrArray          *batch,
                                          JsonNode           *root);
/* Sends the next batch before the answered one (Run.answered) is acknowledged, when it may go
 * ahead (TRUE): the one prepared while the server handled the answered one, or one read now; the
 * acknowledgement then follows once its body is written. */
gboolean icw_sync_client_send_ahead      (GTask              *task);
/* The batch after the one in flight (Run.batch) read, its body built and its key committed as
 * next-key (Run.prepared), when it may go ahead; TRUE when one is prepared. Never fails the run. */
gboolean icw_sync_client_prepare_next    (GTask              *task);
void     icw_sync_client_prepared_clear  (Run                *run);
/* "wrote-body" of an outbox batch: the batch before it acknowledged, then the one after it
 * prepared, each from an idle. */
void     icw_sync_client_on_push_written (SoupMessage        *msg,
                                          gpointer            data);

/* The request chain (icw-sync-client.c). */
char    *icw_sync_client_state_key    (IcwSyncClient *self,
                                       const char    *name);
void     icw_sync_client_fail         (GTask         *task,
                                       GError        *error);
void     icw_sync_client_step         (GTask         *task);
/* The run's next request: its method, and its path (taken); the ones before are freed. */
void     icw_sync_client_set_request  (Run           *run,
                                       const char    *method,
                                       char          *path);
void     icw_sync_client_send_request (GTask         *task);
/* Asks for the pull page after cursor (NULL: the first). */
void     icw_sync_client_request_page (GTask         *task,
                                       const char    *cursor);
void     icw_sync_client_hold_page    (GTask         *task,
                                       GBytes        *bytes,
                                       IcwPullPage   *page);
gboolean icw_sync_client_held_full    (GTask         *task);
/* The pull pages held (Run.held) applied in one transaction with the last one's cursor (and the
 * WAL checkpointed when last); none left held. */
gboolean icw_sync_client_apply_held   (GTask         *task,
                                       gboolean       last,
                                       GError       **error);
/* Waits (capped exponential backoff with full jitter, at least Retry-After up to the cap), then
 * calls resume; ends the run when the attempts are used up. */
void     icw_sync_client_retry_later  (GTask         *task,
                                       guint          retry_after_s,
                                       const char    *why,
                                       void         (*resume) (GTask *task));
/* The answers (icw-sync-client-answer.c). */
void     icw_sync_client_on_response  (GObject       *source,
                                       GAsyncResult  *result,
                                       gpointer       data);
void     icw_sync_client_finish_run   (GTask         *task);

/* Records what the server answered for each change of batch and advances the pending keys
 * (icw_sync_push_state_advance). *n_retry gets the number of changes the server asked to send again, *n_done the
 * others. */
gboolean icw_sync_apply_push_results (IcwStore       *store,
                                      GPtrArray      *batch,
                                      JsonNode       *root,
                                      const IcwPushState *state,
                                      IcwSyncReport  *report,
                                      guint          *n_retry,
                                      guint          *n_done,
                                      GError        **error);
/* A push's answer in which every change of batch was applied, read in place without a tree
 * (icw-sync-push-answer.c): TRUE with each change's revision in revisions (g_free'd strings), or
 * FALSE when the answer is anything else, which the tree and the validator then read. */
gboolean icw_sync_read_push_applied  (const char     *data,
                                      gsize           length,
                                      GPtrArray      *batch,
                                      GPtrArray      *revisions);
/* icw_sync_apply_push_results for such an answer: every change applied with its revision. */
gboolean icw_sync_apply_push_applied (IcwStore       *store,
                                      GPtrArray      *batch,
                                      GPtrArray      *revisions,
                                      const IcwPushState *state,
                                      IcwSyncReport  *report,
                                      GError        **error);
/* A page's text read in place (icw-sync-pull-page.c) and its cursor checked: a page that says
 * there is more without moving past sent_cursor (or with nothing in it) is an error, the pull
 * would never end. The page's changes point into data. */
IcwPullPage *icw_sync_read_pull_page (const char     *data,
                                      gsize           length,
                                      const char     *sent_cursor,
                                      GError        **error);
/* Applies held pages (IcwHeldPage) in one transaction, each record handed to the store as the
 * bytes it came as, and stores the last page's cursor under cursor_key; last: the pull's last
 * page, after which the WAL is checkpointed. If the transaction fails, the pages are applied again
 * one a transaction up to the one that fails, so that the store ends as it would have if each
 * page had been applied alone as it came. */
gboolean icw_sync_apply_pull_pages   (IcwStore       *store,
                                      GPtrArray      *held,
                                      const char     *cursor_key,
                                      gboolean        last,
                                      IcwSyncReport  *report,
                                      GError        **error);
/* One change the server will not take whatever the batch (413 alone): it goes to the attention
 * list as rejected with the code "too-large", and the pending keys advance. */
gboolean icw_sync_reject_too_large   (IcwStore        *store,
                                      IcwOutboxChange *change,
                                      const IcwPushState *state,
                                      IcwSyncReport   *report,
                                      GError         **error);

/* The first change of batch that no server would take: a record over the protocol's 1 MiB limit of
 * one record (its JSON text), which also bounds every string in it. NULL when there is none. */
IcwOutboxChange *icw_sync_find_oversize (GPtrArray *batch);
/* A record the user asked back from the server (root is a pulled change): written as the server
 * has it unless it was edited again since, and its refetch entry removed. */
gboolean icw_sync_apply_fetched      (IcwStore       *store,
                                      JsonNode       *root,
                                      const char     *refetch_key,
                                      IcwSyncReport  *report,
                                      GError        **error);

/* Attachments' files (icw-sync-client-blobs.c): those of the batch's attachments the server does
 * not have yet are uploaded before the batch (resuming a cut upload); after a pull, the files of
 * attachments without one are downloaded. */
/* Both TRUE when a transfer started: it then goes on with the run (icw_sync_client_step, or
 * icw_sync_client_finish_run) or fails it. */
gboolean icw_sync_client_upload_files   (GTask          *task,
                                         GPtrArray      *batch);
gboolean icw_sync_client_download_files (GTask          *task);

/* The 任务书's versions (icw-sync-client-targets.c): after the outbox, the versions still to push
 * go in batches of their own (TRUE when a request was sent or the run failed); their results are
 * recorded in one transaction; a pulled version is added unless its ID is here; a pulled
 * acceptance carries its application's targets once. */
gboolean icw_sync_client_push_targets     (GTask          *task);
gboolean icw_sync_apply_target_results    (IcwStore       *store,
                                           GPtrArray      *batch,
                                           JsonNode       *root,
                                           IcwSyncReport  *report,
                                           guint          *n_retry,
                                           guint          *n_done,
                                           GError        **error);
gboolean icw_sync_is_target_version       (JsonObject     *change);
gboolean icw_sync_apply_pulled_targets    (IcwStore       *store,
                                           JsonObject     *change,
                                           IcwSyncReport  *report,
                                           GError        **error);
/* The pulled versions that waited for their center or application, applied once these are here. */
gboolean icw_sync_apply_waiting_targets   (IcwStore       *store,
                                           IcwSyncReport  *report,
                                           GError        **error);
gboolean icw_sync_carry_pulled_acceptance (IcwStore       *store,
                                           const char     *application_id,
                                           GError        **error);

G_END_DECLS
