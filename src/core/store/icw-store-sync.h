/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-sync.h: what the store offers the sync client (src/sync/): reading the outbox in
 * batches, recording what the server answered, applying pulled records without an outbox entry,
 * the sync state (cursor, pending idempotency key) and the conflict list. All of it is SQL, so it
 * lives in the store (icw-store-remote.c, icw-store-conflicts.c): nothing else writes SQL. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-store.h"

G_BEGIN_DECLS

/* The kinds as the protocol names them, and what the server needs to find a record's center. */
gboolean    icw_record_kind_from_key        (const char    *key,
                                             IcwRecordKind *out);
const char *icw_record_kind_parent_column   (IcwRecordKind  kind);
/* Whether the column names a record's parent: the kind's parent column or its other one (an
 * attachment's report_id). */
gboolean    icw_record_kind_is_parent_column (IcwRecordKind  kind,
                                              const char    *column);

/* One change to push: the latest state of a record from its outbox rows up to max_seq, with the
 * base revision of the earliest of them. */
typedef struct {
  IcwRecordKind  kind;
  char          *id;
  char          *op;             /* "upsert" or "delete" */
  char          *payload;        /* the record as JSON text */
  char          *base_revision;  /* or NULL */
  gint64         max_seq;        /* the last outbox row this change covers */
} IcwOutboxChange;

void        icw_outbox_change_free          (IcwOutboxChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwOutboxChange, icw_outbox_change_free)

/* Up to `limit` records' changes in outbox order; only rows up to `up_to_seq` when it is > 0 (the
 * batch of a pending idempotency key is rebuilt exactly). *batch_max_seq gets the last row read.
 * The read raises the outbox's read mark to it in the same transaction: a save never folds into
 * a row a batch has read (icw-store-outbox.c). */
GPtrArray  *icw_store_outbox_batch          (IcwStore        *self,
                                             guint            limit,
                                             gint64           up_to_seq,
                                             gint64          *batch_max_seq,
                                             GError         **error);
/* The same for the rows after after_seq only (> 0), ending before the first row of a record whose
 * ID is in stop_at (a set of IDs, or NULL): the batch sent while the one before it, whose records
 * these are, is not yet acknowledged (icw-sync-client.c). */
GPtrArray  *icw_store_outbox_batch_after    (IcwStore        *self,
                                             guint            limit,
                                             gint64           after_seq,
                                             gint64           up_to_seq,
                                             GHashTable      *stop_at,
                                             gint64          *batch_max_seq,
                                             GError         **error);
gboolean    icw_store_outbox_has_record     (IcwStore        *self,
                                             const char      *id);
/* Some record has an outbox row or a conflict: when not, no record can (a pull applies its pages
 * without asking for each record; icw-sync-client-apply.c). */
gboolean    icw_store_has_local_changes     (IcwStore        *self);

/* The server applied a change: the record takes the revision, its outbox rows up to max_seq go,
 * and later rows of it are rebased on the new revision. No outbox row is written. */
gboolean    icw_store_ack_change            (IcwStore        *self,
                                             IcwRecordKind    kind,
                                             const char      *id,
                                             gint64           max_seq,
                                             const char      *revision,
                                             GError         **error);

/* The same for the changes of a batch (IcwOutboxChange), revisions[i] for changes[i]: one INSERT
 * a change into a temporary table and a few set statements, rather than three statements a
 * change (the sync client's push answer). */
gboolean    icw_store_ack_changes           (IcwStore           *self,
                                             GPtrArray          *changes,
                                             const char *const  *revisions,
                                             GError            **error);

/* Writes a record the server sent (JSON object text of its columns) with its revision, deleted or
 * not, without an outbox row; the store's object and lists follow. */
gboolean    icw_store_apply_remote          (IcwStore        *self,
                                             IcwRecordKind    kind,
                                             const char      *json,
                                             const char      *revision,
                                             gboolean         deleted,
                                             GError         **error);
/* The same for the record's text json[0..length), not NUL-terminated (a record of a pulled page,
 * handed over as the bytes it came as), which the caller has checked to be UTF-8. */
gboolean    icw_store_apply_remote_text     (IcwStore        *self,
                                             IcwRecordKind    kind,
                                             const char      *json,
                                             gsize            length,
                                             const char      *revision,
                                             gboolean         deleted,
                                             GError         **error);
/* Begins a batch (icw_store_commit_batch or icw_store_rollback_batch end it) whose rows can all be
 * fetched from the server again, a pull page and its cursor: committed without the fsync of an
 * edit's commit, which comes back at its end (icw-store-remote-apply.c). */
gboolean    icw_store_begin_refetchable_batch (IcwStore      *self,
                                               GError       **error);
/* Copies the WAL into the database file after such batches (a pull's end), without waiting. */
gboolean    icw_store_checkpoint              (IcwStore      *self,
                                               GError       **error);
/* Pulled records written in batches (a group of pull pages'): the rows of one kind that follow
 * each other go to the database by one INSERT … SELECT when the kind changes and at
 * icw_remote_batch_flush, which the caller runs before anything that reads what the rows write
 * and before its commit. The texts and revisions handed to add must stay valid until then. A
 * record whose text is not one object with an ID is refused at add; a field of the wrong type
 * when the batch is written. */
