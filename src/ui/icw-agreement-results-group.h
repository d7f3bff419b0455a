/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-results-group.h: the results of an IP-sharing agreement (成果归属): each result
 * with its ownership (the agreement's model, the creating party, the center company, or joint
 * owners in stated shares). */
#pragma once

#include <adwaita.h>

#include "icw-ip-agreement.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_RESULTS_GROUP (icw_agreement_results_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementResultsGroup, icw_agreement_results_group, ICW, AGREEMENT_RESULTS_GROUP, AdwPreferencesGroup)

GtkWidget *icw_agreement_results_group_new           (IcwStore                 *store);
void       icw_agreement_results_group_set_agreement (IcwAgreementResultsGroup *self,
                                                      IcwIpAgreement           *agreement);
gboolean   icw_agreement_results_group_focus         (IcwAgreementResultsGroup *self,
                                                      guint                     index,
                                                      const char               *member);

G_END_DECLS
