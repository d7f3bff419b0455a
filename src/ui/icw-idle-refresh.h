/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-idle-refresh.h: one refresh of a view, in an idle, however many changes ask for it before
 * it runs: a panel that follows the store's saves reads the store again once per burst of saves
 * (an import, a batch, a pull), not once per record. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*IcwIdleRefreshFunc) (GtkWidget *widget);

/* Calls refresh (widget) once in an idle unless one is already waiting. *source holds the idle
 * while it waits; the widget removes it in its dispose (g_clear_handle_id (source, g_source_remove)). */
void icw_idle_refresh (GtkWidget          *widget,
                       guint              *source,
                       IcwIdleRefreshFunc  refresh);

G_END_DECLS
