/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-about.h: the About window, built from the AppStream metainfo. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *icw_about_window_new (GtkWindow *parent);

G_END_DECLS
