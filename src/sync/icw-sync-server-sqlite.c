/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-sqlite.c: the reference server's storage on one SQLite file (the default;
 * icw-sync-server-store.h), under the storage rules (WAL, synchronous=FULL, BEGIN IMMEDIATE,
 * migrations after a backup) through icw-database.c. One row per record, its latest state, with
 * the sequence number of its last change: the sequence orders pulls (a cursor is the last
 * sequence a client has) and is the record's revision. Tokens are kept as their SHA-256 only.
 * One process owns the file: BEGIN IMMEDIATE makes writing transactions run one at a time, so
 * sequence numbers are committed in order. */
#include "config.h"

#include <sqlite3.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-sync-json.h"
#include "icw-sync-server-store.h"

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

/* Version 3 (issue 18): provinces by their GB/T 2260 code (icw-sync-province.c): a center's
 * province and a reviewer token's, stored before as names, become codes when they name a
 * division (Chinese with or without the suffix, English in any case); other text stays. */
#define PROVINCE_CODE(column) \
  "CASE lower(trim(" column ")) " \
  "  WHEN '北京市' THEN '110000' WHEN '北京' THEN '110000' WHEN 'beijing' THEN '110000'" \
  "  WHEN '天津市' THEN '120000' WHEN '天津' THEN '120000' WHEN 'tianjin' THEN '120000'" \
  "  WHEN '河北省' THEN '130000' WHEN '河北' THEN '130000' WHEN 'hebei' THEN '130000'" \
  "  WHEN '山西省' THEN '140000' WHEN '山西' THEN '140000' WHEN 'shanxi' THEN '140000'" \
  "  WHEN '内蒙古自治区' THEN '150000' WHEN '内蒙古' THEN '150000' WHEN 'inner mongolia' THEN '150000'" \
  "  WHEN '辽宁省' THEN '210000' WHEN '辽宁' THEN '210000' WHEN 'liaoning' THEN '210000'" \
  "  WHEN '吉林省' THEN '220000' WHEN '吉林' THEN '220000' WHEN 'jilin' THEN '220000'" \
  "  WHEN '黑龙江省' THEN '230000' WHEN '黑龙江' THEN '230000' WHEN 'heilongjiang' THEN '230000'" \
  "  WHEN '上海市' THEN '310000' WHEN '上海' THEN '310000' WHEN 'shanghai' THEN '310000'" \
  "  WHEN '江苏省' THEN '320000' WHEN '江苏' THEN '320000' WHEN 'jiangsu' THEN '320000'" \
  "  WHEN '浙江省' THEN '330000' WHEN '浙江' THEN '330000' WHEN 'zhejiang' THEN '330000'" \
  "  WHEN '安徽省' THEN '340000' WHEN '安徽' THEN '340000' WHEN 'anhui' THEN '340000'" \
  "  WHEN '福建省' THEN '350000' WHEN '福建' THEN '350000' WHEN 'fujian' THEN '350000'" \
  "  WHEN '江西省' THEN '360000' WHEN '江西' THEN '360000' WHEN 'jiangxi' THEN '360000'" \
  "  WHEN '山东省' THEN '370000' WHEN '山东' THEN '370000' WHEN 'shandong' THEN '370000'" \
  "  WHEN '河南省' THEN '410000' WHEN '河南' THEN '410000' WHEN 'henan' THEN '410000'" \
  "  WHEN '湖北省' THEN '420000' WHEN '湖北' THEN '420000' WHEN 'hubei' THEN '420000'" \
  "  WHEN '湖南省' THEN '430000' WHEN '湖南' THEN '430000' WHEN 'hunan' THEN '430000'" \
  "  WHEN '广东省' THEN '440000' WHEN '广东' THEN '440000' WHEN 'guangdong' THEN '440000'" \
  "  WHEN '广西壮族自治区' THEN '450000' WHEN '广西' THEN '450000' WHEN 'guangxi' THEN '450000'" \
  "  WHEN '海南省' THEN '460000' WHEN '海南' THEN '460000' WHEN 'hainan' THEN '460000'" \
  "  WHEN '重庆市' THEN '500000' WHEN '重庆' THEN '500000' WHEN 'chongqing' THEN '500000'" \
  "  WHEN '四川省' THEN '510000' WHEN '四川' THEN '510000' WHEN 'sichuan' THEN '510000'" \
  "  WHEN '贵州省' THEN '520000' WHEN '贵州' THEN '520000' WHEN 'guizhou' THEN '520000'" \
  "  WHEN '云南省' THEN '530000' WHEN '云南' THEN '530000' WHEN 'yunnan' THEN '530000'" \
  "  WHEN '西藏自治区' THEN '540000' WHEN '西藏' THEN '540000' WHEN 'xizang' THEN '540000'" \
  "  WHEN '陕西省' THEN '610000' WHEN '陕西' THEN '610000' WHEN 'shaanxi' THEN '610000'" \
  "  WHEN '甘肃省' THEN '620000' WHEN '甘肃' THEN '620000' WHEN 'gansu' THEN '620000'" \
  "  WHEN '青海省' THEN '630000' WHEN '青海' THEN '630000' WHEN 'qinghai' THEN '630000'" \
  "  WHEN '宁夏回族自治区' THEN '640000' WHEN '宁夏' THEN '640000' WHEN 'ningxia' THEN '640000'" \
  "  WHEN '新疆维吾尔自治区' THEN '650000' WHEN '新疆' THEN '650000' WHEN 'xinjiang' THEN '650000'" \
  "  WHEN '台湾省' THEN '710000' WHEN '台湾' THEN '710000' WHEN 'taiwan' THEN '710000'" \
  "  WHEN '香港特别行政区' THEN '810000' WHEN '香港' THEN '810000' WHEN 'hong kong' THEN '810000'" \
  "  WHEN '澳门特别行政区' THEN '820000' WHEN '澳门' THEN '820000' WHEN 'macao' THEN '820000'" \
  "  ELSE " column " END"

