/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-parts.h: the JSON parts of a funding request: its disbursement milestones (拨付节点),
 * [{"date": "YYYY-MM-DD", "amount_fen": "1200000", "condition": "…"}, …], amounts as decimal
 * strings of fen (as budget cells, so that no JSON reader rounds them). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char   *date;        /* YYYY-MM-DD */
  gint64  amount_fen;  /* > 0 */
  char   *condition;
} IcwMilestone;

void       icw_milestone_free       (IcwMilestone *milestone);

/* The milestones of the text (NULL or "" is none), or NULL and an error naming the milestone and
 * its field ("Milestone 2, amount: …"). Checks the date and that the amount is above 0. */
GPtrArray *icw_milestones_parse     (const char  *text,
                                     GError     **error);
/* The canonical text of milestones (IcwMilestone), or NULL for none. */
char      *icw_milestones_to_json   (GPtrArray   *milestones);
/* Checks a YYYY-MM-DD date. */
gboolean   icw_date_is_valid        (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwMilestone, icw_milestone_free)

G_END_DECLS
