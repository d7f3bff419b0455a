/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-layout.h: the pagination of a document (icw-document.h) with Pango on an A4 page:
 * GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), 3号 (16 pt) FangSong body
 * for Chinese, a cover page, a table of contents with the page numbers of the headings, tables that
 * break across pages with their header rows repeated, a header (the title) and a footer ("第 X 页
 * 共 Y 页" / "Page X of Y") on every page but the cover. Units are PostScript points; the result is
 * a display list per page that draws the same on a PDF surface, an image surface (the preview) and
 * a printer's cairo context. No display is needed: it uses its own Pango font map, so a worker
 * thread may build it (one thread at a time per layout). */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "icw-document.h"

G_BEGIN_DECLS

#define ICW_PAGE_WIDTH_PT  (210.0 * 72.0 / 25.4)
#define ICW_PAGE_HEIGHT_PT (297.0 * 72.0 / 25.4)

/* Called with the fraction done (0 to 1), from the thread doing the work. */
typedef void (*IcwDocumentProgress) (double   fraction,
                                     gpointer user_data);

typedef struct _IcwDocumentLayout IcwDocumentLayout;

typedef struct {
  guint  level;
  char  *text;
  guint  page;      /* the physical page, from 0 (the cover) */
  double y;         /* the heading's top on that page, in points */
} IcwTocEntry;

/* NULL with G_IO_ERROR_CANCELLED when cancelled. */
IcwDocumentLayout *icw_document_layout_new        (IcwDocument         *document,
                                                   GCancellable        *cancellable,
                                                   IcwDocumentProgress  progress,
                                                   gpointer             user_data,
                                                   GError             **error);
/* A layout is reference counted (the print dialog may outlive the preview's layout): _free drops
 * one reference. */
IcwDocumentLayout *icw_document_layout_ref        (IcwDocumentLayout   *self);
void               icw_document_layout_free       (IcwDocumentLayout   *self);
IcwDocument       *icw_document_layout_get_document (IcwDocumentLayout *self);
/* Physical pages, the cover included. */
guint              icw_document_layout_get_n_pages (IcwDocumentLayout  *self);
/* The number printed in the footer of a physical page: the cover has none (0) but is counted, so
 * the page after it is 2, and the last page's number is the file's page count. */
guint              icw_document_layout_get_page_number (IcwDocumentLayout *self,
                                                        guint              page);
/* The cover's title as laid out: its lines (balanced, see icw-document-furniture.c) joined by
 * '\n', for the Word file to break where the PDF does. */
char              *icw_document_layout_get_title_lines (IcwDocumentLayout *self);
/* The headings in order, with their pages (IcwTocEntry). */
GPtrArray         *icw_document_layout_get_toc    (IcwDocumentLayout   *self);
/* Draws one page in points with its origin at the top left corner of the page: scale the cairo
 * context first to draw it at another size. */
void               icw_document_layout_draw_page  (IcwDocumentLayout   *self,
                                                   cairo_t             *cr,
                                                   guint                page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwDocumentLayout, icw_document_layout_free)

G_END_DECLS
