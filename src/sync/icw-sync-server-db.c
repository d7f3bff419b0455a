/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-db.c: the reference server's storage. Its own SQLite file under the storage
 * rules (WAL, synchronous=FULL, BEGIN IMMEDIATE, migrations after a backup) through
 * icw-database.c. One row per record, its latest state, with the sequence number of its last
 * change: the sequence orders pulls (a cursor is the last sequence a client has) and is the
 * record's revision. Tokens are kept as their SHA-256 only. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-sync-server-private.h"

/* 'ICWS': a server database is not a workbench database, and each refuses the other. */
#define SERVER_APPLICATION_ID 0x49435753

static const char server_migration_1[] =
  "PRAGMA application_id = 1229150035;"
  "CREATE TABLE tokens ("
  "  hash TEXT PRIMARY KEY NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('admin','reviewer')),"
  "  center_id TEXT, province TEXT, created_at TEXT NOT NULL,"
  "  revoked INTEGER NOT NULL DEFAULT 0,"
  "  CHECK ((role = 'admin' AND center_id IS NOT NULL) OR (role = 'reviewer' AND province IS NOT NULL)));"
  "CREATE TABLE records ("
  "  id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL,"
  "  center_id TEXT NOT NULL, province TEXT,"
  "  seq INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1)),"
  "  payload TEXT NOT NULL, stored_at TEXT NOT NULL);"
  "CREATE INDEX records_center_seq ON records (center_id, seq);"
  "CREATE INDEX records_province ON records (province) WHERE kind = 'center';"
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);"
  "INSERT INTO meta (key, value) VALUES ('seq', 0), ('horizon', 0);"
  "CREATE TABLE idempotency ("
  "  token_hash TEXT NOT NULL, key TEXT NOT NULL, response TEXT NOT NULL, stored_at TEXT NOT NULL,"
  "  PRIMARY KEY (token_hash, key));";

/* Version 2 (issue 13): an idempotency key keeps the hash of the batch it answered; a record
 * keeps who recorded its review outcome and when; the purges have their indexes. */
static const char server_migration_2[] =
  "ALTER TABLE idempotency ADD COLUMN body_hash TEXT;"
  "ALTER TABLE records ADD COLUMN review TEXT;"
  "CREATE INDEX idempotency_stored ON idempotency (stored_at);"
  "CREATE INDEX records_tombstones ON records (stored_at) WHERE deleted;";

static const char *const server_migrations[] = { NULL, server_migration_1, server_migration_2 };

G_STATIC_ASSERT (SERVER_APPLICATION_ID == 1229150035);

sqlite3 *
icw_server_db_open (const char  *path,
                    GError     **error)
{
  IcwDatabaseSchema schema = { SERVER_APPLICATION_ID, server_migrations,
                               G_N_ELEMENTS (server_migrations) - 1 };

  return icw_database_open_schema (path, &schema, error);
}

void
icw_server_token_free (IcwServerToken *token)
{
  g_free (token->hash);
  g_free (token->center_id);
  g_free (token->province);
  g_free (token);
}

void
icw_server_record_free (IcwServerRecord *record)
{
  g_free (record->id);
  g_free (record->kind);
  g_free (record->center_id);
  g_free (record->payload);
  g_free (record->review);
  g_free (record);
}

static char *
hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

char *
icw_sync_server_add_token (IcwSyncServer  *self,
                           const char     *role,
                           const char     *scope,
                           GError        **error)
{
  guint8 random[32];
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = icw_database_now ();
  gboolean admin;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), NULL);

  if (g_strcmp0 (role, "admin") != 0 && g_strcmp0 (role, "reviewer") != 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The role must be “admin” or “reviewer”"));
      return NULL;
    }
  if (scope == NULL || *scope == '\0')
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("A token needs a center (admin) or a province (reviewer)"));
      return NULL;
    }
  admin = g_str_equal (role, "admin");
  /* 32 random bytes from the system's generator, as 64 hexadecimal digits. */
  {
    g_autoptr(GString) text = g_string_new ("icw_");
    g_autoptr(GFile) urandom = g_file_new_for_path ("/dev/urandom");
    g_autoptr(GFileInputStream) in = g_file_read (urandom, NULL, error);
    gsize got = 0;

    if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), random, sizeof random, &got, NULL, error) ||
        got != sizeof random)
      return NULL;
    for (guint i = 0; i < sizeof random; i++)
      g_string_append_printf (text, "%02x", random[i]);
    token = g_string_free (g_steal_pointer (&text), FALSE);
  }
  hash = hash_token (token);

  if (!icw_database_begin (self->db, error))
    return NULL;
  stmt = icw_database_prepare (self->db, "INSERT INTO tokens (hash, role, center_id, province, created_at) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    {
      icw_database_rollback (self->db);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, admin ? 3 : 4, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      icw_database_rollback (self->db);
      return NULL;
    }
  if (!icw_database_commit (self->db, error))
    return NULL;
  return g_steal_pointer (&token);
}

