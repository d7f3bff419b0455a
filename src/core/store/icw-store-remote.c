/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-remote.c: the store's side of sync: the outbox read as push batches, the server's
 * answers recorded (revision set, outbox rows dropped, later rows rebased), pulled records written
 * without an outbox row, and the sync client's small state. Generic over the table descriptors,
 * so a kind added later syncs without changes here. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-database.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-json-reader.h"
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

GPtrArray *
icw_store_outbox_batch (IcwStore  *self,
                        guint      limit,
                        gint64     up_to_seq,
                        gint64    *batch_max_seq,
                        GError   **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, "SELECT seq, kind, record_id, op, payload, base_revision "
                                                  "FROM outbox WHERE ?1 <= 0 OR seq <= ?1 ORDER BY seq", error);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_outbox_change_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  *batch_max_seq = 0;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, up_to_seq);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 2);
      IcwOutboxChange *change = g_hash_table_lookup (by_id, id);
      IcwRecordKind kind;

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

gboolean
icw_store_outbox_has_record (IcwStore   *self,
                             const char *id)
{
  g_autofree char *found = icw_store_query_text (self, "SELECT 1 FROM outbox WHERE record_id = ?1 LIMIT 1",
                                                 id, NULL);
  return found != NULL;
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
 * rows rebased. */
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
                                    "kind INTEGER NOT NULL, seq INTEGER NOT NULL, revision TEXT)", error) &&
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
      update = g_strdup_printf ("UPDATE %s SET revision = (SELECT a.revision FROM temp.sync_acks AS a WHERE a.id = %s.id) "
                                "WHERE id IN (SELECT id FROM temp.sync_acks WHERE kind = ?1)", table, table);
      kind_text = g_strdup_printf ("%u", kind);
      ok = exec_bound (self, update, error, kind_text, NULL);
    }
  ok = ok &&
       exec_bound (self, "DELETE FROM outbox WHERE seq IN (SELECT o.seq FROM temp.sync_acks AS a "
                         "JOIN outbox AS o ON o.record_id = a.id AND o.seq <= a.seq)", error, NULL) &&
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

static char *
remote_upsert_sql (const IcwTable *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (id, revision, created_at, updated_at, deleted_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") VALUES (?1, ?2, ?3, ?4, ?5");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 6);
  g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, "
                        "created_at = excluded.created_at, updated_at = excluded.updated_at, "
                        "deleted_at = excluded.deleted_at");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s = excluded.%s", table->columns[i].name, table->columns[i].name);
  return g_string_free (sql, FALSE);
}

/* The statement's text, built once per kind for the life of the process (a pull writes it for
 * every record; building it and hashing a new copy cost more than the INSERT itself). */
static const char *
cached_upsert_sql (const IcwTable *table)
{
  static char *sql[ICW_N_RECORD_KINDS];

  if (g_once_init_enter (&sql[table->kind]))
    g_once_init_leave (&sql[table->kind], remote_upsert_sql (table));
  return sql[table->kind];
}

/* A pulled record's members read in place (icw-json-reader.h): the values of the upsert's
 * columns, the last of a name winning as in a parsed object. */
typedef struct {
  IcwJsonValue id;
  IcwJsonValue created_at;
  IcwJsonValue updated_at;
  IcwJsonValue deleted_at;
  IcwJsonValue columns[];   /* the table's columns, in its order; ICW_JSON_NULL when absent */
} RemoteMembers;

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

