/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-remote.c: the store's side of sync: the outbox read as push batches, the server's
 * answers recorded (revision set, outbox rows dropped, later rows rebased), and the sync client's
 * small state; pulled records are written by icw-store-remote-apply.c. Generic over the table
 * descriptors, so a kind added later syncs without changes here. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-store-private.h"
#include "icw-store-sync.h"

gboolean
icw_record_kind_from_key (const char    *key,
                          IcwRecordKind *out)
{
  for (guint kind = 0; key != NULL && kind < ICW_N_RECORD_KINDS; kind++)
    if (g_str_equal (key, icw_record_kind_to_key (kind)))
      {
        *out = kind;
        return TRUE;
      }
  return FALSE;
}

const char *
icw_record_kind_parent_column (IcwRecordKind kind)
{
  return icw_store_table_for_kind (kind)->parent_column;
}

gboolean
icw_record_kind_is_parent_column (IcwRecordKind  kind,
                                  const char    *column)
{
  const IcwTable *table = icw_store_table_for_kind (kind);

  return column != NULL && (g_strcmp0 (column, table->parent_column) == 0 ||
                            g_strcmp0 (column, table->other_parent_column) == 0);
}

void
icw_outbox_change_free (IcwOutboxChange *change)
{
  g_free (change->id);
  g_free (change->op);
  g_free (change->payload);
  g_free (change->base_revision);
  g_free (change);
}

static GPtrArray *
read_outbox_batch (IcwStore    *self,
                   guint        limit,
                   gint64       after_seq,
                   gint64       up_to_seq,
                   GHashTable  *stop_at,
                   gint64      *batch_max_seq,
                   GError     **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, "SELECT seq, kind, record_id, op, payload, base_revision "
                                                  "FROM outbox WHERE (?1 <= 0 OR seq <= ?1) AND seq > ?2 "
                                                  "ORDER BY seq", error);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_outbox_change_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, up_to_seq);
  sqlite3_bind_int64 (stmt, 2, MAX (after_seq, 0));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 2);
      IcwOutboxChange *change = g_hash_table_lookup (by_id, id);
      IcwRecordKind kind;

      /* A record of the batch still on its way: the batch ends before its row, which waits. */
      if (stop_at != NULL && id != NULL && g_hash_table_contains (stop_at, id))
        break;

      if (!icw_record_kind_from_key ((const char *) sqlite3_column_text (stmt, 1), &kind))
        continue;   /* a kind of a newer version: left for it */
      if (change == NULL)
        {
          if (changes->len >= limit)
            break;
          change = g_new0 (IcwOutboxChange, 1);
          change->kind = kind;
          change->id = g_strdup (id);
          change->base_revision = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
          g_ptr_array_add (changes, change);
          g_hash_table_insert (by_id, change->id, change);
        }
      g_free (change->op);
      g_free (change->payload);
      change->op = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      change->payload = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      change->max_seq = sqlite3_column_int64 (stmt, 0);
      *batch_max_seq = change->max_seq;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

/* The rows are read and the read mark raised to the batch's highest seq in one BEGIN IMMEDIATE
 * transaction (or the caller's): no save can fold into a row of the batch between the read and
 * the mark (icw-store-outbox.c). The mark is written only when it rises, so a batch sent again
 * (up_to_seq) or an empty outbox commits without writing.
 *
 * Its own transaction commits under synchronous=NORMAL, without an fsync: the sync client writes
 * the batch's key and seq under FULL before the batch goes (icw-sync-client.c), and that commit's
 * sync of the WAL holds the mark's frames too (they come before it). A power cut that undoes the
 * mark undoes no key, so the batch never went and its rows may fold again; an edit saved after
 * the mark commits under FULL and syncs it as well. */
/* FULL set again after the mark's transaction; if it cannot be now, the next write sets it first
 * or is refused (icw_store_restore_durability). */
static void
restore_after_mark (IcwStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!icw_store_restore_durability (self, &error))
    g_warning ("The database's durability was not set back after reading a push batch: %s", error->message);
}

GPtrArray *
icw_store_outbox_batch (IcwStore  *self,
                        guint      limit,
                        gint64     up_to_seq,
                        gint64    *batch_max_seq,
                        GError   **error)
{
  return icw_store_outbox_batch_after (self, limit, 0, up_to_seq, NULL, batch_max_seq, error);
}

