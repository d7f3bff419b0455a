/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-milestones-editor.h: the disbursement milestones (拨付节点) of a funding request: date,
 * amount and condition of each, and their sum against the fiscal funds requested, shown as it is typed. */
#pragma once

#include <adwaita.h>

#include "icw-funding-request.h"
#include "icw-money.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_MILESTONES_EDITOR (icw_milestones_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwMilestonesEditor, icw_milestones_editor, ICW, MILESTONES_EDITOR, AdwPreferencesGroup)

GtkWidget  *icw_milestones_editor_new            (IcwStore            *store,
                                                  IcwMoneyUnit         unit);
void        icw_milestones_editor_set_request    (IcwMilestonesEditor *self,
                                                  IcwFundingRequest   *request);
/* The fiscal funds (central and local) of the budget, which the milestones must add up to, as the
 * funding-request rule pack compares them. */
void        icw_milestones_editor_set_requested  (IcwMilestonesEditor *self,
                                                  gint64               fen);
void        icw_milestones_editor_set_money_unit (IcwMilestonesEditor *self,
                                                  IcwMoneyUnit         unit);
void        icw_milestones_editor_set_editable   (IcwMilestonesEditor *self,
                                                  gboolean             editable);
void        icw_milestones_editor_flush          (IcwMilestonesEditor *self);
/* Focuses a milestone's field ("date", "amount", "condition"; index from 0), or the add button
 * (index < 0). */
void        icw_milestones_editor_focus          (IcwMilestonesEditor *self,
                                                  int                  index,
                                                  const char          *member);
/* The line under the milestones: their sum against the requested total. */
const char *icw_milestones_editor_get_summary    (IcwMilestonesEditor *self);
/* The message of the first milestone that cannot be saved, or NULL. */
const char *icw_milestones_editor_get_message    (IcwMilestonesEditor *self);

G_END_DECLS
