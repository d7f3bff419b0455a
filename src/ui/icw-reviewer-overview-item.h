/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-overview-item.h: an item of the reviewer's overview list (icw-reviewer-overview.c):
 * a GObject, as GListStore wants, owning one IcwReviewOverviewRow. */
#pragma once

#include <glib-object.h>

#include "icw-review-overview.h"

G_BEGIN_DECLS

#define ICW_TYPE_REVIEWER_OVERVIEW_ITEM (icw_reviewer_overview_item_get_type ())

G_DECLARE_FINAL_TYPE (IcwReviewerOverviewItem, icw_reviewer_overview_item, ICW, REVIEWER_OVERVIEW_ITEM, GObject)

/* Takes @row. */
IcwReviewerOverviewItem *icw_reviewer_overview_item_new     (IcwReviewOverviewRow    *row);
IcwReviewOverviewRow    *icw_reviewer_overview_item_get_row (IcwReviewerOverviewItem *self);

G_END_DECLS
