/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-kinds-agreement.c: the rule kinds that check an IP-sharing agreement (target
 * ICW_RULE_TARGET_IP_AGREEMENT): revenue shares that total exactly 100%, parties that are current
 * members of the center's alliance, jointly owned results with owners and shares, someone who
 * bears patent costs, complete background IP, signatures and seals, and the terms every agreement
 * states. Findings point at the editor's fields: "shares", "parties/<party-id>/share",
 * "parties/<party-id>/background-ip/<n>", "results/<n>/owners", "patent-costs", "term", …
 * (docs/formats.md). Shares are integer basis points throughout. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-agreement-party.h"
#include "icw-alliance-member.h"
#include "icw-ip-agreement-check.h"
#include "icw-ip-agreement-parts.h"
#include "icw-money.h"
#include "icw-organization.h"
#include "icw-rules-private.h"
#include "icw-shareholder.h"
#include "icw-shares.h"

static IcwIpAgreement *
agreement_of (IcwRuleContext *context)
{
  return ICW_IP_AGREEMENT (context->record);
}

static GPtrArray *
parties_of (IcwRuleContext *context)
{
  return icw_ip_agreement_list_parties (context->store, agreement_of (context));
}

static char *
organization_name (IcwRuleContext *context,
                   const char     *id)
{
  g_autoptr(IcwOrganization) org = NULL;

  if (id != NULL && *id != '\0')
    org = (IcwOrganization *) icw_store_lookup (context->store, ICW_RECORD_KIND_ORGANIZATION, id, NULL);
  return g_strdup (org != NULL ? icw_organization_get_name (org) : id);
}

static char *
party_field (IcwAgreementParty *party,
             const char        *rest)
{
  return g_strdup_printf ("parties/%s%s", icw_record_get_id (ICW_RECORD (party)), rest);
}

static gboolean
is_party (GPtrArray  *parties,
          const char *organization_id)
{
  for (guint i = 0; i < parties->len; i++)
    if (g_strcmp0 (icw_agreement_party_get_organization_id (parties->pdata[i]), organization_id) == 0)
      return TRUE;
  return FALSE;
}

/* agreement-shares-total: the parties' revenue shares total exactly 100.00%. */
static void
run_shares_total (IcwRuleContext *context,
                  const IcwRule  *rule)
{
  g_autoptr(GPtrArray) parties = parties_of (context);
  g_autofree gint64 *shares = g_new0 (gint64, parties->len + 1);
  g_autofree char *total = NULL;
  g_autofree char *remainder = NULL;

  for (guint i = 0; i < parties->len; i++)
    shares[i] = icw_agreement_party_get_share_bp (parties->pdata[i]);
  if (icw_shares_remainder (shares, parties->len) == 0)
    return;
  total = icw_basis_points_format (icw_shares_total (shares, parties->len));
  remainder = icw_basis_points_format (icw_shares_remainder (shares, parties->len));
  icw_rule_emit (context, rule, NULL, "total", total, "remainder", remainder, NULL);
}

/* agreement-min-parties: at least `min` parties (default 2). */
static void
run_min_parties (IcwRuleContext *context,
                 const IcwRule  *rule)
{
  g_autoptr(GPtrArray) parties = parties_of (context);
  gint64 min = icw_rule_param_int (rule, "min", 2);
  g_autofree char *count = NULL;
  g_autofree char *min_text = NULL;

  if (parties->len >= min)
    return;
  count = g_strdup_printf ("%u", parties->len);
  min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
  icw_rule_emit (context, rule, NULL, "count", count, "min", min_text, NULL);
}

/* agreement-party-member: every party is a member of the center in 273号's sense: the center's
 * own company (依托公司, to which results may belong), one of its shareholders or a current member
 * of its alliance. */
static void
run_party_member (IcwRuleContext *context,
                  const IcwRule  *rule)
{
  g_autoptr(GPtrArray) parties = parties_of (context);
  GPtrArray *members = icw_rule_context_members (context);
  GPtrArray *holders = icw_rule_context_shareholders (context);
  const char *host = icw_center_get_host_organization_id (context->center);

  for (guint i = 0; i < parties->len; i++)
    {
      const char *org = icw_agreement_party_get_organization_id (parties->pdata[i]);
      gboolean member = org != NULL && g_strcmp0 (host, org) == 0;

      for (guint m = 0; !member && m < members->len; m++)
        member = g_strcmp0 (icw_alliance_member_get_organization_id (members->pdata[m]), org) == 0;
      for (guint h = 0; !member && h < holders->len; h++)
        member = g_strcmp0 (icw_shareholder_get_organization_id (holders->pdata[h]), org) == 0;
      if (!member)
        {
          g_autofree char *name = organization_name (context, org);
          g_autofree char *field = party_field (parties->pdata[i], "");

          icw_rule_emit (context, rule, field, "name", name, NULL);
        }
    }
}