static const char server_migration_3[] =
  "UPDATE records SET province = " PROVINCE_CODE ("province") " WHERE kind = 'center' AND province IS NOT NULL;"
  "UPDATE tokens SET province = " PROVINCE_CODE ("province") " WHERE province IS NOT NULL;";

/* Version 4: attachments' files by SHA-256, and the parts of an upload not yet complete
 * (docs/sync-protocol.md, "Attachments' files"). */
static const char server_migration_4[] =
  "CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, content BLOB NOT NULL,"
  "  stored_at TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS blob_parts (sha256 TEXT NOT NULL, start INTEGER NOT NULL, total INTEGER NOT NULL,"
  "  data BLOB NOT NULL, stored_at TEXT NOT NULL, PRIMARY KEY (sha256, start));";

static const char *const server_migrations[] = { NULL, server_migration_1, server_migration_2, server_migration_3,
                                                 server_migration_4 };

G_STATIC_ASSERT (SERVER_APPLICATION_ID == 1229150035);

/* A push's rows: one read of up to MAX_IDS records (the changes of a push at most), and
 * multi-row upserts of 2^k rows, k < N_SIZES. */
#define MAX_IDS ICW_SYNC_JSON_MAX_CHANGES
#define N_SIZES 7

typedef struct {
  IcwServerStore  parent;
  sqlite3        *db;
  GHashTable     *statements;   /* SQL text -> sqlite3_stmt, prepared once per connection */
  sqlite3_stmt   *put_rows[N_SIZES];   /* the upsert of 1, 2, 4, … 64 rows, prepared on first use */
  sqlite3_stmt   *records;            /* the read of a push's records, prepared on first use */
} IcwServerSqlite;

#define DB(store) (((IcwServerSqlite *) (store))->db)

