/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-adaptive-bin.h: a sidebar and its content side by side when there is room for both, one at a
 * time with a way back when there is not (an AdwLeaflet that folds by the width it is given). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICW_TYPE_ADAPTIVE_BIN (icw_adaptive_bin_get_type ())

G_DECLARE_FINAL_TYPE (IcwAdaptiveBin, icw_adaptive_bin, ICW, ADAPTIVE_BIN, GtkWidget)

/* Side by side from @unfold_width px on (and only while both fit their minimum widths). */
GtkWidget *icw_adaptive_bin_new           (int             unfold_width);
void       icw_adaptive_bin_set_sidebar   (IcwAdaptiveBin *self,
                                           GtkWidget      *sidebar);
void       icw_adaptive_bin_set_content   (IcwAdaptiveBin *self,
                                           GtkWidget      *content);
AdwLeaflet *icw_adaptive_bin_get_leaflet  (IcwAdaptiveBin *self);
GtkWidget  *icw_adaptive_bin_get_sidebar  (IcwAdaptiveBin *self);
gboolean   icw_adaptive_bin_get_folded    (IcwAdaptiveBin *self);
/* Folded: show the content (what the sidebar chose), or the sidebar. */
void       icw_adaptive_bin_show_content  (IcwAdaptiveBin *self);
void       icw_adaptive_bin_show_sidebar  (IcwAdaptiveBin *self);
/* A Back button for a window of its own (the main window has one for all its levels): shown while
 * @self is folded and shows its content; a click shows the sidebar. */
GtkWidget *icw_adaptive_bin_back_button_new (IcwAdaptiveBin *self);
/* The innermost folded bin under @root (mapped) that shows its content: where Back goes. */
IcwAdaptiveBin *icw_adaptive_bin_find_back (GtkWidget    *root);

G_END_DECLS
