/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-docx-layout.c: the Word file's tables and cover (icw-document-docx.c) read back from its
 * word/document.xml (unzipped with libzip): every table's grid (w:gridCol) and every cell's width
 * (w:tcW) are the PDF's column widths in twips (icw_layout_table_column_widths), and every cell's
 * text, set at its column's width less the cell margins of word/styles.xml in the document's font
 * and size, breaks no Latin word inside ("Constructi-on") and splits no short Chinese label
 * ("序" / "号"). The cover's lines break where the PDF's do (a value whole under its label, never
 * one character alone). The sample's documents, in English and in Chinese. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "icw-document-docx.h"
#include "icw-document-layout-private.h"
#include "icw-docx-parts.h"
#include "icw-test-util.h"

typedef IcwTestSample Fixture;

/* A part of the package, as text. */
static char *
read_part (const char *path,
           const char *name)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &code);
  zip_stat_t stat;
  zip_file_t *file;
  char *data;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &stat), ==, 0);
  data = g_malloc0 (stat.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);
  zip_close (zip);
  return data;
}

/* The numbers of every `<tag w:w="N"` between @start and @end, in order. */
static GArray *
widths_of (const char *start,
           const char *end,
           const char *tag)
{
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *needle = g_strdup_printf ("<%s w:w=\"", tag);

  for (const char *p = g_strstr_len (start, end - start, needle); p != NULL;
       p = g_strstr_len (p + 1, end - p - 1, needle))
    {
      int width = atoi (p + strlen (needle));

      g_array_append_val (widths, width);
    }
  return widths;
}

/* The left and right cell margins of the table style, in twips. */
static int
cell_margins (const char *path)
{
  g_autofree char *styles = read_part (path, "word/styles.xml");
  const char *margins = strstr (styles, "<w:tblCellMar>");
  const char *end;
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) right = NULL;

  g_assert_nonnull (margins);
  end = strstr (margins, "</w:tblCellMar>");
  left = widths_of (margins, end, "w:left");
  right = widths_of (margins, end, "w:right");
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpuint (right->len, ==, 1);
  return g_array_index (left, int, 0) + g_array_index (right, int, 0);
}

/* What the Word file writes as a table: a table, key/value list, signature block or chart (its
 * data) with rows below its header. */
static gboolean
is_table (IcwDocBlock *block)
{
  return (block->kind == ICW_BLOCK_TABLE || block->kind == ICW_BLOCK_KEY_VALUES ||
          block->kind == ICW_BLOCK_SIGNATURES || block->kind == ICW_BLOCK_CHART) &&
         block->n_columns > 0 && icw_doc_block_get_n_rows (block) > block->n_header_rows;
}

/* A cell's text at its column's width in the Word file, less the margins: no word broken inside,
 * no short label split. */
static void
assert_cell_fits (IcwDocumentLayout *layout,
                  IcwDocBlock       *block,
                  guint              row,
                  guint              column,
                  int                twips)
{
  gboolean label = block->kind == ICW_BLOCK_KEY_VALUES && column == 0;
  IcwStyle style = row < block->n_header_rows || label ? ICW_STYLE_TABLE_HEADER : ICW_STYLE_TABLE;
  const char *text = icw_doc_block_get_cell (block, row, column);
  g_autoptr(PangoLayout) cell = icw_layout_text (layout, style, text, twips / 20.0);

  if (icw_layout_breaks_inside_word (cell))
    g_error ("%s: a word of “%s” is broken inside in a column of %d twips",
             icw_document_get_language (icw_document_layout_get_document (layout)), text, twips);
  if (pango_layout_get_line_count (cell) > 1 && g_utf8_strlen (text, -1) <= 6 && strpbrk (text, " \n") == NULL)
    g_error ("%s: “%s” is split in a column of %d twips",
             icw_document_get_language (icw_document_layout_get_document (layout)), text, twips);
}

/* The cover's lines (the CoverLine paragraphs) break where the PDF's do; returns how many wrap. */
static guint
assert_cover_lines (IcwDocumentLayout *layout,
                    const char        *xml)
{
  const char *style = "<w:pStyle w:val=\"CoverLine\"/>";
  guint i = 0, n_wrapped = 0;

  for (const char *p = strstr (xml, style); p != NULL; p = strstr (p + 1, style), i++)
    {
      const char *end = strstr (p, "</w:p>");
      PangoLayout *line;
      guint n_breaks = 0;

      g_assert_cmpuint (i, <, layout->cover_lines->len);
      line = layout->cover_lines->pdata[i];
      for (const char *b = g_strstr_len (p, end - p, "<w:br/>"); b != NULL; b = g_strstr_len (b + 1, end - b - 1, "<w:br/>"))
        n_breaks++;
      if (n_breaks + 1 != (guint) pango_layout_get_line_count (line))
        g_error ("%s cover: “%s” is %d lines in the PDF, %u in the Word file",
                 icw_document_get_language (icw_document_layout_get_document (layout)), pango_layout_get_text (line),
                 pango_layout_get_line_count (line), n_breaks + 1);
      n_wrapped += n_breaks > 0;
    }
  g_assert_cmpuint (i, ==, layout->cover_lines->len);
  return n_wrapped;
}

