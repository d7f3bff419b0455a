/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-inbox.h: the reviewer's inbox: the documents the centers of the province submitted
 * (icw-review-overview.h's submitted rows), the selected one read-only in its editor, and Return
 * and Accept (icw-review-decision.h). It follows the store as syncs bring documents in. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REVIEWER_INBOX (icw_reviewer_inbox_get_type ())

G_DECLARE_FINAL_TYPE (IcwReviewerInbox, icw_reviewer_inbox, ICW, REVIEWER_INBOX, GtkBox)

GtkWidget *icw_reviewer_inbox_new        (IcwStore         *store);
/* The number of documents listed, and the row at i's record ID (for tests and the window). */
guint      icw_reviewer_inbox_get_n_items (IcwReviewerInbox *self);
const char *icw_reviewer_inbox_get_id     (IcwReviewerInbox *self,
                                           guint             i);
/* Shows the document with this ID; FALSE when it is not in the inbox. */
gboolean   icw_reviewer_inbox_open       (IcwReviewerInbox *self,
                                          const char       *id);
/* The editor of the shown document, or NULL. */
GtkWidget *icw_reviewer_inbox_get_editor (IcwReviewerInbox *self);
/* What Changed: the Compare Versions window for the shown application, from the version returned
 * to this one (transfer none); NULL when the shown document has no earlier version to compare. */
GtkWidget *icw_reviewer_inbox_show_changes (IcwReviewerInbox *self);
/* Reads the store again now (it does so by itself after changes, when idle). */
void       icw_reviewer_inbox_reload     (IcwReviewerInbox *self);

G_END_DECLS
