/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-check.c: choosing the packs that apply to a funding request and running their rules
 * (icw-rule-kinds-funding.c), the program's own rule that the totals can be computed, and copying
 * its budget lines to a new version. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-budget-line.h"
#include "icw-budget-table.h"
#include "icw-funding-check.h"
#include "icw-rules-private.h"

GPtrArray *
icw_rule_packs_for_funding_request (GPtrArray  *packs,
                                    IcwCenter  *center,
                                    GError    **error)
{
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (packs != NULL, NULL);
  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);

  if (!icw_rule_packs_chosen (packs, center, ICW_RULE_TARGET_FUNDING_REQUEST, selected, error))
    return NULL;
  if (selected->len == 0)
    {
      IcwRulePack *pack = icw_rule_packs_find (packs, ICW_RULE_PACK_FUNDING);

      if (pack != NULL)
        g_ptr_array_add (selected, g_object_ref (pack));
    }
  return g_steal_pointer (&selected);
}

static GPtrArray *
choose_packs (GPtrArray  *packs,
              IcwCenter  *center,
              IcwRecord  *record,
              GError    **error)
{
  return icw_rule_packs_for_funding_request (packs, center, error);
}

/* The program's own rule, outside every pack so that no choice of packs turns it off: a budget
 * whose totals do not fit in gint64 fen (cells are never negative, so the grand total overflows
 * whenever any total does) cannot be shown, exported or checked against the packs' rules, which
 * all compare totals. Its citation says that it is the program's rule, not a policy text. */
static void
add_overflow_finding (IcwStore          *store,
                      IcwFundingRequest *request,
                      GPtrArray         *findings)
{
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (store, request, NULL);
  g_autoptr(GError) error = NULL;
  gint64 total;

  if (table == NULL || icw_budget_table_grand_total (table, &total, &error))
    return;
  g_ptr_array_insert (findings, 0,
                      icw_finding_new (ICW_FUNDING_RULE_OVERFLOW, ICW_PROGRAM_RULES, ICW_SEVERITY_ERROR,
                                       _("This program's own rule (not a policy text): every total of a budget must be within the amounts the program can represent"),
                                       "budget",
                                       _("The totals of the budget are too large to be computed (over 92,233,720,368,547,758.07 yuan); correct the amounts that are far too large.")));
}

GPtrArray *
icw_funding_request_check (IcwStore           *store,
                           IcwFundingRequest  *request,
                           GPtrArray          *packs,
                           GDateTime          *today,
                           GError            **error)
{
  GPtrArray *findings;

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (request), NULL);

  findings = icw_rule_check_record (store, ICW_RECORD (request), packs, choose_packs, today, error);
  if (findings != NULL)
    add_overflow_finding (store, request, findings);
  return findings;
}

gboolean
icw_funding_request_copy_lines (IcwStore   *store,
                                IcwRecord  *from,
                                IcwRecord  *to,
                                GError    **error)
{
  g_autoptr(GListModel) lines = icw_store_list (store, ICW_RECORD_KIND_BUDGET_LINE, icw_record_get_id (from));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(IcwBudgetLine) line = g_list_model_get_item (lines, i);
      g_autoptr(IcwBudgetLine) copy = icw_budget_line_new ();

      icw_budget_line_set_request_id (copy, icw_record_get_id (to));
      icw_budget_line_set_category (copy, icw_budget_line_get_category (line));
      icw_budget_line_set_justification (copy, icw_budget_line_get_justification (line));
      icw_budget_line_set_cells (copy, icw_budget_line_get_cells (line));
      if (!icw_store_save (store, ICW_RECORD (copy), error))
        return FALSE;
    }
  return TRUE;
}
