/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-reports.c: what the store enforces for reports (icw-report.h), so that no caller can
 * get round it:
 *
 *  - a report belongs to a live center, for a year from 2000 to 2100;
 *  - the life cycle and versions of every filed document (icw_store_check_lifecycle);
 *  - 37号 art. 2: no report for the year of recognition or before (the center has not run a full
 *    year), and no annual assessment in an 评估 year (icw-report-parts.h counts the years);
 *  - one report per center and year (its versions share the lineage);
 *  - the financial audit and each row's evidence are attachments of the report;
 *  - its sections and rows in their JSON formats (the column checks).
 *
 * And creating a report with its rows from the center's targets of the year. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-report-parts.h"
#include "icw-store-private.h"
#include "icw-store-reports.h"

static gboolean
check_year (IcwStore   *self,
            IcwReport  *report,
            GError    **error)
{
  int year = icw_report_get_year (report);
  g_autofree char *recognized_on = NULL;
  int first;

  if (year < ICW_REPORT_MIN_YEAR || year > ICW_REPORT_MAX_YEAR)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Year: it must be from %d to %d"),
                   ICW_REPORT_MIN_YEAR, ICW_REPORT_MAX_YEAR);
      return FALSE;
    }
  recognized_on = icw_store_query_text (self, "SELECT recognized_on FROM centers WHERE id = ?1",
                                        icw_report_get_center_id (report), NULL);
  first = icw_report_recognized_year (recognized_on);
  if (first == 0)
    return TRUE;
  if (year <= first)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Year: the center was recognized on %s; the first year it reports on is %d, after a full year of running (37号 art. 2)"),
                   recognized_on, first + 1);
      return FALSE;
    }
  if (icw_report_get_kind (report) == ICW_REPORT_KIND_ANNUAL_ASSESSMENT &&
      icw_report_is_evaluation_year (recognized_on, year))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Kind: %d is an evaluation year of this center (every third year from its recognition in %d): no annual assessment is filed in an evaluation year (37号 art. 2, “评估当年不进行考核”); file a periodic evaluation for %d"),
                   year, first, year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_one_per_year (IcwStore   *self,
                    IcwReport  *report,
                    GError    **error)
{
  g_autofree char *year = g_strdup_printf ("%d", icw_report_get_year (report));
  const char *lineage = icw_report_get_lineage_id (report);
  g_autofree char *other = icw_store_query_text (self, "SELECT id FROM reports WHERE center_id = ?1 AND year = ?2 "
                                                       "AND lineage_id != ?3 AND id != ?4 AND deleted_at IS NULL",
                                                 icw_report_get_center_id (report), year,
                                                 lineage != NULL ? lineage : "", icw_record_get_id (ICW_RECORD (report)),
                                                 NULL);

  if (other == NULL)
    return TRUE;
  g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE,
               _("Year: the center already has a report for %d; reopen it as a new version to change it"),
               icw_report_get_year (report));
  return FALSE;
}

/* An attachment named by the report must be one of the report's (or of an earlier version's,
 * until a new version copies them). */
static gboolean
is_own_attachment (IcwStore   *self,
                   IcwReport  *report,
                   const char *attachment_id)
{
  g_autofree char *owner = icw_store_query_text (self, "SELECT r.lineage_id FROM attachments a JOIN reports r ON r.id = a.report_id "
                                                       "WHERE a.id = ?1 AND a.deleted_at IS NULL",
                                                 attachment_id, NULL);
  const char *lineage = icw_report_get_lineage_id (report);

  return owner != NULL && g_strcmp0 (owner, lineage != NULL ? lineage : icw_record_get_id (ICW_RECORD (report))) == 0;
}

