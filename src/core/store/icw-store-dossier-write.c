/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-dossier-write.c: the store's side of a dossier import, once each row from the file has
 * passed its kind's descriptor (icw-store-dossier-check.c): inside one transaction, the file
 * checked undamaged (PRAGMA quick_check), each row's references resolved and its ID compared with
 * what the database holds, the rows written with their own IDs and times, and each written live
 * row validated by its kind's rules as stored (not as an edit: the life cycle would refuse the
 * children of a filed application) before the commit. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-dossier-private.h"

static gboolean
blobs_equal (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer name, value;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      GBytes *other = g_hash_table_lookup (b, name);

      if (value == NULL || other == NULL ? value != other : !g_bytes_equal (value, other))
        return FALSE;
    }
  return TRUE;
}

static gboolean
rows_equal (IcwDossierRow *a,
            IcwDossierRow *b)
{
  g_autoptr(JsonNode) fa = json_node_init_object (json_node_alloc (), a->fields);
  g_autoptr(JsonNode) fb = json_node_init_object (json_node_alloc (), b->fields);

  return g_strcmp0 (a->created_at, b->created_at) == 0 && g_strcmp0 (a->updated_at, b->updated_at) == 0 &&
         g_strcmp0 (a->deleted_at, b->deleted_at) == 0 && json_node_equal (fa, fb) &&
         blobs_equal (a->blobs, b->blobs);
}

/* References and IDs against the file and the database; returns FALSE on a database error. *skip
 * tells that the database has this very row already. */
static gboolean
resolve_row (IcwStore       *self,
             IcwDossierRow  *row,
             GHashTable     *in_file,
             GPtrArray      *problems,
             gboolean       *skip,
             GError        **error)
{
  GPtrArray *refs = icw_store_dossier_schema (self)->refs[row->kind];
  const char *kind = icw_record_kind_to_key (row->kind);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcwDossierRow) existing = NULL;

  for (guint i = 0; i < refs->len; i++)
    {
      IcwDossierRef *ref = refs->pdata[i];
      const char *target = json_object_get_string_member_with_default (row->fields, ref->column, NULL);
      g_autofree char *sql = NULL, *found = NULL;
      gpointer target_kind;

      if (target == NULL)
        continue;
      if (g_hash_table_lookup_extended (in_file, target, NULL, &target_kind) &&
          GPOINTER_TO_UINT (target_kind) == ref->target)
        continue;
      sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?1", icw_store_table_for_kind (ref->target)->table);
      found = icw_store_query_text (self, sql, target, NULL);
      if (found == NULL)
        icw_problem_add (problems, _("Record %s “%s”: the field “%s” refers to “%s”, which is neither in the dossier nor in the database."),
                         kind, row->id, ref->column, target);
    }
  existing = icw_store_dossier_read_row (self, row->kind, row->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *skip = existing != NULL && rows_equal (existing, row);
  if (existing != NULL && !*skip)
    icw_problem_add (problems, _("Record %s “%s” is already in the database with other content; a dossier never overwrites a record."),
                     kind, row->id);
  return TRUE;
}

