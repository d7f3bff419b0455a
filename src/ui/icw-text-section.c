/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-text-section.c: a narrative section. Paragraphs are separated by blank lines and list items
 * start with "- ", as the sections of real plans are written; the count follows the rule packs'
 * (each Chinese character is a word, as is each run of Latin letters or digits). Like IcwFieldRow
 * it emits "committed" after the shared pause (icw-edit-commit.h), when the focus leaves, when its
 * window is asked to close and when it is disposed. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-sections.h"
#include "icw-edit-commit.h"
#include "icw-text-section.h"

struct _IcwTextSection
{
  GtkBox parent_instance;

  GtkTextView *view;
  GtkLabel *count_label;
  GtkLabel *error_label;
  IcwEditCommitWatch *close_watch;
  guint commit_source;
  gboolean pending;
  gboolean setting_text;
};

G_DEFINE_FINAL_TYPE (IcwTextSection, icw_text_section, GTK_TYPE_BOX)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
icw_text_section_get_text (IcwTextSection *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_count (IcwTextSection *self)
{
  g_autofree char *text = icw_text_section_get_text (self);
  guint words = icw_text_count_words (text);
  g_autofree char *label = g_strdup_printf (ngettext ("%u word", "%u words", words), words);

  gtk_label_set_text (self->count_label, label);
}

void
icw_text_section_flush (IcwTextSection *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ICW_IS_TEXT_SECTION (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (!self->pending)
    return;
  self->pending = FALSE;
  text = icw_text_section_get_text (self);
  g_signal_emit (self, signals[COMMITTED], 0, text);
}

static gboolean
commit_timeout (gpointer data)
{
  IcwTextSection *self = data;

  self->commit_source = 0;
  icw_text_section_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (IcwTextSection *self)
{
  update_count (self);
  if (self->setting_text)
    return;
  self->pending = TRUE;
  icw_edit_commit_schedule (&self->commit_source, commit_timeout, self);
}

void
icw_text_section_set_text (IcwTextSection *self,
                           const char     *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (ICW_IS_TEXT_SECTION (self));

  current = icw_text_section_get_text (self);
  if (self->pending || g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;
  self->setting_text = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
  self->setting_text = FALSE;
}

void
icw_text_section_focus (IcwTextSection *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Read-only text stays selectable and scrollable, unlike an insensitive widget. */
void
icw_text_section_set_editable (IcwTextSection *self,
                               gboolean        editable)
{
  gtk_text_view_set_editable (self->view, editable);
  gtk_text_view_set_cursor_visible (self->view, editable);
}

void
icw_text_section_set_error (IcwTextSection *self,
                            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
icw_text_section_dispose (GObject *object)
{
  IcwTextSection *self = ICW_TEXT_SECTION (object);

  icw_text_section_flush (self);
  g_clear_pointer (&self->close_watch, icw_edit_commit_watch_free);
  G_OBJECT_CLASS (icw_text_section_parent_class)->dispose (object);
}

static void
icw_text_section_class_init (IcwTextSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_text_section_dispose;

  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
icw_text_section_init (IcwTextSection *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->view, 12);
  gtk_text_view_set_bottom_margin (self->view, 12);
  gtk_text_view_set_left_margin (self->view, 12);
  gtk_text_view_set_right_margin (self->view, 12);
  gtk_text_view_set_pixels_below_lines (self->view, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (self), frame);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->count_label));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (icw_text_section_flush), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);
  self->close_watch = icw_edit_commit_watch_close (GTK_WIDGET (self), (IcwEditFlushFunc) icw_text_section_flush);
  update_count (self);
}

GtkWidget *
icw_text_section_new (const char *title,
                      const char *hint)
{
  IcwTextSection *self = g_object_new (ICW_TYPE_TEXT_SECTION, NULL);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_prepend (GTK_BOX (self), heading);
  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_widget_insert_after (hint_label, GTK_WIDGET (self), heading);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}
