/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-preview.h: the preview of a record's document before it is printed or saved as
 * PDF: the pages drawn by the same layout as the PDF (icw-document-layout.h), one at a time scaled
 * to fit the window, with page navigation, the number of paper copies for the cover, Print… and
 * Save as PDF…. Laying out and saving run in a worker thread with a progress bar and a Cancel
 * button. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_DOCUMENT_PREVIEW (icw_document_preview_get_type ())
G_DECLARE_FINAL_TYPE (IcwDocumentPreview, icw_document_preview, ICW, DOCUMENT_PREVIEW, AdwWindow)

/* NULL with an error when the record has no document or it cannot be built. */
IcwDocumentPreview *icw_document_preview_new         (GtkWindow          *parent,
                                                      IcwStore           *store,
                                                      IcwRecord          *record,
                                                      GError            **error);
/* 0 while the layout is being made. */
guint               icw_document_preview_get_n_pages (IcwDocumentPreview *self);
guint               icw_document_preview_get_page    (IcwDocumentPreview *self);
void                icw_document_preview_set_page    (IcwDocumentPreview *self,
                                                      guint               page);
/* The page at a width in pixels, white, as the preview shows it. */
cairo_surface_t    *icw_document_preview_render_page (IcwDocumentPreview *self,
                                                      guint               page,
                                                      int                 width);
/* Starts the print dialog (GtkPrintOperation) with the previewed layout. */
void                icw_document_preview_print       (IcwDocumentPreview *self);

G_END_DECLS
