/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-compare-marks.c: labels and tables marked with what changed (see the header). Pango
 * attributes over the label's text: strikethrough for removed text, a single underline for added
 * text, each with a translucent red or green background that reads on light and dark styles. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-compare-marks.h"

/* How much of a removed or added text the accessible description quotes. */
#define QUOTE_CHARS 200

static void
mark (PangoAttrList *list,
      IcwDiffKind    kind,
      guint          start,
      guint          end)
{
  PangoAttribute *attributes[3];

  if (kind == ICW_DIFF_EQUAL || start == end)
    return;
  if (kind == ICW_DIFF_DELETED)
    {
      attributes[0] = pango_attr_strikethrough_new (TRUE);
      attributes[1] = pango_attr_background_new (0xe0e0, 0x1b1b, 0x2424);
    }
  else
    {
      attributes[0] = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attributes[1] = pango_attr_background_new (0x2e2e, 0xc2c2, 0x7e7e);
    }
  attributes[2] = pango_attr_background_alpha_new (0x4000);
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      attributes[i]->start_index = start;
      attributes[i]->end_index = end;
      pango_attr_list_insert (list, attributes[i]);
    }
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

GtkWidget *
icw_compare_marks_label (GPtrArray   *spans,
                         IcwDiffKind  kept)
{
  g_autoptr(PangoAttrList) list = pango_attr_list_new ();
  g_autofree char *description = NULL;
  GString *text = g_string_new (NULL);
  GtkWidget *label;

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      IcwDiffSpan *span = spans->pdata[i];
      guint start = (guint) text->len;

      if (span->kind != ICW_DIFF_EQUAL && kept != ICW_DIFF_EQUAL && span->kind != kept)
        continue;
      g_string_append (text, span->text);
      mark (list, span->kind, start, (guint) text->len);
    }
  label = wrapped_label (text->len > 0 ? text->str : _("(empty)"));
  gtk_label_set_attributes (GTK_LABEL (label), text->len > 0 ? list : NULL);
  g_string_free (text, TRUE);
  description = icw_compare_marks_describe (spans);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return label;
}

static void
quote (GString    *out,
       GString    *text)
{
  if (g_utf8_strlen (text->str, -1) > QUOTE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text->str, 0, QUOTE_CHARS);

      g_string_append_printf (out, "%s…", start);
    }
  else
    g_string_append (out, text->str);
}

char *
icw_compare_marks_describe (GPtrArray *spans)
{
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      IcwDiffSpan *span = spans->pdata[i];
      GString *into = span->kind == ICW_DIFF_DELETED ? removed : span->kind == ICW_DIFF_INSERTED ? added : NULL;

      if (into == NULL)
        continue;
      if (into->len > 0)
        g_string_append (into, " … ");
      g_string_append (into, span->text);
    }
  if (removed->len > 0)
    {
      g_autoptr(GString) quoted = g_string_new (NULL);

      quote (quoted, removed);
      /* TRANSLATORS: what a screen reader says of text removed in a later version */
      g_string_append_printf (out, _("Removed: “%s”."), quoted->str);
    }
  if (added->len > 0)
    {
      g_autoptr(GString) quoted = g_string_new (NULL);

      quote (quoted, added);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      /* TRANSLATORS: what a screen reader says of text added in a later version */
      g_string_append_printf (out, _("Added: “%s”."), quoted->str);
    }
  return out->len > 0 ? g_string_free (out, FALSE) : (g_string_free (out, TRUE), NULL);
}

static const char *
change_label (IcwRowChange change)
{
  switch (change)
    {
    case ICW_ROW_CHANGED:
      return _("Changed");
    case ICW_ROW_ADDED:
      return _("Added");
    case ICW_ROW_REMOVED:
      return _("Removed");
    case ICW_ROW_SAME:
    default:
      return "";
    }
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = wrapped_label (text);

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

GtkWidget *
icw_compare_marks_table (IcwTableDiff *diff)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n_headers = diff->headers != NULL ? g_strv_length (diff->headers) : 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_attach (GTK_GRID (grid), header_label (_("Change")), 0, 0, 1, 1);
  for (guint c = 0; c < n_headers; c++)
    gtk_grid_attach (GTK_GRID (grid), header_label (diff->headers[c]), (int) c + 1, 0, 1, 1);
  for (guint r = 0; r < diff->rows->len; r++)
    {
      IcwRowDiff *row = diff->rows->pdata[r];
      GtkWidget *change = header_label (change_label (row->change));

      gtk_widget_remove_css_class (change, "heading");
      gtk_widget_add_css_class (change, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), change, 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < row->cells->len; c++)
        {
          GtkWidget *cell = icw_compare_marks_label (row->cells->pdata[c], ICW_DIFF_EQUAL);

          gtk_label_set_max_width_chars (GTK_LABEL (cell), 40);
          gtk_widget_set_hexpand (cell, c + 1 == row->cells->len);
          gtk_grid_attach (GTK_GRID (grid), cell, (int) c + 1, (int) r + 1, 1, 1);
        }
    }
  return grid;
}

gboolean
icw_compare_marks_at (GtkLabel *label,
                      guint     index,
                      gboolean *struck,
                      gboolean *underlined)
{
  PangoAttrList *list = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrIterator) iterator = NULL;
  gboolean found_struck = FALSE, found_underlined = FALSE;

  if (list != NULL)
    {
      iterator = pango_attr_list_get_iterator (list);
      do
        {
          int start, end;
          PangoAttribute *attribute;

          pango_attr_iterator_range (iterator, &start, &end);
          if ((guint) start > index || (guint) end <= index)
            continue;
          attribute = pango_attr_iterator_get (iterator, PANGO_ATTR_STRIKETHROUGH);
          found_struck |= attribute != NULL && ((PangoAttrInt *) attribute)->value != 0;
          attribute = pango_attr_iterator_get (iterator, PANGO_ATTR_UNDERLINE);
          found_underlined |= attribute != NULL && ((PangoAttrInt *) attribute)->value != PANGO_UNDERLINE_NONE;
        }
      while (pango_attr_iterator_next (iterator));
    }
  if (struck != NULL)
    *struck = found_struck;
  if (underlined != NULL)
    *underlined = found_underlined;
  return found_struck || found_underlined;
}
