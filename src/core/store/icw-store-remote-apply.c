/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-remote-apply.c: pulled records written as the server sent them, without an outbox row.
 * A record's JSON text is read in place (icw-json-reader.h) into the values of the upsert's
 * columns: no tree. A pull group's records go in batches (IcwRemoteBatch): the rows of one kind
 * that follow each other are written by one INSERT … SELECT over them (icw-store-pulled-rows.c),
 * because every statement that writes a table with a full-text index inside a transaction keeps
 * a statement journal and makes FTS5 flush its pending index data (docs/performance.md). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-database.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-json-reader.h"
#include "icw-json-record.h"
#include "icw-store-private.h"
#include "icw-store-pulled-rows.h"
#include "icw-store-sync.h"

typedef IcwPulledRow RemoteRow;

struct _IcwRemoteBatch {
  IcwStore       *store;
  const IcwTable *table;    /* the kind of the rows waiting, or NULL */
  GPtrArray      *rows;     /* RemoteRow*, waiting */
  GPtrArray      *ids;      /* of the rows waiting, refreshed once they are written */
};

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

/* rows[0..n_rows) by one statement. */
static gboolean
write_rows (IcwStore        *self,
            const IcwTable  *table,
            RemoteRow      **rows,
            guint            n_rows,
            int              legacy_role_column,
            const char      *now,
            GError         **error)
{
  IcwPulledRows pulled = { table, rows, n_rows, legacy_role_column, now, -1 };

  return icw_store_write_pulled (self, &pulled, error);
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
  batch->rows = g_ptr_array_new_with_free_func (g_free);
  batch->ids = g_ptr_array_new_with_free_func (g_free);
  return batch;
}

static void
drop_rows (IcwRemoteBatch *batch)
{
  g_ptr_array_set_size (batch->rows, 0);
  batch->table = NULL;
}

void
icw_remote_batch_free (IcwRemoteBatch *batch)
{
  drop_rows (batch);
  g_ptr_array_unref (batch->rows);
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
  gboolean ok;

  if (batch->rows->len == 0)
    return TRUE;
  now = icw_database_now ();
  /* In a transaction of the caller's (the group's): a failure is undone with it. */
  ok = icw_store_begin_batch (self, error) && defer_foreign_keys (self, error) &&
       write_rows (self, batch->table, (RemoteRow **) batch->rows->pdata, batch->rows->len, -1, now, error);
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
  if (batch->table != NULL && batch->table != table)
    if (!icw_remote_batch_flush (batch, error))
      {
        g_free (row);
        return FALSE;
      }
  batch->table = table;
  g_ptr_array_add (batch->rows, row);
  g_ptr_array_add (batch->ids, g_steal_pointer (&id));
  return TRUE;
}
