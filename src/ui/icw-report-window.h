/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-window.h: a window of its own for one report of a center (IcwReportEditor under a
 * header bar), opened from the center's Reports group. It answers win.show-record as the main
 * window does, so a report reopened as a new version shows the new version in place. */
#pragma once

#include <adwaita.h>

#include "icw-report-editor.h"
#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REPORT_WINDOW (icw_report_window_get_type ())

G_DECLARE_FINAL_TYPE (IcwReportWindow, icw_report_window, ICW, REPORT_WINDOW, AdwWindow)

IcwReportWindow *icw_report_window_new        (GtkWidget       *parent,
                                               IcwStore        *store,
                                               IcwReport       *report,
                                               IcwMoneyUnit     money_unit);
IcwReportEditor *icw_report_window_get_editor (IcwReportWindow *self);
/* "2025 yearly assessment" / "2025年度考核": what the window and a report's row are titled. */
char            *icw_report_window_title_for  (IcwReport       *report);

G_END_DECLS
