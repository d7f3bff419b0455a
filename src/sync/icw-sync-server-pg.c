/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-pg.c: the reference server's storage on PostgreSQL through libpq
 * (icw-sync-server-store.h), for several server processes on one database. The tables are those
 * of the SQLite file (icw-sync-server-sqlite.c); the schema has a version in icw_schema and
 * migrations applied in one transaction under an advisory lock, so that processes starting
 * together migrate once. Every writing transaction takes a second, transaction-level advisory
 * lock first: writing transactions of all processes then run one after the other, sequence
 * numbers are handed out in commit order, and a pull can never have served a higher sequence
 * number than one still to be committed (docs/sync-protocol.md, "Several server processes"). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "icw-error.h"
#include "icw-sync-server-store.h"

/* The advisory locks' keys: 'ICWS' and what they guard. */
#define LOCK_CLASS "1229150035"
#define LOCK_WRITE LOCK_CLASS ", 1"
#define LOCK_MIGRATE LOCK_CLASS ", 2"

/* Version 1: the tables of the SQLite server at its version 2, and a JSON reader that answers
 * NULL for a payload that is not JSON instead of failing the statement. Integers keep the
 * SQLite file's 0/1 flags, so that an operator's SQL is the same on both. */
static const char pg_migration_1[] =
  "CREATE TABLE tokens ("
  "  hash text PRIMARY KEY,"
  "  role text NOT NULL CHECK (role IN ('admin','reviewer')),"
  "  center_id text, province text, created_at text NOT NULL,"
  "  revoked integer NOT NULL DEFAULT 0,"
  "  CHECK ((role = 'admin' AND center_id IS NOT NULL) OR (role = 'reviewer' AND province IS NOT NULL)));"
  "CREATE TABLE records ("
  "  id text PRIMARY KEY, kind text NOT NULL,"
  "  center_id text NOT NULL, province text,"
  "  seq bigint NOT NULL UNIQUE, deleted integer NOT NULL DEFAULT 0 CHECK (deleted IN (0,1)),"
  "  payload text NOT NULL, stored_at text NOT NULL, review text);"
  "CREATE INDEX records_center_seq ON records (center_id, seq);"
  "CREATE INDEX records_province ON records (province) WHERE kind = 'center';"
  "CREATE INDEX records_tombstones ON records (stored_at) WHERE deleted = 1;"
  "CREATE TABLE meta (key text PRIMARY KEY, value bigint NOT NULL);"
  "INSERT INTO meta (key, value) VALUES ('seq', 0), ('horizon', 0);"
  "CREATE TABLE idempotency ("
  "  token_hash text NOT NULL, key text NOT NULL, response text NOT NULL, stored_at text NOT NULL,"
  "  body_hash text, PRIMARY KEY (token_hash, key));"
  "CREATE INDEX idempotency_stored ON idempotency (stored_at);"
  "CREATE FUNCTION icw_try_jsonb (t text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$"
  "  BEGIN RETURN t::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END $$;";

/* Version 2: attachments' files by SHA-256, and the parts of an upload not yet complete (as the
 * SQLite server's version 4). */
static const char pg_migration_2[] =
  "CREATE TABLE IF NOT EXISTS blobs (sha256 text PRIMARY KEY, size bigint NOT NULL, content bytea NOT NULL,"
  "  stored_at text NOT NULL);"
  "CREATE TABLE IF NOT EXISTS blob_parts (sha256 text NOT NULL, start bigint NOT NULL, total bigint NOT NULL,"
  "  data bytea NOT NULL, stored_at text NOT NULL, PRIMARY KEY (sha256, start));";

static const char *const pg_migrations[] = { NULL, pg_migration_1, pg_migration_2 };

int
icw_server_store_pg_latest_version (void)
{
  return G_N_ELEMENTS (pg_migrations) - 1;
}

typedef struct {
  IcwServerStore parent;
  PGconn        *conn;
} IcwServerPg;

#define CONN(store) (((IcwServerPg *) (store))->conn)

static void
set_pg_error (GError    **error,
              PGconn     *conn,
              PGresult   *result)
{
  const char *message = result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (conn);
  g_autofree char *text = g_strstrip (g_strdup (message != NULL && *message != '\0' ? message : "unknown error"));
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  /* 23505: unique_violation. */
  g_set_error (error, ICW_ERROR, g_strcmp0 (state, "23505") == 0 ? ICW_ERROR_DUPLICATE : ICW_ERROR_DATABASE,
               _("The server's PostgreSQL database failed: %s"), text);
}

