/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-notes.h: reviewers' comments beside the section they concern: a comment of the
 * version's comment list anchored to the section by its key (or to a field on it), or, in plain
 * text from earlier versions, a line that starts with a section's title or key ("建设目标与内容：…",
 * "Goals and content: …", "goals: …", also after a list number). A version reopened from a
 * reviewed one, which has no comments of its own, shows those of the version it reopens (with the
 * "store" property, which the document editor sets). The widget sits above a document editor's
 * pages and shows the visible page's comments; the document editor makes one for every kind (the
 * application editor's own header is adopted as it). */
#pragma once

#include <adwaita.h>

#include "icw-application.h"
#include "icw-application-sections.h"
#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_REVIEWER_NOTES (icw_reviewer_notes_get_type ())

G_DECLARE_FINAL_TYPE (IcwReviewerNotes, icw_reviewer_notes, ICW, REVIEWER_NOTES, AdwBin)

/* pages: the editor's stack, whose children are named by section key. */
GtkWidget *icw_reviewer_notes_new             (GtkStack         *pages);
void       icw_reviewer_notes_set_application (IcwReviewerNotes *self,
                                               IcwApplication   *application);
/* Any document with a life cycle (an application, an IP agreement, a funding request): the pages
 * are named by the kind's section keys (icw_review_section_keys). */
void       icw_reviewer_notes_set_record      (IcwReviewerNotes *self,
                                               IcwRecord        *record);
/* The comments about one section, one per line, without their headings; NULL when none. */
char      *icw_reviewer_notes_for_section     (const char       *comments,
                                               IcwSection        section);
/* The text shown now, or NULL when hidden. */
const char *icw_reviewer_notes_get_text       (IcwReviewerNotes *self);

G_END_DECLS
