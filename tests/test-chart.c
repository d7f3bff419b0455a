/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart.c: the report's chart (icw-indicator-chart.h) drawn headless into cairo recording
 * and image surfaces: bar heights proportional to the values on an axis that reaches the largest,
 * nothing drawn outside the box at any size (the recording surface's ink), every label measured
 * inside the box, missing values drawn as no bar, the chart block of a document drawn on a
 * page of the PDF layout where the same function puts it, and in the Word file as a picture: a PNG
 * in word/media with its relationship, content type and inline DrawingML, read back and not blank,
 * the data table after it. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "icw-document-docx.h"
#include "icw-document-layout.h"
#include "icw-indicator-chart.h"

static IcwChart *
sample_chart (void)
{
  IcwChart *chart = icw_chart_new ("发明专利申请量 Invention patents filed", "件", "Target", "Actual");

  icw_chart_add (chart, "2023", 10, 12);
  icw_chart_add (chart, "2024", 15, 9.5);
  icw_chart_add (chart, "2025", 20, NAN);
  return chart;
}

static void
assert_inside (const cairo_rectangle_t *r,
               double                   x,
               double                   y,
               double                   w,
               double                   h)
{
  g_assert_cmpfloat (r->x, >=, x - 0.01);
  g_assert_cmpfloat (r->y, >=, y - 0.01);
  g_assert_cmpfloat (r->x + r->width, <=, x + w + 0.01);
  g_assert_cmpfloat (r->y + r->height, <=, y + h + 0.01);
}

/* Heights in proportion to the values: value / axis_max of the plot's height. */
static void
test_bars_proportional (void)
{
  g_autoptr(IcwChart) chart = sample_chart ();
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  IcwChartGeometry geometry;

  icw_chart_draw (chart, cr, 10, 20, 400, 240, NULL, &geometry);
  g_assert_cmpuint (geometry.bars->len, ==, 6);
  /* The axis reaches the largest value (20) with round ticks, and not far beyond it. */
  g_assert_cmpfloat (geometry.axis_max, >=, 20);
  g_assert_cmpfloat (geometry.axis_max, <=, 25);
  for (guint i = 0; i < 3; i++)
    for (guint s = 0; s < 2; s++)
      {
        cairo_rectangle_t *bar = &g_array_index (geometry.bars, cairo_rectangle_t, i * 2 + s);
        double value = icw_chart_get_value (chart, i, s);

        if (isnan (value))
          {
            g_assert_cmpfloat (bar->width * bar->height, ==, 0);
            continue;
          }
        g_assert_cmpfloat_with_epsilon (bar->height, geometry.plot.height * value / geometry.axis_max, 1e-6);
        /* Standing on the axis, inside the plot. */
        g_assert_cmpfloat_with_epsilon (bar->y + bar->height, geometry.plot.y + geometry.plot.height, 1e-6);
        assert_inside (bar, geometry.plot.x, geometry.plot.y, geometry.plot.width, geometry.plot.height);
      }
  /* 2023's actual (12) is taller than its target (10); 2024's (9.5) shorter than its (15). */
  g_assert_cmpfloat (g_array_index (geometry.bars, cairo_rectangle_t, 1).height, >,
                     g_array_index (geometry.bars, cairo_rectangle_t, 0).height);
  g_assert_cmpfloat (g_array_index (geometry.bars, cairo_rectangle_t, 3).height, <,
                     g_array_index (geometry.bars, cairo_rectangle_t, 2).height);
  icw_chart_geometry_clear (&geometry);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* At sizes from a thumbnail to a page, with long words: the ink and every label stay in the box. */
static void
test_nothing_outside (void)
{
  static const double sizes[][2] = { { 120, 90 }, { 260, 160 }, { 453, 230 }, { 900, 500 } };
  g_autoptr(IcwChart) chart = icw_chart_new ("A very long indicator name that cannot fit on one line of a small chart at all",
                                             "ten thousand yuan (万元)", "Target of the 任务书", "Actual of the year");

  for (guint y = 2019; y <= 2026; y++)
    {
      g_autofree char *label = g_strdup_printf ("%u", y);

      icw_chart_add (chart, label, 1234.5 * (y - 2018), 1000.25 * (y - 2017));
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      IcwChartGeometry geometry;
      double ix, iy, iw, ih;

      icw_chart_draw (chart, cr, 5, 7, sizes[i][0], sizes[i][1], NULL, &geometry);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &ix, &iy, &iw, &ih);
      g_test_message ("%gx%g: ink %g,%g %gx%g; %u labels", sizes[i][0], sizes[i][1], ix, iy, iw, ih, geometry.n_labels);
      g_assert_cmpfloat (iw, >, 0);
      g_assert_cmpfloat (ix, >=, 5 - 1);
      g_assert_cmpfloat (iy, >=, 7 - 1);
      g_assert_cmpfloat (ix + iw, <=, 5 + sizes[i][0] + 1);
      g_assert_cmpfloat (iy + ih, <=, 7 + sizes[i][1] + 1);
      /* Title, unit, 2 legend names, tick labels, 8 year labels at least. */
      g_assert_cmpuint (geometry.n_labels, >=, 4 + 2 + 8);
      assert_inside (&geometry.text_extents, 5, 7, sizes[i][0], sizes[i][1]);
      icw_chart_geometry_clear (&geometry);
      cairo_surface_destroy (surface);
    }
}

/* Pixels: the actual's colour fills its bar's middle in an image, the background is left alone. */
static void
test_image_pixels (void)
{
  g_autoptr(IcwChart) chart = sample_chart ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 240);
  cairo_t *cr = cairo_create (surface);
  IcwChartGeometry geometry;
  cairo_rectangle_t *bar;
  guint32 *data;
  int stride;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  icw_chart_draw (chart, cr, 0, 0, 400, 240, NULL, &geometry);
  cairo_surface_flush (surface);
  data = (gpointer) cairo_image_surface_get_data (surface);   /* rows of 32-bit pixels */
  stride = cairo_image_surface_get_stride (surface) / 4;
  bar = &g_array_index (geometry.bars, cairo_rectangle_t, 1);
  {
    guint32 inside = data[(int) (bar->y + bar->height / 2) * stride + (int) (bar->x + bar->width / 2)];
    guint32 target = data[(int) (bar->y + bar->height - 2) * stride + (int) (bar->x - bar->width / 2)];

    g_assert_cmphex (inside & 0xffffff, !=, 0xffffff);
    g_assert_cmphex (inside & 0xffffff, !=, target & 0xffffff);   /* the two series differ */
  }
  icw_chart_geometry_clear (&geometry);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* An empty chart still draws its frame and says so, inside the box. */
static void
test_empty (void)
{
  g_autoptr(IcwChart) chart = icw_chart_new ("Score by area", NULL, "Maximum", "Points");
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  IcwChartGeometry geometry;

  icw_chart_draw (chart, cr, 0, 0, 300, 200, NULL, &geometry);
  g_assert_cmpuint (geometry.bars->len, ==, 0);
  g_assert_cmpfloat (geometry.axis_max, >, 0);
  assert_inside (&geometry.text_extents, 0, 0, 300, 200);
  icw_chart_geometry_clear (&geometry);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_format (void)
{
  g_autofree char *a = icw_chart_format_value (12.0);
  g_autofree char *b = icw_chart_format_value (9.5);
  g_autofree char *c = icw_chart_format_value (0.126);
  g_autofree char *d = icw_chart_format_value (NAN);

  g_assert_cmpstr (a, ==, "12");
  g_assert_cmpstr (b, ==, "9.5");
  g_assert_cmpstr (c, ==, "0.13");
  g_assert_cmpstr (d, ==, "—");
}

/* The document's chart block: laid out on a page, drawn there by the same function (the page's
 * ink in the chart's colour), and its data kept as a table for the Word file. */
static void
test_document_block (void)
{
  g_autoptr(IcwDocument) document = icw_document_new ("Annual assessment");
  g_autoptr(IcwChart) chart = sample_chart ();
  g_autoptr(IcwDocumentLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  IcwDocBlock *block;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 *data;
  int stride, w, h;
  guint strong = 0;

  icw_document_add_heading (document, 1, "Indicators");
  block = icw_document_add_chart (document, chart);
  g_assert_cmpuint (block->kind, ==, ICW_BLOCK_CHART);
  g_assert_cmpuint (icw_doc_block_get_n_rows (block), ==, 1 + 3);
  g_assert_cmpstr (icw_doc_block_get_cell (block, 2, 0), ==, "2024");
  g_assert_cmpstr (icw_doc_block_get_cell (block, 2, 2), ==, "9.5");
  g_assert_cmpstr (icw_doc_block_get_cell (block, 3, 2), ==, "—");
  layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (icw_document_layout_get_n_pages (layout), >=, 3);
  w = (int) ICW_PAGE_WIDTH_PT;
  h = (int) ICW_PAGE_HEIGHT_PT;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  icw_document_layout_draw_page (layout, cr, icw_document_layout_get_n_pages (layout) - 1);
  cairo_surface_flush (surface);
  data = (gpointer) cairo_image_surface_get_data (surface);   /* rows of 32-bit pixels */
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = data[y * stride + x] & 0xffffff;

        /* The actual's strong blue: blue well above red. */
        if ((p & 0xff) > 0x90 && ((p >> 16) & 0xff) < 0x40)
          strong++;
      }
  g_test_message ("%u pixels of the actual's blue on the chart's page", strong);
  g_assert_cmpuint (strong, >, 200);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A member of the Word file (a zip), or NULL. */
static GBytes *
zip_member (const char *path,
            const char *name)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &code);
  zip_stat_t stat;
  zip_file_t *file;
  guint8 *data;

  g_assert_nonnull (zip);
  if (zip_stat (zip, name, 0, &stat) != 0)
    {
      zip_close (zip);
      return NULL;
    }
  data = g_malloc (stat.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  data[stat.size] = '\0';
  zip_fclose (file);
  zip_close (zip);
  return g_bytes_new_take (data, stat.size);
}

typedef struct {
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* The Word file shows each chart as a picture drawn by the same function, then its data. */
static void
test_docx_picture (void)
{
  g_autoptr(IcwDocument) document = icw_document_new ("Annual assessment");
  g_autoptr(IcwChart) chart = sample_chart ();
  g_autoptr(IcwChart) second = sample_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.docx", NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) rels = NULL;
  g_autoptr(GBytes) types = NULL;
  const char *xml, *picture, *table;
  PngReader reader;
  cairo_surface_t *image;
  guint32 *data;
  int stride, w, h;
  guint ink = 0, blue = 0;

  g_assert_no_error (error);
  icw_document_add_heading (document, 1, "Indicators");
  icw_document_add_chart (document, chart);
  icw_document_add_chart (document, second);
  g_assert_true (icw_document_write_docx (document, NULL, path, &error));
  g_assert_no_error (error);

  /* The pictures, their relationships, the content type of PNG. */
  png = zip_member (path, "word/media/chart1.png");
  g_assert_nonnull (png);
  {
    g_autoptr(GBytes) two = zip_member (path, "word/media/chart2.png");
    g_autoptr(GBytes) three = zip_member (path, "word/media/chart3.png");

    g_assert_nonnull (two);
    g_assert_null (three);
  }
  rels = zip_member (path, "word/_rels/document.xml.rels");
  g_assert_nonnull (strstr (g_bytes_get_data (rels, NULL), "Id=\"rIdPicture1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart1.png\""));
  types = zip_member (path, "[Content_Types].xml");
  g_assert_nonnull (strstr (g_bytes_get_data (types, NULL), "<Default Extension=\"png\" ContentType=\"image/png\"/>"));
  /* The body: the title, the inline picture that embeds it, then the data table. */
  body = zip_member (path, "word/document.xml");
  xml = g_bytes_get_data (body, NULL);
  picture = strstr (xml, "<a:blip r:embed=\"rIdPicture1\"/>");
  g_assert_nonnull (picture);
  g_assert_nonnull (strstr (xml, "<wp:inline "));
  g_assert_nonnull (strstr (xml, "descr=\"Chart: 发明专利申请量 Invention patents filed."));
  g_assert_nonnull (strstr (xml, "<a:blip r:embed=\"rIdPicture2\"/>"));
  table = strstr (picture, "<w:tbl>");
  g_assert_nonnull (table);
  g_assert_nonnull (strstr (table, "9.5"));
  g_assert_true (strstr (xml, "发明专利申请量") < picture);

  /* Read the PNG back: its size, and ink on it (not blank), the actual's blue among it. */
  reader.data = g_bytes_get_data (png, &reader.left);
  g_assert_cmpmem (reader.data, 8, "\x89PNG\r\n\x1a\n", 8);
  image = cairo_image_surface_create_from_png_stream (read_png, &reader);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  g_assert_cmpint (w, ==, 1200);
  g_assert_cmpint (h, ==, 600);
  data = (gpointer) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = data[y * stride + x] & 0xffffff;

        ink += p != 0xffffff;
        blue += (p & 0xff) > 0x90 && ((p >> 16) & 0xff) < 0x40;
      }
  g_test_message ("the chart's picture: %d × %d, %u pixels not white, %u of the actual's blue", w, h, ink, blue);
  g_assert_cmpuint (ink, >, (guint) (w * h / 50));
  g_assert_cmpuint (blue, >, 1000);
  cairo_surface_destroy (image);
  if (g_getenv ("ICW_TEST_KEEP_DOCX") != NULL)
    g_print ("kept %s\n", path);
  else
    {
      g_unlink (path);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/bars-proportional", test_bars_proportional);
  g_test_add_func ("/chart/nothing-outside", test_nothing_outside);
  g_test_add_func ("/chart/image-pixels", test_image_pixels);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/format", test_format);
  g_test_add_func ("/chart/document-block", test_document_block);
  g_test_add_func ("/chart/docx-picture", test_docx_picture);
  return g_test_run ();
}
