/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-funding.c: what the icw tool tells about funding requests: `icw list funding`, `icw show
 * ID` of a request (its fields, its budget table by category with the totals per year and source,
 * in 万元, and its milestones) and the JSON of both (docs/cli.md; money in integer fen). Its
 * export (csv, xlsx) goes through icw-cli-export.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-table.h"
#include "icw-cli.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-funding-parts.h"
#include "icw-money.h"

static char *
grand_total_text (IcwStore          *store,
                  IcwFundingRequest *request)
{
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (store, request, NULL);
  gint64 total;

  if (table == NULL)
    return g_strdup ("—");
  if (!icw_budget_table_grand_total (table, &total, NULL))
    return g_strdup (icw_budget_overflow_marker ());
  return icw_money_format (total, ICW_MONEY_UNIT_WAN);
}

void
icw_cli_list_funding (IcwStore   *store,
                      GListModel *list)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (6);
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      icw_cli_out ("%s\n", _("There are no funding requests in the database."));
      return;
    }
  icw_cli_table_add (table, _("ID"), _("Title"), _("Center"), _("Status"), _("Version"), _("Total (10k yuan)"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwFundingRequest) request = g_list_model_get_item (list, i);
      g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER,
                                                     icw_funding_request_get_center_id (request));
      g_autofree char *version = g_strdup_printf ("%d", icw_funding_request_get_version (request));
      g_autofree char *total = grand_total_text (store, request);

      icw_cli_table_add (table, icw_record_get_id (ICW_RECORD (request)),
                         icw_cli_or_dash (icw_funding_request_get_title (request)), icw_cli_or_dash (center),
                         icw_application_status_to_label (icw_funding_request_get_status (request)),
                         version, total, NULL);
    }
  icw_cli_table_align_right (table, 4);
  icw_cli_table_align_right (table, 5);
  icw_cli_table_print (table, 0);
}

static char *
sources_text (IcwFundingRequest *request)
{
  IcwFundingSource sources[ICW_N_FUNDING_SOURCES];
  guint n = icw_funding_request_list_sources (request, sources);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (labels, icw_funding_source_to_label (sources[i]));
  strv = g_strv_builder_end (labels);
  /* TRANSLATORS: the separator between the items of a list on one line */
  return g_strjoinv (_(", "), strv);
}

static void
print_budget (IcwBudgetTable *table)
{
  guint n_years = icw_budget_table_get_n_years (table), n_sources = icw_budget_table_get_n_sources (table);
  g_autoptr(IcwCliTable) out = icw_cli_table_new (2 + n_years + n_sources);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (header, g_strdup (_("Category")));
  for (guint y = 0; y < n_years; y++)
    g_ptr_array_add (header, g_strdup_printf ("%d", icw_budget_table_get_start_year (table) + (int) y));
  for (guint s = 0; s < n_sources; s++)
    g_ptr_array_add (header, g_strdup (icw_funding_source_to_label (icw_budget_table_get_source (table, s))));
  g_ptr_array_add (header, g_strdup (_("Total")));
  /* Rows: categories, then direct, indirect and all; columns: years, then sources, then all. */
  for (guint r = 0; r < icw_budget_table_get_n_rows (table) + 4; r++)
    {
      guint n_rows = icw_budget_table_get_n_rows (table);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      int row = ICW_BUDGET_ALL, group = ICW_BUDGET_ALL;

      if (r == 0)
        {
          for (guint i = 0; i < header->len; i++)
            g_ptr_array_add (cells, g_strdup (header->pdata[i]));
        }
      else
        {
          if (r <= n_rows)
            {
              const IcwBudgetCategory *category = icw_budget_table_get_category (table, r - 1);

              row = (int) r - 1;
              g_ptr_array_add (cells, g_strdup_printf ("%s%s", category->parent >= 0 ? "  " : "",
                                                       icw_budget_category_get_label (category)));
            }
          else if (r == n_rows + 1)
            group = ICW_BUDGET_GROUP_DIRECT, g_ptr_array_add (cells, g_strdup (_("Direct costs")));
          else if (r == n_rows + 2)
            group = ICW_BUDGET_GROUP_INDIRECT, g_ptr_array_add (cells, g_strdup (_("Indirect costs")));
          else
            g_ptr_array_add (cells, g_strdup (_("Total")));
          for (guint c = 0; c < n_years + n_sources + 1; c++)
            {
              int y = c < n_years ? (int) c : ICW_BUDGET_ALL;
              int s = c >= n_years && c < n_years + n_sources ? (int) (c - n_years) : ICW_BUDGET_ALL;
              gint64 fen;

              g_ptr_array_add (cells, icw_budget_table_sum (table, row, y, s, group, &fen, NULL)
                                      ? icw_money_format (fen, ICW_MONEY_UNIT_WAN) : g_strdup (icw_budget_overflow_marker ()));
            }
        }
      g_ptr_array_add (cells, NULL);
      icw_cli_table_add_row (out, (const char * const *) cells->pdata);
    }
  for (guint c = 1; c < 2 + n_years + n_sources; c++)
    icw_cli_table_align_right (out, c);
  icw_cli_table_print (out, 2);
}

