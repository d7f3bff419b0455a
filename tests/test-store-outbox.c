/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-outbox.c: the outbox rows a save writes (icw-store-outbox.c), read back through a
 * connection of the test's own: each payload is, byte for byte, what SQLite's json_object makes of
 * the record's row as it stands after the save (the text every outbox row held before the store
 * built it itself, issue 20), for every kind of the sample center, for text holding every control
 * character, quotes, backslashes and characters outside the BMP, for columns another connection
 * changed, and for a value no store column writes (a REAL: still copied by json_object; a BLOB:
 * refused as before); many saves of one record among others fold into the record's waiting row
 * while no push batch has read it (schema 27's read mark), and the batch is the one a row per save
 * gave; a row a batch has read is never changed, by this store or another on the same file, and
 * the batch in flight is rebuilt exactly; a row on another base revision is not folded into; a
 * seq is never given twice (schema 26's outbox_high_water, without AUTOINCREMENT); migration 26
 * keeps the rows waiting to be sent, and 27 marks every row of the outbox as read. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "icw-field-catalogue.h"
#include "icw-organization.h"
#include "icw-schema.h"
#include "icw-store.h"
#include "icw-store-sync.h"
#include "icw-test-util.h"

static const struct {
  IcwRecordKind kind;
  const char *table;
} tables[] = {
  { ICW_RECORD_KIND_ORGANIZATION, "organizations" },
  { ICW_RECORD_KIND_CENTER, "centers" },
  { ICW_RECORD_KIND_SHAREHOLDER, "shareholders" },
  { ICW_RECORD_KIND_ALLIANCE_MEMBER, "alliance_members" },
  { ICW_RECORD_KIND_PLATFORM, "platforms" },
  { ICW_RECORD_KIND_APPLICATION, "applications" },
  { ICW_RECORD_KIND_ATTACHMENT, "attachments" },
  { ICW_RECORD_KIND_IP_AGREEMENT, "ip_agreements" },
  { ICW_RECORD_KIND_AGREEMENT_PARTY, "agreement_parties" },
  { ICW_RECORD_KIND_FUNDING_REQUEST, "funding_requests" },
  { ICW_RECORD_KIND_BUDGET_LINE, "budget_lines" },
  { ICW_RECORD_KIND_REPORT, "reports" },
};

/* The record's row as json_object makes it, with the members in the payload's order. */
static char *
json_object_sql (IcwRecordKind kind)
{
  GString *sql = g_string_new ("SELECT json_object('id', id, 'created_at', created_at, 'updated_at', updated_at, "
                               "'deleted_at', deleted_at");
  const IcwColumn *columns;
  guint n_columns;
  const char *table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].kind == kind)
      table = tables[i].table;
  g_assert_nonnull (table);
  columns = icw_field_catalogue (kind, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, ", '%s', %s", columns[i].name, columns[i].name);
  g_string_append_printf (sql, "), revision IS ?2 FROM %s WHERE id = ?1", table);
  return g_string_free (sql, FALSE);
}

/* Every record's latest outbox row against json_object of its row now, byte for byte; its
 * base_revision is the row's revision. Returns how many were compared, and the kinds seen. */
static guint
compare_latest_rows (sqlite3 *db,
                     guint   *kinds_seen)
{
  sqlite3_stmt *latest = NULL;
  guint compared = 0;

  *kinds_seen = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT kind, record_id, payload, base_revision FROM outbox AS o "
                                           "WHERE seq = (SELECT max(seq) FROM outbox WHERE record_id = o.record_id) "
                                           "ORDER BY seq", -1, &latest, NULL), ==, SQLITE_OK);
  while (sqlite3_step (latest) == SQLITE_ROW)
    {
      IcwRecordKind kind;
      g_autofree char *sql = NULL;
      sqlite3_stmt *row = NULL;

      g_assert_true (icw_record_kind_from_key ((const char *) sqlite3_column_text (latest, 0), &kind));
      sql = json_object_sql (kind);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &row, NULL), ==, SQLITE_OK);
      sqlite3_bind_value (row, 1, sqlite3_column_value (latest, 1));
      sqlite3_bind_value (row, 2, sqlite3_column_value (latest, 3));
      g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (latest, 2), ==, (const char *) sqlite3_column_text (row, 0));
      g_assert_cmpint (sqlite3_column_bytes (latest, 2), ==, sqlite3_column_bytes (row, 0));
      g_assert_cmpint (sqlite3_column_int (row, 1), ==, 1);
      sqlite3_finalize (row);
      *kinds_seen |= 1u << kind;
      compared++;
    }
  sqlite3_finalize (latest);
  return compared;
}

