/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-outbox.c: a change's outbox row, written in the transaction of the change. Its payload
 * is the record's row as it stands after the write, read back by ID (another connection may have
 * changed a column this save did not write) and turned into a JSON object here, byte for byte the
 * text SQLite's json_object gave when the row was copied by `INSERT … SELECT json_object(…)`:
 * building the object in SQL was half the cost of an edit's outbox row (issue 20,
 * docs/performance.md). A row holding a value no store column writes (a REAL or a BLOB) is still
 * copied by json_object, so that its text, or its error, stays SQLite's.
 *
 * A row's seq is one more than the highest the outbox holds or ever held (outbox_high_water,
 * schema version 26): the sync client counts on a seq never being given twice, which SQLite's
 * AUTOINCREMENT promised at the price of writing its sequence table at every save.
 *
 * A change of a record whose last waiting row no push batch has read (its seq above
 * outbox_high_water.read_seq, schema version 27, which a batch's read raises in its own
 * transaction) and that was made on the same base revision is folded into that row: its op and
 * payload become the new ones, its seq, base_revision and queued_at stay. A batch sends a record's
 * rows as one change anyway (the first row's place and base revision, the last row's op and
 * payload), so it sends the same; the save writes the record's page and that row's page, where a
 * new row also wrote a leaf of the outbox's index and often a new leaf (issue 20). A row once read
 * is never changed, so a batch in flight is sent again exactly and its acknowledgement (`seq <=`)
 * drops only what it sent. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-private.h"

/* The columns read back, in the payload's order: the record's own, then its kind's fields; the
 * revision after them goes to base_revision. */
#define N_OWN_COLUMNS 4   /* id, created_at, updated_at, deleted_at */

/* A new row's seq: one more than the highest the outbox holds or held. */
#define NEXT_SEQ "(SELECT max(h.seq, coalesce((SELECT max(seq) FROM outbox), 0)) + 1 FROM outbox_high_water AS h)"

static char *
build_row_sql (const IcwTable *table)
{
  GString *sql = g_string_new ("SELECT id, created_at, updated_at, deleted_at");

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append_printf (sql, ", revision FROM %s WHERE id = ?1", table->table);
  return g_string_free (sql, FALSE);
}

/* What comes before each value in the payload: `{"id":`, then `,"created_at":` and so on, one
 * per column read back, with its length (appended without measuring it again at every save).
 * Built once per process (a dossier import saves from a thread on a store of its own). */
typedef struct {
  const char *text;
  gsize       length;
} MemberPrefix;

static const MemberPrefix *
member_prefixes (const IcwTable *table)
{
  static MemberPrefix *built[ICW_N_RECORD_KINDS];
  MemberPrefix **prefixes = &built[table->kind];

  if (g_once_init_enter (prefixes))
    {
      static const char *own[N_OWN_COLUMNS] = { "id", "created_at", "updated_at", "deleted_at" };
      MemberPrefix *made = g_new0 (MemberPrefix, N_OWN_COLUMNS + table->n_columns + 1);

      for (guint i = 0; i < N_OWN_COLUMNS + table->n_columns; i++)
        {
          made[i].text = g_strdup_printf ("%s\"%s\":", i == 0 ? "{" : ",",
                                          i < N_OWN_COLUMNS ? own[i] : table->columns[i - N_OWN_COLUMNS].name);
          made[i].length = strlen (made[i].text);
        }
      g_once_init_leave (prefixes, made);
    }
  return *prefixes;
}

/* BYTES appended to OUT, as g_string_append_len does, but inlined: a payload is seventy-odd short
 * appends, each a call into GLib that cost more than the copy (issue 20). */
static inline void
put_bytes (GString    *out,
           const char *bytes,
           gsize       length)
{
  gsize at = out->len;

  if (G_LIKELY (at + length < out->allocated_len))
    out->len = at + length;
  else
    g_string_set_size (out, at + length);
  memcpy (out->str + at, bytes, length);
  out->str[out->len] = '\0';
}

/* A text value as SQLite's JSON functions write one: `"` and `\` escaped, the control characters
 * that have a short escape given it, the others as \u00XX; every other byte as it is. */
static void
append_string (GString    *out,
               const char *text,
               gsize       length)
{
  static const char short_escape[32] = {
    ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
  };
  gsize start = 0;

  put_bytes (out, "\"", 1);
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c != '"' && c != '\\' && c >= 0x20)
        continue;
      put_bytes (out, text + start, i - start);
      start = i + 1;
      if (c == '"' || c == '\\')
        {
          char pair[2] = { '\\', (char) c };

          put_bytes (out, pair, 2);
        }
      else if (short_escape[c] != 0)
        {
          char pair[2] = { '\\', short_escape[c] };

          put_bytes (out, pair, 2);
        }
      else
        g_string_append_printf (out, "\\u00%c%c", '0' + (c >> 4), "0123456789abcdef"[c & 0xf]);
    }
  put_bytes (out, text + start, length - start);
  put_bytes (out, "\"", 1);
}

static void
append_int64 (GString *out,
              gint64   value)
{
  char digits[24];
  char *end = digits + sizeof digits, *p = end;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  put_bytes (out, p, end - p);
}

/* The row's columns as the payload's JSON object, or FALSE when a column holds what only
 * json_object should write (a REAL or a BLOB). Each column is fetched once as a value and read
 * with the value functions, under the connection's mutex (which makes the values protected, as
 * those functions ask): the column functions take the mutex on every call, three calls a column. */