GPtrArray *
icw_store_outbox_batch_after (IcwStore    *self,
                              guint        limit,
                              gint64       after_seq,
                              gint64       up_to_seq,
                              GHashTable  *stop_at,
                              gint64      *batch_max_seq,
                              GError     **error)
{
  gboolean own = self->batch_depth == 0;
  g_autoptr(GPtrArray) changes = NULL;
  sqlite3_stmt *mark;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  *batch_max_seq = 0;
  if (own)
    {
      self->relaxed = TRUE;
      if (!icw_database_set_synchronous (self->db, FALSE, error) || !icw_database_begin (self->db, error))
        {
          restore_after_mark (self);
          return NULL;
        }
    }
  changes = read_outbox_batch (self, limit, after_seq, up_to_seq, stop_at, batch_max_seq, error);
  if (changes != NULL && *batch_max_seq > 0)
    {
      mark = icw_store_statement (self, "UPDATE outbox_high_water SET read_seq = ?1 WHERE read_seq < ?1", error);
      if (mark != NULL)
        sqlite3_bind_int64 (mark, 1, *batch_max_seq);
      if (mark == NULL || !icw_store_step_done (self, mark, error))
        g_clear_pointer (&changes, g_ptr_array_unref);
    }
  if (!own)
    return g_steal_pointer (&changes);
  if (changes == NULL)
    {
      icw_database_rollback (self->db);
      restore_after_mark (self);
      return NULL;
    }
  if (!icw_database_commit (self->db, error))
    {
      restore_after_mark (self);
      return NULL;
    }
  restore_after_mark (self);
  return g_steal_pointer (&changes);
}

gboolean
icw_store_outbox_has_record (IcwStore   *self,
                             const char *id)
{
  g_autofree char *found = icw_store_query_text (self, "SELECT 1 FROM outbox WHERE record_id = ?1 LIMIT 1",
                                                 id, NULL);
  return found != NULL;
}

/* TRUE also when it cannot be told: the caller then asks for each record, as before. */
gboolean
icw_store_has_local_changes (IcwStore *self)
{
  sqlite3_stmt *stmt = icw_store_statement (self, "SELECT EXISTS (SELECT 1 FROM outbox) "
                                                  "OR EXISTS (SELECT 1 FROM sync_conflicts)", NULL);
  gboolean some = TRUE;

  if (stmt == NULL)
    return TRUE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    some = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return some;
}

void
icw_store_refresh_loaded (IcwStore       *self,
                          const IcwTable *table,
                          const char     *id)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (g_hash_table_lookup (self->objects, id) == NULL)
    return;
  sql = icw_store_select_sql (table, "id = ?1");
  stmt = icw_store_statement (self, sql, NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_object_unref (icw_store_load_row (self, table, stmt));
  sqlite3_reset (stmt);
}

static gboolean
exec_bound (IcwStore    *self,
            const char  *sql,
            GError     **error,
            ...)
{
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);
  const char *param;
  va_list args;
  int index = 1;

  if (stmt == NULL)
    return FALSE;
  va_start (args, error);
  while ((param = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, index++, param, -1, SQLITE_TRANSIENT);
  va_end (args);
  return icw_store_step_done (self, stmt, error);
}

gboolean
icw_store_ack_change (IcwStore       *self,
                      IcwRecordKind   kind,
                      const char     *id,
                      gint64          max_seq,
                      const char     *revision,
                      GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET revision = ?1 WHERE id = ?2", table->table);
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);
  gboolean ok;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  ok = exec_bound (self, update, error, revision, id, NULL) &&
       exec_bound (self, "DELETE FROM outbox WHERE record_id = ?1 AND seq <= ?2", error, id, seq, NULL) &&
       exec_bound (self, "UPDATE outbox SET base_revision = ?1 WHERE record_id = ?2", error, revision, id, NULL);
  if (!ok)
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  icw_store_refresh_loaded (self, table, id);
  return icw_store_commit_batch (self, error);
}

/* The batch's acknowledgements go into a temporary table first (one cached INSERT a change), then
 * three set statements join it: the revisions of each kind, the outbox rows dropped, the later
 * rows rebased. The table is WITHOUT ROWID: one B-tree keyed by the id, where a rowid table kept
 * the rows and an index of the ids (4 k instructions a change less, docs/performance.md). */
