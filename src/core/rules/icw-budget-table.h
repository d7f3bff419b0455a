/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-table.h: the budget table of one funding request: rows are the categories of its
 * category set, columns are year × source, cells are fen. Parent categories are subtotals of their
 * children; only leaf rows hold amounts. Every total is computed with overflow checks: a total that
 * does not fit in gint64 is an error (ICW_ERROR_INVALID), never a wrapped number. The sums are pure
 * functions of the cells, tested against an independent sum (tests/test-funding.c). */
#pragma once

#include "icw-budget-line.h"
#include "icw-category-set.h"
#include "icw-funding-request.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef struct _IcwBudgetTable IcwBudgetTable;

/* "Every row / year / source / group" in icw_budget_table_sum(). */
#define ICW_BUDGET_ALL (-1)

/* An empty table (every cell 0). */
IcwBudgetTable *icw_budget_table_new         (IcwCategorySet         *set,
                                              int                     start_year,
                                              int                     n_years,
                                              const IcwFundingSource *sources,
                                              guint                   n_sources);
/* The table of a saved request: its category set, period and sources, and the cells of its budget
 * lines (cells outside the table, which the store refuses, are ignored). It remembers the line of
 * each row, for the save functions below. */
IcwBudgetTable *icw_budget_table_new_for_request (IcwStore          *store,
                                                  IcwFundingRequest *request,
                                                  GError           **error);
void            icw_budget_table_free        (IcwBudgetTable *self);

IcwCategorySet *icw_budget_table_get_category_set (IcwBudgetTable *self);
int             icw_budget_table_get_start_year   (IcwBudgetTable *self);
guint           icw_budget_table_get_n_years      (IcwBudgetTable *self);
guint           icw_budget_table_get_n_sources    (IcwBudgetTable *self);
IcwFundingSource icw_budget_table_get_source      (IcwBudgetTable *self,
                                                   guint           source_index);
/* Rows are the categories, in the set's order. */
guint           icw_budget_table_get_n_rows       (IcwBudgetTable *self);
const IcwBudgetCategory *icw_budget_table_get_category (IcwBudgetTable *self,
                                                        guint           row);
/* The saved line of a row, or NULL (none saved yet, a parent row, or a table made with _new()). */
IcwBudgetLine  *icw_budget_table_get_line         (IcwBudgetTable *self,
                                                   guint           row);

/* A leaf row's cell (0 for a parent row: use the sum), and setting it in memory (fen >= 0). */
gint64          icw_budget_table_get              (IcwBudgetTable *self,
                                                   guint           row,
                                                   guint           year_index,
                                                   guint           source_index);
void            icw_budget_table_set              (IcwBudgetTable *self,
                                                   guint           row,
                                                   guint           year_index,
                                                   guint           source_index,
                                                   gint64          fen);

/* The sum of the cells of the leaf rows selected: `row` a leaf (itself), a parent (its children) or
 * ICW_BUDGET_ALL; `year_index`, `source_index` one column or ICW_BUDGET_ALL; `group` an
 * IcwBudgetGroup or ICW_BUDGET_ALL. Every total is one call:
 *   row total               sum (row, ALL, ALL, ALL)
 *   column (year × source)  sum (ALL, y, s, ALL)
 *   per year / per source   sum (ALL, y, ALL, ALL) / sum (ALL, ALL, s, ALL)
 *   direct / indirect       sum (ALL, ALL, ALL, ICW_BUDGET_GROUP_DIRECT / _INDIRECT)
 *   grand total             sum (ALL, ALL, ALL, ALL)
 * FALSE with ICW_ERROR_INVALID when it overflows gint64. */
gboolean        icw_budget_table_sum              (IcwBudgetTable *self,
                                                   int             row,
                                                   int             year_index,
                                                   int             source_index,
                                                   int             group,
                                                   gint64         *total,
                                                   GError        **error);
gboolean        icw_budget_table_grand_total      (IcwBudgetTable *self,
                                                   gint64         *total,
                                                   GError        **error);
/* Fiscal (central + local) or self-raised (every other source) total. */
gboolean        icw_budget_table_fiscal_total     (IcwBudgetTable *self,
                                                   gboolean        fiscal,
                                                   gint64         *total,
                                                   GError        **error);

/* The index of a year or a source in the table, or -1. */
int             icw_budget_table_year_index       (IcwBudgetTable  *self,
                                                   int              year);
int             icw_budget_table_source_index     (IcwBudgetTable  *self,
                                                   IcwFundingSource source);

/* Saving from an editor: the row's line is created when it has none, the change saved through the
 * store, and the table updated; on failure the line and the table keep what was saved. */
gboolean        icw_budget_table_save_cell        (IcwBudgetTable *self,
                                                   IcwStore       *store,
                                                   guint           row,
                                                   guint           year_index,
                                                   guint           source_index,
                                                   gint64          fen,
                                                   GError        **error);
gboolean        icw_budget_table_save_justification (IcwBudgetTable *self,
                                                     IcwStore       *store,
                                                     guint           row,
                                                     const char     *text,
                                                     GError        **error);

/* The word every output (window, icw show, PDF) writes in place of a total that overflows. */
const char     *icw_budget_overflow_marker        (void);

/* Checked addition: FALSE (and *sum unchanged) when a + b overflows gint64. */
gboolean        icw_fen_add                       (gint64          a,
                                                   gint64          b,
                                                   gint64         *sum);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwBudgetTable, icw_budget_table_free)

G_END_DECLS
