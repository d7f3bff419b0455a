/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-check.c: the program's checks of a report (icw-report-check.h) and the copying of its
 * attachments to a new version. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-attachment.h"
#include "icw-report-actuals.h"
#include "icw-report-check.h"
#include "icw-report-parts.h"
#include "icw-rule-pack.h"
#include "icw-store-reports.h"

#define PROGRAM "program"

/* Each finding's basis: program practice, with what the practice rests on where a text says it. */
static const char *
basis_of (const char *rule)
{
  if (g_str_equal (rule, ICW_REPORT_RULE_MISSED_COMMENT))
    return _("Program practice, not a policy clause: a missed target is explained in its row, since reviewers compare the targets and actuals line by line");
  if (g_str_equal (rule, ICW_REPORT_RULE_EVIDENCE))
    return _("Program practice, not a policy clause: each actual has its evidence (Liaoning's yearly assessment asks for the 考核指标 table with 证明材料, 辽工信发〔2022〕121号)");
  if (g_str_equal (rule, ICW_REPORT_RULE_AUDIT))
    return _("Program practice, not a policy clause: the yearly package carries the year's financial audit (no text requiring it was found: source not found)");
  return _("This program's own check of the report's completeness (not a policy text)");
}

static void
add (GPtrArray   *findings,
     const char  *rule,
     IcwSeverity  severity,
     const char  *field,
     char        *message)
{
  g_ptr_array_add (findings, icw_finding_new_with_basis (rule, PROGRAM, severity, basis_of (rule), "program-practice",
                                                         NULL, field, message));
  g_free (message);
}

static gint
by_severity (gconstpointer a,
             gconstpointer b)
{
  return (int) icw_finding_get_severity (*(IcwFinding **) a) - (int) icw_finding_get_severity (*(IcwFinding **) b);
}

GPtrArray *
icw_report_check (IcwStore   *store,
                  IcwReport  *report,
                  GPtrArray  *packs,
                  GDateTime  *today,
                  GError    **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  /* A draft is checked with the registers' figures of now, as it would be filed. */
  g_autoptr(GPtrArray) rows = icw_report_rows_as_filed (store, report, error);
  g_autoptr(GHashTable) summary = NULL;
  guint n_sections;
  const IcwReportSection *sections = icw_report_sections (&n_sections);

  if (rows == NULL)
    return NULL;
  summary = icw_report_summary_parse (icw_report_get_summary (report), error);
  if (summary == NULL)
    return NULL;
  for (guint i = 0; i < n_sections; i++)
    {
      const char *text = g_hash_table_lookup (summary, sections[i].key);

      if (sections[i].kind == icw_report_get_kind (report) && (text == NULL || *text == '\0'))
        add (findings, ICW_REPORT_RULE_SUMMARY, ICW_SEVERITY_WARNING, "summary",
             g_strdup_printf (_("Work summary: the section “%s” is empty"), icw_report_section_title (&sections[i])));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = g_ptr_array_index (rows, i);
      const char *name = row->name != NULL && *row->name != '\0' ? row->name : row->key;
      g_autofree char *field = g_strdup_printf ("indicators/%u", i + 1);

      if (!row->has_actual)
        add (findings, ICW_REPORT_RULE_ACTUAL_MISSING, ICW_SEVERITY_ERROR, field,
             g_strdup_printf (_("Indicator “%s”: the actual of the year is not given"), name));
      /* Program practice: a warning (docs/rules.md), the table can be read without it. */
      else if (icw_report_row_missed (row) && (row->comment == NULL || *row->comment == '\0'))
        add (findings, ICW_REPORT_RULE_MISSED_COMMENT, ICW_SEVERITY_WARNING, field,
             g_strdup_printf (_("Indicator “%s”: the target was missed; say why in the row's comment"), name));
      if (row->has_actual && !row->computed && row->evidence[0] == NULL)
        add (findings, ICW_REPORT_RULE_EVIDENCE, ICW_SEVERITY_WARNING, field,
             g_strdup_printf (_("Indicator “%s”: no evidence is attached"), name));
    }
  if (icw_report_get_kind (report) == ICW_REPORT_KIND_ANNUAL_ASSESSMENT &&
      (icw_report_get_audit_attachment_id (report) == NULL || *icw_report_get_audit_attachment_id (report) == '\0'))
    add (findings, ICW_REPORT_RULE_AUDIT, ICW_SEVERITY_WARNING, "audit_attachment_id",
         g_strdup (_("Financial audit: the audit report of the year is not attached")));
  g_ptr_array_sort (findings, by_severity);
  return g_steal_pointer (&findings);
}

gboolean
icw_report_copy_attachments (IcwStore   *store,
                             IcwRecord  *from,
                             IcwRecord  *to,
                             GError    **error)
{
  g_autoptr(GPtrArray) files = icw_store_list_report_attachments (store, icw_record_get_id (from));
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *json = NULL;
  const char *audit;
  IcwReport *report = ICW_REPORT (to);

  for (guint i = 0; i < files->len; i++)
    {
      IcwAttachment *attachment = g_ptr_array_index (files, i);
      g_autoptr(GBytes) content = icw_store_attachment_content (store, icw_record_get_id (ICW_RECORD (attachment)), error);
      g_autoptr(IcwAttachment) copy = NULL;

      if (content == NULL)
        return FALSE;
      copy = icw_store_add_report_attachment (store, report, icw_attachment_get_name (attachment),
                                              icw_attachment_get_kind (attachment), content, error);
      if (copy == NULL)
        return FALSE;
      g_hash_table_insert (copies, g_strdup (icw_record_get_id (ICW_RECORD (attachment))),
                           g_strdup (icw_record_get_id (ICW_RECORD (copy))));
    }
  rows = icw_report_rows_parse (icw_report_get_indicators (report), error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = g_ptr_array_index (rows, i);

      for (guint e = 0; row->evidence[e] != NULL; e++)
        {
          const char *copy = g_hash_table_lookup (copies, row->evidence[e]);

          if (copy != NULL)
            {
              g_free (row->evidence[e]);
              row->evidence[e] = g_strdup (copy);
            }
        }
    }
  json = icw_report_rows_to_json (rows);
  icw_report_set_indicators (report, json);
  audit = icw_report_get_audit_attachment_id (report);
  if (audit != NULL && g_hash_table_lookup (copies, audit) != NULL)
    icw_report_set_audit_attachment_id (report, g_hash_table_lookup (copies, audit));
  return icw_store_save (store, to, error);
}
