/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-catalogue.c: the fields of every record kind, one line each (icw-field-catalogue.h
 * says what a line holds and what comes from it). Adding a field is a line here, a migration in
 * icw-schema.c and the translation of its label. The order is the columns' order: the store's
 * SQL, the dossier's members and the conflict view follow it. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-enums.h"
#include "icw-field-catalogue.h"

#define ENUM_ADAPTERS(prefix, Type, N)                                          \
  enum { prefix##_n = N };                                                      \
  static const char *prefix##_key (guint v) { return prefix##_to_key ((Type) v); } \
  static const char *prefix##_label (guint v) { return prefix##_to_label ((Type) v); } \
  static gboolean prefix##_parse (const char *text, guint *v)                   \
  {                                                                             \
    Type t;                                                                     \
    if (!prefix##_from_string (text, &t))                                       \
      return FALSE;                                                             \
    *v = t;                                                                     \
    return TRUE;                                                                \
  }

ENUM_ADAPTERS (icw_org_kind, IcwOrgKind, ICW_N_ORG_KINDS)
ENUM_ADAPTERS (icw_center_level, IcwCenterLevel, ICW_N_CENTER_LEVELS)
ENUM_ADAPTERS (icw_center_status, IcwCenterStatus, ICW_N_CENTER_STATUSES)
ENUM_ADAPTERS (icw_contribution, IcwContribution, ICW_N_CONTRIBUTIONS)
ENUM_ADAPTERS (icw_member_role, IcwMemberRole, ICW_N_MEMBER_ROLES)
ENUM_ADAPTERS (icw_platform_kind, IcwPlatformKind, ICW_N_PLATFORM_KINDS)
ENUM_ADAPTERS (icw_application_kind, IcwApplicationKind, ICW_N_APPLICATION_KINDS)
ENUM_ADAPTERS (icw_application_status, IcwApplicationStatus, ICW_N_APPLICATION_STATUSES)
ENUM_ADAPTERS (icw_attachment_kind, IcwAttachmentKind, ICW_N_ATTACHMENT_KINDS)
ENUM_ADAPTERS (icw_ip_ownership, IcwIpOwnership, ICW_N_IP_OWNERSHIPS)
ENUM_ADAPTERS (icw_access_terms, IcwAccessTerms, ICW_N_ACCESS_TERMS)
ENUM_ADAPTERS (icw_patent_costs, IcwPatentCosts, ICW_N_PATENT_COSTS)
ENUM_ADAPTERS (icw_exit_terms, IcwExitTerms, ICW_N_EXIT_TERMS)
ENUM_ADAPTERS (icw_dispute_resolution, IcwDisputeResolution, ICW_N_DISPUTE_RESOLUTIONS)
ENUM_ADAPTERS (icw_enterprise_type, IcwEnterpriseType, ICW_N_ENTERPRISE_TYPES)
ENUM_ADAPTERS (icw_report_kind, IcwReportKind, ICW_N_REPORT_KINDS)
ENUM_ADAPTERS (icw_report_grade, IcwReportGrade, ICW_N_REPORT_GRADES)

/* Every macro is (column, property, [what it needs,] label).
 * The plain ones take, after the label, LATER for a field added after dossier format 2 began, and
 * .minimum or .initial where the least value or the default is not 0, or ANY_VALUE where the
 * property refuses no value of its type and leaves the check to the store, and LIMIT (class)
 * for a text whose length and characters are limited. */
#define LATER .added_later = TRUE
/* A text's class of length and characters (icw-field-limits.h): LIMIT (NAME), LIMIT (SHORT), … */
#define LIMIT(c) .limited = TRUE, .limit = ICW_FIELD_CLASS_##c
#define ANY_VALUE .any_value = TRUE
#define FIELD(c, p, t, l, ...) { .name = c, .property = p, .type = ICW_COLUMN_##t, .label = l, __VA_ARGS__ }
#define TEXT(c, p, l, ...) FIELD (c, p, TEXT, l, .show = ICW_FIELD_SHOW_TEXT, ##__VA_ARGS__)
#define INT(c, p, l, ...) FIELD (c, p, INT, l, .show = ICW_FIELD_SHOW_COUNT, ##__VA_ARGS__)
#define YEAR(c, p, l, ...) FIELD (c, p, INT, l, .show = ICW_FIELD_SHOW_YEAR, ##__VA_ARGS__)
#define BOOL(c, p, l, ...) FIELD (c, p, BOOL, l, .show = ICW_FIELD_SHOW_BOOL, ##__VA_ARGS__)
#define ENUM(c, p, prefix, l, ...)                                              \
  FIELD (c, p, ENUM, l, .to_key = prefix##_key, .from_key = prefix##_parse,    \
         .to_label = prefix##_label, .n_values = prefix##_n, .show = ICW_FIELD_SHOW_ENUM, ##__VA_ARGS__)
/* Checked fields (icw-field-checks.h): IDs of other records, dates, money, shares, counts and the
 * structured parts, JSON text in the database and JSON values in a dossier. */
#define CHECKED(c, p, t, chk, l, ...) FIELD (c, p, t, l, .check = icw_field_check_##chk, __VA_ARGS__)
#define ID(c, p, l) CHECKED (c, p, TEXT, uuid, l, .show = ICW_FIELD_SHOW_TEXT)
#define REF(c, p, KIND, l, ...) CHECKED (c, p, TEXT, uuid, l, .show = ICW_FIELD_SHOW_REFERENCE, \
                                         .refers_to = ICW_RECORD_KIND_##KIND, ##__VA_ARGS__)
#define DATE(c, p, l, ...) CHECKED (c, p, TEXT, date, l, .show = ICW_FIELD_SHOW_TEXT, ##__VA_ARGS__)
#define COUNT(c, p, l, ...) CHECKED (c, p, INT, count, l, .show = ICW_FIELD_SHOW_COUNT, ##__VA_ARGS__)
#define MONEY(c, p, l, ...) CHECKED (c, p, INT64, money, l, .show = ICW_FIELD_SHOW_MONEY, ##__VA_ARGS__)
#define SHARE(c, p, l, ...) CHECKED (c, p, INT64, share, l, .show = ICW_FIELD_SHOW_SHARE, ##__VA_ARGS__)
#define INTENSITY(c, p, l) CHECKED (c, p, INT64, intensity, l, .show = ICW_FIELD_SHOW_SHARE, .minimum = -1)
/* A structured part: its check is icw_field_check_<chk>, its item type icw_part_<chk> (icw-field-parts.c). */
#define PART(c, p, chk, l, ...) CHECKED (c, p, TEXT, chk, l, .structured = TRUE, .show = ICW_FIELD_SHOW_PART, \
                                         .part = &icw_part_##chk, ##__VA_ARGS__)

static const IcwColumn organization_fields[] = {
  TEXT ("name", "name", N_("Name"), LIMIT (NAME)),
  CHECKED ("credit_code", "credit-code", TEXT, credit_code, N_("Unified social credit code"), LIMIT (SHORT)),
  ENUM ("kind", "kind", icw_org_kind, N_("Kind")),
  TEXT ("province", "province", N_("Province"), LIMIT (SHORT)),
  TEXT ("city", "city", N_("City"), LIMIT (SHORT)),
  TEXT ("legal_representative", "legal-representative", N_("Legal representative"), LIMIT (SHORT)),
  BOOL ("top_ten", "top-ten", N_("Among the top ten of its field")),
  /* The latest of the three years of R&D intensity, which follow it. */
  YEAR ("rd_base_year", "rd-base-year", N_("Latest year of R&D intensity")),
  INTENSITY ("rd_intensity_1", "rd-intensity-1", N_("R&D intensity, first year")),
  INTENSITY ("rd_intensity_2", "rd-intensity-2", N_("R&D intensity, second year")),
  INTENSITY ("rd_intensity_3", "rd-intensity-3", N_("R&D intensity, third year")),
  /* What provincial guides score per year (the same three years as the R&D intensity, the third
   * the latest): operating revenue, R&D spending and R&D staff (Shandong: an enterprise lead's
   * R&D spending at least 20 million yuan each year as the alternative to a 3% average). */
  MONEY ("revenue_1_fen", "revenue-1-fen", N_("Operating revenue, first year"), LATER),
  MONEY ("revenue_2_fen", "revenue-2-fen", N_("Operating revenue, second year"), LATER),
  MONEY ("revenue_3_fen", "revenue-3-fen", N_("Operating revenue, third year"), LATER),
  MONEY ("rd_spending_1_fen", "rd-spending-1-fen", N_("R&D spending, first year"), LATER),
  MONEY ("rd_spending_2_fen", "rd-spending-2-fen", N_("R&D spending, second year"), LATER),
  MONEY ("rd_spending_3_fen", "rd-spending-3-fen", N_("R&D spending, third year"), LATER),
  COUNT ("rd_staff_1", "rd-staff-1", N_("R&D staff, first year"), LATER),
  COUNT ("rd_staff_2", "rd-staff-2", N_("R&D staff, second year"), LATER),
  COUNT ("rd_staff_3", "rd-staff-3", N_("R&D staff, third year"), LATER),
  /* Its form in law; partnerships are not legal persons (a 有限合伙 fund is no 法人单位). */
  ENUM ("enterprise_type", "enterprise-type", icw_enterprise_type, N_("Legal form"), LATER),
  BOOL ("non_legal_person", "non-legal-person", N_("Not a legal person"), LATER),
  /* Firm honours at provincial level or above (Shandong lets 4 investors do for such a lead). */
  BOOL ("honour_champion", "honour-champion", N_("Single-product champion (单项冠军)"), LATER),
  BOOL ("honour_little_giant", "honour-little-giant", N_("Specialised “little giant” (专精特新“小巨人”)"), LATER),
  BOOL ("honour_specialised", "honour-specialised", N_("Specialised SME (专精特新中小企业)"), LATER),
  BOOL ("honour_unicorn", "honour-unicorn", N_("Unicorn (独角兽企业)"), LATER),
  BOOL ("honour_gazelle", "honour-gazelle", N_("Gazelle (瞪羚企业)"), LATER),
  /* 用户企业: a kind of firm (64号 “包括用户在内”), not a membership role. */
  BOOL ("user_enterprise", "user-enterprise", N_("User enterprise"), LATER),
  /* A record of 违法、违规、失信 (Shandong, Guangdong exclude such a lead). */
  BOOL ("dishonest", "dishonest", N_("Has a record of dishonesty (失信)"), LATER),
  /* 64号 （二） asks for shareholders "在本领域排名前十": the ranking is per field, so the flag
   * above counts only with the field it was ranked in, and with where that ranking comes from. */
  TEXT ("top_ten_field", "top-ten-field", N_("Field of the top-ten ranking"), LIMIT (SHORT), LATER),
  TEXT ("top_ten_source", "top-ten-source", N_("Source and year of the top-ten ranking"), LIMIT (NAME), LATER),
};

static const IcwColumn center_fields[] = {
  TEXT ("name", "name", N_("Name"), LIMIT (NAME)),
  ENUM ("level", "level", icw_center_level, N_("Level")),
  TEXT ("field", "field", N_("Field"), LIMIT (LINES)),
  TEXT ("province", "province", N_("Province"), LIMIT (SHORT)),
  TEXT ("city", "city", N_("City"), LIMIT (SHORT)),
  YEAR ("year", "year", N_("Year of recognition")),
  ENUM ("status", "status", icw_center_status, N_("Status")),
  REF ("lead_organization_id", "lead-organization-id", ORGANIZATION, N_("Lead organization")),
  REF ("host_organization_id", "host-organization-id", ORGANIZATION, N_("Host company")),
  TEXT ("host_legal_form", "host-legal-form", N_("Legal form of the host company")),
  MONEY ("host_capital_fen", "host-capital-fen", N_("Registered capital of the host company")),
  DATE ("host_founded", "host-founded", N_("Host company founded")),
  TEXT ("operating_model", "operating-model", N_("Operating model")),
  TEXT ("pilot_basis", "pilot-basis", N_("Pilot basis")),
  INT ("field_platform_total", "field-platform-total", N_("National platforms in the field")),
  /* Pack IDs separated by commas, or empty for the packs that apply by default. */
  TEXT ("rule_packs", "rule-packs", N_("Rule packs")),
  /* 全职研发人员: provincial guides ask for a number (Jiangsu: at least 50). */
  COUNT ("rd_staff", "rd-staff", N_("Full-time R&D staff"), LATER),
  /* 实缴资本: reviewers ask for proof of capital paid in, not only subscribed. */
  MONEY ("paid_in_capital_fen", "paid-in-capital-fen", N_("Paid-in capital of the host company"), LATER),
  COUNT ("staff_total", "staff-total", N_("Staff in total"), LATER),
  /* 固定运营场所, in square metres. */
  COUNT ("space_m2", "space-m2", N_("Operating space (m²)"), LATER),
  /* Last year's R&D expenses and total costs (Jiangsu: R&D at least 30% of costs). */
  MONEY ("rd_expense_fen", "rd-expense-fen", N_("R&D expenses, last year"), LATER),
  MONEY ("cost_expense_fen", "cost-expense-fen", N_("Costs and expenses, last year"), LATER),
  /* 认定时间: the day the center was recognized (the year above is only its year); a recognized
   * center's anniversaries are when assessments fall due. */
  DATE ("recognized_on", "recognized-on", N_("Date of recognition"), LATER),
};

static const IcwColumn shareholder_fields[] = {
  REF ("center_id", "center-id", CENTER, N_("Center")),
  REF ("organization_id", "organization-id", ORGANIZATION, N_("Organization")),
  ENUM ("contribution", "contribution", icw_contribution, N_("Contribution")),
  MONEY ("amount_fen", "amount-fen", N_("Amount")),
  SHARE ("share_bp", "share-bp", N_("Share")),
};

static const IcwColumn alliance_member_fields[] = {
  REF ("center_id", "center-id", CENTER, N_("Center")),
  REF ("organization_id", "organization-id", ORGANIZATION, N_("Organization")),
  ENUM ("role", "role", icw_member_role, N_("Role")),
  DATE ("joined", "joined", N_("Joined")),
  BOOL ("agreement_signed", "agreement-signed", N_("Agreement signed")),
};

static const IcwColumn platform_fields[] = {
  REF ("organization_id", "organization-id", ORGANIZATION, N_("Organization")),
  ENUM ("kind", "kind", icw_platform_kind, N_("Kind")),
  TEXT ("name", "name", N_("Name"), LIMIT (NAME)),
  YEAR ("approved_year", "approved-year", N_("Year approved")),
  /* 64号 counts the platforms of the center's field: the field as the center records it. */
  TEXT ("field", "field", N_("Field"), LATER),
};

static const IcwColumn application_fields[] = {
  REF ("center_id", "center-id", CENTER, N_("Center")),
  /* The stage (培育申报, 验收认定, 升级, 国家地方共建); the kinds before migration 18 are still read. */
  ENUM ("kind", "kind", icw_application_kind, N_("Kind"), .legacy_keys = icw_application_kind_legacy_keys),
  ENUM ("status", "status", icw_application_status, N_("Status")),
  TEXT ("title", "title", N_("Title"), LIMIT (NAME)),
  TEXT ("call_name", "call-name", N_("Call")),
  TEXT ("call_issuer", "call-issuer", N_("Issued by")),
  DATE ("call_deadline", "call-deadline", N_("Deadline")),
  ID ("lineage_id", "lineage-id", N_("Lineage")),
  INT ("version", "version", N_("Version"), .minimum = 1),
  CHECKED ("reviewer_comments", "reviewer-comments", TEXT, application_comments, N_("Reviewers' comments"), .show = ICW_FIELD_SHOW_TEXT),
  TEXT ("section_background", "section-background", N_("Background")),
  TEXT ("section_foundation", "section-foundation", N_("Existing base")),
  TEXT ("section_goals", "section-goals", N_("Goals and content")),
  TEXT ("section_approach", "section-approach", N_("Construction approach")),
  TEXT ("section_mechanism", "section-mechanism", N_("Operating mechanism")),
  TEXT ("section_assessment", "section-assessment", N_("Assessment")),
  TEXT ("section_risks", "section-risks", N_("Risks and controls")),
  TEXT ("section_budget", "section-budget", N_("Period and budget")),
  TEXT ("section_benefits", "section-benefits", N_("Expected benefits")),
  PART ("roadmap", "roadmap", roadmap, N_("Technology roadmap")),
  PART ("capability_platforms", "capability-platforms", platforms, N_("Capability platforms")),
  PART ("indicators", "indicators", indicators, N_("Performance indicators")),
  PART ("tasks", "tasks", tasks, N_("Main tasks")),
  /* The 基本情况表's figures that no register holds: the planned total investment and the
   * contact (联系人/电话) the province calls. */
  MONEY ("total_investment_fen", "total-investment-fen", N_("Total investment"), LATER),
  TEXT ("contact_name", "contact-name", N_("Contact"), LIMIT (SHORT), LATER),
  TEXT ("contact_phone", "contact-phone", N_("Contact's telephone"), LIMIT (SHORT), LATER),
  /* 推荐单位 on the cover: the body that recommends the application to the province (a city's
   * bureau of industry and information technology, say). */
  TEXT ("recommender", "recommender", N_("Recommended by (推荐单位)"), LIMIT (NAME), LATER),
  /* Shenzhen's 建设方案 asks for "吸引可持续投资和实现市场化自主商业运营的进程计划" (policy audit 1.4). */
  TEXT ("section_market_plan", "section-market-plan", N_("Market operation plan"), LATER),
};

/* The content is not a field: it is written once, when the file is added (the store table's
 * after_upsert), and never goes into the outbox. */
static const IcwColumn attachment_fields[] = {
  REF ("application_id", "application-id", APPLICATION, N_("Application")),
  TEXT ("name", "name", N_("Name"), LIMIT (NAME)),
  ENUM ("kind", "kind", icw_attachment_kind, N_("Kind")),
  CHECKED ("size", "size", INT64, size, N_("Size"), .show = ICW_FIELD_SHOW_COUNT),
  CHECKED ("sha256", "sha256", TEXT, sha256, N_("SHA-256")),
  /* An attachment of a report (its evidence, the financial audit) names the report instead of an
   * application: one of the two, never both. */
  REF ("report_id", "report-id", REPORT, N_("Report"), LATER),
  /* The required attachment of the call's outline (resources/outlines, by its key) that the file
   * fulfils, chosen when it is attached; empty for none (then matched by kind or name). */
  TEXT ("outline_item", "outline-item", N_("Fulfils"), LIMIT (SHORT), LATER),
};

static const IcwColumn ip_agreement_fields[] = {
  REF ("center_id", "center-id", CENTER, N_("Center")),
  TEXT ("title", "title", N_("Title"), LIMIT (NAME)),
  ENUM ("status", "status", icw_application_status, N_("Status")),
  INT ("version", "version", N_("Version"), .minimum = 1),
  ID ("lineage_id", "lineage-id", N_("Lineage")),
  CHECKED ("reviewer_comments", "reviewer-comments", TEXT, agreement_comments, N_("Reviewers' comments"), .show = ICW_FIELD_SHOW_TEXT),
  DATE ("effective_date", "effective-date", N_("Effective date")),
  ENUM ("ownership", "ownership", icw_ip_ownership, N_("Ownership of results")),
  ENUM ("project_access", "project-access", icw_access_terms, N_("Access for the project")),
  ENUM ("exploitation_access", "exploitation-access", icw_access_terms, N_("Access for exploitation"), .initial = ICW_ACCESS_FAIR_REASONABLE),
  ENUM ("patent_costs", "patent-costs", icw_patent_costs, N_("Patent costs")),
  REF ("patent_cost_party_id", "patent-cost-party-id", AGREEMENT_PARTY, N_("Party bearing patent costs")),
  INT ("publication_review_days", "publication-review-days", N_("Publication review (days)"), .initial = 30),
  ENUM ("exit_terms", "exit-terms", icw_exit_terms, N_("Exit terms")),
  TEXT ("exit_rules", "exit-rules", N_("Exit rules"), LIMIT (TEXT)),
  INT ("confidentiality_years", "confidentiality-years", N_("Confidentiality (years)"), .initial = 5),
  DATE ("term_start", "term-start", N_("Term starts")),
  INT ("term_years", "term-years", N_("Term (years)")),
  ENUM ("dispute_resolution", "dispute-resolution", icw_dispute_resolution, N_("Dispute resolution")),
  TEXT ("dispute_body", "dispute-body", N_("Dispute body")),
  PART ("results", "results", results, N_("Results")),
  TEXT ("special_clauses", "special-clauses", N_("Special clauses"), LIMIT (TEXT)),
  PART ("guide_answers", "guide-answers", guide_answers, N_("Answers to the guide")),
};

static const IcwColumn agreement_party_fields[] = {
  REF ("agreement_id", "agreement-id", IP_AGREEMENT, N_("Agreement")),
  REF ("organization_id", "organization-id", ORGANIZATION, N_("Organization")),
  /* Of any value as properties: the store refuses a negative one with its own message. */
  SHARE ("share_bp", "share-bp", N_("Share"), ANY_VALUE),
  MONEY ("contribution_fen", "contribution-fen", N_("Contribution amount"), ANY_VALUE),
  TEXT ("signatory", "signatory", N_("Signatory"), LIMIT (NAME)),
  BOOL ("signed", "signed", N_("Signed")),
  DATE ("signed_date", "signed-date", N_("Date signed")),
  BOOL ("sealed", "sealed", N_("Sealed")),
  DATE ("sealed_date", "sealed-date", N_("Date sealed")),
  PART ("background_ip", "background-ip", background_ip, N_("Background IP")),
};

static const IcwColumn funding_request_fields[] = {
  REF ("center_id", "center-id", CENTER, N_("Center")),
  REF ("application_id", "application-id", APPLICATION, N_("Application")),
  TEXT ("technology", "technology", N_("Technology")),
  ENUM ("status", "status", icw_application_status, N_("Status")),
  TEXT ("title", "title", N_("Title"), LIMIT (NAME)),
  YEAR ("start_year", "start-year", N_("First year")),
  INT ("period", "period", N_("Period"), .initial = 1),
  TEXT ("sources", "sources", N_("Sources of funds")),
  TEXT ("category_set", "category-set", N_("Budget categories")),
  INT ("category_set_version", "category-set-version", N_("Version of the categories"), .initial = 1),
  PART ("milestones", "milestones", milestones, N_("Milestones")),
  BOOL ("tax_deduction", "tax-deduction", N_("Tax deduction")),
  MONEY ("tax_deduction_fen", "tax-deduction-fen", N_("Tax deduction amount"), ANY_VALUE),
  ID ("lineage_id", "lineage-id", N_("Lineage")),
  INT ("version", "version", N_("Version"), .minimum = 1),
  CHECKED ("reviewer_comments", "reviewer-comments", TEXT, funding_comments, N_("Reviewers' comments"), .show = ICW_FIELD_SHOW_TEXT),
};

static const IcwColumn budget_line_fields[] = {
  REF ("request_id", "request-id", FUNDING_REQUEST, N_("Funding request")),
  TEXT ("category", "category", N_("Category")),
  TEXT ("justification", "justification", N_("Justification"), LIMIT (TEXT)),
  PART ("cells", "cells", cells, N_("Amounts")),
};

/* A center's report of a year (icw-report.h): 年度考核 or 定期评估. */
static const IcwColumn report_fields[] = {
  REF ("center_id", "center-id", CENTER, N_("Center")),
  YEAR ("year", "year", N_("Year")),
  ENUM ("kind", "kind", icw_report_kind, N_("Kind")),
  ENUM ("status", "status", icw_application_status, N_("Status")),
  ID ("lineage_id", "lineage-id", N_("Lineage")),
  INT ("version", "version", N_("Version"), .minimum = 1),
  CHECKED ("reviewer_comments", "reviewer-comments", TEXT, report_comments, N_("Reviewers' comments"), .show = ICW_FIELD_SHOW_TEXT),
  PART ("summary", "summary", report_summary, N_("Work summary")),
  PART ("indicators", "indicators", report_indicators, N_("Assessment indicators")),
  /* 建设情况 (37号 art. 7). */
  TEXT ("build_pilot", "build-pilot", N_("Pilot production and incubation")),
  TEXT ("build_testing", "build-testing", N_("Testing and verification")),
  TEXT ("build_services", "build-services", N_("Services to the industry")),
  /* The center's figures of the year. */
  COUNT ("staff_total", "staff-total", N_("Staff in total")),
  COUNT ("rd_staff", "rd-staff", N_("R&D staff")),
  MONEY ("rd_spending_fen", "rd-spending-fen", N_("R&D spending")),
  MONEY ("revenue_fiscal_fen", "revenue-fiscal-fen", N_("Revenue from fiscal funds")),
  MONEY ("revenue_nonfiscal_fen", "revenue-nonfiscal-fen", N_("Revenue from other sources")),
  MONEY ("services_revenue_fen", "services-revenue-fen", N_("Revenue from services")),
  MONEY ("licence_revenue_fen", "licence-revenue-fen", N_("Revenue from licences")),
  COUNT ("incubated_firms", "incubated-firms", N_("Firms incubated")),
  COUNT ("patents", "patents", N_("Patents")),
  COUNT ("standards", "standards", N_("Standards")),
  COUNT ("projects", "projects", N_("Projects")),
  REF ("audit_attachment_id", "audit-attachment-id", ATTACHMENT, N_("Financial audit")),
  /* What the reviewer records. */
  ENUM ("grade", "grade", icw_report_grade, N_("Grade")),
  DATE ("graded_on", "graded-on", N_("Date graded")),
  DATE ("rectify_due", "rectify-due", N_("Rectification due")),
  /* The self-score's items scored by hand, with the reason (icw-report-hand-scores.h). */
  PART ("hand_scores", "hand-scores", report_hand_scores, N_("Scores typed by hand"), LATER),
};

#define KIND(fields) { fields, G_N_ELEMENTS (fields) }

static const struct { const IcwColumn *fields; guint n_fields; } catalogue[] = {
  [ICW_RECORD_KIND_ORGANIZATION] = KIND (organization_fields),
  [ICW_RECORD_KIND_CENTER] = KIND (center_fields),
  [ICW_RECORD_KIND_SHAREHOLDER] = KIND (shareholder_fields),
  [ICW_RECORD_KIND_ALLIANCE_MEMBER] = KIND (alliance_member_fields),
  [ICW_RECORD_KIND_PLATFORM] = KIND (platform_fields),
  [ICW_RECORD_KIND_APPLICATION] = KIND (application_fields),
  [ICW_RECORD_KIND_ATTACHMENT] = KIND (attachment_fields),
  [ICW_RECORD_KIND_IP_AGREEMENT] = KIND (ip_agreement_fields),
  [ICW_RECORD_KIND_AGREEMENT_PARTY] = KIND (agreement_party_fields),
  [ICW_RECORD_KIND_FUNDING_REQUEST] = KIND (funding_request_fields),
  [ICW_RECORD_KIND_BUDGET_LINE] = KIND (budget_line_fields),
  [ICW_RECORD_KIND_REPORT] = KIND (report_fields),
};

G_STATIC_ASSERT (G_N_ELEMENTS (catalogue) == ICW_N_RECORD_KINDS);

const IcwColumn *
icw_field_catalogue (IcwRecordKind  kind,
                     guint         *n_fields)
{
  g_return_val_if_fail ((guint) kind < ICW_N_RECORD_KINDS, NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);
  *n_fields = catalogue[kind].n_fields;
  return catalogue[kind].fields;
}

const IcwColumn *
icw_field_catalogue_find (IcwRecordKind  kind,
                          const char    *name)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (kind, &n);

  for (guint i = 0; i < n && fields != NULL; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

gint64
icw_field_default (const IcwColumn *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->initial != 0 || field->any_value ? field->initial : field->minimum;
}

const char *
icw_field_label (const IcwColumn *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return _(field->label);
}
