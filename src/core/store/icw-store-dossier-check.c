/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-dossier-check.c: one row of a dossier (or of the database, for `icw doctor`) checked
 * against its kind's descriptor: every column there with its type (a field added later may be
 * absent from a dossier written before it, and is then empty), no other member, the text valid
 * UTF-8, enumeration keys, the times, and each column's own check (icw-field-checks.h: IDs, dates,
 * money, shares, the structured parts), the same checks the store runs when it saves a record.
 * A structured part comes as a JSON value, or as the string holding it (a dossier of format
 * version 1, or text the database holds that is not JSON); the row keeps the parsed value. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-json-check.h"
#include "icw-error.h"
#include "icw-store-dossier-private.h"

/* The text the database would hold for the value, for the column's check; NULL for null. */
static char *
stored_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node) || JSON_NODE_HOLDS_OBJECT (node))
    return json_to_string (node, FALSE);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

static gboolean
check_type (IcwDossierRow   *row,
            const IcwColumn *column,
            JsonNode        *node,
            GPtrArray       *problems)
{
  const char *kind = icw_record_kind_to_key (row->kind);
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  guint before = problems->len;
  guint value;

  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      if (column->structured && (JSON_NODE_HOLDS_ARRAY (node) || JSON_NODE_HOLDS_OBJECT (node)))
        break;
      if (!JSON_NODE_HOLDS_NULL (node) && type != G_TYPE_STRING)
        icw_problem_add (problems, column->structured ? _("Record %s “%s”: the field “%s” must be a JSON array or object, or null.")
                                              : _("Record %s “%s”: the field “%s” must be text or null."),
                         kind, row->id, column->name);
      break;
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
      if (type != G_TYPE_INT64)
        icw_problem_add (problems, _("Record %s “%s”: the field “%s” must be a whole number."), kind, row->id, column->name);
      else if (column->type == ICW_COLUMN_INT &&
               (json_node_get_int (node) < G_MININT || json_node_get_int (node) > G_MAXINT))
        icw_problem_add (problems, _("Record %s “%s”: the field “%s” is out of range."), kind, row->id, column->name);
      break;
    case ICW_COLUMN_BOOL:
      if (type != G_TYPE_BOOLEAN)
        icw_problem_add (problems, _("Record %s “%s”: the field “%s” must be true or false."), kind, row->id, column->name);
      break;
    case ICW_COLUMN_ENUM:
      if (type != G_TYPE_STRING)
        icw_problem_add (problems, _("Record %s “%s”: the field “%s” must be text."), kind, row->id, column->name);
      /* Keys only: from_key also reads labels, which would not come back out as written. An
       * earlier version's key (icw-field-catalogue.h) is read as the value it became. */
      else if (!column->from_key (json_node_get_string (node), &value) ||
               (!g_str_equal (column->to_key (value), json_node_get_string (node)) &&
                (column->legacy_keys == NULL ||
                 !g_strv_contains (column->legacy_keys (), json_node_get_string (node)))))
        icw_problem_add (problems, _("Record %s “%s”: the field “%s” has the unknown value “%s”."),
                         kind, row->id, column->name, json_node_get_string (node));
      break;
    default:
      g_assert_not_reached ();
    }
  return problems->len == before;
}

/* What a field added later holds in a dossier written before it: the new column's default. */
static JsonNode *
empty_value (const IcwColumn *column)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (column->type)
    {
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
      json_node_set_int (node, icw_field_default (column));
      break;
    case ICW_COLUMN_BOOL:
      json_node_set_boolean (node, FALSE);
      break;
    case ICW_COLUMN_ENUM:
      json_node_set_string (node, column->to_key ((guint) icw_field_default (column)));
      break;
    case ICW_COLUMN_TEXT:
    default:
      json_node_init_null (node);
      break;
    }
  return node;
}

/* Returns the value the row keeps for the field (a structured part parsed), or NULL after a problem. */
static JsonNode *
check_field (IcwDossierRow   *row,
             const IcwColumn *column,
             JsonNode        *node,
             GPtrArray       *problems)
{
  const char *kind = icw_record_kind_to_key (row->kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!icw_json_check_utf8 (node))
    {
      icw_problem_add (problems, _("Record %s “%s”: the field “%s” holds text that is not valid UTF-8."), kind, row->id, column->name);
      return NULL;
    }
  if (!check_type (row, column, node, problems))
    return NULL;
  text = stored_text (node);
  if (column->check != NULL && !column->check (text, &error))
    {
      icw_problem_add (problems, _("Record %s “%s”, field “%s”: %s"), kind, row->id, column->name, error->message);
      return NULL;
    }
  if (column->structured && JSON_NODE_HOLDS_VALUE (node))
    {
      JsonNode *parsed = icw_json_parse_strict (text);   /* blank text: NULL */

      return parsed != NULL ? parsed : json_node_init_null (json_node_alloc ());
    }
  return json_node_copy (node);
}

