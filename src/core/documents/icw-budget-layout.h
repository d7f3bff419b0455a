/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-layout.h: the layout shared by the budget exports (icw-budget-export.c): a grid of
 * cells, each a text, an amount in fen, or an amount with the SUM formula (A1 notation) that
 * computes it from the others. Rows: two title rows, two header rows (years, then sources), one
 * row per category, then direct costs, indirect costs and the total. Columns: the category's key
 * and label, then per year each source and the year's total, then each source's total over the
 * years, then the row's total. */
#pragma once

#include "icw-budget-table.h"

G_BEGIN_DECLS

typedef struct {
  char    *text;      /* a label, or NULL for an amount */
  gint64   fen;
  char    *formula;   /* "SUM(C5:E5)" without "=", or NULL for a typed amount */
  gboolean bold;
} IcwLayoutCell;

typedef struct {
  guint        n_rows;
  guint        n_columns;
  guint        n_header_rows;   /* rows to freeze */
  guint        n_label_columns; /* columns to freeze */
  IcwLayoutCell *cells;           /* n_rows × n_columns */
  GPtrArray   *merges;          /* guint quadruples: row, first column, last column (year headers) */
} IcwBudgetLayout;

IcwBudgetLayout *icw_budget_layout_new   (IcwFundingRequest  *request,
                                         IcwBudgetTable     *table,
                                         const char         *center_name,
                                         GError            **error);
void             icw_budget_layout_free  (IcwBudgetLayout    *layout);
IcwLayoutCell   *icw_budget_layout_cell  (IcwBudgetLayout    *layout,
                                         guint               row,
                                         guint               column);
/* "A", "B", … "Z", "AA", …: a column's name in A1 notation. */
char            *icw_layout_column_name  (guint               column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwBudgetLayout, icw_budget_layout_free)

G_END_DECLS
