/* icw-store-tables.c: one descriptor per record kind: its table and the columns that mirror the
 * record's properties. The store generates its SELECT, upsert and outbox SQL from these, so a new
 * field is one line here plus a migration. */
#include "config.h"

#include "icw-agreement-party.h"
#include "icw-alliance-member.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-budget-line.h"
#include "icw-center.h"
#include "icw-ip-agreement.h"
#include "icw-funding-request.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-shareholder.h"
#include "icw-store-private.h"

#define ENUM_ADAPTERS(prefix, Type)                                             \
  static const char *prefix##_key (guint v) { return prefix##_to_key ((Type) v); } \
  static gboolean prefix##_parse (const char *text, guint *v)                   \
  {                                                                             \
    Type t;                                                                     \
    if (!prefix##_from_string (text, &t))                                       \
      return FALSE;                                                             \
    *v = t;                                                                     \
    return TRUE;                                                                \
  }

ENUM_ADAPTERS (icw_org_kind, IcwOrgKind)
ENUM_ADAPTERS (icw_center_level, IcwCenterLevel)
ENUM_ADAPTERS (icw_center_status, IcwCenterStatus)
ENUM_ADAPTERS (icw_contribution, IcwContribution)
ENUM_ADAPTERS (icw_member_role, IcwMemberRole)
ENUM_ADAPTERS (icw_platform_kind, IcwPlatformKind)
ENUM_ADAPTERS (icw_application_kind, IcwApplicationKind)
ENUM_ADAPTERS (icw_application_status, IcwApplicationStatus)
ENUM_ADAPTERS (icw_attachment_kind, IcwAttachmentKind)
ENUM_ADAPTERS (icw_ip_ownership, IcwIpOwnership)
ENUM_ADAPTERS (icw_access_terms, IcwAccessTerms)
ENUM_ADAPTERS (icw_patent_costs, IcwPatentCosts)
ENUM_ADAPTERS (icw_exit_terms, IcwExitTerms)
ENUM_ADAPTERS (icw_dispute_resolution, IcwDisputeResolution)

#define TEXT(c, p) { c, p, ICW_COLUMN_TEXT, NULL, NULL, NULL, FALSE }
#define INT(c, p) { c, p, ICW_COLUMN_INT, NULL, NULL, NULL, FALSE }
#define INT64(c, p) { c, p, ICW_COLUMN_INT64, NULL, NULL, NULL, FALSE }
#define BOOL(c, p) { c, p, ICW_COLUMN_BOOL, NULL, NULL, NULL, FALSE }
#define ENUM(c, p, prefix) { c, p, ICW_COLUMN_ENUM, prefix##_key, prefix##_parse, NULL, FALSE }
/* Checked columns (icw-field-checks.h): IDs of other records, dates, money, shares, and the
 * structured parts, JSON text in the database and JSON values in a dossier. */
#define ID(c, p) { c, p, ICW_COLUMN_TEXT, NULL, NULL, icw_field_check_uuid, FALSE }
#define DATE(c, p) { c, p, ICW_COLUMN_TEXT, NULL, NULL, icw_field_check_date, FALSE }
#define CHECKED(c, p, type, check) { c, p, ICW_COLUMN_##type, NULL, NULL, icw_field_check_##check, FALSE }
#define MONEY(c, p) CHECKED (c, p, INT64, money)
#define SHARE(c, p) CHECKED (c, p, INT64, share)
#define PART(c, p, check) { c, p, ICW_COLUMN_TEXT, NULL, NULL, icw_field_check_##check, TRUE }

static const IcwColumn organization_columns[] = {
  TEXT ("name", "name"),
  CHECKED ("credit_code", "credit-code", TEXT, credit_code),
  ENUM ("kind", "kind", icw_org_kind),
  TEXT ("province", "province"),
  TEXT ("city", "city"),
  TEXT ("legal_representative", "legal-representative"),
  BOOL ("top_ten", "top-ten"),
  INT ("rd_base_year", "rd-base-year"),
  CHECKED ("rd_intensity_1", "rd-intensity-1", INT64, intensity),
  CHECKED ("rd_intensity_2", "rd-intensity-2", INT64, intensity),
  CHECKED ("rd_intensity_3", "rd-intensity-3", INT64, intensity),
};

static const IcwColumn center_columns[] = {
  TEXT ("name", "name"),
  ENUM ("level", "level", icw_center_level),
  TEXT ("field", "field"),
  TEXT ("province", "province"),
  TEXT ("city", "city"),
  INT ("year", "year"),
  ENUM ("status", "status", icw_center_status),
  ID ("lead_organization_id", "lead-organization-id"),
  ID ("host_organization_id", "host-organization-id"),
  TEXT ("host_legal_form", "host-legal-form"),
  MONEY ("host_capital_fen", "host-capital-fen"),
  DATE ("host_founded", "host-founded"),
  TEXT ("operating_model", "operating-model"),
  TEXT ("pilot_basis", "pilot-basis"),
  INT ("field_platform_total", "field-platform-total"),
  TEXT ("rule_packs", "rule-packs"),
};

static const IcwColumn shareholder_columns[] = {
  ID ("center_id", "center-id"),
  ID ("organization_id", "organization-id"),
  ENUM ("contribution", "contribution", icw_contribution),
  MONEY ("amount_fen", "amount-fen"),
  SHARE ("share_bp", "share-bp"),
};

static const IcwColumn alliance_member_columns[] = {
  ID ("center_id", "center-id"),
  ID ("organization_id", "organization-id"),
  ENUM ("role", "role", icw_member_role),
  DATE ("joined", "joined"),
  BOOL ("agreement_signed", "agreement-signed"),
};

static const IcwColumn platform_columns[] = {
  ID ("organization_id", "organization-id"),
  ENUM ("kind", "kind", icw_platform_kind),
  TEXT ("name", "name"),
  INT ("approved_year", "approved-year"),
};

static const IcwColumn application_columns[] = {
  ID ("center_id", "center-id"),
  ENUM ("kind", "kind", icw_application_kind),
  ENUM ("status", "status", icw_application_status),
  TEXT ("title", "title"),
  TEXT ("call_name", "call-name"),
  TEXT ("call_issuer", "call-issuer"),
  DATE ("call_deadline", "call-deadline"),
  ID ("lineage_id", "lineage-id"),
  INT ("version", "version"),
  TEXT ("reviewer_comments", "reviewer-comments"),
  TEXT ("section_background", "section-background"),
  TEXT ("section_foundation", "section-foundation"),
  TEXT ("section_goals", "section-goals"),
  TEXT ("section_approach", "section-approach"),
  TEXT ("section_mechanism", "section-mechanism"),
  TEXT ("section_assessment", "section-assessment"),
  TEXT ("section_risks", "section-risks"),
  TEXT ("section_budget", "section-budget"),
  TEXT ("section_benefits", "section-benefits"),
  PART ("roadmap", "roadmap", roadmap),
  PART ("capability_platforms", "capability-platforms", platforms),
  PART ("indicators", "indicators", indicators),
  PART ("tasks", "tasks", tasks),
};

/* The content is not a column here: it is written once, when the file is added (the table's
 * after_upsert), and never goes into the outbox. */
static const IcwColumn attachment_columns[] = {
  ID ("application_id", "application-id"),
  TEXT ("name", "name"),
  ENUM ("kind", "kind", icw_attachment_kind),
  CHECKED ("size", "size", INT64, size),
  CHECKED ("sha256", "sha256", TEXT, sha256),
};

static const IcwColumn ip_agreement_columns[] = {
  ID ("center_id", "center-id"),
  TEXT ("title", "title"),
  ENUM ("status", "status", icw_application_status),
  INT ("version", "version"),
  ID ("lineage_id", "lineage-id"),
  TEXT ("reviewer_comments", "reviewer-comments"),
  DATE ("effective_date", "effective-date"),
  ENUM ("ownership", "ownership", icw_ip_ownership),
  ENUM ("project_access", "project-access", icw_access_terms),
  ENUM ("exploitation_access", "exploitation-access", icw_access_terms),
  ENUM ("patent_costs", "patent-costs", icw_patent_costs),
  ID ("patent_cost_party_id", "patent-cost-party-id"),
  INT ("publication_review_days", "publication-review-days"),
  ENUM ("exit_terms", "exit-terms", icw_exit_terms),
  TEXT ("exit_rules", "exit-rules"),
  INT ("confidentiality_years", "confidentiality-years"),
  DATE ("term_start", "term-start"),
  INT ("term_years", "term-years"),
  ENUM ("dispute_resolution", "dispute-resolution", icw_dispute_resolution),
  TEXT ("dispute_body", "dispute-body"),
  PART ("results", "results", results),
  TEXT ("special_clauses", "special-clauses"),
  PART ("guide_answers", "guide-answers", guide_answers),
};

static const IcwColumn agreement_party_columns[] = {
  ID ("agreement_id", "agreement-id"),
  ID ("organization_id", "organization-id"),
  SHARE ("share_bp", "share-bp"),
  MONEY ("contribution_fen", "contribution-fen"),
  TEXT ("signatory", "signatory"),
  BOOL ("signed", "signed"),
  DATE ("signed_date", "signed-date"),
  BOOL ("sealed", "sealed"),
  DATE ("sealed_date", "sealed-date"),
  PART ("background_ip", "background-ip", background_ip),
};

static const IcwColumn funding_request_columns[] = {
  ID ("center_id", "center-id"),
  ID ("application_id", "application-id"),
  TEXT ("technology", "technology"),
  ENUM ("status", "status", icw_application_status),
  TEXT ("title", "title"),
  INT ("start_year", "start-year"),
  INT ("period", "period"),
  TEXT ("sources", "sources"),
  TEXT ("category_set", "category-set"),
  INT ("category_set_version", "category-set-version"),
  PART ("milestones", "milestones", milestones),
  BOOL ("tax_deduction", "tax-deduction"),
  MONEY ("tax_deduction_fen", "tax-deduction-fen"),
  ID ("lineage_id", "lineage-id"),
  INT ("version", "version"),
  TEXT ("reviewer_comments", "reviewer-comments"),
};

static const IcwColumn budget_line_columns[] = {
  ID ("request_id", "request-id"),
  TEXT ("category", "category"),
  TEXT ("justification", "justification"),
  PART ("cells", "cells", cells),
};

static const IcwTable tables[] = {
  { ICW_RECORD_KIND_ORGANIZATION, "organizations", icw_organization_get_type,
    organization_columns, G_N_ELEMENTS (organization_columns), NULL, "organizations_fts",
    NULL, icw_store_validate_organization },
  { ICW_RECORD_KIND_CENTER, "centers", icw_center_get_type,
    center_columns, G_N_ELEMENTS (center_columns), NULL, "centers_fts",
    NULL, icw_store_validate_center },
  { ICW_RECORD_KIND_SHAREHOLDER, "shareholders", icw_shareholder_get_type,
    shareholder_columns, G_N_ELEMENTS (shareholder_columns), "center_id", NULL,
    NULL, icw_store_validate_shareholder },
  { ICW_RECORD_KIND_ALLIANCE_MEMBER, "alliance_members", icw_alliance_member_get_type,
    alliance_member_columns, G_N_ELEMENTS (alliance_member_columns), "center_id", NULL,
    NULL, icw_store_validate_alliance_member },
  { ICW_RECORD_KIND_PLATFORM, "platforms", icw_platform_get_type,
    platform_columns, G_N_ELEMENTS (platform_columns), "organization_id", NULL,
    NULL, icw_store_validate_platform },
  { ICW_RECORD_KIND_APPLICATION, "applications", icw_application_get_type,
    application_columns, G_N_ELEMENTS (application_columns), "center_id", NULL,
    NULL, icw_store_validate_application },
  { ICW_RECORD_KIND_ATTACHMENT, "attachments", icw_attachment_get_type,
    attachment_columns, G_N_ELEMENTS (attachment_columns), "application_id", NULL,
    icw_store_write_attachment_content, icw_store_validate_attachment },
  { ICW_RECORD_KIND_IP_AGREEMENT, "ip_agreements", icw_ip_agreement_get_type,
    ip_agreement_columns, G_N_ELEMENTS (ip_agreement_columns), "center_id", NULL,
    NULL, icw_store_validate_ip_agreement },
  { ICW_RECORD_KIND_AGREEMENT_PARTY, "agreement_parties", icw_agreement_party_get_type,
    agreement_party_columns, G_N_ELEMENTS (agreement_party_columns), "agreement_id", NULL,
    NULL, icw_store_validate_agreement_party },
  { ICW_RECORD_KIND_FUNDING_REQUEST, "funding_requests", icw_funding_request_get_type,
    funding_request_columns, G_N_ELEMENTS (funding_request_columns), "center_id", NULL,
    NULL, icw_store_validate_funding_request },
  { ICW_RECORD_KIND_BUDGET_LINE, "budget_lines", icw_budget_line_get_type,
    budget_line_columns, G_N_ELEMENTS (budget_line_columns), "request_id", NULL,
    NULL, icw_store_validate_budget_line },
};

G_STATIC_ASSERT (G_N_ELEMENTS (tables) == ICW_N_RECORD_KINDS);

const IcwTable *
icw_store_table_for_kind (IcwRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < ICW_N_RECORD_KINDS, NULL);
  g_assert (tables[kind].kind == kind);
  return &tables[kind];
}

const IcwTable *
icw_store_table_for_record (IcwRecord *record)
{
  GType type = G_OBJECT_TYPE (record);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].get_type () == type)
      return &tables[i];

  g_return_val_if_reached (NULL);
}

IcwRecordKind
icw_record_kind_of (IcwRecord *record)
{
  return icw_store_table_for_record (record)->kind;
}
