/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-editor.h: the shell that every editor of a document with a life cycle is made of
 * (application, agreement, funding request, and the kinds to come): above, the status bar with
 * the life cycle's actions (IcwDocumentBar) and the print menu; on the left the list of pages,
 * each with a badge from the last check; in the middle the page; below it the check panel, whose
 * findings open their page and focus their field. A kind's editor subclasses it, fills the pages
 * and says what differs in an IcwDocumentKind (icw-document-kinds.h). */
#pragma once

#include <adwaita.h>

#include "icw-adaptive-bin.h"
#include "icw-document-kinds.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_DOCUMENT_EDITOR (icw_document_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (IcwDocumentEditor, icw_document_editor, ICW, DOCUMENT_EDITOR, GtkWidget)

struct _IcwDocumentEditorClass
{
  GtkWidgetClass parent_class;

  /* Saves what is still being typed. */
  void     (*flush)          (IcwDocumentEditor *self);
  /* The "record" property changed (to NULL too): the pages show it. */
  void     (*record_set)     (IcwDocumentEditor *self,
                              IcwRecord         *record);
  /* The status changed: the pages follow whether the record may be edited. */
  void     (*status_changed) (IcwDocumentEditor *self,
                              gboolean           editable);
  /* Any other property of the record changed. */
  void     (*record_notify)  (IcwDocumentEditor *self,
                              GParamSpec        *pspec);
  /* Opens the page of a finding's field and focuses the widget that edits it. */
  gboolean (*show_field)     (IcwDocumentEditor *self,
                              const char        *field);
  /* Whether a page is filled in (its badge then shows ✓ when the check found nothing). */
  gboolean (*page_is_filled) (IcwDocumentEditor *self,
                              const char        *key);
  /* A page was selected. */
  void     (*page_shown)     (IcwDocumentEditor *self,
                              const char        *key);
};

/* Called once by the subclass, with its kind, before any page is added. */
void         icw_document_editor_set_kind       (IcwDocumentEditor     *self,
                                                 const IcwDocumentKind *kind,
                                                 IcwStore              *store);
IcwStore    *icw_document_editor_get_store      (IcwDocumentEditor *self);
GPtrArray   *icw_document_editor_get_packs      (IcwDocumentEditor *self);
IcwRecord   *icw_document_editor_get_record     (IcwDocumentEditor *self);
void         icw_document_editor_set_record     (IcwDocumentEditor *self,
                                                 IcwRecord         *record);
gboolean     icw_document_editor_is_editable    (IcwDocumentEditor *self);
/* A page: `shown` (NULL: already in the stack under `key`) and its row in the list. */
void         icw_document_editor_add_page       (IcwDocumentEditor *self,
                                                 const char        *key,
                                                 const char        *title,
                                                 GtkWidget         *shown);
GtkStack    *icw_document_editor_get_pages      (IcwDocumentEditor *self);
/* The editor's sections beside the section shown (folded, one at a time). */
IcwAdaptiveBin *icw_document_editor_get_body    (IcwDocumentEditor *self);
const char  *icw_document_editor_get_visible_page (IcwDocumentEditor *self);
void         icw_document_editor_select_page    (IcwDocumentEditor *self,
                                                 const char        *key);
/* A widget over the page (the reviewers' notes). */
void         icw_document_editor_set_header     (IcwDocumentEditor *self,
                                                 GtkWidget         *header);
/* Adds a widget of the kind's own (e.g. a button) to the bar, before the check button. */
void         icw_document_editor_add_action     (IcwDocumentEditor *self,
                                                 GtkWidget         *widget);
void         icw_document_editor_flush          (IcwDocumentEditor *self);
void         icw_document_editor_run_check      (IcwDocumentEditor *self);
gboolean     icw_document_editor_show_field     (IcwDocumentEditor *self,
                                                 const char        *field);
guint        icw_document_editor_n_errors       (IcwDocumentEditor *self);
void         icw_document_editor_update_badges  (IcwDocumentEditor *self);

G_END_DECLS