IcwServerToken *
icw_server_db_token (IcwSyncServer *self,
                     const char    *token)
{
  g_autofree char *hash = hash_token (token);
  sqlite3_stmt *stmt = icw_database_prepare (self->db, "SELECT role, center_id, province FROM tokens "
                                                       "WHERE hash = ?1 AND NOT revoked", NULL);
  IcwServerToken *found = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = g_new0 (IcwServerToken, 1);
      found->hash = g_steal_pointer (&hash);
      found->reviewer = g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "reviewer");
      found->center_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      found->province = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return found;
}

static IcwServerRecord *
record_from_row (sqlite3_stmt *stmt)
{
  IcwServerRecord *record = g_new0 (IcwServerRecord, 1);

  record->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  record->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  record->center_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  record->seq = sqlite3_column_int64 (stmt, 3);
  record->deleted = sqlite3_column_int (stmt, 4) != 0;
  record->payload = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  record->review = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  return record;
}

#define RECORD_COLUMNS "SELECT id, kind, center_id, seq, deleted, payload, review FROM records"

IcwServerRecord *
icw_server_db_record (IcwSyncServer *self,
                      const char    *id)
{
  sqlite3_stmt *stmt = icw_database_prepare (self->db, RECORD_COLUMNS " WHERE id = ?1", NULL);
  IcwServerRecord *record = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = record_from_row (stmt);
  sqlite3_finalize (stmt);
  return record;
}

char *
icw_server_db_province (IcwSyncServer *self,
                        const char    *center_id)
{
  sqlite3_stmt *stmt = icw_database_prepare (self->db, "SELECT province FROM records "
                                                       "WHERE id = ?1 AND kind = 'center'", NULL);
  char *province = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    province = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return province;
}

/* Stores the record's new state with the next sequence number, which it returns (or -1). */
gint64
icw_server_db_put (IcwSyncServer *self,
                   const char    *kind,
                   const char    *id,
                   const char    *center_id,
                   const char    *province,
                   gboolean       deleted,
                   const char    *payload,
                   const char    *review,
                   GError       **error)
{
  g_autofree char *now = icw_database_now ();
  sqlite3_stmt *stmt;
  gint64 seq = -1;
  int rc;

  if (!icw_database_exec (self->db, "UPDATE meta SET value = value + 1 WHERE key = 'seq'", error))
    return -1;
  stmt = icw_database_prepare (self->db,
    "INSERT INTO records (id, kind, center_id, province, seq, deleted, payload, stored_at, review) "
    "VALUES (?1, ?2, ?3, ?4, (SELECT value FROM meta WHERE key = 'seq'), ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET province = excluded.province, seq = excluded.seq, "
    "deleted = excluded.deleted, payload = excluded.payload, stored_at = excluded.stored_at, "
    "review = coalesce(excluded.review, records.review) "
    "RETURNING seq", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, center_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, province, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 6, payload, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, review, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      seq = -1;
    }
  sqlite3_finalize (stmt);
  return seq;
}

char *
icw_server_db_replay (IcwSyncServer *self,
                      const char    *token_hash,
                      const char    *key,
                      char         **body_hash)
{
  sqlite3_stmt *stmt = icw_database_prepare (self->db, "SELECT response, body_hash FROM idempotency "
                                                       "WHERE token_hash = ?1 AND key = ?2", NULL);
  char *response = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      response = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *body_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return response;
}

