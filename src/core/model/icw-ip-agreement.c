/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ip-agreement.c: an IP-sharing agreement. A plain value object: the store loads, validates and
 * saves it (icw-store-agreements.c), and refuses changes once it is submitted. Its properties are
 * its fields in the field catalogue (icw-field-catalogue.c, with their defaults: version 1, fair
 * and reasonable access for exploitation, 30 days of publication review, 5 years of
 * confidentiality); the accessors below are the typed face of them. */
#include "config.h"

#include "icw-ip-agreement.h"

struct _IcwIpAgreement
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwIpAgreement, icw_ip_agreement, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwIpAgreement, icw_ip_agreement, ICW_IS_IP_AGREEMENT, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwIpAgreement, icw_ip_agreement, ICW_IS_IP_AGREEMENT, CType, field, property)

TEXT_FIELD (center_id, "center-id")
TEXT_FIELD (title, "title")
NUMBER_FIELD (IcwApplicationStatus, status, "status")
NUMBER_FIELD (int, version, "version")
TEXT_FIELD (lineage_id, "lineage-id")
TEXT_FIELD (reviewer_comments, "reviewer-comments")
TEXT_FIELD (effective_date, "effective-date")
NUMBER_FIELD (IcwIpOwnership, ownership, "ownership")
NUMBER_FIELD (IcwAccessTerms, project_access, "project-access")
NUMBER_FIELD (IcwAccessTerms, exploitation_access, "exploitation-access")
NUMBER_FIELD (IcwPatentCosts, patent_costs, "patent-costs")
TEXT_FIELD (patent_cost_party_id, "patent-cost-party-id")
NUMBER_FIELD (int, publication_review_days, "publication-review-days")
NUMBER_FIELD (IcwExitTerms, exit_terms, "exit-terms")
TEXT_FIELD (exit_rules, "exit-rules")
NUMBER_FIELD (int, confidentiality_years, "confidentiality-years")
TEXT_FIELD (term_start, "term-start")
NUMBER_FIELD (int, term_years, "term-years")
NUMBER_FIELD (IcwDisputeResolution, dispute_resolution, "dispute-resolution")
TEXT_FIELD (dispute_body, "dispute-body")
TEXT_FIELD (results, "results")
TEXT_FIELD (special_clauses, "special-clauses")
TEXT_FIELD (guide_answers, "guide-answers")

static void
icw_ip_agreement_class_init (IcwIpAgreementClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_IP_AGREEMENT);
}

static void
icw_ip_agreement_init (IcwIpAgreement *self)
{
}

IcwIpAgreement *
icw_ip_agreement_new (void)
{
  return g_object_new (ICW_TYPE_IP_AGREEMENT, NULL);
}
