/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-print.c: printing a laid-out document through GtkPrintOperation, and the "Print…" menu
 * button the application, agreement and funding editors show (icw-print.h), whose items are the
 * actions of an IcwPrintActions group (icw-print-actions.c). The printer gets the
 * very pages of the preview and the PDF: the operation's units are points on an A4 sheet used
 * whole, so each page is drawn by icw_document_layout_draw_page without any rescaling. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-print.h"
#include "icw-ui-util.h"

typedef struct {
  IcwDocumentLayout *layout;   /* a reference: the preview may lay out again meanwhile */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  icw_document_layout_free (job->layout);
  g_free (job);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  icw_document_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      icw_ui_report_error (GTK_WIDGET (parent), error);
    }
}

void
icw_print_layout (GtkWindow         *parent,
                  IcwDocumentLayout *layout)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->layout = icw_document_layout_ref (layout);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) icw_document_layout_get_n_pages (layout));
  gtk_print_operation_set_job_name (operation, icw_document_get_title (icw_document_layout_get_document (layout)));
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page), job, (GClosureNotify) (void (*) (void)) print_job_free, 0);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), parent);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    icw_ui_report_error (GTK_WIDGET (parent), error);
}

GtkWidget *
icw_print_menu_button_new (void)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, _("_Print…"), "document.print");
  g_menu_append (menu, _("_Export PDF…"), "document.export-pdf");
  g_menu_append (menu, _("Export _Word…"), "document.export-docx");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "printer-symbolic");
  gtk_widget_set_tooltip_text (button, _("Print or export the document"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print or export the document"), -1);
  return button;
}
