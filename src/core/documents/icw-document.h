/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document.h: the document model that the renderer lays out (icw-document-layout.h) and
 * writes as PDF (icw-document-pdf.h) or draws for the preview and the print dialog. A document is
 * a cover (title, center, applicant, date, number of copies) and a list of blocks: headings (level
 * 1 and 2, listed in the table of contents), paragraphs, tables with header rows that repeat on
 * every page the table continues on, key/value lists, the signature and seal block of an agreement
 * and page breaks. It holds only strings and numbers: it is built from the store on the main
 * thread (icw_document_new_for_record) and is then immutable, so a worker thread may lay it out. */
#pragma once

#include "icw-indicator-chart.h"
#include "icw-record.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef enum {
  ICW_BLOCK_HEADING,
  ICW_BLOCK_PARAGRAPH,
  ICW_BLOCK_TABLE,
  ICW_BLOCK_KEY_VALUES,   /* a two-column table without header: label, value */
  ICW_BLOCK_SIGNATURES,   /* one box per signing party, kept whole on a page */
  ICW_BLOCK_PAGE_BREAK,
  ICW_BLOCK_CHART,        /* a picture (icw-indicator-chart.h); its data as a table for the Word file */
} IcwBlockKind;

typedef struct {
  IcwBlockKind  kind;
  guint         level;          /* headings: 1 or 2 */
  char         *text;           /* headings and paragraphs */
  guint         n_columns;      /* tables, key/values (2), signatures (3: party, signatory, date) */
  guint         n_header_rows;  /* tables and signatures: the first rows, repeated on each page */
  GPtrArray    *cells;          /* char *, row by row (n_columns per row) */
  guint        *weights;        /* n_columns relative widths */
  guint32       numeric;        /* bit c: column c is right-aligned (amounts) */
  IcwChart     *chart;          /* charts */
} IcwDocBlock;

typedef struct _IcwDocument IcwDocument;

#define ICW_DOCUMENT_DEFAULT_COPIES 2

IcwDocument *icw_document_new             (const char   *title);
IcwDocument *icw_document_ref             (IcwDocument  *self);
void         icw_document_unref           (IcwDocument  *self);

/* The cover page; each may be NULL (the line is left out). */
void         icw_document_set_cover       (IcwDocument  *self,
                                           const char   *subtitle,
                                           const char   *center,
                                           const char   *applicant,
                                           const char   *date);
/* The lines of an application's cover that a province's form asks for: the applicant that
 * seals it (申报单位（盖章）), the recommending body (推荐单位), the contact and telephone. Once set,
 * every one is printed, an empty one as a blank to fill in by hand. */
void         icw_document_set_cover_form  (IcwDocument  *self,
                                           const char   *applicant_seal,
                                           const char   *recommender,
                                           const char   *contact,
                                           const char   *phone);
/* The cover's lines under the title, in the order printed (the PDF and Word documents alike). */
GPtrArray   *icw_document_cover_lines     (IcwDocument  *self);
void         icw_document_set_copies      (IcwDocument  *self,
                                           guint         copies);
void         icw_document_set_author      (IcwDocument  *self,
                                           const char   *author);

const char  *icw_document_get_title       (IcwDocument  *self);
const char  *icw_document_get_subtitle    (IcwDocument  *self);
const char  *icw_document_get_center      (IcwDocument  *self);
const char  *icw_document_get_applicant   (IcwDocument  *self);
const char  *icw_document_get_date        (IcwDocument  *self);
const char  *icw_document_get_author      (IcwDocument  *self);
guint        icw_document_get_copies      (IcwDocument  *self);
/* "zh_CN" or "en": the language the document's own words were chosen in (icw_rules_language()). */
const char  *icw_document_get_language    (IcwDocument  *self);
GPtrArray   *icw_document_get_blocks      (IcwDocument  *self);

void         icw_document_add_heading     (IcwDocument  *self,
                                           guint         level,
                                           const char   *text);
/* One block per paragraph: the text is split at line ends; empty text adds "—". */
void         icw_document_add_paragraphs  (IcwDocument  *self,
                                           const char   *text);
IcwDocBlock *icw_document_add_table       (IcwDocument  *self,
                                           guint         n_columns,
                                           guint         n_header_rows);
IcwDocBlock *icw_document_add_key_values  (IcwDocument  *self);
IcwDocBlock *icw_document_add_signatures  (IcwDocument  *self);
void         icw_document_add_page_break  (IcwDocument  *self);
/* A chart, drawn in the PDF by icw_chart_draw(); the block is also a table of its data (category,
 * the two series) with one header row, which the Word file shows in its place. */
IcwDocBlock *icw_document_add_chart       (IcwDocument  *self,
                                           IcwChart     *chart);

/* A row of n_columns cells (NULL cells are empty). */
void         icw_doc_block_add_row        (IcwDocBlock  *block,
                                           const char * const *cells);
void         icw_doc_block_add_pair       (IcwDocBlock  *block,
                                           const char   *label,
                                           const char   *value);
void         icw_doc_block_set_weights    (IcwDocBlock  *block,
                                           const guint  *weights);
guint        icw_doc_block_get_n_rows     (IcwDocBlock  *block);
const char  *icw_doc_block_get_cell       (IcwDocBlock  *block,
                                           guint         row,
                                           guint         column);

/* The document of a center application, an IP-sharing agreement or a funding request, in the
 * user's language; other kinds have none (ICW_ERROR_INVALID, naming the kind). */
IcwDocument *icw_document_new_for_record  (IcwStore     *store,
                                           IcwRecord    *record,
                                           guint         copies,
                                           GError      **error);
gboolean     icw_document_kind_supported  (IcwRecordKind kind);

/* The builders, one file each (icw-document-application.c, -agreement.c, -funding.c). */
IcwDocument *icw_document_build_application (IcwStore   *store,
                                             IcwRecord  *application,
                                             GError    **error);
IcwDocument *icw_document_build_agreement   (IcwStore   *store,
                                             IcwRecord  *agreement,
                                             GError    **error);
IcwDocument *icw_document_build_funding     (IcwStore   *store,
                                             IcwRecord  *request,
                                             GError    **error);
/* A report after recognition (icw-document-report.c): 工作总结, 考核指标, 建设情况, figures. */
IcwDocument *icw_document_build_report      (IcwStore   *store,
                                             IcwRecord  *report,
                                             GError    **error);

/* Today's date as the cover shows it ("2026年11月25日" or "25 November 2026"). */
char        *icw_document_format_date     (GDateTime   *when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwDocument, icw_document_unref)

G_END_DECLS
