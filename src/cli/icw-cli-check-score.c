/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-check-score.c: the self-score that `icw check` shows for a report (icw-score.h): as the
 * "score" object of --json (docs/cli.md) and as lines after the findings. Points are numbers with
 * up to two decimals; a maximum that no text publishes is null. And a report's title as the
 * commands show it. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-enums.h"
#include "icw-report.h"
#include "icw-score.h"

char *
icw_cli_document_title (IcwRecord *record)
{
  char *title = NULL;

  if (ICW_IS_REPORT (record))
    return icw_report_describe (ICW_REPORT (record));
  g_object_get (record, "title", &title, NULL);
  return title;
}

static void
add_points (JsonBuilder *builder,
            const char  *name,
            gint64       points)
{
  json_builder_set_member_name (builder, name);
  if (points < 0)
    json_builder_add_null_value (builder);
  else if (points % 100 == 0)
    json_builder_add_int_value (builder, points / 100);
  else
    json_builder_add_double_value (builder, (double) points / 100.0);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
icw_cli_check_score_json (JsonBuilder *builder,
                          IcwScore    *score,
                          const char  *problem)
{
  json_builder_set_member_name (builder, "score");
  if (score == NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scheme");
      json_builder_add_null_value (builder);
      icw_cli_json_add_text (builder, "problem", problem);
      json_builder_end_object (builder);
      return;
    }
  json_builder_begin_object (builder);
  icw_cli_json_add_text (builder, "scheme", score->scheme);
  json_builder_set_member_name (builder, "scheme_version");
  json_builder_add_int_value (builder, score->version);
  icw_cli_json_add_text (builder, "title", score->title);
  add_points (builder, "points", score->points);
  add_points (builder, "maximum", score->maximum);
  json_builder_set_member_name (builder, "grade");
  if (score->grade == ICW_REPORT_GRADE_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, icw_report_grade_to_key (score->grade));
  icw_cli_json_add_text (builder, "grade_why", score->grade_why);
  json_builder_set_member_name (builder, "unscored");
  json_builder_add_int_value (builder, score->unscored);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->items->len; i++)
    {
      IcwScoreItem *item = score->items->pdata[i];

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "key", item->key);
      icw_cli_json_add_text (builder, "title", item->title);
      add_points (builder, "points", item->scored ? item->points : -1);
      add_points (builder, "maximum", item->maximum);
      icw_cli_json_add_text (builder, "why", item->why);
      add_bool (builder, "by_hand", item->by_hand);
      add_bool (builder, "scored", item->scored);
      icw_cli_json_add_text (builder, "basis", item->basis);
      if (item->reason != NULL)
        icw_cli_json_add_text (builder, "reason", item->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

void
icw_cli_check_score_text (IcwScore   *score,
                          const char *problem)
{
  g_autofree char *points = NULL;
  g_autofree char *maximum = NULL;

  icw_cli_out ("\n");
  if (score == NULL)
    {
      icw_cli_out ("%s %s\n", _("Score:"), problem);
      return;
    }
  points = icw_score_points_format (score->points);
  maximum = icw_score_points_format (score->maximum);
  /* TRANSLATORS: "Score: 12.50 of 95 points (the scheme's title, its ID and version)" */
  if (score->maximum >= 0)
    icw_cli_out (_("Score: %s of %s points (%s, %s version %d)"), points, maximum, score->title, score->scheme, score->version);
  else
    icw_cli_out (_("Score: no points are published (%s, %s version %d)"), score->title, score->scheme, score->version);
  icw_cli_out ("\n");
  for (guint i = 0; i < score->items->len; i++)
    {
      IcwScoreItem *item = score->items->pdata[i];
      g_autofree char *item_points = icw_score_points_format (item->points);
      g_autofree char *item_maximum = icw_score_points_format (item->maximum);

      if (item->scored && item->maximum >= 0)
        icw_cli_out ("  %s: %s / %s\n", item->title, item_points, item_maximum);
      else if (item->scored)
        icw_cli_out ("  %s: %s\n", item->title, item_points);
      else if (item->maximum >= 0)
        icw_cli_out ("  %s: %s / %s\n", item->title, _("by hand"), item_maximum);
      else
        icw_cli_out ("  %s: %s\n", item->title, _("by hand"));
      icw_cli_out ("    %s\n", item->why);
    }
  if (score->grade != ICW_REPORT_GRADE_NONE)
    icw_cli_out ("%s %s. %s\n", _("Grade:"), icw_report_grade_to_label (score->grade), score->grade_why);
  else
    icw_cli_out ("%s %s\n", _("Grade:"), score->grade_why);
}
