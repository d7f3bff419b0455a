/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-enums.h: stable keys (stored, exported, typed in CSV) and translated labels of the enumerations. */
#pragma once

#include "icw-types.h"

G_BEGIN_DECLS

/* Each table maps a value to its key; keys never change, labels may. */
const char *icw_record_kind_to_key      (IcwRecordKind kind);

const char *icw_org_kind_to_key         (IcwOrgKind kind);
const char *icw_org_kind_to_label       (IcwOrgKind kind);
gboolean    icw_org_kind_from_string    (const char *text, IcwOrgKind *out);

const char *icw_center_level_to_key     (IcwCenterLevel level);
const char *icw_center_level_to_label   (IcwCenterLevel level);
gboolean    icw_center_level_from_string (const char *text, IcwCenterLevel *out);

const char *icw_center_status_to_key    (IcwCenterStatus status);
const char *icw_center_status_to_label  (IcwCenterStatus status);
gboolean    icw_center_status_from_string (const char *text, IcwCenterStatus *out);

const char *icw_contribution_to_key     (IcwContribution c);
const char *icw_contribution_to_label   (IcwContribution c);
gboolean    icw_contribution_from_string (const char *text, IcwContribution *out);

const char *icw_member_role_to_key      (IcwMemberRole role);
const char *icw_member_role_to_label    (IcwMemberRole role);
gboolean    icw_member_role_from_string (const char *text, IcwMemberRole *out);
/* TRUE for the role "user" of before issue 15 (key, label or 用户企业): the organization is a user
 * enterprise, and the member's role is ordinary. */
gboolean    icw_member_role_is_legacy_user (const char *text);

const char *icw_platform_kind_to_key    (IcwPlatformKind kind);
const char *icw_platform_kind_to_label  (IcwPlatformKind kind);
gboolean    icw_platform_kind_from_string (const char *text, IcwPlatformKind *out);

const char *icw_application_kind_to_key   (IcwApplicationKind kind);
const char *icw_application_kind_to_label (IcwApplicationKind kind);
gboolean    icw_application_kind_from_string (const char *text, IcwApplicationKind *out);
const char * const *icw_application_kind_legacy_keys (void);

const char *icw_application_status_to_key   (IcwApplicationStatus status);
const char *icw_application_status_to_label (IcwApplicationStatus status);
gboolean    icw_application_status_from_string (const char *text, IcwApplicationStatus *out);

const char *icw_attachment_kind_to_key   (IcwAttachmentKind kind);
const char *icw_attachment_kind_to_label (IcwAttachmentKind kind);
gboolean    icw_attachment_kind_from_string (const char *text, IcwAttachmentKind *out);

const char *icw_ip_ownership_to_key   (IcwIpOwnership ownership);
const char *icw_ip_ownership_to_label (IcwIpOwnership ownership);
gboolean    icw_ip_ownership_from_string (const char *text, IcwIpOwnership *out);

const char *icw_access_terms_to_key   (IcwAccessTerms terms);
const char *icw_access_terms_to_label (IcwAccessTerms terms);
gboolean    icw_access_terms_from_string (const char *text, IcwAccessTerms *out);

const char *icw_patent_costs_to_key   (IcwPatentCosts costs);
const char *icw_patent_costs_to_label (IcwPatentCosts costs);
gboolean    icw_patent_costs_from_string (const char *text, IcwPatentCosts *out);

const char *icw_exit_terms_to_key   (IcwExitTerms terms);
const char *icw_exit_terms_to_label (IcwExitTerms terms);
gboolean    icw_exit_terms_from_string (const char *text, IcwExitTerms *out);

const char *icw_dispute_resolution_to_key   (IcwDisputeResolution resolution);
const char *icw_dispute_resolution_to_label (IcwDisputeResolution resolution);
gboolean    icw_dispute_resolution_from_string (const char *text, IcwDisputeResolution *out);

const char *icw_background_ip_kind_to_key   (IcwBackgroundIpKind kind);
const char *icw_background_ip_kind_to_label (IcwBackgroundIpKind kind);
gboolean    icw_background_ip_kind_from_string (const char *text, IcwBackgroundIpKind *out);
const char *icw_funding_source_to_key   (IcwFundingSource source);
const char *icw_funding_source_to_label (IcwFundingSource source);
gboolean    icw_funding_source_from_string (const char *text, IcwFundingSource *out);
gboolean    icw_funding_source_is_fiscal (IcwFundingSource source);

const char *icw_budget_group_to_key   (IcwBudgetGroup group);
const char *icw_budget_group_to_label (IcwBudgetGroup group);
gboolean    icw_budget_group_from_string (const char *text, IcwBudgetGroup *out);

const char *icw_enterprise_type_to_key   (IcwEnterpriseType type);
const char *icw_enterprise_type_to_label (IcwEnterpriseType type);
gboolean    icw_enterprise_type_from_string (const char *text, IcwEnterpriseType *out);
/* FALSE for partnerships and sole proprietorships (非法人组织). */
gboolean    icw_enterprise_type_is_legal_person (IcwEnterpriseType type);

const char *icw_report_kind_to_key   (IcwReportKind kind);
const char *icw_report_kind_to_label (IcwReportKind kind);
gboolean    icw_report_kind_from_string (const char *text, IcwReportKind *out);

const char *icw_report_grade_to_key   (IcwReportGrade grade);
const char *icw_report_grade_to_label (IcwReportGrade grade);
gboolean    icw_report_grade_from_string (const char *text, IcwReportGrade *out);

G_END_DECLS
