/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report.h: a report a recognized center files for a year (issue 16): the yearly assessment
 * (年度考核) or, every third year, the periodic evaluation (定期评估, its 自评估报告) that replaces it
 * (工信厅科〔2018〕37号 art. 2). It holds the 年度工作总结 (or the self-evaluation) as narrative
 * sections ("summary", icw-report-parts.h), the 考核指标 rows ("indicators": target, actual,
 * evidence, a comment where missed), the 建设情况 texts of 37号 art. 7, the center's figures of
 * the year, the financial audit (an attachment of the report), the grade a reviewer records and
 * the 整改 due date. It has the life cycle and versions of the other documents (icw-lifecycle.h):
 * "status", "version", "lineage-id" and "reviewer-comments". Its evidence files are attachments
 * whose "report-id" names it (icw-attachment.h). */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_REPORT (icw_report_get_type ())

G_DECLARE_FINAL_TYPE (IcwReport, icw_report, ICW, REPORT, IcwRecord)

/* The years a report may be for. */
#define ICW_REPORT_MIN_YEAR 2000
#define ICW_REPORT_MAX_YEAR 2100

IcwReport  *icw_report_new (void);

const char *icw_report_get_center_id          (IcwReport *self);
void        icw_report_set_center_id          (IcwReport *self, const char *value);
/* The calendar year the report is about (the work of that year). */
int         icw_report_get_year               (IcwReport *self);
void        icw_report_set_year               (IcwReport *self, int value);
IcwReportKind icw_report_get_kind             (IcwReport *self);
void        icw_report_set_kind               (IcwReport *self, IcwReportKind value);

IcwApplicationStatus icw_report_get_status    (IcwReport *self);
void        icw_report_set_status             (IcwReport *self, IcwApplicationStatus value);
int         icw_report_get_version            (IcwReport *self);
void        icw_report_set_version            (IcwReport *self, int value);
const char *icw_report_get_lineage_id         (IcwReport *self);
void        icw_report_set_lineage_id         (IcwReport *self, const char *value);
const char *icw_report_get_reviewer_comments  (IcwReport *self);
void        icw_report_set_reviewer_comments  (IcwReport *self, const char *value);

/* The narrative sections, JSON: {"goals": "…", "spillover": "…"} (keys: icw-report-parts.h). */
const char *icw_report_get_summary            (IcwReport *self);
void        icw_report_set_summary            (IcwReport *self, const char *value);
/* The 考核指标 rows, JSON (icw-report-parts.h, IcwReportRow). */
const char *icw_report_get_indicators         (IcwReport *self);
void        icw_report_set_indicators         (IcwReport *self, const char *value);

/* 建设情况 (37号 art. 7): 中试孵化, 测试验证, 行业支撑服务. */
const char *icw_report_get_build_pilot        (IcwReport *self);
void        icw_report_set_build_pilot        (IcwReport *self, const char *value);
const char *icw_report_get_build_testing      (IcwReport *self);
void        icw_report_set_build_testing      (IcwReport *self, const char *value);
const char *icw_report_get_build_services     (IcwReport *self);
void        icw_report_set_build_services     (IcwReport *self, const char *value);

/* The center's figures of the year: counts, and money in fen. */
int         icw_report_get_staff_total        (IcwReport *self);
void        icw_report_set_staff_total        (IcwReport *self, int value);
int         icw_report_get_rd_staff           (IcwReport *self);
void        icw_report_set_rd_staff           (IcwReport *self, int value);
gint64      icw_report_get_rd_spending_fen    (IcwReport *self);
void        icw_report_set_rd_spending_fen    (IcwReport *self, gint64 value);
gint64      icw_report_get_revenue_fiscal_fen (IcwReport *self);
void        icw_report_set_revenue_fiscal_fen (IcwReport *self, gint64 value);
gint64      icw_report_get_revenue_nonfiscal_fen (IcwReport *self);
void        icw_report_set_revenue_nonfiscal_fen (IcwReport *self, gint64 value);
gint64      icw_report_get_services_revenue_fen (IcwReport *self);
void        icw_report_set_services_revenue_fen (IcwReport *self, gint64 value);
gint64      icw_report_get_licence_revenue_fen (IcwReport *self);
void        icw_report_set_licence_revenue_fen (IcwReport *self, gint64 value);
int         icw_report_get_incubated_firms    (IcwReport *self);
void        icw_report_set_incubated_firms    (IcwReport *self, int value);
int         icw_report_get_patents            (IcwReport *self);
void        icw_report_set_patents            (IcwReport *self, int value);
int         icw_report_get_standards          (IcwReport *self);
void        icw_report_set_standards          (IcwReport *self, int value);
int         icw_report_get_projects           (IcwReport *self);
void        icw_report_set_projects           (IcwReport *self, int value);

/* The financial audit (财务审计报告): one of the report's attachments, or NULL. */
const char *icw_report_get_audit_attachment_id (IcwReport *self);
void        icw_report_set_audit_attachment_id (IcwReport *self, const char *value);

/* What the reviewer records: the grade (NONE until graded), the day, and for 不合格 the day the
 * one-year 整改 (37号) is due; dates YYYY-MM-DD or NULL. */
IcwReportGrade icw_report_get_grade           (IcwReport *self);
void        icw_report_set_grade              (IcwReport *self, IcwReportGrade value);
const char *icw_report_get_graded_on          (IcwReport *self);
void        icw_report_set_graded_on          (IcwReport *self, const char *value);
const char *icw_report_get_rectify_due        (IcwReport *self);
void        icw_report_set_rectify_due        (IcwReport *self, const char *value);
/* The self-score's items scored by hand, JSON (icw-report-hand-scores.h). */
const char *icw_report_get_hand_scores        (IcwReport *self);
void        icw_report_set_hand_scores        (IcwReport *self, const char *value);

/* What people call the report in a list: its year and kind ("2025 Annual assessment"). */
char       *icw_report_describe               (IcwReport *self);

G_END_DECLS