static void
sqlite_close (IcwServerStore *store)
{
  for (guint i = 0; i < N_SIZES; i++)
    sqlite3_finalize (((IcwServerSqlite *) store)->put_rows[i]);
  sqlite3_finalize (((IcwServerSqlite *) store)->records);
  g_hash_table_destroy (((IcwServerSqlite *) store)->statements);
  sqlite3_close (DB (store));
  g_free (store);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The connection's statement for this SQL, prepared on first use (SQLITE_PREPARE_PERSISTENT) and
 * kept until the store closes; handed back reset with no bindings. Every request runs the same
 * few statements, so preparing them per call was a tenth of a push (docs/performance.md). */
static sqlite3_stmt *
cached (IcwServerStore  *store,
        const char      *sql,
        GError         **error)
{
  IcwServerSqlite *self = (IcwServerSqlite *) store;
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
sqlite_begin (IcwServerStore *store, GError **error)
{
  return icw_database_begin (DB (store), error);
}

static gboolean
sqlite_commit (IcwServerStore *store, GError **error)
{
  return icw_database_commit (DB (store), error);
}

static void
sqlite_rollback (IcwServerStore *store)
{
  icw_database_rollback (DB (store));
}

/* Steps a statement to its end; FALSE with the error set. Resets it and clears its bindings. */
static gboolean
run (sqlite3       *db,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);   /* a cached statement does not hold a file's part until its next use */
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

/* Runs sql (the connection's cached statement) to its end with the texts as its parameters ?1…?n
 * (a NULL text binds NULL); the number of rows it changed, or -1 with the error set. */
static gint64
exec_texts (IcwServerStore     *store,
            const char         *sql,
            const char *const  *texts,
            guint               n,
            GError            **error)
{
  sqlite3_stmt *stmt = cached (store, sql, error);

  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    sqlite3_bind_text (stmt, (int) i + 1, texts[i], -1, SQLITE_TRANSIENT);
  if (!run (DB (store), stmt, error))
    return -1;
  return sqlite3_changes64 (DB (store));
}

#define EXEC(store, error, sql, ...) \
  exec_texts ((store), (sql), (const char *const[]) { __VA_ARGS__ }, \
              G_N_ELEMENTS (((const char *const[]) { __VA_ARGS__ })), (error))

static gboolean
sqlite_add_token (IcwServerStore *store, const char *hash, const char *role, const char *center_id,
                  const char *province, const char *now, GError **error)
{
  return EXEC (store, error, "INSERT INTO tokens (hash, role, center_id, province, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)", hash, role, center_id, province, now) >= 0;
}

static IcwServerToken *
sqlite_token (IcwServerStore *store, const char *hash)
{
  sqlite3_stmt *stmt = cached (store, "SELECT role, center_id, province FROM tokens "
                                                         "WHERE hash = ?1 AND NOT revoked", NULL);
  IcwServerToken *found = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = g_new0 (IcwServerToken, 1);
      found->hash = g_strdup (hash);
      found->reviewer = g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "reviewer");
      found->center_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      found->province = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  return found;
}

static GPtrArray *
sqlite_list_tokens (IcwServerStore *store, GError **error)
{
  sqlite3_stmt *stmt = cached (store, "SELECT hash, role, coalesce(center_id, province), created_at, revoked "
                                                         "FROM tokens ORDER BY created_at, hash", error);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_sync_token_info_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IcwSyncTokenInfo *info = g_new0 (IcwSyncTokenInfo, 1);

      info->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->scope = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      info->revoked = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (infos, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, DB (store), rc);
      return NULL;
    }
  return g_steal_pointer (&infos);
}