/* Fields shown below the catalogue's rows in words (the years, the sources' and the category
 * set's names, the deduction) or in a table of their own (the milestones). */
static const char * const shown_otherwise[] = {
  "start_year", "period", "sources", "category_set", "tax_deduction", "tax_deduction_fen", "milestones", NULL
};

void
icw_cli_show_funding_text (IcwStore          *store,
                           IcwFundingRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (store, request, &error);
  g_autoptr(GPtrArray) milestones = icw_milestones_parse (icw_funding_request_get_milestones (request), NULL);
  g_autofree char *sources = sources_text (request);
  g_autofree char *period = g_strdup_printf ("%d–%d", icw_funding_request_get_start_year (request),
                                             icw_funding_request_get_start_year (request) + icw_funding_request_get_period (request) - 1);
  g_autofree char *deduction = icw_funding_request_get_tax_deduction (request)
                               ? icw_cli_format_money (icw_funding_request_get_tax_deduction_fen (request)) : g_strdup (_("No"));
  g_autoptr(IcwCliTable) fields = icw_cli_table_new (2);

  icw_cli_out ("%s\n\n", icw_cli_or_dash (icw_funding_request_get_title (request)));
  icw_cli_table_add_record (fields, store, ICW_RECORD (request), shown_otherwise);
  icw_cli_table_add (fields, _("Period"), period, NULL);
  icw_cli_table_add (fields, _("Sources of funds"), icw_cli_or_dash (sources), NULL);
  icw_cli_table_add (fields, _("Category set"), table != NULL ? icw_category_set_get_title (icw_budget_table_get_category_set (table))
                                                              : icw_cli_or_dash (icw_funding_request_get_category_set (request)), NULL);
  icw_cli_table_add (fields, _("R&D super-deduction"), deduction, NULL);
  icw_cli_table_add_times (fields, ICW_RECORD (request));
  icw_cli_table_print (fields, 0);

  icw_cli_out ("\n%s\n", _("Budget (10k yuan):"));
  if (table != NULL)
    print_budget (table);
  else
    icw_cli_out ("  %s\n", error->message);

  icw_cli_out ("\n%s\n", _("Disbursement milestones:"));
  if (milestones == NULL || milestones->len == 0)
    icw_cli_out ("  %s\n", _("None"));
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      IcwMilestone *milestone = milestones->pdata[i];
      g_autofree char *amount = icw_cli_format_money (milestone->amount_fen);

      icw_cli_out ("  %s  %s  %s\n", milestone->date, amount, icw_cli_or_dash (milestone->condition));
    }
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* A sum in fen (as the member, or as an array element when member is NULL), or null when it
 * overflows gint64, which sets *overflow. */
static void
add_sum (JsonBuilder    *builder,
         const char     *member,
         IcwBudgetTable *table,
         int             row,
         int             year,
         int             source,
         int             group,
         gboolean       *overflow)
{
  gint64 fen;

  if (member != NULL)
    json_builder_set_member_name (builder, member);
  if (icw_budget_table_sum (table, row, year, source, group, &fen, NULL))
    json_builder_add_int_value (builder, fen);
  else
    {
      json_builder_add_null_value (builder);
      *overflow = TRUE;
    }
}

