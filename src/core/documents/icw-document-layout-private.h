/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-layout-private.h: what the parts of the layout engine share: the display list of a
 * page, the styles, and the flow (the page being filled and the height used on it).
 * icw-document-layout.c flows headings and paragraphs and draws pages, icw-document-table.c flows
 * tables, icw-document-furniture.c makes the cover, the table of contents, headers and footers. */
#pragma once

#include <pango/pangocairo.h>

#include "icw-document-layout.h"

G_BEGIN_DECLS

#define ICW_MM(mm) ((mm) * 72.0 / 25.4)
#define ICW_MARGIN_TOP    ICW_MM (37.0)
#define ICW_MARGIN_BOTTOM ICW_MM (35.0)
#define ICW_MARGIN_LEFT   ICW_MM (28.0)
#define ICW_MARGIN_RIGHT  ICW_MM (26.0)
#define ICW_CONTENT_WIDTH (ICW_PAGE_WIDTH_PT - ICW_MARGIN_LEFT - ICW_MARGIN_RIGHT)
#define ICW_CONTENT_BOTTOM (ICW_PAGE_HEIGHT_PT - ICW_MARGIN_BOTTOM)

typedef enum {
  ICW_ITEM_LINES,   /* lines first_line … first_line + n_lines - 1 of a layout */
  ICW_ITEM_RECT,    /* a frame (stroked) or a fill */
  ICW_ITEM_RULE,    /* a line from (x, y) to (x + w, y + h) */
  ICW_ITEM_DOTS,    /* a dotted leader from (x, y) to (x + w, y) */
  ICW_ITEM_LINK,    /* a contents entry's area (x, y, w, h) linking to the heading of toc entry first_line (PDF only) */
  ICW_ITEM_DEST,    /* where the heading of toc entry first_line is (x, y): the link's named destination */
  ICW_ITEM_CHART,   /* a chart drawn in (x, y, w, h) by icw_chart_draw() */
} IcwItemKind;

typedef struct {
  IcwItemKind  kind;
  double       x, y, w, h;   /* LINES: x, y of the layout's top as if its first line were first_line */
  PangoLayout *layout;
  int          first_line;
  int          n_lines;
  gboolean     fill;
  const char  *tag;          /* LINES: the PDF structure element ("H1", "H2"); NULL: "P"; "": none (header, footer) */
  IcwChart    *chart;        /* CHART: a reference */
} IcwLayoutItem;

typedef struct {
  GPtrArray *items;   /* IcwLayoutItem */
} IcwLayoutPage;

typedef enum {
  ICW_STYLE_BODY,
  ICW_STYLE_HEADING1,
  ICW_STYLE_HEADING2,
  ICW_STYLE_TABLE,
  ICW_STYLE_TABLE_HEADER,
  ICW_STYLE_TITLE,
  ICW_STYLE_COVER,
  ICW_STYLE_FURNITURE,   /* header and footer */
  ICW_N_STYLES
} IcwStyle;

struct _IcwDocumentLayout {
  gatomicrefcount       ref_count;
  IcwDocument          *document;
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[ICW_N_STYLES];
  double                spacing[ICW_N_STYLES];   /* line spacing factor */
  gboolean              chinese;
  GPtrArray            *pages;        /* IcwLayoutPage */
  GPtrArray            *toc;          /* IcwTocEntry */
  GPtrArray            *toc_numbers;  /* PangoLayout of each entry's page number, filled last */
  guint                 first_numbered;   /* the first page with a printed number: 1 */
  double                y;            /* the flow: height used on the last page */
  const char           *tag;          /* the structure element of the lines being flowed (NULL: "P") */
  PangoLayout          *title;        /* the cover's title (a reference) */
  GHashTable           *column_widths;   /* IcwDocBlock → its table's column widths (icw-document-table.c) */
  GPtrArray            *cover_lines;     /* PangoLayout: the cover's lines (icw_document_cover_lines) as laid out */
};

/* The Pango font description ("Family, Fallback, … size") and the line spacing factor of a style
 * in a Chinese or an English document: the PDF's, and the Word file's (icw-docx-parts.c). */
const char    *icw_layout_style_font    (gboolean           chinese,
                                         IcwStyle           style);
double         icw_layout_style_spacing (gboolean           chinese,
                                         IcwStyle           style);

/* The flow. */
IcwLayoutPage *icw_layout_new_page     (IcwDocumentLayout *self);
IcwLayoutPage *icw_layout_current_page (IcwDocumentLayout *self);
/* Starts a new page unless the flow is at the top of an empty one. */
void           icw_layout_break_page   (IcwDocumentLayout *self);
PangoLayout   *icw_layout_text         (IcwDocumentLayout *self,
                                        IcwStyle           style,
                                        const char        *text,
                                        double             width);
double         icw_layout_height       (PangoLayout       *layout);
/* Whether a line of @layout starts inside a word (where Pango fell back to breaking between
 * letters, adding a hyphen) rather than at a place the text may break. */
gboolean       icw_layout_breaks_inside_word (PangoLayout *layout);
IcwLayoutItem *icw_layout_add_item     (IcwLayoutPage     *page,
                                        IcwItemKind        kind,
                                        double             x,
                                        double             y,
                                        double             w,
                                        double             h);
IcwLayoutItem *icw_layout_add_lines    (IcwLayoutPage     *page,
                                        PangoLayout       *layout,
                                        double             x,
                                        double             y);
/* Places a layout's lines in the flow at x, breaking it across pages between lines. */
void           icw_layout_flow_lines   (IcwDocumentLayout *self,
                                        PangoLayout       *layout,
                                        double             x);

/* A layout with its fonts and nothing laid out yet: what measures a document's tables for the
 * Word file when it is written without the PDF's layout. */
IcwDocumentLayout *icw_layout_new_unflowed (IcwDocument   *document);

/* A table's column widths in points (block->n_columns of them), the PDF's and the Word file's:
 * the text width shared by the columns' weights, then a column narrower than its longest word in
 * its cells' style widened to it (icw-document-table.c). Measured once per block and layout. */
void           icw_layout_table_column_widths (IcwDocumentLayout *self,
                                               IcwDocBlock       *block,
                                               double            *width);
void           icw_layout_flow_table   (IcwDocumentLayout *self,
                                        IcwDocBlock       *block);
/* The height of a table's header rows and first row: what a heading before it is kept with. */
double         icw_layout_table_lead_height (IcwDocumentLayout *self,
                                             IcwDocBlock       *block);

void           icw_layout_make_cover   (IcwDocumentLayout *self);
/* Cover line @i (of icw_document_cover_lines) as laid out: its lines joined by '\n', for the Word
 * file to break where the PDF does (a value kept whole under its label); NULL past the last. */
char          *icw_layout_get_cover_line (IcwDocumentLayout *self,
                                          guint              i);
/* The contents pages with an empty number per entry (icw_layout_fill_toc sets them). */
void           icw_layout_make_toc     (IcwDocumentLayout *self);
void           icw_layout_fill_toc     (IcwDocumentLayout *self);
void           icw_layout_add_furniture (IcwDocumentLayout *self);

G_END_DECLS
