/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-private.h: what the server's files share: its state, and the storage
 * functions of icw-sync-server-db.c that icw-sync-server.c calls inside its transactions. */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "icw-json-record.h"
#include "icw-store.h"
#include "icw-sync-server.h"
#include "icw-sync-server-store.h"
#include "icw-sync-source.h"

G_BEGIN_DECLS

struct _IcwSyncServer
{
  GObject      parent_instance;
  SoupServer  *soup;
  IcwServerStore *store;
  IcwSyncFault fault;
  char        *fault_path;
  guint        fault_count;
  guint        retry_after;
  gint64       applied;        /* changes stored by pushes (a test counter); undone with them */
  gint64       group_applied_before;   /* applied when the open group began */
  gint64       served;
  guint        requests;
  IcwStore    *scratch;        /* the workbench's schema, for checking records (icw-store-check.h) */
  char        *scratch_dir;
  GArray      *references[ICW_N_RECORD_KINDS];  /* each kind's IcwRecordReference, read once */
  GHashTable  *auth_failures;  /* client address → IcwAuthBucket: failed authentications */
  GSource     *purge_source;   /* hourly; the server's sources are on the context it runs in */
  guint        idle_timeout;   /* seconds without a byte before a connection is dropped */
  guint        request_deadline;  /* seconds for a request's headers and body to arrive */
  guint        auth_rate;      /* failed authentications per second per address, and the burst */
  guint        auth_burst;
  GOutputStream *access_log;   /* icw-sync-server-ops.c, or NULL */
  gint64       blob_limit;     /* the largest attachment's file taken (icw-sync-server-blobs.c) */
  guint        max_changes;    /* the changes of one push taken (ICW_SYNC_JSON_MAX_CHANGES) */
  /* Group commit (icw-sync-server-group.c). */
  gboolean     group_open;     /* a writing transaction holds pushes not yet committed */
  GPtrArray   *group_waiting;  /* its pushes' answers, given when it commits */
  GSource     *group_source;   /* the idle source (or the window's timeout) that commits it */
  guint        group_window_ms;   /* 0: commit when no request is ready; else after this window */
  gboolean     group_bypass;   /* this push commits on its own (a fault that drops its answer) */
  guint64      commits;        /* writing transactions committed by pushes */
  guint64      group_pushes;   /* pushes committed through groups */
  /* A push's rows (icw-sync-server-store.c): its records by id, their latest state (NULL when
   * the storage reads and writes one at a time); its writes waiting; the last sequence number
   * given (-1: not read yet); the first write that failed. */
  GHashTable  *push_records;
  GPtrArray   *push_pending;
  gint64       push_seq;
  GError      *push_error;
};

/* A refused change (docs/sync-protocol.md, "Refused changes"): code and field are static or
 * interned; reason is English, for people. */
typedef struct {
  const char *code;
  const char *field;
  char       *reason;
} IcwServerRefusal;

void            icw_server_refusal_clear   (IcwServerRefusal *refusal);
/* Appends the end of a change's result object for a refusal ("rejected", code, reason, field) and
 * clears the refusal. */
void            icw_server_add_refusal     (JsonBuilder      *results,
                                            IcwServerRefusal *refusal);
/* The member `name` of `object` when it is a JSON string, else NULL. */
const char     *icw_server_member_string   (JsonObject       *object,
                                            const char       *name);
const char     *icw_server_field_name      (const char       *name);

IcwServerToken  *icw_server_db_token       (IcwSyncServer *self,
                                            const char    *token);
void             icw_server_push_rows_begin (IcwSyncServer     *self,
                                             const char *const *ids,
                                             guint              n);
gboolean         icw_server_push_rows_end   (IcwSyncServer     *self,
                                             GError           **error);
void             icw_server_push_rows_drop  (IcwSyncServer     *self);
IcwServerRecord *icw_server_db_record      (IcwSyncServer *self,
                                            const char    *id);
char            *icw_server_db_province    (IcwSyncServer *self,
                                            const char    *center_id);
/* payload must live until the push's rows are written or dropped (icw_server_push_rows_end or
 * _drop): a push's waiting row borrows it. */
