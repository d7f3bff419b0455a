/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-row-header-layout.h: the layout of a libadwaita row's header (the horizontal box of the
 * prefixes, the title box and the suffixes), which allocates its children without asking the title
 * box for its width at the row's height when the title fits unwrapped (issue 20: start-up to the
 * filled first page). Put on the rows by icw_title_box_layout_install(). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICW_TYPE_ROW_HEADER_LAYOUT (icw_row_header_layout_get_type ())
G_DECLARE_FINAL_TYPE (IcwRowHeaderLayout, icw_row_header_layout, ICW, ROW_HEADER_LAYOUT, GtkLayoutManager)

/* The layout for HEADER (a horizontal GtkBox) whose expanding child is TITLE_BOX, with the box's
 * spacing and settings. */
GtkLayoutManager *icw_row_header_layout_new (GtkWidget *header,
                                             GtkWidget *title_box);

G_END_DECLS
