/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-workbench-app.h: the application: opens the store, makes windows, holds the app-wide actions. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_WORKBENCH_APP (icw_workbench_app_get_type ())

G_DECLARE_FINAL_TYPE (IcwWorkbenchApp, icw_workbench_app, ICW, WORKBENCH_APP, AdwApplication)

IcwWorkbenchApp *icw_workbench_app_new       (void);
IcwStore       *icw_workbench_app_get_store (IcwWorkbenchApp *self);
GSettings      *icw_workbench_app_get_settings (IcwWorkbenchApp *self);
char           *icw_workbench_app_id_for_database (const char *path);

G_END_DECLS
