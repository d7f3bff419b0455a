/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-jobs.c: a dossier import or export from the window, once its file is chosen
 * (icw-dossier-actions.c): the work runs in a thread on a store of its own (icw-dossier.h,
 * icw-dossier-import.h) while a dialog shows the progress and offers Cancel; the window's store
 * reloads its lists after an import. The outcome is a toast, or a dialog listing a refused
 * dossier's first problems. One job at a time per window: the actions are off meanwhile. */
#include "config.h"

#include <glib/gi18n.h>

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
