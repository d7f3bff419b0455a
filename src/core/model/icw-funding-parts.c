/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-parts.c: the milestones of a funding request as JSON, checked member by member
 * (json-glib accepts more than JSON: an assignment, and any type where another is expected). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-funding-parts.h"
#include "icw-json-check.h"

void
icw_milestone_free (IcwMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free (milestone->date);
  g_free (milestone->condition);
  g_free (milestone);
}

gboolean
icw_date_is_valid (const char *text)
{
  guint64 y, m, d;
  char buf[5];

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      strspn (text, "0123456789-") != 10)
    return FALSE;
  memcpy (buf, text, 4), buf[4] = '\0';
  y = g_ascii_strtoull (buf, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
}

static const char *
text_member (JsonObject *object,
             const char *name,
             gboolean   *ok)
{
  const char *text;

  if (!icw_json_optional_string (object, name, &text))
    *ok = FALSE;
  return text;
}

static gboolean
bad (GError    **error,
     guint       n,
     const char *format)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, format, n);
#pragma GCC diagnostic pop
  return FALSE;
}

static IcwMilestone *
read_milestone (JsonNode  *node,
                guint      n,
                GError   **error)
{
  g_autoptr(IcwMilestone) milestone = g_new0 (IcwMilestone, 1);
  const char *date, *amount, *condition;
  gboolean ok = TRUE;
  guint64 fen;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad (error, n, _("Milestone %u: it must be an object with a date, an amount and a condition")), NULL;
  date = text_member (json_node_get_object (node), "date", &ok);
  amount = text_member (json_node_get_object (node), "amount_fen", &ok);
  condition = text_member (json_node_get_object (node), "condition", &ok);
  if (!ok)
    return bad (error, n, _("Milestone %u: its date, amount and condition must be text")), NULL;
  if (!icw_date_is_valid (date))
    return bad (error, n, _("Milestone %u, date: type the date as YYYY-MM-DD")), NULL;
  if (amount == NULL || *amount == '\0' || strspn (amount, "0123456789") != strlen (amount) ||
      (amount[0] == '0' && amount[1] != '\0') ||
      !g_ascii_string_to_unsigned (amount, 10, 1, G_MAXINT64, &fen, NULL))
    return bad (error, n, _("Milestone %u, amount: it must be more than 0 and at most 92,233,720,368,547,758.07 yuan")), NULL;
  milestone->date = g_strdup (date);
  milestone->amount_fen = (gint64) fen;
  milestone->condition = g_strdup (condition);
  return g_steal_pointer (&milestone);
}

GPtrArray *
icw_milestones_parse (const char  *text,
                      GError     **error)
{
  g_autoptr(GPtrArray) milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_milestone_free);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (text == NULL || *text == '\0')
    return g_steal_pointer (&milestones);
  if ((root = icw_json_parse_strict (text)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Milestones: the text is not a JSON list of milestones"));
      return NULL;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      IcwMilestone *milestone = read_milestone (json_array_get_element (array, i), i + 1, error);

      if (milestone == NULL)
        return NULL;
      g_ptr_array_add (milestones, milestone);
    }
  return g_steal_pointer (&milestones);
}

char *
icw_milestones_to_json (GPtrArray *milestones)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  if (milestones == NULL || milestones->len == 0)
    return NULL;
  json_builder_begin_array (builder);
  for (guint i = 0; i < milestones->len; i++)
    {
      IcwMilestone *milestone = g_ptr_array_index (milestones, i);
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, milestone->amount_fen);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, milestone->date);
      json_builder_set_member_name (builder, "amount_fen");
      json_builder_add_string_value (builder, amount);
      json_builder_set_member_name (builder, "condition");
      json_builder_add_string_value (builder, milestone->condition != NULL ? milestone->condition : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
