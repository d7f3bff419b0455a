/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-grid-private.h: what the two halves of IcwBudgetGrid share: icw-budget-grid.c builds
 * the view and its totals, icw-budget-grid-cells.c handles the cells being typed in. */
#pragma once

#include "icw-budget-grid.h"
#include "icw-edit-commit.h"

G_BEGIN_DECLS

/* A label that shows icw_budget_table_sum (row, year, source, group). The description says which
 * total it is; the overflow marker's tooltip replaces it (GTK describes a widget by its tooltip),
 * so it is put back when the total is a number again. */
typedef struct {
  GtkLabel *label;
  int row, year, source, group;
  char *description;
} IcwBudgetTotal;

enum {
  ICW_BUDGET_GRID_TOTALS_CHANGED,
  ICW_BUDGET_GRID_N_SIGNALS
};

extern guint icw_budget_grid_signals[ICW_BUDGET_GRID_N_SIGNALS];

struct _IcwBudgetGrid
{
  GtkBox parent_instance;

  IcwStore *store;
  IcwBudgetTable *table;       /* the editor's */
  IcwMoneyUnit unit;
  int year;                    /* the year index shown, or ICW_BUDGET_ALL */
  gboolean editable;
  gboolean updating_years;

  GtkBox *years;
  GtkLabel *set_label;
  GtkGrid *grid;
  GtkLabel *message;
  GtkLabel *requested_label, *fiscal_label, *raised_label;
  GPtrArray *totals;           /* IcwBudgetTotal, of the year shown */
  GPtrArray *cells;            /* the cells of the year shown, row by row (icw-budget-grid-cells.c) */
  guint save_source;
  IcwEditCommitWatch *close_watch;   /* flushes the cells when the window closes */
};

GtkWidget *icw_budget_grid_cell_new          (IcwBudgetGrid *self,
                                              guint          row,
                                              guint          source_index,
                                              const char    *name);
void       icw_budget_grid_cell_forget       (gpointer       cell);
void       icw_budget_grid_cells_clear       (IcwBudgetGrid *self);
void       icw_budget_grid_cells_set_editable (IcwBudgetGrid *self,
                                               gboolean       editable);
void       icw_budget_grid_update_totals     (IcwBudgetGrid *self);
void       icw_budget_grid_set_message       (IcwBudgetGrid *self,
                                              const char    *message);

G_END_DECLS
