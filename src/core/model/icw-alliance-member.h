/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-alliance-member.h: a member (联盟成员) of a center's alliance. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_ALLIANCE_MEMBER (icw_alliance_member_get_type ())

G_DECLARE_FINAL_TYPE (IcwAllianceMember, icw_alliance_member, ICW, ALLIANCE_MEMBER, IcwRecord)

IcwAllianceMember *icw_alliance_member_new (void);
const char *icw_alliance_member_get_center_id (IcwAllianceMember *self);
void icw_alliance_member_set_center_id (IcwAllianceMember *self, const char *value);
const char *icw_alliance_member_get_organization_id (IcwAllianceMember *self);
void icw_alliance_member_set_organization_id (IcwAllianceMember *self, const char *value);
IcwMemberRole icw_alliance_member_get_role (IcwAllianceMember *self);
void icw_alliance_member_set_role (IcwAllianceMember *self, IcwMemberRole value);
const char *icw_alliance_member_get_joined (IcwAllianceMember *self);
void icw_alliance_member_set_joined (IcwAllianceMember *self, const char *value);
gboolean icw_alliance_member_get_agreement_signed (IcwAllianceMember *self);
void icw_alliance_member_set_agreement_signed (IcwAllianceMember *self, gboolean value);

G_END_DECLS
