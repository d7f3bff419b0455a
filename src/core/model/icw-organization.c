/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-organization.c: an organization (单位) of the register: a company, university, institute or other body that can be a shareholder or member of centers.
 * A plain value object: the store loads, validates and saves it. Its properties are its fields in
 * the field catalogue (icw-field-catalogue.c); the accessors below are the typed face of them. */
#include "config.h"

#include "icw-organization.h"

struct _IcwOrganization
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwOrganization, icw_organization, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwOrganization, icw_organization, ICW_IS_ORGANIZATION, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwOrganization, icw_organization, ICW_IS_ORGANIZATION, CType, field, property)

TEXT_FIELD (name, "name")
TEXT_FIELD (credit_code, "credit-code")
NUMBER_FIELD (IcwOrgKind, kind, "kind")
TEXT_FIELD (province, "province")
TEXT_FIELD (city, "city")
TEXT_FIELD (legal_representative, "legal-representative")
NUMBER_FIELD (gboolean, top_ten, "top-ten")
NUMBER_FIELD (int, rd_base_year, "rd-base-year")
NUMBER_FIELD (gint64, rd_intensity_1, "rd-intensity-1")
NUMBER_FIELD (gint64, rd_intensity_2, "rd-intensity-2")
NUMBER_FIELD (gint64, rd_intensity_3, "rd-intensity-3")
NUMBER_FIELD (gint64, revenue_1_fen, "revenue-1-fen")
NUMBER_FIELD (gint64, revenue_2_fen, "revenue-2-fen")
NUMBER_FIELD (gint64, revenue_3_fen, "revenue-3-fen")
NUMBER_FIELD (gint64, rd_spending_1_fen, "rd-spending-1-fen")
NUMBER_FIELD (gint64, rd_spending_2_fen, "rd-spending-2-fen")
NUMBER_FIELD (gint64, rd_spending_3_fen, "rd-spending-3-fen")
NUMBER_FIELD (int, rd_staff_1, "rd-staff-1")
NUMBER_FIELD (int, rd_staff_2, "rd-staff-2")
NUMBER_FIELD (int, rd_staff_3, "rd-staff-3")
NUMBER_FIELD (IcwEnterpriseType, enterprise_type, "enterprise-type")
NUMBER_FIELD (gboolean, non_legal_person, "non-legal-person")
NUMBER_FIELD (gboolean, honour_champion, "honour-champion")
NUMBER_FIELD (gboolean, honour_little_giant, "honour-little-giant")
NUMBER_FIELD (gboolean, honour_specialised, "honour-specialised")
NUMBER_FIELD (gboolean, honour_unicorn, "honour-unicorn")
NUMBER_FIELD (gboolean, honour_gazelle, "honour-gazelle")
NUMBER_FIELD (gboolean, user_enterprise, "user-enterprise")
NUMBER_FIELD (gboolean, dishonest, "dishonest")
TEXT_FIELD (top_ten_field, "top-ten-field")
TEXT_FIELD (top_ten_source, "top-ten-source")

static void
icw_organization_class_init (IcwOrganizationClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_ORGANIZATION);
}

static void
icw_organization_init (IcwOrganization *self)
{
}

IcwOrganization *
icw_organization_new (void)
{
  return g_object_new (ICW_TYPE_ORGANIZATION, NULL);
}

gboolean
icw_organization_is_legal_person (IcwOrganization *self)
{
  g_return_val_if_fail (ICW_IS_ORGANIZATION (self), FALSE);
  return !icw_organization_get_non_legal_person (self) &&
         icw_enterprise_type_is_legal_person (icw_organization_get_enterprise_type (self));
}
