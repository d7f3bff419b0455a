/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-print.h: printing a laid-out document with GtkPrintOperation (each page drawn by
 * icw_document_layout_draw_page on the printer's cairo context, A4, full page), and the "Print…"
 * menu button of the document editors: Print… (Ctrl+P) and Export PDF… both open the preview,
 * Export Word… saves the document as .docx. The button adds the action group "document" (print,
 * export-pdf, export-docx) to the editor it is given, so the editor's Ctrl+P binding reaches it. */
#pragma once

#include <adwaita.h>

#include "icw-document-layout.h"
#include "icw-store.h"

G_BEGIN_DECLS

void       icw_print_layout              (GtkWindow         *parent,
                                          IcwDocumentLayout *layout);

GtkWidget *icw_print_menu_button_new     (GtkWidget         *editor);
/* The record whose document the actions show; NULL disables them. */
void       icw_print_menu_button_set_record (GtkWidget      *button,
                                             IcwStore       *store,
                                             IcwRecord      *record);

G_END_DECLS
