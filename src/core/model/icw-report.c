/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report.c: a center's yearly report (年度考核 or 定期评估). A plain value object like the
 * other documents: its properties are its fields in the field catalogue (icw-field-catalogue.c),
 * the accessors below their typed face; the store checks and saves it (icw-store-reports.c). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-enums.h"
#include "icw-report.h"

struct _IcwReport
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwReport, icw_report, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwReport, icw_report, ICW_IS_REPORT, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwReport, icw_report, ICW_IS_REPORT, CType, field, property)

TEXT_FIELD (center_id, "center-id")
NUMBER_FIELD (int, year, "year")
NUMBER_FIELD (IcwReportKind, kind, "kind")
NUMBER_FIELD (IcwApplicationStatus, status, "status")
NUMBER_FIELD (int, version, "version")
TEXT_FIELD (lineage_id, "lineage-id")
TEXT_FIELD (reviewer_comments, "reviewer-comments")
TEXT_FIELD (summary, "summary")
TEXT_FIELD (indicators, "indicators")
TEXT_FIELD (build_pilot, "build-pilot")
TEXT_FIELD (build_testing, "build-testing")
TEXT_FIELD (build_services, "build-services")
NUMBER_FIELD (int, staff_total, "staff-total")
NUMBER_FIELD (int, rd_staff, "rd-staff")
NUMBER_FIELD (gint64, rd_spending_fen, "rd-spending-fen")
NUMBER_FIELD (gint64, revenue_fiscal_fen, "revenue-fiscal-fen")
NUMBER_FIELD (gint64, revenue_nonfiscal_fen, "revenue-nonfiscal-fen")
NUMBER_FIELD (gint64, services_revenue_fen, "services-revenue-fen")
NUMBER_FIELD (gint64, licence_revenue_fen, "licence-revenue-fen")
NUMBER_FIELD (int, incubated_firms, "incubated-firms")
NUMBER_FIELD (int, patents, "patents")
NUMBER_FIELD (int, standards, "standards")
NUMBER_FIELD (int, projects, "projects")
TEXT_FIELD (audit_attachment_id, "audit-attachment-id")
NUMBER_FIELD (IcwReportGrade, grade, "grade")
TEXT_FIELD (graded_on, "graded-on")
TEXT_FIELD (rectify_due, "rectify-due")
TEXT_FIELD (hand_scores, "hand-scores")

static void
icw_report_class_init (IcwReportClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_REPORT);
}

static void
icw_report_init (IcwReport *self)
{
}

char *
icw_report_describe (IcwReport *self)
{
  g_return_val_if_fail (ICW_IS_REPORT (self), NULL);
  /* TRANSLATORS: a report in a list: its year, then its kind ("2025 Annual assessment") */
  return g_strdup_printf (_("%d %s"), icw_report_get_year (self), icw_report_kind_to_label (icw_report_get_kind (self)));
}

IcwReport *
icw_report_new (void)
{
  return g_object_new (ICW_TYPE_REPORT, NULL);
}
