/* icw-dossier-actions.c: the center dossier in the window. Import: a .json file chosen, read,
 * checked and written in a thread on a store of its own (icw-dossier-import.h) while a dialog
 * shows the progress and offers Cancel; the window's store reloads its lists after. Export: the
 * center (or the whole database) chosen, then the file, then the same kind of dialog. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-center.h"
#include "icw-dossier-actions.h"
#include "icw-dossier-import.h"
#include "icw-ui-util.h"

#define MAX_PROBLEMS_SHOWN 8

typedef struct {
  GtkWindow      *window;
  IcwStore       *store;
  GCancellable   *cancellable;
  GtkWidget      *dialog;     /* the progress dialog (weak) */
  GtkProgressBar *bar;        /* (weak) */
  guint           pulse_id;
  char           *name;       /* the file's name, for messages */
} Job;

/* One dossier job at a time per window: the actions are off while one runs. */
static void
set_busy (GtkWindow *window,
          Job       *job)
{
  static const char * const names[] = { "import-dossier", "export-dossier" };

  g_object_set_data (G_OBJECT (window), "icw-dossier-busy", job);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), names[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), job == NULL);
    }
}

static void
job_free (Job *job)
{
  set_busy (job->window, NULL);
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  g_clear_weak_pointer (&job->dialog);
  g_clear_weak_pointer (&job->bar);
  g_clear_object (&job->window);
  g_clear_object (&job->store);
  g_clear_object (&job->cancellable);
  g_free (job->name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
on_progress_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static gboolean
pulse (gpointer user_data)
{
  Job *job = user_data;

  if (job->bar != NULL)
    gtk_progress_bar_pulse (job->bar);
  return G_SOURCE_CONTINUE;
}

static Job *
job_new (GtkWindow  *window,
         IcwStore   *store,
         GFile      *file,
         const char *heading)
{
  Job *job = g_new0 (Job, 1);
  GtkWidget *bar = gtk_progress_bar_new ();

  job->window = g_object_ref (window);
  job->store = g_object_ref (store);
  job->cancellable = g_cancellable_new ();
  job->name = g_file_get_basename (file);
  job->dialog = adw_message_dialog_new (window, heading, job->name);
  g_object_add_weak_pointer (G_OBJECT (job->dialog), (gpointer *) &job->dialog);
  job->bar = GTK_PROGRESS_BAR (bar);
  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &job->bar);
  gtk_progress_bar_set_show_text (job->bar, TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (job->dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (job->dialog), "cancel", _("_Cancel"));
  g_signal_connect_object (job->dialog, "response", G_CALLBACK (on_progress_response), job->cancellable, 0);
  /* Until the first report: the file is being read and checked. */
  job->pulse_id = g_timeout_add (100, pulse, job);
  gtk_window_present (GTK_WINDOW (job->dialog));
  set_busy (window, job);
  return job;
}

static void
on_import_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Job *job = user_data;
  g_autofree char *text = NULL;

  g_clear_handle_id (&job->pulse_id, g_source_remove);
  if (job->bar == NULL || total == 0)
    return;
  /* TRANSLATORS: progress of an import: records written of all of them */
  text = g_strdup_printf (_("%u of %u records"), done, total);
  gtk_progress_bar_set_fraction (job->bar, (double) done / total);
  gtk_progress_bar_set_text (job->bar, text);
}

static void
show_refusal (GtkWindow    *window,
              const char   *heading,
              const GError *error,
              GPtrArray    *problems)
{
  GString *body = g_string_new (error->message);
  GtkWidget *dialog;
  guint n = problems != NULL ? problems->len : 0;

  for (guint i = 0; i < n && i < MAX_PROBLEMS_SHOWN; i++)
    g_string_append_printf (body, "\n\n%s", (const char *) problems->pdata[i]);
  if (n > MAX_PROBLEMS_SHOWN)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, ngettext ("And %u more problem.", "And %u more problems.", n - MAX_PROBLEMS_SHOWN),
                              n - MAX_PROBLEMS_SHOWN);
    }
  dialog = adw_message_dialog_new (window, heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_string_free (body, TRUE);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *message = NULL;
  guint n_written = 0;

  if (icw_dossier_import_finish (job->store, result, &n_written, &problems, &error))
    {
      if (n_written == 0)
        message = g_strdup (_("Nothing was imported: the database already holds every record of the dossier"));
      else
        message = g_strdup_printf (ngettext ("Imported %u record from the dossier", "Imported %u records from the dossier",
                                             n_written), n_written);
      icw_ui_toast (GTK_WIDGET (job->window), message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    icw_ui_toast (GTK_WIDGET (job->window), _("The import was cancelled; nothing was changed"));
  else
    show_refusal (job->window, _("Nothing Was Imported"), error, problems);
}

void
icw_dossier_actions_import_file (GtkWindow *window,
                                 IcwStore  *store,
                                 GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  Job *job;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ICW_IS_STORE (store));

  job = job_new (window, store, file, _("Importing Dossier"));
  icw_dossier_import_async (store, path, job->cancellable, on_import_progress, job, on_imported, job);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (icw_dossier_export_finish (result, &error))
    {
      message = g_strdup_printf (_("The dossier was saved as “%s”"), job->name);
      icw_ui_toast (GTK_WIDGET (job->window), message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    icw_ui_toast (GTK_WIDGET (job->window), _("The export was cancelled"));
  else
    show_refusal (job->window, _("The Dossier Was Not Saved"), error, NULL);
}

void
icw_dossier_actions_export_file (GtkWindow  *window,
                                 IcwStore   *store,
                                 const char *center_id,
                                 GFile      *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *ids[2] = { center_id, NULL };
  Job *job;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ICW_IS_STORE (store));

  job = job_new (window, store, file, _("Exporting Dossier"));
  icw_dossier_export_async (store, center_id != NULL ? ids : NULL, path, job->cancellable, on_exported, job);
}

/* The choosers: kept on the window while they are shown (a native dialog is not a widget). */
typedef struct {
  GtkWindow *window;
  IcwStore  *store;
  char      *center_id;   /* export: the center, or NULL for the whole database */
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->store);
  g_free (choice->center_id);
  g_free (choice);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN)
    icw_dossier_actions_import_file (choice->window, choice->store, file);
  else
    icw_dossier_actions_export_file (choice->window, choice->store, choice->center_id, file);
}

