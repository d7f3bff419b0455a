/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-dossier.c: the store's side of the center dossier, reading: what the schema says about
 * each kind (its foreign keys and BLOB columns, from SQLite's own pragmas, so nothing is listed
 * twice), a row read as typed JSON, and the rows of a center closed under its references.
 * The writing side is icw-store-dossier-write.c. */
#include "config.h"

#include <string.h>

#include "icw-database.h"
#include "icw-json-check.h"
#include "icw-store-dossier-private.h"
#include "icw-store-sync.h"

IcwDossierRow *
icw_dossier_row_new (IcwRecordKind kind)
{
  IcwDossierRow *row = g_new0 (IcwDossierRow, 1);

  row->kind = kind;
  return row;
}

void
icw_dossier_row_free (IcwDossierRow *row)
{
  g_free (row->id);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_free (row->deleted_at);
  g_clear_pointer (&row->fields, json_object_unref);
  g_clear_pointer (&row->blobs, g_hash_table_unref);
  g_free (row);
}

static void
schema_info_free (IcwDossierSchema *info)
{
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    {
      g_clear_pointer (&info->refs[kind], g_ptr_array_unref);
      g_clear_pointer (&info->blobs[kind], g_strfreev);
    }
  g_free (info);
}

static void
ref_free (IcwDossierRef *ref)
{
  g_free (ref->column);
  g_free (ref);
}

static gboolean
kind_of_table (const char    *name,
               IcwRecordKind *kind)
{
  for (guint k = 0; k < ICW_N_RECORD_KINDS; k++)
    if (g_str_equal (icw_store_table_for_kind (k)->table, name))
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static void
read_schema (IcwStore         *self,
             IcwDossierSchema *info,
             IcwRecordKind     kind)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autoptr(GStrvBuilder) blobs = g_strv_builder_new ();
  g_autofree char *fk_sql = g_strdup_printf ("PRAGMA foreign_key_list(%s)", table->table);
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(%s)", table->table);
  sqlite3_stmt *stmt;

  info->refs[kind] = g_ptr_array_new_with_free_func ((GDestroyNotify) ref_free);
  /* foreign_key_list: id, seq, table, from, to, ... */
  if ((stmt = icw_store_statement (self, fk_sql, NULL)) != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          IcwDossierRef *ref = g_new0 (IcwDossierRef, 1);

          if (!kind_of_table ((const char *) sqlite3_column_text (stmt, 2), &ref->target))
            {
              g_free (ref);
              continue;
            }
          ref->column = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          g_ptr_array_add (info->refs[kind], ref);
        }
      sqlite3_reset (stmt);
    }
  /* table_info: cid, name, type, ... */
  if ((stmt = icw_store_statement (self, info_sql, NULL)) != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 2), "BLOB") == 0)
          g_strv_builder_add (blobs, (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
    }
  info->blobs[kind] = g_strv_builder_end (blobs);
}

/* Read once per store: each thread has its own store, so this needs no lock. */
const IcwDossierSchema *
icw_store_dossier_schema (IcwStore *self)
{
  IcwDossierSchema *info = g_object_get_data (G_OBJECT (self), "icw-dossier-schema");

  if (info != NULL)
    return info;
  info = g_new0 (IcwDossierSchema, 1);
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    read_schema (self, info, kind);
  g_object_set_data_full (G_OBJECT (self), "icw-dossier-schema", info, (GDestroyNotify) schema_info_free);
  return info;
}

const char * const *
icw_store_dossier_blob_columns (IcwStore      *self,
                                IcwRecordKind  kind)
{
  return (const char * const *) icw_store_dossier_schema (self)->blobs[kind];
}

static char *
row_select_sql (IcwStore       *self,
                const IcwTable *table)
{
  const char * const *blobs = icw_store_dossier_blob_columns (self, table->kind);
  GString *sql = g_string_new ("SELECT id, created_at, updated_at, deleted_at");

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  for (guint i = 0; blobs[i] != NULL; i++)
    g_string_append_printf (sql, ", %s", blobs[i]);
  g_string_append_printf (sql, " FROM %s WHERE id = ?1", table->table);
  return g_string_free (sql, FALSE);
}

/* A structured part is written as the JSON value its text holds (blank text as null, as the
 * parts' parsers read it). Text that is not JSON stays a string, so the dossier still carries it
 * (and its import refuses it). */