static gboolean
read_members (const IcwTable     *table,
              const IcwJsonValue *object,
              RemoteMembers      *members)
{
  IcwJsonIter iter;
  IcwJsonValue name, value;
  guint hint = 0;
  int more;

  members->id.type = members->created_at.type = members->updated_at.type = members->deleted_at.type = ICW_JSON_NULL;
  for (guint i = 0; i < table->n_columns; i++)
    members->columns[i].type = ICW_JSON_NULL;
  icw_json_iter_init (&iter, object);
  while ((more = icw_json_iter_next (&iter, &name, &value)) > 0)
    {
      int column = find_column (table, &name, &hint);

      if (column >= 0)
        members->columns[column] = value;
      else if (name_is (&name, "id"))
        members->id = value;
      else if (name_is (&name, "created_at"))
        members->created_at = value;
      else if (name_is (&name, "updated_at"))
        members->updated_at = value;
      else if (name_is (&name, "deleted_at"))
        members->deleted_at = value;
    }
  return more == 0;
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
    sqlite3_bind_text (stmt, index, now, -1, SQLITE_TRANSIENT);
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
          g_autofree char *text = g_strndup (value->start, value->end - value->start);
          g_autoptr(JsonNode) node = json_from_string (text, NULL);

          if (node == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, index, json_to_string (node, FALSE), -1, g_free);
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

static gboolean
write_remote_row (IcwStore            *self,
                  const IcwTable      *table,
                  const RemoteMembers *members,
                  const char          *revision,
                  gboolean             deleted,
                  int                  legacy_role_column,
                  GError             **error)
{
  g_autofree char *now = icw_database_now ();
  sqlite3_stmt *stmt = icw_store_statement (self, cached_upsert_sql (table), error);

  if (stmt == NULL)
    return FALSE;
  bind_string (stmt, 1, &members->id);
  sqlite3_bind_text (stmt, 2, revision, -1, SQLITE_TRANSIENT);
  bind_time (stmt, 3, &members->created_at, now);
  bind_time (stmt, 4, &members->updated_at, now);
  if (deleted)
    bind_time (stmt, 5, &members->deleted_at, now);
  else
    sqlite3_bind_null (stmt, 5);
  for (guint i = 0; i < table->n_columns; i++)
    if (!bind_member (stmt, 6 + (int) i, &table->columns[i], &members->columns[i], (int) i == legacy_role_column))
      {
        sqlite3_reset (stmt);
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("The server sent a record whose field “%s” has a value of the wrong type"),
                     table->columns[i].name);
        return FALSE;
      }
  return icw_store_step_done (self, stmt, error);
}

/* A member pushed by a workbench of before issue 15 may still be on the server in the role
 * "user": applied as an ordinary member whose organization is a user enterprise (the flag set
 * here only, as the database's migration does). Returns the role's column, or -1. */
static int
legacy_role_column (IcwRecordKind        kind,
                    const IcwTable      *table,
                    const RemoteMembers *members,
                    char               **user_organization)
{
  *user_organization = NULL;
  if (kind != ICW_RECORD_KIND_ALLIANCE_MEMBER)
    return -1;
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, "role"))
      {
        g_autofree char *role = members->columns[i].type == ICW_JSON_STRING ? icw_json_string_dup (&members->columns[i]) : NULL;

        if (role == NULL || !icw_member_role_is_legacy_user (role))
          return -1;
        for (guint j = 0; j < table->n_columns; j++)
          if (g_str_equal (table->columns[j].name, "organization_id") && members->columns[j].type == ICW_JSON_STRING)
            *user_organization = icw_json_string_dup (&members->columns[j]);
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

  return icw_store_apply_remote_text (self, kind, json, strlen (json), revision, deleted, error);
}

/* The record's text is read in place, its members bound straight into the upsert: no tree is
 * built (json-glib's tree of a pulled page cost three times the row's own write;
 * docs/performance.md). */
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
  g_autofree RemoteMembers *members = g_malloc (sizeof (RemoteMembers) + table->n_columns * sizeof (IcwJsonValue));
  g_autofree char *user_organization = NULL;
  g_autofree char *id = NULL;
  IcwJsonValue object;
  int role_column;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  if (!g_utf8_validate_len (json, length, NULL) || !icw_json_read_document (json, length, &object) ||
      object.type != ICW_JSON_OBJECT || !read_members (table, &object, members))
    return icw_store_invalid (error, _("The server sent a record that is not a JSON object"));
  if (members->id.type != ICW_JSON_STRING || (id = icw_json_string_dup (&members->id)) == NULL || *id == '\0')
    return icw_store_invalid (error, _("The server sent a record without an ID"));
  role_column = legacy_role_column (kind, table, members, &user_organization);

  if (!icw_store_begin_batch (self, error))
    return FALSE;
  /* A page may hold a child before its parent; the references are checked at the commit. */
  if (!defer_foreign_keys (self, error) ||
      !write_remote_row (self, table, members, revision, deleted, role_column, error) ||
      (!deleted && !mark_user_enterprise (self, user_organization, error)))
    {
      icw_store_rollback_batch (self);
      return FALSE;
    }
  icw_store_refresh_loaded (self, table, id);
  return icw_store_commit_batch (self, error);
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
