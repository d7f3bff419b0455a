/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-expander-list.h: what the lists of expander rows (one per item of a JSON array: the JSON
 * list editor's parts, the agreement's results) share: each field row is described by a cell
 * whose first member is an IcwListCell, and a field is focused by its item's index and its key. */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint       index;   /* the item's index in the array, and its expander's in the list box */
  const char *key;     /* the item's member the row edits */
  GtkWidget  *row;
} IcwListCell;

/* Expands the index'th row of rows and focuses the field of the cell (an IcwListCell or a struct
 * that starts with one) for index and key, or the first field of the item when key is NULL, or
 * else the expander itself. FALSE when there is no such item. */
gboolean icw_expander_list_focus (GtkListBox *rows,
                                  GPtrArray  *cells,
                                  guint       index,
                                  const char *key);

/* Removes the cell's item from items; FALSE when it is not there (any more). */
gboolean icw_expander_list_remove (JsonArray         *items,
                                   const IcwListCell *cell);

G_END_DECLS
