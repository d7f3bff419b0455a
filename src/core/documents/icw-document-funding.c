/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-funding.c: the document of a funding request: the cover, its basic information,
 * the budget table (IcwBudgetTable) twice, by year and by source, each with the direct, indirect
 * and grand totals, the totals of fiscal and self-raised funds, each budget line's justification
 * and the disbursement milestones with their sum. Amounts in 万元 with two decimals; every sum
 * comes from icw_budget_table_sum(), which refuses an overflow instead of wrapping. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-budget-table.h"
#include "icw-document-private.h"
#include "icw-enums.h"
#include "icw-funding-parts.h"
#include "icw-money.h"

static char *
sum_text (IcwBudgetTable *table,
          int             row,
          int             year,
          int             source,
          int             group)
{
  gint64 fen;

  if (!icw_budget_table_sum (table, row, year, source, group, &fen, NULL))
    return g_strdup (icw_budget_overflow_marker ());
  return icw_doc_money (fen);
}

/* One row of a budget table: its label, its sums per year (or per source), its total. */
static void
add_budget_row (GPtrArray      *cells,
                IcwDocBlock    *block,
                IcwBudgetTable *table,
                gboolean        by_year,
                guint           n,
                int             row,
                int             group,
                const char     *label)
{
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_add (cells, g_strdup (label));
  for (guint c = 0; c < n; c++)
    g_ptr_array_add (cells, sum_text (table, row, by_year ? (int) c : ICW_BUDGET_ALL,
                                      by_year ? ICW_BUDGET_ALL : (int) c, group));
  g_ptr_array_add (cells, sum_text (table, row, ICW_BUDGET_ALL, ICW_BUDGET_ALL, group));
  icw_doc_block_add_row (block, (const char * const *) cells->pdata);
}

/* by_year: a column per year; otherwise a column per source. Then the row's total. */
static void
add_budget (IcwDocument    *document,
            IcwBudgetTable *table,
            gboolean        by_year)
{
  guint n = by_year ? icw_budget_table_get_n_years (table) : icw_budget_table_get_n_sources (table);
  guint n_rows = icw_budget_table_get_n_rows (table);
  IcwDocBlock *block = icw_document_add_table (document, n + 2, 1);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *weights = g_new (guint, n + 2);

  weights[0] = 5;
  for (guint c = 1; c < n + 2; c++)
    weights[c] = 2, block->numeric |= 1u << MIN (c, 31);
  icw_doc_block_set_weights (block, weights);
  g_ptr_array_add (cells, g_strdup (_("Category")));
  for (guint c = 0; c < n; c++)
    g_ptr_array_add (cells, by_year ? g_strdup_printf ("%d", icw_budget_table_get_start_year (table) + (int) c)
                                    : g_strdup (icw_funding_source_to_label (icw_budget_table_get_source (table, c))));
  g_ptr_array_add (cells, g_strdup (_("Total")));
  icw_doc_block_add_row (block, (const char * const *) cells->pdata);
  /* Rows, as the window's budget grid shows them: each group's subtotal followed by its
     categories indented under it (a child further under its parent), so that indirect costs (management, performance
     pay) are not read as direct ones; then the total. */
  for (int group = 0; group <= ICW_N_BUDGET_GROUPS; group++)
    {
      gboolean total = group == ICW_N_BUDGET_GROUPS;
      gboolean any = total;

      for (guint r = 0; r < n_rows && !any; r++)
        any = icw_budget_table_get_category (table, r)->group == (IcwBudgetGroup) group;
      if (!any)
        continue;
      add_budget_row (cells, block, table, by_year, n, ICW_BUDGET_ALL, total ? ICW_BUDGET_ALL : group,
                      total ? _("Total") : group == ICW_BUDGET_GROUP_DIRECT ? _("Direct costs") : _("Indirect costs"));
      for (guint r = 0; r < n_rows && !total; r++)
        {
          const IcwBudgetCategory *category = icw_budget_table_get_category (table, r);
          g_autofree char *label = NULL;

          if (category->group != (IcwBudgetGroup) group)
            continue;
          label = g_strdup_printf ("%s%s", category->parent >= 0 ? "　　" : "　", icw_budget_category_get_label (category));
          add_budget_row (cells, block, table, by_year, n, (int) r, ICW_BUDGET_ALL, label);
        }
    }
}

static void
add_totals (IcwDocument    *document,
            IcwBudgetTable *table)
{
  IcwDocBlock *block = icw_document_add_key_values (document);
  g_autofree char *all = sum_text (table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL);
  g_autofree char *fiscal = NULL;
  g_autofree char *own = NULL;
  gint64 fen;

  fiscal = icw_budget_table_fiscal_total (table, TRUE, &fen, NULL) ? icw_doc_money (fen) : g_strdup (icw_budget_overflow_marker ());
  own = icw_budget_table_fiscal_total (table, FALSE, &fen, NULL) ? icw_doc_money (fen) : g_strdup (icw_budget_overflow_marker ());
  icw_doc_block_add_pair (block, _("Total budget (10k yuan)"), all);
  icw_doc_block_add_pair (block, _("Fiscal funds (10k yuan)"), fiscal);
  icw_doc_block_add_pair (block, _("Self-raised funds (10k yuan)"), own);
}

