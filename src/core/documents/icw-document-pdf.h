/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-pdf.h: a laid-out document written as PDF with cairo (fonts embedded as subsets,
 * the title, author and creation date in the metadata, the headings as bookmarks), and the
 * render functions for long documents: the layout and the writing run in a worker thread
 * (GTask), report their progress on the caller's main context and stop when cancelled. Build the
 * document (icw_document_new_for_record) on the main thread first: the store is single-threaded. */
#pragma once

#include "icw-document-layout.h"

G_BEGIN_DECLS

gboolean           icw_document_layout_write_pdf (IcwDocumentLayout   *layout,
                                                  const char          *path,
                                                  GCancellable        *cancellable,
                                                  IcwDocumentProgress  progress,
                                                  gpointer             user_data,
                                                  GError             **error);

/* Lays out and writes in the calling thread (the command line). A cancelled or failed render
 * leaves no file at path. */
gboolean           icw_document_render_pdf       (IcwDocument         *document,
                                                  const char          *path,
                                                  GCancellable        *cancellable,
                                                  IcwDocumentProgress  progress,
                                                  gpointer             user_data,
                                                  GError             **error);

/* In a worker thread; progress is called on the thread-default main context of the caller. */
void               icw_document_render_pdf_async  (IcwDocument         *document,
                                                   const char          *path,
                                                   GCancellable        *cancellable,
                                                   IcwDocumentProgress  progress,
                                                   gpointer             progress_data,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean           icw_document_render_pdf_finish (GAsyncResult        *result,
                                                   GError             **error);

/* Only the layout, in a worker thread: for the preview and the print dialog. */
void               icw_document_layout_async      (IcwDocument         *document,
                                                   GCancellable        *cancellable,
                                                   IcwDocumentProgress  progress,
                                                   gpointer             progress_data,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
IcwDocumentLayout *icw_document_layout_finish     (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
