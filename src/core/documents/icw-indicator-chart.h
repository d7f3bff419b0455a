/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-chart.h: the pictures of a report, drawn with cairo and Pango only, so that the
 * window (IcwIndicatorChartView, a GtkDrawingArea) and the PDF (a chart block of the document
 * model, icw-document.h) draw them with the same function: one indicator's target and actual
 * across the years, or the score by area (each area's maximum and the points given). A chart is
 * a list of categories (years or areas) with two values each, grouped bars with a value axis
 * that names the unit, a legend and the values over the bars. Its words (title, unit, series
 * names) are given already translated by whoever builds it. Immutable once built, so a worker
 * thread may draw it. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _IcwChart IcwChart;

#define ICW_CHART_N_SERIES 2

/* What the drawing placed, for tests and for the accessible description: the plot area, each
 * value's bar (a zero-size rectangle for a missing value), the axis' top value, and the union of
 * the extents of every piece of text drawn. In the units of the cairo context given. */
typedef struct {
  cairo_rectangle_t  plot;
  GArray            *bars;          /* cairo_rectangle_t, category by category, series by series */
  double             axis_max;
  cairo_rectangle_t  text_extents;
  guint              n_labels;      /* pieces of text drawn */
} IcwChartGeometry;

/* `series_a` and `series_b` name the two values of a category in the legend ("Target", "Actual";
 * "Maximum", "Points"); `unit` is shown over the value axis (may be NULL or empty). */
IcwChart   *icw_chart_new              (const char  *title,
                                        const char  *unit,
                                        const char  *series_a,
                                        const char  *series_b);
IcwChart   *icw_chart_ref              (IcwChart    *self);
void        icw_chart_unref            (IcwChart    *self);
/* A category and its two values; NAN where there is none (a year without a target, say).
 * Negative values are drawn as 0: indicators and points are not negative. */
void        icw_chart_add              (IcwChart    *self,
                                        const char  *label,
                                        double       a,
                                        double       b);

const char *icw_chart_get_title        (IcwChart    *self);
const char *icw_chart_get_unit         (IcwChart    *self);
const char *icw_chart_get_series_name  (IcwChart    *self,
                                        guint        series);
guint       icw_chart_get_n_categories (IcwChart    *self);
const char *icw_chart_get_label        (IcwChart    *self,
                                        guint        category);
double      icw_chart_get_value        (IcwChart    *self,
                                        guint        category,
                                        guint        series);
/* A value as the chart prints it: up to two decimals, no trailing zeros; "—" for none. */
char       *icw_chart_format_value     (double       value);

/* Draws the chart in the box (x, y, width, height) of `cr`, its text in `font_family` (NULL: a
 * sans-serif with CJK glyphs) at a size that fits the box. Nothing is drawn outside the box.
 * `geometry` (may be NULL) receives what was placed; clear it with icw_chart_geometry_clear. */
void        icw_chart_draw             (IcwChart          *self,
                                        cairo_t           *cr,
                                        double             x,
                                        double             y,
                                        double             width,
                                        double             height,
                                        const char        *font_family,
                                        IcwChartGeometry  *geometry);
void        icw_chart_geometry_clear   (IcwChartGeometry  *geometry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwChart, icw_chart_unref)

G_END_DECLS
