/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-report.c: the document of a report after recognition (issue 16), in the layout of
 * the package a province asks for (Liaoning: 年度考核工作总结 + 考核指标 + 证明材料): the cover; the
 * basic information; the work summary (年度工作总结, or the 自评估报告's sections) section by
 * section; the 考核指标 table (indicator, unit, target, actual, the difference, the evidence files)
 * with the reasons of the targets missed and each indicator's chart across the years (and the score
 * by area where a scheme applies: icw-indicator-chart-data.h); 建设情况 (中试孵化、测试验证、行业支撑服务); the center's
 * figures of the year; and the list of attachments, the financial audit first. The PDF and the
 * Word file are both written from this model. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-attachment.h"
#include "icw-document-private.h"
#include "icw-enums.h"
#include "icw-indicator-chart-data.h"
#include "icw-money.h"
#include "icw-report-actuals.h"
#include "icw-report-parts.h"
#include "icw-report.h"
#include "icw-score-report.h"
#include "icw-store-reports.h"

static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

static void
add_basics (IcwDocument *document,
            IcwStore    *store,
            IcwReport   *report)
{
  IcwDocBlock *block = icw_document_add_key_values (document);
  g_autofree char *center = icw_doc_record_name (store, ICW_RECORD_KIND_CENTER, icw_report_get_center_id (report));
  g_autofree char *year = g_strdup_printf ("%d", icw_report_get_year (report));
  g_autofree char *version = g_strdup_printf ("%d", icw_report_get_version (report));

  icw_doc_block_add_pair (block, _("Center"), center);
  icw_doc_block_add_pair (block, _("Year"), year);
  icw_doc_block_add_pair (block, _("Kind"), icw_report_kind_to_label (icw_report_get_kind (report)));
  icw_doc_block_add_pair (block, _("Status"), icw_application_status_to_label (icw_report_get_status (report)));
  icw_doc_block_add_pair (block, _("Version"), version);
  if (icw_report_get_grade (report) != ICW_REPORT_GRADE_NONE)
    {
      icw_doc_block_add_pair (block, _("Grade"), icw_report_grade_to_label (icw_report_get_grade (report)));
      icw_doc_block_add_pair (block, _("Date graded"), icw_report_get_graded_on (report));
    }
  if (icw_report_get_rectify_due (report) != NULL)
    icw_doc_block_add_pair (block, _("Rectification due"), icw_report_get_rectify_due (report));
}

static void
add_summary (IcwDocument *document,
             IcwReport   *report)
{
  g_autoptr(GHashTable) summary = icw_report_summary_parse (icw_report_get_summary (report), NULL);
  guint n;
  const IcwReportSection *sections = icw_report_sections (&n);

  for (guint i = 0; i < n; i++)
    {
      const char *text = summary != NULL ? g_hash_table_lookup (summary, sections[i].key) : NULL;

      if (sections[i].kind != icw_report_get_kind (report) && text == NULL)
        continue;
      icw_document_add_heading (document, 2, icw_report_section_title (&sections[i]));
      icw_document_add_paragraphs (document, text);
    }
}

/* The attachments' names by ID. */
static GHashTable *
attachment_names (GPtrArray *files)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < files->len; i++)
    g_hash_table_insert (names, g_strdup (icw_record_get_id (files->pdata[i])),
                         g_strdup (icw_attachment_get_name (files->pdata[i])));
  return names;
}

