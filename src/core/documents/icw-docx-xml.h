/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-docx-xml.h: the WordprocessingML pieces the Word export writes again and again (icw-docx-xml.c):
 * text escaped for XML, runs, paragraphs with a style, and fields (PAGE, NUMPAGES, PAGEREF, TOC)
 * written as the begin/separate/end characters Word and LibreOffice both read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICW_DOCX_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define ICW_DOCX_R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define ICW_DOCX_XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Text escaped for an element's content or an attribute's value: & < > " ' as entities, the
 * characters XML 1.0 does not allow (C0 controls but tab and line ends) left out. */
void icw_docx_append_escaped (GString    *xml,
                              const char *text);
/* Runs of text (w:r with w:t xml:space="preserve"), a tab as w:tab and a line end as w:br;
 * run_properties (the inside of w:rPr) may be NULL. */
void icw_docx_append_runs    (GString    *xml,
                              const char *text,
                              const char *run_properties);
/* A whole paragraph of a style with the text's runs; paragraph_properties is more of w:pPr (NULL: none). */
void icw_docx_append_paragraph (GString    *xml,
                                const char *style,
                                const char *paragraph_properties,
                                const char *text);
/* A simple field: instruction (e.g. "PAGE") and the result shown until it is updated. */
void icw_docx_append_field   (GString    *xml,
                              const char *instruction,
                              const char *cached,
                              const char *run_properties);
/* The begin and separate characters of a complex field whose result follows (the table of
 * contents), and its end character. */
void icw_docx_begin_field    (GString    *xml,
                              const char *instruction);
void icw_docx_end_field      (GString    *xml);

G_END_DECLS