/* The sample center, loaded through the store: every kind's rows. */
static void
test_sample_payloads (IcwTestSample *sample,
                      gconstpointer  data)
{
  sqlite3 *db = icw_test_db_open (sample->path, SQLITE_OPEN_READWRITE, NULL);
  guint kinds_seen, compared;

  compared = compare_latest_rows (db, &kinds_seen);
  g_assert_cmpuint (compared, >=, 12);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].kind != ICW_RECORD_KIND_ATTACHMENT)   /* the sample has no attachment */
      g_assert_true (kinds_seen & (1u << tables[i].kind));
  sqlite3_close (db);
}

/* Text with every control character, quotes and backslashes, written by the store and by another
 * connection (a column this save does not write), and integers at their limits. */
static void
test_hostile_text (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-store-outbox-XXXXXX", &path);
  g_autoptr(IcwStore) store = icw_test_open_store (path);
  g_autoptr(IcwOrganization) org = icw_test_save_organization (store, "Outbox \"quoted\" \\ 单位", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_stmt *stmt = NULL;
  GString *controls = g_string_new ("a");
  g_autofree char *op = NULL;
  guint kinds_seen;

  for (int c = 1; c < 0x20; c++)
    g_string_append_c (controls, (char) c);
  g_string_append (controls, "\"\\/\x7f é 𝄞 \xe2\x80\xa8 end");

  /* Another connection writes what the store's checks would refuse, in a column the next save
   * does not write; the payload still holds the row's value. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE organizations SET city = ?1, province = ?1, "
                                           "revenue_1_fen = 9223372036854775807, rd_intensity_1 = -2147483648, "
                                           "top_ten_field = '' WHERE id = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, controls->str, controls->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, icw_record_get_id (ICW_RECORD (org)), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  icw_organization_set_legal_representative (ICW_ORGANIZATION (org), "李\"娜\"\\");
  g_assert_true (icw_store_save (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (compare_latest_rows (db, &kinds_seen), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT instr(payload, '\\u0001\\u0002') > 0 AND instr(payload, '\\b\\t\\n\\u000b\\f\\r') > 0 "
                                        "AND instr(payload, '\"legal_representative\":\"李\\\"娜\\\"\\\\\"') > 0 "
                                        "AND instr(payload, '9223372036854775807') > 0 AND instr(payload, '-2147483648') > 0 "
                                        "FROM outbox ORDER BY seq DESC LIMIT 1", NULL), ==, 1);

  /* Deleted and restored: the rows say so, and are json_object's too. */
  g_assert_true (icw_store_delete (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (compare_latest_rows (db, &kinds_seen), ==, 1);
  op = icw_test_db_text (db, "SELECT op FROM outbox ORDER BY seq DESC LIMIT 1", NULL);
  g_assert_cmpstr (op, ==, "delete");
  g_assert_true (icw_store_restore (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (compare_latest_rows (db, &kinds_seen), ==, 1);

  g_string_free (controls, TRUE);
  sqlite3_close (db);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &path);
}

/* A value of a type no store column writes: a REAL is copied by json_object as before, a BLOB
 * refused as before (and the save with it: nothing is written). */
static void
test_other_types (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-store-outbox-XXXXXX", &path);
  g_autoptr(IcwStore) store = icw_test_open_store (path);
  g_autoptr(IcwOrganization) org = icw_test_save_organization (store, "Outbox types", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (icw_record_get_id (ICW_RECORD (org)));
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
  guint kinds_seen;
  gint64 rows;

  g_assert_cmpint (icw_test_db_int (db, "UPDATE organizations SET rd_base_year = 2024.5 WHERE id = ?1 "
                                        "RETURNING typeof(rd_base_year) = 'real'", id), ==, 1);
  icw_organization_set_city (ICW_ORGANIZATION (org), "深圳市");
  g_assert_true (icw_store_save (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (compare_latest_rows (db, &kinds_seen), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT instr(payload, '\"rd_base_year\":2024.5') > 0 FROM outbox "
                                        "ORDER BY seq DESC LIMIT 1", NULL), ==, 1);

  rows = icw_test_db_int (db, "SELECT count(*) FROM outbox", NULL);
  g_assert_cmpint (icw_test_db_int (db, "UPDATE organizations SET top_ten_source = x'00ff' WHERE id = ?1 "
                                        "RETURNING typeof(top_ten_source) = 'blob'", id), ==, 1);
  icw_organization_set_city (ICW_ORGANIZATION (org), "广州市");
  g_assert_false (icw_store_save (store, ICW_RECORD (org), &error));
  g_assert_nonnull (error);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox", NULL), ==, rows);
  g_assert_cmpint (icw_test_db_int (db, "SELECT city = '深圳市' FROM organizations WHERE id = ?1", id), ==, 1);

  sqlite3_close (db);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &path);
}

/* Many saves of one record among saves of two others, no batch having read the outbox: each save
 * folds into its record's row, so the outbox holds one row per record, in the order of the
 * records' creation (their seqs), each the record as its last save left it; the push batch is the
 * one a row per save gave (one change per record, in the order of each record's first row, with
 * the last payload). */
static void
test_many_saves_order (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-store-outbox-XXXXXX", &path);
  g_autoptr(IcwStore) store = icw_test_open_store (path);
  g_autoptr(IcwOrganization) first = icw_test_save_organization (store, "Outbox first", NULL);
  g_autoptr(IcwOrganization) busy = icw_test_save_organization (store, "Outbox busy", NULL);
  g_autoptr(IcwOrganization) last = icw_test_save_organization (store, "Outbox last", NULL);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 previous_seq = 0, max_seq = 0;
  guint n = 0;

  for (int i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("法人 %d", i);
      IcwOrganization *org = i % 3 == 2 ? (i % 2 ? first : last) : busy;

      icw_organization_set_legal_representative (org, name);
      g_assert_true (icw_store_save (store, ICW_RECORD (org), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, record_id, json_extract(payload, '$.legal_representative'), "
                                           "json_extract(payload, '$.name') FROM outbox ORDER BY seq", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Each record's last save: first's was the 59th, busy's the 58th, last's the 56th. */
      IcwOrganization *org = n == 0 ? first : n == 1 ? busy : last;
      g_autofree char *name = g_strdup_printf ("法人 %d", n == 0 ? 59 : n == 1 ? 58 : 56);

      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, n + 1);
      previous_seq = sqlite3_column_int64 (stmt, 0);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, icw_record_get_id (ICW_RECORD (org)));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, icw_organization_get_name (org));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, icw_organization_get_legal_representative (org));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, name);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 3);

  batch = icw_store_outbox_batch (store, 200, 0, &max_seq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, ==, 3);
  g_assert_cmpint (max_seq, ==, previous_seq);
  for (guint i = 0; i < 3; i++)
    {
      IcwOutboxChange *change = batch->pdata[i];
      IcwOrganization *org = i == 0 ? first : i == 1 ? busy : last;
      g_autofree char *payload = icw_test_db_text (db, "SELECT payload FROM outbox WHERE record_id = ?1 "
                                                       "ORDER BY seq DESC LIMIT 1", change->id);

      g_assert_cmpstr (change->id, ==, icw_record_get_id (ICW_RECORD (org)));
      g_assert_cmpstr (change->payload, ==, payload);
      g_assert_nonnull (strstr (change->payload, icw_organization_get_legal_representative (org)));
    }

  sqlite3_close (db);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &path);
}

static gint64
last_seq (sqlite3 *db)
{
  return icw_test_db_int (db, "SELECT max(seq) FROM outbox", NULL);
}

/* A push batch read, as the sync client reads one (it raises the read mark); returns its last seq. */
static gint64
read_batch (IcwStore *store)
{
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 max_seq = 0;

  batch = icw_store_outbox_batch (store, 200, 0, &max_seq, &error);
  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return max_seq;
}

#define ROW_TEXT "SELECT seq || '|' || kind || '|' || record_id || '|' || op || '|' || payload || '|' " \
                 "|| coalesce(base_revision, 'NULL') || '|' || queued_at FROM outbox WHERE seq = ?1"

static char *
row_text (sqlite3 *db,
          gint64   seq)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  return icw_test_db_text (db, ROW_TEXT, text);
}