gboolean
icw_store_ack_changes (IcwStore           *self,
                       GPtrArray          *changes,
                       const char *const  *revisions,
                       GError            **error)
{
  gboolean kinds[ICW_N_RECORD_KINDS] = { FALSE, };
  sqlite3_stmt *insert;
  gboolean ok = TRUE;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (changes->len == 0)
    return TRUE;
  if (!icw_store_begin_batch (self, error))
    return FALSE;
  ok = icw_database_exec (self->db, "CREATE TEMP TABLE IF NOT EXISTS sync_acks (id TEXT PRIMARY KEY NOT NULL, "
                                    "kind INTEGER NOT NULL, seq INTEGER NOT NULL, revision TEXT) WITHOUT ROWID", error) &&
       exec_bound (self, "DELETE FROM temp.sync_acks", error, NULL) &&
       (insert = icw_store_statement (self, "INSERT OR REPLACE INTO temp.sync_acks (id, kind, seq, revision) "
                                            "VALUES (?1, ?2, ?3, ?4)", error)) != NULL;
  for (guint i = 0; ok && i < changes->len; i++)
    {
      IcwOutboxChange *change = changes->pdata[i];

      kinds[change->kind] = TRUE;
      sqlite3_bind_text (insert, 1, change->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 2, change->kind);
      sqlite3_bind_int64 (insert, 3, change->max_seq);
      sqlite3_bind_text (insert, 4, revisions[i], -1, SQLITE_STATIC);
      ok = icw_store_step_done (self, insert, error);
    }
  for (guint kind = 0; ok && kind < ICW_N_RECORD_KINDS; kind++)
    {
      const char *table = icw_store_table_for_kind (kind)->table;
      g_autofree char *update = NULL;
      g_autofree char *kind_text = NULL;

      if (!kinds[kind])
        continue;
      update = g_strdup_printf ("UPDATE %s SET revision = a.revision FROM temp.sync_acks AS a "
                                "WHERE a.kind = ?1 AND %s.id = a.id", table, table);
      kind_text = g_strdup_printf ("%u", kind);
      ok = exec_bound (self, update, error, kind_text, NULL);
    }
  ok = ok &&
       exec_bound (self, "DELETE FROM outbox WHERE record_id IN (SELECT id FROM temp.sync_acks) "
                         "AND seq <= (SELECT a.seq FROM temp.sync_acks AS a WHERE a.id = outbox.record_id)",
                   error, NULL) &&
       exec_bound (self, "UPDATE outbox SET base_revision = (SELECT a.revision FROM temp.sync_acks AS a "
                         "WHERE a.id = outbox.record_id) WHERE record_id IN (SELECT id FROM temp.sync_acks)",
                   error, NULL) &&
       exec_bound (self, "DELETE FROM temp.sync_acks", error, NULL);
  if (!ok)
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      IcwOutboxChange *change = changes->pdata[i];

      icw_store_refresh_loaded (self, icw_store_table_for_kind (change->kind), change->id);
    }
  return icw_store_commit_batch (self, error);
}

gboolean
icw_store_bind_json_column (IcwStore        *self,
                            sqlite3_stmt    *stmt,
                            int              index,
                            const IcwColumn *column,
                            JsonObject      *object,
                            GError         **error)
{
  JsonNode *node = json_object_get_member (object, column->name);
  gboolean is_null = node == NULL || JSON_NODE_HOLDS_NULL (node);
  GType type = is_null ? G_TYPE_INVALID : json_node_get_value_type (node);
  guint value;

  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      if (is_null)
        sqlite3_bind_null (stmt, index);
      else if (type == G_TYPE_STRING)
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      else if (column->structured && (JSON_NODE_HOLDS_ARRAY (node) || JSON_NODE_HOLDS_OBJECT (node)))
        sqlite3_bind_text (stmt, index, json_to_string (node, FALSE), -1, g_free);
      else
        goto bad;
      return TRUE;
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
    case ICW_COLUMN_BOOL:
      if (is_null)
        sqlite3_bind_int64 (stmt, index, 0);
      else if (type == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      else if (type == G_TYPE_BOOLEAN && column->type == ICW_COLUMN_BOOL)
        sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
      else
        goto bad;
      return TRUE;
    case ICW_COLUMN_ENUM:
      if (is_null)
        sqlite3_bind_text (stmt, index, column->to_key (0), -1, SQLITE_STATIC);
      else if (type == G_TYPE_STRING && column->from_key (json_node_get_string (node), &value))
        sqlite3_bind_text (stmt, index, column->to_key (value), -1, SQLITE_STATIC);
      else
        goto bad;
      return TRUE;
    default:
      g_assert_not_reached ();
    }

bad:
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
               _("The server sent a record whose field “%s” has a value of the wrong type"), column->name);
  return FALSE;
}

char *
icw_store_local_revision (IcwStore      *self,
                          IcwRecordKind  kind,
                          const char    *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM %s WHERE id = ?1",
                                          icw_store_table_for_kind (kind)->table);
  return icw_store_query_text (self, sql, id, NULL);
}

char *
icw_store_sync_state_get (IcwStore   *self,
                          const char *key)
{
  return icw_store_query_text (self, "SELECT value FROM sync_state WHERE key = ?1", key, NULL);
}

gboolean
icw_store_sync_state_set (IcwStore    *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  gboolean ok;

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  if (value == NULL)
    ok = exec_bound (self, "DELETE FROM sync_state WHERE key = ?1", error, key, NULL);
  else
    ok = exec_bound (self, "INSERT INTO sync_state (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error, key, value, NULL);
  if (!ok)
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  return icw_store_commit_batch (self, error);
}

char **
icw_store_sync_state_keys (IcwStore   *self,
                           const char *prefix)
{
  sqlite3_stmt *stmt = icw_store_statement (self, "SELECT key FROM sync_state WHERE substr(key, 1, length(?1)) = ?1 "
                                                  "ORDER BY key", NULL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (keys, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (keys);
}

gboolean
icw_store_syncs_with_server (IcwStore *self)
{
  g_autofree char *found = icw_store_query_text (self, "SELECT 1 FROM sync_state WHERE key LIKE 'cursor %' "
                                                       "OR key LIKE 'pending-key %' LIMIT 1", NULL);
  return found != NULL;
}
