/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-overview.h: the reviewer's table of every center of the province with its current
 * documents (icw-review-overview.h): sortable by any column, filtered by a search, exported as
 * xlsx. It follows the store as syncs bring records in. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REVIEWER_OVERVIEW (icw_reviewer_overview_get_type ())

G_DECLARE_FINAL_TYPE (IcwReviewerOverview, icw_reviewer_overview, ICW, REVIEWER_OVERVIEW, GtkBox)

GtkWidget  *icw_reviewer_overview_new         (IcwStore            *store);
/* The rows shown, after the search and in the table's order (GObjects). */
GListModel *icw_reviewer_overview_get_model   (IcwReviewerOverview *self);
void        icw_reviewer_overview_set_search  (IcwReviewerOverview *self,
                                               const char          *text);
/* Sorts by the column at index (0: center … 5: deadline). */
void        icw_reviewer_overview_sort_by     (IcwReviewerOverview *self,
                                               guint                column,
                                               gboolean             descending);
/* Writes the rows shown (icw_review_overview_write_xlsx). */
gboolean    icw_reviewer_overview_export      (IcwReviewerOverview *self,
                                               const char          *path,
                                               GError             **error);
void        icw_reviewer_overview_reload      (IcwReviewerOverview *self);
/* As a double click or Enter on the row at position: a submitted document opens in the inbox. */
void        icw_reviewer_overview_activate    (IcwReviewerOverview *self,
                                               guint                position);
/* Ctrl+F: the search entry takes the focus. */
void        icw_reviewer_overview_focus_search (IcwReviewerOverview *self);

G_END_DECLS