static char *
insert_sql (IcwStore       *self,
            const IcwTable *table)
{
  const char * const *blobs = icw_store_dossier_blob_columns (self, table->kind);
  GString *sql = g_string_new (NULL);
  guint n = 4;

  g_string_append_printf (sql, "INSERT INTO %s (id, revision, created_at, updated_at, deleted_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  for (guint i = 0; blobs[i] != NULL; i++)
    g_string_append_printf (sql, ", %s", blobs[i]);
  g_string_append (sql, ") VALUES (?1, NULL, ?2, ?3, ?4");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", ?%u", ++n);
  for (guint i = 0; blobs[i] != NULL; i++)
    g_string_append_printf (sql, ", ?%u", ++n);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

static gboolean
insert_row (IcwStore       *self,
            IcwDossierRow  *row,
            const char     *now,
            GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (row->kind);
  const char * const *blobs = icw_store_dossier_blob_columns (self, row->kind);
  g_autofree char *sql = insert_sql (self, table);
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);
  g_autoptr(GError) local_error = NULL;
  int index = 5;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, row->deleted_at, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < table->n_columns; i++)
    if (!icw_store_bind_json_column (self, stmt, index++, &table->columns[i], row->fields, error))
      {
        sqlite3_reset (stmt);
        return FALSE;
      }
  for (guint i = 0; blobs[i] != NULL; i++, index++)
    {
      GBytes *blob = g_hash_table_lookup (row->blobs, blobs[i]);

      if (blob == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_blob64 (stmt, index, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_TRANSIENT);
    }
  if (!icw_store_step_done (self, stmt, &local_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("Record %s “%s” breaks a rule of the database: %s"),
                   icw_record_kind_to_key (row->kind), row->id, local_error->message);
      return FALSE;
    }
  /* The trash of another database is not news for a server: only live rows are queued. */
  return row->deleted_at != NULL ||
         icw_store_write_outbox (self, table, row->id, "upsert", now, error);
}

/* A written live row, read back as a record, through the kind's rules as the store applies them
 * to a save (the column checks ran on the file's row already). */
static void
validate_written (IcwStore      *self,
                  IcwDossierRow *row,
                  GPtrArray     *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) record = icw_store_lookup (self, row->kind, row->id, &error);

  if (record == NULL || !icw_store_validate_stored (self, record, &error))
    icw_problem_add (problems, _("Record %s “%s”: %s"), icw_record_kind_to_key (row->kind), row->id,
                     error != NULL ? error->message : "");
}

static gboolean
write_rows (IcwStore                *self,
            GPtrArray               *rows,
            GPtrArray               *problems,
            GCancellable            *cancellable,
            IcwDossierWriteProgress  progress,
            gpointer                 user_data,
            guint                   *n_written,
            GError                 **error)
{
  g_autoptr(GHashTable) in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *skip = g_new0 (gboolean, rows->len);
  g_autofree char *now = icw_database_now ();

  for (guint i = 0; i < rows->len; i++)
    {
      IcwDossierRow *row = rows->pdata[i];

      g_hash_table_insert (in_file, row->id, GUINT_TO_POINTER (row->kind));
    }
  for (guint i = 0; i < rows->len; i++)
    if (!resolve_row (self, rows->pdata[i], in_file, problems, &skip[i], error))
      return FALSE;
  if (problems->len > 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE, "The dossier was not imported: %u problem was found.",
                                "The dossier was not imported: %u problems were found.", problems->len),
                   problems->len);
      return FALSE;
    }
  /* The file's order need not put a parent first; the references are checked at the commit. */
  if (!icw_database_exec (self->db, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!skip[i] && !insert_row (self, rows->pdata[i], now, error))
        return FALSE;
      *n_written += skip[i] ? 0 : 1;
      if (progress != NULL)
        progress (i + 1, rows->len, user_data);
    }
  for (guint i = 0; i < rows->len && problems->len < 200; i++)
    if (!skip[i] && ((IcwDossierRow *) rows->pdata[i])->deleted_at == NULL)
      validate_written (self, rows->pdata[i], problems);
  if (problems->len > 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE, "The dossier was not imported: %u problem was found.",
                                "The dossier was not imported: %u problems were found.", problems->len),
                   problems->len);
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_store_dossier_write (IcwStore                *self,
                         GPtrArray               *rows,
                         GPtrArray               *problems,
                         GCancellable            *cancellable,
                         IcwDossierWriteProgress  progress,
                         gpointer                 user_data,
                         guint                   *n_written,
                         GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  guint written = 0;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  if (!icw_store_check_undamaged (self, error) ||
      !write_rows (self, rows, problems, cancellable, progress, user_data, &written, error))
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  if (!icw_store_commit_batch (self, &local_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("The dossier was not imported: %s"), local_error->message);
      return FALSE;
    }
  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}
