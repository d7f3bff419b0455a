/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-window.h: the main window: sidebar navigation and the pages of the registers and forms. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_WINDOW (icw_window_get_type ())

G_DECLARE_FINAL_TYPE (IcwWindow, icw_window, ICW, WINDOW, AdwApplicationWindow)

/* A window on @store, for @application (NULL in tests), with the settings of the application. */
IcwWindow *icw_window_new (GtkApplication *application,
                           IcwStore       *store,
                           GSettings      *settings);
/* Whether the window is a reviewer's workspace (the server said the token is a reviewer's). */
gboolean   icw_window_is_reviewer (IcwWindow *self);

G_END_DECLS