/* The document written as a Word file, its tables and cover checked against the PDF's layout;
 * adds to how many tables there were and how many cover lines wrap. */
static void
assert_docx_layout (IcwDocument *document,
                    const char  *dir,
                    guint       *n_tables,
                    guint       *n_wrapped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocumentLayout) layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  g_autofree char *path = g_build_filename (dir, "tables.docx", NULL);
  g_autofree char *xml = NULL;
  GPtrArray *blocks = icw_document_get_blocks (document);
  const char *p;
  int margins;
  guint b = 0;

  g_assert_no_error (error);
  g_assert_true (icw_document_write_docx (document, layout, path, &error));
  g_assert_no_error (error);
  xml = read_part (path, "word/document.xml");
  margins = cell_margins (path);
  *n_wrapped += assert_cover_lines (layout, xml);
  for (p = strstr (xml, "<w:tbl>"); p != NULL; p = strstr (p + 1, "<w:tbl>"))
    {
      const char *end = strstr (p, "</w:tbl>");
      const char *grid_end = strstr (p, "</w:tblGrid>");
      g_autoptr(GArray) grid = widths_of (p, grid_end, "w:gridCol");
      g_autoptr(GArray) cells = widths_of (grid_end, end, "w:tcW");
      g_autofree double *points = NULL;
      IcwDocBlock *block;
      double edge = 0;
      int total = 0;

      while (b < blocks->len && !is_table (blocks->pdata[b]))
        b++;
      g_assert_cmpuint (b, <, blocks->len);
      block = blocks->pdata[b++];
      points = g_new (double, block->n_columns);
      icw_layout_table_column_widths (layout, block, points);
      g_assert_cmpuint (grid->len, ==, block->n_columns);
      /* The grid is the PDF's widths, to the twip. */
      for (guint c = 0; c < grid->len; c++)
        {
          int twips = g_array_index (grid, int, c);

          edge += points[c];
          total += twips;
          g_assert_cmpint (abs (total - (int) (edge * 20.0 + 0.5)), <=, 1);
          g_assert_cmpint (abs (twips - (int) (points[c] * 20.0 + 0.5)), <=, 1);
        }
      g_assert_cmpint (abs (total - ICW_DOCX_TWIPS (ICW_CONTENT_WIDTH)), <=, 1);
      /* Every row's cells have their column's width, and their text fits it whole. */
      g_assert_cmpuint (cells->len, ==, icw_doc_block_get_n_rows (block) * block->n_columns);
      for (guint i = 0; i < cells->len; i++)
        {
          guint column = i % block->n_columns;

          g_assert_cmpint (g_array_index (cells, int, i), ==, g_array_index (grid, int, column));
          assert_cell_fits (layout, block, i / block->n_columns, column, g_array_index (grid, int, column) - margins);
        }
      (*n_tables)++;
    }
  while (b < blocks->len && !is_table (blocks->pdata[b]))
    b++;
  g_assert_cmpuint (b, ==, blocks->len);
}

typedef struct {
  const char *dir;
  guint       n_tables;
  guint       n_wrapped;
} Counts;

static void
docx_layout (IcwDocument *document,
             const char  *language,
             gpointer     user_data)
{
  Counts *counts = user_data;

  assert_docx_layout (document, counts->dir, &counts->n_tables, &counts->n_wrapped);
}

/* The sample's documents (its two applications, the agreement, the funding request, the reports),
 * in English and in Chinese with the build's catalogue. */
static void
test_tables_and_cover (Fixture       *f,
                       gconstpointer  data)
{
  Counts counts = { f->dir, 0, 0 };
  guint n_documents = icw_test_each_document (f->store, docx_layout, &counts);

  g_assert_cmpuint (n_documents, >=, 2 * 5);
  g_assert_cmpuint (counts.n_tables, >=, 2 * 10);
  /* Some cover value does not fit beside its label (the sample's long names). */
  g_assert_cmpuint (counts.n_wrapped, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/docx-layout/tables-and-cover", Fixture, NULL, icw_test_sample_set_up, test_tables_and_cover,
              icw_test_sample_tear_down);
  return g_test_run ();
}