/* A connection lost between transactions (the database restarted) is opened again. */
static void
ensure_connected (IcwServerStore *store)
{
  if (PQstatus (CONN (store)) != CONNECTION_OK && PQtransactionStatus (CONN (store)) != PQTRANS_INTRANS)
    PQreset (CONN (store));
}

/* Runs one statement with text parameters; NULL (error set) unless it succeeded. */
static PGresult *
run (IcwServerStore      *store,
     const char          *sql,
     int                  n,
     const char *const   *values,
     GError             **error)
{
  PGresult *result = PQexecParams (CONN (store), sql, n, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_pg_error (error, CONN (store), result);
      PQclear (result);
      return NULL;
    }
  return result;
}

/* Runs a script of several statements (no parameters). */
static gboolean
run_script (IcwServerStore  *store,
            const char      *sql,
            GError         **error)
{
  PGresult *result = PQexec (CONN (store), sql);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    set_pg_error (error, CONN (store), result);
  PQclear (result);
  return ok;
}

static gboolean
run_ok (IcwServerStore     *store,
        const char         *sql,
        int                 n,
        const char *const  *values,
        GError            **error)
{
  PGresult *result = run (store, sql, n, values, error);

  PQclear (result);
  return result != NULL;
}

static char *
value (PGresult *result,
       int       row,
       int       column)
{
  return PQgetisnull (result, row, column) ? NULL : g_strdup (PQgetvalue (result, row, column));
}

