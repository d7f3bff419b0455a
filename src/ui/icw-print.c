/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-print.c: printing a laid-out document through GtkPrintOperation, and the "Print…" menu
 * button the application, agreement and funding editors show (icw-print.h): Print… and Export
 * PDF… open the preview; Export Word… asks where to save, lays the document out in a worker thread
 * (for the contents' page numbers) and writes the .docx, then says so in a toast that names the
 * file, or why it could not be written. The printer gets the
 * very pages of the preview and the PDF: the operation's units are points on an A4 sheet used
 * whole, so each page is drawn by icw_document_layout_draw_page without any rescaling. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-document-docx.h"
#include "icw-document-pdf.h"
#include "icw-document-preview.h"
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

typedef struct {
  IcwStore  *store;
  IcwRecord *record;
} Target;

static void
target_free (Target *target)
{
  g_clear_object (&target->store);
  g_clear_object (&target->record);
  g_free (target);
}

static void
open_preview (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWidget *button = user_data;
  Target *target = g_object_get_data (G_OBJECT (button), "icw-print-target");
  GtkRoot *root = gtk_widget_get_root (button);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocumentPreview) preview = NULL;

  if (target == NULL || target->record == NULL)
    return;
  preview = icw_document_preview_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, target->store, target->record, &error);
  if (preview == NULL)
    {
      icw_ui_report_error (button, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

typedef struct {
  GtkWidget   *button;     /* a reference, for the toast */
  IcwDocument *document;
  char        *path;
} WordExport;

static void
word_export_free (WordExport *export)
{
  g_object_unref (export->button);
  icw_document_unref (export->document);
  g_free (export->path);
  g_free (export);
}

static void
on_word_laid_out (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  WordExport *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocumentLayout) layout = icw_document_layout_finish (result, &error);

  if (layout != NULL && icw_document_write_docx (export->document, layout, export->path, &error))
    {
      g_autofree char *name = g_path_get_basename (export->path);
      /* TRANSLATORS: a toast after Export Word…; %s is the file's name */
      g_autofree char *message = g_strdup_printf (_("The Word file “%s” is saved."), name);

      icw_ui_toast (export->button, message);
    }
  else
    icw_ui_report_error (export->button, error);
  word_export_free (export);
}

static void
on_word_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  WordExport *export = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (export->path = g_file_get_path (file)) == NULL)
    {
      word_export_free (export);
      return;
    }
  icw_document_layout_async (export->document, NULL, NULL, NULL, on_word_laid_out, export);
}

static void
export_word (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWidget *button = user_data;
  Target *target = g_object_get_data (G_OBJECT (button), "icw-print-target");
  GtkRoot *root = gtk_widget_get_root (button);
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;
  WordExport *export;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (target == NULL || target->record == NULL)
    return;
  export = g_new0 (WordExport, 1);
  export->document = icw_document_new_for_record (target->store, target->record, ICW_DOCUMENT_DEFAULT_COPIES, &error);
  if (export->document == NULL)
    {
      g_free (export);
      icw_ui_report_error (button, error);
      return;
    }
  export->button = g_object_ref (button);
  chooser = gtk_file_chooser_native_new (_("Save as Word File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the file type in the Export Word… dialog */
  gtk_file_filter_set_name (filter, _("Word documents"));
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  suggested = g_strdup_printf ("%s.docx", icw_document_get_title (export->document));
  g_strdelimit (suggested, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_word_chooser_response), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWidget *
icw_print_menu_button_new (GtkWidget *editor)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  const char * const names[] = { "print", "export-pdf", "export-docx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_simple_action_set_enabled (action, FALSE);
      g_signal_connect_object (action, "activate", G_CALLBACK (i == 2 ? export_word : open_preview), button, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  g_menu_append (menu, _("_Print…"), "document.print");
  g_menu_append (menu, _("_Export PDF…"), "document.export-pdf");
  g_menu_append (menu, _("Export _Word…"), "document.export-docx");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "printer-symbolic");
  gtk_widget_set_tooltip_text (button, _("Print or export the document"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print or export the document"), -1);
  gtk_widget_insert_action_group (editor, "document", G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (button), "icw-print-actions", g_object_ref (group), g_object_unref);
  return button;
}

void
icw_print_menu_button_set_record (GtkWidget *button,
                                  IcwStore  *store,
                                  IcwRecord *record)
{
  GActionMap *group = g_object_get_data (G_OBJECT (button), "icw-print-actions");
  Target *target = g_new0 (Target, 1);

  target->store = store != NULL ? g_object_ref (store) : NULL;
  target->record = record != NULL ? g_object_ref (record) : NULL;
  g_object_set_data_full (G_OBJECT (button), "icw-print-target", target, (GDestroyNotify) target_free);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (group, "print")), record != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (group, "export-pdf")), record != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (group, "export-docx")), record != NULL);
}
