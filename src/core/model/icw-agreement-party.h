/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-party.h: a party to an IP-sharing agreement: an organization, its share of the revenue,
 * its contribution, the background IP it brings and the state of its signature and seal. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_PARTY (icw_agreement_party_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementParty, icw_agreement_party, ICW, AGREEMENT_PARTY, IcwRecord)

IcwAgreementParty *icw_agreement_party_new (void);
const char *icw_agreement_party_get_agreement_id (IcwAgreementParty *self);
void icw_agreement_party_set_agreement_id (IcwAgreementParty *self, const char *value);
const char *icw_agreement_party_get_organization_id (IcwAgreementParty *self);
void icw_agreement_party_set_organization_id (IcwAgreementParty *self, const char *value);
gint64 icw_agreement_party_get_share_bp (IcwAgreementParty *self);
void icw_agreement_party_set_share_bp (IcwAgreementParty *self, gint64 value);
gint64 icw_agreement_party_get_contribution_fen (IcwAgreementParty *self);
void icw_agreement_party_set_contribution_fen (IcwAgreementParty *self, gint64 value);
const char *icw_agreement_party_get_signatory (IcwAgreementParty *self);
void icw_agreement_party_set_signatory (IcwAgreementParty *self, const char *value);
gboolean icw_agreement_party_get_signed (IcwAgreementParty *self);
void icw_agreement_party_set_signed (IcwAgreementParty *self, gboolean value);
const char *icw_agreement_party_get_signed_date (IcwAgreementParty *self);
void icw_agreement_party_set_signed_date (IcwAgreementParty *self, const char *value);
gboolean icw_agreement_party_get_sealed (IcwAgreementParty *self);
void icw_agreement_party_set_sealed (IcwAgreementParty *self, gboolean value);
const char *icw_agreement_party_get_sealed_date (IcwAgreementParty *self);
void icw_agreement_party_set_sealed_date (IcwAgreementParty *self, const char *value);
const char *icw_agreement_party_get_background_ip (IcwAgreementParty *self);
void icw_agreement_party_set_background_ip (IcwAgreementParty *self, const char *value);

G_END_DECLS
