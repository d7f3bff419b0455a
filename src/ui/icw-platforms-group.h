/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-platforms-group.h: the national platforms held by a center's alliance members, and the
 * coverage of the field's national platforms. */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_PLATFORMS_GROUP (icw_platforms_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwPlatformsGroup, icw_platforms_group, ICW, PLATFORMS_GROUP, AdwPreferencesGroup)

GtkWidget *icw_platforms_group_new        (IcwStore          *store);
void       icw_platforms_group_set_center (IcwPlatformsGroup *self,
                                           IcwCenter         *center);

G_END_DECLS