static gint64
sqlite_revoke_tokens (IcwServerStore *store, const char *prefix, GError **error)
{
  return EXEC (store, error, "UPDATE tokens SET revoked = 1 "
                             "WHERE substr(hash, 1, length(?1)) = ?1 AND NOT revoked", prefix);
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

static IcwServerRecord *
sqlite_record (IcwServerStore *store, const char *id)
{
  sqlite3_stmt *stmt = cached (store, RECORD_COLUMNS " WHERE id = ?1", NULL);
  IcwServerRecord *record = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = record_from_row (stmt);
  sqlite3_reset (stmt);
  return record;
}

static char *
sqlite_province (IcwServerStore *store, const char *center_id)
{
  sqlite3_stmt *stmt = cached (store, "SELECT province FROM records "
                                                         "WHERE id = ?1 AND kind = 'center'", NULL);
  char *province = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    province = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return province;
}

/* Stores the record's new state with the next sequence number, which it returns (or -1). */
static gint64
sqlite_put (IcwServerStore *store, const char *kind, const char *id, const char *center_id,
            const char *province, gboolean deleted, const char *payload, const char *review,
            const char *now, GError **error)
{
  sqlite3 *db = DB (store);
  sqlite3_stmt *stmt;
  gint64 seq = -1;
  int rc;

  if (exec_texts (store, "UPDATE meta SET value = value + 1 WHERE key = 'seq'", NULL, 0, error) < 0)
    return -1;
  stmt = cached (store,
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
      icw_database_set_error (error, db, rc);
      seq = -1;
    }
  sqlite3_reset (stmt);
  return seq;
}

/* The stored records of a push's ids, in one statement: its list holds MAX_IDS parameters, those
 * past n left NULL (matching no id). */
static GPtrArray *
sqlite_records (IcwServerStore *store, const char *const *ids, guint n, GError **error)
{
  IcwServerSqlite *self = (IcwServerSqlite *) store;
  sqlite3_stmt *stmt = self->records;
  GPtrArray *records;
  int rc;

  if (n > MAX_IDS)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, "A push of %u records is read one by one", n);
      return NULL;
    }
  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_new (RECORD_COLUMNS " WHERE id IN (?");

      for (guint i = 1; i < MAX_IDS; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
      rc = sqlite3_prepare_v3 (self->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          icw_database_set_error (error, self->db, rc);
          return NULL;
        }
      self->records = stmt;
    }
  for (guint i = 0; i < n; i++)
    sqlite3_bind_text (stmt, (int) i + 1, ids[i], -1, SQLITE_STATIC);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_server_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, DB (store), rc);
      g_ptr_array_unref (records);
      return NULL;
    }
  return records;
}

static gint64
sqlite_last_seq (IcwServerStore *store, GError **error)
{
  sqlite3_stmt *stmt = cached (store, "SELECT value FROM meta WHERE key = 'seq'", error);
  gint64 seq = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  else
    icw_database_set_error (error, DB (store), rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
  sqlite3_reset (stmt);
  return seq;
}

#define PUT_COLUMNS 8

/* sqlite_put's upsert for n_rows rows, each with its sequence number. Rows of one id follow each
 * other in the statement's order, each an upsert over the one before, as separate statements did. */
static char *
put_rows_sql (guint n_rows)
{
  GString *sql = g_string_new ("INSERT INTO records (id, kind, center_id, province, seq, deleted, payload, "
                               "review, stored_at) VALUES ");

  for (guint r = 0; r < n_rows; r++)
    g_string_append (sql, r > 0 ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?1)" : "(?2, ?, ?, ?, ?, ?, ?, ?, ?1)");
  /* The same as sqlite_put's */
  g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET province = excluded.province, seq = excluded.seq, "
                        "deleted = excluded.deleted, payload = excluded.payload, stored_at = excluded.stored_at, "
                        "review = coalesce(excluded.review, records.review)");
  return g_string_free (sql, FALSE);
}

