/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-justifications.h: the justification of each line of a funding request's budget, one
 * expander per category that holds amounts, with the line's total beside its name. */
#pragma once

#include <adwaita.h>

#include "icw-budget-table.h"
#include "icw-money.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_BUDGET_JUSTIFICATIONS (icw_budget_justifications_get_type ())

G_DECLARE_FINAL_TYPE (IcwBudgetJustifications, icw_budget_justifications, ICW, BUDGET_JUSTIFICATIONS, AdwPreferencesGroup)

GtkWidget *icw_budget_justifications_new            (IcwStore                *store,
                                                     IcwMoneyUnit             unit);
/* The table is the caller's (set NULL before freeing it). */
void       icw_budget_justifications_set_table      (IcwBudgetJustifications *self,
                                                     IcwBudgetTable          *table);
void       icw_budget_justifications_set_money_unit (IcwBudgetJustifications *self,
                                                     IcwMoneyUnit             unit);
void       icw_budget_justifications_update_totals  (IcwBudgetJustifications *self);
void       icw_budget_justifications_set_editable   (IcwBudgetJustifications *self,
                                                     gboolean                 editable);
void       icw_budget_justifications_flush          (IcwBudgetJustifications *self);
gboolean   icw_budget_justifications_focus          (IcwBudgetJustifications *self,
                                                     const char              *category);

G_END_DECLS
