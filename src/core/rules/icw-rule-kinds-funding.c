/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-kinds-funding.c: the rule kinds that check a funding request (target "funding-request"):
 * its basic facts, the matching of fiscal by self-raised funds, the cap on indirect costs, the
 * justification of every line used, the milestones against the requested total, every category of
 * the set present, and agreement with the linked application's budget section. Money is compared
 * in integer fen; products of two amounts are computed in 128 bits so that none overflows. Findings
 * name the field: "title", "budget/<category>/justification", "milestones/2/amount", … */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application.h"
#include "icw-budget-table.h"
#include "icw-form-text.h"
#include "icw-funding-parts.h"
#include "icw-funding-request.h"
#include "icw-money.h"
#include "icw-rules-private.h"

static IcwFundingRequest *
request_of (IcwRuleContext *context)
{
  return ICW_FUNDING_REQUEST (context->record);
}

/* The request's table; a request whose table cannot be made (an unknown category set) gets its
 * finding from the store's refusal, so the rule has nothing to say. */
static IcwBudgetTable *
table_of (IcwRuleContext *context)
{
  return icw_budget_table_new_for_request (context->store, request_of (context), NULL);
}

static char *
wan (gint64 fen)
{
  return icw_money_format (fen, ICW_MONEY_UNIT_WAN);
}

/* The total a rule compares with: "fiscal" (central + local fiscal funds) or "grand". */
static gboolean
requested_total (IcwRuleContext *context,
                 const IcwRule  *rule,
                 IcwBudgetTable *table,
                 gint64         *total)
{
  const char *which = icw_rule_param_string (rule, "total");

  if (g_strcmp0 (which, "grand") == 0)
    return icw_budget_table_grand_total (table, total, NULL);
  return icw_budget_table_fiscal_total (table, TRUE, total, NULL);
}

static char *
check_total_param (const char *field,
                   JsonObject *params)
{
  const char *which = json_object_has_member (params, "total") ? json_object_get_string_member (params, "total") : NULL;

  if (which != NULL && strcmp (which, "fiscal") != 0 && strcmp (which, "grand") != 0)
    return g_strdup (_("“total” must be “fiscal” or “grand”"));
  return NULL;
}

/* funding-basics: a title, a start year, a period and at least one source. */
static void
run_basics (IcwRuleContext *context,
            const IcwRule  *rule)
{
  IcwFundingRequest *request = request_of (context);
  IcwFundingSource sources[ICW_N_FUNDING_SOURCES];

  if (icw_form_text_is_blank (icw_funding_request_get_title (request)))
    icw_rule_emit (context, rule, "title", "part", _("Title"), NULL);
  if (icw_funding_request_list_sources (request, sources) == 0)
    icw_rule_emit (context, rule, "sources", "part", _("Sources of funds"), NULL);
}

/* funding-matching: self-raised funds × fiscal ≥ fiscal funds × self_raised (the ratio
 * fiscal : self-raised, e.g. 1 : 1 means at least one yuan self-raised per fiscal yuan). */
static void
run_matching (IcwRuleContext *context,
              const IcwRule  *rule)
{
  g_autoptr(IcwBudgetTable) table = table_of (context);
  gint64 fiscal_param = icw_rule_param_int (rule, "fiscal", 1);
  gint64 self_param = icw_rule_param_int (rule, "self_raised", 1);
  gint64 fiscal, self_raised;
  g_autofree char *fiscal_text = NULL, *self_text = NULL, *ratio = NULL;

  if (table == NULL || !icw_budget_table_fiscal_total (table, TRUE, &fiscal, NULL) ||
      !icw_budget_table_fiscal_total (table, FALSE, &self_raised, NULL) || fiscal == 0)
    return;
  if ((__int128) self_raised * fiscal_param >= (__int128) fiscal * self_param)
    return;
  fiscal_text = wan (fiscal);
  self_text = wan (self_raised);
  ratio = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, fiscal_param, self_param);
  icw_rule_emit (context, rule, NULL, "fiscal", fiscal_text, "self_raised", self_text, "ratio", ratio, NULL);
}