/* A text the test's connection reads, against what it should be. */
static void
assert_db_text (sqlite3    *db,
                const char *sql,
                const char *param,
                const char *expected)
{
  g_autofree char *text = icw_test_db_text (db, sql, param);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_row (sqlite3    *db,
            gint64      seq,
            const char *expected)
{
  g_autofree char *text = row_text (db, seq);

  g_assert_cmpstr (text, ==, expected);
}

static void
save_legal_representative (IcwStore   *store,
                           IcwRecord  *org,
                           const char *name)
{
  g_autoptr(GError) error = NULL;

  icw_organization_set_legal_representative (ICW_ORGANIZATION (org), name);
  g_assert_true (icw_store_save (store, org, &error));
  g_assert_no_error (error);
}

/* A save folds into its record's last waiting row while no batch has read it: the row keeps its
 * seq, base revision and time, and takes the save's op and payload. Once a batch has read the row
 * (the read mark), a save, by this store or by another store on the same file (a dossier import's,
 * the icw CLI's), adds a row above it and never changes it: the batch in flight is rebuilt exactly
 * (as a batch whose answer never came is sent again), its acknowledgement drops only what it read,
 * and the edit is the next batch's. A row on another base revision than the record's (a conflict's
 * Keep Mine sets the server's) is not folded into. */
static void
test_fold_and_read_mark (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-store-outbox-XXXXXX", &path);
  g_autoptr(IcwStore) store = icw_test_open_store (path);
  g_autoptr(IcwStore) other = NULL;
  g_autoptr(IcwOrganization) org = icw_test_save_organization (store, "Outbox fold", NULL);
  g_autoptr(IcwOrganization) bystander = icw_test_save_organization (store, "Outbox bystander", NULL);
  g_autoptr(IcwRecord) seen_by_other = NULL;
  g_autoptr(GPtrArray) batch = NULL, again = NULL, next = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = icw_record_get_id (ICW_RECORD (org));
  const char *const revisions[] = { "r1" };
  g_autofree char *first_row = NULL, *bystander_row = NULL, *queued_at = NULL, *read_row = NULL;
  g_autofree char *op = NULL;
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
  gint64 max_seq = 0;
  guint kinds_seen;

  g_assert_cmpint (icw_test_db_int (db, "SELECT read_seq FROM outbox_high_water", NULL), ==, 0);
  first_row = row_text (db, 1);
  bystander_row = row_text (db, 2);
  queued_at = icw_test_db_text (db, "SELECT queued_at FROM outbox WHERE seq = 1", NULL);

  /* No batch has read it: folded. */
  save_legal_representative (store, ICW_RECORD (org), "李娜");
  save_legal_representative (store, ICW_RECORD (org), "张伟");
  g_assert_cmpint (icw_store_count_outbox (store), ==, 2);
  g_assert_cmpint (icw_test_db_int (db, "SELECT seq FROM outbox WHERE record_id = ?1", id), ==, 1);
  assert_db_text (db, "SELECT json_extract(payload, '$.legal_representative') FROM outbox WHERE seq = 1", NULL,
                  "张伟");
  g_assert_cmpint (icw_test_db_int (db, "SELECT base_revision IS NULL AND op = 'upsert' FROM outbox WHERE seq = 1",
                                    NULL), ==, 1);
  assert_db_text (db, "SELECT queued_at FROM outbox WHERE seq = 1", NULL, queued_at);
  assert_row (db, 2, bystander_row);
  assert_db_text (db, "SELECT record_id FROM outbox WHERE seq = 2", NULL, icw_record_get_id (ICW_RECORD (bystander)));
  g_assert_cmpuint (compare_latest_rows (db, &kinds_seen), ==, 2);

  /* A batch reads both rows: the mark is their last seq. */
  batch = icw_store_outbox_batch (store, 200, 0, &max_seq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, ==, 2);
  g_assert_cmpint (max_seq, ==, 2);
  g_assert_cmpint (icw_test_db_int (db, "SELECT read_seq FROM outbox_high_water", NULL), ==, 2);
  read_row = row_text (db, 1);
  g_assert_cmpstr (read_row, !=, first_row);

  /* Another store on the file edits it while the batch is in flight: a row of its own. */
  other = icw_test_open_store (path);
  seen_by_other = icw_store_lookup (other, ICW_RECORD_KIND_ORGANIZATION, id, &error);
  g_assert_no_error (error);
  save_legal_representative (other, seen_by_other, "王芳");
  g_assert_cmpint (icw_store_count_outbox (store), ==, 3);
  g_assert_cmpint (last_seq (db), ==, 3);
  assert_row (db, 1, read_row);
  /* And again: folded into that new row, which no batch has read. */
  save_legal_representative (other, seen_by_other, "刘洋");
  g_assert_cmpint (icw_store_count_outbox (store), ==, 3);
  assert_row (db, 1, read_row);

  /* The batch in flight, sent again with its last seq: exactly what was read. */
  again = icw_store_outbox_batch (store, 200, max_seq, &max_seq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpint (max_seq, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      IcwOutboxChange *sent = batch->pdata[i], *resent = again->pdata[i];

      g_assert_cmpstr (resent->id, ==, sent->id);
      g_assert_cmpstr (resent->payload, ==, sent->payload);
      g_assert_cmpint (resent->max_seq, ==, sent->max_seq);
    }
  g_assert_nonnull (strstr (((IcwOutboxChange *) again->pdata[0])->payload, "张伟"));

  /* Its acknowledgement drops what it read; the edit waits, rebased, and is the next batch. */
  g_ptr_array_set_size (batch, 1);
  g_assert_true (icw_store_ack_changes (store, batch, revisions, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1", id), ==, 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT seq FROM outbox WHERE record_id = ?1", id), ==, 3);
  assert_db_text (db, "SELECT base_revision FROM outbox WHERE seq = 3", NULL, "r1");
  next = icw_store_outbox_batch (store, 200, 0, &max_seq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (next->len, ==, 2);   /* the bystander (read, not acknowledged) and the edit */
  g_assert_cmpstr (((IcwOutboxChange *) next->pdata[1])->id, ==, id);
  g_assert_nonnull (strstr (((IcwOutboxChange *) next->pdata[1])->payload, "刘洋"));
  g_assert_cmpint (icw_test_db_int (db, "SELECT read_seq FROM outbox_high_water", NULL), ==, 3);

  /* Read now: the next save, its deletion and its restore are one new row, the last op kept. */
  save_legal_representative (store, ICW_RECORD (org), "陈静");
  g_assert_true (icw_store_delete (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1", id), ==, 2);
  op = icw_test_db_text (db, "SELECT op FROM outbox WHERE seq = 4", NULL);
  g_assert_cmpstr (op, ==, "delete");
  g_assert_true (icw_store_restore (store, ICW_RECORD (org), &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1", id), ==, 2);
  g_assert_cmpint (icw_test_db_int (db, "SELECT op = 'upsert' AND base_revision = 'r1' FROM outbox WHERE seq = 4",
                                    NULL), ==, 1);

  /* The record on another base (the server's, as Keep Mine sets it): a row of its own. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE organizations SET revision = 'r9' WHERE name = 'Outbox fold'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  save_legal_representative (store, ICW_RECORD (org), "赵敏");
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE record_id = ?1", id), ==, 3);
  g_assert_cmpint (icw_test_db_int (db, "SELECT base_revision = 'r9' FROM outbox WHERE seq = 5", NULL), ==, 1);

  sqlite3_close (db);
  g_clear_object (&other);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &path);
}

/* A seq is never given twice: not after the highest row was dropped (as an acknowledgement, a
 * refusal's Discard My Change or a conflict's choice drop rows), not after the outbox was emptied,
 * not after the store was opened again; a row dropped below the highest changes nothing. */
static void
test_seq_never_reused (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-store-outbox-XXXXXX", &path);
  g_autoptr(IcwStore) store = icw_test_open_store (path);
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcwOrganization) later = NULL;
  gint64 highest;

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Outbox seq %d", i);

      g_ptr_array_add (orgs, icw_test_save_organization (store, name, NULL));
    }
  g_assert_cmpint (last_seq (db), ==, 4);

  /* The highest row dropped: the next save does not take its seq. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM outbox WHERE seq = 4", NULL, NULL, NULL), ==, SQLITE_OK);
  g_ptr_array_add (orgs, icw_test_save_organization (store, "Outbox seq 4", NULL));
  g_assert_cmpint (last_seq (db), ==, 5);

  /* A row below the highest dropped: the next is one above the highest. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM outbox WHERE seq = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  g_ptr_array_add (orgs, icw_test_save_organization (store, "Outbox seq 5", NULL));
  g_assert_cmpint (last_seq (db), ==, 6);

  /* Every row dropped at once, highest first, then the rest, in one statement each. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq DESC LIMIT 2);"
                                     "DELETE FROM outbox", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox", NULL), ==, 0);
  g_ptr_array_add (orgs, icw_test_save_organization (store, "Outbox seq 6", NULL));
  g_assert_cmpint (last_seq (db), ==, 7);

  /* Emptied again, and the store opened anew. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM outbox", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&orgs, g_ptr_array_unref);
  g_clear_object (&store);
  store = icw_test_open_store (path);
  later = icw_test_save_organization (store, "Outbox seq 7", NULL);
  highest = last_seq (db);
  g_assert_cmpint (highest, ==, 8);
  /* A batch read the row: the deletion is one more; the restore folds into the deletion's row,
   * which no batch has read (schema 27). */
  read_batch (store);
  g_assert_true (icw_store_delete (store, ICW_RECORD (later), NULL));
  g_assert_true (icw_store_restore (store, ICW_RECORD (later), NULL));
  g_assert_cmpint (last_seq (db), ==, highest + 1);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox", NULL), ==, 2);

  sqlite3_close (db);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &path);
}

/* The migration that took AUTOINCREMENT off the outbox, found by what it does. */
static int
high_water_migration (void)
{
  for (int v = 1; v <= icw_schema_latest_version (); v++)
    if (strstr (icw_schema_migration (v), "CREATE TABLE outbox_high_water") != NULL)
      return v;
  g_assert_not_reached ();
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static const char unsent_rows[] =
  "INSERT INTO organizations (id, name, kind, created_at, updated_at) VALUES "
  "  ('11111111-1111-4111-8111-111111111111', '测试牵头单位', 'enterprise', '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z'),"
  "  ('22222222-2222-4222-8222-222222222222', '测试汽车有限公司', 'enterprise', '2025-01-03T03:04:05.000000Z', '2025-01-03T03:04:05.000000Z');"
  "INSERT INTO outbox (kind, record_id, op, payload, base_revision, queued_at) VALUES "
  "  ('organization', '11111111-1111-4111-8111-111111111111', 'upsert',"
  "   '{\"id\":\"11111111-1111-4111-8111-111111111111\",\"name\":\"测试牵头单位\"}', NULL, '2025-01-02T03:04:05.000000Z'),"
  "  ('organization', '22222222-2222-4222-8222-222222222222', 'upsert',"
  "   '{\"id\":\"22222222-2222-4222-8222-222222222222\",\"name\":\"测试汽车有限公司\"}', '17', '2025-01-03T03:04:05.000000Z'),"
  "  ('organization', '11111111-1111-4111-8111-111111111111', 'delete',"
  "   '{\"id\":\"11111111-1111-4111-8111-111111111111\",\"name\":\"测试牵头单位\",\"deleted_at\":\"x\"}', NULL,"
  "   '2025-01-04T03:04:05.000000Z'),"
  "  ('organization', '22222222-2222-4222-8222-222222222222', 'upsert', '{}', '17', '2025-01-05T03:04:05.000000Z');"
  /* The highest was acknowledged: SQLite had given 4, the outbox holds 1 to 3. */
  "DELETE FROM outbox WHERE seq = 4;";

#define OUTBOX_TEXT "SELECT group_concat(seq || '|' || kind || '|' || record_id || '|' || op || '|' || payload || '|' " \
                    "|| coalesce(base_revision, 'NULL') || '|' || queued_at, '\n') FROM (SELECT * FROM outbox ORDER BY seq)"

/* A database from before that migration with rows waiting to be sent: every row kept as it was
 * (seq, payload, base revision, time), the table without AUTOINCREMENT, the push batch the same,
 * and the next save's row above every seq SQLite had given. */
static void
test_migration_keeps_unsent (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = icw_test_make_tmp_dir ("test-store-outbox-XXXXXX", &path);
  int before = high_water_migration () - 1;
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d;", before);
  g_autofree char *rows_before = NULL, *rows_after = NULL, *schema = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) org = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 max_seq = 0;
  sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  for (int v = 1; v <= before; v++)
    raw_exec (db, icw_schema_migration (v));
  raw_exec (db, unsent_rows);
  raw_exec (db, version);
  rows_before = icw_test_db_text (db, OUTBOX_TEXT, NULL);
  g_assert_cmpint (icw_test_db_int (db, "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'", NULL), ==, 4);
  sqlite3_close (db);

  store = icw_test_open_store (path);
  g_assert_nonnull (store);
  db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (icw_test_db_int (db, "PRAGMA user_version", NULL), ==, icw_schema_latest_version ());
  rows_after = icw_test_db_text (db, OUTBOX_TEXT, NULL);
  g_assert_cmpstr (rows_after, ==, rows_before);
  schema = icw_test_db_text (db, "SELECT sql FROM sqlite_master WHERE name = 'outbox'", NULL);
  g_assert_null (strstr (schema, "AUTOINCREMENT"));
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'", NULL), ==, 0);
  g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'outbox_record'", NULL), ==, 1);

  batch = icw_store_outbox_batch (store, 200, 0, &max_seq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, ==, 2);
  g_assert_cmpint (max_seq, ==, 3);
  g_assert_cmpstr (((IcwOutboxChange *) batch->pdata[0])->op, ==, "delete");
  g_assert_cmpstr (((IcwOutboxChange *) batch->pdata[1])->base_revision, ==, "17");

  org = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, "22222222-2222-4222-8222-222222222222", &error);
  g_assert_no_error (error);
  icw_organization_set_city (ICW_ORGANIZATION (org), "青岛市");
  g_assert_true (icw_store_save (store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last_seq (db), ==, 5);

  sqlite3_close (db);
  g_clear_object (&store);
  icw_test_clear_tmp_dir (&dir, &path);
}

/* Migration 27 on a database whose outbox has rows a batch in flight may hold: the mark is the
 * outbox's highest seq, so an edit of such a record adds a row above it and leaves them as they
 * were; the edit after it folds into that new row. An empty outbox leaves the mark at 0. */
static void
test_migration_read_mark (void)
{
  int before = high_water_migration ();   /* 26: the outbox without AUTOINCREMENT */
  for (int empty = 0; empty < 2; empty++)
    {
      g_autofree char *path = NULL;
      g_autofree char *dir = icw_test_make_tmp_dir ("test-store-outbox-XXXXXX", &path);
      g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d;", before);
      g_autofree char *rows_before = NULL, *row_2 = NULL;
      g_autoptr(IcwStore) store = NULL;
      g_autoptr(IcwRecord) org = NULL;
      g_autoptr(GError) error = NULL;
      const char *id = "22222222-2222-4222-8222-222222222222";
      sqlite3 *db = icw_test_db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

      g_assert_cmpint (before + 1, ==, icw_schema_latest_version ());
      for (int v = 1; v <= before - 1; v++)
        raw_exec (db, icw_schema_migration (v));
      raw_exec (db, unsent_rows);   /* rows 1 to 3 wait, 4 was acknowledged */
      /* 2222 on the base revision of its rows: only the mark keeps its row from being folded into. */
      raw_exec (db, "UPDATE organizations SET revision = '17' WHERE id = '22222222-2222-4222-8222-222222222222'");
      raw_exec (db, icw_schema_migration (before));
      if (empty)
        raw_exec (db, "DELETE FROM outbox");
      raw_exec (db, version);
      rows_before = icw_test_db_text (db, OUTBOX_TEXT, NULL);
      row_2 = row_text (db, 2);
      sqlite3_close (db);

      store = icw_test_open_store (path);
      db = icw_test_db_open (path, SQLITE_OPEN_READWRITE, NULL);
      g_assert_cmpint (icw_test_db_int (db, "PRAGMA user_version", NULL), ==, icw_schema_latest_version ());
      g_assert_cmpint (icw_test_db_int (db, "SELECT read_seq FROM outbox_high_water", NULL), ==, empty ? 0 : 3);
      assert_db_text (db, OUTBOX_TEXT, NULL, rows_before);

      /* 2222's last waiting row (seq 2) may be in a batch in flight: not folded into. */
      org = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, id, &error);
      g_assert_no_error (error);
      icw_organization_set_city (ICW_ORGANIZATION (org), "青岛市");
      g_assert_true (icw_store_save (store, org, &error));
      g_assert_no_error (error);
      g_assert_cmpint (last_seq (db), ==, 5);
      g_assert_cmpint (icw_store_count_outbox (store), ==, empty ? 1 : 4);
      if (!empty)
        assert_row (db, 2, row_2);
      icw_organization_set_city (ICW_ORGANIZATION (org), "烟台市");
      g_assert_true (icw_store_save (store, org, &error));
      g_assert_no_error (error);
      g_assert_cmpint (last_seq (db), ==, 5);
      g_assert_cmpint (icw_store_count_outbox (store), ==, empty ? 1 : 4);
      g_assert_cmpint (icw_test_db_int (db, "SELECT json_extract(payload, '$.city') = '烟台市' FROM outbox WHERE seq = 5",
                                        NULL), ==, 1);

      sqlite3_close (db);
      g_clear_object (&store);
      icw_test_clear_tmp_dir (&dir, &path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-outbox/sample-payloads", IcwTestSample, NULL, icw_test_sample_set_up, test_sample_payloads,
              icw_test_sample_tear_down);
  g_test_add_func ("/store-outbox/hostile-text", test_hostile_text);
  g_test_add_func ("/store-outbox/other-types", test_other_types);
  g_test_add_func ("/store-outbox/many-saves-order", test_many_saves_order);
  g_test_add_func ("/store-outbox/seq-never-reused", test_seq_never_reused);
  g_test_add_func ("/store-outbox/migration-keeps-unsent", test_migration_keeps_unsent);
  g_test_add_func ("/store-outbox/fold-and-read-mark", test_fold_and_read_mark);
  g_test_add_func ("/store-outbox/migration-read-mark", test_migration_read_mark);
  return g_test_run ();
}