/* agreement-joint-owners: each jointly owned result names its owners, parties to the agreement,
 * whose shares total exactly 100.00%. */
static void
run_joint_owners (IcwRuleContext *context,
                  const IcwRule  *rule)
{
  g_autoptr(GPtrArray) parties = parties_of (context);
  g_autoptr(JsonArray) results = icw_ip_agreement_parse_results (icw_ip_agreement_get_results (agreement_of (context)), NULL);

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      JsonNode *node = json_object_get_member (result, "owners");
      JsonArray *owners = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      guint n = owners != NULL ? json_array_get_length (owners) : 0;
      gint64 total = 0;
      gboolean all_parties = TRUE;

      if (icw_ip_agreement_result_ownership (agreement_of (context), result) != ICW_IP_OWNERSHIP_JOINT)
        continue;
      for (guint k = 0; k < n; k++)
        {
          JsonObject *owner = json_array_get_object_element (owners, k);

          total += icw_json_item_int (owner, "share_bp");
          all_parties = all_parties && is_party (parties, icw_json_item_text (owner, "organization_id"));
        }
      if (n < 2 || total != ICW_BASIS_POINTS_WHOLE || !all_parties)
        {
          g_autofree char *item = g_strdup_printf ("%u", i + 1);
          g_autofree char *field = g_strdup_printf ("results/%u/owners", i + 1);
          g_autofree char *total_text = icw_basis_points_format (total);
          g_autofree char *count = g_strdup_printf ("%u", n);

          icw_rule_emit (context, rule, field, "item", item, "title", icw_json_item_text (result, "title"),
                         "count", count, "total", total_text, NULL);
        }
    }
}

/* agreement-patent-costs: someone bears the patent costs: a named party must be named and be a
 * party; the center company must be known (the center's host company). */
static void
run_patent_costs (IcwRuleContext *context,
                  const IcwRule  *rule)
{
  IcwIpAgreement *agreement = agreement_of (context);
  g_autoptr(GPtrArray) parties = parties_of (context);
  const char *host = icw_center_get_host_organization_id (context->center);

  switch (icw_ip_agreement_get_patent_costs (agreement))
    {
    case ICW_PATENT_COSTS_NAMED_PARTY:
      if (!is_party (parties, icw_ip_agreement_get_patent_cost_party_id (agreement)))
        icw_rule_emit (context, rule, "patent-cost-party", "costs",
                       icw_patent_costs_to_label (ICW_PATENT_COSTS_NAMED_PARTY), NULL);
      break;
    case ICW_PATENT_COSTS_CENTER_COMPANY:
      if (host == NULL || *host == '\0')
        icw_rule_emit (context, rule, NULL, "costs",
                       icw_patent_costs_to_label (ICW_PATENT_COSTS_CENTER_COMPANY), NULL);
      break;
    default:
      if (parties->len == 0)
        icw_rule_emit (context, rule, NULL, "costs",
                       icw_patent_costs_to_label (icw_ip_agreement_get_patent_costs (agreement)), NULL);
    }
}

/* agreement-background-complete (problem "missing"): each listed item has a kind, a title and an
 * owner, and a patent or software copyright its number. agreement-background-number (problem
 * "format"): that number has the official form (and a patent application number its check
 * character). */
static void
run_background (IcwRuleContext *context,
                const IcwRule  *rule,
                gboolean        format)
{
  g_autoptr(GPtrArray) parties = parties_of (context);

  for (guint i = 0; i < parties->len; i++)
    {
      IcwAgreementParty *party = parties->pdata[i];
      g_autoptr(JsonArray) items = icw_agreement_party_parse_background_ip (icw_agreement_party_get_background_ip (party), NULL);
      g_autofree char *name = organization_name (context, icw_agreement_party_get_organization_id (party));

      for (guint k = 0; items != NULL && k < json_array_get_length (items); k++)
        {
          JsonObject *item = json_array_get_object_element (items, k);
          const char *number = icw_json_item_text (item, "number");
          IcwBackgroundIpKind kind;
          gboolean has_kind = icw_background_ip_kind_from_string (icw_json_item_text (item, "kind"), &kind);
          gboolean needs_number = has_kind && kind != ICW_BACKGROUND_IP_KNOW_HOW;
          gboolean bad;
          g_autofree char *item_text = NULL;
          g_autofree char *rest = NULL;
          g_autofree char *field = NULL;

          if (format)
            bad = needs_number && *number != '\0' && !icw_background_ip_number_is_valid (kind, number);
          else
            bad = !has_kind || *icw_json_item_text (item, "title") == '\0' ||
                  *icw_json_item_text (item, "owner") == '\0' || (needs_number && *number == '\0');
          if (!bad)
            continue;
          item_text = g_strdup_printf ("%u", k + 1);
          rest = g_strdup_printf ("/background-ip/%u", k + 1);
          field = party_field (party, rest);
          icw_rule_emit (context, rule, field, "party", name, "item", item_text,
                         "kind", has_kind ? icw_background_ip_kind_to_label (kind) : NULL,
                         "number", number, NULL);
        }
    }
}

