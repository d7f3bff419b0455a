/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-chart.c: the chart and its one drawing function (icw-indicator-chart.h). The box
 * is divided from the outside in: the title on top, the unit and the legend under it, the
 * category labels at the bottom, the tick labels on the left; the bars take what is left. Every
 * piece of text is measured before it is placed and ellipsized to the room it has, so nothing is
 * drawn outside the box whatever its size (the test draws into a recording surface and checks
 * its ink). The value axis runs from 0 to a round number (1, 2 or 5 times a power of ten per
 * tick) at or above the largest value, so bar heights are proportional to the values. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "icw-indicator-chart.h"

#define DEFAULT_FAMILY "Noto Sans CJK SC, Noto Sans, DejaVu Sans, Sans"

typedef struct {
  char   *label;
  double  value[ICW_CHART_N_SERIES];
} Category;

struct _IcwChart
{
  gatomicrefcount  ref_count;
  char            *title;
  char            *unit;
  char            *series[ICW_CHART_N_SERIES];
  GArray          *categories;   /* Category */
};

/* Fill colours of the two series: a light and a strong blue, told apart in grey too. */
static const double series_rgb[ICW_CHART_N_SERIES][3] = {
  { 0.70, 0.77, 0.87 },
  { 0.11, 0.39, 0.73 },
};

static void
category_clear (Category *category)
{
  g_free (category->label);
}

IcwChart *
icw_chart_new (const char *title,
               const char *unit,
               const char *series_a,
               const char *series_b)
{
  IcwChart *self = g_new0 (IcwChart, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title != NULL ? title : "");
  self->unit = g_strdup (unit != NULL ? unit : "");
  self->series[0] = g_strdup (series_a != NULL ? series_a : "");
  self->series[1] = g_strdup (series_b != NULL ? series_b : "");
  self->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (self->categories, (GDestroyNotify) category_clear);
  return self;
}

IcwChart *
icw_chart_ref (IcwChart *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
icw_chart_unref (IcwChart *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->unit);
  for (guint s = 0; s < ICW_CHART_N_SERIES; s++)
    g_free (self->series[s]);
  g_array_unref (self->categories);
  g_free (self);
}

void
icw_chart_add (IcwChart   *self,
               const char *label,
               double      a,
               double      b)
{
  Category category = { g_strdup (label != NULL ? label : ""), { a, b } };

  g_array_append_val (self->categories, category);
}

const char *icw_chart_get_title (IcwChart *self) { return self->title; }
const char *icw_chart_get_unit (IcwChart *self) { return self->unit; }
guint icw_chart_get_n_categories (IcwChart *self) { return self->categories->len; }

const char *
icw_chart_get_series_name (IcwChart *self,
                           guint     series)
{
  g_return_val_if_fail (series < ICW_CHART_N_SERIES, NULL);
  return self->series[series];
}

const char *
icw_chart_get_label (IcwChart *self,
                     guint     category)
{
  g_return_val_if_fail (category < self->categories->len, NULL);
  return g_array_index (self->categories, Category, category).label;
}

double
icw_chart_get_value (IcwChart *self,
                     guint     category,
                     guint     series)
{
  g_return_val_if_fail (category < self->categories->len && series < ICW_CHART_N_SERIES, NAN);
  return g_array_index (self->categories, Category, category).value[series];
}

char *
icw_chart_format_value (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (isnan (value))
    return g_strdup ("—");
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_strdup (buffer);
}

/* The round number at or above `max` that 4 or 5 ticks of 1, 2 or 5 × 10^k reach. */
static double
nice_step (double max)
{
  double raw = max / 5.0;
  double power = pow (10.0, floor (log10 (raw)));
  static const double factors[] = { 1.0, 2.0, 5.0, 10.0 };

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    if (factors[i] * power >= raw)
      return factors[i] * power;
  return 10.0 * power;
}

typedef struct {
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  IcwChartGeometry     *geometry;
  gboolean              any_text;
} Pen;

/* Sets the text of the pen's layout at `size` points, ellipsized at `max_width` (<= 0: none),
 * and returns its logical size. */
