/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-json.c: the members each record kind has in `list --json` and `show --json`. These are a
 * contract (docs/cli.md): members are only ever added. Enumerations are their stable keys, never
 * translated labels; money is integer fen (*_fen), shares and intensities integer basis points
 * (*_bp); an unknown value is null. */
#include "config.h"

#include <stdio.h>

#include "icw-agreement-party.h"
#include "icw-alliance-member.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-budget-line.h"
#include "icw-center.h"
#include "icw-cli.h"
#include "icw-ip-agreement.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-shareholder.h"

void
icw_cli_json_add_text (JsonBuilder *builder,
                       const char  *member,
                       const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* Years and counts where 0 means "not recorded". */
static void
add_int_or_null (JsonBuilder *builder,
                 const char  *member,
                 gint64       value,
                 gint64       unknown)
{
  json_builder_set_member_name (builder, member);
  if (value == unknown)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

/* A JSON part stored as text, as a JSON value (null when empty; as text when it does not parse). */
static void
add_json_text (JsonBuilder *builder,
               const char  *member,
               const char  *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (builder, member);
  if (text == NULL || *text == '\0')
    json_builder_add_null_value (builder);
  else if (json_parser_load_from_data (parser, text, -1, NULL))
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_string_value (builder, text);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* One array, rd_intensity_bp. */
static const char * const rd_intensities[] = { "rd_intensity_1", "rd_intensity_2", "rd_intensity_3", NULL };

static void
add_organization (JsonBuilder     *builder,
                  IcwOrganization *org)
{
  gint64 intensities[] = { icw_organization_get_rd_intensity_1 (org),
                           icw_organization_get_rd_intensity_2 (org),
                           icw_organization_get_rd_intensity_3 (org) };

  icw_cli_json_add_fields (builder, ICW_RECORD (org), rd_intensities);
  /* Oldest first: base year - 2, base year - 1, base year. */
  json_builder_set_member_name (builder, "rd_intensity_bp");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (intensities); i++)
    if (intensities[i] < 0)
      json_builder_add_null_value (builder);
    else
      json_builder_add_int_value (builder, intensities[i]);
  json_builder_end_array (builder);
}

static void
add_shareholder (JsonBuilder    *builder,
                 IcwShareholder *holder)
{
  icw_cli_json_add_text (builder, "center_id", icw_shareholder_get_center_id (holder));
  icw_cli_json_add_text (builder, "organization_id", icw_shareholder_get_organization_id (holder));
  icw_cli_json_add_text (builder, "contribution",
                         icw_contribution_to_key (icw_shareholder_get_contribution (holder)));
  add_int (builder, "amount_fen", icw_shareholder_get_amount_fen (holder));
  add_int (builder, "share_bp", icw_shareholder_get_share_bp (holder));
}

static void
add_member (JsonBuilder       *builder,
            IcwAllianceMember *member)
{
  icw_cli_json_add_text (builder, "center_id", icw_alliance_member_get_center_id (member));
  icw_cli_json_add_text (builder, "organization_id", icw_alliance_member_get_organization_id (member));
  icw_cli_json_add_text (builder, "role", icw_member_role_to_key (icw_alliance_member_get_role (member)));
  icw_cli_json_add_text (builder, "joined", icw_alliance_member_get_joined (member));
  add_bool (builder, "agreement_signed", icw_alliance_member_get_agreement_signed (member));
}

static void
add_platform (JsonBuilder *builder,
              IcwPlatform *platform)
{
  icw_cli_json_add_text (builder, "organization_id", icw_platform_get_organization_id (platform));
  icw_cli_json_add_text (builder, "kind", icw_platform_kind_to_key (icw_platform_get_kind (platform)));
  icw_cli_json_add_text (builder, "name", icw_platform_get_name (platform));
  add_int_or_null (builder, "approved_year", icw_platform_get_approved_year (platform), 0);
}

/* The application's own fields; its sections are added by `show --json` only. */
static void
add_application (JsonBuilder    *builder,
                 IcwApplication *application)
{
  icw_cli_json_add_text (builder, "center_id", icw_application_get_center_id (application));
  icw_cli_json_add_text (builder, "kind", icw_application_kind_to_key (icw_application_get_kind (application)));
  icw_cli_json_add_text (builder, "status", icw_application_status_to_key (icw_application_get_status (application)));
  icw_cli_json_add_text (builder, "title", icw_application_get_title (application));
  icw_cli_json_add_text (builder, "call_name", icw_application_get_call_name (application));
  icw_cli_json_add_text (builder, "call_issuer", icw_application_get_call_issuer (application));
  icw_cli_json_add_text (builder, "call_deadline", icw_application_get_call_deadline (application));
  icw_cli_json_add_text (builder, "lineage_id", icw_application_get_lineage_id (application));
  add_int (builder, "version", icw_application_get_version (application));
  icw_cli_json_add_text (builder, "reviewer_comments", icw_application_get_reviewer_comments (application));
}

static void
add_attachment (JsonBuilder   *builder,
                IcwAttachment *attachment)
{
  icw_cli_json_add_text (builder, "application_id", icw_attachment_get_application_id (attachment));
  icw_cli_json_add_text (builder, "name", icw_attachment_get_name (attachment));
  icw_cli_json_add_text (builder, "kind", icw_attachment_kind_to_key (icw_attachment_get_kind (attachment)));
  add_int (builder, "size", icw_attachment_get_size (attachment));
  icw_cli_json_add_text (builder, "sha256", icw_attachment_get_sha256 (attachment));
}

static void
add_agreement (JsonBuilder    *builder,
               IcwIpAgreement *a)
{
  icw_cli_json_add_text (builder, "center_id", icw_ip_agreement_get_center_id (a));
  icw_cli_json_add_text (builder, "title", icw_ip_agreement_get_title (a));
  icw_cli_json_add_text (builder, "status", icw_application_status_to_key (icw_ip_agreement_get_status (a)));
  add_int (builder, "version", icw_ip_agreement_get_version (a));
  icw_cli_json_add_text (builder, "lineage_id", icw_ip_agreement_get_lineage_id (a));
  icw_cli_json_add_text (builder, "reviewer_comments", icw_ip_agreement_get_reviewer_comments (a));
  icw_cli_json_add_text (builder, "effective_date", icw_ip_agreement_get_effective_date (a));
  icw_cli_json_add_text (builder, "ownership", icw_ip_ownership_to_key (icw_ip_agreement_get_ownership (a)));
  icw_cli_json_add_text (builder, "project_access", icw_access_terms_to_key (icw_ip_agreement_get_project_access (a)));
  icw_cli_json_add_text (builder, "exploitation_access",
                         icw_access_terms_to_key (icw_ip_agreement_get_exploitation_access (a)));
  icw_cli_json_add_text (builder, "patent_costs", icw_patent_costs_to_key (icw_ip_agreement_get_patent_costs (a)));
  icw_cli_json_add_text (builder, "patent_cost_party_id", icw_ip_agreement_get_patent_cost_party_id (a));
  add_int (builder, "publication_review_days", icw_ip_agreement_get_publication_review_days (a));
  icw_cli_json_add_text (builder, "exit_terms", icw_exit_terms_to_key (icw_ip_agreement_get_exit_terms (a)));
  icw_cli_json_add_text (builder, "exit_rules", icw_ip_agreement_get_exit_rules (a));
  add_int (builder, "confidentiality_years", icw_ip_agreement_get_confidentiality_years (a));
  icw_cli_json_add_text (builder, "term_start", icw_ip_agreement_get_term_start (a));
  add_int (builder, "term_years", icw_ip_agreement_get_term_years (a));
  icw_cli_json_add_text (builder, "dispute_resolution",
                         icw_dispute_resolution_to_key (icw_ip_agreement_get_dispute_resolution (a)));
  icw_cli_json_add_text (builder, "dispute_body", icw_ip_agreement_get_dispute_body (a));
  add_json_text (builder, "results", icw_ip_agreement_get_results (a));
  icw_cli_json_add_text (builder, "special_clauses", icw_ip_agreement_get_special_clauses (a));
  add_json_text (builder, "guide_answers", icw_ip_agreement_get_guide_answers (a));
}

static void
add_party (JsonBuilder       *builder,
           IcwAgreementParty *p)
{
  icw_cli_json_add_text (builder, "agreement_id", icw_agreement_party_get_agreement_id (p));
  icw_cli_json_add_text (builder, "organization_id", icw_agreement_party_get_organization_id (p));
  add_int (builder, "share_bp", icw_agreement_party_get_share_bp (p));
  add_int (builder, "contribution_fen", icw_agreement_party_get_contribution_fen (p));
  icw_cli_json_add_text (builder, "signatory", icw_agreement_party_get_signatory (p));
  add_bool (builder, "signed", icw_agreement_party_get_signed (p));
  icw_cli_json_add_text (builder, "signed_date", icw_agreement_party_get_signed_date (p));
  add_bool (builder, "sealed", icw_agreement_party_get_sealed (p));
  icw_cli_json_add_text (builder, "sealed_date", icw_agreement_party_get_sealed_date (p));
  add_json_text (builder, "background_ip", icw_agreement_party_get_background_ip (p));
}

static void
add_funding_request (JsonBuilder       *builder,
                     IcwFundingRequest *request)
{
  icw_cli_json_add_text (builder, "center_id", icw_funding_request_get_center_id (request));
  icw_cli_json_add_text (builder, "application_id", icw_funding_request_get_application_id (request));
  icw_cli_json_add_text (builder, "technology", icw_funding_request_get_technology (request));
  icw_cli_json_add_text (builder, "status", icw_application_status_to_key (icw_funding_request_get_status (request)));
  icw_cli_json_add_text (builder, "title", icw_funding_request_get_title (request));
  add_int (builder, "start_year", icw_funding_request_get_start_year (request));
  add_int (builder, "period", icw_funding_request_get_period (request));
  icw_cli_json_add_text (builder, "sources", icw_funding_request_get_sources (request));
  icw_cli_json_add_text (builder, "category_set", icw_funding_request_get_category_set (request));
  add_int (builder, "category_set_version", icw_funding_request_get_category_set_version (request));
  json_builder_set_member_name (builder, "tax_deduction");
  json_builder_add_boolean_value (builder, icw_funding_request_get_tax_deduction (request));
  add_int (builder, "tax_deduction_fen", icw_funding_request_get_tax_deduction_fen (request));
  icw_cli_json_add_text (builder, "lineage_id", icw_funding_request_get_lineage_id (request));
  add_int (builder, "version", icw_funding_request_get_version (request));
  icw_cli_json_add_text (builder, "reviewer_comments", icw_funding_request_get_reviewer_comments (request));
}

static void
add_budget_line (JsonBuilder   *builder,
                 IcwBudgetLine *line)
{
  g_autoptr(GHashTable) cells = icw_budget_cells_parse (icw_budget_line_get_cells (line), NULL);
  GHashTableIter iter;
  gpointer key, value;

  icw_cli_json_add_text (builder, "request_id", icw_budget_line_get_request_id (line));
  icw_cli_json_add_text (builder, "category", icw_budget_line_get_category (line));
  icw_cli_json_add_text (builder, "justification", icw_budget_line_get_justification (line));
  json_builder_set_member_name (builder, "cells_fen");
  json_builder_begin_object (builder);
  if (cells != NULL)
    {
      g_hash_table_iter_init (&iter, cells);
      while (g_hash_table_iter_next (&iter, &key, &value))
        add_int (builder, key, *(gint64 *) value);
    }
  json_builder_end_object (builder);
}

static const char *
record_kind_key (IcwRecord *record)
{
  return icw_record_kind_to_key (icw_record_kind_of (record));
}

/* Adds the record's members to the object being built: identity and times first, then its fields. */
void
icw_cli_json_add_record (JsonBuilder *builder,
                         IcwRecord   *record)
{
  icw_cli_json_add_text (builder, "id", icw_record_get_id (record));
  icw_cli_json_add_text (builder, "record_kind", record_kind_key (record));
  icw_cli_json_add_text (builder, "revision", icw_record_get_revision (record));
  icw_cli_json_add_text (builder, "created_at", icw_record_get_created_at (record));
  icw_cli_json_add_text (builder, "updated_at", icw_record_get_updated_at (record));

  if (ICW_IS_ORGANIZATION (record))
    add_organization (builder, ICW_ORGANIZATION (record));
  else if (ICW_IS_CENTER (record))
    icw_cli_json_add_fields (builder, record, NULL);
  else if (ICW_IS_SHAREHOLDER (record))
    add_shareholder (builder, ICW_SHAREHOLDER (record));
  else if (ICW_IS_ALLIANCE_MEMBER (record))
    add_member (builder, ICW_ALLIANCE_MEMBER (record));
  else if (ICW_IS_PLATFORM (record))
    add_platform (builder, ICW_PLATFORM (record));
  else if (ICW_IS_APPLICATION (record))
    add_application (builder, ICW_APPLICATION (record));
  else if (ICW_IS_ATTACHMENT (record))
    add_attachment (builder, ICW_ATTACHMENT (record));
  else if (ICW_IS_IP_AGREEMENT (record))
    add_agreement (builder, ICW_IP_AGREEMENT (record));
  else if (ICW_IS_AGREEMENT_PARTY (record))
    add_party (builder, ICW_AGREEMENT_PARTY (record));
  else if (ICW_IS_FUNDING_REQUEST (record))
    add_funding_request (builder, ICW_FUNDING_REQUEST (record));
  else if (ICW_IS_BUDGET_LINE (record))
    add_budget_line (builder, ICW_BUDGET_LINE (record));
  else
    g_assert_not_reached ();
}

/* Prints the finished value, indented, as UTF-8 (json-glib escapes only what JSON requires). */
void
icw_cli_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputs ("\n", stdout);
}
