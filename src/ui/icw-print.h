/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-print.h: printing a laid-out document with GtkPrintOperation (each page drawn by
 * icw_document_layout_draw_page on the printer's cairo context, A4, full page), and the "Print…"
 * menu button of the document editors: its items are the actions "document.print",
 * "document.export-pdf" and "document.export-docx", which an IcwPrintActions group inserted as
 * "document" in the editor provides (icw-print-actions.h), so the editor's Ctrl+P reaches them. */
#pragma once

#include <adwaita.h>

#include "icw-document-layout.h"

G_BEGIN_DECLS

void       icw_print_layout          (GtkWindow         *parent,
                                      IcwDocumentLayout *layout);

GtkWidget *icw_print_menu_button_new (void);

G_END_DECLS
