/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-actions.h: "Import Dossier…" and "Export Dossier…" of the main menu: the file
 * choosers, a progress dialog with Cancel while the work runs off the main thread, and the
 * outcome as a toast or, for a refused dossier, a dialog listing its problems. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

/* Adds the actions win.import-dossier and win.export-dossier to the window. */
void icw_dossier_actions_install     (GtkWindow  *window,
                                      IcwStore   *store);

/* What the choosers lead to; also for tests. center_id NULL exports the whole database. */
void icw_dossier_actions_import_file (GtkWindow  *window,
                                      IcwStore   *store,
                                      GFile      *file);
void icw_dossier_actions_export_file (GtkWindow  *window,
                                      IcwStore   *store,
                                      const char *center_id,
                                      GFile      *file);

G_END_DECLS
