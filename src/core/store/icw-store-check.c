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
#include "icw-json-record.h"
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
is_null (const IcwJsonMember *node)
{
  return node->value.type == ICW_JSON_NULL;
}

/* A member's value of one of json-glib's value types, as its parser would type it. */
static gboolean
holds (const IcwJsonMember *node,
       GType                type)
{
  switch (node->value.type)
    {
    case ICW_JSON_STRING: return type == G_TYPE_STRING;
    case ICW_JSON_INTEGER: return type == G_TYPE_INT64;
    case ICW_JSON_NUMBER: return type == G_TYPE_DOUBLE;
    case ICW_JSON_TRUE:
    case ICW_JSON_FALSE: return type == G_TYPE_BOOLEAN;
    default: return FALSE;
    }
}

/* An integer column's range: its property's (an int property holds 32 bits, a boolean 0 or 1);
 * a column whose property is none of these takes no integer. */
typedef struct {
  gint64   minimum;
  gint64   maximum;
  gboolean integer;
} ColumnRange;

static ColumnRange *
column_ranges (const IcwTable *table)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (table->get_type ());
  ColumnRange *ranges = g_new0 (ColumnRange, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const IcwColumn *column = &table->columns[i];
      GParamSpec *pspec;

      if (column->type != ICW_COLUMN_INT && column->type != ICW_COLUMN_INT64 && column->type != ICW_COLUMN_BOOL)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), column->property);
      ranges[i].integer = TRUE;
      if (G_IS_PARAM_SPEC_INT (pspec))
        {
          ranges[i].minimum = G_PARAM_SPEC_INT (pspec)->minimum;
          ranges[i].maximum = G_PARAM_SPEC_INT (pspec)->maximum;
        }
      else if (G_IS_PARAM_SPEC_INT64 (pspec))
        {
          ranges[i].minimum = G_PARAM_SPEC_INT64 (pspec)->minimum;
          ranges[i].maximum = G_PARAM_SPEC_INT64 (pspec)->maximum;
        }
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        {
          ranges[i].minimum = 0;
          ranges[i].maximum = 1;
        }
      else
        ranges[i].integer = FALSE;
    }
  return ranges;
}

/* Looked up once per kind for the life of the process (a property lookup by name for each
 * integer member of every pushed record was a tenth of the catalogue's checks). */
static const ColumnRange *
cached_ranges (const IcwTable *table)
{
  static ColumnRange *ranges[ICW_N_RECORD_KINDS];

  if (g_once_init_enter (&ranges[table->kind]))
    g_once_init_leave (&ranges[table->kind], column_ranges (table));
  return ranges[table->kind];
}

/* An integer column's value: in the property's range. */
static gboolean
integer_in_range (const IcwTable  *table,
                  const IcwColumn *column,
                  gint64           value)
{
  const ColumnRange *range = &cached_ranges (table)[column - table->columns];

  return range->integer && value >= range->minimum && value <= range->maximum;
}

/* value in decimal, as "%" G_GINT64_FORMAT writes it, into buffer (at least 21 bytes). */
static const char *
integer_text (gint64 value,
              char  *buffer,
              gsize  size)
{
  char *p = buffer + size - 1;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    *--p = '-';
  return p;
}

/* The catalogue's own check of the field (icw-field-checks.h: dates, IDs, credit codes, amounts,
 * the structured parts, the reviewers' comments), on the text the store would keep: the same
 * check as a save, an import and `icw doctor`, so the server takes nothing they would refuse. */
static gboolean
catalogue_check (const IcwColumn  *column,
                 const IcwJsonMember *node,
                 const char      **field,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  char buffer[24];
  const char *text;

  if (column->check == NULL)
    return TRUE;
  text = holds (node, G_TYPE_STRING) ? node->string : integer_text (node->integer, buffer, sizeof buffer);
  if (column->check (text, &local_error))
    return TRUE;
  *field = column->name;
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The field “%s”: %s"), column->name, local_error->message);
  return FALSE;
}

