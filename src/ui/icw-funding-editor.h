/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-editor.h: the editor of a funding request (资金申请): what it is for, the budget
 * table, the justification of each line, the disbursement milestones, the check against the rule
 * packs and the life cycle. */
#pragma once

#include <adwaita.h>

#include "icw-budget-grid.h"
#include "icw-milestones-editor.h"
#include "icw-document-editor.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_FUNDING_EDITOR (icw_funding_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwFundingEditor, icw_funding_editor, ICW, FUNDING_EDITOR, IcwDocumentEditor)

/* settings: the application's, whose "money-unit" the editor follows as it changes (NULL: 万元). */
GtkWidget           *icw_funding_editor_new            (IcwStore         *store,
                                                        GSettings        *settings);
void                 icw_funding_editor_set_request    (IcwFundingEditor *self,
                                                        IcwRecord        *request);
void                 icw_funding_editor_focus_title    (IcwFundingEditor *self);
/* Opens the page of a finding's field and focuses it ("title", "budget/materials",
 * "budget/materials/justification", "milestones/2/condition" …). */
gboolean             icw_funding_editor_show_field     (IcwFundingEditor *self,
                                                        const char       *field);
void                 icw_funding_editor_run_check      (IcwFundingEditor *self);
void                 icw_funding_editor_set_money_unit (IcwFundingEditor *self,
                                                        IcwMoneyUnit      unit);
IcwBudgetGrid       *icw_funding_editor_get_grid       (IcwFundingEditor *self);
IcwMilestonesEditor *icw_funding_editor_get_milestones (IcwFundingEditor *self);
/* The number of errors of the last check shown. */
guint                icw_funding_editor_n_errors       (IcwFundingEditor *self);

G_END_DECLS
