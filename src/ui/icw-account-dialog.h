/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-account-dialog.h: the "Sync Account" window: the server's address, signing in with the
 * token its administrator issued, signing out, the state and last sync time, Sync Now and the
 * way to the conflicts. */
#pragma once

#include <adwaita.h>

#include "icw-sync-controller.h"

G_BEGIN_DECLS

#define ICW_TYPE_ACCOUNT_DIALOG (icw_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcwAccountDialog, icw_account_dialog, ICW, ACCOUNT_DIALOG, AdwWindow)

GtkWidget *icw_account_dialog_new (GtkWindow         *parent,
                                   IcwSyncController *controller);

G_END_DECLS
