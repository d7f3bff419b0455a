/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-kinds-indicators.c: the rule kinds that read the 绩效目标表, an application's
 * indicators with a numeric target per year (icw-field-parts.c, "indicators"):
 *   indicator-years  every indicator has a number for each year of a run of years without gaps,
 *                    and states its unit; an indicator that still has its targets only as text
 *                    (written before the numbers) is named with that text. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-application-parts.h"
#include "icw-rules-private.h"

static const char *
string_member (JsonObject *item,
               const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
blank (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  return *g_strstrip (copy) == '\0';
}

/* The years of the item's targets, in order, or NULL when it has none; *gap is set when a year
 * is missing between the first and the last or appears twice. */
static GArray *
target_years (JsonObject *item,
              gboolean   *gap)
{
  JsonNode *node = json_object_get_member (item, "years");
  JsonArray *years;
  GArray *out;

  *gap = FALSE;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  years = json_node_get_array (node);
  if (json_array_get_length (years) == 0)
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (years); i++)
    {
      JsonNode *entry = json_array_get_element (years, i);
      gint64 year;

      if (!JSON_NODE_HOLDS_OBJECT (entry) || !json_object_has_member (json_node_get_object (entry), "year"))
        continue;
      year = json_object_get_int_member (json_node_get_object (entry), "year");
      g_array_append_val (out, year);
    }
  for (guint i = 1; i < out->len; i++)
    if (g_array_index (out, gint64, i) != g_array_index (out, gint64, i - 1) + 1)
      *gap = TRUE;
  return out;
}

/* indicator-years: each indicator's targets are numbers for consecutive years, in a unit. */
static void
run_indicator_years (IcwRuleContext *context,
                     const IcwRule  *rule)
{
  g_autofree char *text = icw_application_get_section_text (context->application, ICW_SECTION_INDICATORS);
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_INDICATORS, text, NULL);
  JsonArray *items = root != NULL && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr(GArray) years = NULL;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *field = NULL;
      const char *name, *problem = NULL;
      gboolean gap;

      if (item == NULL)
        continue;
      name = string_member (item, "name");
      years = target_years (item, &gap);
      if (years == NULL || years->len == 0)
        problem = blank (string_member (item, "targets"))
                  ? _("it has no target per year")
                  : _("its targets are text only (“%s”): give a number for each year");
      else if (gap)
        problem = _("its years are not consecutive");
      else if (blank (string_member (item, "unit")))
        problem = _("it has no unit");
      if (problem == NULL)
        continue;
      field = g_strdup_printf ("indicators/%u/years", i);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      {
        g_autofree char *said = g_strdup_printf (problem, string_member (item, "targets"));

        icw_rule_emit (context, rule, field, "item", number, "indicator", blank (name) ? number : name,
                       "problem", said, NULL);
      }
#pragma GCC diagnostic pop
    }
}

static const IcwRuleParam no_params[] = {
  { NULL, 0, FALSE },
};
static const char * const indicator_placeholders[] = { "item", "indicator", "problem", NULL };

static const IcwRuleKind indicator_kinds[] = {
  { "indicator-years", run_indicator_years, no_params, indicator_placeholders, NULL },
};

const IcwRuleKind *
icw_rule_kinds_indicators (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (indicator_kinds);
  return indicator_kinds;
}
