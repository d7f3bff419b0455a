/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-conflict-fields.c: the labels of the record kinds, the labels of their columns (the field
 * catalogue's, icw-field-catalogue.c, and the record's times), and values as text. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icw-conflict-fields.h"
#include "icw-enums.h"
#include "icw-field-catalogue.h"
#include "icw-money.h"

static const char *const kind_labels[] = {
  N_("Organization"), N_("Center"), N_("Shareholder"), N_("Alliance member"), N_("Platform"),
  N_("Application"), N_("Attachment"), N_("IP agreement"), N_("Agreement party"),
  N_("Funding request"), N_("Budget line"), N_("Report"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == ICW_N_RECORD_KINDS);

/* The record's times, which the catalogue does not list (every record has them). */
static const struct { const char *column; const char *label; } meta_fields[] = {
  { "created_at", N_("Created") },
  { "updated_at", N_("Last changed") },
  { "deleted_at", N_("Deleted") },
};

const char *
icw_conflict_kind_label (IcwRecordKind kind)
{
  return (guint) kind < ICW_N_RECORD_KINDS ? _(kind_labels[kind]) : "";
}

const char *
icw_conflict_field_label (IcwRecordKind  kind,
                          const char    *column)
{
  const IcwColumn *field = (guint) kind < ICW_N_RECORD_KINDS ? icw_field_catalogue_find (kind, column) : NULL;

  if (field != NULL)
    return icw_field_label (field);
  for (guint i = 0; i < G_N_ELEMENTS (meta_fields); i++)
    if (g_str_equal (meta_fields[i].column, column))
      return _(meta_fields[i].label);
  return column;
}

gboolean
icw_conflict_field_hidden (const char *column)
{
  return g_str_equal (column, "id");
}

char *
icw_conflict_field_value (const char *column,
                          JsonNode   *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
      if (type == G_TYPE_INT64 && g_str_has_suffix (column, "_fen"))
        {
          g_autofree char *amount = icw_money_format (json_node_get_int (node), ICW_MONEY_UNIT_WAN);
          /* Translators: an amount and its unit, "12.50 10k yuan". */
          return g_strdup_printf (_("%s %s"), amount, icw_money_unit_symbol (ICW_MONEY_UNIT_WAN));
        }
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_STRING)
        return *json_node_get_string (node) != '\0' ? g_strdup (json_node_get_string (node))
                                                     : g_strdup (_("(empty)"));
    }
  return json_to_string (node, FALSE);
}

const char *
icw_conflict_enum_label (IcwRecordKind  kind,
                         const char    *column,
                         const char    *key)
{
  const IcwColumn *field = (guint) kind < ICW_N_RECORD_KINDS ? icw_field_catalogue_find (kind, column) : NULL;
  guint value;

  if (key == NULL || field == NULL || field->type != ICW_COLUMN_ENUM || !field->from_key (key, &value))
    return NULL;
  return field->to_label (value);
}

gboolean
icw_conflict_field_is_meta (const char *column)
{
  return g_str_equal (column, "created_at") || g_str_equal (column, "updated_at") ||
         g_str_equal (column, "deleted_at");
}

char *
icw_conflict_refusal_text (const char    *reason,
                           const char    *server_reason,
                           IcwRecordKind  kind,
                           const char    *field)
{
  if (reason == NULL)
    reason = server_reason != NULL ? server_reason : "";
  if (field != NULL && *field != '\0')
    /* Translators: the field's label, then why the server refused the change. */
    return g_strdup_printf (_("The server refused your change of “%s”: %s"), icw_conflict_field_label (kind, field), reason);
  return g_strdup_printf (_("The server refused your change: %s"), reason);
}
