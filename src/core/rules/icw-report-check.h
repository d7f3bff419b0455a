/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-check.h: checking a report before it is marked ready, and what a new version of a
 * report copies (its attachments, with the rows' evidence and the audit pointing at the copies).
 * Both are the report's row in the life cycle's table (icw-lifecycle-kinds.c). The findings are
 * the program's own (pack "program"): what the 考核 package needs to be complete; scoring is
 * another matter (issue 16's scoring schemes). */
#pragma once

#include "icw-finding.h"
#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* Rule IDs of the findings. */
#define ICW_REPORT_RULE_ACTUAL_MISSING "report-actual-missing"
#define ICW_REPORT_RULE_MISSED_COMMENT "report-missed-comment"
#define ICW_REPORT_RULE_EVIDENCE "report-evidence-missing"
#define ICW_REPORT_RULE_AUDIT "report-audit-missing"
#define ICW_REPORT_RULE_SUMMARY "report-summary-missing"

/* Returns IcwFinding objects, errors first (packs and today are not used yet: NULL is fine). */
GPtrArray *icw_report_check            (IcwStore   *store,
                                        IcwReport  *report,
                                        GPtrArray  *packs,
                                        GDateTime  *today,
                                        GError    **error);
/* Copies the attachments of `from` to `to` and points the copy's evidence and audit at them
 * (saved, in the same batch). */
gboolean   icw_report_copy_attachments (IcwStore   *store,
                                        IcwRecord  *from,
                                        IcwRecord  *to,
                                        GError    **error);

G_END_DECLS