static gint64
value_int (PGresult *result,
           int       row,
           int       column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

static void
pg_close (IcwServerStore *store)
{
  PQfinish (CONN (store));
  g_free (store);
}

static gboolean
pg_begin (IcwServerStore *store, GError **error)
{
  ensure_connected (store);
  if (!run_ok (store, "BEGIN", 0, NULL, error))
    return FALSE;
  if (!run_ok (store, "SELECT pg_advisory_xact_lock(" LOCK_WRITE ")", 0, NULL, error))
    {
      PQclear (PQexec (CONN (store), "ROLLBACK"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_commit (IcwServerStore *store, GError **error)
{
  return run_ok (store, "COMMIT", 0, NULL, error);
}

static void
pg_rollback (IcwServerStore *store)
{
  if (PQtransactionStatus (CONN (store)) != PQTRANS_IDLE)
    PQclear (PQexec (CONN (store), "ROLLBACK"));
}

static gboolean
pg_add_token (IcwServerStore *store, const char *hash, const char *role, const char *center_id,
              const char *province, const char *now, GError **error)
{
  const char *values[] = { hash, role, center_id, province, now };

  return run_ok (store, "INSERT INTO tokens (hash, role, center_id, province, created_at) VALUES ($1, $2, $3, $4, $5)",
                 5, values, error);
}

static IcwServerToken *
pg_token (IcwServerStore *store, const char *hash)
{
  const char *values[] = { hash };
  PGresult *result;
  IcwServerToken *found = NULL;

  ensure_connected (store);
  result = run (store, "SELECT role, center_id, province FROM tokens WHERE hash = $1 AND revoked = 0", 1, values, NULL);
  if (result != NULL && PQntuples (result) == 1)
    {
      found = g_new0 (IcwServerToken, 1);
      found->hash = g_strdup (hash);
      found->reviewer = g_str_equal (PQgetvalue (result, 0, 0), "reviewer");
      found->center_id = value (result, 0, 1);
      found->province = value (result, 0, 2);
    }
  PQclear (result);
  return found;
}

static GPtrArray *
pg_list_tokens (IcwServerStore *store, GError **error)
{
  PGresult *result;
  GPtrArray *infos;

  ensure_connected (store);
  result = run (store, "SELECT hash, role, coalesce(center_id, province), created_at, revoked "
                       "FROM tokens ORDER BY created_at, hash", 0, NULL, error);
  if (result == NULL)
    return NULL;
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_sync_token_info_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      IcwSyncTokenInfo *info = g_new0 (IcwSyncTokenInfo, 1);

      info->hash = value (result, i, 0);
      info->role = value (result, i, 1);
      info->scope = value (result, i, 2);
      info->created_at = value (result, i, 3);
      info->revoked = value_int (result, i, 4) != 0;
      g_ptr_array_add (infos, info);
    }
  PQclear (result);
  return infos;
}

static gint64
pg_revoke_tokens (IcwServerStore *store, const char *prefix, GError **error)
{
  const char *values[] = { prefix };
  PGresult *result = run (store, "UPDATE tokens SET revoked = 1 WHERE starts_with(hash, $1) AND revoked = 0",
                          1, values, error);
  gint64 changed;

  if (result == NULL)
    return -1;
  changed = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return changed;
}

#define RECORD_COLUMNS "SELECT id, kind, center_id, seq, deleted, payload, review FROM records"

static IcwServerRecord *
record_from_row (PGresult *result,
                 int       row)
{
  IcwServerRecord *record = g_new0 (IcwServerRecord, 1);

  record->id = value (result, row, 0);
  record->kind = value (result, row, 1);
  record->center_id = value (result, row, 2);
  record->seq = value_int (result, row, 3);
  record->deleted = value_int (result, row, 4) != 0;
  record->payload = value (result, row, 5);
  record->review = value (result, row, 6);
  return record;
}

static IcwServerRecord *
pg_record (IcwServerStore *store, const char *id)
{
  const char *values[] = { id };
  PGresult *result;
  IcwServerRecord *record = NULL;

  ensure_connected (store);
  result = run (store, RECORD_COLUMNS " WHERE id = $1", 1, values, NULL);
  if (result != NULL && PQntuples (result) == 1)
    record = record_from_row (result, 0);
  PQclear (result);
  return record;
}

static char *
pg_province (IcwServerStore *store, const char *center_id)
{
  const char *values[] = { center_id };
  PGresult *result;
  char *province = NULL;

  ensure_connected (store);
  result = run (store, "SELECT province FROM records WHERE id = $1 AND kind = 'center'", 1, values, NULL);
  if (result != NULL && PQntuples (result) == 1)
    province = value (result, 0, 0);
  PQclear (result);
  return province;
}

/* Inside the writing transaction (its lock held): the next sequence number, and the record's
 * new state under it. */
static gint64
pg_put (IcwServerStore *store, const char *kind, const char *id, const char *center_id,
        const char *province, gboolean deleted, const char *payload, const char *review,
        const char *now, GError **error)
{
  const char *values[] = { id, kind, center_id, province, deleted ? "1" : "0", payload, now, review };
  PGresult *result = run (store,
    "WITH next AS (UPDATE meta SET value = value + 1 WHERE key = 'seq' RETURNING value) "
    "INSERT INTO records AS r (id, kind, center_id, province, seq, deleted, payload, stored_at, review) "
    "SELECT $1, $2, $3, $4, next.value, $5::integer, $6, $7, $8 FROM next "
    "ON CONFLICT (id) DO UPDATE SET province = excluded.province, seq = excluded.seq, "
    "deleted = excluded.deleted, payload = excluded.payload, stored_at = excluded.stored_at, "
    "review = coalesce(excluded.review, r.review) "
    "RETURNING seq", 8, values, error);
  gint64 seq = -1;

  if (result == NULL)
    return -1;
  if (PQntuples (result) == 1)
    seq = value_int (result, 0, 0);
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, "The record was not stored");
  PQclear (result);
  return seq;
}

static char *
pg_replay (IcwServerStore *store, const char *token_hash, const char *key, char **body_hash)
{
  const char *values[] = { token_hash, key };
  PGresult *result = run (store, "SELECT response, body_hash FROM idempotency WHERE token_hash = $1 AND key = $2",
                          2, values, NULL);
  char *response = NULL;

  if (result != NULL && PQntuples (result) == 1)
    {
      response = value (result, 0, 0);
      *body_hash = value (result, 0, 1);
    }
  PQclear (result);
  return response;
}

/* A key stored meanwhile by another process (which the write lock makes impossible, but the
 * unique key is what guarantees it) is ICW_ERROR_DUPLICATE: the caller answers with the
 * stored response. */
static gboolean
pg_remember (IcwServerStore *store, const char *token_hash, const char *key, const char *body_hash,
             const char *response, const char *now, GError **error)
{
  const char *values[] = { token_hash, key, response, now, body_hash };
  PGresult *result = run (store, "INSERT INTO idempotency (token_hash, key, response, stored_at, body_hash) "
                                 "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (token_hash, key) DO NOTHING",
                          5, values, error);
  gboolean inserted;

  if (result == NULL)
    return FALSE;
  inserted = g_str_equal (PQcmdTuples (result), "1");
  PQclear (result);
  if (!inserted)
    g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE, "The idempotency key was stored by another request");
  return inserted;
}

static gboolean
pg_lineage_has_comments (IcwServerStore *store, const char *kind, const char *lineage_id, const char *comments)
{
  const char *values[] = { kind, lineage_id, comments };
  PGresult *result = run (store, "SELECT 1 FROM records WHERE kind = $1 "
                                 "AND icw_try_jsonb(payload) ->> 'lineage_id' = $2 "
                                 "AND icw_try_jsonb(payload) ->> 'reviewer_comments' = $3 LIMIT 1",
                          3, values, NULL);
  gboolean found = result != NULL && PQntuples (result) == 1;

  PQclear (result);
  return found;
}

static gint64
pg_horizon (IcwServerStore *store)
{
  PGresult *result;
  gint64 horizon = G_MAXINT64;

  ensure_connected (store);
  result = run (store, "SELECT value FROM meta WHERE key = 'horizon'", 0, NULL, NULL);
  if (result != NULL && PQntuples (result) == 1)
    horizon = value_int (result, 0, 0);
  PQclear (result);
  return horizon;
}

/* One statement, so one snapshot: every writing transaction it sees committed before every one
 * it does not see, in sequence order (the write lock), so the page ends before any sequence
 * number still to come. */
static GPtrArray *
pg_pull (IcwServerStore *store, gboolean reviewer, const char *scope, gint64 after, guint limit, GError **error)
{
  g_autofree char *after_text = g_strdup_printf ("%" G_GINT64_FORMAT, after);
  g_autofree char *limit_text = g_strdup_printf ("%u", limit + 1);
  const char *values[] = { after_text, scope, limit_text };
  const char *sql = reviewer
    ? RECORD_COLUMNS " WHERE seq > $1::bigint AND center_id IN (SELECT id FROM records WHERE kind = 'center' AND province = $2) ORDER BY seq LIMIT $3::bigint"
    : RECORD_COLUMNS " WHERE seq > $1::bigint AND center_id = $2 ORDER BY seq LIMIT $3::bigint";
  PGresult *result;
  GPtrArray *records;

  ensure_connected (store);
  result = run (store, sql, 3, values, error);
  if (result == NULL)
    return NULL;
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_server_record_free);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (records, record_from_row (result, i));
  PQclear (result);
  return records;
}

static gint64
pg_purge_tombstones (IcwServerStore *store, const char *before, GError **error)
{
  const char *values[] = { before };
  PGresult *result;
  gint64 purged;

  if (!run_ok (store, "UPDATE meta SET value = greatest(value, coalesce((SELECT max(seq) FROM records "
                      "WHERE deleted = 1 AND stored_at < $1), 0)) WHERE key = 'horizon'", 1, values, error))
    return -1;
  result = run (store, "DELETE FROM records WHERE deleted = 1 AND stored_at < $1", 1, values, error);
  if (result == NULL)
    return -1;
  purged = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return purged;
}

static gint64
pg_purge_keys (IcwServerStore *store, const char *before, GError **error)
{
  const char *values[] = { before };
  PGresult *result;
  gint64 purged;

  ensure_connected (store);
  result = run (store, "DELETE FROM idempotency WHERE stored_at < $1", 1, values, error);
  if (result == NULL)
    return -1;
  purged = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return purged;
}

static gboolean
pg_ping (IcwServerStore *store, GError **error)
{
  ensure_connected (store);
  return run_ok (store, "SELECT 1 FROM meta LIMIT 1", 0, NULL, error);
}

static gboolean
pg_blob_status (IcwServerStore *store, const char *sha256, gboolean *complete, gint64 *received,
                gint64 *total, GError **error)
{
  const char *values[] = { sha256 };
  PGresult *result = run (store, "SELECT (SELECT size FROM blobs WHERE sha256 = $1),"
                                 " (SELECT coalesce (sum (length (data)), 0) FROM blob_parts WHERE sha256 = $1),"
                                 " (SELECT coalesce (max (total), 0) FROM blob_parts WHERE sha256 = $1)",
                          1, values, error);

  if (result == NULL)
    return FALSE;
  *complete = !PQgetisnull (result, 0, 0);
  *received = *complete ? value_int (result, 0, 0) : value_int (result, 0, 1);
  *total = *complete ? *received : value_int (result, 0, 2);
  PQclear (result);
  return TRUE;
}

/* Runs a statement whose parameter data_param (0-based) is binary. */
static gboolean
run_binary (IcwServerStore     *store,
            const char         *sql,
            int                 n,
            const char *const  *values,
            int                 data_param,
            GBytes             *data,
            GError            **error)
{
  int lengths[8] = { 0, };
  int formats[8] = { 0, };
  const char *params[8];
  gsize length;
  PGresult *result;
  gboolean ok;

  g_assert (n <= 8);
  for (int i = 0; i < n; i++)
    params[i] = values[i];
  params[data_param] = g_bytes_get_data (data, &length);
  if (params[data_param] == NULL)
    params[data_param] = "";
  lengths[data_param] = (int) length;
  formats[data_param] = 1;
  result = PQexecParams (CONN (store), sql, n, NULL, params, lengths, formats, 0);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    set_pg_error (error, CONN (store), result);
  PQclear (result);
  return ok;
}

static gboolean
pg_blob_add_part (IcwServerStore *store, const char *sha256, gint64 total, gint64 start, GBytes *data,
                  const char *now, GError **error)
{
  g_autofree char *start_text = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  const char *values[] = { sha256, start_text, total_text, NULL, now };

  return run_binary (store, "INSERT INTO blob_parts (sha256, start, total, data, stored_at) "
                            "VALUES ($1, $2, $3, $4, $5)", 5, values, 3, data, error);
}

/* The bytes of a binary result's column. */
static void
append_binary (GByteArray *all,
               PGresult   *result,
               int         row)
{
  g_byte_array_append (all, (const guint8 *) PQgetvalue (result, row, 0), PQgetlength (result, row, 0));
}

static GBytes *
pg_blob_parts (IcwServerStore *store, const char *sha256, GError **error)
{
  const char *values[] = { sha256 };
  PGresult *result = PQexecParams (CONN (store), "SELECT data FROM blob_parts WHERE sha256 = $1 ORDER BY start",
                                   1, NULL, values, NULL, NULL, 1);
  GByteArray *all = g_byte_array_new ();

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    set_pg_error (error, CONN (store), result);
  else
    for (int i = 0; i < PQntuples (result); i++)
      append_binary (all, result, i);
  PQclear (result);
  return g_byte_array_free_to_bytes (all);
}

static gboolean
pg_blob_finish (IcwServerStore *store, const char *sha256, GBytes *content, const char *now, GError **error)
{
  const char *values[] = { sha256 };

  if (content != NULL)
    {
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (content));
      const char *insert[] = { sha256, size, NULL, now };

      if (!run_binary (store, "INSERT INTO blobs (sha256, size, content, stored_at) VALUES ($1, $2, $3, $4) "
                              "ON CONFLICT (sha256) DO NOTHING", 4, insert, 2, content, error))
        return FALSE;
    }
  return run_ok (store, "DELETE FROM blob_parts WHERE sha256 = $1", 1, values, error);
}

