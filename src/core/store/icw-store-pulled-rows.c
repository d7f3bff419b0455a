/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-pulled-rows.c: the pulled rows of a group as a virtual table of the store's connection
 * (icw_pulled_rows, registered on the first write), so that one INSERT … SELECT … ON CONFLICT
 * upserts them all. Every statement that writes a table with a full-text trigger inside a
 * transaction keeps a statement journal (a copy of each page it changes for the first time, in a
 * temporary file) and makes FTS5 flush its pending index data; a group written by one statement
 * journals each page once and flushes once, where the multi-row upserts of 64, 32, … rows before
 * it did both forty times a group of 2,000 (docs/performance.md). The values are converted as
 * icw_store_bind_json_column converts them, from the record's text read in place (no copy of a
 * string without escapes). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-json-record.h"
#include "icw-store-pulled-rows.h"

#define MODULE_NAME "icw_pulled_rows"
#define N_RECORD_MEMBERS 5   /* id, revision, created_at, updated_at, deleted_at: columns c0–c4 */

typedef struct {
  sqlite3_vtab base;
  IcwStore    *store;
} PulledTable;

typedef struct {
  sqlite3_vtab_cursor base;
  IcwStore           *store;
  guint               row;
} PulledCursor;

/* The virtual table's columns: the record's members, then the most columns of any kind. */
static guint
n_table_columns (void)
{
  guint most = 0;

  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    most = MAX (most, icw_store_table_for_kind (kind)->n_columns);
  return N_RECORD_MEMBERS + most;
}

static int
pulled_connect (sqlite3             *db,
                void                *aux,
                int                  argc,
                const char *const   *argv,
                sqlite3_vtab       **vtab,
                char               **error)
{
  g_autoptr(GString) sql = g_string_new ("CREATE TABLE x(c0");
  guint n = n_table_columns ();
  PulledTable *table;
  int rc;

  for (guint i = 1; i < n; i++)
    g_string_append_printf (sql, ", c%u", i);
  g_string_append_c (sql, ')');
  if ((rc = sqlite3_declare_vtab (db, sql->str)) != SQLITE_OK)
    return rc;
  if ((table = sqlite3_malloc (sizeof (PulledTable))) == NULL)
    return SQLITE_NOMEM;
  memset (table, 0, sizeof (PulledTable));
  table->store = aux;
  *vtab = &table->base;
  return SQLITE_OK;
}

static int
pulled_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

/* One full scan, in the order the rows came: the last version of a record wins. */
static int
pulled_best_index (sqlite3_vtab       *vtab,
                   sqlite3_index_info *info)
{
  IcwPulledRows *rows = ((PulledTable *) vtab)->store->pulled_rows;

  info->estimatedRows = rows != NULL ? rows->n_rows : 1000;
  info->estimatedCost = (double) info->estimatedRows;
  return SQLITE_OK;
}

static int
pulled_open (sqlite3_vtab         *vtab,
             sqlite3_vtab_cursor **cursor)
{
  PulledCursor *self = sqlite3_malloc (sizeof (PulledCursor));

  if (self == NULL)
    return SQLITE_NOMEM;
  memset (self, 0, sizeof (PulledCursor));
  self->store = ((PulledTable *) vtab)->store;
  *cursor = &self->base;
  return SQLITE_OK;
}

static int
pulled_close (sqlite3_vtab_cursor *cursor)
{
  sqlite3_free (cursor);
  return SQLITE_OK;
}

static int
pulled_filter (sqlite3_vtab_cursor  *cursor,
               int                   index_number,
               const char           *index_text,
               int                   argc,
               sqlite3_value       **argv)
{
  ((PulledCursor *) cursor)->row = 0;
  return SQLITE_OK;
}

static int
pulled_next (sqlite3_vtab_cursor *cursor)
{
  ((PulledCursor *) cursor)->row++;
  return SQLITE_OK;
}

static int
pulled_eof (sqlite3_vtab_cursor *cursor)
{
  PulledCursor *self = (PulledCursor *) cursor;

  return self->store->pulled_rows == NULL || self->row >= self->store->pulled_rows->n_rows;
}

static int
pulled_rowid (sqlite3_vtab_cursor *cursor,
              sqlite_int64        *rowid)
{
  *rowid = ((PulledCursor *) cursor)->row;
  return SQLITE_OK;
}

/* A string member as text (without a copy when it has no escapes); FALSE when it cannot be
 * unescaped. */
static gboolean
result_string (sqlite3_context    *context,
               const IcwJsonValue *value)
{
  gsize length;
  const char *raw = icw_json_string_raw (value, &length);
  char *copy;

  if (raw != NULL)
    sqlite3_result_text (context, raw, (int) length, SQLITE_STATIC);
  else if ((copy = icw_json_string_dup (value)) != NULL)
    sqlite3_result_text (context, copy, -1, g_free);
  else
    return FALSE;
  return TRUE;
}

/* created_at and the like: a string member, else the time now. */
static void
result_time (sqlite3_context    *context,
             const IcwJsonValue *value,
             const char         *now)
{
  if (value->type != ICW_JSON_STRING || !result_string (context, value))
    sqlite3_result_text (context, now, -1, SQLITE_STATIC);
}

/* The same rules as icw_store_bind_json_column, on a value read in place: null is the column's
 * empty value, a structured column takes an array or object as its compact JSON text. */
