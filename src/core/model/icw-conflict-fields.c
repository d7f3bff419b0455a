/* icw-conflict-fields.c: the labels of the record kinds and columns in the order of
 * icw-store-tables.c, and values as text. Where a column is edited under the same words in an
 * editor, the label is the editor's. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icw-conflict-fields.h"
#include "icw-enums.h"
#include "icw-lifecycle-graph.h"
#include "icw-money.h"

static const char *const kind_labels[] = {
  N_("Organization"), N_("Center"), N_("Shareholder"), N_("Alliance member"), N_("Platform"),
  N_("Application"), N_("Attachment"), N_("IP agreement"), N_("Agreement party"),
  N_("Funding request"), N_("Budget line"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == ICW_N_RECORD_KINDS);

static const struct { const char *column; const char *label; } fields[] = {
  { "name", N_("Name") },
  { "title", N_("Title") },
  { "credit_code", N_("Unified social credit code") },
  { "kind", N_("Kind") },
  { "province", N_("Province") },
  { "city", N_("City") },
  { "legal_representative", N_("Legal representative") },
  { "top_ten", N_("Among the top ten of the field") },
  { "rd_base_year", N_("First year of R&D intensity") },
  { "rd_intensity_1", N_("R&D intensity, first year") },
  { "rd_intensity_2", N_("R&D intensity, second year") },
  { "rd_intensity_3", N_("R&D intensity, third year") },
  { "level", N_("Level") },
  { "status", N_("Status") },
  { "field", N_("Field") },
  { "year", N_("Year of recognition") },
  { "operating_model", N_("Operating model") },
  { "pilot_basis", N_("Pilot basis") },
  { "field_platform_total", N_("National platforms in the field") },
  { "host_organization_id", N_("Host company") },
  { "host_legal_form", N_("Legal form") },
  { "host_capital_fen", N_("Registered capital") },
  { "host_founded", N_("Founded") },
  { "lead_organization_id", N_("Lead organization") },
  { "center_id", N_("Center") },
  { "organization_id", N_("Organization") },
  { "share_bp", N_("Share") },
  { "contribution", N_("Contribution") },
  { "contribution_fen", N_("Contribution amount") },
  { "joined", N_("Joined") },
  { "role", N_("Role") },
  { "approved_year", N_("Year approved") },
  { "application_id", N_("Application") },
  { "lineage_id", N_("Lineage") },
  { "version", N_("Version") },
  { "call_name", N_("Call") },
  { "call_issuer", N_("Issued by") },
  { "call_deadline", N_("Deadline") },
  { "reviewer_comments", N_("Reviewers' comments") },
  { "section_background", N_("Background") },
  { "section_foundation", N_("Existing base") },
  { "section_goals", N_("Goals and content") },
  { "section_approach", N_("Construction approach") },
  { "section_mechanism", N_("Operating mechanism") },
  { "section_assessment", N_("Assessment") },
  { "section_risks", N_("Risks and controls") },
  { "section_budget", N_("Period and budget") },
  { "section_benefits", N_("Expected benefits") },
  { "roadmap", N_("Technology roadmap") },
  { "capability_platforms", N_("Capability platforms") },
  { "indicators", N_("Performance indicators") },
  { "tasks", N_("Main tasks") },
  { "rule_packs", N_("Rule packs") },
  { "size", N_("Size") },
  { "sha256", N_("SHA-256") },
  { "agreement_id", N_("Agreement") },
  { "agreement_signed", N_("Agreement signed") },
  { "background_ip", N_("Background IP") },
  { "ownership", N_("Ownership of results") },
  { "project_access", N_("Access for the project") },
  { "exploitation_access", N_("Access for exploitation") },
  { "patent_costs", N_("Patent costs") },
  { "patent_cost_party_id", N_("Party bearing patent costs") },
  { "exit_terms", N_("Exit terms") },
  { "exit_rules", N_("Exit rules") },
  { "dispute_resolution", N_("Dispute resolution") },
  { "dispute_body", N_("Dispute body") },
  { "confidentiality_years", N_("Confidentiality (years)") },
  { "publication_review_days", N_("Publication review (days)") },
  { "special_clauses", N_("Special clauses") },
  { "effective_date", N_("Effective date") },
  { "term_start", N_("Term starts") },
  { "term_years", N_("Term (years)") },
  { "results", N_("Results") },
  { "signatory", N_("Signatory") },
  { "signed", N_("Signed") },
  { "signed_date", N_("Date signed") },
  { "sealed", N_("Sealed") },
  { "sealed_date", N_("Date sealed") },
  { "request_id", N_("Funding request") },
  { "category_set", N_("Budget categories") },
  { "category_set_version", N_("Version of the categories") },
  { "category", N_("Category") },
  { "period", N_("Period") },
  { "start_year", N_("First year") },
  { "sources", N_("Sources of funds") },
  { "cells", N_("Amounts") },
  { "amount_fen", N_("Amount") },
  { "justification", N_("Justification") },
  { "tax_deduction", N_("Tax deduction") },
  { "tax_deduction_fen", N_("Tax deduction amount") },
  { "technology", N_("Technology") },
  { "milestones", N_("Milestones") },
  { "guide_answers", N_("Answers to the guide") },
  { "created_at", N_("Created") },
  { "updated_at", N_("Last changed") },
  { "deleted_at", N_("Deleted") },
};

const char *
icw_conflict_kind_label (IcwRecordKind kind)
{
  return (guint) kind < ICW_N_RECORD_KINDS ? _(kind_labels[kind]) : "";
}

const char *
icw_conflict_field_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].column, column))
      return _(fields[i].label);
  return column;
}

gboolean
icw_conflict_field_hidden (const char *column)
{
  return g_str_equal (column, "id");
}

char *
icw_conflict_field_value (const char *column,
                          JsonNode   *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
      if (type == G_TYPE_INT64 && g_str_has_suffix (column, "_fen"))
        {
          g_autofree char *amount = icw_money_format (json_node_get_int (node), ICW_MONEY_UNIT_WAN);
          /* Translators: an amount and its unit, "12.50 10k yuan". */
          return g_strdup_printf (_("%s %s"), amount, icw_money_unit_symbol (ICW_MONEY_UNIT_WAN));
        }
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_STRING)
        return *json_node_get_string (node) != '\0' ? g_strdup (json_node_get_string (node))
                                                     : g_strdup (_("(empty)"));
    }
  return json_to_string (node, FALSE);
}

