/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-docx.c: the body of a Word file from the document model, and the package: the parts
 * (icw-docx-parts.c) zipped by the export module (libzip; icw-export-module.h). The body is the
 * cover (title, kind, center, host company,
 * date, copies, placed by paragraph spacing where the PDF places them by position), the contents on
 * a page of their own (a TOC field over Heading 1–3 with hyperlinks, each entry's number a PAGEREF
 * field to a bookmark on its heading), then the blocks in order. Tables have fixed column widths,
 * their header rows marked to repeat (w:tblHeader), rows that do not
 * split across pages when they fit one, shaded header rows and key labels as in the PDF. The column
 * widths are the PDF's (icw_layout_table_column_widths: no column narrower than its longest word),
 * in twips, and the cells' margins are the PDF's padding, so Word breaks the cells' text where the
 * PDF does rather than inside "Construction" or 计量单位. A chart is
 * its title, its picture (the PDF's drawing as a PNG in word/media, icw-docx-picture.h) and then
 * its data as a table, for readers without pictures. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icw-document-docx.h"
#include "icw-document-layout-private.h"
#include "icw-docx-parts.h"
#include "icw-docx-picture.h"
#include "icw-docx-xml.h"
#include "icw-export-module.h"
#include "icw-error.h"
#include "icw-i18n.h"

#define SHADE "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/>"
#define PAGE_BREAK_BEFORE "<w:pageBreakBefore/>"

typedef struct {
  GString           *xml;
  IcwDocument       *document;
  IcwDocumentLayout *layout;
  IcwDocumentLayout *measure;         /* the layout that measures the tables: layout, or one of its own */
  gboolean           break_pending;   /* the next block starts a page */
  GPtrArray         *pictures;        /* GBytes: the charts' PNG images, chart1.png … */
} Body;

/* The paragraph properties a block starts with: a page break when one is pending. */
static const char *
take_break (Body *body)
{
  gboolean pending = body->break_pending;

  body->break_pending = FALSE;
  return pending ? PAGE_BREAK_BEFORE : NULL;
}

static void
add_cover (Body *body)
{
  IcwDocument *document = body->document;
  guint copies = icw_document_get_copies (document);
  g_autofree char *title_space = g_strdup_printf ("<w:spacing w:before=\"%d\" w:after=\"%d\"/>",
                                                  ICW_DOCX_TWIPS (ICW_MM (75.0) - ICW_MARGIN_TOP),
                                                  ICW_DOCX_TWIPS (ICW_MM (8.0)));
  g_autofree char *lines_space = g_strdup_printf ("<w:spacing w:before=\"%d\"/>", ICW_DOCX_TWIPS (ICW_MM (25.0)));
  g_autoptr(GPtrArray) lines = icw_document_cover_lines (document);

  /* The title breaks where the PDF's balanced title does (Word would leave a short last line). */
  if (body->layout != NULL)
    {
      g_autofree char *title = icw_document_layout_get_title_lines (body->layout);

      icw_docx_append_paragraph (body->xml, "Title", title_space, title);
    }
  else
    icw_docx_append_paragraph (body->xml, "Title", title_space, icw_document_get_title (document));
  if (icw_document_get_subtitle (document) != NULL)
    icw_docx_append_paragraph (body->xml, "Subtitle", NULL, icw_document_get_subtitle (document));
  /* Each line breaks where the PDF's does (its value whole under its label, or balanced), so
     Word does not break a value inside a word or leave its last character alone. */
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *laid_out = body->layout != NULL ? icw_layout_get_cover_line (body->layout, i) : NULL;

      icw_docx_append_paragraph (body->xml, "CoverLine", i == 0 ? lines_space : NULL,
                                 laid_out != NULL ? laid_out : lines->pdata[i]);
    }
  if (copies > 0)
    {
      g_autofree char *number = icw_copies_number (copies);
      /* TRANSLATORS: on a document's cover, how many paper copies are submitted; Chinese says 一式%s份
       * (%s is the number's word, 两 or 三: icw_copies_number()) */
      g_autofree char *text = g_strdup_printf (ngettext ("%s copy", "%s copies", copies), number);
      g_autofree char *space = g_strdup_printf ("<w:spacing w:before=\"%d\"/>", ICW_DOCX_TWIPS (ICW_MM (10.0)));

      icw_docx_append_paragraph (body->xml, "CoverCopies", space, text);
    }
  body->break_pending = TRUE;
}

