/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store.c: the store's life cycle, the save/delete/restore pipeline, batches, and the live
 * lists. Each write runs in BEGIN IMMEDIATE and writes the record and its outbox row together;
 * the in-memory objects and lists change only after the commit succeeded. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-private.h"

G_DEFINE_FINAL_TYPE (IcwStore, icw_store, G_TYPE_OBJECT)

enum {
  RECORD_CHANGED,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The records to which the open batch gave an ID: a rollback makes them unsaved again. Kept as
 * the store's qdata because the store's struct is shared with the other store files. */
static GQuark
batch_created_quark (void)
{
  return g_quark_from_static_string ("icw-store-batch-created");
}

static gboolean
is_object (gpointer key,
           gpointer value,
           gpointer object)
{
  return value == object;
}

static void
forget_record (gpointer  data,
               GObject  *where_the_object_was)
{
  IcwStore *self = data;
  const char *id = icw_record_get_id ((IcwRecord *) where_the_object_was);

  /* Weak notifies run during dispose, while the record's fields are still there. If the ID was
   * changed after the record was remembered, find the entry by its value: none may dangle. */
  if (id != NULL && g_hash_table_lookup (self->objects, id) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->objects, id);
  else
    g_hash_table_foreach_remove (self->objects, is_object, where_the_object_was);
}

static void
remember_record (IcwStore  *self,
                 IcwRecord *record)
{
  const char *id = icw_record_get_id (record);
  GObject *previous = g_hash_table_lookup (self->objects, id);

  if (previous == (GObject *) record)
    return;
  /* Another object of the same record loses its place; it must not keep a weak reference that
   * would reach into this store after the store is gone. */
  if (previous != NULL)
    g_object_weak_unref (previous, forget_record, self);
  g_object_weak_ref (G_OBJECT (record), forget_record, self);
  g_hash_table_replace (self->objects, g_strdup (id), record);
}

static void
unremember_record (IcwStore  *self,
                   IcwRecord *record)
{
  const char *id = icw_record_get_id (record);

  if (id != NULL && g_hash_table_lookup (self->objects, id) == record)
    {
      g_object_weak_unref (G_OBJECT (record), forget_record, self);
      g_hash_table_remove (self->objects, id);
    }
}

void
icw_store_rename_loaded (IcwStore   *self,
                         const char *old_id,
                         const char *new_id)
{
  IcwRecord *record = g_hash_table_lookup (self->objects, old_id);

  if (record == NULL)
    return;
  unremember_record (self, record);
  icw_record_set_id (record, new_id);
  remember_record (self, record);
}

static void
icw_store_finalize (GObject *object)
{
  IcwStore *self = ICW_STORE (object);
  GHashTableIter iter;
  gpointer value;

  /* Released while the identity map can still take the records' weak notifications. */
  g_object_set_qdata (object, batch_created_quark (), NULL);
  /* A compact list someone still holds must not ask this store for records any more. */
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ICW_IS_STORE_LIST (value))
      icw_store_list_detach (value);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_hash_table_iter_init (&iter, self->objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, forget_record, self);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->update_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (icw_store_parent_class)->finalize (object);
}

static void
icw_store_class_init (IcwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icw_store_finalize;

  /* A record was saved, deleted or restored (after the commit). */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ICW_TYPE_RECORD);
  /* A batch was committed: every list was reloaded. */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
icw_store_init (IcwStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->update_statements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

char *
icw_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "ic-workbench", "workbench.db", NULL);
}

