/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-expander-list.c: focusing a field in a list of expander rows (icw-expander-list.h). A field
 * row's own entry takes the focus, so typing goes into it at once. */
#include "config.h"

#include "icw-expander-list.h"
#include "icw-field-row.h"

gboolean
icw_expander_list_focus (GtkListBox *rows,
                         GPtrArray  *cells,
                         guint       index,
                         const char *key)
{
  GtkWidget *expander = GTK_WIDGET (gtk_list_box_get_row_at_index (rows, (int) index));

  if (expander == NULL)
    return FALSE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  for (guint i = 0; i < cells->len; i++)
    {
      IcwListCell *cell = g_ptr_array_index (cells, i);

      if (cell->index != index || (key != NULL && g_strcmp0 (cell->key, key) != 0))
        continue;
      gtk_widget_grab_focus (ICW_IS_FIELD_ROW (cell->row)
                             ? GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (cell->row))) : cell->row);
      return TRUE;
    }
  gtk_widget_grab_focus (expander);
  return TRUE;
}

gboolean
icw_expander_list_remove (JsonArray         *items,
                          const IcwListCell *cell)
{
  if (cell->index >= json_array_get_length (items))
    return FALSE;
  json_array_remove_element (items, cell->index);
  return TRUE;
}