static void
add_indicators (IcwDocument *document,
                IcwStore    *store,
                IcwReport   *report,
                GHashTable  *names)
{
  /* A draft shows the registers' figures of now, a filed report those it was filed with. */
  g_autoptr(GPtrArray) rows = icw_report_rows_as_filed (store, report, NULL);
  const guint weights[] = { 4, 2, 2, 3, 3, 4 };
  IcwDocBlock *block;
  g_autoptr(GString) missed = g_string_new (NULL);

  if (rows == NULL || rows->len == 0)
    {
      icw_document_add_paragraphs (document, _("The center has no targets for this year."));
      return;
    }
  block = icw_document_add_table (document, G_N_ELEMENTS (weights), 1);
  icw_doc_block_set_weights (block, weights);
  block->numeric = (1u << 2) | (1u << 3) | (1u << 4);
  icw_doc_block_add_row (block, (const char * const []) { _("Indicator"), _("Unit"), _("Target"), _("Actual"),
                                                          _("Difference"), _("Evidence") });
  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = rows->pdata[i];
      g_autofree char *target = row->has_target ? number_text (row->target) : NULL;
      g_autofree char *actual = row->has_actual ? number_text (row->actual) : NULL;
      g_autofree char *difference = NULL;
      g_autofree char *actual_text = NULL;
      g_autoptr(GString) evidence = g_string_new (NULL);

      if (row->has_target && row->has_actual)
        {
          g_autofree char *number = number_text (row->actual - row->target);

          difference = row->actual >= row->target ? g_strdup_printf ("+%s", number) : g_strdup (number);
        }
      for (guint e = 0; row->evidence[e] != NULL; e++)
        {
          const char *name = g_hash_table_lookup (names, row->evidence[e]);

          /* TRANSLATORS: the separator between the items of a list on one line */
          g_string_append_printf (evidence, "%s%s", e > 0 ? _(", ") : "", name != NULL ? name : row->evidence[e]);
        }
      /* TRANSLATORS: an actual taken from the registers, e.g. "17 (computed)" */
      actual_text = actual != NULL && row->computed ? g_strdup_printf (_("%s (computed)"), actual) : g_strdup (actual);
      icw_doc_block_add_row (block, (const char * const []) {
                               row->name != NULL ? row->name : row->key, row->unit, target, actual_text,
                               difference, evidence->len > 0 ? evidence->str : NULL });
      if (icw_report_row_missed (row))
        {
          /* TRANSLATORS: why an indicator's target was missed: the indicator, then the reason */
          g_string_append_printf (missed, _("%s: %s"), row->name != NULL ? row->name : row->key,
                                  row->comment != NULL ? row->comment : "—");
          g_string_append_c (missed, '\n');
        }
    }
  if (missed->len > 0)
    {
      icw_document_add_heading (document, 2, _("Targets missed, and why"));
      icw_document_add_paragraphs (document, missed->str);
    }
}

static void
add_construction (IcwDocument *document,
                  IcwReport   *report)
{
  icw_document_add_heading (document, 2, _("Pilot production and incubation"));
  icw_document_add_paragraphs (document, icw_report_get_build_pilot (report));
  icw_document_add_heading (document, 2, _("Testing and verification"));
  icw_document_add_paragraphs (document, icw_report_get_build_testing (report));
  icw_document_add_heading (document, 2, _("Services to the industry"));
  icw_document_add_paragraphs (document, icw_report_get_build_services (report));
}

static void
add_count (IcwDocBlock *block,
           const char  *label,
           int          value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  icw_doc_block_add_pair (block, label, text);
}

static void
add_money (IcwDocBlock *block,
           const char  *label,
           gint64       fen)
{
  g_autofree char *text = icw_doc_money (fen);

  icw_doc_block_add_pair (block, label, text);
}

static void
add_figures (IcwDocument *document,
             IcwReport   *report)
{
  IcwDocBlock *block = icw_document_add_key_values (document);

  add_count (block, _("Staff in total"), icw_report_get_staff_total (report));
  add_count (block, _("R&D staff"), icw_report_get_rd_staff (report));
  add_money (block, _("R&D spending (10k yuan)"), icw_report_get_rd_spending_fen (report));
  add_money (block, _("Revenue from fiscal funds (10k yuan)"), icw_report_get_revenue_fiscal_fen (report));
  add_money (block, _("Revenue from other sources (10k yuan)"), icw_report_get_revenue_nonfiscal_fen (report));
  add_money (block, _("Revenue from services (10k yuan)"), icw_report_get_services_revenue_fen (report));
  add_money (block, _("Revenue from licences (10k yuan)"), icw_report_get_licence_revenue_fen (report));
  add_count (block, _("Firms incubated"), icw_report_get_incubated_firms (report));
  add_count (block, _("Patents"), icw_report_get_patents (report));
  add_count (block, _("Standards"), icw_report_get_standards (report));
  add_count (block, _("Projects"), icw_report_get_projects (report));
}

static void
add_attachments (IcwDocument *document,
                 IcwReport   *report,
                 GPtrArray   *files)
{
  g_autoptr(GString) list = g_string_new (NULL);
  const char *audit = icw_report_get_audit_attachment_id (report);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < files->len; i++)
      {
        IcwAttachment *file = files->pdata[i];
        gboolean is_audit = g_strcmp0 (icw_record_get_id (ICW_RECORD (file)), audit) == 0;

        if (is_audit != (pass == 0))
          continue;
        g_string_append_printf (list, "%s (%s)\n", icw_attachment_get_name (file),
                                is_audit ? _("Financial audit") : icw_attachment_kind_to_label (icw_attachment_get_kind (file)));
      }
  if (audit == NULL || *audit == '\0')
    g_string_append_printf (list, "%s\n", _("The financial audit is not attached."));
  icw_document_add_paragraphs (document, list->str);
}

