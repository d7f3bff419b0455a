/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-remote-apply.c: pulled records written as the server sent them, without an outbox row.
 * A record's JSON text is read in place (icw-json-reader.h), its members bound straight into the
 * upsert: no tree. A pull page's records go in batches (IcwRemoteBatch): the rows of one kind are
 * written by multi-row upserts of up to 64 rows, because every statement that writes a table with
 * a full-text index inside a transaction opens a statement savepoint, and FTS5 flushes its
 * pending index data to disk at each one (written row by row, that flush cost more than the rest
 * of a pulled record; docs/performance.md). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-database.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-json-reader.h"
#include "icw-json-record.h"
#include "icw-store-private.h"
#include "icw-store-sync.h"

#define MAX_ROWS 64   /* rows of one upsert; a power of two (a batch is written as 64, 32, … 1) */
#define N_SIZES 7     /* 1, 2, 4, … 64 */

/* A pulled record's members read in place: the values of the upsert's columns, the last of a name
 * winning as in a parsed object. */
typedef struct {
  IcwJsonValue id;
  IcwJsonValue created_at;
  IcwJsonValue updated_at;
  IcwJsonValue deleted_at;
  const char  *revision;    /* the caller's, valid until the batch is written */
  gboolean     deleted;
  IcwJsonValue columns[];   /* the table's columns, in its order; ICW_JSON_NULL when absent */
} RemoteRow;

struct _IcwRemoteBatch {
  IcwStore       *store;
  const IcwTable *table;    /* the kind of the rows waiting, or NULL */
  RemoteRow      *rows[MAX_ROWS];
  guint           n_rows;
  GPtrArray      *ids;      /* of the rows written, refreshed once the batch is written */
};

