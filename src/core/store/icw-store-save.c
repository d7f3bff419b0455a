/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-save.c: the save, delete and restore pipeline. Each write runs in BEGIN IMMEDIATE,
 * validates the record inside it, writes the row and its outbox row (icw-store-outbox.c) and
 * commits; the in-memory objects and lists change only after the commit succeeded. A record that
 * knows what changed since it was loaded or saved is written as an UPDATE of those columns, its
 * statement prepared once per kind and column set. Moved from icw-store.c unchanged (issue 20). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-private.h"

static void
bind_column (sqlite3_stmt    *stmt,
             int              index,
             IcwRecord       *record,
             const IcwColumn *column)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text;

  g_object_get_property (G_OBJECT (record), column->property, &value);
  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      text = g_value_get_string (&value);
      /* Empty optional text is stored as NULL, so "no value" has one spelling. */
      if (text == NULL || *text == '\0')
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      break;
    case ICW_COLUMN_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (&value));
      break;
    case ICW_COLUMN_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case ICW_COLUMN_BOOL:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (&value) ? 1 : 0);
      break;
    case ICW_COLUMN_ENUM:
      sqlite3_bind_text (stmt, index, column->to_key (g_value_get_uint (&value)), -1, SQLITE_STATIC);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The statements a save runs, per kind, built once: their text is also the key under which the
 * store keeps them prepared. */
typedef enum {
  SAVE_SQL_INSERT,   /* a new record, or one whose ID came from elsewhere: an upsert */
  SAVE_SQL_UPDATE,   /* a live record: only its columns and its modification time change */
  SAVE_SQL_STATE,
  N_SAVE_SQLS
} SaveSql;

static char *
build_upsert_sql (const IcwTable *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (id, revision, created_at, updated_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") VALUES (?1, ?2, ?3, ?4");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 5);
  g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s = excluded.%s", table->columns[i].name, table->columns[i].name);
  return g_string_free (sql, FALSE);
}

/* The same parameters as the upsert's, so that one binding serves both; ?2 and ?3 (revision and
 * creation time) are not in it, as the upsert's DO UPDATE does not write them either (SQLite binds
 * a numbered parameter that the text skips as a no-op). With `changed`, only the columns whose
 * properties are in it: SQLite maintains every index of a column it is told to set, changed or not,
 * which made writing every column cost more than the rest of a save (issue 8). */
static char *
build_update_sql (const IcwTable *table,
                  GHashTable     *changed)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?4", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    if (changed == NULL || g_hash_table_contains (changed, table->columns[i].property))
      g_string_append_printf (sql, ", %s = ?%u", table->columns[i].name, i + 5);
  /* A deleted row is never changed by a save: the save finds out from the count of changed rows
   * (icw_store_save), without a query of its own before it. */
  g_string_append (sql, " WHERE id = ?1 AND deleted_at IS NULL");
  return g_string_free (sql, FALSE);
}

/* The kind's columns by property, each as its index + 1, built once per process; NULL when the
 * kind has more columns than a bit set holds or two columns share a property (then each column is
 * looked up in the changed set, as before). */
static GHashTable *
column_index (const IcwTable *table)
{
  static GHashTable *built[ICW_N_RECORD_KINDS];
  static gboolean unusable[ICW_N_RECORD_KINDS];
  GHashTable **index = &built[table->kind];

  if (g_once_init_enter (index))
    {
      GHashTable *made = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < table->n_columns; i++)
        if (!g_hash_table_insert (made, (gpointer) table->columns[i].property, GUINT_TO_POINTER (i + 1)))
          unusable[table->kind] = TRUE;
      if (table->n_columns > 56 || table->kind >= 127)
        unusable[table->kind] = TRUE;
      g_once_init_leave (index, made);
    }
  return unusable[table->kind] ? NULL : *index;
}

/* The changed columns as one bit each (bit i: table->columns[i]), or FALSE when the kind cannot
 * say them so (column_index). Each changed property is looked up once: looking each column up in
 * the changed set, twice a save (the statement's key, then the bindings), was 62 string hashes for
 * an organization (issue 20). Properties that are no column (the record's own) are left out. */
