/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center-links-group.h: a table of a center's links to organizations (its shareholders or
 * its alliance members): one expander row per link, an Add button that picks an organization
 * from the register, removal with undo, and a summary line with its warning. */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-money.h"
#include "icw-record-form.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_CENTER_LINKS_GROUP (icw_center_links_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwCenterLinksGroup, icw_center_links_group, ICW, CENTER_LINKS_GROUP, AdwPreferencesGroup)

GtkWidget *icw_center_links_group_new_shareholders (IcwStore            *store,
                                                    IcwMoneyUnit         money_unit);
GtkWidget *icw_center_links_group_new_members      (IcwStore            *store);
void       icw_center_links_group_set_center       (IcwCenterLinksGroup *self,
                                                    IcwCenter           *center);

G_END_DECLS
