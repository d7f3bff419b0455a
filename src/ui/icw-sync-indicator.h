/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-indicator.h: the header bar's sync indicator: an icon and a short label for the sync
 * state, the details and the last sync time in its tooltip and accessible description. */
#pragma once

#include <gtk/gtk.h>

#include "icw-sync-controller.h"

G_BEGIN_DECLS

#define ICW_TYPE_SYNC_INDICATOR (icw_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (IcwSyncIndicator, icw_sync_indicator, ICW, SYNC_INDICATOR, GtkButton)

GtkWidget *icw_sync_indicator_new (IcwSyncController *controller);

G_END_DECLS
