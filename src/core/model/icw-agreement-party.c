/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-party.c: a party to an IP-sharing agreement. A plain value object: the store loads,
 * validates and saves it (icw-store-agreements.c). Its properties are its fields in the field
 * catalogue (icw-field-catalogue.c), the share and the contribution of any value (ANY_VALUE: the
 * store says what is wrong with a negative one); the accessors below are the typed face of them. */
#include "config.h"

#include "icw-agreement-party.h"

struct _IcwAgreementParty
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwAgreementParty, icw_agreement_party, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwAgreementParty, icw_agreement_party, ICW_IS_AGREEMENT_PARTY, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwAgreementParty, icw_agreement_party, ICW_IS_AGREEMENT_PARTY, CType, field, property)

TEXT_FIELD (agreement_id, "agreement-id")
TEXT_FIELD (organization_id, "organization-id")
NUMBER_FIELD (gint64, share_bp, "share-bp")
NUMBER_FIELD (gint64, contribution_fen, "contribution-fen")
TEXT_FIELD (signatory, "signatory")
NUMBER_FIELD (gboolean, signed, "signed")
TEXT_FIELD (signed_date, "signed-date")
NUMBER_FIELD (gboolean, sealed, "sealed")
TEXT_FIELD (sealed_date, "sealed-date")
TEXT_FIELD (background_ip, "background-ip")

static void
icw_agreement_party_class_init (IcwAgreementPartyClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_AGREEMENT_PARTY);
}

static void
icw_agreement_party_init (IcwAgreementParty *self)
{
}

IcwAgreementParty *
icw_agreement_party_new (void)
{
  return g_object_new (ICW_TYPE_AGREEMENT_PARTY, NULL);
}
