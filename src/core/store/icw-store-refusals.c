/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-refusals.c: Discard My Change for a change the server refused. A record the server has
 * is asked back from it (a refetch entry in the sync state, which the client fetches at its next
 * run); a new record it never had is deleted here; a new record whose ID another center took first
 * gets a fresh UUID, and every reference to it (children, links, its lineage) follows, each
 * changed row going out again so that it all syncs under the new ID. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-store-private.h"
#include "icw-store-sync.h"

/* The rows of table whose column refers to old_id now refer to new_id, and go out again. */
static gboolean
follow_references (IcwStore        *self,
                   const IcwTable  *table,
                   const char      *column,
                   const char      *old_id,
                   const char      *new_id,
                   const char      *now,
                   GError         **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", table->table, column);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE %s = ?1", table->table, column, column);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = icw_store_statement (self, select, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, old_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (ids->len == 0)
    return TRUE;
  if (!icw_store_exec_texts (self, update, old_id, new_id, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      /* A child refused for want of its parent goes again with the parent's new ID. */
      if (!icw_store_exec_texts (self, "DELETE FROM sync_conflicts WHERE record_id = ?1 AND reason IS NOT NULL",
                     ids->pdata[i], NULL, error) ||
          !icw_store_write_outbox (self, table, ids->pdata[i], "upsert", now, error))
        return FALSE;
      icw_store_refresh_loaded (self, table, ids->pdata[i]);
    }
  return TRUE;
}

static gboolean
rekey (IcwStore       *self,
       const IcwTable *table,
       const char     *old_id,
       char          **new_id_out,
       GError        **error)
{
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *now = icw_database_now ();
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET id = ?2 WHERE id = ?1", table->table);

  /* The references are changed after the row: checked at the commit. */
  if (!icw_database_exec (self->db, "PRAGMA defer_foreign_keys = ON", error) ||
      !icw_store_exec_texts (self, update, old_id, new_id, error) ||
      !icw_store_exec_texts (self, "DELETE FROM outbox WHERE record_id = ?1", old_id, NULL, error))
    return FALSE;
  /* The search index is keyed by the row id (migration 13), which a new id leaves as it is. */
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    {
      const IcwTable *other = icw_store_table_for_kind (kind);

      for (guint i = 0; i < other->n_columns; i++)
        if (other->columns[i].type == ICW_COLUMN_TEXT && g_str_has_suffix (other->columns[i].name, "_id") &&
            !follow_references (self, other, other->columns[i].name, old_id, new_id, now, error))
          return FALSE;
    }
  if (!icw_store_write_outbox (self, table, new_id, "upsert", now, error))
    return FALSE;
  icw_store_rename_loaded (self, old_id, new_id);
  icw_store_refresh_loaded (self, table, new_id);
  if (new_id_out != NULL)
    *new_id_out = g_steal_pointer (&new_id);
  return TRUE;
}

gboolean
icw_store_discard_refused (IcwStore       *self,
                           IcwRecordKind   kind,
                           const char     *id,
                           gboolean        id_taken,
                           char          **new_id,
                           GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *revision = icw_store_local_revision (self, kind, id);
  g_autofree char *sql = NULL;
  g_autofree char *now = NULL;
  g_autofree char *key = NULL;

  if (revision == NULL && id_taken)
    return rekey (self, table, id, new_id, error);
  if (revision == NULL)
    {
      /* Never on the server: there is no version of it to go back to. */
      now = icw_database_now ();
      sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL", table->table);
      if (!icw_store_exec_texts (self, sql, now, id, error) ||
          !icw_store_exec_texts (self, "DELETE FROM outbox WHERE record_id = ?1", id, NULL, error))
        return FALSE;
      icw_store_refresh_loaded (self, table, id);
      return TRUE;
    }
  key = g_strdup_printf (ICW_SYNC_REFETCH_PREFIX "%s %s", icw_record_kind_to_key (kind), id);
  return icw_store_exec_texts (self, "DELETE FROM outbox WHERE record_id = ?1", id, NULL, error) &&
         icw_store_sync_state_set (self, key, "1", error);
}
