/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-layout.c: the cells of a budget export: every amount from the table, every total
 * computed with overflow checks and given the SUM formula a spreadsheet recomputes it with. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-budget-layout.h"
#include "icw-enums.h"

#define TITLE_ROWS 2
#define HEADER_ROWS 4        /* title, subtitle, years, sources */
#define LABEL_COLUMNS 2      /* key, label */

/* What a numeric row or column adds up: a category row (or ICW_BUDGET_ALL) within a group (or
 * ICW_BUDGET_ALL); a year and a source (either ICW_BUDGET_ALL). */
typedef struct { int row; int group; } RowSel;
typedef struct { int year; int source; } ColSel;

char *
icw_layout_column_name (guint column)
{
  char name[8];
  int i = G_N_ELEMENTS (name) - 1;

  name[i] = '\0';
  do
    {
      name[--i] = (char) ('A' + column % 26);
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (&name[i]);
}

static char *
ref (guint row,
     guint column)
{
  g_autofree char *name = icw_layout_column_name (column);

  return g_strdup_printf ("%s%u", name, row + 1);
}

IcwLayoutCell *
icw_budget_layout_cell (IcwBudgetLayout *layout,
                        guint            row,
                        guint            column)
{
  g_assert (row < layout->n_rows && column < layout->n_columns);
  return &layout->cells[row * layout->n_columns + column];
}

void
icw_budget_layout_free (IcwBudgetLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->n_rows * layout->n_columns; i++)
    {
      g_free (layout->cells[i].text);
      g_free (layout->cells[i].formula);
    }
  g_free (layout->cells);
  g_ptr_array_unref (layout->merges);
  g_free (layout);
}

static void
set_text (IcwBudgetLayout *layout,
          guint            row,
          guint            column,
          const char      *text,
          gboolean         bold)
{
  IcwLayoutCell *cell = icw_budget_layout_cell (layout, row, column);

  g_free (cell->text);
  cell->text = g_strdup (text != NULL ? text : "");
  cell->bold = bold;
}

/* The columns' selections, in order after the label columns. */
static GArray *
column_selections (IcwBudgetTable *table)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (ColSel));
  guint n_years = icw_budget_table_get_n_years (table), n_sources = icw_budget_table_get_n_sources (table);

  for (guint y = 0; y < n_years; y++)
    {
      for (guint s = 0; s < n_sources; s++)
        g_array_append_val (columns, ((ColSel) { (int) y, (int) s }));
      g_array_append_val (columns, ((ColSel) { (int) y, ICW_BUDGET_ALL }));
    }
  for (guint s = 0; s < n_sources; s++)
    g_array_append_val (columns, ((ColSel) { ICW_BUDGET_ALL, (int) s }));
  g_array_append_val (columns, ((ColSel) { ICW_BUDGET_ALL, ICW_BUDGET_ALL }));
  return columns;
}

/* The formula of a row-wise total (a year, a source, the row) over the amount columns. */
static char *
row_formula (GArray *columns,
             guint   row,
             ColSel  sel)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint c = 0; c < columns->len; c++)
    {
      ColSel other = g_array_index (columns, ColSel, c);
      gboolean take;
      g_autofree char *cell = NULL;

      if (sel.year != ICW_BUDGET_ALL)                  /* a year's total: its sources */
        take = other.year == sel.year && other.source != ICW_BUDGET_ALL;
      else if (sel.source != ICW_BUDGET_ALL)           /* a source's total: that source each year */
        take = other.source == sel.source && other.year != ICW_BUDGET_ALL;
      else                                             /* the row's total: the years' totals */
        take = other.year != ICW_BUDGET_ALL && other.source == ICW_BUDGET_ALL;
      if (!take)
        continue;
      cell = ref (row, LABEL_COLUMNS + c);
      g_string_append_printf (list, "%s%s", list->len > 0 ? "," : "", cell);
    }
  return g_strdup_printf ("SUM(%s)", list->str);
}

static void
write_headers (IcwBudgetLayout   *layout,
               IcwFundingRequest *request,
               IcwBudgetTable    *table,
               GArray            *columns,
               const char        *center_name)
{
  g_autofree char *subtitle = NULL;
  int start = icw_budget_table_get_start_year (table);
  guint n_years = icw_budget_table_get_n_years (table);

  set_text (layout, 0, 0, icw_funding_request_get_title (request), TRUE);
  /* TRANSLATORS: the second title row of a budget export: center, period, unit */
  subtitle = g_strdup_printf (_("%s · %d–%d · unit: 10k yuan (万元)"), center_name != NULL ? center_name : "",
                              start, start + (int) n_years - 1);
  set_text (layout, 1, 0, subtitle, FALSE);
  set_text (layout, TITLE_ROWS, 0, _("Key"), TRUE);
  set_text (layout, TITLE_ROWS, 1, _("Category"), TRUE);
  set_text (layout, TITLE_ROWS + 1, 0, "", TRUE);
  set_text (layout, TITLE_ROWS + 1, 1, "", TRUE);
  for (guint c = 0; c < columns->len; c++)
    {
      ColSel sel = g_array_index (columns, ColSel, c);
      g_autofree char *year = sel.year != ICW_BUDGET_ALL ? g_strdup_printf ("%d", start + sel.year)
                                                         : g_strdup (_("All years"));
      const char *source = sel.source != ICW_BUDGET_ALL
                           ? icw_funding_source_to_label (icw_budget_table_get_source (table, (guint) sel.source))
                           : _("Total");

      set_text (layout, TITLE_ROWS, LABEL_COLUMNS + c, year, TRUE);
      set_text (layout, TITLE_ROWS + 1, LABEL_COLUMNS + c, source, TRUE);
      /* The first column of each year (or of the all-years block) carries the merged label. */
      if (c == 0 || g_array_index (columns, ColSel, c - 1).year != sel.year)
        {
          guint last = c;

          while (last + 1 < columns->len && g_array_index (columns, ColSel, last + 1).year == sel.year)
            last++;
          g_ptr_array_add (layout->merges, GUINT_TO_POINTER (TITLE_ROWS));
          g_ptr_array_add (layout->merges, GUINT_TO_POINTER (LABEL_COLUMNS + c));
          g_ptr_array_add (layout->merges, GUINT_TO_POINTER (LABEL_COLUMNS + last));
        }
    }
}