static void
measure (Pen        *pen,
         const char *text,
         double      size,
         gboolean    bold,
         double      max_width,
         double     *width,
         double     *height)
{
  PangoRectangle logical;

  pango_font_description_set_absolute_size (pen->font, size * PANGO_SCALE);
  pango_font_description_set_weight (pen->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pen->layout, pen->font);
  pango_layout_set_width (pen->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (pen->layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (pen->layout, text, -1);
  pango_layout_get_extents (pen->layout, NULL, &logical);
  *width = MIN ((double) logical.width / PANGO_SCALE, max_width > 0 ? max_width : G_MAXDOUBLE);
  *height = (double) logical.height / PANGO_SCALE;
}

static void
union_rect (cairo_rectangle_t *into,
            gboolean           first,
            double             x,
            double             y,
            double             w,
            double             h)
{
  double x1, y1;

  if (first)
    {
      *into = (cairo_rectangle_t) { x, y, w, h };
      return;
    }
  x1 = MAX (into->x + into->width, x + w);
  y1 = MAX (into->y + into->height, y + h);
  into->x = MIN (into->x, x);
  into->y = MIN (into->y, y);
  into->width = x1 - into->x;
  into->height = y1 - into->y;
}

/* Draws the text last measured with its top left corner at (x, y). */
static void
show (Pen    *pen,
      double  x,
      double  y,
      double  w,
      double  h)
{
  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, pen->layout);
  if (pen->geometry != NULL)
    {
      union_rect (&pen->geometry->text_extents, !pen->any_text, x, y, w, h);
      pen->geometry->n_labels++;
    }
  pen->any_text = TRUE;
}

static void
text_at (Pen        *pen,
         const char *text,
         double      size,
         gboolean    bold,
         double      max_width,
         double      x,
         double      y,
         double      align)   /* 0 left, 0.5 centred, 1 right of x */
{
  double w, h;

  measure (pen, text, size, bold, max_width, &w, &h);
  show (pen, x - align * w, y, w, h);
}

static double
largest_value (IcwChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->categories->len; i++)
    for (guint s = 0; s < ICW_CHART_N_SERIES; s++)
      {
        double v = g_array_index (self->categories, Category, i).value[s];

        if (!isnan (v))
          max = MAX (max, v);
      }
  return max;
}

