/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-edit-commit.h: what every editor that saves as the user types shares: the one pause after
 * the last keystroke, and the flush when its window is asked to close. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The pause after the last keystroke before an edit is saved. With the save itself (a few ms of
 * fsync) an edit is on disk well within 300 ms of the last keystroke. */
#define ICW_EDIT_COMMIT_DELAY_MS 150

typedef void (*IcwEditFlushFunc) (gpointer editor);
typedef struct _IcwEditCommitWatch IcwEditCommitWatch;

void                icw_edit_commit_schedule    (guint              *source,
                                                 GSourceFunc         func,
                                                 gpointer            data);
IcwEditCommitWatch *icw_edit_commit_watch_close (GtkWidget          *editor,
                                                 IcwEditFlushFunc    flush);
void                icw_edit_commit_watch_free  (IcwEditCommitWatch *watch);

G_END_DECLS
