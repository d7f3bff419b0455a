/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server.h: the reference sync server (`icw serve`): the protocol of
 * docs/sync-protocol.md on libsoup's SoupServer, its records in its own SQLite database under the
 * storage rules of the workbench's. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ICW_TYPE_SYNC_SERVER (icw_sync_server_get_type ())

G_DECLARE_FINAL_TYPE (IcwSyncServer, icw_sync_server, ICW, SYNC_SERVER, GObject)

/* location: a SQLite file's path, or a PostgreSQL database as a postgresql:// URI or a libpq
 * conninfo ("host=/run/postgresql dbname=icw"): icw-sync-server-store.h. */
IcwSyncServer *icw_sync_server_new           (const char     *location,
                                              GError        **error);
/* Whether the location names a PostgreSQL database (a postgresql:// URI or a libpq conninfo). */
gboolean       icw_sync_server_location_is_postgresql (const char *location);
/* Appends one JSON line per request to the file ("-": standard error): time, client address,
 * method, path, status, milliseconds, role and scope; never a token. */
gboolean       icw_sync_server_open_access_log (IcwSyncServer *self,
                                                const char    *path,
                                                GError       **error);
/* "sqlite" or "postgresql". */
const char    *icw_sync_server_get_backend   (IcwSyncServer  *self);
/* Listens on address (NULL: loopback) and port (0: any free one); TLS when cert_file and
 * key_file are given. The server runs in the calling thread's default main context (its
 * connections, request deadlines, group commits and purges), which that thread must run. */
gboolean       icw_sync_server_listen        (IcwSyncServer  *self,
                                              const char     *address,
                                              guint           port,
                                              const char     *cert_file,
                                              const char     *key_file,
                                              GError        **error);
/* The base URL it listens on (after listen). */
char          *icw_sync_server_get_url       (IcwSyncServer  *self);

/* Issues a token: role "admin" with a center ID, or "reviewer" with a province name. Only its
 * SHA-256 is stored; the token itself is returned once. */
char          *icw_sync_server_add_token     (IcwSyncServer  *self,
                                              const char     *role,
                                              const char     *scope,
                                              GError        **error);
/* A token as `icw serve token list` shows it: never the token, the first 12 hex digits of its
 * hash (hash), its role, its scope (a center ID, or a province's GB/T 2260 code), when it was
 * issued, and whether it is revoked. */
typedef struct {
  char     *hash;
  char     *role;
  char     *scope;
  char     *created_at;
  gboolean  revoked;
} IcwSyncTokenInfo;

void           icw_sync_token_info_free      (IcwSyncTokenInfo *info);
/* The tokens issued, oldest first (IcwSyncTokenInfo). */
GPtrArray     *icw_sync_server_list_tokens   (IcwSyncServer  *self,
                                              GError        **error);
/* Revokes the token given itself, or the tokens whose hash starts with the hexadecimal prefix
 * `icw serve token list` shows (at least 8 digits). Returns the number revoked, or -1. */
gint64         icw_sync_server_revoke_tokens (IcwSyncServer  *self,
                                              const char     *token_or_prefix,
                                              GError        **error);

/* Purges tombstones stored before `before` (a GDateTime in UTC; NULL: the default of 90 days);
 * older cursors then get 410. Returns the number purged, or -1. */
gint64         icw_sync_server_purge_tombstones (IcwSyncServer *self,
                                                 GDateTime     *before,
                                                 GError       **error);

/* Purges idempotency keys stored before `before` (NULL: the default of 30 days). Returns the
 * number purged, or -1. `icw serve` runs both purges at start and every hour. */
gint64         icw_sync_server_purge_keys    (IcwSyncServer *self,
                                              GDateTime     *before,
                                              GError       **error);

/* Drops the parts of attachments' files whose upload stopped before `before` (NULL: the default
 * of 7 days) without completing. Returns the number of files, or -1. */
gint64         icw_sync_server_purge_blob_parts (IcwSyncServer *self,
                                                 GDateTime     *before,
                                                 GError       **error);

#define ICW_SYNC_SERVER_TOMBSTONE_DAYS 90
#define ICW_SYNC_SERVER_BLOB_PART_DAYS 7
#define ICW_SYNC_SERVER_KEY_DAYS 30

/* Limits a test may lower: seconds a connection may stay idle, seconds for a request's headers
 * and body to arrive, failed authentications allowed per second per address (and the burst). */
void           icw_sync_server_set_limits    (IcwSyncServer *self,
                                              guint          idle_timeout,
                                              guint          request_deadline,
                                              guint          auth_rate,
                                              guint          auth_burst);

/* The changes of one push the server takes (0: the protocol's, ICW_SYNC_JSON_MAX_CHANGES; at most
 * that). A larger push is answered 400 "too-many-changes" naming the limit (docs/sync-protocol.md):
 * a test sets 200 to be a server of before 2026-12. */
void           icw_sync_server_set_max_changes (IcwSyncServer *self,
                                                guint          max_changes);

/* The largest attachment's file the server takes, in bytes (0: the workbench's own limit,
 * ICW_ATTACHMENT_MAX_SIZE); a larger one is refused before anything is stored. */
void           icw_sync_server_set_blob_limit (IcwSyncServer *self,
                                               gint64         bytes);

/* For the tests: faults injected into the next `count` requests whose path starts with `path`,
 * and counters of what the server did. */
typedef enum {
  ICW_SYNC_FAULT_NONE,
  ICW_SYNC_FAULT_DROP_AFTER_COMMIT,  /* handle the request, then close the connection unanswered */
  ICW_SYNC_FAULT_503,                /* 503 with Retry-After, nothing handled */
  ICW_SYNC_FAULT_429,                /* 429 with Retry-After, nothing handled */
} IcwSyncFault;

void           icw_sync_server_inject_fault  (IcwSyncServer  *self,
                                              IcwSyncFault    fault,
                                              const char     *path,
                                              guint           count,
                                              guint           retry_after);
gint64         icw_sync_server_get_applied   (IcwSyncServer  *self);
gint64         icw_sync_server_get_served    (IcwSyncServer  *self);
guint          icw_sync_server_get_requests  (IcwSyncServer  *self);
/* Writing transactions committed by pushes: with group commit (SQLite) several pushes that
 * arrive together share one (docs/performance.md). */
guint64        icw_sync_server_get_commits   (IcwSyncServer  *self);
/* 0 (the default): an open group commits as soon as no other request is ready; otherwise after
 * window_ms, so that tests can make pushes meet in one group. */
void           icw_sync_server_set_group_window (IcwSyncServer *self,
                                                 guint          window_ms);

G_END_DECLS