static void
check_time (IcwDossierRow *row,
            const char    *member,
            const char    *text,
            GPtrArray     *problems)
{
  g_autoptr(GError) error = NULL;
  const char *kind = icw_record_kind_to_key (row->kind);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    icw_problem_add (problems, _("Record %s “%s”: the field “%s” holds text that is not valid UTF-8."), kind, row->id, member);
  else if (!icw_field_check_timestamp (text, &error))
    icw_problem_add (problems, _("Record %s “%s”, field “%s”: %s"), kind, row->id, member, error->message);
}

/* A blob with a "sha256" column beside it (an attachment's content) must have that digest: the
 * size alone is checked by the schema. */
static void
check_digest (IcwDossierRow *row,
              GPtrArray     *problems)
{
  const char *expected = json_object_get_string_member_with_default (row->fields, "sha256", NULL);
  GBytes *content = row->blobs != NULL ? g_hash_table_lookup (row->blobs, "content") : NULL;
  g_autofree char *actual = NULL;

  if (expected == NULL || content == NULL)
    return;
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (g_ascii_strcasecmp (actual, expected) != 0)
    icw_problem_add (problems, _("Record %s “%s”: the content does not match its “sha256”."),
                     icw_record_kind_to_key (row->kind), row->id);
}

static void
check_members (IcwDossierRow *row,
               GPtrArray     *problems)
{
  const IcwTable *table = icw_store_table_for_kind (row->kind);
  const char *kind = icw_record_kind_to_key (row->kind);
  g_autoptr(GList) members = json_object_get_members (row->fields);

  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < table->n_columns && !known; i++)
        known = g_str_equal (l->data, table->columns[i].name);
      if (!known && !g_utf8_validate (l->data, -1, NULL))
        icw_problem_add (problems, _("Record %s “%s”: the name of one of its fields is not valid UTF-8."), kind, row->id);
      else if (!known)
        icw_problem_add (problems, _("Record %s “%s”: there is no field “%s” in this kind of record."),
                         kind, row->id, (const char *) l->data);
    }
}

static void
check_blobs (IcwStore      *self,
             IcwDossierRow *row,
             GPtrArray     *problems)
{
  const char * const *blobs = icw_store_dossier_blob_columns (self, row->kind);
  const char *kind = icw_record_kind_to_key (row->kind);
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; blobs[i] != NULL; i++)
    if (row->blobs == NULL || !g_hash_table_contains (row->blobs, blobs[i]))
      icw_problem_add (problems, _("Record %s “%s”: the content “%s” is missing."), kind, row->id, blobs[i]);
  if (row->blobs != NULL)
    {
      g_hash_table_iter_init (&iter, row->blobs);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (!g_strv_contains (blobs, name))
          icw_problem_add (problems, _("Record %s “%s”: there is no content “%s” in this kind of record."),
                           kind, row->id, g_utf8_validate (name, -1, NULL) ? (const char *) name : "?");
    }
  check_digest (row, problems);
}

gboolean
icw_store_dossier_check_row (IcwStore       *self,
                             IcwDossierRow  *row,
                             GPtrArray      *problems)
{
  const IcwTable *table = icw_store_table_for_kind (row->kind);
  const char *kind = icw_record_kind_to_key (row->kind);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  guint before = problems->len;

  if (!icw_field_check_uuid (row->id, &error))
    icw_problem_add (problems, _("Record %s “%s”, field “%s”: %s"), kind, row->id, "id", error->message);
  check_time (row, "created_at", row->created_at, problems);
  check_time (row, "updated_at", row->updated_at, problems);
  check_time (row, "deleted_at", row->deleted_at, problems);
  for (guint i = 0; i < table->n_columns; i++)
    {
      JsonNode *node = json_object_get_member (row->fields, table->columns[i].name);
      JsonNode *kept;

      g_autoptr(JsonNode) empty = NULL;

      if (node == NULL && table->columns[i].added_later)
        node = empty = empty_value (&table->columns[i]);
      if (node == NULL)
        icw_problem_add (problems, _("Record %s “%s”: the field “%s” is missing."), kind, row->id, table->columns[i].name);
      else if ((kept = check_field (row, &table->columns[i], node, problems)) != NULL)
        json_object_set_member (fields, table->columns[i].name, kept);
    }
  check_members (row, problems);
  check_blobs (self, row, problems);
  if (problems->len > before)
    return FALSE;
  /* The checked values, in the descriptor's order, structured parts parsed. */
  g_clear_pointer (&row->fields, json_object_unref);
  row->fields = g_steal_pointer (&fields);
  return TRUE;
}