gboolean
icw_store_changed_columns (const IcwTable *table,
                 GHashTable     *changed,
                 guint64        *mask)
{
  GHashTable *index = column_index (table);
  GHashTableIter iter;
  gpointer property;

  *mask = 0;
  if (index == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &property, NULL))
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (index, property));

      if (position != 0)
        *mask |= G_GUINT64_CONSTANT (1) << (position - 1);
    }
  return TRUE;
}

/* The statement of a live record's UPDATE of the changed columns, prepared once per kind and
 * column set and found again by a bit set of the columns (`mask`, from
 * icw_store_changed_columns), without building or hashing its text. Without a mask (`has_mask` FALSE) its text is built each time. */
static sqlite3_stmt *
update_statement (IcwStore        *self,
                  const IcwTable  *table,
                  GHashTable      *changed,
                  gboolean         has_mask,
                  guint64          mask,
                  GError         **error)
{
  g_autofree char *sql = NULL;
  gint64 key = ((gint64) table->kind << 56) | (gint64) mask;
  sqlite3_stmt *stmt;

  if (!has_mask)
    {
      sql = build_update_sql (table, changed);
      return icw_store_statement (self, sql, error);
    }
  stmt = g_hash_table_lookup (self->update_statements, &key);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  sql = build_update_sql (table, changed);
  stmt = icw_store_statement (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->update_statements, g_memdup2 (&key, sizeof key), stmt);
  return stmt;
}

static const char *
save_sql (const IcwTable *table,
          SaveSql         which)
{
  /* Built once per process; g_once because a dossier import saves from a thread (on a store of
   * its own) while the main thread's store may save too. */
  static char *built[ICW_N_RECORD_KINDS][N_SAVE_SQLS];
  char **sql = &built[table->kind][which];
  char *text = NULL;

  if (g_once_init_enter (sql))
    {
      switch (which)
        {
        case SAVE_SQL_INSERT:
          text = build_upsert_sql (table);
          break;
        case SAVE_SQL_UPDATE:
          text = build_update_sql (table, NULL);
          break;
        case SAVE_SQL_STATE:
          text = g_strdup_printf ("SELECT deleted_at IS NULL FROM %s WHERE id = ?1", table->table);
          break;
        case N_SAVE_SQLS:
        default:
          g_assert_not_reached ();
        }
      g_once_init_leave (sql, text);
    }
  return *sql;
}

/* A save's statement of a kind, prepared once and then found by kind without hashing its text. */
static sqlite3_stmt *
save_statement (IcwStore        *self,
                const IcwTable  *table,
                SaveSql          which,
                GError         **error)
{
  sqlite3_stmt **cached = &self->save_statements[table->kind][which];

  G_STATIC_ASSERT (N_SAVE_SQLS <= G_N_ELEMENTS (self->save_statements[0]));
  if (*cached == NULL)
    {
      *cached = icw_store_statement (self, save_sql (table, which), error);
      return *cached;
    }
  sqlite3_reset (*cached);
  sqlite3_clear_bindings (*cached);
  return *cached;
}

typedef enum {
  RECORD_STATE_ERROR = -2,
  RECORD_STATE_ABSENT = -1,
  RECORD_STATE_DELETED = 0,
  RECORD_STATE_LIVE = 1,
} RecordState;

static RecordState
record_state (IcwStore        *self,
              const IcwTable  *table,
              const char      *id,
              GError         **error)
{
  sqlite3_stmt *stmt = save_statement (self, table, SAVE_SQL_STATE, error);
  RecordState state = RECORD_STATE_ABSENT;
  int rc;

  if (stmt == NULL)
    return RECORD_STATE_ERROR;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state = sqlite3_column_int (stmt, 0) ? RECORD_STATE_LIVE : RECORD_STATE_DELETED;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return RECORD_STATE_ERROR;
    }
  return state;
}