static gboolean
put_rows_chunk (IcwServerStore *store, IcwServerRecord *const *rows, guint size_index, const char *now,
                GError **error)
{
  IcwServerSqlite *self = (IcwServerSqlite *) store;
  sqlite3_stmt *stmt = self->put_rows[size_index];
  guint n_rows = 1u << size_index;
  int rc;

  if (stmt == NULL)
    {
      g_autofree char *sql = put_rows_sql (n_rows);

      rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          icw_database_set_error (error, self->db, rc);
          return FALSE;
        }
      self->put_rows[size_index] = stmt;
    }
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  for (guint r = 0; r < n_rows; r++)
    {
      const IcwServerRecord *row = rows[r];
      int at = 2 + (int) r * PUT_COLUMNS;

      sqlite3_bind_text (stmt, at, row->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, at + 1, row->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, at + 2, row->center_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, at + 3, row->province, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, at + 4, row->seq);
      sqlite3_bind_int (stmt, at + 5, row->deleted ? 1 : 0);
      sqlite3_bind_text (stmt, at + 6, row->payload, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, at + 7, row->review, -1, SQLITE_STATIC);
    }
  /* run: reset, and no binding of the caller's texts kept */
  return run (self->db, stmt, error);
}

/* A push's rows, in order, by multi-row upserts of 64, 32, … 1 rows, then the last sequence
 * number given (sqlite_put's two statements a row). */
