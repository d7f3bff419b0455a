/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store.c: the store's life cycle, its one object per record, batches, lookups and the live
 * lists. Saves, deletions and restores are icw-store-save.c's, the outbox rows
 * icw-store-outbox.c's. */
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
GQuark
icw_store_batch_created_quark (void)
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

void
icw_store_remember_record (IcwStore  *self,
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
  icw_store_remember_record (self, record);
}

static void
icw_store_finalize (GObject *object)
{
  IcwStore *self = ICW_STORE (object);
  GHashTableIter iter;
  gpointer value;

  /* Released while the identity map can still take the records' weak notifications. */
  g_object_set_qdata (object, icw_store_batch_created_quark (), NULL);
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

static IcwStore *
open_store (const char  *path,
            gboolean     scratch,
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

  db = scratch ? icw_database_open_scratch (path, error) : icw_database_open (path, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (ICW_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  return g_steal_pointer (&self);
}

IcwStore *
icw_store_open (const char  *path,
                GError     **error)
{
  return open_store (path, FALSE, error);
}

IcwStore *
icw_store_open_scratch (const char  *path,
                        GError     **error)
{
  return open_store (path, TRUE, error);
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
      icw_store_remember_record (self, record);
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

char *
icw_store_list_key (IcwRecordKind  kind,
                    const char    *parent_id)
{
  return g_strdup_printf ("%s/%s", icw_record_kind_to_key (kind), parent_id != NULL ? parent_id : "");
}

void
icw_store_emit_record_changed (IcwStore  *self,
                               IcwRecord *record)
{
  g_signal_emit (self, signals[RECORD_CHANGED], 0, record);
}

gboolean
icw_store_begin_batch (IcwStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (self->batch_depth == 0 &&
      (!icw_store_restore_durability (self, error) || !icw_database_begin (self->db, error)))
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
  g_autoptr(GError) restore_error = NULL;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth > 0, FALSE);

  if (--self->batch_depth > 0)
    return TRUE;
  if (!icw_database_commit (self->db, error))
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  /* FULL again before the reload's handlers run (they may save). The batch is committed either
   * way: if FULL cannot be set now, the next write sets it first or is refused (begin_write).
   * Durability is relaxed for a pulled page and for a push's acknowledgement alike. */
  if (!icw_store_restore_durability (self, &restore_error))
    g_warning ("The database's durability (synchronous=FULL) was not set back after a sync batch's "
               "commit (a pulled page or a push's acknowledgement): %s", restore_error->message);
  g_object_set_qdata (G_OBJECT (self), icw_store_batch_created_quark (), NULL);
  icw_store_reload (self);
  return TRUE;
}

gboolean
icw_store_restore_durability (IcwStore  *self,
                              GError   **error)
{
  if (!self->relaxed)
    return TRUE;
  /* SQLite refuses the level inside a transaction; one still open is not this store's batch
   * (those have ended when this runs), so it is not rolled back here: the caller is refused. */
  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, "%s",
                   _("The database is in the middle of another change: try again when it is done"));
      return FALSE;
    }
  if (!icw_database_set_synchronous (self->db, TRUE, error))
    return FALSE;
  sqlite3_wal_autocheckpoint (self->db, 1000);   /* SQLite's default */
  sqlite3_exec (self->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);   /* SQLite's default */
  self->relaxed = FALSE;
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
  icw_store_restore_durability (self, NULL);   /* if it fails, the next write tries again first */
  created = g_object_steal_qdata (G_OBJECT (self), icw_store_batch_created_quark ());

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

/* The record of the first row that sql (a select of table's, with one parameter ?1) finds with
 * value; NULL when it finds none, or with error set when the query fails. */
static IcwRecord *
load_first (IcwStore        *self,
            const IcwTable  *table,
            const char      *sql,
            const char      *value,
            GError         **error)
{
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
icw_store_lookup (IcwStore       *self,
                  IcwRecordKind   kind,
                  const char     *id,
                  GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *sql = icw_store_select_sql (table, "id = ?1 AND deleted_at IS NULL");
  g_autoptr(GError) local_error = NULL;
  IcwRecord *record;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  if (id == NULL)
    goto not_found;
  record = load_first (self, table, sql, id, &local_error);
  if (record != NULL)
    return record;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

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

char *
icw_store_dup_name (IcwStore      *self,
                    IcwRecordKind  kind,
                    const char    *id)
{
  g_autoptr(IcwRecord) record = NULL;
  char *name = NULL;

  if (id == NULL || *id == '\0')
    return NULL;
  record = icw_store_lookup (self, kind, id, NULL);
  if (record == NULL)
    return NULL;
  g_object_get (record, "name", &name, NULL);
  return name;
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

  return load_first (self, table, sql, value, error);
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

  key = icw_store_list_key (kind, parent_id);
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
  key = icw_store_list_key (kind, NULL);
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
 * list model must return an item for each position). select_sql is icw_store_select_sql (table,
 * "id = ?1"), made once by the list: making it for each item (a printf per column) cost about as
 * much as the rest of the load (issue 20, docs/performance.md). */
IcwRecord *
icw_store_record_for_list (IcwStore       *self,
                           const IcwTable *table,
                           const char     *select_sql,
                           const char     *id)
{
  IcwRecord *record = g_hash_table_lookup (self->objects, id);
  sqlite3_stmt *stmt;

  if (record != NULL)
    return g_object_ref (record);
  stmt = icw_store_statement (self, select_sql, NULL);
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