static GBytes *
pg_blob_read (IcwServerStore *store, const char *sha256, GError **error)
{
  const char *values[] = { sha256 };
  PGresult *result;
  GBytes *content = NULL;

  ensure_connected (store);
  result = PQexecParams (CONN (store), "SELECT content FROM blobs WHERE sha256 = $1", 1, NULL, values, NULL, NULL, 1);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    set_pg_error (error, CONN (store), result);
  else if (PQntuples (result) == 1)
    {
      GByteArray *all = g_byte_array_new ();

      append_binary (all, result, 0);
      content = g_byte_array_free_to_bytes (all);
    }
  PQclear (result);
  return content;
}

static gint64
pg_purge_blob_parts (IcwServerStore *store, const char *before, GError **error)
{
  const char *values[] = { before };
  PGresult *result;
  gint64 files;

  ensure_connected (store);
  result = run (store, "WITH old AS (SELECT sha256 FROM blob_parts GROUP BY sha256 HAVING max (stored_at) < $1),"
                       " gone AS (DELETE FROM blob_parts WHERE sha256 IN (SELECT sha256 FROM old))"
                       " SELECT count(*) FROM old", 1, values, error);
  if (result == NULL)
    return -1;
  files = value_int (result, 0, 0);
  PQclear (result);
  return files;
}

