/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-indicators.h: the 考核指标 table of a report as an editable grid, one row per
 * indicator of the center's targets: the indicator and unit, the target (read from the 任务书,
 * not editable), the actual (a number typed, or computed from the registers and shown as such),
 * the difference, the evidence files attached to the row, and a comment where the target was
 * missed; under it, each indicator's chart of target and actual across the center's years. Edits
 * are saved as they are typed (the row's JSON, icw-report-parts.h). */
#pragma once

#include <gtk/gtk.h>

#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REPORT_INDICATORS (icw_report_indicators_get_type ())

G_DECLARE_FINAL_TYPE (IcwReportIndicators, icw_report_indicators, ICW, REPORT_INDICATORS, GtkBox)

GtkWidget *icw_report_indicators_new          (IcwStore            *store);
void       icw_report_indicators_set_report   (IcwReportIndicators *self,
                                               IcwReport           *report);
void       icw_report_indicators_set_editable (IcwReportIndicators *self,
                                               gboolean             editable);
/* Saves what is still being typed. */
void       icw_report_indicators_flush        (IcwReportIndicators *self);
/* Focuses the actual of the row with this indicator key or number from 1 (else the first row). */
gboolean   icw_report_indicators_focus        (IcwReportIndicators *self,
                                               const char          *key);
/* Attaches a file to a row's evidence as the Attach button's file chooser does (tests). */
gboolean   icw_report_indicators_attach       (IcwReportIndicators *self,
                                               const char          *key,
                                               GFile               *file,
                                               GError             **error);
/* A row's widget: "actual" (an entry, or a label when computed), "difference", "evidence" (the
 * count's label), "comment" or "chart" (its IcwIndicatorChartView); NULL for none (tests). */
GtkWidget *icw_report_indicators_get_cell     (IcwReportIndicators *self,
                                               const char          *key,
                                               const char          *what);
/* The message shown for a bad entry, or NULL (tests). */
const char *icw_report_indicators_get_message (IcwReportIndicators *self);

G_END_DECLS