/* The legend, right-aligned on the line at y: a swatch and a name per series. */
static void
draw_legend (IcwChart *self,
             Pen      *pen,
             double    right,
             double    y,
             double    size,
             double    max_width)
{
  double swatch = size * 0.8;
  double x = right;

  for (int s = ICW_CHART_N_SERIES - 1; s >= 0; s--)
    {
      double w, h;

      measure (pen, self->series[s], size, FALSE, max_width / 2 - swatch * 2, &w, &h);
      x -= w;
      show (pen, x, y, w, h);
      x -= swatch * 1.4;
      cairo_rectangle (pen->cr, x, y + (h - swatch) / 2, swatch, swatch);
      cairo_set_source_rgb (pen->cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
      cairo_fill (pen->cr);
      cairo_set_source_rgb (pen->cr, 0, 0, 0);
      x -= swatch * 1.2;
    }
}

static void
draw_axis (Pen               *pen,
           cairo_rectangle_t *plot,
           double             step,
           guint              n_ticks,
           double             size,
           double             label_right)
{
  cairo_set_line_width (pen->cr, 0.5);
  for (guint t = 0; t <= n_ticks; t++)
    {
      double y = plot->y + plot->height - plot->height * t / n_ticks;
      g_autofree char *label = icw_chart_format_value (step * t);
      double w, h;

      cairo_set_source_rgb (pen->cr, 0.85, 0.85, 0.85);
      cairo_move_to (pen->cr, plot->x, y);
      cairo_line_to (pen->cr, plot->x + plot->width, y);
      cairo_stroke (pen->cr);
      cairo_set_source_rgb (pen->cr, 0, 0, 0);
      measure (pen, label, size, FALSE, 0, &w, &h);
      show (pen, label_right - w, y - h / 2, w, h);
    }
  cairo_set_line_width (pen->cr, 1.0);
  cairo_move_to (pen->cr, plot->x, plot->y);
  cairo_line_to (pen->cr, plot->x, plot->y + plot->height);
  cairo_line_to (pen->cr, plot->x + plot->width, plot->y + plot->height);
  cairo_stroke (pen->cr);
}

/* The bars of category i, its label under the plot and each value over its bar when it fits. */
static void
draw_category (IcwChart          *self,
               Pen               *pen,
               cairo_rectangle_t *plot,
               double             axis_max,
               guint              i,
               double             size)
{
  const Category *category = &g_array_index (self->categories, Category, i);
  double group = plot->width / self->categories->len;
  double bar = group * 0.34;
  double left = plot->x + group * i + (group - bar * ICW_CHART_N_SERIES) / 2;
  double bottom = plot->y + plot->height;

  for (guint s = 0; s < ICW_CHART_N_SERIES; s++)
    {
      double v = category->value[s];
      cairo_rectangle_t r = { left + bar * s, bottom, isnan (v) ? 0 : bar, 0 };

      if (!isnan (v))
        {
          r.height = plot->height * MAX (v, 0) / axis_max;
          r.y = bottom - r.height;
          cairo_rectangle (pen->cr, r.x, r.y, r.width, r.height);
          cairo_set_source_rgb (pen->cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
          cairo_fill (pen->cr);
          cairo_set_source_rgb (pen->cr, 0, 0, 0);
        }
      if (pen->geometry != NULL)
        g_array_append_val (pen->geometry->bars, r);
      if (!isnan (v))
        {
          g_autofree char *text = icw_chart_format_value (v);
          double w, h;

          measure (pen, text, size * 0.85, FALSE, 0, &w, &h);
          if (w <= bar * 1.15)
            show (pen, r.x + (r.width - w) / 2, r.y - h, w, h);
        }
    }
  text_at (pen, category->label, size, FALSE, group * 0.95, plot->x + group * (i + 0.5), bottom + size * 0.3, 0.5);
}

void
icw_chart_draw (IcwChart         *self,
                cairo_t          *cr,
                double            x,
                double            y,
                double            width,
                double            height,
                const char       *font_family,
                IcwChartGeometry *geometry)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  Pen pen = { cr, layout, pango_font_description_from_string (font_family != NULL ? font_family : DEFAULT_FAMILY), geometry, FALSE };
  double size = CLAMP (MIN (height / 18.0, width / 30.0), 5.0, 12.0);
  double pad = size * 0.8;
  double w, h, title_h, line_h, tick_w = 0, axis_max, step;
  guint n_ticks;
  cairo_rectangle_t plot;

  g_return_if_fail (self != NULL && cr != NULL);
  if (geometry != NULL)
    *geometry = (IcwChartGeometry) { .bars = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t)) };
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  measure (&pen, self->title, size * 1.15, TRUE, width - 2 * pad, &w, &title_h);
  show (&pen, x + pad, y + pad, w, title_h);
  /* The unit over the axis, left; the legend, right. */
  measure (&pen, self->unit, size, FALSE, width / 3, &w, &line_h);
  if (*self->unit != '\0')
    show (&pen, x + pad, y + pad + title_h, w, line_h);
  draw_legend (self, &pen, x + width - pad, y + pad + title_h, size, width * 2 / 3 - 2 * pad);

  axis_max = largest_value (self);
  step = axis_max > 0 ? nice_step (axis_max) : 1.0;
  n_ticks = MAX (1, (guint) ceil (axis_max / step - 1e-9));
  axis_max = step * n_ticks;
  for (guint t = 0; t <= n_ticks; t++)
    {
      g_autofree char *label = icw_chart_format_value (step * t);

      measure (&pen, label, size, FALSE, 0, &w, &h);
      tick_w = MAX (tick_w, w);
    }
  /* Room over the plot for the values over the tallest bars, under it for the labels. */
  plot.x = x + pad + tick_w + size * 0.4;
  plot.y = y + pad + title_h + line_h * 2.2;
  plot.width = x + width - pad - plot.x;
  plot.height = y + height - pad - line_h * 1.3 - plot.y;
  if (geometry != NULL)
    geometry->plot = plot, geometry->axis_max = axis_max;
  if (plot.width <= 0 || plot.height <= 0)
    {
      cairo_restore (cr);
      pango_font_description_free (pen.font);
      return;
    }
  draw_axis (&pen, &plot, step, n_ticks, size, plot.x - size * 0.4);
  if (self->categories->len == 0)
    text_at (&pen, _("No figures yet"), size, FALSE, plot.width, plot.x + plot.width / 2, plot.y + plot.height / 2 - size, 0.5);
  for (guint i = 0; i < self->categories->len; i++)
    draw_category (self, &pen, &plot, axis_max, i, size);
  cairo_restore (cr);
  pango_font_description_free (pen.font);
}

void
icw_chart_geometry_clear (IcwChartGeometry *geometry)
{
  g_clear_pointer (&geometry->bars, g_array_unref);
}