gint64           icw_server_db_put         (IcwSyncServer *self,
                                            const char    *kind,
                                            const char    *id,
                                            const char    *center_id,
                                            const char    *province,
                                            gboolean       deleted,
                                            const char    *payload,
                                            const char    *review,
                                            GError       **error);
/* The stored response of the key, and the hash of the batch it answered (NULL for a key stored
 * before hashes were). */
char            *icw_server_db_replay      (IcwSyncServer *self,
                                            const char    *token_hash,
                                            const char    *key,
                                            char         **body_hash);
gboolean         icw_server_db_remember    (IcwSyncServer *self,
                                            const char    *token_hash,
                                            const char    *key,
                                            const char    *body_hash,
                                            const char    *response,
                                            GError       **error);
gboolean         icw_server_db_lineage_has_comments (IcwSyncServer *self,
                                                     const char    *kind,
                                                     const char    *lineage_id,
                                                     const char    *comments);
gint64           icw_server_db_horizon     (IcwSyncServer *self);
/* The visible records after the cursor, in order, at most limit + 1 (the extra one says more). */
GPtrArray       *icw_server_db_pull        (IcwSyncServer  *self,
                                            IcwServerToken *token,
                                            gint64          after,
                                            guint           limit,
                                            GError        **error);

/* Whether the token may read the center's records (its own center; its province's centers). */
gboolean  icw_server_may_read         (IcwSyncServer     *self,
                                       IcwServerToken    *token,
                                       const char        *center_id);
/* icw-sync-server-check.c: one change decided before it is stored; FALSE with *refusal filled. */
/* The kind's references to other records (icw_store_record_references on the scratch store),
 * read from the schema on first use and kept: owned by the server. */
GArray   *icw_server_references       (IcwSyncServer     *self,
                                       IcwRecordKind      kind);
gboolean  icw_server_check_record     (IcwSyncServer     *self,
                                       IcwRecordKind      kind,
                                       const IcwJsonRecord *record,
                                       gboolean           deleted,
                                       const char        *payload,
                                       IcwServerRefusal  *refusal);
/* The record's center (the stored one, or the token's for a new record), its references checked;
 * NULL with *refusal filled. */
char     *icw_server_check_scope      (IcwSyncServer     *self,
                                       IcwServerToken    *token,
                                       IcwRecordKind      kind,
                                       const char        *id,
                                       const IcwJsonRecord *record,
                                       IcwServerRecord   *stored,
                                       IcwServerRefusal  *refusal);
/* The role's authority over a filed document's status, comments and content; *review is TRUE
 * when the change records a review outcome. */
gboolean  icw_server_check_authority  (IcwSyncServer     *self,
                                       IcwServerToken    *token,
                                       IcwRecordKind      kind,
                                       const IcwJsonRecord *record,
                                       IcwServerRecord   *stored,
                                       gboolean           deleted,
                                       gboolean          *review,
                                       IcwServerRefusal  *refusal);

/* icw-sync-server-targets.c: the 任务书's versions, kind "target-version": append-only, added
 * by the center's administrators and its province's reviewers. */
#define ICW_SERVER_TARGET_VERSION "target-version"
gboolean  icw_server_is_target_version    (const char        *kind_key);
/* The version alone (its form, period, rows, numbers, text), before the batch's transaction. */
gboolean  icw_server_check_target_version (JsonObject        *change,
                                           JsonObject        *record,
                                           const char        *payload,
                                           IcwServerRefusal  *refusal);
/* Decides and stores one version; its result (after "status") goes to results. FALSE only when
 * the database failed. */
gboolean  icw_server_apply_target_version (IcwSyncServer     *self,
                                           IcwServerToken    *token,
                                           const char        *id,
                                           JsonObject        *record,
                                           const char        *payload,
                                           JsonBuilder       *results,
                                           GError           **error);

/* icw-sync-server-text.c: the batch with every lone surrogate escape, "\u0000" and invalid UTF-8
 * byte inside a string replaced by the escape of U+FFFF (ICW_SERVER_TEXT_MARK once parsed), which
 * the record check refuses per change; NULL when there is nothing to replace. */
#define ICW_SERVER_TEXT_MARK "\xef\xbf\xbf"
char     *icw_server_mark_bad_text    (const char        *data,
                                       gsize              length,
                                       gsize             *out_length);
