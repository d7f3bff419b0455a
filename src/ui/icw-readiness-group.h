/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-readiness-group.h: the panel on a center's page that says how ready the center is to
 * upgrade to national: each 64号 condition met or missing with its basis, and the latest grade
 * (icw-readiness.h), kept up to date as the center's registers change. */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_READINESS_GROUP (icw_readiness_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwReadinessGroup, icw_readiness_group, ICW, READINESS_GROUP, AdwPreferencesGroup)

GtkWidget *icw_readiness_group_new        (IcwStore          *store);
void       icw_readiness_group_set_center (IcwReadinessGroup *self,
                                           IcwCenter         *center);
/* The number of conditions shown as missing (for tests). */
guint      icw_readiness_group_get_n_missing (IcwReadinessGroup *self);
/* How many times the conditions were evaluated (for tests: a save elsewhere evaluates nothing). */
guint      icw_readiness_group_get_n_evaluations (IcwReadinessGroup *self);
/* How many rows wait for a frame to be added (for tests and benches: the panel is filled a few
 * rows a frame). */
guint      icw_readiness_group_get_n_waiting (IcwReadinessGroup *self);

G_END_DECLS
