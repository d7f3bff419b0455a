/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-docx.h: a document (icw-document.h) written as a Word file (.docx, Office Open XML),
 * from the same model as the PDF: the cover, the contents as a Word TOC field whose entries link to
 * the headings, the headings in the Heading 1 and 2 styles, tables whose header rows repeat on every
 * page, "Page X of Y" as PAGE and NUMPAGES fields in the footer, and the PDF's fonts. */
#pragma once

#include "icw-document-layout.h"

G_BEGIN_DECLS

/* layout, when given, supplies the contents' page numbers shown until Word updates the field (the
 * PDF's pagination, the same page size, margins and fonts); without it they are left blank. The
 * file is written beside path and renamed over it, so a failed write leaves no file at path. */
gboolean icw_document_write_docx (IcwDocument        *document,
                                  IcwDocumentLayout  *layout,
                                  const char         *path,
                                  GError            **error);

G_END_DECLS
