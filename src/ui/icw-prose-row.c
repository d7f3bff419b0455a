/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-prose-row.c: a form row for prose: the field's name, under it a text area that wraps and
 * grows with its text (never cut: a single-line entry shows the start of a long text and nothing
 * to say there is more), and the validation message in the error colour. "committed" is emitted
 * after the shared pause (icw-edit-commit.h) since the last keystroke, when the focus leaves, when
 * its window is asked to close and when it is disposed; setting the text from code never emits
 * it. Enter starts a new line, as in any text area. */
#include "config.h"

#include "icw-edit-commit.h"
#include "icw-prose-row.h"

struct _IcwProseRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel *title;
  GtkTextView *view;
  GtkLabel *error_label;
  IcwEditCommitWatch *close_watch;
  guint commit_source;
  gboolean pending;
  gboolean setting_text;
};

G_DEFINE_FINAL_TYPE (IcwProseRow, icw_prose_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
icw_prose_row_get_text (IcwProseRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ICW_IS_PROSE_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GtkTextView *
icw_prose_row_get_view (IcwProseRow *self)
{
  g_return_val_if_fail (ICW_IS_PROSE_ROW (self), NULL);
  return self->view;
}

void
icw_prose_row_flush (IcwProseRow *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ICW_IS_PROSE_ROW (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (!self->pending)
    return;
  self->pending = FALSE;
  text = icw_prose_row_get_text (self);
  g_signal_emit (self, signals[COMMITTED], 0, text);
}

static gboolean
commit_timeout (gpointer data)
{
  IcwProseRow *self = data;

  self->commit_source = 0;
  icw_prose_row_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (IcwProseRow *self)
{
  if (self->setting_text)
    return;
  self->pending = TRUE;
  icw_edit_commit_schedule (&self->commit_source, commit_timeout, self);
}

static void
set_buffer_text (IcwProseRow *self,
                 const char  *text)
{
  self->setting_text = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
  self->setting_text = FALSE;
}

void
icw_prose_row_set_text (IcwProseRow *self,
                        const char  *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (ICW_IS_PROSE_ROW (self));

  current = icw_prose_row_get_text (self);
  if (self->pending || g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;
  set_buffer_text (self, text);
}

void
icw_prose_row_reset (IcwProseRow *self)
{
  g_return_if_fail (ICW_IS_PROSE_ROW (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->pending = FALSE;
  set_buffer_text (self, "");
  icw_prose_row_set_error (self, NULL);
}

void
icw_prose_row_set_error (IcwProseRow *self,
                         const char  *message)
{
  g_return_if_fail (ICW_IS_PROSE_ROW (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* The row is not a stop of its own: focus goes to its text. */
static gboolean
icw_prose_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ICW_PROSE_ROW (widget)->view));
}

static void
on_title_changed (IcwProseRow *self,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
icw_prose_row_dispose (GObject *object)
{
  IcwProseRow *self = ICW_PROSE_ROW (object);

  /* An edit typed just before the editor closes is still saved. */
  icw_prose_row_flush (self);
  g_clear_pointer (&self->close_watch, icw_edit_commit_watch_free);
  G_OBJECT_CLASS (icw_prose_row_parent_class)->dispose (object);
}

static void
icw_prose_row_class_init (IcwProseRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_prose_row_dispose;
  GTK_WIDGET_CLASS (klass)->grab_focus = icw_prose_row_grab_focus;

  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
icw_prose_row_init (IcwProseRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title");

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_top_margin (self->view, 8);
  gtk_text_view_set_bottom_margin (self->view, 8);
  gtk_text_view_set_left_margin (self->view, 8);
  gtk_text_view_set_right_margin (self->view, 8);
  /* Room for three lines when empty; it grows with the text (no scrolling of its own). */
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 72);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (icw_prose_row_flush), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);
  self->close_watch = icw_edit_commit_watch_close (GTK_WIDGET (self), (IcwEditFlushFunc) icw_prose_row_flush);
}

GtkWidget *
icw_prose_row_new (const char *title)
{
  IcwProseRow *self = g_object_new (ICW_TYPE_PROSE_ROW, NULL);

  /* Set once the row is built, as IcwFieldRow's: a title is plain text, never markup. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  return GTK_WIDGET (self);
}
