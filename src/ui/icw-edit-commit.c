/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-edit-commit.c: the pause and the close flush shared by the editors that save as the user
 * types (field rows, text sections, budget cells and justifications, milestones). The pause is
 * one constant (icw-edit-commit.h); the close flush follows the editor's window through its
 * "root" property, so an edit still in its pause is saved when the window is asked to close (the
 * close button, Ctrl+Q, SIGTERM), before the window starts to come apart.
 *
 * Not a GSignalGroup: GLib 2.74's finds its target through a GWeakRef, which is already empty
 * while the window is being disposed, so it cannot take back its weak reference and aborts when
 * the window is finalized. A plain weak pointer has no such gap. */
#include "config.h"

#include "icw-edit-commit.h"

struct _IcwEditCommitWatch
{
  GtkWidget *editor;
  IcwEditFlushFunc flush;
  gulong root_handler;
  GtkWindow *window;       /* weak */
  gulong close_handler;
};

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
on_close_request (GtkWindow          *window,
                  IcwEditCommitWatch *watch)
{
  watch->flush (watch->editor);
  return FALSE;  /* the window still closes */
}

static void
forget_window (IcwEditCommitWatch *watch)
{
  if (watch->window == NULL)
    return;
  g_clear_signal_handler (&watch->close_handler, watch->window);
  g_object_remove_weak_pointer (G_OBJECT (watch->window), (gpointer *) &watch->window);
  watch->window = NULL;
}

/* Only a window has "close-request"; any other root (a drag icon) is not followed. */
static void
on_root_changed (IcwEditCommitWatch *watch)
{
  GtkRoot *root = gtk_widget_get_root (watch->editor);

  if (root == (GtkRoot *) watch->window)
    return;
  forget_window (watch);
  if (!GTK_IS_WINDOW (root))
    return;
  watch->window = GTK_WINDOW (root);
  g_object_add_weak_pointer (G_OBJECT (watch->window), (gpointer *) &watch->window);
  watch->close_handler = g_signal_connect (watch->window, "close-request",
                                           G_CALLBACK (on_close_request), watch);
}

/* Calls flush (editor) whenever the window that holds editor is asked to close. The editor keeps
 * the watch as long as it lives and frees it in its dispose. */
IcwEditCommitWatch *
icw_edit_commit_watch_close (GtkWidget        *editor,
                             IcwEditFlushFunc  flush)
{
  IcwEditCommitWatch *watch;

  g_return_val_if_fail (GTK_IS_WIDGET (editor), NULL);
  g_return_val_if_fail (flush != NULL, NULL);

  watch = g_new0 (IcwEditCommitWatch, 1);
  watch->editor = editor;
  watch->flush = flush;
  watch->root_handler = g_signal_connect_swapped (editor, "notify::root", G_CALLBACK (on_root_changed), watch);
  on_root_changed (watch);
  return watch;
}

void
icw_edit_commit_watch_free (IcwEditCommitWatch *watch)
{
  g_return_if_fail (watch != NULL);

  forget_window (watch);
  g_clear_signal_handler (&watch->root_handler, watch->editor);
  g_free (watch);
}
