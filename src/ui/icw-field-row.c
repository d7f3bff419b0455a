/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-row.c: a labelled entry whose validation message is shown as the row's subtitle, in
 * the error colour. "committed" is emitted after the shared pause (icw-edit-commit.h) since the
 * last keystroke, on Enter, when the focus leaves and when its window is asked to close, so that
 * every edit is saved as it is made without a save per keystroke; setting the text from code never
 * emits it. */
#include "config.h"

#include "icw-edit-commit.h"
#include "icw-field-row.h"
#include "icw-ui-util.h"

struct _IcwFieldRow
{
  AdwActionRow parent_instance;

  GtkEntry *entry;
  char *hint;
  IcwEditCommitWatch *close_watch;
  guint commit_source;
  gboolean pending;
  gboolean setting_text;
};

G_DEFINE_FINAL_TYPE (IcwFieldRow, icw_field_row, ADW_TYPE_ACTION_ROW)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
icw_field_row_flush (IcwFieldRow *self)
{
  g_return_if_fail (ICW_IS_FIELD_ROW (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (!self->pending)
    return;
  self->pending = FALSE;
  g_signal_emit (self, signals[COMMITTED], 0, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static gboolean
commit_timeout (gpointer data)
{
  IcwFieldRow *self = data;

  self->commit_source = 0;
  icw_field_row_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_changed (IcwFieldRow *self)
{
  if (self->setting_text)
    return;
  self->pending = TRUE;
  icw_edit_commit_schedule (&self->commit_source, commit_timeout, self);
}

static void
on_focus_leave (IcwFieldRow *self)
{
  icw_field_row_flush (self);
}

static void
icw_field_row_dispose (GObject *object)
{
  IcwFieldRow *self = ICW_FIELD_ROW (object);

  /* An edit typed just before the editor closes is still saved. */
  icw_field_row_flush (self);
  g_clear_pointer (&self->close_watch, icw_edit_commit_watch_free);
  g_clear_pointer (&self->hint, g_free);

  G_OBJECT_CLASS (icw_field_row_parent_class)->dispose (object);
}

static void
icw_field_row_class_init (IcwFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icw_field_row_dispose;

  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

/* The entry's width: ENTRY_WIDTH where the row has room, down to ENTRY_NARROWEST where it has not
 * (a 360 px window), so that a title is never cut inside a word (icw-title-box-layout.c: titles
 * wrap between words). GtkEntry's own natural width is 150 px, whatever its text; the box that
 * holds the entry (the row's suffixes) answers ENTRY_WIDTH for it instead, and gives it all its
 * width. */
#define ENTRY_WIDTH 240
#define ENTRY_NARROWEST 150

static GtkSizeRequestMode
suffixes_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
suffixes_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        int child_minimum, child_natural;

        gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
        *minimum = MAX (*minimum, child_minimum);
        *natural = MAX (*natural, child_natural);
      }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, ENTRY_WIDTH);
}

static void
suffixes_allocate (GtkWidget *widget,
                   int        width,
                   int        height,
                   int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
icw_field_row_init (IcwFieldRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Titles are plain text, and so are the messages, which may quote what the user typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->entry), ENTRY_NARROWEST, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  /* The entry is the row's one suffix: its box lays it out alone. */
  gtk_widget_set_layout_manager (gtk_widget_get_parent (GTK_WIDGET (self->entry)),
                                 gtk_custom_layout_new (suffixes_request_mode, suffixes_measure, suffixes_allocate));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  /* The row's title names the entry (its activatable widget is labelled by it: screen readers and
   * the end-to-end tests find it by the field's name; a label of its own would be said twice), and
   * the entry is the field's only Tab stop. */
  icw_ui_row_skip_tab (GTK_WIDGET (self));

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (icw_field_row_flush), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
  self->close_watch = icw_edit_commit_watch_close (GTK_WIDGET (self), (IcwEditFlushFunc) icw_field_row_flush);
}

GtkWidget *
icw_field_row_new (const char *title,
                   const char *placeholder)
{
  IcwFieldRow *self = g_object_new (ICW_TYPE_FIELD_ROW, NULL);

  /* Set once the row is built: a title given to g_object_new reaches the row's label while it
   * still takes markup, and a title such as "R&D staff" is not valid markup. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (self->entry, placeholder);
  return GTK_WIDGET (self);
}

const char *
icw_field_row_get_text (IcwFieldRow *self)
{
  g_return_val_if_fail (ICW_IS_FIELD_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

GtkEditable *
icw_field_row_get_editable (IcwFieldRow *self)
{
  g_return_val_if_fail (ICW_IS_FIELD_ROW (self), NULL);
  return GTK_EDITABLE (self->entry);
}

/* Shows a value from the record, unless the user is typing in this field. */
void
icw_field_row_set_text (IcwFieldRow *self,
                        const char  *text)
{
  g_return_if_fail (ICW_IS_FIELD_ROW (self));

  if (self->pending || g_strcmp0 (text != NULL ? text : "", icw_field_row_get_text (self)) == 0)
    return;
  self->setting_text = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  self->setting_text = FALSE;
}

/* Empties the row for another record: what it held is neither saved nor kept pending. */
void
icw_field_row_reset (IcwFieldRow *self)
{
  g_return_if_fail (ICW_IS_FIELD_ROW (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->pending = FALSE;
  self->setting_text = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->setting_text = FALSE;
  icw_field_row_set_error (self, NULL);
}

void
icw_field_row_set_hint (IcwFieldRow *self,
                        const char  *hint)
{
  g_return_if_fail (ICW_IS_FIELD_ROW (self));

  g_free (self->hint);
  self->hint = g_strdup (hint);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self), "error"))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), hint != NULL ? hint : "");
}

/* Shows the message beside the field (NULL clears it). */
void
icw_field_row_set_error (IcwFieldRow *self,
                         const char  *message)
{
  g_return_if_fail (ICW_IS_FIELD_ROW (self));

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->hint != NULL ? self->hint : "");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}
