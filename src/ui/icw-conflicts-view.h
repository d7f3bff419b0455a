/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-conflicts-view.h: the sync conflicts kept in the store: a list, and for the one selected both
 * versions field by field (differing fields highlighted) with Keep Mine, Keep Theirs and Keep Both;
 * for a change the server refused, why (in the user's language) and Discard My Change. */
#pragma once

#include <adwaita.h>

#include "icw-sync-controller.h"

G_BEGIN_DECLS

#define ICW_TYPE_CONFLICTS_VIEW (icw_conflicts_view_get_type ())

G_DECLARE_FINAL_TYPE (IcwConflictsView, icw_conflicts_view, ICW, CONFLICTS_VIEW, AdwBin)

GtkWidget *icw_conflicts_view_new         (IcwSyncController *controller);
/* Reads the conflict list again (after a sync). */
void       icw_conflicts_view_reload      (IcwConflictsView  *self);
guint      icw_conflicts_view_get_n_items (IcwConflictsView  *self);
/* Selects the n-th conflict of the list. */
void       icw_conflicts_view_select      (IcwConflictsView  *self,
                                           guint              index);
/* What the selected conflict's note says (why the server refused, or what conflicts), and whether
 * Discard My Change is offered for it. */
const char *icw_conflicts_view_get_note   (IcwConflictsView  *self);
gboolean   icw_conflicts_view_can_discard (IcwConflictsView  *self);
/* The same as the buttons, on the selected conflict; FALSE with a message shown when it failed. */
gboolean   icw_conflicts_view_resolve     (IcwConflictsView  *self,
                                           int                resolution);

/* A window around the view, transient for parent. */
GtkWindow *icw_conflicts_window_new       (GtkWindow         *parent,
                                           IcwSyncController *controller);

G_END_DECLS
