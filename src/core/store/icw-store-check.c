/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-check.c: a record as JSON checked against the store's own description of its kind (the
 * table descriptors of icw-store-tables.c, the properties' ranges, the schema's constraints and
 * foreign keys), for the sync server: what it accepts, every workbench can apply
 * (icw-store-check.h). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-check.h"
#include "icw-store-private.h"

/* The messages are chosen among this file's literals. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

#define MAX_ID 128
#define MAX_STAMP 64

static const char *const stamps[] = { "created_at", "updated_at", "deleted_at" };

gboolean
icw_record_column_is_lifecycle (const char *column)
{
  /* A report's grade, the day it was given and the 整改 due date are the reviewer's outcome, recorded
   * with an acceptance like the comments. */
  return g_strcmp0 (column, "status") == 0 || g_strcmp0 (column, "reviewer_comments") == 0 ||
         g_strcmp0 (column, "grade") == 0 || g_strcmp0 (column, "graded_on") == 0 ||
         g_strcmp0 (column, "rectify_due") == 0;
}

gboolean
icw_record_column_is_outcome (const char *column)
{
  return g_strcmp0 (column, "grade") == 0 || g_strcmp0 (column, "graded_on") == 0 ||
         g_strcmp0 (column, "rectify_due") == 0;
}

static gboolean
bad_field (GError      **error,
           const char  **field,
           const char   *name,
           const char   *message)
{
  *field = name;
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, message, name);
  return FALSE;
}

static gboolean
is_null (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node);
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* An integer column's value: in the property's range (an int property holds 32 bits). */
static gboolean
integer_in_range (GObjectClass    *klass,
                  const IcwColumn *column,
                  gint64           value)
{
  GParamSpec *pspec = g_object_class_find_property (klass, column->property);

  if (G_IS_PARAM_SPEC_INT (pspec))
    return value >= G_PARAM_SPEC_INT (pspec)->minimum && value <= G_PARAM_SPEC_INT (pspec)->maximum;
  if (G_IS_PARAM_SPEC_INT64 (pspec))
    return value >= G_PARAM_SPEC_INT64 (pspec)->minimum && value <= G_PARAM_SPEC_INT64 (pspec)->maximum;
  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    return value == 0 || value == 1;
  return FALSE;
}

/* The catalogue's own check of the field (icw-field-checks.h: dates, IDs, credit codes, amounts,
 * the structured parts, the reviewers' comments), on the text the store would keep: the same
 * check as a save, an import and `icw doctor`, so the server takes nothing they would refuse. */
static gboolean
catalogue_check (const IcwColumn  *column,
                 JsonNode         *node,
                 const char      **field,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  if (column->check == NULL)
    return TRUE;
  text = holds (node, G_TYPE_STRING) ? g_strdup (json_node_get_string (node))
                                     : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (column->check (text, &local_error))
    return TRUE;
  *field = column->name;
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The field “%s”: %s"), column->name, local_error->message);
  return FALSE;
}

static gboolean
check_column (GObjectClass     *klass,
              const IcwColumn  *column,
              JsonNode         *node,
              const char      **field,
              GError          **error)
{
  guint key;

  if (is_null (node))
    return TRUE;
  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      if (holds (node, G_TYPE_STRING))
        return catalogue_check (column, node, field, error);
      return bad_field (error, field, column->name, _("The field “%s” must be text"));
    case ICW_COLUMN_ENUM:
      if (holds (node, G_TYPE_STRING) && column->from_key (json_node_get_string (node), &key))
        return TRUE;
      return bad_field (error, field, column->name, _("The field “%s” does not hold one of its values"));
    case ICW_COLUMN_BOOL:
      if (holds (node, G_TYPE_BOOLEAN))
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
      if (!holds (node, G_TYPE_INT64))
        return bad_field (error, field, column->name, _("The field “%s” must be a whole number"));
      if (!integer_in_range (klass, column, json_node_get_int (node)))
        return bad_field (error, field, column->name, _("The field “%s” is out of range"));
      return holds (node, G_TYPE_INT64) ? catalogue_check (column, node, field, error) : TRUE;
    default:
      g_assert_not_reached ();
    }
}

static const IcwColumn *
find_column (const IcwTable *table,
             const char     *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, name) == 0)
      return &table->columns[i];
  return NULL;
}

