/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-score.h: the report's self-score page (icw-score-report.h): the scheme of the
 * center's province, the total against its maximum, the grade it leads to (or that the reviewer
 * gives it), the score by area as a chart, and each item with its points and why. */
#pragma once

#include <adwaita.h>

#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REPORT_SCORE (icw_report_score_get_type ())

G_DECLARE_FINAL_TYPE (IcwReportScore, icw_report_score, ICW, REPORT_SCORE, GtkBox)

GtkWidget  *icw_report_score_new     (IcwStore       *store);
/* Scores the report as it stands (NULL: empty). */
void        icw_report_score_show    (IcwReportScore *self,
                                      IcwReport      *report);
/* The total line as shown ("72.5 of 100 points"), or the reason there is no score (tests). */
const char *icw_report_score_get_summary (IcwReportScore *self);

/* Whether the scores typed by hand may be changed (the report is a draft or returned). */
void        icw_report_score_set_editable (IcwReportScore *self,
                                           gboolean        editable);
/* Types points and a reason into the item's row and presses Save Score (tests); FALSE when the
 * item has no row to type in. */
gboolean    icw_report_score_type_by_hand (IcwReportScore *self,
                                           const char     *item,
                                           const char     *points,
                                           const char     *reason);
/* What the item's row says was wrong (NULL: nothing), and its points as shown (tests). */
const char *icw_report_score_get_row_error (IcwReportScore *self,
                                            const char     *item);
const char *icw_report_score_get_row_value (IcwReportScore *self,
                                            const char     *item);

G_END_DECLS
