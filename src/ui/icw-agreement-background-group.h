/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-background-group.h: the background IP (背景知识产权) each party of an IP-sharing
 * agreement brings, one list per party. */
#pragma once

#include <adwaita.h>

#include "icw-ip-agreement.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_BACKGROUND_GROUP (icw_agreement_background_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementBackgroundGroup, icw_agreement_background_group, ICW, AGREEMENT_BACKGROUND_GROUP, GtkBox)

GtkWidget *icw_agreement_background_group_new           (IcwStore                    *store);
void       icw_agreement_background_group_set_agreement (IcwAgreementBackgroundGroup *self,
                                                         IcwIpAgreement              *agreement);
void       icw_agreement_background_group_set_editable  (IcwAgreementBackgroundGroup *self,
                                                         gboolean                     editable);
gboolean   icw_agreement_background_group_focus         (IcwAgreementBackgroundGroup *self,
                                                         guint                        party_index,
                                                         guint                        item,
                                                         const char                  *member);

G_END_DECLS