static char *
check_matching (const char *field,
                JsonObject *params)
{
  if (json_object_get_int_member_with_default (params, "fiscal", 1) < 1 ||
      json_object_get_int_member_with_default (params, "self_raised", 1) < 1)
    return g_strdup (_("“fiscal” and “self_raised” must be whole numbers from 1"));
  return NULL;
}

/* The cap on indirect costs for a base of direct costs: base up to band1_upto_fen at band1_bp,
 * the part up to band2_upto_fen at band2_bp, the rest at rest_bp (floor, in fen). */
static gint64
indirect_cap (const IcwRule *rule,
              gint64         base)
{
  gint64 upto1 = icw_rule_param_int (rule, "band1_upto_fen", 0);
  gint64 upto2 = icw_rule_param_int (rule, "band2_upto_fen", upto1);
  __int128 cap = 0;
  gint64 part;

  part = MIN (base, upto1);
  cap += (__int128) part * icw_rule_param_int (rule, "band1_bp", 0);
  part = MAX (0, MIN (base, upto2) - upto1);
  cap += (__int128) part * icw_rule_param_int (rule, "band2_bp", 0);
  part = MAX (0, base - MAX (upto1, upto2));
  cap += (__int128) part * icw_rule_param_int (rule, "rest_bp", 0);
  cap /= ICW_BASIS_POINTS_WHOLE;
  return cap > G_MAXINT64 ? G_MAXINT64 : (gint64) cap;
}

/* funding-indirect-cap: in the column of central fiscal funds (国办发〔2021〕32号 governs 中央财政
 * 科研经费 only), indirect costs ≤ the cap on direct costs less the excluded categories (设备购置费),
 * per the tiers of the parameters. A request without central funds is not concerned. */
static void
run_indirect_cap (IcwRuleContext *context,
                  const IcwRule  *rule)
{
  g_autoptr(IcwBudgetTable) table = table_of (context);
  g_autoptr(GPtrArray) exclude = icw_rule_param_strings (rule, "exclude");
  gint64 direct, indirect, base, cap;
  g_autofree char *indirect_text = NULL, *cap_text = NULL, *base_text = NULL;
  int central;

  if (table == NULL)
    return;
  central = icw_budget_table_source_index (table, ICW_FUNDING_SOURCE_CENTRAL_FISCAL);
  if (central < 0 ||
      !icw_budget_table_sum (table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, central, ICW_BUDGET_GROUP_DIRECT, &direct, NULL) ||
      !icw_budget_table_sum (table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, central, ICW_BUDGET_GROUP_INDIRECT, &indirect, NULL) ||
      direct + indirect == 0)
    return;
  base = direct;
  for (guint i = 0; exclude != NULL && i < exclude->len; i++)
    {
      int row = icw_category_set_find (icw_budget_table_get_category_set (table), exclude->pdata[i]);
      gint64 excluded;

      if (row >= 0 && icw_budget_table_sum (table, row, ICW_BUDGET_ALL, central, ICW_BUDGET_ALL, &excluded, NULL))
        base -= excluded;
    }
  cap = indirect_cap (rule, base);
  if (indirect <= cap)
    return;
  indirect_text = wan (indirect);
  cap_text = wan (cap);
  base_text = wan (base);
  icw_rule_emit (context, rule, NULL, "indirect", indirect_text, "cap", cap_text, "base", base_text, NULL);
}

