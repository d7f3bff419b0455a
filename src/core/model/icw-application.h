/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application.h: a center application (申报书 / 建设方案) for one of the stages provinces run:
 * cultivation (培育申报), acceptance and recognition (验收认定), the upgrade to national (升级) or
 * the national-local co-construction (国家地方共建). Its narrative sections are plain text; its
 * structured parts (roadmap, capability platforms, indicators, task plans) are JSON text checked by
 * the store (icw-application-parts.h). Every version of an application shares the lineage ID, which
 * is the ID of version 1. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_APPLICATION (icw_application_get_type ())

G_DECLARE_FINAL_TYPE (IcwApplication, icw_application, ICW, APPLICATION, IcwRecord)

IcwApplication *icw_application_new (void);
/* The kind a new application of a center takes, by where the center stands (icw-application.c). */
IcwApplicationKind icw_application_kind_for_center (IcwCenterLevel level, IcwCenterStatus status);
IcwApplicationKind icw_application_get_kind (IcwApplication *self);
void icw_application_set_kind (IcwApplication *self, IcwApplicationKind value);
IcwApplicationStatus icw_application_get_status (IcwApplication *self);
void icw_application_set_status (IcwApplication *self, IcwApplicationStatus value);
int icw_application_get_version (IcwApplication *self);
void icw_application_set_version (IcwApplication *self, int value);
const char *icw_application_get_center_id (IcwApplication *self);
void icw_application_set_center_id (IcwApplication *self, const char *value);
const char *icw_application_get_title (IcwApplication *self);
void icw_application_set_title (IcwApplication *self, const char *value);
const char *icw_application_get_call_name (IcwApplication *self);
void icw_application_set_call_name (IcwApplication *self, const char *value);
const char *icw_application_get_call_issuer (IcwApplication *self);
void icw_application_set_call_issuer (IcwApplication *self, const char *value);
const char *icw_application_get_call_deadline (IcwApplication *self);
void icw_application_set_call_deadline (IcwApplication *self, const char *value);
const char *icw_application_get_lineage_id (IcwApplication *self);
void icw_application_set_lineage_id (IcwApplication *self, const char *value);
const char *icw_application_get_reviewer_comments (IcwApplication *self);
void icw_application_set_reviewer_comments (IcwApplication *self, const char *value);
const char *icw_application_get_section_background (IcwApplication *self);
void icw_application_set_section_background (IcwApplication *self, const char *value);
const char *icw_application_get_section_foundation (IcwApplication *self);
void icw_application_set_section_foundation (IcwApplication *self, const char *value);
const char *icw_application_get_section_goals (IcwApplication *self);
void icw_application_set_section_goals (IcwApplication *self, const char *value);
const char *icw_application_get_section_approach (IcwApplication *self);
void icw_application_set_section_approach (IcwApplication *self, const char *value);
const char *icw_application_get_section_mechanism (IcwApplication *self);
void icw_application_set_section_mechanism (IcwApplication *self, const char *value);
const char *icw_application_get_section_assessment (IcwApplication *self);
void icw_application_set_section_assessment (IcwApplication *self, const char *value);
const char *icw_application_get_section_risks (IcwApplication *self);
void icw_application_set_section_risks (IcwApplication *self, const char *value);
const char *icw_application_get_section_budget (IcwApplication *self);
void icw_application_set_section_budget (IcwApplication *self, const char *value);
const char *icw_application_get_section_benefits (IcwApplication *self);
void icw_application_set_section_benefits (IcwApplication *self, const char *value);
const char *icw_application_get_section_market_plan (IcwApplication *self);
void icw_application_set_section_market_plan (IcwApplication *self, const char *value);
const char *icw_application_get_roadmap (IcwApplication *self);
void icw_application_set_roadmap (IcwApplication *self, const char *value);
const char *icw_application_get_capability_platforms (IcwApplication *self);
void icw_application_set_capability_platforms (IcwApplication *self, const char *value);
const char *icw_application_get_indicators (IcwApplication *self);
void icw_application_set_indicators (IcwApplication *self, const char *value);
const char *icw_application_get_tasks (IcwApplication *self);
void icw_application_set_tasks (IcwApplication *self, const char *value);

G_END_DECLS
