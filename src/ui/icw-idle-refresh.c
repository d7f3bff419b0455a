/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-idle-refresh.c: one idle refresh of a view (icw-idle-refresh.h). */
#include "config.h"

#include "icw-idle-refresh.h"

typedef struct {
  GtkWidget          *widget;
  guint              *source;
  IcwIdleRefreshFunc  refresh;
} IdleRefresh;

static gboolean
run_refresh (gpointer data)
{
  IdleRefresh *pending = data;

  *pending->source = 0;
  pending->refresh (pending->widget);
  return G_SOURCE_REMOVE;
}

void
icw_idle_refresh (GtkWidget          *widget,
                  guint              *source,
                  IcwIdleRefreshFunc  refresh)
{
  IdleRefresh *pending;

  if (*source != 0)
    return;
  pending = g_new (IdleRefresh, 1);
  pending->widget = widget;
  pending->source = source;
  pending->refresh = refresh;
  *source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_refresh, pending, g_free);
}