static void
show_chooser (GtkWindow            *window,
              IcwStore             *store,
              GtkFileChooserAction  action,
              const char           *center_id,
              const char           *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean open = action == GTK_FILE_CHOOSER_ACTION_OPEN;
  GtkFileChooserNative *chooser;
  Choice *choice = g_new0 (Choice, 1);

  choice->window = window;
  choice->store = g_object_ref (store);
  choice->center_id = g_strdup (center_id);
  gtk_file_filter_set_name (filter, _("Dossiers (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  chooser = gtk_file_chooser_native_new (open ? _("Import Dossier") : _("Export Dossier"), window, action,
                                         open ? _("_Import") : _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response), choice,
                         (GClosureNotify) (void (*) (void)) choice_free, 0);
  g_object_set_data_full (G_OBJECT (window), "icw-dossier-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = user_data;

  show_chooser (window, g_object_get_data (G_OBJECT (window), "icw-dossier-store"),
                GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
}

static void
on_pick_response (AdwMessageDialog *dialog,
                  const char       *response,
                  GtkWindow        *window)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *centers = g_object_get_data (G_OBJECT (dialog), "centers");
  guint selected = gtk_drop_down_get_selected (drop_down);
  IcwCenter *center = selected > 0 && selected <= centers->len ? centers->pdata[selected - 1] : NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export"))
    return;
  /* TRANSLATORS: the file name suggested for a dossier of the whole database */
  name = g_strdup_printf ("%s.json", center != NULL ? icw_center_get_name (center) : _("workbench-dossier"));
  g_strdelimit (name, "/\\", '-');
  show_chooser (window, g_object_get_data (G_OBJECT (window), "icw-dossier-store"), GTK_FILE_CHOOSER_ACTION_SAVE,
                center != NULL ? icw_record_get_id (ICW_RECORD (center)) : NULL, name);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = user_data;
  IcwStore *store = g_object_get_data (G_OBJECT (window), "icw-dossier-store");
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_CENTER, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *centers = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog = adw_message_dialog_new (window, _("Export Dossier"),
                                              _("A dossier holds a center with its registers, organizations, applications and their attachments, agreements and funding requests, for import into another database."));

  gtk_string_list_append (names, _("The whole database"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      IcwCenter *center = g_list_model_get_item (list, i);

      g_ptr_array_add (centers, center);
      gtk_string_list_append (names, icw_center_get_name (center));
    }
  g_object_set_data_full (G_OBJECT (dialog), "centers", centers, (GDestroyNotify) g_ptr_array_unref);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                              centers->len > 0 ? 1 : 0);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_pick_response), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
icw_dossier_actions_install (GtkWindow *window,
                             IcwStore  *store)
{
  static const GActionEntry entries[] = {
    { "import-dossier", import_activated, NULL, NULL, NULL, { 0 } },
    { "export-dossier", export_activated, NULL, NULL, NULL, { 0 } },
  };

  g_return_if_fail (G_IS_ACTION_MAP (window));
  g_return_if_fail (ICW_IS_STORE (store));

  g_object_set_data_full (G_OBJECT (window), "icw-dossier-store", g_object_ref (store), g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
}
