/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-conflicts.c: the sync conflicts the user decides: kept as rows with both versions
 * (mine, the server's), listed, and resolved by keeping mine (pushed again on the server's
 * revision), keeping theirs (written as the server has it), or keeping both (theirs under the
 * record's ID, mine as a copy with a new ID). Nothing is dropped without the user's choice. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-lifecycle-graph.h"
#include "icw-store-private.h"
#include "icw-store-sync.h"

void
icw_sync_conflict_free (IcwSyncConflict *conflict)
{
  g_free (conflict->record_id);
  g_free (conflict->mine);
  g_free (conflict->mine_op);
  g_free (conflict->theirs);
  g_free (conflict->their_revision);
  g_free (conflict->reason);
  g_free (conflict->code);
  g_free (conflict->field);
  g_free (conflict->detected_at);
  g_free (conflict);
}

gboolean
icw_store_add_conflict (IcwStore       *self,
                        IcwRecordKind   kind,
                        const char     *id,
                        gint64          max_seq,
                        const char     *theirs,
                        const char     *their_revision,
                        gboolean        their_deleted,
                        const char     *reason,
                        GError        **error)
{
  g_autofree char *now = icw_database_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  if (max_seq <= 0)
    max_seq = G_MAXINT64;

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  /* My version is the latest outbox row of the record; an earlier conflict of the same record
   * gives its own when the outbox has none left (mine was already moved there). */
  stmt = icw_store_statement (self,
    "INSERT INTO sync_conflicts (kind, record_id, mine, mine_op, theirs, their_revision, their_deleted, reason, detected_at,"
    "                            reason_code, reason_field) "
    "SELECT ?1, ?2, coalesce((SELECT payload FROM outbox WHERE record_id = ?2 AND seq <= ?3 ORDER BY seq DESC LIMIT 1),"
    "                        (SELECT mine FROM sync_conflicts WHERE record_id = ?2 ORDER BY seq DESC LIMIT 1)),"
    "  coalesce((SELECT op FROM outbox WHERE record_id = ?2 AND seq <= ?3 ORDER BY seq DESC LIMIT 1),"
    "           (SELECT mine_op FROM sync_conflicts WHERE record_id = ?2 ORDER BY seq DESC LIMIT 1)),"
    "  ?4, ?5, ?6, coalesce(?7, (SELECT reason FROM sync_conflicts WHERE record_id = ?2 ORDER BY seq DESC LIMIT 1)), ?8,"
    "  CASE WHEN ?7 IS NULL THEN (SELECT reason_code FROM sync_conflicts WHERE record_id = ?2 ORDER BY seq DESC LIMIT 1) END,"
    "  CASE WHEN ?7 IS NULL THEN (SELECT reason_field FROM sync_conflicts WHERE record_id = ?2 ORDER BY seq DESC LIMIT 1) END", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, icw_record_kind_to_key (kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, max_seq);
      sqlite3_bind_text (stmt, 4, theirs, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, their_revision, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, their_deleted ? 1 : 0);
      sqlite3_bind_text (stmt, 7, reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
      ok = icw_store_step_done (self, stmt, error);
    }
  /* One conflict per record: the newest holds both versions. */
  stmt = ok ? icw_store_statement (self, "DELETE FROM sync_conflicts WHERE record_id = ?1 AND seq < last_insert_rowid()", error) : NULL;
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      ok = icw_store_step_done (self, stmt, error);
    }
  stmt = ok ? icw_store_statement (self, "DELETE FROM outbox WHERE record_id = ?1 AND seq <= ?2", error) : NULL;
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, max_seq);
      ok = icw_store_step_done (self, stmt, error);
    }
  if (!ok)
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  return icw_store_commit_batch (self, error);
}

gboolean
icw_store_add_rejection (IcwStore       *self,
                         IcwRecordKind   kind,
                         const char     *id,
                         gint64          max_seq,
                         const char     *code,
                         const char     *reason,
                         const char     *field,
                         GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ICW_IS_STORE (self) && reason != NULL, FALSE);

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  ok = icw_store_add_conflict (self, kind, id, max_seq, NULL, NULL, FALSE, reason, error);
  stmt = ok ? icw_store_statement (self, "UPDATE sync_conflicts SET reason_code = ?1, reason_field = ?2 "
                                         "WHERE record_id = ?3", error) : NULL;
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
      ok = icw_store_step_done (self, stmt, error);
    }
  if (!ok)
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  return icw_store_commit_batch (self, error);
}

static IcwSyncConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  IcwSyncConflict *conflict = g_new0 (IcwSyncConflict, 1);

  conflict->seq = sqlite3_column_int64 (stmt, 0);
  icw_record_kind_from_key ((const char *) sqlite3_column_text (stmt, 1), &conflict->kind);
  conflict->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  conflict->mine = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  conflict->mine_op = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  conflict->theirs = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  conflict->their_revision = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  conflict->their_deleted = sqlite3_column_int (stmt, 7) != 0;
  conflict->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  conflict->detected_at = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  conflict->code = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  conflict->field = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  return conflict;
}

static const char conflict_select[] =
  "SELECT seq, kind, record_id, mine, mine_op, theirs, their_revision, their_deleted, reason, detected_at, "
  "reason_code, reason_field "
  "FROM sync_conflicts";

