/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-grid.h: the budget table of a funding request as a grid of cells: a row per category
 * of its category set (direct and indirect costs with their subtotals), a column per source in use
 * for one year at a time, or every year summed, with every total kept up to date as the user types. */
#pragma once

#include <adwaita.h>

#include "icw-budget-table.h"
#include "icw-money.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_BUDGET_GRID (icw_budget_grid_get_type ())

G_DECLARE_FINAL_TYPE (IcwBudgetGrid, icw_budget_grid, ICW, BUDGET_GRID, GtkBox)

/* The view that shows every year summed, for icw_budget_grid_show_year(). */
#define ICW_BUDGET_GRID_ALL_YEARS (-1)

GtkWidget   *icw_budget_grid_new            (IcwStore       *store,
                                             IcwMoneyUnit    unit);
/* The table is the caller's and must outlive the grid's use of it (set NULL before freeing it). */
void         icw_budget_grid_set_table      (IcwBudgetGrid  *self,
                                             IcwBudgetTable *table);
void         icw_budget_grid_set_money_unit (IcwBudgetGrid  *self,
                                             IcwMoneyUnit    unit);
void         icw_budget_grid_set_editable   (IcwBudgetGrid  *self,
                                             gboolean        editable);
/* Saves what was typed and not saved yet. */
void         icw_budget_grid_flush          (IcwBudgetGrid  *self);
void         icw_budget_grid_show_year      (IcwBudgetGrid  *self,
                                             int             year_index);
int          icw_budget_grid_get_year       (IcwBudgetGrid  *self);
/* Shows the year and focuses the cell of a category (its key), year and source; year 0 or source
 * -1 picks the first. A parent category focuses its first line. FALSE when there is no such row. */
gboolean     icw_budget_grid_focus_cell     (IcwBudgetGrid  *self,
                                             const char     *category,
                                             int             year,
                                             int             source);
/* The entry of a leaf row's cell in the year shown, or NULL. */
GtkEditable *icw_budget_grid_get_cell       (IcwBudgetGrid  *self,
                                             guint           row,
                                             guint           source_index);
/* The text of the total shown for these arguments of icw_budget_table_sum() (year_index is the year
 * shown, or ICW_BUDGET_ALL in the all-years view), or NULL when none is shown. */
const char  *icw_budget_grid_get_total_text (IcwBudgetGrid  *self,
                                             int             row,
                                             int             source_index,
                                             int             group);
/* The message shown under the grid, or NULL. */
const char  *icw_budget_grid_get_message    (IcwBudgetGrid  *self);
/* The requested (grand) total as shown above the grid. */
const char  *icw_budget_grid_get_requested_text (IcwBudgetGrid *self);

G_END_DECLS
