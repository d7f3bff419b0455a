/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-store.h: the reference server's storage interface, with two implementations:
 * SQLite (icw-sync-server-sqlite.c, one file, the default) and PostgreSQL (icw-sync-server-pg.c,
 * libpq, for several server processes on one database). The server (icw-sync-server.c) and its
 * checks call only these functions; nothing a request needs is kept in a process between
 * requests except the open connection. */
#pragma once

#include <glib.h>

#include "icw-sync-server.h"

G_BEGIN_DECLS

typedef struct {
  char     *hash;
  gboolean  reviewer;
  char     *center_id;   /* admin */
  char     *province;    /* reviewer: a GB/T 2260 code when the name was known (icw-sync-province.h) */
} IcwServerToken;

void            icw_server_token_free      (IcwServerToken *token);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwServerToken, icw_server_token_free)

typedef struct {
  char     *id;
  char     *kind;
  char     *center_id;
  gint64    seq;
  gboolean  deleted;
  char     *payload;
  char     *review;   /* JSON: who recorded the review outcome, and when; or NULL */
  char     *province; /* a center's province code, set only in a row a push writes (put_rows) */
  gboolean  payload_borrowed; /* payload is the push's own text, not freed with the record (a
                               * push's waiting row and its state, icw-sync-server-store.c) */
} IcwServerRecord;

void             icw_server_record_free     (IcwServerRecord *record);
IcwServerRecord *icw_server_record_copy     (const IcwServerRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwServerRecord, icw_server_record_free)

typedef struct _IcwServerStore IcwServerStore;

typedef struct {
  const char *name;   /* "sqlite", "postgresql" */
  void             (*close)         (IcwServerStore *store);
  /* A writing transaction. On PostgreSQL it first takes the server-wide advisory lock, so writing
   * transactions of all processes run one after the other and commit in the order of their
   * sequence numbers (docs/sync-protocol.md, "Several server processes"). */
  gboolean         (*begin)         (IcwServerStore *store, GError **error);
  gboolean         (*commit)        (IcwServerStore *store, GError **error);
  void             (*rollback)      (IcwServerStore *store);
  gboolean         (*add_token)     (IcwServerStore *store, const char *hash, const char *role,
                                     const char *center_id, const char *province, const char *now,
                                     GError **error);
  IcwServerToken  *(*token)         (IcwServerStore *store, const char *hash);
  GPtrArray       *(*list_tokens)   (IcwServerStore *store, GError **error);
  /* Revokes the tokens whose hash starts with prefix; the number revoked, or -1. */
  gint64           (*revoke_tokens) (IcwServerStore *store, const char *prefix, GError **error);
  IcwServerRecord *(*record)        (IcwServerStore *store, const char *id);
  char            *(*province)      (IcwServerStore *store, const char *center_id);
  gint64           (*put)           (IcwServerStore *store, const char *kind, const char *id,
                                     const char *center_id, const char *province, gboolean deleted,
                                     const char *payload, const char *review, const char *now,
                                     GError **error);
  char            *(*replay)        (IcwServerStore *store, const char *token_hash, const char *key,
                                     char **body_hash);
  gboolean         (*remember)      (IcwServerStore *store, const char *token_hash, const char *key,
                                     const char *body_hash, const char *response, const char *now,
                                     GError **error);
  gboolean         (*lineage_has_comments) (IcwServerStore *store, const char *kind,
                                            const char *lineage_id, const char *comments);
  gint64           (*horizon)       (IcwServerStore *store);
  GPtrArray       *(*pull)          (IcwServerStore *store, gboolean reviewer, const char *scope,
                                     gint64 after, guint limit, GError **error);
  /* Inside a transaction: raise the horizon to the purged tombstones and delete them. */
  gint64           (*purge_tombstones) (IcwServerStore *store, const char *before, GError **error);
  gint64           (*purge_keys)    (IcwServerStore *store, const char *before, GError **error);
  /* A round trip to the database, for the health endpoint. */
  gboolean         (*ping)          (IcwServerStore *store, GError **error);
  /* Attachments' files by SHA-256 (icw-sync-server-blobs.c): a complete file, or the parts of
   * one being uploaded (each part where the last one ended; total is the file's size). */
  gboolean         (*blob_status)   (IcwServerStore *store, const char *sha256, gboolean *complete,
                                     gint64 *received, gint64 *total, GError **error);
  gboolean         (*blob_add_part) (IcwServerStore *store, const char *sha256, gint64 total,
                                     gint64 start, GBytes *data, const char *now, GError **error);
  /* The parts received, in order, as one. */
  GBytes          *(*blob_parts)    (IcwServerStore *store, const char *sha256, GError **error);
  /* Stores the verified file and drops its parts (content NULL: drops the parts only). */
  gboolean         (*blob_finish)   (IcwServerStore *store, const char *sha256, GBytes *content,
                                     const char *now, GError **error);
  /* The complete file, or NULL (no error: the server does not have it). */
  GBytes          *(*blob_read)     (IcwServerStore *store, const char *sha256, GError **error);
  /* Drops the parts of uploads whose last part is older than before; the number of files. */
  gint64           (*purge_blob_parts) (IcwServerStore *store, const char *before, GError **error);
  /* Group commit (icw-sync-server-group.c; NULL where the storage commits each push on its own):
   * one push's part of the open transaction, kept (release) or undone (rollback_to, FALSE when
   * the whole transaction is gone with it, as SQLite does after some I/O errors and PostgreSQL
   * when the connection is lost). */
  gboolean         (*savepoint)     (IcwServerStore *store, GError **error);
  gboolean         (*release)       (IcwServerStore *store, GError **error);
  gboolean         (*rollback_to)   (IcwServerStore *store);
  /* A push's records written together (icw-sync-server-store.c, "A push's rows"; NULL where the
   * storage reads and writes them one at a time, as put does): the stored records of these ids,
   * those found, in one read; the last sequence number given; and rows (IcwServerRecord with
   * their sequence numbers and provinces, in order) stored as put would store each, the last
   * sequence number set to last_seq. */
  GPtrArray       *(*records)       (IcwServerStore *store, const char *const *ids, guint n,
                                     GError **error);
  gint64           (*last_seq)      (IcwServerStore *store, GError **error);
  gboolean         (*put_rows)      (IcwServerStore *store, IcwServerRecord *const *rows, guint n,
                                     gint64 last_seq, const char *now, GError **error);
} IcwServerStoreClass;

struct _IcwServerStore
{
  const IcwServerStoreClass *klass;
};

/* Whether the location names a PostgreSQL database: a postgresql:// or postgres:// URI, or a
 * libpq conninfo ("host=/run/pg dbname=icw"). Anything else is a SQLite file's path. */
gboolean        icw_server_store_is_postgresql (const char *location);
IcwServerStore *icw_server_store_open_sqlite   (const char *path,
                                                GError    **error);
IcwServerStore *icw_server_store_open_pg       (const char *conninfo,
                                                GError    **error);
void            icw_server_store_close         (IcwServerStore *store);

/* The schema version the PostgreSQL implementation writes (its migrations). */
int             icw_server_store_pg_latest_version (void);

G_END_DECLS
