/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-chart-data.h: the charts of a center's reports, from the store: one indicator's
 * target and actual in each year (the targets of the 任务书's latest version, the actuals of the
 * latest version of each year's report), and the score by area of a report. The window's charts
 * and the report's PDF are made from the same charts. */
#pragma once

#include "icw-document.h"
#include "icw-indicator-chart.h"
#include "icw-report.h"
#include "icw-score.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* The chart of the indicator `key` of the center's reports up to and including `report`'s year,
 * titled with its name and unit (as the report's row gives them). */
IcwChart *icw_indicator_chart_for_report (IcwStore   *store,
                                          IcwReport  *report,
                                          const char *key);

/* The score by area: each item of the self-score with its maximum and its points (items with no
 * published maximum are left out; an unscored item shows no points). */
IcwChart *icw_score_chart                (IcwScore   *score);

/* Adds to a report's document a chart block per 考核指标 row (target and actual across the years)
 * and, when the center's province has a scoring scheme, the score by area: what the report's PDF
 * draws with the window's function. Returns how many charts it added. */
guint     icw_document_add_report_charts (IcwDocument *document,
                                          IcwStore    *store,
                                          IcwReport   *report);

G_END_DECLS