static void
add_contents (Body      *body,
              GPtrArray *blocks)
{
  guint heading = 0;
  GPtrArray *toc = body->layout != NULL ? icw_document_layout_get_toc (body->layout) : NULL;

  /* TRANSLATORS: the title of a document's table of contents */
  icw_docx_append_paragraph (body->xml, "TOCHeading", take_break (body), _("Contents"));
  for (guint i = 0; i < blocks->len; i++)
    {
      IcwDocBlock *block = blocks->pdata[i];
      g_autofree char *bookmark = NULL;
      g_autofree char *instruction = NULL;
      g_autofree char *cached = NULL;

      if (block->kind != ICW_BLOCK_HEADING)
        continue;
      heading++;
      bookmark = g_strdup_printf ("_Toc%u", heading);
      instruction = g_strdup_printf ("PAGEREF %s \\h", bookmark);
      if (toc != NULL && heading - 1 < toc->len)
        {
          IcwTocEntry *entry = toc->pdata[heading - 1];

          cached = g_strdup_printf ("%u", icw_document_layout_get_page_number (body->layout, entry->page));
        }
      g_string_append_printf (body->xml, "<w:p><w:pPr><w:pStyle w:val=\"TOC%u\"/></w:pPr>", MIN (block->level, 2));
      if (heading == 1)
        icw_docx_begin_field (body->xml, "TOC \\o \"1-3\" \\h \\z \\u");
      g_string_append_printf (body->xml, "<w:hyperlink w:anchor=\"%s\" w:history=\"1\">", bookmark);
      icw_docx_append_runs (body->xml, block->text, NULL);
      g_string_append (body->xml, "<w:r><w:tab/></w:r>");
      icw_docx_append_field (body->xml, instruction, cached != NULL ? cached : "", NULL);
      g_string_append (body->xml, "</w:hyperlink></w:p>");
    }
  if (heading > 0)
    {
      g_string_append (body->xml, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>");
      icw_docx_end_field (body->xml);
      g_string_append (body->xml, "</w:p>");
    }
  body->break_pending = TRUE;
}

static void
add_heading (Body        *body,
             IcwDocBlock *block,
             guint        number)
{
  const char *properties = take_break (body);

  g_string_append_printf (body->xml, "<w:p><w:pPr><w:pStyle w:val=\"Heading%u\"/>%s</w:pPr>",
                          CLAMP (block->level, 1, 3), properties != NULL ? properties : "");
  g_string_append_printf (body->xml, "<w:bookmarkStart w:id=\"%u\" w:name=\"_Toc%u\"/>", number, number);
  icw_docx_append_runs (body->xml, block->text, NULL);
  g_string_append_printf (body->xml, "<w:bookmarkEnd w:id=\"%u\"/></w:p>", number);
}

static void
add_cell (Body        *body,
          IcwDocBlock *block,
          guint        row,
          guint        column,
          int          width)
{
  gboolean header = row < block->n_header_rows;
  gboolean label = block->kind == ICW_BLOCK_KEY_VALUES && column == 0;
  const char *style = header ? "TableHeading" : label ? "TableLabel" : "TableText";
  const char *text = icw_doc_block_get_cell (block, row, column);

  g_string_append_printf (body->xml, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>%s</w:tcPr>",
                          width, header || label ? SHADE : "");
  icw_docx_append_paragraph (body->xml, style,
                             !header && (block->numeric & (1u << column)) ? "<w:jc w:val=\"right\"/>" : NULL,
                             text);
  g_string_append (body->xml, "</w:tc>");
}

static void
add_table (Body        *body,
           IcwDocBlock *block)
{
  guint n_rows = icw_doc_block_get_n_rows (block);
  int table_width = ICW_DOCX_TWIPS (ICW_CONTENT_WIDTH);
  g_autofree int *widths = g_new0 (int, block->n_columns);
  g_autofree double *points = g_new0 (double, block->n_columns);
  double edge = 0;
  const char *properties = take_break (body);

  if (n_rows <= block->n_header_rows)
    return;
  /* A page break before a table is an empty paragraph that starts the page. */
  if (properties != NULL)
    g_string_append (body->xml, "<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:line=\"40\" w:lineRule=\"exact\"/></w:pPr></w:p>");
  /* The PDF's column widths (its longest words kept whole), each column's twips the difference of
     its rounded edges, so the columns add up to the table's width. */
  icw_layout_table_column_widths (body->measure, block, points);
  g_string_append_printf (body->xml, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
                          "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>", table_width);
  for (guint c = 0; c < block->n_columns; c++)
    {
      widths[c] = ICW_DOCX_TWIPS (edge + points[c]) - ICW_DOCX_TWIPS (edge);
      edge += points[c];
      g_string_append_printf (body->xml, "<w:gridCol w:w=\"%d\"/>", widths[c]);
    }
  g_string_append (body->xml, "</w:tblGrid>");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (body->xml, "<w:tr><w:trPr><w:cantSplit/>");
      if (r < block->n_header_rows)
        g_string_append (body->xml, "<w:tblHeader/>");
      else if (block->kind == ICW_BLOCK_SIGNATURES)
        /* Room for a signature and a seal, as the PDF's 32 mm. */
        g_string_append_printf (body->xml, "<w:trHeight w:val=\"%d\" w:hRule=\"atLeast\"/>", ICW_DOCX_TWIPS (ICW_MM (32.0)));
      g_string_append (body->xml, "</w:trPr>");
      for (guint c = 0; c < block->n_columns; c++)
        add_cell (body, block, r, c, widths[c]);
      g_string_append (body->xml, "</w:tr>");
    }
  g_string_append (body->xml, "</w:tbl>");
  /* The space after a table, and the paragraph Word wants between a table and what follows. */
  icw_docx_append_paragraph (body->xml, "TableText", NULL, NULL);
}

