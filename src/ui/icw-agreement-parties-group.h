/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-parties-group.h: the parties of an IP-sharing agreement and their revenue shares,
 * with the remainder shown as the user types and the two ways of splitting the whole. */
#pragma once

#include <adwaita.h>

#include "icw-ip-agreement.h"
#include "icw-money.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_PARTIES_GROUP (icw_agreement_parties_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementPartiesGroup, icw_agreement_parties_group, ICW, AGREEMENT_PARTIES_GROUP, GtkBox)

GtkWidget  *icw_agreement_parties_group_new           (IcwStore                 *store,
                                                       IcwMoneyUnit              money_unit);
void        icw_agreement_parties_group_set_agreement (IcwAgreementPartiesGroup *self,
                                                       IcwIpAgreement           *agreement);
void        icw_agreement_parties_group_set_editable  (IcwAgreementPartiesGroup *self,
                                                       gboolean                  editable);
const char *icw_agreement_parties_group_get_total_text (IcwAgreementPartiesGroup *self);
gboolean    icw_agreement_parties_group_split         (IcwAgreementPartiesGroup *self,
                                                       gboolean                  by_contribution,
                                                       GError                  **error);
gboolean    icw_agreement_parties_group_focus         (IcwAgreementPartiesGroup *self,
                                                       guint                     index,
                                                       const char               *property);
void        icw_agreement_parties_group_flush         (IcwAgreementPartiesGroup *self);

/* What the line under the shares says: "Shares total 100.00%", "Remainder 0.01%" or "Over
 * 100.00% by 5.00%" (NULL-safe for n = 0). *exact is TRUE when the total is exactly 100.00%. */
char       *icw_agreement_shares_text                 (const gint64             *shares,
                                                       guint                     n,
                                                       gboolean                 *exact);

G_END_DECLS