/* funding-justification: every leaf line with an amount has a justification. */
static void
run_justification (IcwRuleContext *context,
                   const IcwRule  *rule)
{
  g_autoptr(IcwBudgetTable) table = table_of (context);

  for (guint row = 0; table != NULL && row < icw_budget_table_get_n_rows (table); row++)
    {
      const IcwBudgetCategory *category = icw_budget_table_get_category (table, row);
      IcwBudgetLine *line = icw_budget_table_get_line (table, row);
      g_autofree char *field = NULL;
      gint64 total;

      if (!icw_budget_category_is_leaf (category) ||
          !icw_budget_table_sum (table, (int) row, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &total, NULL) ||
          total == 0 || (line != NULL && !icw_form_text_is_blank (icw_budget_line_get_justification (line))))
        continue;
      field = g_strdup_printf ("budget/%s/justification", category->key);
      icw_rule_emit (context, rule, field, "category", icw_budget_category_get_label (category), NULL);
    }
}

/* funding-categories-present: every leaf category of the set has its line (unused ones at 0). */
static void
run_categories_present (IcwRuleContext *context,
                        const IcwRule  *rule)
{
  g_autoptr(IcwBudgetTable) table = table_of (context);

  for (guint row = 0; table != NULL && row < icw_budget_table_get_n_rows (table); row++)
    {
      const IcwBudgetCategory *category = icw_budget_table_get_category (table, row);
      g_autofree char *field = NULL;

      if (!icw_budget_category_is_leaf (category) || icw_budget_table_get_line (table, row) != NULL)
        continue;
      field = g_strdup_printf ("budget/%s", category->key);
      icw_rule_emit (context, rule, field, "category", icw_budget_category_get_label (category), NULL);
    }
}

/* funding-milestones: the milestones add up to the requested total; there is at least one when
 * money is requested; each has a condition. */
static void
run_milestones (IcwRuleContext *context,
                const IcwRule  *rule)
{
  g_autoptr(IcwBudgetTable) table = table_of (context);
  g_autoptr(GPtrArray) milestones = icw_milestones_parse (icw_funding_request_get_milestones (request_of (context)), NULL);
  g_autofree char *total_text = NULL, *sum_text = NULL;
  gint64 total, sum = 0;

  if (table == NULL || milestones == NULL || !requested_total (context, rule, table, &total))
    return;
  for (guint i = 0; i < milestones->len; i++)
    {
      IcwMilestone *milestone = milestones->pdata[i];

      if (!icw_fen_add (sum, milestone->amount_fen, &sum))
        sum = G_MAXINT64;
    }
  if (sum == total)
    return;
  total_text = wan (total);
  sum_text = wan (sum);
  icw_rule_emit (context, rule, milestones->len > 0 ? "milestones" : "milestones/new",
                 "total", total_text, "sum", sum_text, NULL);
}

/* funding-milestone-conditions: every milestone names the condition of its payment. */
static void
run_milestone_conditions (IcwRuleContext *context,
                          const IcwRule  *rule)
{
  g_autoptr(GPtrArray) milestones = icw_milestones_parse (icw_funding_request_get_milestones (request_of (context)), NULL);

  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      IcwMilestone *milestone = milestones->pdata[i];
      g_autofree char *field = NULL, *number = NULL;

      if (!icw_form_text_is_blank (milestone->condition))
        continue;
      field = g_strdup_printf ("milestones/%u/condition", i + 1);
      number = g_strdup_printf ("%u", i + 1);
      icw_rule_emit (context, rule, field, "number", number, NULL);
    }
}

/* The amounts in 万元 that a text states: each run of digits, "," and "." right before 万元
 * (spaces between allowed), read exactly; grouping commas are dropped; full-width digits are
 * not read. */
static GArray *
stated_wan_amounts (const char *text)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *unit = "万元";

  for (const char *p = text != NULL ? strstr (text, unit) : NULL; p != NULL; p = strstr (p + strlen (unit), unit))
    {
      const char *end = p, *start;
      g_autoptr(GString) number = g_string_new (NULL);
      gint64 fen;

      while (end > text && end[-1] == ' ')
        end--;
      start = end;
      while (start > text && (g_ascii_isdigit (start[-1]) || start[-1] == ',' || start[-1] == '.'))
        start--;
      for (const char *q = start; q < end; q++)
        if (*q != ',')
          g_string_append_c (number, *q);
      if (number->len > 0 && icw_money_parse (number->str, ICW_MONEY_UNIT_WAN, &fen, NULL))
        g_array_append_val (amounts, fen);
    }
  return amounts;
}

