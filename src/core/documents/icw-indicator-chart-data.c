/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-chart-data.c: an indicator's chart across the years (icw-indicator-chart-data.h).
 * A year's actual is the one of the latest version of that year's report (a report reopened as a
 * new version replaces the earlier); its target is the 任务书's for that year, else the report
 * row's own. Years with neither are left out; the years run from the first with a target or a
 * report up to the report's own, so a chart never shows a later year than the report it is in. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "icw-indicator-chart-data.h"
#include "icw-report-parts.h"
#include "icw-score-report.h"
#include "icw-store-reports.h"

typedef struct {
  double target;
  double actual;
  int    version;   /* of the report the actual came from; 0: none */
} Year;

static Year *
year_of (GHashTable *years,
         int         year)
{
  Year *y = g_hash_table_lookup (years, GINT_TO_POINTER (year));

  if (y == NULL)
    {
      y = g_new0 (Year, 1);
      y->target = NAN;
      y->actual = NAN;
      g_hash_table_insert (years, GINT_TO_POINTER (year), y);
    }
  return y;
}

static void
add_targets (IcwStore   *store,
             const char *center_id,
             const char *key,
             int         last_year,
             GHashTable *years)
{
  g_autoptr(IcwTargetSet) set = icw_store_load_targets (store, center_id, 0, NULL);

  for (guint i = 0; set != NULL && i < set->targets->len; i++)
    {
      IcwTarget *target = set->targets->pdata[i];

      if (g_strcmp0 (target->indicator_key, key) == 0 && target->year <= last_year)
        year_of (years, target->year)->target = target->target;
    }
}

static void
add_report (IcwReport  *report,
            const char *key,
            GHashTable *years)
{
  g_autoptr(GPtrArray) rows = icw_report_rows_parse (icw_report_get_indicators (report), NULL);
  IcwReportRow *row = rows != NULL ? icw_report_rows_find (rows, key) : NULL;
  Year *y;

  if (row == NULL)
    return;
  y = year_of (years, icw_report_get_year (report));
  if (icw_report_get_version (report) < y->version)
    return;
  y->version = icw_report_get_version (report);
  y->actual = row->has_actual ? row->actual : NAN;
  if (isnan (y->target) && row->has_target)
    y->target = row->target;
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

IcwChart *
icw_indicator_chart_for_report (IcwStore   *store,
                                IcwReport  *report,
                                const char *key)
{
  g_autoptr(GHashTable) years = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) rows = icw_report_rows_parse (icw_report_get_indicators (report), NULL);
  g_autoptr(GListModel) reports = icw_store_list (store, ICW_RECORD_KIND_REPORT, icw_report_get_center_id (report));
  GList *keys;
  IcwReportRow *row = rows != NULL ? icw_report_rows_find (rows, key) : NULL;
  int last = icw_report_get_year (report);
  IcwChart *chart;

  chart = icw_chart_new (row != NULL && row->name != NULL ? row->name : key, row != NULL ? row->unit : NULL,
                         _("Target"), _("Actual"));
  add_targets (store, icw_report_get_center_id (report), key, last, years);
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcwReport) other = g_list_model_get_item (reports, i);

      if (icw_report_get_year (other) <= last && g_strcmp0 (icw_record_get_id (ICW_RECORD (other)),
                                                            icw_record_get_id (ICW_RECORD (report))) != 0)
        add_report (other, key, years);
    }
  /* The report itself last: it is the version shown, whatever the store's order. */
  year_of (years, last)->version = 0;
  add_report (report, key, years);
  keys = g_list_sort (g_hash_table_get_keys (years), compare_years);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      int year = GPOINTER_TO_INT (l->data);
      Year *y = g_hash_table_lookup (years, l->data);
      g_autofree char *label = g_strdup_printf ("%d", year);

      if (!isnan (y->target) || !isnan (y->actual))
        icw_chart_add (chart, label, y->target, y->actual);
    }
  g_list_free (keys);
  return chart;
}

IcwChart *
icw_score_chart (IcwScore *score)
{
  g_autofree char *title = g_strdup_printf (_("Score by area: %s"), score->title);
  IcwChart *chart = icw_chart_new (title, _("points"), _("Maximum"), _("Points"));

  for (guint i = 0; i < score->items->len; i++)
    {
      IcwScoreItem *item = score->items->pdata[i];

      if (item->maximum < 0)
        continue;
      icw_chart_add (chart, item->title, (double) item->maximum / 100.0,
                     item->scored ? (double) item->points / 100.0 : NAN);
    }
  return chart;
}

guint
icw_document_add_report_charts (IcwDocument *document,
                                IcwStore    *store,
                                IcwReport   *report)
{
  g_autoptr(GPtrArray) rows = icw_report_rows_parse (icw_report_get_indicators (report), NULL);
  g_autoptr(IcwScore) score = icw_score_report (store, report, NULL, NULL);
  guint added = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      IcwReportRow *row = rows->pdata[i];
      g_autoptr(IcwChart) chart = icw_indicator_chart_for_report (store, report, row->key);

      icw_document_add_chart (document, chart);
      added++;
    }
  if (score != NULL)
    {
      g_autoptr(IcwChart) chart = icw_score_chart (score);

      if (icw_chart_get_n_categories (chart) > 0)
        {
          icw_document_add_chart (document, chart);
          added++;
        }
    }
  return added;
}