static gboolean
check_attachments (IcwStore   *self,
                   IcwReport  *report,
                   GError    **error)
{
  const char *audit = icw_report_get_audit_attachment_id (report);
  g_autoptr(GPtrArray) rows = icw_report_rows_parse (icw_report_get_indicators (report), error);

  if (rows == NULL)
    return FALSE;
  if (icw_store_has_text (audit) && !is_own_attachment (self, report, audit))
    return icw_store_invalid (error, _("Financial audit: it must be one of the report's attachments"));
  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = g_ptr_array_index (rows, i);

      for (guint e = 0; row->evidence[e] != NULL; e++)
        if (!is_own_attachment (self, report, row->evidence[e]))
          {
            g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                         _("Indicator row %u (%s), evidence: each file must be one of the report's attachments"),
                         i + 1, row->name != NULL ? row->name : row->key);
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
icw_store_validate_report (IcwStore   *self,
                           IcwRecord  *record,
                           GError    **error)
{
  IcwReport *report = ICW_REPORT (record);

  if (!icw_store_exists (self, "centers", icw_report_get_center_id (report)))
    return icw_store_invalid (error, _("Center: it is not in the register"));
  /* First, so that a locked report says so rather than what else is wrong with the change. */
  if (!icw_store_check_lifecycle (self, record, error))
    return FALSE;
  return check_year (self, report, error) && check_one_per_year (self, report, error) &&
         check_attachments (self, report, error);
}

char *
icw_target_set_report_rows (const IcwTargetSet *set,
                            int                 year)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_report_row_free);

  for (guint i = 0; set != NULL && i < set->targets->len; i++)
    {
      IcwTarget *t = g_ptr_array_index (set->targets, i);
      IcwReportRow *row;

      if (t->year != year)
        continue;
      row = icw_report_row_new ();
      row->key = g_strdup (t->indicator_key);
      row->area = g_strdup (t->area);
      row->name = g_strdup (t->name);
      row->unit = g_strdup (t->unit);
      row->has_target = TRUE;
      row->target = t->target;
      g_ptr_array_add (rows, row);
    }
  return icw_report_rows_to_json (rows);
}

/* The rows of a new report: one per indicator with a target in the year, in the targets' order. */
static char *
rows_from_targets (IcwStore   *self,
                   const char *center_id,
                   int         year)
{
  g_autoptr(IcwTargetSet) set = icw_store_load_targets (self, center_id, 0, NULL);

  return icw_target_set_report_rows (set, year);
}

IcwReport *
icw_store_create_report (IcwStore       *self,
                         const char     *center_id,
                         int             year,
                         IcwReportKind   kind,
                         GError        **error)
{
  g_autoptr(IcwReport) report = icw_report_new ();
  g_autofree char *rows = NULL;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < ICW_N_REPORT_KINDS, NULL);

  rows = rows_from_targets (self, center_id, year);
  icw_report_set_center_id (report, center_id);
  icw_report_set_year (report, year);
  icw_report_set_kind (report, kind);
  icw_report_set_indicators (report, rows);
  if (!icw_store_save (self, ICW_RECORD (report), error))
    return NULL;
  return g_steal_pointer (&report);
}

gboolean
icw_store_report_keep_local (IcwStore   *self,
                             IcwReport  *report,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (ICW_IS_REPORT (report), FALSE);
  stmt = icw_store_statement (self, "DELETE FROM outbox WHERE record_id = ?1 OR record_id IN "
                                    "(SELECT id FROM attachments WHERE report_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, icw_record_get_id (ICW_RECORD (report)), -1, SQLITE_TRANSIENT);
  return icw_store_step_done (self, stmt, error);
}

gboolean
icw_store_application_keep_local (IcwStore        *self,
                                  IcwApplication  *application,
                                  GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);
  stmt = icw_store_statement (self, "DELETE FROM outbox WHERE record_id = ?1 OR record_id IN "
                                    "(SELECT id FROM attachments WHERE application_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, icw_record_get_id (ICW_RECORD (application)), -1, SQLITE_TRANSIENT);
  return icw_store_step_done (self, stmt, error);
}

GPtrArray *
icw_store_list_report_attachments (IcwStore   *self,
                                   const char *report_id)
{
  const IcwTable *table = icw_store_table_for_kind (ICW_RECORD_KIND_ATTACHMENT);
  g_autofree char *sql = icw_store_select_sql (table, "report_id = ?1 AND deleted_at IS NULL ORDER BY name, id");
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), records);
  stmt = icw_store_statement (self, sql, NULL);
  if (stmt == NULL)
    return records;
  sqlite3_bind_text (stmt, 1, report_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records, icw_store_load_row (self, table, stmt));
  sqlite3_reset (stmt);
  return records;
}
