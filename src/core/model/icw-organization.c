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