static void
run_background_complete (IcwRuleContext *context,
                         const IcwRule  *rule)
{
  run_background (context, rule, FALSE);
}

static void
run_background_number (IcwRuleContext *context,
                       const IcwRule  *rule)
{
  run_background (context, rule, TRUE);
}

/* agreement-signed: every party has signed and sealed, each with its date. */
static void
run_signed (IcwRuleContext *context,
            const IcwRule  *rule)
{
  g_autoptr(GPtrArray) parties = parties_of (context);

  for (guint i = 0; i < parties->len; i++)
    {
      IcwAgreementParty *party = parties->pdata[i];
      g_autofree char *name = NULL;
      g_autofree char *field = NULL;

      if (icw_agreement_party_get_signed (party) && icw_agreement_party_get_signed_date (party) != NULL &&
          icw_agreement_party_get_sealed (party) && icw_agreement_party_get_sealed_date (party) != NULL)
        continue;
      name = organization_name (context, icw_agreement_party_get_organization_id (party));
      field = party_field (party, "/signature");
      icw_rule_emit (context, rule, field, "name", name, NULL);
    }
}

/* agreement-terms: the terms every agreement states: a title, the date it takes effect, its term
 * (start and years) and the body that settles disputes. One finding per missing term. */
static const struct {
  const char *field;
  const char *label;
} terms[] = {
  { "title", N_("Title") },
  { "effective-date", N_("Effective date") },
  { "term", N_("Term (start and years)") },
  { "dispute", N_("Arbitration body or court") },
};

static gboolean
term_missing (IcwIpAgreement *agreement,
              guint           index)
{
  const char *text = NULL;
  g_autofree char *stripped = NULL;

  switch (index)
    {
    case 0:
      text = icw_ip_agreement_get_title (agreement);
      break;
    case 1:
      text = icw_ip_agreement_get_effective_date (agreement);
      break;
    case 2:
      if (icw_ip_agreement_get_term_years (agreement) <= 0)
        return TRUE;
      text = icw_ip_agreement_get_term_start (agreement);
      break;
    default:
      text = icw_ip_agreement_get_dispute_body (agreement);
    }
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  return *stripped == '\0';
}

static void
run_terms (IcwRuleContext *context,
           const IcwRule  *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    if (term_missing (agreement_of (context), i))
      icw_rule_emit (context, rule, terms[i].field, "part", _(terms[i].label), NULL);
}

static const IcwRuleParam no_params[] = { { NULL, 0, FALSE } };
static const IcwRuleParam min_params[] = {
  { "min", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};

static const char * const total_placeholders[] = { "total", "remainder", NULL };
static const char * const count_placeholders[] = { "count", "min", NULL };
static const char * const name_placeholders[] = { "name", NULL };
static const char * const result_placeholders[] = { "item", "title", "count", "total", NULL };
static const char * const costs_placeholders[] = { "costs", NULL };
static const char * const background_placeholders[] = { "party", "item", "kind", "number", NULL };
static const char * const part_placeholders[] = { "part", NULL };

static const IcwRuleKind agreement_kinds[] = {
  { "agreement-shares-total", run_shares_total, no_params, total_placeholders, NULL, ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-min-parties", run_min_parties, min_params, count_placeholders, NULL, ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-party-member", run_party_member, no_params, name_placeholders, NULL, ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-joint-owners", run_joint_owners, no_params, result_placeholders, NULL, ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-patent-costs", run_patent_costs, no_params, costs_placeholders, NULL, ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-background-complete", run_background_complete, no_params, background_placeholders, NULL,
    ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-background-number", run_background_number, no_params, background_placeholders, NULL,
    ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-signed", run_signed, no_params, name_placeholders, NULL, ICW_RULE_TARGET_IP_AGREEMENT },
  { "agreement-terms", run_terms, no_params, part_placeholders, NULL, ICW_RULE_TARGET_IP_AGREEMENT },
};

const IcwRuleKind *
icw_rule_kinds_agreement (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (agreement_kinds);
  return agreement_kinds;
}
