/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-row-text.c: a row's line of text (icw-row-text.h). Its height is the line height of its font
 * (its CSS font and the language's fallback for Chinese, so that a line of either fits), measured
 * once per font for all row texts; its minimum width is nothing and its natural width a fixed
 * number of the font's average characters, so that measuring never lays out the text. The layout
 * is made when the text is first drawn and kept, ellipsized at the width allocated. GTK 4.8's
 * GtkInscription also sizes itself without its text, but from the font's metrics alone: in an
 * English session a Chinese name's glyphs (a fallback font, taller) were clipped at the row's top
 * and bottom, which is why the line height here is measured on a sample of both scripts. */
#include "config.h"

#include "icw-row-text.h"

struct _IcwRowText
{
  GtkWidget parent_instance;

  char *text;
  PangoLayout *layout;     /* made when first drawn; NULL after a change of font */
  gboolean laid_out;       /* the layout is shaped for its text and width */
  int line_height;         /* in pixels; 0: to measure */
  int natural_width;       /* in pixels */
  char *font_key;          /* the font and language measured */
};

G_DEFINE_FINAL_TYPE (IcwRowText, icw_row_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A row text is about this many average characters wide when its list has the room. */
#define NATURAL_CHARS 24

/* Latin with ascender and descender, and Chinese: the tallest line a name or a subtitle makes. */
#define SAMPLE "Ag中文"

static guint layouts;

typedef struct {
  int line_height;
  int natural_width;
} FontSize;

/* The sizes per font (its description and language): a list of thousands of rows asks Pango
 * once. */
static GHashTable *font_sizes;

static char *
font_key (IcwRowText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font_name = pango_font_description_to_string (pango_context_get_font_description (context));

  return g_strdup_printf ("%s|%s", font_name, pango_language_to_string (pango_context_get_language (context)));
}

static void
measure_font (IcwRowText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autofree char *key = font_key (self);
  FontSize *size;

  if (font_sizes == NULL)
    font_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  size = g_hash_table_lookup (font_sizes, key);
  if (size == NULL)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
      PangoRectangle logical;

      pango_layout_set_text (layout, SAMPLE, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      size = g_new (FontSize, 1);
      size->line_height = logical.height;
      size->natural_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics) * NATURAL_CHARS);
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (font_sizes, g_strdup (key), size);
    }
  g_free (self->font_key);
  self->font_key = g_steal_pointer (&key);
  self->line_height = size->line_height;
  self->natural_width = size->natural_width;
}

static void
icw_row_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  IcwRowText *self = ICW_ROW_TEXT (widget);

  if (self->line_height == 0)
    measure_font (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = self->natural_width;
    }
  else
    *minimum = *natural = self->line_height;
}

static void
icw_row_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  IcwRowText *self = ICW_ROW_TEXT (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      self->laid_out = FALSE;
    }
  if (pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      self->laid_out = FALSE;
    }
  pango_layout_set_alignment (self->layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? PANGO_ALIGN_RIGHT
                                                                                                   : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  if (!self->laid_out)
    layouts++;
  self->laid_out = TRUE;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* A change of font or of the screen's settings: measured and laid out again. (A change of style
 * that keeps the font, as a row hovered or selected, only redraws, which GTK does.) */
static void
font_changed (IcwRowText *self)
{
  g_autofree char *key = NULL;

  if (self->line_height == 0)
    return;
  key = font_key (self);
  if (g_strcmp0 (key, self->font_key) == 0)
    return;
  g_clear_object (&self->layout);
  self->line_height = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
icw_row_text_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (icw_row_text_parent_class)->css_changed (widget, change);
  font_changed (ICW_ROW_TEXT (widget));
}

static void
icw_row_text_system_setting_changed (GtkWidget         *widget,
                                     GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (icw_row_text_parent_class)->system_setting_changed (widget, setting);
  /* The font may be the same and its rendering not (hinting, resolution). */
  g_clear_object (&ICW_ROW_TEXT (widget)->layout);
  ICW_ROW_TEXT (widget)->line_height = 0;
  gtk_widget_queue_resize (widget);
}

static void
icw_row_text_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

void
icw_row_text_set_text (IcwRowText *self,
                       const char *text)
{
  g_return_if_fail (ICW_IS_ROW_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);
  self->laid_out = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  /* The size does not depend on the text: a redraw, not a new layout of the list. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
icw_row_text_get_text (IcwRowText *self)
{
  g_return_val_if_fail (ICW_IS_ROW_TEXT (self), NULL);
  return self->text != NULL ? self->text : "";
}

guint
icw_row_text_get_layouts (void)
{
  return layouts;
}

static void
icw_row_text_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, icw_row_text_get_text (ICW_ROW_TEXT (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_row_text_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      icw_row_text_set_text (ICW_ROW_TEXT (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_row_text_finalize (GObject *object)
{
  IcwRowText *self = ICW_ROW_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  g_free (self->font_key);
  G_OBJECT_CLASS (icw_row_text_parent_class)->finalize (object);
}

static void
icw_row_text_class_init (IcwRowTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = icw_row_text_get_property;
  object_class->set_property = icw_row_text_set_property;
  object_class->finalize = icw_row_text_finalize;
  widget_class->measure = icw_row_text_measure;
  widget_class->snapshot = icw_row_text_snapshot;
  widget_class->css_changed = icw_row_text_css_changed;
  widget_class->system_setting_changed = icw_row_text_system_setting_changed;
  widget_class->direction_changed = icw_row_text_direction_changed;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
icw_row_text_init (IcwRowText *self)
{
}

GtkWidget *
icw_row_text_new (void)
{
  return g_object_new (ICW_TYPE_ROW_TEXT, NULL);
}
