/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-registers-page.h: the application editor's page of what comes from the center's
 * registers (shareholders, alliance members, national platforms), summarised, never retyped. */
#pragma once

#include <adwaita.h>

#include "icw-application.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_APPLICATION_REGISTERS_PAGE (icw_application_registers_page_get_type ())

G_DECLARE_FINAL_TYPE (IcwApplicationRegistersPage, icw_application_registers_page, ICW, APPLICATION_REGISTERS_PAGE, AdwPreferencesPage)

GtkWidget *icw_application_registers_page_new  (IcwStore                    *store);
void       icw_application_registers_page_show (IcwApplicationRegistersPage *self,
                                                IcwApplication              *application);

G_END_DECLS