/* funding-application-budget: a request linked to an application agrees with the application's
 * budget section, which states the request's total in 万元. */
static void
run_application_budget (IcwRuleContext *context,
                        const IcwRule  *rule)
{
  const char *application_id = icw_funding_request_get_application_id (request_of (context));
  g_autoptr(IcwRecord) application = NULL;
  g_autoptr(IcwBudgetTable) table = NULL;
  g_autoptr(GArray) amounts = NULL;
  g_autofree char *total_text = NULL;
  gint64 total;

  if (icw_form_text_is_blank (application_id))
    return;
  application = icw_store_lookup (context->store, ICW_RECORD_KIND_APPLICATION, application_id, NULL);
  table = table_of (context);
  if (application == NULL || table == NULL || !requested_total (context, rule, table, &total))
    return;
  amounts = stated_wan_amounts (icw_application_get_section_budget (ICW_APPLICATION (application)));
  for (guint i = 0; i < amounts->len; i++)
    if (g_array_index (amounts, gint64, i) == total)
      return;
  total_text = wan (total);
  icw_rule_emit (context, rule, NULL, "total", total_text,
                 "application", icw_application_get_title (ICW_APPLICATION (application)), NULL);
}

static const IcwRuleParam no_params[] = {
  { NULL, 0, FALSE },
};
static const IcwRuleParam matching_params[] = {
  { "fiscal", ICW_RULE_PARAM_INT, TRUE },
  { "self_raised", ICW_RULE_PARAM_INT, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam cap_params[] = {
  { "band1_upto_fen", ICW_RULE_PARAM_INT, FALSE },
  { "band1_bp", ICW_RULE_PARAM_INT, FALSE },
  { "band2_upto_fen", ICW_RULE_PARAM_INT, FALSE },
  { "band2_bp", ICW_RULE_PARAM_INT, FALSE },
  { "rest_bp", ICW_RULE_PARAM_INT, TRUE },
  { "exclude", ICW_RULE_PARAM_STRINGS, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam total_params[] = {
  { "total", ICW_RULE_PARAM_STRING, FALSE },
  { NULL, 0, FALSE },
};

static const char * const part_placeholders[] = { "part", NULL };
static const char * const matching_placeholders[] = { "fiscal", "self_raised", "ratio", NULL };
static const char * const cap_placeholders[] = { "indirect", "cap", "base", NULL };
static const char * const category_placeholders[] = { "category", NULL };
static const char * const milestones_placeholders[] = { "total", "sum", NULL };
static const char * const number_placeholders[] = { "number", NULL };
static const char * const application_placeholders[] = { "total", "application", NULL };

#define FUNDING ICW_RULE_TARGET_FUNDING_REQUEST

static const IcwRuleKind funding_kinds[] = {
  { "funding-basics", run_basics, no_params, part_placeholders, NULL, FUNDING },
  { "funding-matching", run_matching, matching_params, matching_placeholders, check_matching, FUNDING },
  { "funding-indirect-cap", run_indirect_cap, cap_params, cap_placeholders, NULL, FUNDING },
  { "funding-justification", run_justification, no_params, category_placeholders, NULL, FUNDING },
  { "funding-categories-present", run_categories_present, no_params, category_placeholders, NULL, FUNDING },
  { "funding-milestones", run_milestones, total_params, milestones_placeholders, check_total_param, FUNDING },
  { "funding-milestone-conditions", run_milestone_conditions, no_params, number_placeholders, NULL, FUNDING },
  { "funding-application-budget", run_application_budget, total_params, application_placeholders,
    check_total_param, FUNDING },
};

const IcwRuleKind *
icw_rule_kinds_funding (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (funding_kinds);
  return funding_kinds;
}