GPtrArray *
icw_store_list_conflicts (IcwStore  *self,
                          GError   **error)
{
  g_autofree char *sql = g_strconcat (conflict_select, " ORDER BY seq", NULL);
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_sync_conflict_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, conflict_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, self->db, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
icw_store_count_conflicts (IcwStore *self)
{
  g_autofree char *count = icw_store_query_text (self, "SELECT count(*) FROM sync_conflicts", NULL);

  return count != NULL ? g_ascii_strtoll (count, NULL, 10) : -1;
}

static IcwSyncConflict *
find_conflict (IcwStore  *self,
               gint64     seq,
               GError   **error)
{
  g_autofree char *sql = g_strconcat (conflict_select, " WHERE seq = ?1", NULL);
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);
  IcwSyncConflict *conflict = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    conflict = conflict_from_row (stmt);
  sqlite3_reset (stmt);
  if (conflict == NULL)
    g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("The conflict was already resolved"));
  return conflict;
}

/* Mine goes out again, based on the server's revision, so that the server takes it. The local row
 * holds mine: a pull never overwrote it. */
static gboolean
keep_mine (IcwStore         *self,
           IcwSyncConflict  *conflict,
           GError          **error)
{
  const IcwTable *table = icw_store_table_for_kind (conflict->kind);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET revision = ?1 WHERE id = ?2", table->table);
  g_autofree char *now = icw_database_now ();
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, conflict->their_revision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, conflict->record_id, -1, SQLITE_TRANSIENT);
  if (!icw_store_step_done (self, stmt, error) ||
      !icw_store_write_outbox (self, table, conflict->record_id,
                               conflict->mine_op != NULL ? conflict->mine_op : "upsert", now, error))
    return FALSE;
  icw_store_refresh_loaded (self, table, conflict->record_id);
  return TRUE;
}

/* Mine as a new record: a new ID, never synced; a filed document starts again as a draft of
 * version 1 of its own lineage. */
static gboolean
save_copy (IcwStore         *self,
           IcwSyncConflict  *conflict,
           char            **copy_id,
           GError          **error)
{
  const IcwTable *table = icw_store_table_for_kind (conflict->kind);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = icw_database_now ();
  g_autoptr(GString) sql = g_string_new (NULL);
  JsonObject *object;
  sqlite3_stmt *stmt;

  if (conflict->mine == NULL || !json_parser_load_from_data (parser, conflict->mine, -1, NULL) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return icw_store_invalid (error, _("There is no version of yours to keep"));
  object = json_node_get_object (json_parser_get_root (parser));
  if (icw_record_kind_has_lifecycle (conflict->kind))
    {
      json_object_set_string_member (object, "status", "draft");
      json_object_set_string_member (object, "lineage_id", id);
      json_object_set_int_member (object, "version", 1);
      json_object_set_null_member (object, "reviewer_comments");
    }

  g_string_append_printf (sql, "INSERT INTO %s (id, created_at, updated_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") VALUES (?1, ?2, ?2");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 3);
  g_string_append (sql, ")");
  stmt = icw_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < table->n_columns; i++)
    if (!icw_store_bind_json_column (self, stmt, 3 + i, &table->columns[i], object, error))
      {
        sqlite3_reset (stmt);
        return FALSE;
      }
  if (!icw_store_step_done (self, stmt, error) ||
      !icw_store_write_outbox (self, table, id, "upsert", now, error))
    return FALSE;
  if (copy_id != NULL)
    *copy_id = g_steal_pointer (&id);
  return TRUE;
}

gboolean
icw_store_resolve_conflict (IcwStore               *self,
                            gint64                  seq,
                            IcwConflictResolution   resolution,
                            char                  **copy_id,
                            GError                **error)
{
  g_autoptr(IcwSyncConflict) conflict = NULL;
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  conflict = find_conflict (self, seq, error);
  ok = conflict != NULL;
  if (ok && resolution == ICW_CONFLICT_KEEP_MINE)
    ok = keep_mine (self, conflict, error);
  else if (ok && resolution == ICW_CONFLICT_KEEP_BOTH)
    ok = save_copy (self, conflict, copy_id, error);
  else if (ok && resolution == ICW_CONFLICT_DISCARD_MINE && conflict->theirs == NULL)
    ok = icw_store_discard_refused (self, conflict->kind, conflict->record_id,
                                    g_strcmp0 (conflict->code, "id-taken") == 0, copy_id, error);
  /* Theirs is written under the record's ID for keeping theirs or both; a rejected change has no
   * version of theirs: keeping theirs then only gives mine up. */
  if (ok && resolution != ICW_CONFLICT_KEEP_MINE && conflict->theirs != NULL)
    ok = icw_store_apply_remote (self, conflict->kind, conflict->theirs, conflict->their_revision,
                                 conflict->their_deleted, error);
  stmt = ok ? icw_store_statement (self, "DELETE FROM sync_conflicts WHERE seq = ?1", error) : NULL;
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, seq);
      ok = icw_store_step_done (self, stmt, error);
    }
  if (!ok)
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  return icw_store_commit_batch (self, error);
}

gboolean
icw_store_conflict_has_record (IcwStore   *self,
                               const char *id)
{
  g_autofree char *found = icw_store_query_text (self, "SELECT 1 FROM sync_conflicts WHERE record_id = ?1 LIMIT 1",
                                                 id, NULL);
  return found != NULL;
}
