/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-report.c: reports after recognition (issue 16) on the command line: `icw new report`
 * (a draft with its rows from the center's targets of the year and the actuals the registers
 * know), `icw list reports`, and what `icw show` tells of a report beyond its fields (the work
 * summary by section, the 考核指标 table with the difference of each row, the attachments). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-attachment.h"
#include "icw-cli.h"
#include "icw-enums.h"
#include "icw-report-actuals.h"
#include "icw-report-hand-scores.h"
#include "icw-report-parts.h"
#include "icw-score-figures.h"
#include "icw-store-reports.h"

/* A number as people write it: no trailing zeros. */
char *
icw_cli_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

int
icw_cli_new_report (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwReport) report = NULL;
  g_autoptr(IcwRecord) center = NULL;
  IcwReportKind kind;
  gint64 year;

  /* `icw new` (icw-cli-new.c) calls this for "icw new report" only. */
  if (options->args->len > 2)
    return icw_cli_usage_error (_("“icw new report” takes no other argument, but “%s” follows it."),
                                (const char *) options->args->pdata[2]);
  if (options->center == NULL || options->year == NULL || options->kind == NULL)
    return icw_cli_usage_error ("%s", _("“icw new report” needs --center ID, --year YEAR and --kind annual-assessment|evaluation."));
  if (!g_ascii_string_to_signed (options->year, 10, ICW_REPORT_MIN_YEAR, ICW_REPORT_MAX_YEAR, &year, NULL))
    return icw_cli_usage_error (_("--year: “%s” is not a year from %d to %d."), options->year,
                                ICW_REPORT_MIN_YEAR, ICW_REPORT_MAX_YEAR);
  if (!icw_report_kind_from_string (options->kind, &kind) ||
      !g_str_equal (options->kind, icw_report_kind_to_key (kind)))
    return icw_cli_usage_error (_("--kind: “%s” is not a kind of report: give annual-assessment or evaluation."),
                                options->kind);

  store = icw_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  center = icw_cli_find_record (store, options->center, &error);
  if (center == NULL)
    return icw_cli_fail (error);
  if (icw_record_kind_of (center) != ICW_RECORD_KIND_CENTER)
    return icw_cli_usage_error (_("--center: “%s” is not a center."), options->center);
  report = icw_store_create_report (store, icw_record_get_id (center), (int) year, kind, &error);
  if (report == NULL)
    return icw_cli_fail (error);
  /* What the registers know is filled in at once; the draft is saved with it. */
  if (icw_report_apply_computed_actuals (store, report, &error) < 0 ||
      !icw_store_save (store, ICW_RECORD (report), &error))
    return icw_cli_fail (error);
  icw_cli_out ("%s\n", icw_record_get_id (ICW_RECORD (report)));
  return ICW_EXIT_OK;
}

void
icw_cli_list_reports (IcwStore   *store,
                      GListModel *list)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (7);
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      icw_cli_out ("%s\n", _("There are no reports in the database."));
      return;
    }
  icw_cli_table_add (table, _("ID"), _("Center"), _("Year"), _("Kind"), _("Status"), _("Version"), _("Grade"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwReport) report = g_list_model_get_item (list, i);
      g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER, icw_report_get_center_id (report));
      g_autofree char *year = g_strdup_printf ("%d", icw_report_get_year (report));
      g_autofree char *version = g_strdup_printf ("%d", icw_report_get_version (report));

      icw_cli_table_add (table, icw_record_get_id (ICW_RECORD (report)), icw_cli_or_dash (center), year,
                         icw_report_kind_to_label (icw_report_get_kind (report)),
                         icw_application_status_to_label (icw_report_get_status (report)), version,
                         icw_report_get_grade (report) == ICW_REPORT_GRADE_NONE
                           ? "-" : icw_report_grade_to_label (icw_report_get_grade (report)), NULL);
    }
  icw_cli_table_align_right (table, 2);
  icw_cli_table_align_right (table, 5);
  icw_cli_table_print (table, 0);
}

static void
print_summary (IcwReport *report)
{
  g_autoptr(GHashTable) summary = icw_report_summary_parse (icw_report_get_summary (report), NULL);
  guint n;
  const IcwReportSection *sections = icw_report_sections (&n);

  icw_cli_out ("\n%s\n", _("Work summary:"));
  for (guint i = 0; i < n; i++)
    {
      const char *text = summary != NULL ? g_hash_table_lookup (summary, sections[i].key) : NULL;

      if (sections[i].kind != icw_report_get_kind (report) && text == NULL)
        continue;
      icw_cli_out ("  %s\n    %s\n", icw_report_section_title (&sections[i]), icw_cli_or_dash (text));
    }
}

