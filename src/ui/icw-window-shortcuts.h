/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-window-shortcuts.h: the window's keyboard commands on the document it shows (win.check,
 * win.mark-ready, win.submit), its shortcuts window (win.show-help-overlay) and the Tab order past
 * its sidebar; see icw-window-shortcuts.c. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void icw_window_shortcuts_install (GtkWidgetClass *widget_class);
/* win.show-help-overlay: the shortcuts window (resources/gtk/help-overlay.ui), built when first shown. */
void icw_window_shortcuts_add_help_overlay (GtkApplicationWindow *window);
/* Tab in SIDEBAR enters AFTER (the page shown) and Shift+Tab goes back to BEFORE (the header
 * bar), instead of moving from row to row, which in a browse-mode list switches pages. */
void icw_window_shortcuts_tab_past (GtkWidget *sidebar,
                                    GtkWidget *before,
                                    GtkWidget *after);

G_END_DECLS
