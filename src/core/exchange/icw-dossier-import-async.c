/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-import-async.c: a dossier import off the main thread. A store is one SQLite
 * connection with an identity map of objects for the main thread's views, so the thread opens a
 * store of its own on the same file and does everything there (read, check, write in one
 * transaction); the main thread's store only reloads its lists when it is done. Progress is
 * passed to the caller's main context; cancelling rolls the transaction back. */
#include "config.h"

#include "icw-dossier-import.h"

typedef struct {
  char               *db_path;
  char               *path;
  GMainContext       *context;
  IcwDossierProgress  progress;
  gpointer            progress_data;
  guint               n_written;
  GPtrArray          *problems;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->db_path);
  g_free (data->path);
  g_main_context_unref (data->context);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

typedef struct {
  GTask *task;
  guint  done;
  guint  total;
} ProgressCall;

static gboolean
report_progress (gpointer user_data)
{
  ProgressCall *call = user_data;
  ImportData *data = g_task_get_task_data (call->task);

  if (!g_task_get_completed (call->task) && !g_cancellable_is_cancelled (g_task_get_cancellable (call->task)))
    data->progress (call->done, call->total, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (ProgressCall *call)
{
  g_object_unref (call->task);
  g_free (call);
}

/* In the thread: at most about a hundred reports, whatever the size. */
static void
thread_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);
  ProgressCall *call;

  if (data->progress == NULL || (done != total && total > 100 && done % (total / 100) != 0))
    return;
  call = g_new0 (ProgressCall, 1);
  call->task = g_object_ref (task);
  call->done = done;
  call->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress, call,
                              (GDestroyNotify) progress_call_free);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = icw_store_open (data->db_path, &error);

  if (store != NULL && icw_dossier_import_file (store, data->path, cancellable, thread_progress, task,
                                                &data->n_written, &data->problems, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
icw_dossier_import_async (IcwStore            *store,
                          const char          *path,
                          GCancellable        *cancellable,
                          IcwDossierProgress   progress,
                          gpointer             progress_data,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  ImportData *data = g_new0 (ImportData, 1);

  g_return_if_fail (ICW_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data->db_path = g_strdup (icw_store_get_path (store));
  data->path = g_strdup (path);
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_source_tag (task, icw_dossier_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  /* The thread tells whether the transaction was committed: a Cancel that comes after the commit
   * must not report "cancelled" for an import that happened (GTask would, by default). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

gboolean
icw_dossier_import_finish (IcwStore      *store,
                           GAsyncResult  *result,
                           guint         *n_written,
                           GPtrArray    **problems,
                           GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&data->problems);
      return FALSE;
    }
  if (n_written != NULL)
    *n_written = data->n_written;
  icw_store_reload (store);
  return TRUE;
}