static gboolean
check_member (const IcwTable  *table,
              GObjectClass    *klass,
              const char      *name,
              JsonNode        *node,
              const char     **field,
              GError         **error)
{
  const IcwColumn *column;

  if (strcmp (name, "id") == 0)
    {
      if (holds (node, G_TYPE_STRING) && *json_node_get_string (node) != '\0' &&
          strlen (json_node_get_string (node)) <= MAX_ID)
        return TRUE;
      return bad_field (error, field, "id", _("The field “%s” must be an ID"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    if (strcmp (name, stamps[i]) == 0)
      {
        if (is_null (node) || (holds (node, G_TYPE_STRING) && strlen (json_node_get_string (node)) <= MAX_STAMP))
          return TRUE;
        return bad_field (error, field, stamps[i], _("The field “%s” must be a time"));
      }
  column = find_column (table, name);
  if (column == NULL)
    {
      *field = NULL;
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("This kind of record has no field “%s”"), name);
      return FALSE;
    }
  return check_column (klass, column, node, field, error);
}

gboolean
icw_record_check_json (IcwRecordKind   kind,
                       JsonObject     *record,
                       const char    **field,
                       GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autoptr(GTypeClass) klass = g_type_class_ref (table->get_type ());
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_val_if_fail (record != NULL && field != NULL, FALSE);

  *field = NULL;
  if (!json_object_has_member (record, "id"))
    return bad_field (error, field, "id", _("The field “%s” must be an ID"));
  json_object_iter_init (&iter, record);
  while (json_object_iter_next (&iter, &name, &node))
    if (!check_member (table, G_OBJECT_CLASS (klass), name, node, field, error))
      return FALSE;
  return TRUE;
}

static char *
insert_sql (const IcwTable *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (id, revision, created_at, updated_at, deleted_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") VALUES (?1, '0', coalesce(?2, ''), coalesce(?3, ''), ?4");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", ?%u", i + 5);
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

/* Built once per kind for the life of the process: the server checks every pushed record. */
static const char *
cached_insert_sql (const IcwTable *table)
{
  static char *sql[ICW_N_RECORD_KINDS];

  if (g_once_init_enter (&sql[table->kind]))
    g_once_init_leave (&sql[table->kind], insert_sql (table));
  return sql[table->kind];
}

static const char *
member_text (JsonObject *record,
             const char *name)
{
  JsonNode *node = json_object_get_member (record, name);

  return node != NULL && holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

/* The column a constraint's message names ("NOT NULL constraint failed: t.c", "CHECK constraint
 * failed: c >= 0"): the longest column name found in it. */
static const char *
column_in_message (const IcwTable *table,
                   const char     *message)
{
  const char *found = NULL;

  for (guint i = 0; i < table->n_columns; i++)
    if (strstr (message, table->columns[i].name) != NULL &&
        (found == NULL || strlen (table->columns[i].name) > strlen (found)))
      found = table->columns[i].name;
  return found;
}

static gboolean
foreign_keys_off (IcwStore  *self,
                  GError   **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, "PRAGMA foreign_keys", error);
  gboolean on;

  if (stmt == NULL)
    return FALSE;
  on = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return !on || icw_database_exec (self->db, "PRAGMA foreign_keys = OFF", error);
}

static gboolean
run_cached (IcwStore    *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, sql, error);

  return stmt != NULL && icw_store_step_done (self, stmt, error);
}

static gboolean
try_insert (IcwStore        *self,
            const IcwTable  *table,
            JsonObject      *record,
            gboolean         deleted,
            const char     **field,
            GError         **error)
{
  sqlite3_stmt *stmt = icw_store_statement (self, cached_insert_sql (table), error);
  const char *deleted_at = member_text (record, "deleted_at");
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_text (record, "id"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, member_text (record, "created_at"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, member_text (record, "updated_at"), -1, SQLITE_TRANSIENT);
  if (deleted)
    sqlite3_bind_text (stmt, 4, deleted_at != NULL ? deleted_at : "", -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < table->n_columns; i++)
    if (!icw_store_bind_json_column (self, stmt, 5 + i, &table->columns[i], record, error))
      {
        *field = table->columns[i].name;
        sqlite3_reset (stmt);
        return FALSE;
      }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      *field = column_in_message (table, sqlite3_errmsg (self->db));
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The record breaks a rule of its kind: %s"),
                   sqlite3_errmsg (self->db));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
icw_store_check_remote (IcwStore       *scratch,
                        IcwRecordKind   kind,
                        JsonObject     *record,
                        gboolean        deleted,
                        const char    **field,
                        GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  gboolean ok;

  g_return_val_if_fail (ICW_IS_STORE (scratch), FALSE);

  if (!icw_record_check_json (kind, record, field, error))
    return FALSE;
  /* The store's cached statements: the server runs these for every pushed record. */
  if (!foreign_keys_off (scratch, error) || !run_cached (scratch, "SAVEPOINT icw_check", error))
    return FALSE;
  ok = try_insert (scratch, table, record, deleted, field, error);
  run_cached (scratch, "ROLLBACK TO icw_check", NULL);
  run_cached (scratch, "RELEASE icw_check", NULL);
  return ok;
}

static gboolean
kind_of_table (const char    *name,
               IcwRecordKind *kind)
{
  for (guint k = 0; k < ICW_N_RECORD_KINDS; k++)
    if (g_strcmp0 (icw_store_table_for_kind (k)->table, name) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

GArray *
icw_store_record_references (IcwStore      *self,
                             IcwRecordKind  kind)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list(%s)", table->table);
  sqlite3_stmt *stmt = icw_store_statement (self, sql, NULL);
  GArray *references = g_array_new (FALSE, FALSE, sizeof (IcwRecordReference));

  if (stmt == NULL)
    return references;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IcwRecordReference reference;
      const IcwColumn *column = find_column (table, (const char *) sqlite3_column_text (stmt, 3));

      if (column != NULL && kind_of_table ((const char *) sqlite3_column_text (stmt, 2), &reference.kind))
        {
          reference.column = column->name;
          g_array_append_val (references, reference);
        }
    }
  sqlite3_reset (stmt);
  return references;
}