static gboolean
check_column (const IcwTable   *table,
              const IcwColumn  *column,
              const IcwJsonMember *node,
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
      if (holds (node, G_TYPE_STRING) && column->from_key (node->string, &key))
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
      if (!integer_in_range (table, column, node->integer))
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

/* A member's column: the one after the member last found first (a record's members come in the
 * columns' order, as the store writes them), else any; *next moves past it. */
static const IcwColumn *
find_column_from (const IcwTable *table,
                  const char     *name,
                  guint          *next)
{
  const IcwColumn *column;

  if (*next < table->n_columns && strcmp (table->columns[*next].name, name) == 0)
    column = &table->columns[*next];
  else if ((column = find_column (table, name)) == NULL)
    return NULL;
  *next = (guint) (column - table->columns) + 1;
  return column;
}

/* Where the members of a record were found in one walk (check_members), for the binds that
 * follow: the member of each column of the table, and of the id and the three stamps; NULL where
 * the record has none. A record's names are unique (icw_json_record_new keeps a repeated name's
 * first place), so each slot is the member icw_json_record_get would give. */
typedef struct {
  const IcwJsonMember  *id;
  const IcwJsonMember  *stamps[G_N_ELEMENTS (stamps)];
  const IcwJsonMember **columns;   /* table->n_columns of them */
} MemberSlots;

static gboolean
check_member (const IcwTable  *table,
              guint           *next,
              const char      *name,
              const IcwJsonMember *node,
              MemberSlots     *slots,
              const char     **field,
              GError         **error)
{
  const IcwColumn *column;

  /* No column is named "id" or as a stamp (the INSERT names them besides the columns), so the
   * column expected next is tried before them. */
  if (*next < table->n_columns && strcmp (table->columns[*next].name, name) == 0)
    {
      column = find_column_from (table, name, next);
      goto found;
    }
  if (strcmp (name, "id") == 0)
    {
      if (slots != NULL)
        slots->id = node;
      if (holds (node, G_TYPE_STRING) && *node->string != '\0' && strlen (node->string) <= MAX_ID)
        return TRUE;
      return bad_field (error, field, "id", _("The field “%s” must be an ID"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    if (strcmp (name, stamps[i]) == 0)
      {
        if (slots != NULL)
          slots->stamps[i] = node;
        if (is_null (node) || (holds (node, G_TYPE_STRING) && strlen (node->string) <= MAX_STAMP))
          return TRUE;
        return bad_field (error, field, stamps[i], _("The field “%s” must be a time"));
      }
  column = find_column_from (table, name, next);
  if (column == NULL)
    {
      *field = NULL;
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("This kind of record has no field “%s”"), name);
      return FALSE;
    }
found:
  if (slots != NULL)
    slots->columns[column - table->columns] = node;
  return check_column (table, column, node, field, error);
}

/* The catalogue's check of each member (icw_record_check_json), filling slots when not NULL. */
static gboolean
check_members (const IcwTable      *table,
               const IcwJsonRecord *record,
               MemberSlots         *slots,
               const char         **field,
               GError             **error)
{
  guint next = 0;

  *field = NULL;
  if (icw_json_record_get (record, "id") == NULL)
    return bad_field (error, field, "id", _("The field “%s” must be an ID"));
  for (guint i = 0; i < icw_json_record_size (record); i++)
    {
      const IcwJsonMember *member = icw_json_record_nth (record, i);

      if (!check_member (table, &next, member->name, member, slots, field, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
icw_record_check_json (IcwRecordKind   kind,
                       const IcwJsonRecord *record,
                       const char    **field,
                       GError        **error)
{
  g_return_val_if_fail (record != NULL && field != NULL, FALSE);

  return check_members (icw_store_table_for_kind (kind), record, NULL, field, error);
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
member_text (const IcwJsonRecord *record,
             const char          *name)
{
  return icw_json_record_string (record, name);
}

/* A column's value bound as icw_store_bind_json_column binds it from a json-glib object: node,
 * the record's member of that name, or NULL. */
static gboolean
bind_column (sqlite3_stmt        *stmt,
             int                  index,
             const IcwColumn     *column,
             const IcwJsonMember *node,
             GError             **error)
{
  gboolean null = node == NULL || is_null (node);
  guint value;

  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      if (null)
        sqlite3_bind_null (stmt, index);
      else if (holds (node, G_TYPE_STRING))
        sqlite3_bind_text (stmt, index, node->string, -1, SQLITE_STATIC);
      else if (column->structured && (node->value.type == ICW_JSON_ARRAY || node->value.type == ICW_JSON_OBJECT))
        {
          char *text = icw_json_value_compact (&node->value);

          if (text == NULL)
            goto bad;
          sqlite3_bind_text (stmt, index, text, -1, g_free);
        }
      else
        goto bad;
      return TRUE;
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
    case ICW_COLUMN_BOOL:
      if (null)
        sqlite3_bind_int64 (stmt, index, 0);
      else if (holds (node, G_TYPE_INT64))
        sqlite3_bind_int64 (stmt, index, node->integer);
      else if (holds (node, G_TYPE_BOOLEAN) && column->type == ICW_COLUMN_BOOL)
        sqlite3_bind_int (stmt, index, node->value.type == ICW_JSON_TRUE ? 1 : 0);
      else
        goto bad;
      return TRUE;
    case ICW_COLUMN_ENUM:
      if (null)
        sqlite3_bind_text (stmt, index, column->to_key (0), -1, SQLITE_STATIC);
      else if (holds (node, G_TYPE_STRING) && column->from_key (node->string, &value))
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

static gboolean
bind_member (sqlite3_stmt        *stmt,
             int                  index,
             const IcwColumn     *column,
             const IcwJsonRecord *record,
             GError             **error)
{
  return bind_column (stmt, index, column, icw_json_record_get (record, column->name), error);
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
            const IcwJsonRecord *record,
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
    if (!bind_member (stmt, 5 + i, &table->columns[i], record, error))
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

/* The constraints of a kind's table evaluated without writing (issue 20): one SELECT over the
 * record's values as the trial INSERT binds them (the same parameters, the same defaults for the
 * columns it leaves out), one value per constraint in the order SQLite checks them (NOT NULL by
 * column, then each CHECK as the table's SQL states it), each with the message SQLite gives when
 * it fails. A trial insert into the scratch store and its rollback cost about 150 k instructions
 * a record; this SELECT writes nothing. NULL `sql` keeps the trial insert: for a table whose SQL
 * has what a SELECT over values cannot reproduce (named constraints, collations, generated
 * columns, STRICT typing) or that could not be read. */
typedef struct {
  char      *sql;
  char      *key;        /* its short key in the store's statement cache: hashing the SQL was a tenth of a check */
  GPtrArray *messages;
} IcwCheckPlan;

/* "column IN (literal, …)" as "(column = literal OR …)", or NULL for any other expression: the
 * same truth for a list without NULL (NULL for a NULL column, so passing), but SQLite builds an
 * ephemeral table for a list of more than two on every execution of the statement, half of what
 * the check cost. */
static char *
in_list_as_comparisons (const char *check)
{
  g_autoptr(GString) out = g_string_new ("(");
  g_autofree char *column = NULL;
  const char *p = check;
  const char *start = p;

  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  if (p == start || g_ascii_isdigit (*start))
    return NULL;
  column = g_strndup (start, p - start);
  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "IN", 2) != 0)
    return NULL;
  for (p += 2; g_ascii_isspace (*p); p++)
    ;
  if (*p++ != '(')
    return NULL;
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      start = p;
      if (*p == '\'')
        {
          for (p++; *p != '\0' && !(*p == '\'' && p[1] != '\''); p += *p == '\'' ? 2 : 1)
            ;
          if (*p++ != '\'')
            return NULL;
        }
      else
        {
          if (*p == '-')
            p++;
          if (!g_ascii_isdigit (*p))
            return NULL;
          while (g_ascii_isdigit (*p))
            p++;
        }
      g_string_append_printf (out, "%s\"%s\" = %.*s", out->len > 1 ? " OR " : "", column, (int) (p - start), start);
      while (g_ascii_isspace (*p))
        p++;
      if (*p == ')')
        break;
      if (*p++ != ',')
        return NULL;
    }
  for (p++; g_ascii_isspace (*p); p++)
    ;
  if (*p != '\0')
    return NULL;
  g_string_append_c (out, ')');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether the word (ASCII, any case) occurs in sql as a word. */
static gboolean
has_word (const char *sql,
          const char *word)
{
  gsize len = strlen (word);

  for (const char *p = sql; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, word, len) == 0 &&
        (p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')) &&
        !(g_ascii_isalnum (p[len]) || p[len] == '_'))
      return TRUE;
  return FALSE;
}

/* The expressions of the CHECK constraints of a CREATE TABLE statement, in order; NULL when the
 * statement cannot be read (an unbalanced parenthesis). Quoted text and names are skipped. */
static GPtrArray *
check_expressions (const char *sql)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"' || *p == '`' || *p == '[')
        {
          char close = *p == '[' ? ']' : *p;

          for (p++; *p != '\0' && *p != close; p++)
            ;
          if (*p == '\0')
            return NULL;
          p++;
          continue;
        }
      if (g_ascii_strncasecmp (p, "CHECK", 5) == 0 && (p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')) &&
          !(g_ascii_isalnum (p[5]) || p[5] == '_'))
        {
          const char *start;
          int depth = 0;

          for (p += 5; g_ascii_isspace (*p); p++)
            ;
          if (*p != '(')
            return NULL;
          start = ++p;
          for (; *p != '\0' && (*p != ')' || depth > 0); p++)
            {
              if (*p == '(')
                depth++;
              else if (*p == ')')
                depth--;
              else if (*p == '\'' || *p == '"')
                {
                  char close = *p;

                  for (p++; *p != '\0' && *p != close; p++)
                    ;
                  if (*p == '\0')
                    return NULL;
                }
            }
          if (*p == '\0')
            return NULL;
          g_ptr_array_add (found, g_strstrip (g_strndup (start, p - start)));
          p++;
          continue;
        }
      p++;
    }
  return g_steal_pointer (&found);
}

/* The parameter or value the trial INSERT gives a column (insert_sql). */
static char *
column_source (const IcwTable *table,
               const char     *name,
               const char     *default_value)
{
  if (strcmp (name, "id") == 0)
    return g_strdup ("?1");
  if (strcmp (name, "revision") == 0)
    return g_strdup ("'0'");
  if (strcmp (name, "created_at") == 0)
    return g_strdup ("coalesce(?2, '')");
  if (strcmp (name, "updated_at") == 0)
    return g_strdup ("coalesce(?3, '')");
  if (strcmp (name, "deleted_at") == 0)
    return g_strdup ("?4");
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, name) == 0)
      return g_strdup_printf ("?%u", i + 5);
  return g_strdup (default_value != NULL ? default_value : "NULL");
}

/* Whether the value the trial INSERT gives a column (column_source) is never NULL, whatever the
 * record holds: a constant, a coalesce, or a column bind_column never binds NULL (a number, a
 * flag, an enum's key: a missing or null member is 0 or the enum's first key). Its NOT NULL
 * constraint cannot fail, so the check's statement leaves it out. */
static gboolean
source_never_null (const IcwTable *table,
                   const char     *name)
{
  if (strcmp (name, "revision") == 0 || strcmp (name, "created_at") == 0 || strcmp (name, "updated_at") == 0)
    return TRUE;
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, name) == 0)
      switch (table->columns[i].type)
        {
        case ICW_COLUMN_INT:
        case ICW_COLUMN_INT64:
        case ICW_COLUMN_BOOL:
          return TRUE;
        case ICW_COLUMN_ENUM:
          return table->columns[i].to_key (0) != NULL;
        default:
          return FALSE;
        }
  return FALSE;
}

static IcwCheckPlan *
check_plan_new (IcwStore       *scratch,
                const IcwTable *table)
{
  IcwCheckPlan *plan = g_new0 (IcwCheckPlan, 1);
  g_autoptr(GString) values = g_string_new (NULL);
  /* One value: the number of the first constraint the values break (in the order an INSERT
   * checks them: NOT NULL by column, then the CHECKs in the table's order), or 0. */
  g_autoptr(GString) sql = g_string_new ("SELECT CASE");
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *create = NULL;
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(%s)", table->table);
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *trial = NULL;
  guint n = 0;

  if (sqlite3_prepare_v2 (scratch->db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return plan;
  sqlite3_bind_text (stmt, 1, table->table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    create = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (create == NULL || has_word (create, "CONSTRAINT") || has_word (create, "COLLATE") ||
      has_word (create, "GENERATED") || has_word (create, "AS") || has_word (create, "STRICT") ||
      (checks = check_expressions (create)) == NULL)
    return plan;

  if (sqlite3_prepare_v2 (scratch->db, info_sql, -1, &stmt, NULL) != SQLITE_OK)
    return plan;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *source = column_source (table, name, (const char *) sqlite3_column_text (stmt, 4));

      g_string_append_printf (values, "%s%s AS \"%s\"", values->len > 0 ? ", " : "", source, name);
      if (sqlite3_column_int (stmt, 3) != 0 && !source_never_null (table, name))
        {
          g_string_append_printf (sql, " WHEN \"%s\" IS NULL THEN %u", name, ++n);
          g_ptr_array_add (messages, g_strdup_printf ("NOT NULL constraint failed: %s.%s", table->table, name));
        }
    }
  sqlite3_finalize (stmt);
  /* A CHECK fails when its value is false: not NULL and zero as a number (as SQLite's INSERT
   * decides, and as sqlite3_column_double reads it). */
  for (guint i = 0; i < checks->len; i++)
    {
      const char *check = checks->pdata[i];
      g_autofree char *comparisons = in_list_as_comparisons (check);

      g_string_append_printf (sql, " WHEN CAST((%s) AS REAL) = 0.0 THEN %u", comparisons != NULL ? comparisons : check, ++n);
      g_ptr_array_add (messages, g_strdup_printf ("CHECK constraint failed: %s", check));
    }
  if (n == 0)
    g_string_assign (sql, "SELECT 0");
  else
    g_string_append (sql, " ELSE 0 END");
  g_string_append_printf (sql, " FROM (SELECT %s)", values->str);
  /* What SQLite cannot prepare keeps the trial insert. */
  if (sqlite3_prepare_v2 (scratch->db, sql->str, -1, &trial, NULL) != SQLITE_OK)
    return plan;
  sqlite3_finalize (trial);
  plan->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  plan->key = g_strdup_printf ("-- the constraints of %s", table->table);
  plan->messages = g_steal_pointer (&messages);
  return plan;
}

/* Built once per kind for the life of the process, from the first scratch store's schema (the
 * program's own, the same for every store). */
static const IcwCheckPlan *
check_plan (IcwStore       *scratch,
            const IcwTable *table)
{
  static IcwCheckPlan *plans[ICW_N_RECORD_KINDS];

  if (g_once_init_enter (&plans[table->kind]))
    g_once_init_leave (&plans[table->kind], check_plan_new (scratch, table));
  return plans[table->kind];
}

gboolean
icw_store_check_without_insert (IcwStore      *scratch,
                                IcwRecordKind  kind)
{
  g_return_val_if_fail (ICW_IS_STORE (scratch), FALSE);
  return check_plan (scratch, icw_store_table_for_kind (kind))->sql != NULL;
}

static const char *
slot_text (const IcwJsonMember *member)
{
  return member != NULL ? member->string : NULL;
}

/* The record's values bound by the parameters' numbers, from the members check_members found for
 * each column in its walk (not looked up by name again). */
static gboolean
try_constraints (IcwStore            *self,
                 const IcwTable      *table,
                 const IcwCheckPlan  *plan,
                 const MemberSlots   *slots,
                 gboolean             deleted,
                 const char         **field,
                 GError             **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, plan->key);
  const char *deleted_at = slot_text (slots->stamps[2]);
  const char *failed = NULL;
  int rc;

  /* Kept in the store's cache, finalized with it, under a key that is not SQL. */
  if (stmt == NULL)
    {
      if ((stmt = icw_database_prepare (self->db, plan->sql, error)) == NULL)
        return FALSE;
      g_hash_table_insert (self->statements, g_strdup (plan->key), stmt);
    }
  /* Every parameter is bound below (the fourth NULL unless deleted): no clearing first. */
  sqlite3_bind_text (stmt, 1, slot_text (slots->id), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, slot_text (slots->stamps[0]), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, slot_text (slots->stamps[1]), -1, SQLITE_STATIC);
  if (deleted)
    sqlite3_bind_text (stmt, 4, deleted_at != NULL ? deleted_at : "", -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  for (guint i = 0; i < table->n_columns; i++)
    if (!bind_column (stmt, 5 + i, &table->columns[i], slots->columns[i], error))
      {
        *field = table->columns[i].name;
        sqlite3_reset (stmt);
        return FALSE;
      }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* The first constraint broken (check_plan_new), or 0. */
      gint64 broken = sqlite3_column_int64 (stmt, 0);

      if (broken > 0 && broken <= (gint64) plan->messages->len)
        failed = plan->messages->pdata[broken - 1];
    }
  else
    failed = sqlite3_errmsg (self->db);
  if (failed != NULL)
    {
      *field = column_in_message (table, failed);
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("The record breaks a rule of its kind: %s"), failed);
    }
  sqlite3_reset (stmt);
  return failed == NULL;
}

gboolean
icw_store_check_remote (IcwStore       *scratch,
                        IcwRecordKind   kind,
                        JsonObject     *object,
                        gboolean        deleted,
                        const char    **field,
                        GError        **error)
{
  g_autoptr(IcwJsonRecord) record = icw_json_record_new_object (object);

  g_return_val_if_fail (record != NULL, FALSE);
  return icw_store_check_remote_record (scratch, kind, record, deleted, field, error);
}

gboolean
icw_store_check_remote_record (IcwStore       *scratch,
                        IcwRecordKind   kind,
                        const IcwJsonRecord *record,
                        gboolean        deleted,
                        const char    **field,
                        GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (kind);
  MemberSlots slots = { NULL, };
  const IcwCheckPlan *plan;
  gboolean ok;

  g_return_val_if_fail (ICW_IS_STORE (scratch), FALSE);
  g_return_val_if_fail (record != NULL && field != NULL, FALSE);

  slots.columns = g_newa0 (const IcwJsonMember *, table->n_columns);
  if (!check_members (table, record, &slots, field, error))
    return FALSE;
  plan = check_plan (scratch, table);
  if (plan->sql != NULL)
    return try_constraints (scratch, table, plan, &slots, deleted, field, error);
  /* The store's cached statements: the server runs these for every pushed record. */
  if (!foreign_keys_off (scratch, error) || !run_cached (scratch, "SAVEPOINT icw_check", error))
    return FALSE;
  ok = try_insert (scratch, table, record, deleted, field, error);
  run_cached (scratch, "ROLLBACK TO icw_check", NULL);
  run_cached (scratch, "RELEASE icw_check", NULL);
  return ok;
}

gboolean
icw_store_check_prepare_scratch (IcwStore  *scratch,
                                 GError   **error)
{
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ICW_IS_STORE (scratch), FALSE);

  stmt = icw_database_prepare (scratch->db, "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index') "
                                            "AND sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean trigger = g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "trigger");
      char *sql = sqlite3_mprintf ("DROP %s \"%w\"", trigger ? "TRIGGER" : "INDEX",
                                   (const char *) sqlite3_column_text (stmt, 1));

      g_ptr_array_add (drops, g_strdup (sql));
      sqlite3_free (sql);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      icw_database_set_error (error, scratch->db, rc);
      return FALSE;
    }
  for (guint i = 0; i < drops->len; i++)
    if (!icw_database_exec (scratch->db, drops->pdata[i], error))
      return FALSE;
  return TRUE;
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
