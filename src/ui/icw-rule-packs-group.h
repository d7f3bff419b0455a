/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-packs-group.h: the rule packs a center's applications are checked against. */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_RULE_PACKS_GROUP (icw_rule_packs_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwRulePacksGroup, icw_rule_packs_group, ICW, RULE_PACKS_GROUP, AdwPreferencesGroup)

GtkWidget *icw_rule_packs_group_new        (IcwStore          *store);
void       icw_rule_packs_group_set_center (IcwRulePacksGroup *self,
                                            IcwCenter         *center);

G_END_DECLS
