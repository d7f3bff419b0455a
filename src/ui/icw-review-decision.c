/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-decision.c: the dialogs of the reviewer's Return and Accept. Each is a question with
 * a comment box; Return also offers what the comment is about (the whole document or one of the
 * kind's sections, by key: icw-review-comments.h; the section the reviewer is reading, when the
 * caller names it) and its button stays off while the comment is empty, with a line saying why. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-lifecycle.h"
#include "icw-review-comments.h"
#include "icw-review-decision.h"
#include "icw-ui-util.h"

typedef struct {
  GtkWidget *from;
  IcwStore *store;
  IcwRecord *document;
  gboolean accept;
  IcwReviewDecisionDone done;
  GtkTextView *view;
  GtkDropDown *anchor;   /* Return only */
  GtkLabel *problem;
  AdwMessageDialog *dialog;
} Decision;

static void
decision_free (gpointer data)
{
  Decision *decision = data;

  g_object_unref (decision->from);
  g_object_unref (decision->store);
  g_object_unref (decision->document);
  g_free (decision);
}

char *
icw_review_decision_comments (IcwRecordKind         kind,
                              const char           *section,
                              const char           *text,
                              IcwApplicationStatus  outcome)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *who = g_strcmp0 (g_get_real_name (), "Unknown") != 0 && *g_get_real_name () != '\0'
                    ? g_get_real_name () : g_get_user_name ();

  if (text == NULL || *text == '\0')
    return NULL;
  g_ptr_array_add (list, icw_review_comment_new (section != NULL ? ICW_ANCHOR_SECTION : ICW_ANCHOR_DOCUMENT,
                                                 section, text, who, at,
                                                 icw_application_status_to_key (outcome)));
  return icw_review_comments_to_text (list);
}

/* The section the dropdown names, or NULL for the whole document (its first item). */
static const char *
chosen_section (Decision *decision)
{
  const char * const *keys = icw_review_section_keys (icw_record_kind_of (decision->document));
  guint at;

  if (decision->anchor == NULL)
    return NULL;
  at = gtk_drop_down_get_selected (decision->anchor);
  return at == 0 || at == GTK_INVALID_LIST_POSITION ? NULL : keys[at - 1];
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Decision         *decision)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (decision->view);
  g_autofree char *text = NULL;
  g_autofree char *comments = NULL;
  g_autoptr(GError) error = NULL;
  IcwApplicationStatus outcome = decision->accept ? ICW_APPLICATION_STATUS_ACCEPTED : ICW_APPLICATION_STATUS_RETURNED;
  GtkTextIter start, end;
  gboolean done;

  if (!g_str_equal (response, "decide"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  comments = icw_review_decision_comments (icw_record_kind_of (decision->document), chosen_section (decision),
                                           text, outcome);
  if (!decision->accept && comments == NULL)
    return;
  done = decision->accept ? icw_lifecycle_accept (decision->store, decision->document, comments, &error)
                          : icw_lifecycle_return (decision->store, decision->document, comments, &error);
  if (!done)
    {
      icw_ui_report_error (decision->from, error);
      return;
    }
  icw_ui_toast (decision->from, decision->accept ? _("Accepted: it goes to the center with the next sync")
                                                 : _("Returned: it goes to the center with the next sync"));
  if (decision->done != NULL)
    decision->done (decision->from);
}

/* A return needs a comment that says something. */
static void
on_text_changed (GtkTextBuffer *buffer,
                 Decision      *decision)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gboolean empty;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  empty = *text == '\0';
  adw_message_dialog_set_response_enabled (decision->dialog, "decide", !empty);
  gtk_widget_set_visible (GTK_WIDGET (decision->problem), empty);
}

GtkWidget *
icw_review_decision_ask (GtkWidget             *from,
                         IcwStore              *store,
                         IcwRecord             *document,
                         gboolean               accept,
                         IcwReviewDecisionDone  done)
{
  return icw_review_decision_ask_about (from, store, document, accept, NULL, done);
}

GtkWidget *
icw_review_decision_ask_about (GtkWidget             *from,
                               IcwStore              *store,
                               IcwRecord             *document,
                               gboolean               accept,
                               const char            *section,
                               IcwReviewDecisionDone  done)
{
  Decision *decision = g_new0 (Decision, 1);
  IcwRecordKind kind = icw_record_kind_of (document);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *problem = gtk_label_new (NULL);

  decision->from = g_object_ref (from);
  decision->store = g_object_ref (store);
  decision->document = g_object_ref (document);
  decision->accept = accept;
  decision->done = done;
  decision->view = GTK_TEXT_VIEW (view);
  decision->problem = GTK_LABEL (problem);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (from)),
                                   accept ? _("Accept the Document?") : _("Return the Document?"),
                                   accept ? _("The center is told that the document is accepted. It is then locked. A comment is optional.")
                                          : _("The center is told to change the document and submit it again. Say what to change; a comment may be about one section."));
  if (!accept)
    {
      const char * const *keys = icw_review_section_keys (kind);
      g_autoptr(GtkStringList) anchors = gtk_string_list_new (NULL);
      GtkWidget *anchor;

      gtk_string_list_append (anchors, icw_review_anchor_title (kind, ICW_ANCHOR_DOCUMENT, NULL));
      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        gtk_string_list_append (anchors, icw_review_anchor_title (kind, ICW_ANCHOR_SECTION, keys[i]));
      anchor = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&anchors)), NULL);
      for (guint i = 0; section != NULL && keys != NULL && keys[i] != NULL; i++)
        if (g_str_equal (keys[i], section))
          gtk_drop_down_set_selected (GTK_DROP_DOWN (anchor), i + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (anchor), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The comment is about"), -1);
      decision->anchor = GTK_DROP_DOWN (anchor);
      gtk_box_append (GTK_BOX (box), anchor);
    }
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_label_set_text (GTK_LABEL (problem), _("Comment: say what the center should change before it submits again."));
  gtk_widget_add_css_class (problem, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_set_visible (problem, !accept);
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "decide", accept ? _("_Accept") : _("_Return"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decide",
                                              accept ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  decision->dialog = ADW_MESSAGE_DIALOG (dialog);
  if (!accept)
    {
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide", FALSE);
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (on_text_changed), decision);
    }
  /* The decision lives as long as the dialog's response handler. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), decision, (GClosureNotify) G_CALLBACK (decision_free), 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
