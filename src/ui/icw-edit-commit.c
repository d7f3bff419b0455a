/* icw-edit-commit.c: the pause and the close flush shared by the editors that save as the user
 * types (field rows, text sections, budget cells and justifications, milestones). The pause is
 * one constant here; the close flush follows the editor's window through its "root" property
 * with a GSignalGroup, so an edit still in its pause is saved when the window is asked to close
 * (the close button, Ctrl+Q, SIGTERM), before the window starts to come apart. */
#include "config.h"

#include "icw-edit-commit.h"

typedef struct {
  gpointer editor;
  IcwEditFlushFunc flush;
} Watch;

/* Restarts the pause: the save runs ICW_EDIT_COMMIT_DELAY_MS after the last call. */
void
icw_edit_commit_schedule (guint       *source,
                          GSourceFunc  func,
                          gpointer     data)
{
  g_return_if_fail (source != NULL && func != NULL);

  g_clear_handle_id (source, g_source_remove);
  *source = g_timeout_add (ICW_EDIT_COMMIT_DELAY_MS, func, data);
}

static gboolean
on_close_request (GtkWindow *window,
                  Watch     *watch)
{
  watch->flush (watch->editor);
  return FALSE;  /* the window still closes */
}

/* Only a window has "close-request"; any other root (a drag icon) is not followed. */
static gboolean
root_to_window (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  GObject *root = g_value_get_object (from);

  g_value_set_object (to, GTK_IS_WINDOW (root) ? root : NULL);
  return TRUE;
}

/* Calls flush (editor) whenever the window that holds editor is asked to close. The caller keeps
 * the returned group as long as editor lives and clears it in its dispose. */
GSignalGroup *
icw_edit_commit_watch_close (GtkWidget        *editor,
                             IcwEditFlushFunc  flush)
{
  GSignalGroup *group;
  Watch *watch;

  g_return_val_if_fail (GTK_IS_WIDGET (editor), NULL);
  g_return_val_if_fail (flush != NULL, NULL);

  group = g_signal_group_new (GTK_TYPE_WINDOW);
  watch = g_new (Watch, 1);
  watch->editor = editor;
  watch->flush = flush;
  g_signal_group_connect_data (group, "close-request", G_CALLBACK (on_close_request), watch,
                               (GClosureNotify) (void (*) (void)) g_free, 0);
  g_object_bind_property_full (editor, "root", group, "target", G_BINDING_SYNC_CREATE,
                               root_to_window, NULL, NULL, NULL);
  return group;
}
