/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-compare-dialog.h: Compare Versions ("what changed"), the window of the application editor and
 * of the reviewer's inbox that compares any two versions of an application section by section. */
#pragma once

#include <adwaita.h>

#include "icw-application.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_COMPARE_DIALOG (icw_compare_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcwCompareDialog, icw_compare_dialog, ICW, COMPARE_DIALOG, AdwWindow)

/* Shows the versions of @application's lineage, by default the one a resubmission answers (the
 * latest returned version before it, else the one before it) and itself. Returns the window
 * (transfer none). */
GtkWidget *icw_application_compare_dialog_present (GtkWidget      *parent,
                                                   IcwStore       *store,
                                                   IcwApplication *application);

G_END_DECLS