/* Group commit: a process's pushes that arrive together share one transaction, one hold of the
 * write lock and one commit, each push inside its own savepoint (a failed statement aborts only
 * back to it). */
static gboolean
pg_savepoint (IcwServerStore *store, GError **error)
{
  return run_ok (store, "SAVEPOINT push", 0, NULL, error);
}

static gboolean
pg_release (IcwServerStore *store, GError **error)
{
  return run_ok (store, "RELEASE SAVEPOINT push", 0, NULL, error);
}

static gboolean
pg_rollback_to (IcwServerStore *store)
{
  PGTransactionStatusType status = PQtransactionStatus (CONN (store));

  if (status != PQTRANS_INTRANS && status != PQTRANS_INERROR)
    return FALSE;   /* the connection or the transaction is gone: nothing of the group is left */
  return run_ok (store, "ROLLBACK TO SAVEPOINT push", 0, NULL, NULL) &&
         run_ok (store, "RELEASE SAVEPOINT push", 0, NULL, NULL);
}

static const IcwServerStoreClass pg_class = {
  "postgresql",
  pg_close, pg_begin, pg_commit, pg_rollback,
  pg_add_token, pg_token, pg_list_tokens, pg_revoke_tokens,
  pg_record, pg_province, pg_put, pg_replay, pg_remember,
  pg_lineage_has_comments, pg_horizon, pg_pull,
  pg_purge_tombstones, pg_purge_keys, pg_ping,
  pg_blob_status, pg_blob_add_part, pg_blob_parts, pg_blob_finish, pg_blob_read,
  pg_purge_blob_parts,
  pg_savepoint, pg_release, pg_rollback_to,
  NULL, NULL, NULL,   /* a push's records read and written one at a time (put) */
};