const char *
icw_conflict_enum_label (IcwRecordKind  kind,
                         const char    *column,
                         const char    *key)
{
  IcwCenterLevel level;
  IcwCenterStatus center_status;
  IcwApplicationStatus status;
  IcwOrgKind org_kind;

  if (key == NULL)
    return NULL;
  if (kind == ICW_RECORD_KIND_CENTER && g_str_equal (column, "level") && icw_center_level_from_string (key, &level))
    return icw_center_level_to_label (level);
  if (kind == ICW_RECORD_KIND_CENTER && g_str_equal (column, "status") &&
      icw_center_status_from_string (key, &center_status))
    return icw_center_status_to_label (center_status);
  if (g_str_equal (column, "status") && icw_record_kind_has_lifecycle (kind) &&
      icw_application_status_from_string (key, &status))
    return icw_application_status_to_label (status);
  if (kind == ICW_RECORD_KIND_ORGANIZATION && g_str_equal (column, "kind") && icw_org_kind_from_string (key, &org_kind))
    return icw_org_kind_to_label (org_kind);
  return NULL;
}

gboolean
icw_conflict_field_is_meta (const char *column)
{
  return g_str_equal (column, "created_at") || g_str_equal (column, "updated_at") ||
         g_str_equal (column, "deleted_at");
}

char *
icw_conflict_refusal_text (const char *reason,
                           const char *server_reason,
                           const char *field)
{
  if (reason == NULL)
    reason = server_reason != NULL ? server_reason : "";
  if (field != NULL && *field != '\0')
    /* Translators: the field's label, then why the server refused the change. */
    return g_strdup_printf (_("The server refused your change of “%s”: %s"), icw_conflict_field_label (field), reason);
  return g_strdup_printf (_("The server refused your change: %s"), reason);
}