static void
print_rows (IcwStore  *store,
            IcwReport *report)
{
  /* A draft shows the registers' figures of now, a filed report those it was filed with. */
  g_autoptr(GPtrArray) rows = icw_report_rows_as_filed (store, report, NULL);
  g_autoptr(IcwCliTable) table = icw_cli_table_new (7);

  icw_cli_out ("\n%s\n", _("Assessment indicators:"));
  if (rows == NULL || rows->len == 0)
    {
      icw_cli_out ("  %s\n", _("(none)"));
      return;
    }
  icw_cli_table_add (table, _("Indicator"), _("Unit"), _("Target"), _("Actual"), _("Difference"), _("Evidence"),
                     _("Comment"), NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = rows->pdata[i];
      g_autofree char *target = row->has_target ? icw_cli_format_number (row->target) : NULL;
      g_autofree char *actual = row->has_actual ? icw_cli_format_number (row->actual) : NULL;
      g_autofree char *difference = NULL;
      g_autofree char *evidence = g_strdup_printf ("%u", g_strv_length (row->evidence));
      g_autofree char *actual_text = NULL;

      if (row->has_target && row->has_actual)
        {
          g_autofree char *number = icw_cli_format_number (row->actual - row->target);

          difference = row->actual >= row->target ? g_strdup_printf ("+%s", number) : g_strdup (number);
        }
      /* TRANSLATORS: an actual taken from the registers, e.g. "17 (computed)" */
      actual_text = actual != NULL && row->computed ? g_strdup_printf (_("%s (computed)"), actual) : g_strdup (actual);
      icw_cli_table_add (table, icw_cli_or_dash (row->name != NULL ? row->name : row->key), icw_cli_or_dash (row->unit),
                         icw_cli_or_dash (target), icw_cli_or_dash (actual_text), icw_cli_or_dash (difference),
                         evidence, icw_cli_or_dash (row->comment), NULL);
    }
  icw_cli_table_align_right (table, 2);
  icw_cli_table_align_right (table, 3);
  icw_cli_table_align_right (table, 4);
  icw_cli_table_print (table, 2);
}

static void
print_attachments (IcwStore  *store,
                   IcwReport *report)
{
  g_autoptr(GPtrArray) files = icw_store_list_report_attachments (store, icw_record_get_id (ICW_RECORD (report)));

  icw_cli_out ("\n%s\n", _("Attachments:"));
  if (files->len == 0)
    icw_cli_out ("  %s\n", _("(none)"));
  for (guint i = 0; i < files->len; i++)
    {
      IcwAttachment *file = files->pdata[i];

      icw_cli_out ("  %s  %s (%s)\n", icw_record_get_id (ICW_RECORD (file)), icw_attachment_get_name (file),
                   icw_attachment_kind_to_label (icw_attachment_get_kind (file)));
    }
}

/* Shown below the fields, each in its own way. */
static const char * const part_fields[] = { "summary", "indicators", "hand-scores", NULL };

static void
print_hand_scores (IcwReport *report)
{
  g_autoptr(GPtrArray) scores = icw_report_hand_scores_parse (icw_report_get_hand_scores (report), NULL);

  if (scores == NULL || scores->len == 0)
    return;
  icw_cli_out ("\n%s\n", _("Scores typed by hand:"));
  for (guint i = 0; i < scores->len; i++)
    {
      IcwReportHandScore *score = scores->pdata[i];
      g_autofree char *points = icw_score_points_format (score->hundredths);

      /* TRANSLATORS: a score typed by hand: the scheme's item key, its points, the reason */
      icw_cli_out (_("  %s: %s points (%s)"), score->item, points, score->reason);
      icw_cli_out ("\n");
    }
}

void
icw_cli_show_report_text (IcwStore  *store,
                          IcwReport *report)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (2);

  icw_cli_table_add_record (table, store, ICW_RECORD (report), part_fields);
  icw_cli_table_add_times (table, ICW_RECORD (report));
  icw_cli_table_print (table, 0);
  print_summary (report);
  print_rows (store, report);
  print_hand_scores (report);
  print_attachments (store, report);
}

void
icw_cli_add_report_details (JsonBuilder *builder,
                            IcwStore    *store,
                            IcwReport   *report)
{
  g_autoptr(GPtrArray) files = icw_store_list_report_attachments (store, icw_record_get_id (ICW_RECORD (report)));

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    {
      json_builder_begin_object (builder);
      icw_cli_json_add_record (builder, files->pdata[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
