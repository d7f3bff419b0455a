/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-window-shortcuts.h: the window's keyboard commands on the document it shows (win.check,
 * win.mark-ready, win.submit); see icw-window-shortcuts.c. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void icw_window_shortcuts_install (GtkWidgetClass *widget_class);

G_END_DECLS