static char *
remote_upsert_sql (const IcwTable *table,
                   guint           n_rows)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (id, revision, created_at, updated_at, deleted_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (?, ?, ?, ?, ?" : "(?, ?, ?, ?, ?");
      for (guint i = 0; i < table->n_columns; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, "
                        "created_at = excluded.created_at, updated_at = excluded.updated_at, "
                        "deleted_at = excluded.deleted_at");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s = excluded.%s", table->columns[i].name, table->columns[i].name);
  return g_string_free (sql, FALSE);
}

/* The statement's text for 2^size_index rows, built once per kind for the life of the process. */
static const char *
cached_upsert_sql (const IcwTable *table,
                   guint           size_index)
{
  static char *sql[ICW_N_RECORD_KINDS][N_SIZES];

  if (g_once_init_enter (&sql[table->kind][size_index]))
    g_once_init_leave (&sql[table->kind][size_index], remote_upsert_sql (table, 1u << size_index));
  return sql[table->kind][size_index];
}

static gboolean
name_is (const IcwJsonValue *name,
         const char         *text)
{
  return icw_json_string_equal (name, text);
}

/* The column a member names, searched from the one after the previous member's (a record's
 * members come in the table's order when a workbench wrote them); -1 for none. */
static int
find_column (const IcwTable     *table,
             const IcwJsonValue *name,
             guint              *hint)
{
  for (guint k = 0; k < table->n_columns; k++)
    {
      guint i = (*hint + k) % table->n_columns;

      if (name_is (name, table->columns[i].name))
        {
          *hint = i + 1;
          return (int) i;
        }
    }
  return -1;
}

/* The record's members; NULL when the text is not one JSON object. */
static RemoteRow *
read_row (const IcwTable *table,
          const char     *json,
          gsize           length)
{
  g_autofree RemoteRow *row = g_malloc (sizeof (RemoteRow) + table->n_columns * sizeof (IcwJsonValue));
  IcwJsonIter iter;
  IcwJsonValue name, value;
  guint hint = 0;
  int more;

  row->id.type = row->created_at.type = row->updated_at.type = row->deleted_at.type = ICW_JSON_NULL;
  for (guint i = 0; i < table->n_columns; i++)
    row->columns[i].type = ICW_JSON_NULL;
  if (!icw_json_iter_init_text (&iter, json, length) || !iter.object)
    return NULL;
  while ((more = icw_json_iter_next (&iter, &name, &value)) > 0)
    {
      int column;

      /* The column after the last one first (the common case), then the four members that are no
       * column (a record starts with them), then every column: none of the table's columns has
       * one of those four names. */
      if (hint < table->n_columns && name_is (&name, table->columns[hint].name))
        row->columns[hint++] = value;
      else if (name_is (&name, "id"))
        row->id = value;
      else if (name_is (&name, "created_at"))
        row->created_at = value;
      else if (name_is (&name, "updated_at"))
        row->updated_at = value;
      else if (name_is (&name, "deleted_at"))
        row->deleted_at = value;
      else if ((column = find_column (table, &name, &hint)) >= 0)
        row->columns[column] = value;
    }
  if (more < 0 || !icw_json_iter_at_end (&iter))
    return NULL;
  return g_steal_pointer (&row);
}

/* Binds a string member as text (without a copy when it has no escapes); FALSE when it cannot be
 * unescaped. */
static gboolean
bind_string (sqlite3_stmt       *stmt,
             int                 index,
             const IcwJsonValue *value)
{
  gsize length;
  const char *raw = icw_json_string_raw (value, &length);
  char *copy;

  if (raw != NULL)
    return sqlite3_bind_text (stmt, index, raw, (int) length, SQLITE_STATIC) == SQLITE_OK;
  if ((copy = icw_json_string_dup (value)) == NULL)
    return FALSE;
  return sqlite3_bind_text (stmt, index, copy, -1, g_free) == SQLITE_OK;
}

/* created_at and the like: a string member, else the time now. */
static void
bind_time (sqlite3_stmt       *stmt,
           int                 index,
           const IcwJsonValue *value,
           const char         *now)
{
  if (value->type != ICW_JSON_STRING || !bind_string (stmt, index, value))
    sqlite3_bind_text (stmt, index, now, -1, SQLITE_STATIC);
}

/* The same rules as icw_store_bind_json_column, on a value read in place: null is the column's
 * empty value, a structured column takes an array or object as its compact JSON text. */
static gboolean
bind_member (sqlite3_stmt       *stmt,
             int                 index,
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
        sqlite3_bind_null (stmt, index);
      else if (value->type == ICW_JSON_STRING)
        return bind_string (stmt, index, value);
      else if (column->structured && (value->type == ICW_JSON_ARRAY || value->type == ICW_JSON_OBJECT))
        {
          /* Written as json-glib writes it, as when the page was parsed whole. */
          char *text = icw_json_value_compact (value);

          if (text == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, index, text, -1, g_free);
        }
      else
        return FALSE;
      return TRUE;
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
    case ICW_COLUMN_BOOL:
      if (is_null)
        sqlite3_bind_int64 (stmt, index, 0);
      else if (icw_json_integer (value, &number))
        sqlite3_bind_int64 (stmt, index, number);
      else if ((value->type == ICW_JSON_TRUE || value->type == ICW_JSON_FALSE) && column->type == ICW_COLUMN_BOOL)
        sqlite3_bind_int (stmt, index, value->type == ICW_JSON_TRUE ? 1 : 0);
      else
        return FALSE;
      return TRUE;
    case ICW_COLUMN_ENUM:
      if (is_null)
        sqlite3_bind_text (stmt, index, column->to_key (0), -1, SQLITE_STATIC);
      else if (legacy_user)
        sqlite3_bind_text (stmt, index, icw_member_role_to_key (ICW_MEMBER_ROLE_ORDINARY), -1, SQLITE_STATIC);
      else
        {
          g_autofree char *text = value->type == ICW_JSON_STRING ? icw_json_string_dup (value) : NULL;

          if (text == NULL || !column->from_key (text, &key))
            return FALSE;
          sqlite3_bind_text (stmt, index, column->to_key (key), -1, SQLITE_STATIC);
        }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* One row's parameters, from base + 1 on. */
static gboolean
bind_row (sqlite3_stmt     *stmt,
          int               base,
          const IcwTable   *table,
          const RemoteRow  *row,
          int               legacy_role_column,
          const char       *now,
          GError          **error)
{
  bind_string (stmt, base + 1, &row->id);
  sqlite3_bind_text (stmt, base + 2, row->revision, -1, SQLITE_STATIC);
  bind_time (stmt, base + 3, &row->created_at, now);
  bind_time (stmt, base + 4, &row->updated_at, now);
  if (row->deleted)
    bind_time (stmt, base + 5, &row->deleted_at, now);
  else
    sqlite3_bind_null (stmt, base + 5);
  for (guint i = 0; i < table->n_columns; i++)
    if (!bind_member (stmt, base + 6 + (int) i, &table->columns[i], &row->columns[i], (int) i == legacy_role_column))
      {
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("The server sent a record whose field “%s” has a value of the wrong type"),
                     table->columns[i].name);
        return FALSE;
      }
  return TRUE;
}

/* rows[0..n_rows), n_rows a power of two up to MAX_ROWS, by one statement. */
static gboolean
write_rows (IcwStore        *self,
            const IcwTable  *table,
            RemoteRow      **rows,
            guint            n_rows,
            int              legacy_role_column,
            const char      *now,
            GError         **error)
{
  guint size_index = (guint) g_bit_nth_lsf (n_rows, -1);
  sqlite3_stmt *stmt = icw_store_statement (self, cached_upsert_sql (table, size_index), error);

  if (stmt == NULL)
    return FALSE;
  for (guint r = 0; r < n_rows; r++)
    if (!bind_row (stmt, (int) (r * (5 + table->n_columns)), table, rows[r], legacy_role_column, now, error))
      {
        sqlite3_clear_bindings (stmt);
        return FALSE;
      }
  if (!icw_store_step_done (self, stmt, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  /* The texts bound in place are the caller's: nothing of them is kept. */
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* A member pushed by a workbench of before issue 15 may still be on the server in the role
 * "user": applied as an ordinary member whose organization is a user enterprise (the flag set
 * here only, as the database's migration does). Returns the role's column, or -1. */
static int
legacy_role_column (IcwRecordKind     kind,
                    const IcwTable   *table,
                    const RemoteRow  *row,
                    char            **user_organization)
{
  *user_organization = NULL;
  if (kind != ICW_RECORD_KIND_ALLIANCE_MEMBER)
    return -1;
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, "role"))
      {
        g_autofree char *role = row->columns[i].type == ICW_JSON_STRING ? icw_json_string_dup (&row->columns[i]) : NULL;

        if (role == NULL || !icw_member_role_is_legacy_user (role))
          return -1;
        for (guint j = 0; j < table->n_columns; j++)
          if (g_str_equal (table->columns[j].name, "organization_id") && row->columns[j].type == ICW_JSON_STRING)
            *user_organization = icw_json_string_dup (&row->columns[j]);
        return (int) i;
      }
  return -1;
}

static gboolean
mark_user_enterprise (IcwStore    *self,
                      const char  *organization_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  if (organization_id == NULL)
    return TRUE;
  stmt = icw_store_statement (self, "UPDATE organizations SET user_enterprise = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, organization_id, -1, SQLITE_TRANSIENT);
  if (!icw_store_step_done (self, stmt, error))
    return FALSE;
  icw_store_refresh_loaded (self, icw_store_table_for_kind (ICW_RECORD_KIND_ORGANIZATION), organization_id);
  return TRUE;
}

/* Sets PRAGMA defer_foreign_keys for the current transaction (SQLite clears it at the end) unless
 * it is set already. Setting a flag pragma, even to its current value, expires every prepared
 * statement of the connection, which SQLite then prepares again on its next step: set once per
 * record, it made a pull re-prepare each of its statements for each record (a quarter of a
 * pull's time; docs/performance.md). */
static gboolean
defer_foreign_keys (IcwStore  *self,
                    GError   **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, "PRAGMA defer_foreign_keys", error);
  gboolean on;

  if (stmt == NULL)
    return FALSE;
  on = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return on || icw_database_exec (self->db, "PRAGMA defer_foreign_keys = ON", error);
}

/* Reads the record and checks its ID; NULL with the store's message otherwise. */
static RemoteRow *
take_row (const IcwTable  *table,
          const char      *json,
          gsize            length,
          const char      *revision,
          gboolean         deleted,
          char           **id,
          GError         **error)
{
  g_autofree RemoteRow *row = read_row (table, json, length);

  if (row == NULL)
    {
      icw_store_invalid (error, _("The server sent a record that is not a JSON object"));
      return NULL;
    }
  if (row->id.type != ICW_JSON_STRING || (*id = icw_json_string_dup (&row->id)) == NULL || **id == '\0')
    {
      g_clear_pointer (id, g_free);
      icw_store_invalid (error, _("The server sent a record without an ID"));
      return NULL;
    }
  row->revision = revision;
  row->deleted = deleted;
  return g_steal_pointer (&row);
}

/* The server is the authority on what it sends: the row is written as it came (the schema's
 * constraints still hold), without the local validation of an edit and without an outbox row. */
gboolean
icw_store_apply_remote (IcwStore       *self,
                        IcwRecordKind   kind,
                        const char     *json,
                        const char     *revision,
                        gboolean        deleted,
                        GError        **error)
{
  g_return_val_if_fail (json != NULL, FALSE);

  if (!g_utf8_validate (json, -1, NULL))
    return icw_store_invalid (error, _("The server sent a record that is not a JSON object"));
  return icw_store_apply_remote_text (self, kind, json, strlen (json), revision, deleted, error);
}

gboolean
icw_store_apply_remote_text (IcwStore       *self,
                             IcwRecordKind   kind,
                             const char     *json,
                             gsize           length,
                             const char     *revision,
                             gboolean        deleted,
                             GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree RemoteRow *row = NULL;
  g_autofree char *user_organization = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = icw_database_now ();
  int role_column;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if ((row = take_row (table, json, length, revision, deleted, &id, error)) == NULL)
    return FALSE;
  role_column = legacy_role_column (kind, table, row, &user_organization);

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  /* A page may hold a child before its parent; the references are checked at the commit. */
  if (!defer_foreign_keys (self, error) ||
      !write_rows (self, table, &row, 1, role_column, now, error) ||
      (!deleted && !mark_user_enterprise (self, user_organization, error)))
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  icw_store_refresh_loaded (self, table, id);
  return icw_store_commit_batch (self, error);
}

#define REFETCHABLE_CHECKPOINT_PAGES 8192   /* 32 MiB of 4 KiB pages */
#define REFETCHABLE_CACHE_KIB 32768         /* the page cache while a pull's pages are written */

/* A pull page's transaction: its rows and its cursor are committed together under
 * synchronous=NORMAL (WAL: no fsync at the commit). A power cut may undo the last pages, rows and
 * cursor alike, which the next pull fetches again; nothing a user saved depends on them: an edit's
 * commit, under FULL, syncs the WAL with every page before it. FULL is set again right after the
 * batch's COMMIT or ROLLBACK (icw_store_commit_batch, icw_store_rollback_batch) and before any
 * write that finds it not set (docs/sync-protocol.md, "Durability of a pull page"). Inside another
 * batch it is only a nested batch: the outer one's durability holds. */
gboolean
icw_store_begin_refetchable_batch (IcwStore  *self,
                                   GError   **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (self->batch_depth > 0)
    return icw_store_begin_batch (self, error);
  self->relaxed = TRUE;
  if (!icw_database_set_synchronous (self->db, FALSE, error) || !icw_database_begin (self->db, error))
    {
      icw_store_restore_durability (self, NULL);
      return FALSE;
    }
  /* No checkpoint at this commit unless the WAL passes 32 MiB: a pull of 10k records checkpointed
   * six times (each page rewrites most index pages, so 37 MB of WAL for a 6 MB file, and each
   * checkpoint copies and syncs what the last ones did); icw_store_checkpoint runs one at the
   * pull's end. FULL's restoration sets SQLite's default again. */
  sqlite3_wal_autocheckpoint (self->db, REFETCHABLE_CHECKPOINT_PAGES);
  /* A page cache large enough for the index pages a group of pulled pages dirties, so that they
   * are written to the WAL once at the commit rather than spilled while the rows go in; SQLite's
   * default (2 MB) comes back with FULL, and the pages over it are freed then. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (REFETCHABLE_CACHE_KIB), NULL, NULL, NULL);
  self->batch_depth = 1;
  return TRUE;
}

/* After a pull: the WAL's pages copied into the file while nobody waits for it (PASSIVE: readers
 * are not waited for, what they still need stays in the WAL for the next checkpoint). */
gboolean
icw_store_checkpoint (IcwStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  return self->batch_depth > 0 || icw_database_exec (self->db, "PRAGMA wal_checkpoint(PASSIVE)", error);
}

IcwRemoteBatch *
icw_remote_batch_new (IcwStore *store)
{
  IcwRemoteBatch *batch = g_new0 (IcwRemoteBatch, 1);

  batch->store = g_object_ref (store);
  batch->ids = g_ptr_array_new_with_free_func (g_free);
  return batch;
}

static void
drop_rows (IcwRemoteBatch *batch)
{
  for (guint i = 0; i < batch->n_rows; i++)
    g_free (batch->rows[i]);
  batch->n_rows = 0;
  batch->table = NULL;
}

void
icw_remote_batch_free (IcwRemoteBatch *batch)
{
  drop_rows (batch);
  g_ptr_array_unref (batch->ids);
  g_object_unref (batch->store);
  g_free (batch);
}

gboolean
icw_remote_batch_flush (IcwRemoteBatch  *batch,
                        GError         **error)
{
  IcwStore *self = batch->store;
  const IcwTable *table = batch->table;
  g_autofree char *now = NULL;
  guint done = 0;
  gboolean ok;

  if (batch->n_rows == 0)
    return TRUE;
  now = icw_database_now ();
  /* In a transaction of the caller's (the page's): a failure is undone with it. */
  ok = icw_store_begin_batch (self, error) && defer_foreign_keys (self, error);
  while (ok && done < batch->n_rows)
    {
      guint size = 1u << g_bit_nth_msf (MIN (batch->n_rows - done, MAX_ROWS), -1);

      ok = write_rows (self, batch->table, batch->rows + done, size, -1, now, error);
      done += size;
    }
  drop_rows (batch);
  if (!ok)
    {
      icw_store_rollback_batch (self);
      g_ptr_array_set_size (batch->ids, 0);
      return FALSE;
    }
  for (guint i = 0; i < batch->ids->len; i++)
    icw_store_refresh_loaded (self, table, batch->ids->pdata[i]);
  g_ptr_array_set_size (batch->ids, 0);
  return icw_store_commit_batch (self, error);
}

gboolean
icw_remote_batch_add (IcwRemoteBatch  *batch,
                      IcwRecordKind    kind,
                      const char      *json,
                      gsize            length,
                      const char      *revision,
                      gboolean         deleted,
                      GError         **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *user_organization = NULL;
  g_autofree char *id = NULL;
  RemoteRow *row;

  if ((row = take_row (table, json, length, revision, deleted, &id, error)) == NULL)
    return FALSE;
  if (legacy_role_column (kind, table, row, &user_organization) >= 0)
    {
      /* Rare: written alone, after the rows before it. */
      g_free (row);
      return icw_remote_batch_flush (batch, error) &&
             icw_store_apply_remote_text (batch->store, kind, json, length, revision, deleted, error);
    }
  if ((batch->table != NULL && batch->table != table) || batch->n_rows == MAX_ROWS)
    if (!icw_remote_batch_flush (batch, error))
      {
        g_free (row);
        return FALSE;
      }
  batch->table = table;
  batch->rows[batch->n_rows++] = row;
  g_ptr_array_add (batch->ids, g_steal_pointer (&id));
  return TRUE;
}
