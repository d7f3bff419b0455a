/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-choice-factory.c: the items of a form's drop-down row (icw-choice-factory.h). libadwaita
 * 1.2's own factory ellipsizes the chosen value past 20 characters ("Upgrade to a national …"),
 * and its use-subtitle moves the value under the title, leaving an empty drop-down beside it; this
 * one lets the value wrap beside the title, in a label of that same width, so it is read whole
 * where the user opens it. */
#include "config.h"

#include "icw-choice-factory.h"

/* libadwaita's width of the value beside the title, in characters. */
#define VALUE_WIDTH_CHARS 20

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

/* The check mark of an item of the open list follows the row's choice. */
static void
update_check (AdwComboRow *row,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item) ? 1 : 0);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkWidget *check = gtk_widget_get_last_child (box);
  gpointer value = gtk_list_item_get_item (item);
  gboolean in_list = gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL;
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) text = G_VALUE_INIT;

  /* A row of objects (centers) names them by its expression, as libadwaita's factory does. */
  if (expression != NULL && gtk_expression_evaluate (expression, value, &text) && G_VALUE_HOLDS_STRING (&text))
    gtk_label_set_label (label, g_value_get_string (&text));
  else
    gtk_label_set_label (label, GTK_IS_STRING_OBJECT (value) ? gtk_string_object_get_string (value) : "");
  gtk_widget_set_visible (check, in_list);
  if (in_list)
    {
      gtk_label_set_wrap (label, FALSE);
      gtk_label_set_max_width_chars (label, -1);
      g_signal_connect_object (row, "notify::selected-item", G_CALLBACK (update_check), item, 0);
      update_check (row, NULL, item);
    }
  else
    {
      /* Beside the title: as wide as libadwaita's, on as many lines as the value needs. */
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (label, GTK_NATURAL_WRAP_WORD);
      gtk_label_set_max_width_chars (label, VALUE_WIDTH_CHARS);
      gtk_label_set_justify (label, GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (label, 1);
    }
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, update_check, item);
}

void
icw_choice_factory_apply (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), row);
  adw_combo_row_set_use_subtitle (row, FALSE);
  adw_combo_row_set_factory (row, factory);
}