/* The self-score: the total and grade, then each item with its points, maximum and why (a score
 * typed by hand with its reason); or why there is none (no scheme for the province). */
static void
add_score (IcwDocument *document,
           IcwStore    *store,
           IcwReport   *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwScore) score = icw_score_report (store, report, NULL, &error);
  const guint weights[] = { 4, 2, 2, 2, 6 };
  g_autofree char *points = NULL;
  g_autofree char *maximum = NULL;
  g_autofree char *total = NULL;
  IcwDocBlock *block;

  if (score == NULL)
    {
      icw_document_add_paragraphs (document, error->message);
      return;
    }
  points = icw_score_points_format (score->points);
  maximum = icw_score_points_format (score->maximum);
  total = score->maximum >= 0
    /* TRANSLATORS: a self-score's total in the document: scheme, points, maximum */
    ? g_strdup_printf (_("%s: %s of %s points."), score->title, points, maximum)
    : g_strdup_printf (_("%s: %s points."), score->title, points);
  icw_document_add_paragraphs (document, total);
  if (score->grade_why != NULL)
    icw_document_add_paragraphs (document, score->grade_why);
  block = icw_document_add_table (document, G_N_ELEMENTS (weights), 1);
  icw_doc_block_set_weights (block, weights);
  block->numeric = (1u << 1) | (1u << 2);
  icw_doc_block_add_row (block, (const char * const []) { _("Item"), _("Points"), _("Maximum"), _("Scored"), _("Why") });
  for (guint i = 0; i < score->items->len; i++)
    {
      IcwScoreItem *item = score->items->pdata[i];
      g_autofree char *item_points = item->scored ? icw_score_points_format (item->points) : NULL;
      g_autofree char *item_maximum = item->maximum >= 0 ? icw_score_points_format (item->maximum) : NULL;
      const char *how = !item->scored ? _("not yet") : item->reason != NULL ? _("by hand") : _("computed");

      icw_doc_block_add_row (block, (const char * const []) { item->title, item_points, item_maximum, how, item->why });
    }
}

IcwDocument *
icw_document_build_report (IcwStore   *store,
                           IcwRecord  *record,
                           GError    **error)
{
  IcwReport *report = ICW_REPORT (record);
  g_autoptr(IcwDocument) document = NULL;
  g_autoptr(GPtrArray) files = icw_store_list_report_attachments (store, icw_record_get_id (record));
  g_autoptr(GHashTable) names = attachment_names (files);
  gboolean evaluation = icw_report_get_kind (report) == ICW_REPORT_KIND_EVALUATION;
  g_autofree char *title = evaluation
    /* TRANSLATORS: the title of a center's periodic evaluation (自评估报告) of a year */
    ? g_strdup_printf (_("Self-Evaluation Report %d"), icw_report_get_year (report))
    /* TRANSLATORS: the title of a center's annual assessment (年度考核工作总结) of a year */
    : g_strdup_printf (_("Annual Assessment Work Summary %d"), icw_report_get_year (report));
  guint number = 0;

  document = icw_document_new (title);
  icw_doc_set_center_cover (document, store, icw_report_get_center_id (report),
                            icw_report_kind_to_label (icw_report_get_kind (report)));
  icw_doc_numbered_heading (document, ++number, _("Basic information"));
  add_basics (document, store, report);
  icw_doc_numbered_heading (document, ++number, evaluation ? _("Self-evaluation") : _("Work summary"));
  add_summary (document, report);
  icw_doc_numbered_heading (document, ++number, _("Assessment indicators"));
  add_indicators (document, store, report, names);
  /* Each indicator's target and actual across the years, drawn as the window draws them. */
  icw_document_add_heading (document, 2, _("Target and Actual by Year"));
  icw_document_add_report_charts (document, store, report);
  icw_doc_numbered_heading (document, ++number, _("Self-score"));
  add_score (document, store, report);
  icw_doc_numbered_heading (document, ++number, _("Construction"));
  add_construction (document, report);
  icw_doc_numbered_heading (document, ++number, _("Figures of the year"));
  add_figures (document, report);
  icw_doc_numbered_heading (document, ++number, _("Attachments"));
  add_attachments (document, report, files);
  return g_steal_pointer (&document);
}
