/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-export-button.c: "Export Budget…" in the funding editor's bar (icw-budget-export-button.h).
 * What is being typed is saved first, so the file has the amounts the grid shows. The save dialog
 * offers the two formats as filters; a name without .xlsx or .csv gets the chosen filter's. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-export-button.h"
#include "icw-budget-export.h"
#include "icw-error.h"
#include "icw-ui-util.h"

gboolean
icw_budget_export_save (IcwDocumentEditor  *editor,
                        const char         *path,
                        GError            **error)
{
  IcwRecord *record = editor != NULL ? icw_document_editor_get_record (editor) : NULL;
  IcwStore *store = editor != NULL ? icw_document_editor_get_store (editor) : NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (!ICW_IS_FUNDING_REQUEST (record))
    return TRUE;
  icw_document_editor_flush (editor);
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    ok = icw_budget_export_csv (store, ICW_FUNDING_REQUEST (record), path, &local);
  else
    ok = icw_budget_export_xlsx (store, ICW_FUNDING_REQUEST (record), path, &local);
  if (!ok)
    /* TRANSLATORS: a toast; the first %s is the file's name, the second why it failed */
    g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("The budget could not be saved as “%s”: %s"), name, local->message);
  return ok;
}

/* The filters in the dialog's order: the workbook, then the CSV file. */
#define CSV_FILTER 1

/* The button and its editor, while the save dialog is open. */
typedef struct {
  GtkWidget *button;
  IcwDocumentEditor *editor;
} Export;

static void
export_free (gpointer  data,
             GClosure *closure)
{
  Export *export = data;

  g_object_unref (export->button);
  g_object_unref (export->editor);
  g_free (export);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             Export          *export)
{
  GtkWidget *button = export->button;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GObject) csv_filter = g_list_model_get_item (filters, CSV_FILTER);
      gboolean csv = filter != NULL && G_OBJECT (filter) == csv_filter;
      g_autofree char *lower = g_ascii_strdown (path, -1);

      if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
        {
          char *named = g_strconcat (path, csv ? ".csv" : ".xlsx", NULL);

          g_free (path);
          path = named;
        }
      if (icw_budget_export_save (export->editor, path, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          /* TRANSLATORS: a toast after Export Budget…; %s is the file's name */
          g_autofree char *message = g_strdup_printf (_("The budget is saved as “%s”."), name);

          icw_ui_toast (button, message);
        }
      else
        icw_ui_report_error (button, error);
    }
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_clicked (GtkWidget         *button,
            IcwDocumentEditor *editor)
{
  Export *export;
  IcwRecord *record = icw_document_editor_get_record (editor);
  GtkRoot *root = gtk_widget_get_root (button);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (!ICW_IS_FUNDING_REQUEST (record))
    return;
  chooser = gtk_file_chooser_native_new (_("Export Budget"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: file types in the Export Budget dialog */
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbook (.xlsx)"), "xlsx");
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV file (.csv)"), "csv");
  /* TRANSLATORS: the suggested file name of Export Budget…; %s is the request's title */
  suggested = g_strdup_printf (_("%s budget.xlsx"), icw_funding_request_get_title (ICW_FUNDING_REQUEST (record)));
  g_strdelimit (suggested, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  export = g_new0 (Export, 1);
  export->button = g_object_ref (button);
  export->editor = g_object_ref (editor);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response), export, export_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWidget *
icw_budget_export_button_new (IcwDocumentEditor *editor)
{
  GtkWidget *button = icw_ui_mnemonic_button_new (_("Export _Budget…"));

  gtk_widget_set_tooltip_text (button, _("Save the budget table as an Excel workbook or a CSV file"));
  /* The editor holds the button: it outlives it. */
  g_signal_connect (button, "clicked", G_CALLBACK (on_clicked), editor);
  return button;
}