static JsonNode *
part_node (const char *text)
{
  JsonNode *value;
  const char *p = text;

  while (p != NULL && g_ascii_isspace (*p))
    p++;
  if (p == NULL || *p == '\0')
    return json_node_init_null (json_node_alloc ());
  if ((value = icw_json_parse_strict (text)) != NULL)
    return value;
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
column_node (const IcwColumn *column,
             sqlite3_stmt    *stmt,
             int              index)
{
  JsonNode *node;

  if (column->structured)
    return part_node ((const char *) sqlite3_column_text (stmt, index));
  node = json_node_alloc ();

  if (column->type == ICW_COLUMN_BOOL)
    return json_node_init_boolean (node, sqlite3_column_int64 (stmt, index) != 0);
  if (column->type == ICW_COLUMN_INT || column->type == ICW_COLUMN_INT64)
    return json_node_init_int (node, sqlite3_column_int64 (stmt, index));
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return json_node_init_null (node);
  return json_node_init_string (node, (const char *) sqlite3_column_text (stmt, index));
}

/* The row of this ID in the kind's table, deleted or not; NULL when there is none. */
IcwDossierRow *
icw_store_dossier_read_row (IcwStore       *self,
                            IcwRecordKind   kind,
                            const char     *id,
                            GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  const char * const *blobs = icw_store_dossier_blob_columns (self, kind);
  g_autofree char *sql = row_select_sql (self, table);
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);
  IcwDossierRow *row = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      int index = 4;

      row = icw_dossier_row_new (kind);
      row->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->deleted_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->fields = json_object_new ();
      for (guint i = 0; i < table->n_columns; i++)
        json_object_set_member (row->fields, table->columns[i].name, column_node (&table->columns[i], stmt, index++));
      if (blobs[0] != NULL)
        row->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
      for (guint i = 0; blobs[i] != NULL; i++, index++)
        g_hash_table_insert (row->blobs, g_strdup (blobs[i]),
                             sqlite3_column_type (stmt, index) == SQLITE_NULL ? NULL
                             : g_bytes_new (sqlite3_column_blob (stmt, index), sqlite3_column_bytes (stmt, index)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    icw_database_set_error (error, self->db, rc);
  return row;
}

typedef struct {
  IcwStore   *store;
  GHashTable *seen[ICW_N_RECORD_KINDS];   /* IDs taken, per kind */
  GQueue      pending;                    /* IcwDossierRow* still to follow */
  GPtrArray  *rows;
} Closure;

static gboolean
take (Closure        *closure,
      IcwRecordKind   kind,
      const char     *id,
      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  IcwDossierRow *row;

  if (id == NULL || g_hash_table_contains (closure->seen[kind], id))
    return TRUE;
  g_hash_table_add (closure->seen[kind], g_strdup (id));
  row = icw_store_dossier_read_row (closure->store, kind, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (row == NULL)
    return TRUE;   /* a dangling reference: the foreign keys keep them out */
  g_ptr_array_add (closure->rows, row);
  g_queue_push_tail (&closure->pending, row);
  return TRUE;
}

static gboolean
take_all (Closure        *closure,
          IcwRecordKind   kind,
          const char     *column,
          const char     *value,
          GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *sql = column != NULL ? g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", table->table, column)
                                        : g_strdup_printf ("SELECT id FROM %s", table->table);
  sqlite3_stmt *stmt = icw_store_statement (closure->store, sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (column != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, closure->store->db, rc);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!take (closure, kind, ids->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* A row brings what it refers to (up) and its children (down: the kinds whose parent column
 * refers to its kind). */
static gboolean
follow (Closure        *closure,
        IcwDossierRow  *row,
        GError        **error)
{
  const IcwDossierSchema *schema = icw_store_dossier_schema (closure->store);
  GPtrArray *refs = schema->refs[row->kind];

  for (guint i = 0; i < refs->len; i++)
    {
      IcwDossierRef *ref = refs->pdata[i];

      if (!take (closure, ref->target, json_object_get_string_member_with_default (row->fields, ref->column, NULL), error))
        return FALSE;
    }
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    {
      const char *parent = icw_store_table_for_kind (kind)->parent_column;

      for (guint i = 0; parent != NULL && i < schema->refs[kind]->len; i++)
        {
          IcwDossierRef *ref = schema->refs[kind]->pdata[i];

          if (ref->target == row->kind && icw_record_kind_is_parent_column (kind, ref->column) &&
              !take_all (closure, kind, ref->column, row->id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const IcwDossierRow *ra = *(IcwDossierRow * const *) a, *rb = *(IcwDossierRow * const *) b;

  if (ra->kind != rb->kind)
    return ra->kind < rb->kind ? -1 : 1;
  return strcmp (ra->id, rb->id);
}

static gboolean
collect (Closure             *closure,
         const char * const  *center_ids,
         GCancellable        *cancellable,
         GError             **error)
{
  IcwDossierRow *row;

  if (center_ids == NULL)
    {
      for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
        if (!take_all (closure, kind, NULL, NULL, error))
          return FALSE;
      return TRUE;
    }
  for (guint i = 0; center_ids[i] != NULL; i++)
    if (!take (closure, ICW_RECORD_KIND_CENTER, center_ids[i], error))
      return FALSE;
  while ((row = g_queue_pop_head (&closure->pending)) != NULL)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) || !follow (closure, row, error))
      return FALSE;
  return TRUE;
}

GPtrArray *
icw_store_dossier_collect (IcwStore            *self,
                           const char * const  *center_ids,
                           GCancellable        *cancellable,
                           GError             **error)
{
  Closure closure = { self, { NULL }, G_QUEUE_INIT, NULL };
  gboolean own_transaction, ok;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  closure.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_dossier_row_free);
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    closure.seen[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* One snapshot for every read: a save by another connection meanwhile is not half in it. */
  own_transaction = sqlite3_get_autocommit (self->db) && icw_database_exec (self->db, "BEGIN", NULL);
  ok = collect (&closure, center_ids, cancellable, error);
  if (own_transaction)
    icw_database_exec (self->db, "COMMIT", NULL);
  g_queue_clear (&closure.pending);
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    g_hash_table_unref (closure.seen[kind]);
  if (!ok)
    {
      g_ptr_array_unref (closure.rows);
      return NULL;
    }
  g_ptr_array_sort (closure.rows, compare_rows);
  return closure.rows;
}
