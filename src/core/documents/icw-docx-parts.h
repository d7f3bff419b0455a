/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-docx-parts.h: the parts of a Word file around its body (icw-docx-parts.c): the package's
 * content types and relationships, the styles (Heading 1–3, TOC 1–2, the cover's and the tables',
 * in the PDF's fonts and sizes), the font table, the settings, the header with the title, the
 * footer "Page X of Y" as PAGE and NUMPAGES fields, and the core properties (title, author, date).
 * Each returns a new string of XML. */
#pragma once

#include "icw-document.h"

G_BEGIN_DECLS

/* The page in twentieths of a point (twips): A4 and the PDF's GB/T 9704 margins. */
#define ICW_DOCX_TWIPS(pt) ((int) ((pt) * 20.0 + 0.5))

char *icw_docx_content_types      (void);
char *icw_docx_package_relationships (void);
/* The document part's relationships, with n_pictures charts' pictures (word/media/chartN.png). */
char *icw_docx_document_relationships (guint n_pictures);
char *icw_docx_styles             (gboolean     chinese);
char *icw_docx_font_table         (gboolean     chinese);
char *icw_docx_settings           (gboolean     chinese);
char *icw_docx_header             (IcwDocument *document);
char *icw_docx_footer             (void);
char *icw_docx_core_properties    (IcwDocument *document);
/* The w:sectPr of the body: A4, the margins, the header and footer on every page but the cover. */
char *icw_docx_section_properties (void);

G_END_DECLS
