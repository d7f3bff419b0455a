/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ip-agreement-check.h: checking an IP-sharing agreement against the rule packs that apply to
 * agreements ("applies_to": "ip-agreement"), and what its life cycle needs: its parties, listed
 * and copied to a new version. */
#pragma once

#include "icw-agreement-party.h"
#include "icw-center.h"
#include "icw-ip-agreement.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* The ID of the bundled pack for agreements. */
#define ICW_RULE_PACK_IP_AGREEMENT_273 "ip-agreement-273"

/* The agreement packs the center chose, or else the bundled one (transfer full). */
GPtrArray *icw_rule_packs_for_ip_agreement (GPtrArray       *packs,
                                            IcwCenter       *center,
                                            GError         **error);
/* Returns IcwFinding objects, errors first (packs NULL: load them; today NULL: the local date). */
GPtrArray *icw_ip_agreement_check          (IcwStore        *store,
                                            IcwIpAgreement  *agreement,
                                            GPtrArray       *packs,
                                            GDateTime       *today,
                                            GError         **error);

/* The live parties of the agreement, in the order they were added (IcwAgreementParty, transfer
 * full). */
GPtrArray *icw_ip_agreement_list_parties   (IcwStore        *store,
                                            IcwIpAgreement  *agreement);
/* The lifecycle kind's copy_children: the parties of `from` become parties of `to`. */
gboolean   icw_ip_agreement_copy_parties   (IcwStore        *store,
                                            IcwRecord       *from,
                                            IcwRecord       *to,
                                            GError         **error);

G_END_DECLS