/* A chart: its title, its picture, then its data as a table. */
static void
add_chart (Body        *body,
           IcwDocBlock *block)
{
  g_autoptr(GBytes) png = NULL;

  icw_docx_append_paragraph (body->xml, "BodyText", take_break (body), block->text);
  if (block->chart != NULL &&
      (png = icw_docx_chart_png (block->chart, ICW_DOCX_CHART_WIDTH_MM, ICW_DOCX_CHART_HEIGHT_MM,
                                   ICW_DOCX_CHART_WIDTH_PX)) != NULL)
    {
      /* TRANSLATORS: the alternative text of a chart's picture in the Word file; %s is its title */
      g_autofree char *description = g_strdup_printf (_("Chart: %s. Its figures are in the table that follows."),
                                                      block->text != NULL ? block->text : "");

      g_ptr_array_add (body->pictures, g_steal_pointer (&png));
      icw_docx_append_picture (body->xml, body->pictures->len, ICW_DOCX_CHART_WIDTH_MM, ICW_DOCX_CHART_HEIGHT_MM,
                               description);
    }
  add_table (body, block);
}

static char *
make_document (IcwDocument       *document,
               IcwDocumentLayout *layout,
               GPtrArray         *pictures)
{
  g_autoptr(IcwDocumentLayout) own = layout == NULL ? icw_layout_new_unflowed (document) : NULL;
  Body body = { g_string_new (ICW_DOCX_XML_DECL), document, layout, layout != NULL ? layout : own, FALSE, pictures };
  GPtrArray *blocks = icw_document_get_blocks (document);
  g_autofree char *section = icw_docx_section_properties ();
  guint heading = 0;
  gboolean has_headings = FALSE;

  g_string_append (body.xml, "<w:document xmlns:w=\"" ICW_DOCX_W_NS "\" xmlns:r=\"" ICW_DOCX_R_NS "\"><w:body>");
  add_cover (&body);
  for (guint i = 0; i < blocks->len; i++)
    has_headings = has_headings || ((IcwDocBlock *) blocks->pdata[i])->kind == ICW_BLOCK_HEADING;
  if (has_headings)
    add_contents (&body, blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      IcwDocBlock *block = blocks->pdata[i];

      switch (block->kind)
        {
        case ICW_BLOCK_HEADING:
          add_heading (&body, block, ++heading);
          break;
        case ICW_BLOCK_PARAGRAPH:
          icw_docx_append_paragraph (body.xml, "BodyText", take_break (&body), block->text);
          break;
        case ICW_BLOCK_TABLE:
        case ICW_BLOCK_KEY_VALUES:
        case ICW_BLOCK_SIGNATURES:
          add_table (&body, block);
          break;
        case ICW_BLOCK_CHART:
          add_chart (&body, block);
          break;
        case ICW_BLOCK_PAGE_BREAK:
          body.break_pending = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append_printf (body.xml, "%s</w:body></w:document>", section);
  return g_string_free (body.xml, FALSE);
}

/* A part of the archive: its text, kept alive in `keep` until the archive is written. */
static void
add_part (GArray     *parts,
          GPtrArray  *keep,
          const char *name,
          char       *data)
{
  IcwZipPart part = { name, data, strlen (data), FALSE };

  g_ptr_array_add (keep, data);
  g_array_append_val (parts, part);
}

/* A binary part (a picture), stored: PNG is compressed already. */
static void
add_bytes_part (GArray     *parts,
                GPtrArray  *keep,
                char       *name,
                GBytes     *bytes)
{
  IcwZipPart part = { name, NULL, 0, TRUE };

  g_ptr_array_add (keep, name);
  part.data = g_bytes_get_data (bytes, &part.size);
  g_array_append_val (parts, part);
}

static gboolean
fail (const char  *path,
      const char  *part,
      const char  *reason,
      GError     **error)
{
  g_unlink (part);
  g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("The Word file “%s” could not be written: %s"), path, reason);
  return FALSE;
}

gboolean
icw_document_write_docx (IcwDocument        *document,
                         IcwDocumentLayout  *layout,
                         const char         *path,
                         GError            **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (IcwZipPart));
  g_autofree char *reason = NULL;
  gboolean chinese = g_str_equal (icw_document_get_language (document), "zh_CN");
  char *body;

  g_unlink (part);
  /* The body first, to know its pictures; the content types first in the archive, as Office writes them. */
  body = make_document (document, layout, pictures);
  add_part (parts, keep, "[Content_Types].xml", icw_docx_content_types ());
  add_part (parts, keep, "_rels/.rels", icw_docx_package_relationships ());
  add_part (parts, keep, "docProps/core.xml", icw_docx_core_properties (document));
  add_part (parts, keep, "word/document.xml", body);
  add_part (parts, keep, "word/_rels/document.xml.rels", icw_docx_document_relationships (pictures->len));
  add_part (parts, keep, "word/styles.xml", icw_docx_styles (chinese));
  add_part (parts, keep, "word/settings.xml", icw_docx_settings (chinese));
  add_part (parts, keep, "word/fontTable.xml", icw_docx_font_table (chinese));
  add_part (parts, keep, "word/header1.xml", icw_docx_header (document));
  add_part (parts, keep, "word/footer1.xml", icw_docx_footer ());
  for (guint i = 0; i < pictures->len; i++)
    add_bytes_part (parts, keep, g_strdup_printf ("word/media/chart%u.png", i + 1), pictures->pdata[i]);
  /* Zipped by the export module (libzip), loaded at the first export. */
  if (!icw_export_module_write_zip (part, (IcwZipPart *) (void *) parts->data, parts->len, &reason))
    return fail (path, part, reason, error);
  if (g_rename (part, path) != 0)
    return fail (path, part, g_strerror (errno), error);
  return TRUE;
}
