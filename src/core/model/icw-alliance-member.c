/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-alliance-member.c: a member (联盟成员) of a center's alliance.
 * A plain value object: the store loads, validates and saves it. Its properties are its fields in
 * the field catalogue (icw-field-catalogue.c); the accessors below are the typed face of them. */
#include "config.h"

#include "icw-alliance-member.h"

struct _IcwAllianceMember
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwAllianceMember, icw_alliance_member, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwAllianceMember, icw_alliance_member, ICW_IS_ALLIANCE_MEMBER, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwAllianceMember, icw_alliance_member, ICW_IS_ALLIANCE_MEMBER, CType, field, property)

TEXT_FIELD (center_id, "center-id")
TEXT_FIELD (organization_id, "organization-id")
NUMBER_FIELD (IcwMemberRole, role, "role")
TEXT_FIELD (joined, "joined")
NUMBER_FIELD (gboolean, agreement_signed, "agreement-signed")

static void
icw_alliance_member_class_init (IcwAllianceMemberClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_ALLIANCE_MEMBER);
}

static void
icw_alliance_member_init (IcwAllianceMember *self)
{
}

IcwAllianceMember *
icw_alliance_member_new (void)
{
  return g_object_new (ICW_TYPE_ALLIANCE_MEMBER, NULL);
}