static gboolean
row_payload (sqlite3            *db,
             sqlite3_stmt       *stmt,
             const MemberPrefix *prefixes,
             guint               n_values,
             GString            *out)
{
  sqlite3_mutex *mutex = sqlite3_db_mutex (db);
  gboolean ok = TRUE;

  sqlite3_mutex_enter (mutex);
  for (guint i = 0; ok && i < n_values; i++)
    {
      sqlite3_value *value = sqlite3_column_value (stmt, i);

      put_bytes (out, prefixes[i].text, prefixes[i].length);
      switch (sqlite3_value_type (value))
        {
        case SQLITE_NULL:
          put_bytes (out, "null", 4);
          break;
        case SQLITE_INTEGER:
          append_int64 (out, sqlite3_value_int64 (value));
          break;
        case SQLITE_TEXT:
          append_string (out, (const char *) sqlite3_value_text (value), sqlite3_value_bytes (value));
          break;
        default:
          ok = FALSE;
        }
    }
  sqlite3_mutex_leave (mutex);
  put_bytes (out, "}", 1);
  return ok;
}

/* The row copied by SQLite's json_object, as every outbox row was before: for a row that
 * row_payload leaves to it. */
static gboolean
write_outbox_by_sql (IcwStore        *self,
                     const IcwTable  *table,
                     const char      *id,
                     const char      *op,
                     const char      *now,
                     GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO outbox (seq, kind, record_id, op, payload, base_revision, queued_at) "
                                         "SELECT " NEXT_SEQ ", ?1, id, ?2, json_object('id', id, 'created_at', created_at, "
                                         "'updated_at', updated_at, 'deleted_at', deleted_at");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", '%s', %s", table->columns[i].name, table->columns[i].name);
  g_string_append_printf (sql, "), revision, ?3 FROM %s WHERE id = ?4", table->table);
  stmt = icw_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, icw_record_kind_to_key (table->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_TRANSIENT);
  return icw_store_step_done (self, stmt, error);
}

static sqlite3_stmt *
cached_statement (IcwStore       *self,
                  sqlite3_stmt  **cached,
                  const char     *sql,
                  GError        **error)
{
  if (*cached == NULL)
    return *cached = icw_store_statement (self, sql, error);
  sqlite3_reset (*cached);
  sqlite3_clear_bindings (*cached);
  return *cached;
}

/* ?1 kind, ?2 record ID, ?3 op, ?4 payload, ?5 base revision, as the fold and the INSERT take
 * them. The row's own ID and revision are bound while the row is still current (nothing is
 * copied). */
static void
bind_change (sqlite3_stmt   *stmt,
             const IcwTable *table,
             sqlite3_stmt   *row,
             const char     *op,
             GString        *payload,
             guint           n_values)
{
  sqlite3_bind_text (stmt, 1, icw_record_kind_to_key (table->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, (const char *) sqlite3_column_text (row, 0), sqlite3_column_bytes (row, 0),
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, payload->str, payload->len, SQLITE_STATIC);
  if (sqlite3_column_type (row, n_values) == SQLITE_NULL)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_value (stmt, 5, sqlite3_column_value (row, n_values));
}

gboolean
icw_store_write_outbox (IcwStore        *self,
                        const IcwTable  *table,
                        const char      *id,
                        const char      *op,
                        const char      *now,
                        GError         **error)
{
  guint n_values = N_OWN_COLUMNS + table->n_columns;
  g_autofree char *row_sql = NULL;
  g_autoptr(GString) payload = NULL;
  sqlite3_stmt *row, *fold, *insert;
  gboolean ok;
  int rc;

  if (self->outbox_row_statements[table->kind] == NULL)
    row_sql = build_row_sql (table);
  row = cached_statement (self, &self->outbox_row_statements[table->kind], row_sql, error);
  if (row == NULL)
    return FALSE;
  sqlite3_bind_text (row, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (row);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (row);
      if (rc != SQLITE_DONE)
        icw_database_set_error (error, self->db, rc);
      else
        g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("The record to be saved has gone"));
      return FALSE;
    }
  payload = g_string_sized_new (1024);
  if (!row_payload (self->db, row, member_prefixes (table), n_values, payload))
    {
      sqlite3_reset (row);
      return write_outbox_by_sql (self, table, id, op, now, error);
    }

  /* The record's last waiting row, if no batch has read it and it has the same base revision. */
  fold = cached_statement (self, &self->outbox_fold_statement,
                           "UPDATE outbox SET op = ?3, payload = ?4 "
                           "WHERE seq = (SELECT max(seq) FROM outbox WHERE record_id = ?2) "
                           "AND seq > (SELECT read_seq FROM outbox_high_water) "
                           "AND kind = ?1 AND base_revision IS ?5", error);
  if (fold == NULL)
    {
      sqlite3_reset (row);
      return FALSE;
    }
  bind_change (fold, table, row, op, payload, n_values);
  ok = icw_store_step_done (self, fold, error);
  sqlite3_clear_bindings (fold);
  if (!ok || sqlite3_changes (self->db) == 1)
    {
      sqlite3_reset (row);
      return ok;
    }

  insert = cached_statement (self, &self->outbox_insert_statement,
                             "INSERT INTO outbox (seq, kind, record_id, op, payload, base_revision, queued_at) "
                             "VALUES (" NEXT_SEQ ", ?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (insert == NULL)
    {
      sqlite3_reset (row);
      return FALSE;
    }
  bind_change (insert, table, row, op, payload, n_values);
  sqlite3_bind_text (insert, 6, now, -1, SQLITE_STATIC);
  ok = icw_store_step_done (self, insert, error);
  sqlite3_clear_bindings (insert);
  sqlite3_reset (row);
  return ok;
}
