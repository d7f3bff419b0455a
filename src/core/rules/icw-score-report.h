/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-report.h: a report's self-score: the scheme that applies to its center (icw-score-
 * scheme.h), the figures it reads taken from the report and the registers, and the score. */
#pragma once

#include "icw-report.h"
#include "icw-score.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* The figures of the report for the scoring rules: staff and R&D staff and R&D spending as the
 * report holds them (an evaluation's spending is the average over the reports of its three
 * years), the alliance's enterprises, institutes and universities from the members register, and
 * the national platforms the members hold (only when there is one: the registers do not hold
 * provincial platforms, so none there says nothing). A figure the report leaves at 0 is not
 * entered, and the item it feeds is scored by hand. */
IcwScoreInput *icw_score_report_input (IcwStore   *store,
                                       IcwReport  *report);
/* The self-score of the report by the scheme of its center, with the scores typed by hand that
 * the report keeps ("hand-scores", icw-report-hand-scores.h) for the items still scored by hand
 * (a kept score of an item the figures now compute is set aside, not an error; one outside the
 * item's limits is the error naming the item), or NULL with the error (no scheme is
 * known for the center's province: ICW_ERROR_NOT_FOUND, "source not found"). `schemes` NULL loads
 * the bundled ones. */
IcwScore      *icw_score_report       (IcwStore   *store,
                                       IcwReport  *report,
                                       GPtrArray  *schemes,
                                       GError    **error);

G_END_DECLS
