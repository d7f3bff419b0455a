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

const char *icw_platform_kind_to_key    (IcwPlatformKind kind);
const char *icw_platform_kind_to_label  (IcwPlatformKind kind);
gboolean    icw_platform_kind_from_string (const char *text, IcwPlatformKind *out);

const char *icw_application_kind_to_key   (IcwApplicationKind kind);
const char *icw_application_kind_to_label (IcwApplicationKind kind);
gboolean    icw_application_kind_from_string (const char *text, IcwApplicationKind *out);

const char *icw_application_status_to_key   (IcwApplicationStatus status);
const char *icw_application_status_to_label (IcwApplicationStatus status);
gboolean    icw_application_status_from_string (const char *text, IcwApplicationStatus *out);

const char *icw_attachment_kind_to_key   (IcwAttachmentKind kind);
const char *icw_attachment_kind_to_label (IcwAttachmentKind kind);
gboolean    icw_attachment_kind_from_string (const char *text, IcwAttachmentKind *out);

const char *icw_funding_source_to_key   (IcwFundingSource source);
const char *icw_funding_source_to_label (IcwFundingSource source);
gboolean    icw_funding_source_from_string (const char *text, IcwFundingSource *out);
gboolean    icw_funding_source_is_fiscal (IcwFundingSource source);

const char *icw_budget_group_to_key   (IcwBudgetGroup group);
const char *icw_budget_group_to_label (IcwBudgetGroup group);
gboolean    icw_budget_group_from_string (const char *text, IcwBudgetGroup *out);

G_END_DECLS