static gboolean
sqlite_put_rows (IcwServerStore *store, IcwServerRecord *const *rows, guint n, gint64 last_seq,
                 const char *now, GError **error)
{
  sqlite3_stmt *stmt;
  guint done = 0;

  while (done < n)
    {
      guint size_index = (guint) g_bit_nth_msf (MIN (n - done, 1u << (N_SIZES - 1)), -1);

      if (!put_rows_chunk (store, rows + done, size_index, now, error))
        return FALSE;
      done += 1u << size_index;
    }
  stmt = cached (store, "UPDATE meta SET value = ?1 WHERE key = 'seq'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_seq);
  return run (DB (store), stmt, error);
}

static char *
sqlite_replay (IcwServerStore *store, const char *token_hash, const char *key, char **body_hash)
{
  sqlite3_stmt *stmt = cached (store, "SELECT response, body_hash FROM idempotency "
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
  sqlite3_reset (stmt);
  return response;
}

static gboolean
sqlite_remember (IcwServerStore *store, const char *token_hash, const char *key, const char *body_hash,
                 const char *response, const char *now, GError **error)
{
  return EXEC (store, error, "INSERT INTO idempotency (token_hash, key, response, stored_at, body_hash) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", token_hash, key, response, now, body_hash) >= 0;
}

static gboolean
sqlite_lineage_has_comments (IcwServerStore *store, const char *kind, const char *lineage_id,
                             const char *comments)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = cached (store, "SELECT 1 FROM records WHERE kind = ?1 AND json_valid(payload) "
                                           "AND json_extract(payload, '$.lineage_id') = ?2 "
                                           "AND json_extract(payload, '$.reviewer_comments') = ?3 LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, lineage_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, comments, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gint64
sqlite_horizon (IcwServerStore *store)
{
  sqlite3_stmt *stmt = cached (store, "SELECT value FROM meta WHERE key = 'horizon'", NULL);
  gint64 horizon = 0;

  if (stmt == NULL)
    return G_MAXINT64;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    horizon = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return horizon;
}

static GPtrArray *
sqlite_pull (IcwServerStore *store, gboolean reviewer, const char *scope, gint64 after, guint limit,
             GError **error)
{
  /* The scope comes from the token alone: an administrator's center, or a reviewer's province
   * through the centers' current province. */
  const char *sql = reviewer
    ? RECORD_COLUMNS " WHERE seq > ?1 AND center_id IN (SELECT id FROM records WHERE kind = 'center' AND province = ?2) ORDER BY seq LIMIT ?3"
    : RECORD_COLUMNS " WHERE seq > ?1 AND center_id = ?2 ORDER BY seq LIMIT ?3";
  sqlite3_stmt *stmt = cached (store, sql, error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_server_record_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_text (stmt, 2, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, (gint64) limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, DB (store), rc);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static gint64
sqlite_purge_tombstones (IcwServerStore *store, const char *before, GError **error)
{
  /* The horizon is the highest sequence of a purged tombstone: a cursor below it may have missed
   * a deletion. */
  if (EXEC (store, error,
            "UPDATE meta SET value = max(value, coalesce((SELECT max(seq) FROM records WHERE deleted AND stored_at < ?1), 0)) "
            "WHERE key = 'horizon'", before) < 0)
    return -1;
  return EXEC (store, error, "DELETE FROM records WHERE deleted AND stored_at < ?1", before);
}

static gint64
sqlite_purge_keys (IcwServerStore *store, const char *before, GError **error)
{
  return EXEC (store, error, "DELETE FROM idempotency WHERE stored_at < ?1", before);
}

static gboolean
sqlite_ping (IcwServerStore *store, GError **error)
{
  return icw_database_exec (DB (store), "SELECT 1 FROM meta LIMIT 1", error);
}

static gboolean
sqlite_blob_status (IcwServerStore *store, const char *sha256, gboolean *complete, gint64 *received,
                    gint64 *total, GError **error)
{
  sqlite3_stmt *stmt = icw_database_prepare (DB (store), "SELECT size, 1 FROM blobs WHERE sha256 = ?1 UNION ALL "
                                                         "SELECT coalesce (sum (length (data)), 0), 0 FROM blob_parts "
                                                         "WHERE sha256 = ?1 UNION ALL "
                                                         "SELECT max (total), 2 FROM blob_parts WHERE sha256 = ?1",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *complete = FALSE;
  *received = *total = 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int what = sqlite3_column_int (stmt, 1);

      if (what == 1)
        {
          *complete = TRUE;
          *received = *total = sqlite3_column_int64 (stmt, 0);
          break;
        }
      if (what == 0)
        *received = sqlite3_column_int64 (stmt, 0);
      else
        *total = sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    icw_database_set_error (error, DB (store), rc);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
sqlite_blob_add_part (IcwServerStore *store, const char *sha256, gint64 total, gint64 start, GBytes *data,
                      const char *now, GError **error)
{
  sqlite3_stmt *stmt = cached (store, "INSERT INTO blob_parts (sha256, start, total, data, stored_at) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  gsize length;
  const void *bytes = g_bytes_get_data (data, &length);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, total);
  sqlite3_bind_blob64 (stmt, 4, bytes != NULL ? bytes : "", length, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  return run (DB (store), stmt, error);
}

static GBytes *
sqlite_blob_parts (IcwServerStore *store, const char *sha256, GError **error)
{
  sqlite3_stmt *stmt = icw_database_prepare (DB (store), "SELECT data FROM blob_parts WHERE sha256 = ?1 ORDER BY start",
                                             error);
  GByteArray *all = g_byte_array_new ();
  int rc;

  if (stmt == NULL)
    return g_bytes_new (NULL, 0);
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_byte_array_append (all, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (rc != SQLITE_DONE)
    icw_database_set_error (error, DB (store), rc);
  sqlite3_finalize (stmt);
  return g_byte_array_free_to_bytes (all);
}

static gboolean
sqlite_blob_finish (IcwServerStore *store, const char *sha256, GBytes *content, const char *now, GError **error)
{
  sqlite3_stmt *stmt;

  if (content != NULL)
    {
      gsize length;
      const void *bytes = g_bytes_get_data (content, &length);

      stmt = cached (store, "INSERT OR IGNORE INTO blobs (sha256, size, content, stored_at) "
                            "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, length);
      sqlite3_bind_blob64 (stmt, 3, bytes != NULL ? bytes : "", length, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      if (!run (DB (store), stmt, error))
        return FALSE;
    }
  return EXEC (store, error, "DELETE FROM blob_parts WHERE sha256 = ?1", sha256) >= 0;
}

static GBytes *
sqlite_blob_read (IcwServerStore *store, const char *sha256, GError **error)
{
  sqlite3_stmt *stmt = icw_database_prepare (DB (store), "SELECT content FROM blobs WHERE sha256 = ?1", error);
  GBytes *content = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    content = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc != SQLITE_DONE)
    icw_database_set_error (error, DB (store), rc);
  sqlite3_finalize (stmt);
  return content;
}

static gint64
sqlite_purge_blob_parts (IcwServerStore *store, const char *before, GError **error)
{
  sqlite3_stmt *counter = icw_database_prepare (DB (store), "SELECT count(*) FROM (SELECT sha256 FROM blob_parts "
                                                            "GROUP BY sha256 HAVING max (stored_at) < ?1)", error);
  gint64 files;

  if (counter == NULL)
    return -1;
  sqlite3_bind_text (counter, 1, before, -1, SQLITE_TRANSIENT);
  files = sqlite3_step (counter) == SQLITE_ROW ? sqlite3_column_int64 (counter, 0) : 0;
  sqlite3_finalize (counter);
  if (EXEC (store, error, "DELETE FROM blob_parts WHERE sha256 IN (SELECT sha256 "
                          "FROM blob_parts GROUP BY sha256 HAVING max (stored_at) < ?1)", before) < 0)
    return -1;
  return files;
}

/* Group commit: each push of a group inside its own savepoint of the group's transaction, its
 * statements from the connection's cache like every other. */
static gboolean
exec_plain (IcwServerStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = cached (store, sql, error);

  return stmt != NULL && run (DB (store), stmt, error);
}

static gboolean
sqlite_savepoint (IcwServerStore *store, GError **error)
{
  return exec_plain (store, "SAVEPOINT push", error);
}

static gboolean
sqlite_release (IcwServerStore *store, GError **error)
{
  return exec_plain (store, "RELEASE push", error);
}

static gboolean
sqlite_rollback_to (IcwServerStore *store)
{
  if (sqlite3_get_autocommit (DB (store)))
    return FALSE;   /* the transaction ended with the error: nothing of the group is left */
  return exec_plain (store, "ROLLBACK TO push", NULL) && exec_plain (store, "RELEASE push", NULL) &&
         !sqlite3_get_autocommit (DB (store));
}

static const IcwServerStoreClass sqlite_class = {
  "sqlite",
  sqlite_close, sqlite_begin, sqlite_commit, sqlite_rollback,
  sqlite_add_token, sqlite_token, sqlite_list_tokens, sqlite_revoke_tokens,
  sqlite_record, sqlite_province, sqlite_put, sqlite_replay, sqlite_remember,
  sqlite_lineage_has_comments, sqlite_horizon, sqlite_pull,
  sqlite_purge_tombstones, sqlite_purge_keys, sqlite_ping,
  sqlite_blob_status, sqlite_blob_add_part, sqlite_blob_parts, sqlite_blob_finish, sqlite_blob_read,
  sqlite_purge_blob_parts,
  sqlite_savepoint, sqlite_release, sqlite_rollback_to,
  sqlite_records, sqlite_last_seq, sqlite_put_rows,
};

#define SERVER_CHECKPOINT_PAGES 8192   /* 32 MiB of 4 KiB pages */

IcwServerStore *
icw_server_store_open_sqlite (const char  *path,
                              GError     **error)
{
  IcwDatabaseSchema schema = { SERVER_APPLICATION_ID, server_migrations,
                               G_N_ELEMENTS (server_migrations) - 1 };
  sqlite3 *db = icw_database_open_schema (path, &schema, error);
  IcwServerSqlite *store;

  if (db == NULL)
    return NULL;
  /* SQLite checkpoints when a commit leaves the WAL past this many pages. Its default, 1000,
   * copied the same index pages into the file again and again while a client's batches came in
   * (a 10k push: six checkpoints, 3.4k pages written and as many read back from the WAL, for a
   * 6 MB file); at 8192 pages (32 MiB of WAL, the pull's figure on the client) the WAL holds a
   * 10k push. A checkpoint syncs the WAL and the file as before; a commit's durability does not
   * depend on it (WAL, synchronous=FULL). */
  sqlite3_wal_autocheckpoint (db, SERVER_CHECKPOINT_PAGES);
  store = g_new0 (IcwServerSqlite, 1);
  store->parent.klass = &sqlite_class;
  store->db = db;
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             finalize_statement);
  return &store->parent;
}