IcwBudgetLayout *
icw_budget_layout_new (IcwFundingRequest  *request,
                       IcwBudgetTable     *table,
                       const char         *center_name,
                       GError            **error)
{
  g_autoptr(IcwBudgetLayout) layout = g_new0 (IcwBudgetLayout, 1);
  g_autoptr(GArray) columns = column_selections (table);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RowSel));
  IcwCategorySet *set = icw_budget_table_get_category_set (table);
  guint n_categories = icw_budget_table_get_n_rows (table);
  guint direct_row, indirect_row, total_row;

  for (guint r = 0; r < n_categories; r++)
    g_array_append_val (rows, ((RowSel) { (int) r, ICW_BUDGET_ALL }));
  g_array_append_val (rows, ((RowSel) { ICW_BUDGET_ALL, ICW_BUDGET_GROUP_DIRECT }));
  g_array_append_val (rows, ((RowSel) { ICW_BUDGET_ALL, ICW_BUDGET_GROUP_INDIRECT }));
  g_array_append_val (rows, ((RowSel) { ICW_BUDGET_ALL, ICW_BUDGET_ALL }));
  direct_row = HEADER_ROWS + n_categories;
  indirect_row = direct_row + 1;
  total_row = direct_row + 2;

  layout->n_rows = HEADER_ROWS + rows->len;
  layout->n_columns = LABEL_COLUMNS + columns->len;
  layout->n_header_rows = HEADER_ROWS;
  layout->n_label_columns = LABEL_COLUMNS;
  layout->cells = g_new0 (IcwLayoutCell, layout->n_rows * layout->n_columns);
  layout->merges = g_ptr_array_new ();
  for (guint i = 0; i < layout->n_rows * layout->n_columns; i++)
    layout->cells[i].text = g_strdup ("");
  write_headers (layout, request, table, columns, center_name);

  for (guint i = 0; i < rows->len; i++)
    {
      RowSel rs = g_array_index (rows, RowSel, i);
      guint row = HEADER_ROWS + i;
      const IcwBudgetCategory *category = rs.row >= 0 ? icw_category_set_get_category (set, (guint) rs.row) : NULL;
      gboolean bold = category == NULL || category->n_children > 0;

      if (category != NULL)
        {
          g_autofree char *label = category->parent >= 0 ? g_strdup_printf ("  %s", icw_budget_category_get_label (category))
                                                         : g_strdup (icw_budget_category_get_label (category));

          set_text (layout, row, 0, category->key, FALSE);
          set_text (layout, row, 1, label, bold);
        }
      else
        set_text (layout, row, 1, rs.group == ICW_BUDGET_GROUP_DIRECT ? _("Direct costs")
                                  : rs.group == ICW_BUDGET_GROUP_INDIRECT ? _("Indirect costs") : _("Total"), TRUE);

      for (guint c = 0; c < columns->len; c++)
        {
          ColSel cs = g_array_index (columns, ColSel, c);
          IcwLayoutCell *cell = icw_budget_layout_cell (layout, row, LABEL_COLUMNS + c);
          guint column = LABEL_COLUMNS + c;

          g_clear_pointer (&cell->text, g_free);
          cell->bold = bold;
          if (!icw_budget_table_sum (table, rs.row, cs.year, cs.source, rs.group, &cell->fen, error))
            return NULL;
          if (row == total_row)
            {
              g_autofree char *a = ref (direct_row, column), *b = ref (indirect_row, column);

              cell->formula = g_strdup_printf ("SUM(%s,%s)", a, b);
            }
          else if (category == NULL)
            {
              g_autoptr(GString) list = g_string_new (NULL);

              for (guint r = 0; r < n_categories; r++)
                {
                  const IcwBudgetCategory *top = icw_category_set_get_category (set, r);
                  g_autofree char *cell_ref = NULL;

                  if (top->parent >= 0 || (int) top->group != rs.group)
                    continue;
                  cell_ref = ref (HEADER_ROWS + r, column);
                  g_string_append_printf (list, "%s%s", list->len > 0 ? "," : "", cell_ref);
                }
              cell->formula = list->len > 0 ? g_strdup_printf ("SUM(%s)", list->str) : g_strdup ("0");
            }
          else if (cs.year == ICW_BUDGET_ALL || cs.source == ICW_BUDGET_ALL)
            cell->formula = row_formula (columns, row, cs);
          else if (category->n_children > 0)
            {
              g_autofree char *first = ref (row + 1, column), *last = ref (row + category->n_children, column);

              cell->formula = g_strdup_printf ("SUM(%s:%s)", first, last);
            }
        }
    }
  return g_steal_pointer (&layout);
}
