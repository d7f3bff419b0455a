/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-print-actions.c: the Print menu's actions for one record (icw-print-actions.h). Print… and
 * Export PDF… open the preview; Export Word… asks where to save, lays the document out in a worker
 * thread (for the contents' page numbers) and writes the .docx, then says so in a toast that names
 * the file, or why it could not be written. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-document-docx.h"
#include "icw-document-pdf.h"
#include "icw-document-preview.h"
#include "icw-print-actions.h"
#include "icw-ui-util.h"

struct _IcwPrintActions
{
  GSimpleActionGroup parent_instance;

  GWeakRef widget;
  IcwStore *store;
  IcwRecord *record;
};

G_DEFINE_FINAL_TYPE (IcwPrintActions, icw_print_actions, G_TYPE_SIMPLE_ACTION_GROUP)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const action_names[] = { "print", "export-pdf", "export-docx" };

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_preview (GSimpleAction   *action,
              GVariant        *parameter,
              IcwPrintActions *self)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&self->widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocumentPreview) preview = NULL;

  if (widget == NULL || self->record == NULL)
    return;
  preview = icw_document_preview_new (parent_window (widget), self->store, self->record, &error);
  if (preview == NULL)
    {
      icw_ui_report_error (widget, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

typedef struct {
  GtkWidget   *widget;     /* a reference, for the toast */
  IcwDocument *document;
  char        *path;
} WordExport;

static void
word_export_free (WordExport *export)
{
  g_object_unref (export->widget);
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

      icw_ui_toast (export->widget, message);
    }
  else
    icw_ui_report_error (export->widget, error);
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
export_word (GSimpleAction   *action,
             GVariant        *parameter,
             IcwPrintActions *self)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&self->widget);
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;
  WordExport *export;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (widget == NULL || self->record == NULL)
    return;
  export = g_new0 (WordExport, 1);
  export->document = icw_document_new_for_record (self->store, self->record, ICW_DOCUMENT_DEFAULT_COPIES, &error);
  if (export->document == NULL)
    {
      g_free (export);
      icw_ui_report_error (widget, error);
      return;
    }
  export->widget = g_object_ref (widget);
  chooser = gtk_file_chooser_native_new (_("Save as Word File"), parent_window (widget),
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

void
icw_print_actions_set_record (IcwPrintActions *self,
                              IcwRecord       *record)
{
  g_return_if_fail (ICW_IS_PRINT_ACTIONS (self));

  if (!g_set_object (&self->record, record))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), action_names[i])),
                                 record != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

IcwRecord *
icw_print_actions_get_record (IcwPrintActions *self)
{
  g_return_val_if_fail (ICW_IS_PRINT_ACTIONS (self), NULL);

  return self->record;
}

static void
icw_print_actions_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IcwPrintActions *self = ICW_PRINT_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_print_actions_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IcwPrintActions *self = ICW_PRINT_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      icw_print_actions_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_print_actions_dispose (GObject *object)
{
  IcwPrintActions *self = ICW_PRINT_ACTIONS (object);

  g_weak_ref_set (&self->widget, NULL);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icw_print_actions_parent_class)->dispose (object);
}

static void
icw_print_actions_finalize (GObject *object)
{
  IcwPrintActions *self = ICW_PRINT_ACTIONS (object);

  g_weak_ref_clear (&self->widget);
  G_OBJECT_CLASS (icw_print_actions_parent_class)->finalize (object);
}

static void
icw_print_actions_class_init (IcwPrintActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = icw_print_actions_get_property;
  object_class->set_property = icw_print_actions_set_property;
  object_class->dispose = icw_print_actions_dispose;
  object_class->finalize = icw_print_actions_finalize;

  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, ICW_TYPE_RECORD,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icw_print_actions_init (IcwPrintActions *self)
{
  g_weak_ref_init (&self->widget, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (action_names[i], NULL);

      g_simple_action_set_enabled (action, FALSE);
      g_signal_connect_object (action, "activate", G_CALLBACK (i == 2 ? (GCallback) export_word : (GCallback) open_preview),
                               self, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
}

IcwPrintActions *
icw_print_actions_new (GtkWidget *widget,
                       IcwStore  *store)
{
  IcwPrintActions *self = g_object_new (ICW_TYPE_PRINT_ACTIONS, NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), self);
  g_weak_ref_set (&self->widget, widget);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  return self;
}