static void
add_milestones (IcwDocument       *document,
                IcwFundingRequest *request)
{
  g_autoptr(GPtrArray) milestones = icw_milestones_parse (icw_funding_request_get_milestones (request), NULL);
  const char *header[] = { _("No."), _("Date"), _("Amount (10k yuan)"), _("Condition") };
  const guint weights[] = { 1, 3, 3, 8 };
  g_autofree char *total_text = NULL;
  gint64 total = 0;
  gboolean overflow = FALSE;
  IcwDocBlock *block;

  if (milestones == NULL || milestones->len == 0)
    {
      icw_document_add_paragraphs (document, NULL);
      return;
    }
  block = icw_document_add_table (document, 4, 1);
  icw_doc_block_set_weights (block, weights);
  block->numeric = 1u << 2;
  icw_doc_block_add_row (block, header);
  for (guint i = 0; i < milestones->len; i++)
    {
      IcwMilestone *milestone = milestones->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *amount = icw_doc_money (milestone->amount_fen);
      const char *row[] = { number, milestone->date, amount, milestone->condition };

      overflow = overflow || !icw_fen_add (total, milestone->amount_fen, &total);
      icw_doc_block_add_row (block, row);
    }
  total_text = overflow ? g_strdup (icw_budget_overflow_marker ()) : icw_doc_money (total);
  {
    const char *row[] = { "", _("Total"), total_text, "" };

    icw_doc_block_add_row (block, row);
  }
}

static void
add_basics (IcwDocument       *document,
            IcwStore          *store,
            IcwFundingRequest *request,
            IcwBudgetTable    *table)
{
  IcwDocBlock *block = icw_document_add_key_values (document);
  g_autofree char *center = icw_doc_record_name (store, ICW_RECORD_KIND_CENTER, icw_funding_request_get_center_id (request));
  g_autoptr(IcwRecord) linked = icw_funding_request_get_application_id (request) != NULL
                                ? icw_store_lookup (store, ICW_RECORD_KIND_APPLICATION, icw_funding_request_get_application_id (request), NULL)
                                : NULL;
  g_autofree char *application = NULL;
  g_autofree char *period = g_strdup_printf ("%d–%d", icw_funding_request_get_start_year (request),
                                             icw_funding_request_get_start_year (request) + icw_funding_request_get_period (request) - 1);
  g_autofree char *version = g_strdup_printf ("%d", icw_funding_request_get_version (request));
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *sources = NULL;

  if (linked != NULL)
    g_object_get (linked, "title", &application, NULL);
  for (guint s = 0; s < icw_budget_table_get_n_sources (table); s++)
    g_strv_builder_add (labels, icw_funding_source_to_label (icw_budget_table_get_source (table, s)));
  strv = g_strv_builder_end (labels);
  /* TRANSLATORS: the separator between the items of a list on one line */
  sources = g_strjoinv (_(", "), strv);
  icw_doc_block_add_pair (block, _("Center"), center);
  icw_doc_block_add_pair (block, _("Application"), application);
  icw_doc_block_add_pair (block, _("Technology"), icw_funding_request_get_technology (request));
  icw_doc_block_add_pair (block, _("Period"), period);
  icw_doc_block_add_pair (block, _("Sources of funds"), sources);
  icw_doc_block_add_pair (block, _("Category set"), icw_category_set_get_title (icw_budget_table_get_category_set (table)));
  icw_doc_block_add_pair (block, _("Status"), icw_application_status_to_label (icw_funding_request_get_status (request)));
  icw_doc_block_add_pair (block, _("Version"), version);
}

IcwDocument *
icw_document_build_funding (IcwStore   *store,
                            IcwRecord  *record,
                            GError    **error)
{
  IcwFundingRequest *request = ICW_FUNDING_REQUEST (record);
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (store, request, error);
  g_autoptr(IcwDocument) document = NULL;
  guint number = 0;

  if (table == NULL)
    return NULL;
  document = icw_document_new (icw_funding_request_get_title (request));
  icw_doc_set_center_cover (document, store, icw_funding_request_get_center_id (request), _("Funding request"));
  icw_doc_numbered_heading (document, ++number, _("Basic information"));
  add_basics (document, store, request, table);
  icw_doc_numbered_heading (document, ++number, _("Budget by year (10k yuan)"));
  add_budget (document, table, TRUE);
  icw_doc_numbered_heading (document, ++number, _("Budget by source of funds (10k yuan)"));
  add_budget (document, table, FALSE);
  add_totals (document, table);
  icw_doc_numbered_heading (document, ++number, _("Justification of the budget"));
  for (guint r = 0; r < icw_budget_table_get_n_rows (table); r++)
    {
      IcwBudgetLine *line = icw_budget_table_get_line (table, r);
      const char *text = line != NULL ? icw_budget_line_get_justification (line) : NULL;

      if (text == NULL || *text == '\0')
        continue;
      icw_document_add_heading (document, 2, icw_budget_category_get_label (icw_budget_table_get_category (table, r)));
      icw_document_add_paragraphs (document, text);
    }
  icw_doc_numbered_heading (document, ++number, _("Disbursement milestones"));
  add_milestones (document, request);
  return g_steal_pointer (&document);
}
