/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-summary-group.h: the 基本情况表 on the application editor's first page: what
 * the center's registers know (field, lead, host company, capital, counts, staff, space), read
 * from them and shown read-only (icw-application-summary.h); the application's own figures
 * (total investment, contact) are its catalogue rows, added below by the page. */
#pragma once

#include <adwaita.h>

#include "icw-application.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_APPLICATION_SUMMARY_GROUP (icw_application_summary_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwApplicationSummaryGroup, icw_application_summary_group, ICW, APPLICATION_SUMMARY_GROUP, AdwPreferencesGroup)

GtkWidget *icw_application_summary_group_new  (IcwStore                   *store);
void       icw_application_summary_group_show (IcwApplicationSummaryGroup *self,
                                               IcwApplication             *application);

G_END_DECLS
