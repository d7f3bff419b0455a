/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-bar.h: the status line of a document with a life cycle (icw-lifecycle.h): its status
 * and version, the actions the life cycle allows (check, mark as ready, submit, record a return or
 * an acceptance, reopen as a new version) and the banner of a locked or returned document. Any
 * record kind with a life cycle can use it: the application, agreement and funding request
 * editors do, each with its own wording and its own extra actions. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_DOCUMENT_BAR (icw_document_bar_get_type ())

G_DECLARE_FINAL_TYPE (IcwDocumentBar, icw_document_bar, ICW, DOCUMENT_BAR, GtkBox)

/* What the bar says about one kind of document, untranslated (marked as gettext no-ops): the bar
 * translates each when it shows it. */
typedef struct {
  const char *check_label;      /* the check button's mnemonic label, e.g. "_Check Request" */
  const char *ready_toast;      /* after "Mark as Ready" succeeded */
  const char *submit_heading;   /* the question before submitting */
  const char *submit_body;
  const char *submitted_toast;
  const char *return_body;      /* what to enter when recording a return */
  const char *locked_banner;    /* over a submitted, returned or accepted document */
  /* Over a returned document, with "%s" for the reviewers' comments; NULL: locked_banner. */
  const char *returned_banner;
  /* Over a returned document without comments; NULL: returned_banner with no comments. */
  const char *returned_plain_banner;
} IcwDocumentBarTexts;

/* texts must outlive the bar (a static table). */
GtkWidget *icw_document_bar_new        (IcwStore                  *store,
                                        const IcwDocumentBarTexts *texts);
/* For a bar made by a template: the store its transitions write to, and the kind's texts. */
void       icw_document_bar_set_store  (IcwDocumentBar            *self,
                                        IcwStore                  *store);
void       icw_document_bar_set_texts  (IcwDocumentBar            *self,
                                        const IcwDocumentBarTexts *texts);
/* The "record" property. */
void       icw_document_bar_set_record (IcwDocumentBar *self,
                                        IcwRecord      *record);
/* Whether Record Return… and Record Acceptance are shown: for a submitted document of a database
 * that does not sync with a server. */
gboolean   icw_document_bar_offers_review_outcome (IcwDocumentBar *self);
/* The packs "Mark as Ready" checks with (NULL, the default: it loads them). */
void       icw_document_bar_set_packs  (IcwDocumentBar *self,
                                        GPtrArray      *packs);
/* Adds a widget of the editor's own (e.g. a button) before the check button. */
void       icw_document_bar_add_action (IcwDocumentBar *self,
                                        GtkWidget      *widget);
/* Adds a widget after the life cycle's buttons (the Print menu). */
void       icw_document_bar_add_end    (IcwDocumentBar *self,
                                        GtkWidget      *widget);
/* The banner's text (every comment of a returned or accepted version; over a later version being
 * worked on, the comments of the version it reopens), or NULL when it is hidden. */
const char *icw_document_bar_get_banner (IcwDocumentBar *self);
/* Whether the bar offers ACTION_NAME ("editor.check", "editor.mark-ready", "editor.submit",
 * "editor.record-return", "editor.record-acceptance", "editor.reopen") for its record now: the
 * bar's buttons use these actions, and activating one the bar does not offer only beeps. */
gboolean   icw_document_bar_offers     (IcwDocumentBar *self,
                                        const char     *action_name);
/* Shows the status, version, buttons and banner of the record as it is now. */
void       icw_document_bar_update     (IcwDocumentBar *self);

G_END_DECLS
