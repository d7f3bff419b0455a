/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-chart-view.h: a chart (icw-indicator-chart.h) in the window: a drawing area that
 * draws it with the same function as the PDF, on a white card, and tells a screen reader its
 * title and values. */
#pragma once

#include <gtk/gtk.h>

#include "icw-indicator-chart.h"

G_BEGIN_DECLS

#define ICW_TYPE_INDICATOR_CHART_VIEW (icw_indicator_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (IcwIndicatorChartView, icw_indicator_chart_view, ICW, INDICATOR_CHART_VIEW, GtkDrawingArea)

GtkWidget *icw_indicator_chart_view_new       (void);
void       icw_indicator_chart_view_set_chart (IcwIndicatorChartView *self,
                                               IcwChart              *chart);
IcwChart  *icw_indicator_chart_view_get_chart (IcwIndicatorChartView *self);
/* What a screen reader is told: the title, then each category's values. */
char      *icw_indicator_chart_describe       (IcwChart              *chart);

G_END_DECLS
