/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-editor-parts.c: the page list rows with their badges and the scrolled page that the
 * document editors (IcwDocumentEditor and its kinds) share. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-editor-parts.h"
#include "icw-ui-util.h"

GtkWidget *
icw_editor_page_row_new (const char  *title,
                         gboolean     wrap,
                         GtkWidget  **badge_out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      /* At most as wide as its longest word: the list keeps its width and the title wraps in it. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
    }
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (badge, "badge");
  /* Beside a title on two or three lines the badge stays a pill, centred, not stretched. */
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  *badge_out = badge;
  return row;
}

void
icw_editor_badge_show (GtkLabel   *badge,
                       guint       errors,
                       guint       warnings,
                       gboolean    complete,
                       const char *nothing)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "success");
  if (errors > 0)
    {
      text = g_strdup_printf ("%u", errors + warnings);
      accessible = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      gtk_widget_add_css_class (GTK_WIDGET (badge), "error");
    }
  else if (warnings > 0)
    {
      text = g_strdup_printf ("%u", warnings);
      accessible = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
      gtk_widget_add_css_class (GTK_WIDGET (badge), "warning");
    }
  else if (complete)
    {
      text = g_strdup ("✓");
      accessible = g_strdup (_("Complete"));
      gtk_widget_add_css_class (GTK_WIDGET (badge), "success");
    }
  gtk_label_set_text (badge, text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible != NULL ? accessible : nothing, -1);
}

GtkWidget *
icw_editor_scrolled_page_new (GtkWidget *child,
                              int        width,
                              int        margin_y,
                              int        margin_x)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), width);
  gtk_widget_set_margin_top (child, margin_y);
  gtk_widget_set_margin_bottom (child, margin_y);
  gtk_widget_set_margin_start (child, margin_x);
  gtk_widget_set_margin_end (child, margin_x);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}