/* BEGIN IMMEDIATE and COMMIT as statements prepared once: parsing them on every save cost more
 * than the UPDATE itself (issue 8). A failed COMMIT is rolled back as icw_database_commit does. */
static gboolean
run_transaction_statement (IcwStore       *self,
                           const char     *sql,
                           sqlite3_stmt  **cached,
                           GError        **error)
{
  sqlite3_stmt *stmt = *cached;

  if (stmt == NULL)
    stmt = *cached = icw_store_statement (self, sql, error);
  if (stmt != NULL && icw_store_step_done (self, stmt, error))
    return TRUE;
  icw_database_rollback (self->db);
  return FALSE;
}

static gboolean
begin_write (IcwStore  *self,
             GError   **error)
{
  if (self->batch_depth > 0)
    return TRUE;
  /* An edit is never committed under a pull page's relaxed durability. */
  return icw_store_restore_durability (self, error) &&
         run_transaction_statement (self, "BEGIN IMMEDIATE", &self->begin_statement, error);
}

static gboolean
finish_write (IcwStore  *self,
              gboolean   ok,
              GError   **error)
{
  if (self->batch_depth > 0)
    return ok;
  if (ok && run_transaction_statement (self, "COMMIT", &self->commit_statement, error))
    return TRUE;
  icw_database_rollback (self->db);
  return FALSE;
}

static char *
list_key_for_record (const IcwTable *table,
                     IcwRecord      *record)
{
  g_autofree char *parent_id = NULL;

  if (table->parent_column != NULL)
    {
      g_autofree char *property = g_strdelimit (g_strdup (table->parent_column), "_", '-');
      g_object_get (record, property, &parent_id, NULL);
    }
  return icw_store_list_key (table->kind, parent_id);
}

static void
update_membership (GListStore *list,
                   IcwRecord  *record,
                   gboolean    present)
{
  guint position;
  gboolean found = g_list_store_find (list, record, &position);

  if (present && !found)
    g_list_store_append (list, record);
  else if (!present && found)
    g_list_store_remove (list, position);
}

/* Keeps a loaded list in step with a record that appeared in or left the register. */
static void
update_list (IcwStore       *self,
             const IcwTable *table,
             IcwRecord      *record,
             gboolean        present)
{
  g_autofree char *key = list_key_for_record (table, record);
  GListStore *list = g_hash_table_lookup (self->lists, key);
  guint position;

  if (icw_store_list_is_compact (table))
    {
      if (list != NULL)
        icw_store_list_update (ICW_STORE_LIST (list), record, present);
      return;
    }

  /* A child moved to another parent leaves the list of its old parent. (Collected first: the
   * lists' handlers may ask the store for another list.) */
  if (table->parent_column != NULL)
    {
      g_autofree char *prefix = icw_store_list_key (table->kind, NULL);
      g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
      GHashTableIter iter;
      gpointer other_key, other;

      GListStore *all = g_hash_table_lookup (self->lists, prefix);

      g_hash_table_iter_init (&iter, self->lists);
      while (g_hash_table_iter_next (&iter, &other_key, &other))
        if (other != (gpointer) list && other != (gpointer) all && g_str_has_prefix (other_key, prefix))
          g_ptr_array_add (others, g_object_ref (other));
      for (guint i = 0; i < others->len; i++)
        if (g_list_store_find (others->pdata[i], record, &position))
          g_list_store_remove (others->pdata[i], position);
      /* The list of all of them, whatever their parent. */
      if (all != NULL)
        update_membership (all, record, present);
    }

  if (list != NULL)
    update_membership (list, record, present);
}

static void
after_commit (IcwStore       *self,
              const IcwTable *table,
              IcwRecord      *record,
              gboolean        present)
{
  /* Remembered at once, even in a batch, so that the lists reloaded when the batch commits hold
   * this very object rather than a second one of the same record. */
  icw_store_remember_record (self, record);
  if (self->batch_depth > 0)
    return;  /* the lists are reloaded when the batch commits */
  update_list (self, table, record, present);
  icw_store_emit_record_changed (self, record);
}

