/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-platform.c: a national innovation platform (国家重点实验室, 国家工程研究中心, …) that an organization holds.
 * A plain value object: the store loads, validates and saves it. Its properties are its fields in
 * the field catalogue (icw-field-catalogue.c); the accessors below are the typed face of them. */
#include "config.h"

#include "icw-platform.h"

struct _IcwPlatform
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwPlatform, icw_platform, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwPlatform, icw_platform, ICW_IS_PLATFORM, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwPlatform, icw_platform, ICW_IS_PLATFORM, CType, field, property)

TEXT_FIELD (organization_id, "organization-id")
NUMBER_FIELD (IcwPlatformKind, kind, "kind")
TEXT_FIELD (name, "name")
NUMBER_FIELD (int, approved_year, "approved-year")
TEXT_FIELD (field, "field")

static void
icw_platform_class_init (IcwPlatformClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_PLATFORM);
}

static void
icw_platform_init (IcwPlatform *self)
{
}

IcwPlatform *
icw_platform_new (void)
{
  return g_object_new (ICW_TYPE_PLATFORM, NULL);
}
