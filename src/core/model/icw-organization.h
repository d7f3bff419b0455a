/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-organization.h: an organization (单位) of the register: a company, university, institute or other body that can be a shareholder or member of centers. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_ORGANIZATION (icw_organization_get_type ())

G_DECLARE_FINAL_TYPE (IcwOrganization, icw_organization, ICW, ORGANIZATION, IcwRecord)

IcwOrganization *icw_organization_new (void);
const char *icw_organization_get_name (IcwOrganization *self);
void icw_organization_set_name (IcwOrganization *self, const char *value);
const char *icw_organization_get_credit_code (IcwOrganization *self);
void icw_organization_set_credit_code (IcwOrganization *self, const char *value);
IcwOrgKind icw_organization_get_kind (IcwOrganization *self);
void icw_organization_set_kind (IcwOrganization *self, IcwOrgKind value);
const char *icw_organization_get_province (IcwOrganization *self);
void icw_organization_set_province (IcwOrganization *self, const char *value);
const char *icw_organization_get_city (IcwOrganization *self);
void icw_organization_set_city (IcwOrganization *self, const char *value);
const char *icw_organization_get_legal_representative (IcwOrganization *self);
void icw_organization_set_legal_representative (IcwOrganization *self, const char *value);
gboolean icw_organization_get_top_ten (IcwOrganization *self);
void icw_organization_set_top_ten (IcwOrganization *self, gboolean value);
int icw_organization_get_rd_base_year (IcwOrganization *self);
void icw_organization_set_rd_base_year (IcwOrganization *self, int value);
gint64 icw_organization_get_rd_intensity_1 (IcwOrganization *self);
void icw_organization_set_rd_intensity_1 (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_rd_intensity_2 (IcwOrganization *self);
void icw_organization_set_rd_intensity_2 (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_rd_intensity_3 (IcwOrganization *self);
void icw_organization_set_rd_intensity_3 (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_revenue_1_fen (IcwOrganization *self);
void icw_organization_set_revenue_1_fen (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_revenue_2_fen (IcwOrganization *self);
void icw_organization_set_revenue_2_fen (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_revenue_3_fen (IcwOrganization *self);
void icw_organization_set_revenue_3_fen (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_rd_spending_1_fen (IcwOrganization *self);
void icw_organization_set_rd_spending_1_fen (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_rd_spending_2_fen (IcwOrganization *self);
void icw_organization_set_rd_spending_2_fen (IcwOrganization *self, gint64 value);
gint64 icw_organization_get_rd_spending_3_fen (IcwOrganization *self);
void icw_organization_set_rd_spending_3_fen (IcwOrganization *self, gint64 value);
int icw_organization_get_rd_staff_1 (IcwOrganization *self);
void icw_organization_set_rd_staff_1 (IcwOrganization *self, int value);
int icw_organization_get_rd_staff_2 (IcwOrganization *self);
void icw_organization_set_rd_staff_2 (IcwOrganization *self, int value);
int icw_organization_get_rd_staff_3 (IcwOrganization *self);
void icw_organization_set_rd_staff_3 (IcwOrganization *self, int value);
IcwEnterpriseType icw_organization_get_enterprise_type (IcwOrganization *self);
void icw_organization_set_enterprise_type (IcwOrganization *self, IcwEnterpriseType value);
gboolean icw_organization_get_non_legal_person (IcwOrganization *self);
void icw_organization_set_non_legal_person (IcwOrganization *self, gboolean value);
gboolean icw_organization_get_honour_champion (IcwOrganization *self);
void icw_organization_set_honour_champion (IcwOrganization *self, gboolean value);
gboolean icw_organization_get_honour_little_giant (IcwOrganization *self);
void icw_organization_set_honour_little_giant (IcwOrganization *self, gboolean value);
gboolean icw_organization_get_honour_specialised (IcwOrganization *self);
void icw_organization_set_honour_specialised (IcwOrganization *self, gboolean value);
gboolean icw_organization_get_honour_unicorn (IcwOrganization *self);
void icw_organization_set_honour_unicorn (IcwOrganization *self, gboolean value);
gboolean icw_organization_get_honour_gazelle (IcwOrganization *self);
void icw_organization_set_honour_gazelle (IcwOrganization *self, gboolean value);
gboolean icw_organization_get_user_enterprise (IcwOrganization *self);
void icw_organization_set_user_enterprise (IcwOrganization *self, gboolean value);
gboolean icw_organization_get_dishonest (IcwOrganization *self);
void icw_organization_set_dishonest (IcwOrganization *self, gboolean value);
const char *icw_organization_get_top_ten_field (IcwOrganization *self);
void icw_organization_set_top_ten_field (IcwOrganization *self, const char *value);
const char *icw_organization_get_top_ten_source (IcwOrganization *self);
void icw_organization_set_top_ten_source (IcwOrganization *self, const char *value);
/* FALSE for a partnership or another 非法人组织 (its legal form or the flag says so). */
gboolean icw_organization_is_legal_person (IcwOrganization *self);

G_END_DECLS