/* Validates the record and writes its row: an UPDATE of a live row (of the changed columns
 * only when `changed` is given) or the upsert. `*written` says whether a row was written: an
 * UPDATE finds no row when the record was deleted or is not in the table. */
static gboolean
write_row (IcwStore        *self,
           const IcwTable  *table,
           IcwRecord       *record,
           SaveSql          write,
           GHashTable      *changed,
           const char      *now,
           gboolean        *written,
           GError         **error)
{
  const char *created_at = icw_record_get_created_at (record);
  sqlite3_stmt *stmt;
  gboolean ok, has_mask = FALSE;
  guint64 mask = 0;

  *written = FALSE;
  self->validating_changed = changed;
  ok = icw_store_validate (self, record, error);
  self->validating_changed = NULL;
  if (!ok)
    return FALSE;
  /* After the validation: a kind's rules may set a field (an edited application goes back to
   * draft), which the UPDATE must then write. */
  if (changed != NULL)
    has_mask = icw_store_changed_columns (table, changed, &mask);
  stmt = changed != NULL ? update_statement (self, table, changed, has_mask, mask, error)
                         : save_statement (self, table, write, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, icw_record_get_revision (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, created_at != NULL ? created_at : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < table->n_columns; i++)
    if (changed == NULL || (has_mask ? (mask >> i & 1) != 0 : g_hash_table_contains (changed, table->columns[i].property)))
      bind_column (stmt, 5 + i, record, &table->columns[i]);
  if (!icw_store_step_done (self, stmt, error))
    return FALSE;
  *written = sqlite3_changes (self->db) > 0;
  return TRUE;
}

static void
set_deleted_error (GError **error)
{
  g_clear_error (error);
  g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("The record was deleted; restore it before changing it"));
}

gboolean
icw_store_save (IcwStore   *self,
                IcwRecord  *record,
                GError    **error)
{
  const IcwTable *table;
  SaveSql write = SAVE_SQL_INSERT;
  GHashTable *changed = NULL;
  g_autofree char *now = icw_database_now ();
  g_autofree char *new_id = NULL;
  gboolean ok, written = FALSE;
  RecordState state = RECORD_STATE_ABSENT;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (ICW_IS_RECORD (record), FALSE);

  table = icw_store_table_for_record (record);
  if (icw_record_get_id (record) == NULL)
    icw_record_set_id (record, (new_id = g_uuid_string_random ()));

  /* Validation reads what other records hold (duplicates, references): it runs inside the write
   * transaction, so that another process cannot change them between the check and the write. */
  if (!begin_write (self, error))
    {
      if (new_id != NULL)
        icw_record_set_id (record, NULL);
      return FALSE;
    }

  ok = TRUE;
  /* A record that matched its row when last loaded or saved knows what changed since: it is
   * written as an UPDATE of those columns of a live row, and only they are checked again
   * (icw_store_validate). Whether the row is still live is then said by the UPDATE itself. Any
   * other record's state is read first: a new ID is inserted, a live row updated whole. */
  if (new_id == NULL)
    changed = icw_record_get_changed (record);
  if (changed != NULL)
    write = SAVE_SQL_UPDATE;
  else if (new_id == NULL)
    {
      state = record_state (self, table, icw_record_get_id (record), error);
      ok = state != RECORD_STATE_ERROR;
      if (state == RECORD_STATE_LIVE)
        write = SAVE_SQL_UPDATE;
      if (state == RECORD_STATE_DELETED)
        {
          /* A deleted record stays deleted: a save would change a record that no list shows. */
          set_deleted_error (error);
          ok = FALSE;
        }
    }

  ok = ok && write_row (self, table, record, write, changed, now, &written, error);
  if (changed != NULL && (!ok || !written))
    {
      /* The UPDATE found no live row, or the changed fields were refused: a deleted record is
       * refused as deleted (before its fields), one no longer in the table is written whole. */
      g_autoptr(GError) state_error = NULL;

      state = record_state (self, table, icw_record_get_id (record), &state_error);
      if (state == RECORD_STATE_DELETED)
        {
          set_deleted_error (error);
          ok = FALSE;
        }
      else if (ok && state == RECORD_STATE_ABSENT)
        ok = write_row (self, table, record, SAVE_SQL_INSERT, NULL, now, &written, error);
      else if (ok && state == RECORD_STATE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&state_error));
          ok = FALSE;
        }
    }
  ok = ok && (table->after_upsert == NULL || table->after_upsert (self, record, error));
  ok = ok && icw_store_write_outbox (self, table, icw_record_get_id (record), "upsert", now, error);

  if (!finish_write (self, ok, error))
    {
      if (new_id != NULL)
        icw_record_set_id (record, NULL);
      return FALSE;
    }
  icw_record_track_changes (record);

  if (new_id != NULL && self->batch_depth > 0)
    {
      GPtrArray *created = g_object_get_qdata (G_OBJECT (self), icw_store_batch_created_quark ());

      if (created == NULL)
        {
          created = g_ptr_array_new_with_free_func (g_object_unref);
          g_object_set_qdata_full (G_OBJECT (self), icw_store_batch_created_quark (), created,
                                   (GDestroyNotify) g_ptr_array_unref);
        }
      g_ptr_array_add (created, g_object_ref (record));
    }

  if (icw_record_get_created_at (record) == NULL)
    icw_record_set_created_at (record, now);
  icw_record_set_updated_at (record, now);
  after_commit (self, table, record, TRUE);
  return TRUE;
}

