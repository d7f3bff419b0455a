/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-decision.h: the reviewer's Return and Accept, each asked for in a dialog: a return
 * needs a comment, which may be about the whole document or one of its sections; an acceptance
 * takes an optional comment. The outcome is written by icw-lifecycle.h with the comment naming
 * who and when, and goes to the server with the next sync. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

/* The comments' text (icw-review-comments.h) of one comment anchored to the section (NULL: the
 * whole document), from who at the moment; NULL for an empty text. */
char *icw_review_decision_comments (IcwRecordKind         kind,
                                    const char           *section,
                                    const char           *text,
                                    IcwApplicationStatus  outcome);
typedef void (*IcwReviewDecisionDone) (GtkWidget *from);

/* Asks, then records; done (may be NULL) runs with from after a recorded outcome. The dialog
 * is returned (not owned) for tests. */
GtkWidget *icw_review_decision_ask (GtkWidget             *from,
                                    IcwStore              *store,
                                    IcwRecord             *document,
                                    gboolean               accept,
                                    IcwReviewDecisionDone  done);
/* The same, the comment of a return first said to be about @section (a section key of the
 * document's kind; NULL or an unknown key: the whole document). */
GtkWidget *icw_review_decision_ask_about (GtkWidget             *from,
                                          IcwStore              *store,
                                          IcwRecord             *document,
                                          gboolean               accept,
                                          const char            *section,
                                          IcwReviewDecisionDone  done);

G_END_DECLS