/* Brings the schema to the latest version, once for all processes (the migration lock). A
 * database with other tables and no icw_schema is not a server's, and one of a newer version
 * is refused; both are left untouched. */
static gboolean
migrate (IcwServerStore  *store,
         GError         **error)
{
  PGresult *result;
  int version;

  if (!run_ok (store, "BEGIN", 0, NULL, error))
    return FALSE;
  if (!run_ok (store, "SELECT pg_advisory_xact_lock(" LOCK_MIGRATE ")", 0, NULL, error))
    goto fail;
  result = run (store, "SELECT to_regclass('icw_schema') IS NOT NULL, "
                       "(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())", 0, NULL, error);
  if (result == NULL)
    goto fail;
  if (g_str_equal (PQgetvalue (result, 0, 0), "f"))
    {
      gboolean empty = value_int (result, 0, 1) == 0;

      PQclear (result);
      if (!empty)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_WORKBENCH,
                       _("The PostgreSQL database has tables but is not a sync server's database"));
          goto fail;
        }
      if (!run_script (store, "CREATE TABLE icw_schema (application text NOT NULL CHECK (application = 'icw-serve'), "
                              "version integer NOT NULL); INSERT INTO icw_schema VALUES ('icw-serve', 0)", error))
        goto fail;
    }
  else
    PQclear (result);
  result = run (store, "SELECT version FROM icw_schema", 0, NULL, error);
  if (result == NULL)
    goto fail;
  version = PQntuples (result) == 1 ? (int) value_int (result, 0, 0) : -1;
  PQclear (result);
  if (version < 0 || version > icw_server_store_pg_latest_version ())
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_FUTURE_DATABASE,
                   _("The server's PostgreSQL database was written by a newer version (schema %d); it is left untouched"),
                   version);
      goto fail;
    }
  for (int v = version + 1; v <= icw_server_store_pg_latest_version (); v++)
    {
      g_autofree char *text = g_strdup_printf ("%d", v);
      const char *values[] = { text };

      if (!run_script (store, pg_migrations[v], error) ||
          !run_ok (store, "UPDATE icw_schema SET version = $1::integer", 1, values, error))
        goto fail;
    }
  return run_ok (store, "COMMIT", 0, NULL, error);

fail:
  PQclear (PQexec (CONN (store), "ROLLBACK"));
  return FALSE;
}

IcwServerStore *
icw_server_store_open_pg (const char  *conninfo,
                          GError     **error)
{
  IcwServerPg *pg = g_new0 (IcwServerPg, 1);

  pg->parent.klass = &pg_class;
  pg->conn = PQconnectdb (conninfo);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      g_autofree char *text = g_strstrip (g_strdup (PQerrorMessage (pg->conn)));

      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, _("Cannot connect to the PostgreSQL database: %s"), text);
      pg_close (&pg->parent);
      return NULL;
    }
  if (PQsetClientEncoding (pg->conn, "UTF8") != 0 ||
      !run_ok (&pg->parent, "SET application_name = 'icw-serve'", 0, NULL, error) ||
      !migrate (&pg->parent, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, "%s", PQerrorMessage (pg->conn));
      pg_close (&pg->parent);
      return NULL;
    }
  return &pg->parent;
}
