/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-hand-scores.c: a report's scores typed by hand as JSON (icw-report-hand-scores.h),
 * checked member by member as icw-field-parts.c types them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-json-check.h"
#include "icw-report-hand-scores.h"

IcwReportHandScore *
icw_report_hand_score_new (const char *item,
                           gint64      hundredths,
                           const char *reason)
{
  IcwReportHandScore *score = g_new0 (IcwReportHandScore, 1);

  score->item = g_strdup (item);
  score->hundredths = hundredths;
  score->reason = g_strdup (reason);
  return score;
}

void
icw_report_hand_score_free (IcwReportHandScore *score)
{
  if (score == NULL)
    return;
  g_free (score->item);
  g_free (score->reason);
  g_free (score);
}

static gboolean
row_error (GError    **error,
           guint       n,
           const char *member,
           const char *what)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Score typed by hand %u, %s: %s"), n, member, what);
  return FALSE;
}

/* A string member, or NULL when it is absent, null or of another type. */
static const char *
text_member (JsonObject *object,
             const char *name)
{
  const char *text;

  icw_json_optional_string (object, name, &text);
  return text;
}

static IcwReportHandScore *
read_score (JsonNode  *node,
            guint      n,
            GError   **error)
{
  const char *item, *reason;
  JsonObject *object;
  JsonNode *points;
  gint64 hundredths;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return row_error (error, n, "", _("it must be an object")), NULL;
  object = json_node_get_object (node);
  if ((item = text_member (object, "item")) == NULL || *item == '\0')
    return row_error (error, n, "item", _("it names the scheme's item as text")), NULL;
  points = json_object_get_member (object, "hundredths");
  if (points == NULL || !JSON_NODE_HOLDS_VALUE (points) || json_node_get_value_type (points) != G_TYPE_INT64)
    return row_error (error, n, "hundredths", _("the points must be a whole number of hundredths")), NULL;
  hundredths = json_node_get_int (points);
  if (hundredths < 0 || hundredths > ICW_REPORT_HAND_SCORE_MAX)
    return row_error (error, n, "hundredths", _("the points must be from 0 to 10,000")), NULL;
  reason = text_member (object, "reason");
  if (reason == NULL || *reason == '\0' || strspn (reason, " \t\r\n") == strlen (reason))
    return row_error (error, n, "reason", _("a score typed by hand needs its reason")), NULL;
  return icw_report_hand_score_new (item, hundredths, reason);
}

GPtrArray *
icw_report_hand_scores_parse (const char  *text,
                              GError     **error)
{
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_report_hand_score_free);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (text == NULL || *text == '\0')
    return g_steal_pointer (&scores);
  if ((root = icw_json_parse_strict (text)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Scores typed by hand: the text is not a JSON list of scores"));
      return NULL;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      IcwReportHandScore *score = read_score (json_array_get_element (array, i), i + 1, error);

      if (score == NULL)
        return NULL;
      if (icw_report_hand_scores_find (scores, score->item) != NULL)
        {
          row_error (error, i + 1, "item", _("the item is scored twice"));
          icw_report_hand_score_free (score);
          return NULL;
        }
      g_ptr_array_add (scores, score);
    }
  return g_steal_pointer (&scores);
}

char *
icw_report_hand_scores_to_json (GPtrArray *scores)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (scores == NULL || scores->len == 0)
    return NULL;
  json_builder_begin_array (builder);
  for (guint i = 0; i < scores->len; i++)
    {
      IcwReportHandScore *score = g_ptr_array_index (scores, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "item");
      json_builder_add_string_value (builder, score->item);
      json_builder_set_member_name (builder, "hundredths");
      json_builder_add_int_value (builder, score->hundredths);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, score->reason != NULL ? score->reason : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

IcwReportHandScore *
icw_report_hand_scores_find (GPtrArray  *scores,
                             const char *item)
{
  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      IcwReportHandScore *score = g_ptr_array_index (scores, i);

      if (g_strcmp0 (score->item, item) == 0)
        return score;
    }
  return NULL;
}

void
icw_report_hand_scores_put (GPtrArray  *scores,
                            const char *item,
                            gint64      hundredths,
                            const char *reason)
{
  IcwReportHandScore *score;

  g_return_if_fail (scores != NULL && item != NULL);
  score = icw_report_hand_scores_find (scores, item);
  if (reason == NULL)
    {
      if (score != NULL)
        g_ptr_array_remove (scores, score);
      return;
    }
  if (score == NULL)
    {
      g_ptr_array_add (scores, icw_report_hand_score_new (item, hundredths, reason));
      return;
    }
  score->hundredths = hundredths;
  g_free (score->reason);
  score->reason = g_strdup (reason);
}

gboolean
icw_report_hand_score_parse_points (const char *text,
                                    gint64     *hundredths)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 whole = 0, fraction = 0;
  const char *p = copy;
  int decimals = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > ICW_REPORT_HAND_SCORE_MAX / 100)
        return FALSE;
    }
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (++decimals > 2)
          return FALSE;
        fraction = fraction * 10 + (*p - '0');
      }
  if (*p != '\0' || (p[-1] == '.' || p[-1] == ','))
    return FALSE;
  if (decimals == 1)
    fraction *= 10;
  whole = whole * 100 + fraction;
  if (whole > ICW_REPORT_HAND_SCORE_MAX)
    return FALSE;
  if (hundredths != NULL)
    *hundredths = whole;
  return TRUE;
}