gboolean
icw_server_db_remember (IcwSyncServer *self,
                        const char    *token_hash,
                        const char    *key,
                        const char    *body_hash,
                        const char    *response,
                        GError       **error)
{
  g_autofree char *now = icw_database_now ();
  sqlite3_stmt *stmt = icw_database_prepare (self->db, "INSERT INTO idempotency (token_hash, key, response, stored_at, body_hash) "
                                                       "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, response, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, body_hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_server_db_lineage_has_comments (IcwSyncServer *self,
                                    const char    *kind,
                                    const char    *lineage_id,
                                    const char    *comments)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (lineage_id == NULL || comments == NULL)
    return FALSE;
  stmt = icw_database_prepare (self->db, "SELECT 1 FROM records WHERE kind = ?1 AND json_valid(payload) "
                                         "AND json_extract(payload, '$.lineage_id') = ?2 "
                                         "AND json_extract(payload, '$.reviewer_comments') = ?3 LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, lineage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, comments, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

gint64
icw_server_db_horizon (IcwSyncServer *self)
{
  sqlite3_stmt *stmt = icw_database_prepare (self->db, "SELECT value FROM meta WHERE key = 'horizon'", NULL);
  gint64 horizon = 0;

  if (stmt == NULL)
    return G_MAXINT64;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    horizon = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return horizon;
}

GPtrArray *
icw_server_db_pull (IcwSyncServer  *self,
                    IcwServerToken *token,
                    gint64          after,
                    guint           limit,
                    GError        **error)
{
  /* The scope comes from the token alone: an administrator's center, or a reviewer's province
   * through the centers' current province. */
  const char *sql = token->reviewer
    ? RECORD_COLUMNS " WHERE seq > ?1 AND center_id IN (SELECT id FROM records WHERE kind = 'center' AND province = ?2) ORDER BY seq LIMIT ?3"
    : RECORD_COLUMNS " WHERE seq > ?1 AND center_id = ?2 ORDER BY seq LIMIT ?3";
  sqlite3_stmt *stmt = icw_database_prepare (self->db, sql, error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_server_record_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_text (stmt, 2, token->reviewer ? token->province : token->center_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, (gint64) limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&records);
}

gint64
icw_sync_server_purge_tombstones (IcwSyncServer  *self,
                                  GDateTime      *before,
                                  GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) limit = before != NULL ? g_date_time_ref (before) : g_date_time_add_days (now, -ICW_SYNC_SERVER_TOMBSTONE_DAYS);
  g_autofree char *stamp = g_date_time_format (limit, "%Y-%m-%dT%H:%M:%S.%fZ");
  sqlite3_stmt *stmt;
  gint64 purged;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), -1);

  if (!icw_database_begin (self->db, error))
    return -1;
  /* The horizon is the highest sequence of a purged tombstone: a cursor below it may have missed
   * a deletion. */
  stmt = icw_database_prepare (self->db,
    "UPDATE meta SET value = max(value, coalesce((SELECT max(seq) FROM records WHERE deleted AND stored_at < ?1), 0)) "
    "WHERE key = 'horizon'", error);
  if (stmt == NULL || (sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT), sqlite3_step (stmt)) != SQLITE_DONE)
    goto fail;
  sqlite3_finalize (stmt);
  stmt = icw_database_prepare (self->db, "DELETE FROM records WHERE deleted AND stored_at < ?1", error);
  if (stmt == NULL || (sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT), sqlite3_step (stmt)) != SQLITE_DONE)
    goto fail;
  sqlite3_finalize (stmt);
  purged = sqlite3_changes (self->db);
  if (!icw_database_commit (self->db, error))
    return -1;
  return purged;

fail:
  if (stmt != NULL)
    {
      icw_database_set_error (error, self->db, sqlite3_errcode (self->db));
      sqlite3_finalize (stmt);
    }
  icw_database_rollback (self->db);
  return -1;
}

gint64
icw_sync_server_purge_keys (IcwSyncServer  *self,
                            GDateTime      *before,
                            GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) limit = before != NULL ? g_date_time_ref (before)
                                              : g_date_time_add_days (now, -ICW_SYNC_SERVER_KEY_DAYS);
  g_autofree char *stamp = g_date_time_format (limit, "%Y-%m-%dT%H:%M:%S.%fZ");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), -1);

  stmt = icw_database_prepare (self->db, "DELETE FROM idempotency WHERE stored_at < ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return -1;
    }
  return sqlite3_changes (self->db);
}