static gboolean
check_unused (IcwStore   *self,
              IcwRecord  *record,
              GError    **error)
{
  g_autoptr(GPtrArray) uses = icw_store_find_uses (self, record, error);
  g_autofree char *where = NULL;

  if (uses == NULL)
    return FALSE;
  if (uses->len == 0)
    return TRUE;

  g_ptr_array_add (uses, NULL);
  where = g_strjoinv ("; ", (char **) uses->pdata);
  g_set_error (error, ICW_ERROR, ICW_ERROR_IN_USE,
               _("It cannot be deleted while it is used: %s"), where);
  return FALSE;
}

static gboolean
set_deleted (IcwStore   *self,
             IcwRecord  *record,
             gboolean    deleted,
             GError    **error)
{
  const IcwTable *table = icw_store_table_for_record (record);
  g_autofree char *now = icw_database_now ();
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1, updated_at = ?2 "
                                          "WHERE id = ?3 AND deleted_at IS %s",
                                          table->table, deleted ? "NULL" : "NOT NULL");
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!begin_write (self, error))
    return FALSE;

  /* Checked inside the transaction, like a save: a deleted record must not be in use, and a
   * restored one must not clash with what was added meanwhile (its credit code, a shareholder
   * named twice, a center that is gone). */
  ok = deleted ? check_unused (self, record, error) && icw_store_validate_delete (self, record, error)
               : icw_store_validate (self, record, error);
  if (ok)
    stmt = icw_store_statement (self, sql, error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      if (deleted)
        sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
      ok = icw_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   deleted ? _("The record was already deleted") : _("The record is not deleted"));
      ok = FALSE;
    }
  ok = ok && icw_store_write_outbox (self, table, icw_record_get_id (record),
                           deleted ? "delete" : "upsert", now, error);

  if (!finish_write (self, ok, error))
    return FALSE;

  icw_record_set_updated_at (record, now);
  after_commit (self, table, record, !deleted);
  return TRUE;
}

gboolean
icw_store_delete (IcwStore   *self,
                  IcwRecord  *record,
                  GError    **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (ICW_IS_RECORD (record), FALSE);

  return set_deleted (self, record, TRUE, error);
}

gboolean
icw_store_restore (IcwStore   *self,
                   IcwRecord  *record,
                   GError    **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (ICW_IS_RECORD (record), FALSE);

  return set_deleted (self, record, FALSE, error);
}