static void
add_fiscal (JsonBuilder    *builder,
            const char     *member,
            IcwBudgetTable *table,
            gboolean        fiscal,
            gboolean       *overflow)
{
  gint64 fen;

  json_builder_set_member_name (builder, member);
  if (icw_budget_table_fiscal_total (table, fiscal, &fen, NULL))
    json_builder_add_int_value (builder, fen);
  else
    {
      json_builder_add_null_value (builder);
      *overflow = TRUE;
    }
}

/* "budget": the table with every cell and total in fen; "milestones" with amounts in fen. */
void
icw_cli_add_funding_details (JsonBuilder       *builder,
                             IcwStore          *store,
                             IcwFundingRequest *request)
{
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (store, request, NULL);
  g_autoptr(GPtrArray) milestones = icw_milestones_parse (icw_funding_request_get_milestones (request), NULL);
  guint n_years, n_sources;
  gboolean overflow = FALSE;

  json_builder_set_member_name (builder, "milestones");
  json_builder_begin_array (builder);
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      IcwMilestone *milestone = milestones->pdata[i];

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "date", milestone->date);
      add_int (builder, "amount_fen", milestone->amount_fen);
      icw_cli_json_add_text (builder, "condition", milestone->condition);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "budget");
  if (table == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  n_years = icw_budget_table_get_n_years (table);
  n_sources = icw_budget_table_get_n_sources (table);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "years");
  json_builder_begin_array (builder);
  for (guint y = 0; y < n_years; y++)
    json_builder_add_int_value (builder, icw_budget_table_get_start_year (table) + (int) y);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint s = 0; s < n_sources; s++)
    json_builder_add_string_value (builder, icw_funding_source_to_key (icw_budget_table_get_source (table, s)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < icw_budget_table_get_n_rows (table); r++)
    {
      const IcwBudgetCategory *category = icw_budget_table_get_category (table, r);
      IcwBudgetLine *line = icw_budget_table_get_line (table, r);

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "category", category->key);
      icw_cli_json_add_text (builder, "label", icw_budget_category_get_label (category));
      icw_cli_json_add_text (builder, "group", icw_budget_group_to_key (category->group));
      icw_cli_json_add_text (builder, "parent", category->parent >= 0
                                                ? icw_category_set_get_category (icw_budget_table_get_category_set (table),
                                                                                 (guint) category->parent)->key : NULL);
      icw_cli_json_add_text (builder, "justification", line != NULL ? icw_budget_line_get_justification (line) : NULL);
      /* cells_fen[year][source]; a parent's are the sums of its children. */
      json_builder_set_member_name (builder, "cells_fen");
      json_builder_begin_array (builder);
      for (guint y = 0; y < n_years; y++)
        {
          json_builder_begin_array (builder);
          for (guint s = 0; s < n_sources; s++)
            add_sum (builder, NULL, table, (int) r, (int) y, (int) s, ICW_BUDGET_ALL, &overflow);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      add_sum (builder, "total_fen", table, (int) r, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &overflow);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totals_fen");
  json_builder_begin_object (builder);
  add_sum (builder, "direct", table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_GROUP_DIRECT, &overflow);
  add_sum (builder, "indirect", table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_GROUP_INDIRECT, &overflow);
  add_fiscal (builder, "fiscal", table, TRUE, &overflow);
  add_fiscal (builder, "self_raised", table, FALSE, &overflow);
  add_sum (builder, "grand", table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &overflow);
  json_builder_set_member_name (builder, "by_year");
  json_builder_begin_array (builder);
  for (guint y = 0; y < n_years; y++)
    add_sum (builder, NULL, table, ICW_BUDGET_ALL, (int) y, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &overflow);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "by_source");
  json_builder_begin_array (builder);
  for (guint s = 0; s < n_sources; s++)
    add_sum (builder, NULL, table, ICW_BUDGET_ALL, ICW_BUDGET_ALL, (int) s, ICW_BUDGET_ALL, &overflow);
  json_builder_end_array (builder);
  /* Every total above is present: null where it overflows, and then "overflow" is true. */
  json_builder_set_member_name (builder, "overflow");
  json_builder_add_boolean_value (builder, overflow);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}
