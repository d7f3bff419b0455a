/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ip-agreement.h: an IP-sharing agreement (知识产权协同共享协议) among members of a center's
 * alliance: how results are owned, who may use them and on what terms, how revenue is shared, and
 * the other terms of the agreement. Its parties are IcwAgreementParty records. It has the life cycle
 * and versions of icw-lifecycle.h. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_IP_AGREEMENT (icw_ip_agreement_get_type ())

G_DECLARE_FINAL_TYPE (IcwIpAgreement, icw_ip_agreement, ICW, IP_AGREEMENT, IcwRecord)

IcwIpAgreement *icw_ip_agreement_new (void);
const char *icw_ip_agreement_get_center_id (IcwIpAgreement *self);
void icw_ip_agreement_set_center_id (IcwIpAgreement *self, const char *value);
const char *icw_ip_agreement_get_title (IcwIpAgreement *self);
void icw_ip_agreement_set_title (IcwIpAgreement *self, const char *value);
IcwApplicationStatus icw_ip_agreement_get_status (IcwIpAgreement *self);
void icw_ip_agreement_set_status (IcwIpAgreement *self, IcwApplicationStatus value);
int icw_ip_agreement_get_version (IcwIpAgreement *self);
void icw_ip_agreement_set_version (IcwIpAgreement *self, int value);
const char *icw_ip_agreement_get_lineage_id (IcwIpAgreement *self);
void icw_ip_agreement_set_lineage_id (IcwIpAgreement *self, const char *value);
const char *icw_ip_agreement_get_reviewer_comments (IcwIpAgreement *self);
void icw_ip_agreement_set_reviewer_comments (IcwIpAgreement *self, const char *value);
const char *icw_ip_agreement_get_effective_date (IcwIpAgreement *self);
void icw_ip_agreement_set_effective_date (IcwIpAgreement *self, const char *value);
IcwIpOwnership icw_ip_agreement_get_ownership (IcwIpAgreement *self);
void icw_ip_agreement_set_ownership (IcwIpAgreement *self, IcwIpOwnership value);
IcwAccessTerms icw_ip_agreement_get_project_access (IcwIpAgreement *self);
void icw_ip_agreement_set_project_access (IcwIpAgreement *self, IcwAccessTerms value);
IcwAccessTerms icw_ip_agreement_get_exploitation_access (IcwIpAgreement *self);
void icw_ip_agreement_set_exploitation_access (IcwIpAgreement *self, IcwAccessTerms value);
IcwPatentCosts icw_ip_agreement_get_patent_costs (IcwIpAgreement *self);
void icw_ip_agreement_set_patent_costs (IcwIpAgreement *self, IcwPatentCosts value);
const char *icw_ip_agreement_get_patent_cost_party_id (IcwIpAgreement *self);
void icw_ip_agreement_set_patent_cost_party_id (IcwIpAgreement *self, const char *value);
int icw_ip_agreement_get_publication_review_days (IcwIpAgreement *self);
void icw_ip_agreement_set_publication_review_days (IcwIpAgreement *self, int value);
IcwExitTerms icw_ip_agreement_get_exit_terms (IcwIpAgreement *self);
void icw_ip_agreement_set_exit_terms (IcwIpAgreement *self, IcwExitTerms value);
const char *icw_ip_agreement_get_exit_rules (IcwIpAgreement *self);
void icw_ip_agreement_set_exit_rules (IcwIpAgreement *self, const char *value);
int icw_ip_agreement_get_confidentiality_years (IcwIpAgreement *self);
void icw_ip_agreement_set_confidentiality_years (IcwIpAgreement *self, int value);
const char *icw_ip_agreement_get_term_start (IcwIpAgreement *self);
void icw_ip_agreement_set_term_start (IcwIpAgreement *self, const char *value);
int icw_ip_agreement_get_term_years (IcwIpAgreement *self);
void icw_ip_agreement_set_term_years (IcwIpAgreement *self, int value);
IcwDisputeResolution icw_ip_agreement_get_dispute_resolution (IcwIpAgreement *self);
void icw_ip_agreement_set_dispute_resolution (IcwIpAgreement *self, IcwDisputeResolution value);
const char *icw_ip_agreement_get_dispute_body (IcwIpAgreement *self);
void icw_ip_agreement_set_dispute_body (IcwIpAgreement *self, const char *value);
const char *icw_ip_agreement_get_results (IcwIpAgreement *self);
void icw_ip_agreement_set_results (IcwIpAgreement *self, const char *value);
const char *icw_ip_agreement_get_special_clauses (IcwIpAgreement *self);
void icw_ip_agreement_set_special_clauses (IcwIpAgreement *self, const char *value);
const char *icw_ip_agreement_get_guide_answers (IcwIpAgreement *self);
void icw_ip_agreement_set_guide_answers (IcwIpAgreement *self, const char *value);

G_END_DECLS