/* Whether JSON text holds an escape \uXXXX (the only way to write a lone surrogate or NUL in
 * valid UTF-8), or with raw_mark also U+FFFF itself: without them, a body that is valid UTF-8
 * needs no marking, and its strings are valid UTF-8 without U+FFFF or NUL. A cheap scan. */
gboolean  icw_server_text_may_be_bad (const char        *data,
                                       gsize              length,
                                       gboolean           raw_mark);

/* icw-sync-server-limits.c: what happens before a request's body is read (the token checked in
 * the headers phase, failed authentications rate-limited per address, bodies counted as they
 * arrive), connection timeouts, the listening socket, and the periodic purge. */
IcwServerToken *icw_server_authenticate   (IcwSyncServer     *self,
                                           SoupServerMessage *msg);
void            icw_server_watch_request  (IcwSyncServer     *self,
                                           SoupServerMessage *msg);
GSocket        *icw_server_listen_socket  (GInetAddress      *inet,
                                           guint              port,
                                           GError           **error);
void            icw_server_start_purge    (IcwSyncServer     *self);
/* icw-sync-server-ops.c: the access log's line for a request answered, and GET /v1/health. */
void            icw_server_log_access     (IcwSyncServer     *self,
                                           SoupServerMessage *msg,
                                           const char        *path,
                                           IcwServerToken    *token,
                                           gint64             started);
void            icw_server_handle_health  (IcwSyncServer     *self,
                                           SoupServerMessage *msg);
void            icw_server_respond_json   (SoupServerMessage *msg,
                                           guint              status,
                                           const char        *body);
/* A body the caller built of text known to be UTF-8 (a pull page: ASCII, and stored texts and
 * names each checked as they were spliced in), taken without a copy or a second check. */
void            icw_server_respond_checked_json (SoupServerMessage *msg,
                                                 guint              status,
                                                 char              *body,
                                                 gsize              length);
void            icw_server_respond_error  (SoupServerMessage *msg,
                                           guint              status,
                                           const char        *code,
                                           const char        *message);
/* An error's body: its code and message, and the server's limit of changes a push when it is the
 * reason (max_changes > 0: "too-many-changes"). */
void            icw_server_respond_error_body (SoupServerMessage *msg,
                                               guint              status,
                                               const char        *code,
                                               const char        *message,
                                               guint              max_changes);

/* icw-sync-server-push.c: POST /v1/push, applied in one transaction with its idempotency key. */
void            icw_server_handle_push    (IcwSyncServer     *self,
                                           SoupServerMessage *msg,
                                           IcwServerToken    *token);

/* icw-sync-server-group.c: group commit of pushes (storage with savepoints; see the file). */
gboolean        icw_server_group_enabled  (IcwSyncServer     *self);
/* A push's start: the group's transaction (begun when none is open) and the push's savepoint. */
gboolean        icw_server_group_begin    (IcwSyncServer     *self,
                                           GError           **error);
/* The push's part undone; the rest of the group stays. */
void            icw_server_group_undo     (IcwSyncServer     *self);
/* The push's part kept and its message paused; body (taken) is its answer once the group is
 * durable. FALSE (the push undone) with the error set. */
gboolean        icw_server_group_keep     (IcwSyncServer     *self,
                                           SoupServerMessage *msg,
                                           char              *body,
                                           GError           **error);
/* When msg waits in the group: its access log line is written with its answer (the token is
 * taken) and TRUE; the group commits now if it is full. */
gboolean        icw_server_group_log_later (IcwSyncServer     *self,
                                            SoupServerMessage *msg,
                                            const char        *path,
                                            IcwServerToken   **token,
                                            gint64             started);
/* Commits the open group, if any, and answers its pushes; FALSE when it could not be committed. */
gboolean        icw_server_group_flush    (IcwSyncServer     *self);
/* A writing transaction for anything but a push: the open group is committed first. */
gboolean        icw_server_begin          (IcwSyncServer     *self,
                                           GError           **error);

/* icw-sync-server-blobs.c: /v1/blobs/SHA256[/status], attachments' files. */
void            icw_server_handle_blob    (IcwSyncServer     *self,
                                           SoupServerMessage *msg,
                                           IcwServerToken    *token,
                                           const char        *path,
                                           GHashTable        *query);

G_END_DECLS