static gboolean
result_member (sqlite3_context    *context,
               const IcwColumn    *column,
               const IcwJsonValue *value,
               gboolean            legacy_user)
{
  gboolean is_null = value->type == ICW_JSON_NULL;
  gint64 number;
  guint key;

  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      if (is_null)
        sqlite3_result_null (context);
      else if (value->type == ICW_JSON_STRING)
        return result_string (context, value);
      else if (column->structured && (value->type == ICW_JSON_ARRAY || value->type == ICW_JSON_OBJECT))
        {
          /* Written as json-glib writes it, as when the page was parsed whole. */
          char *text = icw_json_value_compact (value);

          if (text == NULL)
            return FALSE;
          sqlite3_result_text (context, text, -1, g_free);
        }
      else
        return FALSE;
      return TRUE;
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
    case ICW_COLUMN_BOOL:
      if (is_null)
        sqlite3_result_int64 (context, 0);
      else if (icw_json_integer (value, &number))
        sqlite3_result_int64 (context, number);
      else if ((value->type == ICW_JSON_TRUE || value->type == ICW_JSON_FALSE) && column->type == ICW_COLUMN_BOOL)
        sqlite3_result_int (context, value->type == ICW_JSON_TRUE ? 1 : 0);
      else
        return FALSE;
      return TRUE;
    case ICW_COLUMN_ENUM:
      if (is_null)
        sqlite3_result_text (context, column->to_key (0), -1, SQLITE_STATIC);
      else if (legacy_user)
        sqlite3_result_text (context, icw_member_role_to_key (ICW_MEMBER_ROLE_ORDINARY), -1, SQLITE_STATIC);
      else
        {
          g_autofree char *text = value->type == ICW_JSON_STRING ? icw_json_string_dup (value) : NULL;

          if (text == NULL || !column->from_key (text, &key))
            return FALSE;
          sqlite3_result_text (context, column->to_key (key), -1, SQLITE_STATIC);
        }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static int
pulled_column (sqlite3_vtab_cursor *cursor,
               sqlite3_context     *context,
               int                  n)
{
  PulledCursor *self = (PulledCursor *) cursor;
  IcwPulledRows *rows = self->store->pulled_rows;
  const IcwPulledRow *row = rows->rows[self->row];
  guint column = (guint) n - N_RECORD_MEMBERS;

  switch (n)
    {
    case 0:
      result_string (context, &row->id);   /* read once already (it is the record's ID) */
      return SQLITE_OK;
    case 1:
      sqlite3_result_text (context, row->revision, -1, SQLITE_STATIC);
      return SQLITE_OK;
    case 2:
      result_time (context, &row->created_at, rows->now);
      return SQLITE_OK;
    case 3:
      result_time (context, &row->updated_at, rows->now);
      return SQLITE_OK;
    case 4:
      if (row->deleted)
        result_time (context, &row->deleted_at, rows->now);
      else
        sqlite3_result_null (context);
      return SQLITE_OK;
    default:
      if (column >= rows->table->n_columns)
        sqlite3_result_null (context);
      else if (!result_member (context, &rows->table->columns[column], &row->columns[column],
                               (int) column == rows->legacy_role_column))
        {
          rows->bad_column = (int) column;
          sqlite3_result_error (context, "a value of the wrong type", -1);
          return SQLITE_ERROR;
        }
      return SQLITE_OK;
    }
}

static sqlite3_module pulled_module = {
  .iVersion = 0,
  .xCreate = NULL,   /* eponymous only: "FROM icw_pulled_rows", never created */
  .xConnect = pulled_connect,
  .xBestIndex = pulled_best_index,
  .xDisconnect = pulled_disconnect,
  .xDestroy = NULL,
  .xOpen = pulled_open,
  .xClose = pulled_close,
  .xFilter = pulled_filter,
  .xNext = pulled_next,
  .xEof = pulled_eof,
  .xColumn = pulled_column,
  .xRowid = pulled_rowid,
};

static char *
upsert_sql (const IcwTable *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (id, revision, created_at, updated_at, deleted_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") SELECT c0, c1, c2, c3, c4");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", c%u", N_RECORD_MEMBERS + i);
  /* "WHERE true": without a WHERE, SQLite would read ON CONFLICT as the join's ON. */
  g_string_append (sql, " FROM " MODULE_NAME " WHERE true ON CONFLICT (id) DO UPDATE SET "
                        "revision = excluded.revision, created_at = excluded.created_at, "
                        "updated_at = excluded.updated_at, deleted_at = excluded.deleted_at");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s = excluded.%s", table->columns[i].name, table->columns[i].name);
  return g_string_free (sql, FALSE);
}

/* The statement's text, built once per kind for the life of the process. */
static const char *
cached_upsert_sql (const IcwTable *table)
{
  static char *sql[ICW_N_RECORD_KINDS];

  if (g_once_init_enter (&sql[table->kind]))
    g_once_init_leave (&sql[table->kind], upsert_sql (table));
  return sql[table->kind];
}

gboolean
icw_store_write_pulled (IcwStore       *self,
                        IcwPulledRows  *rows,
                        GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (rows->n_rows == 0)
    return TRUE;
  if (!self->pulled_rows_module)
    {
      /* The connection holds the store's pointer; the store closes it before it is freed. */
      if ((rc = sqlite3_create_module_v2 (self->db, MODULE_NAME, &pulled_module, self, NULL)) != SQLITE_OK)
        {
          icw_database_set_error (error, self->db, rc);
          return FALSE;
        }
      self->pulled_rows_module = TRUE;
    }
  if ((stmt = icw_store_statement (self, cached_upsert_sql (rows->table), error)) == NULL)
    return FALSE;
  rows->bad_column = -1;
  self->pulled_rows = rows;
  if (icw_store_step_done (self, stmt, error))
    {
      self->pulled_rows = NULL;
      return TRUE;
    }
  self->pulled_rows = NULL;
  if (rows->bad_column >= 0)
    {
      g_clear_error (error);
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("The server sent a record whose field “%s” has a value of the wrong type"),
                   rows->table->columns[rows->bad_column].name);
    }
  return FALSE;
}
