/* icw-application.h: the application: opens the store, makes windows, holds the app-wide actions. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_APPLICATION (icw_application_get_type ())

G_DECLARE_FINAL_TYPE (IcwApplication, icw_application, ICW, APPLICATION, AdwApplication)

IcwApplication *icw_application_new       (void);
IcwStore       *icw_application_get_store (IcwApplication *self);
GSettings      *icw_application_get_settings (IcwApplication *self);

G_END_DECLS
