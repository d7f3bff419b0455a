/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-docx-picture.c: a chart as a PNG picture of a Word file and the DrawingML that places it
 * (icw-docx-picture.h). The PNG is the same drawing as the window's and the PDF's; the picture is
 * inline (it flows with the text, in its own centred paragraph) and keeps its aspect ratio. */
#include "config.h"

#include <cairo.h>

#include "icw-docx-picture.h"
#include "icw-docx-xml.h"

#define EMU_PER_MM 36000.0
#define POINTS_PER_MM (72.0 / 25.4)
#define WP_NS "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define A_NS "http://schemas.openxmlformats.org/drawingml/2006/main"
#define PIC_NS "http://schemas.openxmlformats.org/drawingml/2006/picture"

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
icw_docx_chart_png (IcwChart *chart,
                    double    width_mm,
                    double    height_mm,
                    int       width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_status_t status;
  double width_pt = width_mm * POINTS_PER_MM, height_pt = height_mm * POINTS_PER_MM;
  int height;

  g_return_val_if_fail (chart != NULL && width_mm > 0 && height_mm > 0 && width > 0, NULL);
  height = (int) (width * height_mm / width_mm + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* Drawn in points at the size it takes on the page, so its text is the PDF's size there. */
  cairo_scale (cr, width / width_pt, height / height_pt);
  icw_chart_draw (chart, cr, 0, 0, width_pt, height_pt, NULL, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || png->len == 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

char *
icw_docx_picture_rel_id (guint number)
{
  return g_strdup_printf ("rIdPicture%u", number);
}

void
icw_docx_append_picture (GString    *xml,
                         guint       number,
                         double      width_mm,
                         double      height_mm,
                         const char *description)
{
  gint64 cx = (gint64) (width_mm * EMU_PER_MM + 0.5);
  gint64 cy = (gint64) (height_mm * EMU_PER_MM + 0.5);
  g_autofree char *rel_id = icw_docx_picture_rel_id (number);

  g_string_append (xml, "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>");
  g_string_append_printf (xml, "<wp:inline xmlns:wp=\"" WP_NS "\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                          "<wp:extent cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/>"
                          "<wp:docPr id=\"%u\" name=\"Chart %u\" descr=\"", cx, cy, 1000 + number, number);
  icw_docx_append_escaped (xml, description != NULL ? description : "");
  g_string_append (xml, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"" A_NS "\" noChangeAspect=\"1\"/>"
                        "</wp:cNvGraphicFramePr>"
                        "<a:graphic xmlns:a=\"" A_NS "\"><a:graphicData uri=\"" PIC_NS "\">"
                        "<pic:pic xmlns:pic=\"" PIC_NS "\"><pic:nvPicPr>");
  g_string_append_printf (xml, "<pic:cNvPr id=\"%u\" name=\"chart%u.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
                          "<pic:blipFill><a:blip r:embed=\"%s\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                          "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
                          "<a:ext cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/></a:xfrm>"
                          "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
                          "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
                          number, number, rel_id, cx, cy);
}
