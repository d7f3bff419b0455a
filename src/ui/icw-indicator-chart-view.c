/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-chart-view.c: the chart view (icw-indicator-chart-view.h). The chart is drawn
 * black on white in light and dark styles alike, as it prints: a report's picture, not a control. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-indicator-chart-view.h"

struct _IcwIndicatorChartView
{
  GtkDrawingArea parent_instance;

  IcwChart *chart;
};

G_DEFINE_FINAL_TYPE (IcwIndicatorChartView, icw_indicator_chart_view, GTK_TYPE_DRAWING_AREA)

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  IcwIndicatorChartView *self = ICW_INDICATOR_CHART_VIEW (area);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  if (self->chart != NULL)
    icw_chart_draw (self->chart, cr, 0, 0, width, height, NULL, NULL);
}

char *
icw_indicator_chart_describe (IcwChart *chart)
{
  GString *text = g_string_new (icw_chart_get_title (chart));

  for (guint i = 0; i < icw_chart_get_n_categories (chart); i++)
    {
      g_autofree char *a = icw_chart_format_value (icw_chart_get_value (chart, i, 0));
      g_autofree char *b = icw_chart_format_value (icw_chart_get_value (chart, i, 1));

      /* TRANSLATORS: a chart's category for a screen reader: "2024: Target 15, Actual 9.5" */
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %s %s, %s %s"), icw_chart_get_label (chart, i),
                              icw_chart_get_series_name (chart, 0), a, icw_chart_get_series_name (chart, 1), b);
    }
  return g_string_free (text, FALSE);
}

void
icw_indicator_chart_view_set_chart (IcwIndicatorChartView *self,
                                    IcwChart              *chart)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ICW_IS_INDICATOR_CHART_VIEW (self));
  if (chart != NULL)
    icw_chart_ref (chart);
  g_clear_pointer (&self->chart, icw_chart_unref);
  self->chart = chart;
  if (chart != NULL)
    {
      description = icw_indicator_chart_describe (chart);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, icw_chart_get_title (chart),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

IcwChart *
icw_indicator_chart_view_get_chart (IcwIndicatorChartView *self)
{
  g_return_val_if_fail (ICW_IS_INDICATOR_CHART_VIEW (self), NULL);
  return self->chart;
}

static void
icw_indicator_chart_view_finalize (GObject *object)
{
  IcwIndicatorChartView *self = ICW_INDICATOR_CHART_VIEW (object);

  g_clear_pointer (&self->chart, icw_chart_unref);
  G_OBJECT_CLASS (icw_indicator_chart_view_parent_class)->finalize (object);
}

static void
icw_indicator_chart_view_class_init (IcwIndicatorChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_indicator_chart_view_finalize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
icw_indicator_chart_view_init (IcwIndicatorChartView *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 260);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 420);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
icw_indicator_chart_view_new (void)
{
  return g_object_new (ICW_TYPE_INDICATOR_CHART_VIEW, NULL);
}
