/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-shareholder.c: a shareholder (股东) of a center's host company.
 * A plain value object: the store loads, validates and saves it. Its properties are its fields in
 * the field catalogue (icw-field-catalogue.c); the accessors below are the typed face of them. */
#include "config.h"

#include "icw-shareholder.h"

struct _IcwShareholder
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwShareholder, icw_shareholder, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwShareholder, icw_shareholder, ICW_IS_SHAREHOLDER, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwShareholder, icw_shareholder, ICW_IS_SHAREHOLDER, CType, field, property)

TEXT_FIELD (center_id, "center-id")
TEXT_FIELD (organization_id, "organization-id")
NUMBER_FIELD (IcwContribution, contribution, "contribution")
NUMBER_FIELD (gint64, amount_fen, "amount-fen")
NUMBER_FIELD (gint64, share_bp, "share-bp")

static void
icw_shareholder_class_init (IcwShareholderClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_SHAREHOLDER);
}

static void
icw_shareholder_init (IcwShareholder *self)
{
}

IcwShareholder *
icw_shareholder_new (void)
{
  return g_object_new (ICW_TYPE_SHAREHOLDER, NULL);
}