typedef struct _IcwRemoteBatch IcwRemoteBatch;

IcwRemoteBatch *icw_remote_batch_new        (IcwStore        *store);
gboolean    icw_remote_batch_add            (IcwRemoteBatch  *batch,
                                             IcwRecordKind    kind,
                                             const char      *json,
                                             gsize            length,
                                             const char      *revision,
                                             gboolean         deleted,
                                             GError         **error);
gboolean    icw_remote_batch_flush          (IcwRemoteBatch  *batch,
                                             GError         **error);
void        icw_remote_batch_free           (IcwRemoteBatch  *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwRemoteBatch, icw_remote_batch_free)

/* The local revision of a record, deleted or not; NULL when it has none or no row. */
char       *icw_store_local_revision        (IcwStore        *self,
                                             IcwRecordKind    kind,
                                             const char      *id);

/* Small text values of the sync client (cursor, pending key), in the local database. A NULL
 * value removes the key. */
/* Whether this database syncs with a server (it has pulled or pushed): review outcomes are then
 * the reviewers' alone, never recorded here. */
gboolean    icw_store_syncs_with_server     (IcwStore        *self);
/* The keys that start with prefix (NULL-terminated, never NULL). */
char      **icw_store_sync_state_keys       (IcwStore        *self,
                                             const char      *prefix);
/* A record whose server version the user asked back: "refetch KIND ID" in the sync state; the
 * client fetches it at its next run, before pulling. */
#define ICW_SYNC_REFETCH_PREFIX "refetch "
char       *icw_store_sync_state_get        (IcwStore        *self,
                                             const char      *key);
gboolean    icw_store_sync_state_set        (IcwStore        *self,
                                             const char      *key,
                                             const char      *value,
                                             GError         **error);

/* Conflicts (icw-store-conflicts.c). */
typedef enum {
  ICW_CONFLICT_KEEP_MINE,
  ICW_CONFLICT_KEEP_THEIRS,
  ICW_CONFLICT_KEEP_BOTH,
  /* A refused change: mine is given up. The server's version comes back (now when the conflict
   * holds it, else at the next sync); a new record the server never had is deleted here; a new
   * record whose ID was taken (code "id-taken") gets a new ID, and its references follow. */
  ICW_CONFLICT_DISCARD_MINE,
} IcwConflictResolution;

typedef struct {
  gint64         seq;
  IcwRecordKind  kind;
  char          *record_id;
  char          *mine;            /* my version (JSON), or NULL */
  char          *mine_op;
  char          *theirs;          /* the server's version (JSON), or NULL (rejected) */
  char          *their_revision;
  gboolean       their_deleted;
  char          *reason;          /* why the server rejected mine, or NULL */
  char          *code;            /* the refusal's stable key ("id-taken", …), or NULL */
  char          *field;           /* the field the refusal is about, or NULL */
  char          *detected_at;
} IcwSyncConflict;

void        icw_sync_conflict_free          (IcwSyncConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwSyncConflict, icw_sync_conflict_free)

/* Keeps both versions of a record: `mine` (or, when NULL, the latest outbox payload) and the
 * server's. The record's outbox rows up to max_seq (all of them when max_seq <= 0) go: the conflict
 * now holds my change. */
gboolean    icw_store_add_conflict          (IcwStore        *self,
                                             IcwRecordKind    kind,
                                             const char      *id,
                                             gint64           max_seq,
                                             const char      *theirs,
                                             const char      *their_revision,
                                             gboolean         their_deleted,
                                             const char      *reason,
                                             GError         **error);
/* The server refused a change for good: it leaves the outbox for the attention list, with the
 * server's code (NULL from an older server), reason and field (or NULL). */
gboolean    icw_store_add_rejection         (IcwStore        *self,
                                             IcwRecordKind    kind,
                                             const char      *id,
                                             gint64           max_seq,
                                             const char      *code,
                                             const char      *reason,
                                             const char      *field,
                                             GError         **error);
GPtrArray  *icw_store_list_conflicts        (IcwStore        *self,
                                             GError         **error);
gint64      icw_store_count_conflicts       (IcwStore        *self);
gboolean    icw_store_conflict_has_record   (IcwStore        *self,
                                             const char      *id);
gboolean    icw_store_resolve_conflict      (IcwStore              *self,
                                             gint64                 seq,
                                             IcwConflictResolution  resolution,
                                             char                 **copy_id,
                                             GError               **error);

/* Attachments whose record came through sync but whose file is not in the database yet
 * (icw-store-attachment-files.c). */
typedef struct {
  char   *id;
  char   *name;
  char   *sha256;
  gint64  size;
} IcwAttachmentFile;

void        icw_attachment_file_free          (IcwAttachmentFile *file);
GPtrArray  *icw_store_attachments_to_download (IcwStore          *self);
/* Writes a downloaded file into its attachment after checking it against the record's SHA-256;
 * no outbox entry. */
gboolean    icw_store_write_attachment_file   (IcwStore          *self,
                                               const char        *attachment_id,
                                               GBytes            *content,
                                               GError           **error);

G_END_DECLS