IcwStore *
icw_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(IcwStore) self = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  db = icw_database_open (path, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (ICW_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  return g_steal_pointer (&self);
}

const char *
icw_store_get_path (IcwStore *self)
{
  g_return_val_if_fail (ICW_IS_STORE (self), NULL);
  return self->path;
}

sqlite3_stmt *
icw_store_statement (IcwStore    *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      stmt = icw_database_prepare (self->db, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
icw_store_step_done (IcwStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

char *
icw_store_select_sql (const IcwTable *table,
                      const char     *where)
{
  GString *sql = g_string_new ("SELECT id, revision, created_at, updated_at");

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append_printf (sql, " FROM %s WHERE %s", table->table, where);
  return g_string_free (sql, FALSE);
}

static void
set_property_from_column (IcwRecord       *record,
                          const IcwColumn *column,
                          sqlite3_stmt    *stmt,
                          int              index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);
  guint enum_value = 0;

  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      g_object_set (record, column->property, text, NULL);
      break;
    case ICW_COLUMN_INT:
      g_object_set (record, column->property, sqlite3_column_int (stmt, index), NULL);
      break;
    case ICW_COLUMN_INT64:
      g_object_set (record, column->property, (gint64) sqlite3_column_int64 (stmt, index), NULL);
      break;
    case ICW_COLUMN_BOOL:
      g_object_set (record, column->property, sqlite3_column_int (stmt, index) != 0, NULL);
      break;
    case ICW_COLUMN_ENUM:
      /* The schema's CHECK constraints keep unknown keys out; 0 is the safe default. */
      column->from_key (text, &enum_value);
      g_object_set (record, column->property, enum_value, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Returns the one object of the row's record, creating it or refreshing the existing one. */
IcwRecord *
icw_store_load_row (IcwStore       *self,
                    const IcwTable *table,
                    sqlite3_stmt   *stmt)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  IcwRecord *record = g_hash_table_lookup (self->objects, id);

  if (record != NULL)
    g_object_ref (record);
  else
    {
      record = g_object_new (table->get_type (), "id", id, NULL);
      remember_record (self, record);
    }

  g_object_freeze_notify (G_OBJECT (record));
  icw_record_set_revision (record, (const char *) sqlite3_column_text (stmt, 1));
  icw_record_set_created_at (record, (const char *) sqlite3_column_text (stmt, 2));
  icw_record_set_updated_at (record, (const char *) sqlite3_column_text (stmt, 3));
  for (guint i = 0; i < table->n_columns; i++)
    set_property_from_column (record, &table->columns[i], stmt, 4 + i);
  g_object_thaw_notify (G_OBJECT (record));
  icw_record_track_changes (record);

  return record;
}

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

/* The statement of a live record's UPDATE of the changed columns, prepared once per kind and
 * column set and found again by a bit set of the columns, without building or hashing its text. */
static sqlite3_stmt *
update_statement (IcwStore        *self,
                  const IcwTable  *table,
                  GHashTable      *changed,
                  GError         **error)
{
  g_autofree char *sql = NULL;
  gint64 key = (gint64) table->kind << 56;
  sqlite3_stmt *stmt;

  if (table->n_columns > 56 || table->kind >= 127)
    {
      sql = build_update_sql (table, changed);
      return icw_store_statement (self, sql, error);
    }
  for (guint i = 0; i < table->n_columns; i++)
    if (g_hash_table_contains (changed, table->columns[i].property))
      key |= G_GINT64_CONSTANT (1) << i;
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
  return self->batch_depth > 0 || run_transaction_statement (self, "BEGIN IMMEDIATE", &self->begin_statement, error);
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
list_key (IcwRecordKind  kind,
          const char    *parent_id)
{
  return g_strdup_printf ("%s/%s", icw_record_kind_to_key (kind), parent_id != NULL ? parent_id : "");
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
  return list_key (table->kind, parent_id);
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
      g_autofree char *prefix = list_key (table->kind, NULL);
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
  remember_record (self, record);
  if (self->batch_depth > 0)
    return;  /* the lists are reloaded when the batch commits */
  update_list (self, table, record, present);
  g_signal_emit (self, signals[RECORD_CHANGED], 0, record);
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
  gboolean ok;

  *written = FALSE;
  self->validating_changed = changed;
  ok = icw_store_validate (self, record, error);
  self->validating_changed = NULL;
  if (!ok)
    return FALSE;
  stmt = changed != NULL ? update_statement (self, table, changed, error)
                         : save_statement (self, table, write, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, icw_record_get_revision (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, created_at != NULL ? created_at : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < table->n_columns; i++)
    if (changed == NULL || g_hash_table_contains (changed, table->columns[i].property))
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
      GPtrArray *created = g_object_get_qdata (G_OBJECT (self), batch_created_quark ());

      if (created == NULL)
        {
          created = g_ptr_array_new_with_free_func (g_object_unref);
          g_object_set_qdata_full (G_OBJECT (self), batch_created_quark (), created,
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

gboolean
icw_store_begin_batch (IcwStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (self->batch_depth == 0 && !icw_database_begin (self->db, error))
    return FALSE;
  self->batch_depth++;
  return TRUE;
}

static void
reload_list (IcwStore   *self,
             const char *key,
             GObject    *list);

gboolean
icw_store_commit_batch (IcwStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth > 0, FALSE);

  if (--self->batch_depth > 0)
    return TRUE;
  if (!icw_database_commit (self->db, error))
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  g_object_set_qdata (G_OBJECT (self), batch_created_quark (), NULL);
  icw_store_reload (self);
  return TRUE;
}

void
icw_store_reload (IcwStore *self)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (ICW_IS_STORE (self));

  /* Copied first: a handler of the lists' signals may ask for another list. */
  keys = g_ptr_array_new_with_free_func (g_free);
  lists = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (keys, g_strdup (key));
      g_ptr_array_add (lists, g_object_ref (value));
    }
  for (guint i = 0; i < keys->len; i++)
    reload_list (self, keys->pdata[i], lists->pdata[i]);
  g_signal_emit (self, signals[RELOADED], 0);
}

/* Reads the record's row again, deleted or not; FALSE when there is no row. */
static gboolean
refresh_record (IcwStore  *self,
                IcwRecord *record)
{
  const IcwTable *table = icw_store_table_for_record (record);
  g_autofree char *sql = icw_store_select_sql (table, "id = ?1");
  sqlite3_stmt *stmt = icw_store_statement (self, sql, NULL);
  IcwRecord *same = NULL;

  if (stmt == NULL)
    return TRUE;   /* cannot tell; leave the object as it is */
  sqlite3_bind_text (stmt, 1, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = icw_store_load_row (self, table, stmt);
  sqlite3_reset (stmt);
  if (same == NULL)
    return FALSE;
  g_object_unref (same);
  return TRUE;
}

/* Undoes the batch and brings every object back to what the database holds: records edited,
 * deleted or restored in the batch get their saved values back, and records the batch created
 * become unsaved again (no ID, no times), so that a later save creates them afresh. */
void
icw_store_rollback_batch (IcwStore *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) created = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (ICW_IS_STORE (self));

  self->batch_depth = 0;
  icw_database_rollback (self->db);
  created = g_object_steal_qdata (G_OBJECT (self), batch_created_quark ());

  /* Held while refreshing: a refresh must not finalize what the table iterates over. */
  records = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (records, g_object_ref (value));
  for (guint i = 0; i < records->len; i++)
    {
      IcwRecord *record = records->pdata[i];

      if (refresh_record (self, record))
        continue;
      unremember_record (self, record);
      icw_record_set_created_at (record, NULL);
      icw_record_set_updated_at (record, NULL);
    }
  for (guint i = 0; created != NULL && i < created->len; i++)
    {
      IcwRecord *record = created->pdata[i];

      /* The ID was the batch's own, unless a row has it after all. */
      if (!refresh_record (self, record))
        {
          unremember_record (self, record);
          icw_record_set_id (record, NULL);
          icw_record_set_created_at (record, NULL);
          icw_record_set_updated_at (record, NULL);
        }
    }
}

IcwRecord *
icw_store_lookup (IcwStore       *self,
                  IcwRecordKind   kind,
                  const char     *id,
                  GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *sql = icw_store_select_sql (table, "id = ?1 AND deleted_at IS NULL");
  sqlite3_stmt *stmt;
  IcwRecord *record = NULL;
  int rc;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  if (id == NULL)
    goto not_found;
  stmt = icw_store_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = icw_store_load_row (self, table, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  if (record != NULL)
    return record;

not_found:
  g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("No record has the ID “%s”"),
               id != NULL ? id : "");
  return NULL;
}

IcwRecord *
icw_store_lookup_any (IcwStore    *self,
                      const char  *id,
                      GError     **error)
{
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GError) local_error = NULL;
      IcwRecord *record = icw_store_lookup (self, kind, id, &local_error);

      if (record != NULL)
        return record;
      if (!g_error_matches (local_error, ICW_ERROR, ICW_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("No record has the ID “%s”"), id);
  return NULL;
}

/* The first live record of the kind whose column equals value (the oldest, when several do). */
static IcwRecord *
find_by_column (IcwStore       *self,
                IcwRecordKind   kind,
                const char     *column,
                const char     *value,
                GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *where = g_strdup_printf ("%s = ?1 AND deleted_at IS NULL ORDER BY created_at LIMIT 1", column);
  g_autofree char *sql = icw_store_select_sql (table, where);
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);
  IcwRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = icw_store_load_row (self, table, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    icw_database_set_error (error, self->db, rc);
  return record;
}

IcwRecord *
icw_store_find_by_name (IcwStore       *self,
                        IcwRecordKind   kind,
                        const char     *name,
                        GError        **error)
{
  return find_by_column (self, kind, "name", name, error);
}

IcwOrganization *
icw_store_find_by_credit_code (IcwStore    *self,
                               const char  *credit_code,
                               GError     **error)
{
  return (IcwOrganization *) find_by_column (self, ICW_RECORD_KIND_ORGANIZATION, "credit_code", credit_code, error);
}

/* The live records of a table (of one parent, or all) in one query, in the order of its lists:
 * children as they were made, the registers by name. */
static GPtrArray *
query_records (IcwStore       *self,
               const IcwTable *table,
               const char     *parent_id)
{
  gboolean of_parent = table->parent_column != NULL && parent_id != NULL && *parent_id != '\0';
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  if (of_parent)
    where = g_strdup_printf ("%s = ?1 AND deleted_at IS NULL ORDER BY created_at, id", table->parent_column);
  else if (table->parent_column != NULL)
    where = g_strdup ("deleted_at IS NULL ORDER BY created_at, id");
  else
    where = g_strdup ("deleted_at IS NULL ORDER BY name, id");
  sql = icw_store_select_sql (table, where);

  stmt = icw_store_statement (self, sql, NULL);
  if (stmt == NULL)
    return records;
  if (of_parent)
    sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records, icw_store_load_row (self, table, stmt));
  sqlite3_reset (stmt);
  return records;
}

static void
reload_list (IcwStore   *self,
             const char *key,
             GObject    *list)
{
  const char *slash = strchr (key, '/');
  g_autofree char *kind_key = g_strndup (key, slash - key);
  const IcwTable *table = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (guint kind = 0; kind < ICW_N_RECORD_KINDS && table == NULL; kind++)
    if (g_str_equal (kind_key, icw_record_kind_to_key (kind)))
      table = icw_store_table_for_kind (kind);
  g_assert (table != NULL);

  if (ICW_IS_STORE_LIST (list))
    {
      icw_store_list_reload (ICW_STORE_LIST (list));
      return;
    }

  records = query_records (self, table, slash + 1);
  g_list_store_splice (G_LIST_STORE (list), 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       records->pdata, records->len);
}

/* The live list of a kind's records: for a child kind, those of one parent, or all of them when
 * parent_id is NULL. It follows every save, deletion and restore; the caller gets a new reference. */
GListModel *
icw_store_list (IcwStore      *self,
                IcwRecordKind  kind,
                const char    *parent_id)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *key = NULL;
  GObject *list;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);
  g_return_val_if_fail (table->parent_column != NULL || parent_id == NULL, NULL);

  key = list_key (kind, parent_id);
  list = g_hash_table_lookup (self->lists, key);
  if (list == NULL && icw_store_list_is_compact (table))
    {
      list = G_OBJECT (icw_store_list_new (self, table));
      g_hash_table_insert (self->lists, g_steal_pointer (&key), list);
    }
  else if (ICW_IS_STORE_LIST (list))
    icw_store_list_complete (ICW_STORE_LIST (list));
  else if (list == NULL)
    {
      list = G_OBJECT (g_list_store_new (table->get_type ()));
      reload_list (self, key, list);
      g_hash_table_insert (self->lists, g_steal_pointer (&key), list);
    }
  return g_object_ref (G_LIST_MODEL (list));
}

/* A register's live list (organizations, centers) of which only the first n rows may be read yet,
 * in the list's order through the stored keys' index: what a register page shows before its first
 * frame. The list reads the rest on icw_store_list_complete(), or as soon as anything needs it
 * (icw_store_list() of the same kind, a search, a save). */
GListModel *
icw_store_list_head (IcwStore      *self,
                     IcwRecordKind  kind,
                     guint          n)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *key = NULL;
  GObject *list;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  if (!icw_store_list_is_compact (table))
    return icw_store_list (self, kind, NULL);
  key = list_key (kind, NULL);
  list = g_hash_table_lookup (self->lists, key);
  if (list == NULL)
    {
      list = G_OBJECT (icw_store_list_new_head (self, table, n));
      g_hash_table_insert (self->lists, g_steal_pointer (&key), list);
    }
  return g_object_ref (G_LIST_MODEL (list));
}

GPtrArray *
icw_store_list_records (IcwStore      *self,
                        IcwRecordKind  kind,
                        const char    *parent_id)
{
  const IcwTable *table = icw_store_table_for_kind (kind);

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);
  g_return_val_if_fail (table->parent_column != NULL || parent_id == NULL, NULL);
  return query_records (self, table, parent_id);
}

GPtrArray *
icw_store_center_platforms (IcwStore   *self,
                            const char *center_id)
{
  const IcwTable *table = icw_store_table_for_kind (ICW_RECORD_KIND_PLATFORM);
  g_autofree char *sql = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), records);

  sql = icw_store_select_sql (table,
    "deleted_at IS NULL AND organization_id IN (SELECT organization_id FROM alliance_members "
    "WHERE center_id = ?1 AND deleted_at IS NULL) "
    "ORDER BY (SELECT min(m.created_at || ' ' || m.id) FROM alliance_members m WHERE m.center_id = ?1 "
    "AND m.deleted_at IS NULL AND m.organization_id = platforms.organization_id), created_at, id");
  stmt = icw_store_statement (self, sql, NULL);
  if (stmt == NULL)
    return records;
  sqlite3_bind_text (stmt, 1, center_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records, icw_store_load_row (self, table, stmt));
  sqlite3_reset (stmt);
  return records;
}

/* The registers, which may hold 100k records, keep only IDs and names in their live list. */
gboolean
icw_store_list_is_compact (const IcwTable *table)
{
  return table->fts_table != NULL && table->parent_column == NULL;
}

/* The record of a compact list's item: the store's object, loaded if nobody holds it. The list
 * holds live records only; should another program have deleted the row meanwhile, the row is still
 * read, and a record that has vanished altogether comes back as an object with its ID alone (a
 * list model must return an item for each position). */
IcwRecord *
icw_store_record_for_list (IcwStore       *self,
                           const IcwTable *table,
                           const char     *id)
{
  IcwRecord *record = g_hash_table_lookup (self->objects, id);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (record != NULL)
    return g_object_ref (record);
  sql = icw_store_select_sql (table, "id = ?1");
  stmt = icw_store_statement (self, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = icw_store_load_row (self, table, stmt);
      sqlite3_reset (stmt);
    }
  if (record == NULL)
    record = g_object_new (table->get_type (), "id", id, NULL);
  return record;
}
