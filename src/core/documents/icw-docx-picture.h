/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-docx-picture.h: a chart as a picture of a Word file (icw-docx-picture.c): drawn by the one
 * cairo function that draws it in the window and the PDF (icw_chart_draw) into a PNG image, and
 * placed in the body as an inline DrawingML picture that refers to the image by a relationship
 * of the document part (word/media/chartN.png). */
#pragma once

#include <glib.h>

#include "icw-indicator-chart.h"

G_BEGIN_DECLS

/* The size a chart takes in the Word file (the text width of the page, the PDF's height). */
#define ICW_DOCX_CHART_WIDTH_MM  150.0
#define ICW_DOCX_CHART_HEIGHT_MM 75.0
/* Its width in pixels: 1200 (× 600), about 200 dots per inch at that size. */
#define ICW_DOCX_CHART_WIDTH_PX  1200

/* The chart drawn on white as PNG data, `width` pixels wide and as high as width_mm × height_mm
 * keeps; drawn in points at that size in millimetres, so that its text has the size it has in the
 * PDF. NULL if cairo could not make it. */
GBytes *icw_docx_chart_png          (IcwChart   *chart,
                                     double      width_mm,
                                     double      height_mm,
                                     int         width);
/* The relationship ID of picture `number` (1, 2, …) in word/_rels/document.xml.rels; free it. */
char   *icw_docx_picture_rel_id     (guint       number);
/* A paragraph holding picture `number` inline, width × height in millimetres, described by
 * `description` (the alternative text screen readers and Word's Alt Text show). */
void    icw_docx_append_picture     (GString    *xml,
                                     guint       number,
                                     double      width_mm,
                                     double      height_mm,
                                     const char *description);

G_END_DECLS
