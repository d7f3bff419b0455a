/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-title-box-layout.h: the layout of a libadwaita row's title and subtitle, whose width is
 * measured without the height it is asked for (issue 20: start-up to the filled first page). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICW_TYPE_TITLE_BOX_LAYOUT (icw_title_box_layout_get_type ())
G_DECLARE_FINAL_TYPE (IcwTitleBoxLayout, icw_title_box_layout, ICW, TITLE_BOX_LAYOUT, GtkLayoutManager)

/* Every row under ROOT (libadwaita's AdwActionRow and its subclasses: a box of class "header"
 * holding a vertical box of class "title" with the title and subtitle labels) gets the layout on
 * its title box; a row that has it already is left as it is. Call it once the rows are made. */
void icw_title_box_layout_install (GtkWidget *root);

/* From now on, every row's title (AdwActionRow and its subclasses) wraps between words, never
 * inside one ("Confidentialit-y" at a narrow width); Chinese still wraps between characters. The
 * application calls it once at start-up; calling it again does nothing. */
void icw_title_box_wrap_titles_between_words (void);

G_END_DECLS
