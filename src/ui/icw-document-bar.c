/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-bar.c: the life cycle's buttons and banner over a document's editor. The transitions
 * are icw-lifecycle.h's, so the store enforces them whatever the bar shows. Before a transition the
 * bar emits "flush" (the editor saves what is still being typed); "check" asks the editor to run
 * and show the check (also when "Mark as Ready" is refused, so the user sees why); "reopened"
 * gives the new version, which the editor's page then selects. What the bar says is the kind's
 * (IcwDocumentBarTexts); the editor may add its own actions before the check button. A review
 * outcome (return, acceptance) is the reviewers' on a sync server: the bar offers it only for a
 * database used without one, as the record of a decision made on paper, which the comments then
 * say was recorded by the administrator, by whom and when (docs/sync-protocol.md). Each button
 * activates one of the bar's "editor" actions (editor.mark-ready, editor.submit, …), which the
 * window's accelerators activate too (icw-window-shortcuts.c). The buttons stand in an
 * IcwOverflowBox: on a narrow window those that do not fit go into its "More Actions" menu, and the
 * status ellipsizes. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-document-bar.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-overflow-box.h"
#include "icw-review-comments.h"
#include "icw-store-sync.h"
#include "icw-ui-util.h"

struct _IcwDocumentBar
{
  GtkBox parent_instance;

  IcwStore *store;
  IcwRecord *record;
  GPtrArray *packs;
  const IcwDocumentBarTexts *texts;
  GtkLabel *status_label;
  IcwOverflowBox *buttons;
  GtkLabel *banner;
  GtkWidget *check_button, *ready_button, *submit_button, *return_button, *accept_button, *reopen_button;
};

G_DEFINE_FINAL_TYPE (IcwDocumentBar, icw_document_bar, GTK_TYPE_BOX)

enum {
  SIGNAL_FLUSH,
  SIGNAL_CHECK,
  SIGNAL_REOPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error_dialog (IcwDocumentBar *self,
                   const char     *heading,
                   const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_check_clicked (IcwDocumentBar *self)
{
  g_signal_emit (self, signals[SIGNAL_FLUSH], 0);
  g_signal_emit (self, signals[SIGNAL_CHECK], 0);
}

static void
on_ready_clicked (IcwDocumentBar *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  g_signal_emit (self, signals[SIGNAL_FLUSH], 0);
  if (!icw_lifecycle_mark_ready (self->store, self->record, self->packs, today, &error))
    {
      g_signal_emit (self, signals[SIGNAL_CHECK], 0);
      show_error_dialog (self, _("Not Ready Yet"), error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHECK], 0);
  icw_ui_toast (GTK_WIDGET (self), _(self->texts->ready_toast));
}

static void
on_submit_response (AdwMessageDialog *dialog,
                    const char       *response,
                    IcwDocumentBar   *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit") || self->record == NULL)
    return;
  if (!icw_lifecycle_submit (self->store, self->record, &error))
    show_error_dialog (self, _("Not Submitted"), error);
  else
    icw_ui_toast (GTK_WIDGET (self), _(self->texts->submitted_toast));
}

static void
on_submit_clicked (IcwDocumentBar *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _(self->texts->submit_heading),
                                              _(self->texts->submit_body));

  g_signal_emit (self, signals[SIGNAL_FLUSH], 0);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A database that syncs, or a window signed in to a server: the outcome comes from the reviewer. */
static gboolean
review_outcome_allowed (IcwDocumentBar *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID_BASE, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *url = NULL;

  if (icw_store_syncs_with_server (self->store))
    return FALSE;
  if (schema == NULL)
    return TRUE;
  settings = g_settings_new (APPLICATION_ID_BASE);
  url = g_settings_get_string (settings, "sync-server-url");
  return *url == '\0';
}

/* The reviewer's comments of a paper decision, as one comment on the whole document that says who
 * recorded it here and when (icw-review-comments.h). */
static char *
paper_decision_comments (const char           *comments,
                         IcwApplicationStatus  outcome)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_comment_free);
  const char *who = g_strcmp0 (g_get_real_name (), "Unknown") != 0 && *g_get_real_name () != '\0'
                    ? g_get_real_name () : g_get_user_name ();
  g_autofree char *note = g_strdup_printf (_("Recorded by the administrator (%s) from the reviewing authority’s paper decision, %s."),
                                           who, when);
  g_autofree char *text = comments == NULL || *comments == '\0' ? g_steal_pointer (&note)
                                                                 : g_strdup_printf ("%s\n\n%s", comments, note);

  g_ptr_array_add (list, icw_review_comment_new (ICW_ANCHOR_DOCUMENT, NULL, text, who, at,
                                                 icw_application_status_to_key (outcome)));
  return icw_review_comments_to_text (list);
}

static void
on_return_response (AdwMessageDialog *dialog,
                    const char       *response,
                    IcwDocumentBar   *self)
{
  GtkWidget *scrolled = adw_message_dialog_get_extra_child (dialog);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
  g_autofree char *comments = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "return") || self->record == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      g_autoptr(GError) empty = g_error_new_literal (ICW_ERROR, ICW_ERROR_INVALID,
                                                     _("Reviewer's comments: say why it is returned."));

      show_error_dialog (self, _("Not Recorded"), empty);
      return;
    }
  comments = paper_decision_comments (text, ICW_APPLICATION_STATUS_RETURNED);
  if (!icw_lifecycle_return (self->store, self->record, comments, &error))
    show_error_dialog (self, _("Not Recorded"), error);
}

static void
on_return_clicked (IcwDocumentBar *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Record the Return"),
                                              _(self->texts->return_body));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reviewer comments"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "return", _("_Record Return"), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_accept_response (AdwMessageDialog *dialog,
                    const char       *response,
                    IcwDocumentBar   *self)
{
  g_autofree char *comments = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept") || self->record == NULL)
    return;
  comments = paper_decision_comments (NULL, ICW_APPLICATION_STATUS_ACCEPTED);
  if (!icw_lifecycle_accept (self->store, self->record, comments, &error))
    show_error_dialog (self, _("Not Recorded"), error);
}

/* An acceptance cannot be undone here: it is asked for. */
static void
on_accept_clicked (IcwDocumentBar *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Record the Acceptance?"),
                                              _("Record this only when the reviewing authority has accepted the document on paper. The document is then locked, and its comments say that you recorded the decision, and when."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept", _("Record _Acceptance"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_accept_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_clicked (IcwDocumentBar *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) next = icw_lifecycle_reopen (self->store, self->record, &error);

  if (next == NULL)
    {
      show_error_dialog (self, _("Not Reopened"), error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_REOPENED], 0, next);
  icw_ui_toast (GTK_WIDGET (self), _("A new version was opened for editing"));
}

/* Every comment of the version, general and anchored, as people read them (what each is about in
 * the user's language, who and when); NULL when none says anything. */
static char *
described_comments (IcwRecord *record)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) comments = NULL;

  g_object_get (record, "reviewer-comments", &text, NULL);
  comments = icw_review_comments_read (icw_record_kind_of (record), text);
  return icw_review_comments_describe (icw_record_kind_of (record), comments);
}

/* The banner over a returned document: the kind's wording with every comment, or a generic one. */
static char *
returned_banner (IcwDocumentBar *self,
                 const char     *comments)
{
  if (self->texts->returned_banner == NULL)
    return comments != NULL
           ? g_strdup_printf (_("Returned with these comments. Reopen it as a new version to change it.\n%s"), comments)
           : g_strdup (_("Returned by the reviewers. Reopen it as a new version to change it."));
  if (comments == NULL && self->texts->returned_plain_banner != NULL)
    return g_strdup (_(self->texts->returned_plain_banner));
  /* The format is the kind's, from its static table: one "%s" for the comments. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (_(self->texts->returned_banner), comments != NULL ? comments : "");
#pragma GCC diagnostic pop
}

/* A version being worked on after a review shows what was said about the version it reopens. */
static char *
earlier_banner (IcwDocumentBar *self)
{
  g_autoptr(GPtrArray) versions = NULL;
  int version = icw_lifecycle_get_version (self->record);

  if (version < 2)
    return NULL;
  versions = icw_lifecycle_versions (self->store, self->record);
  for (guint i = versions->len; i > 0; i--)
    {
      IcwRecord *earlier = versions->pdata[i - 1];
      g_autofree char *comments = NULL;

      if (icw_lifecycle_get_version (earlier) >= version)
        continue;
      comments = described_comments (earlier);
      if (comments == NULL)
        return NULL;
      return icw_lifecycle_get_status (earlier) == ICW_APPLICATION_STATUS_ACCEPTED
             ? g_strdup_printf (_("Version %d was accepted with these comments:\n%s"), icw_lifecycle_get_version (earlier), comments)
             : g_strdup_printf (_("Version %d was returned with these comments:\n%s"), icw_lifecycle_get_version (earlier), comments);
    }
  return NULL;
}

/* What the banner says for the status, or NULL when it is hidden. */
static char *
banner_text (IcwDocumentBar       *self,
             IcwApplicationStatus  status)
{
  g_autofree char *comments = NULL;

  switch (status)
    {
    case ICW_APPLICATION_STATUS_RETURNED:
      comments = described_comments (self->record);
      return returned_banner (self, comments);
    case ICW_APPLICATION_STATUS_ACCEPTED:
      comments = described_comments (self->record);
      return comments != NULL
             ? g_strdup_printf (_("Accepted with these comments. It is read-only: reopen it as a new version to change it.\n%s"), comments)
             : g_strdup (_("Accepted. It is read-only: reopen it as a new version to change it."));
    case ICW_APPLICATION_STATUS_SUBMITTED:
      return g_strdup (_(self->texts->locked_banner));
    default:
      return earlier_banner (self);
    }
}

void
icw_document_bar_update (IcwDocumentBar *self)
{
  IcwApplicationStatus status;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gboolean review;

  g_return_if_fail (ICW_IS_DOCUMENT_BAR (self));
  if (self->record == NULL || self->texts == NULL || self->store == NULL)
    return;
  status = icw_lifecycle_get_status (self->record);
  text = g_strdup_printf (_("%s · version %d"), icw_application_status_to_label (status),
                          icw_lifecycle_get_version (self->record));
  gtk_label_set_text (self->status_label, text);

  gtk_widget_set_visible (self->ready_button, status == ICW_APPLICATION_STATUS_DRAFT);
  gtk_widget_set_visible (self->submit_button, status == ICW_APPLICATION_STATUS_READY);
  review = status == ICW_APPLICATION_STATUS_SUBMITTED && review_outcome_allowed (self);
  gtk_widget_set_visible (self->return_button, review);
  gtk_widget_set_visible (self->accept_button, review);
  gtk_widget_set_visible (self->reopen_button, status == ICW_APPLICATION_STATUS_RETURNED ||
                                               status == ICW_APPLICATION_STATUS_ACCEPTED);

  message = banner_text (self, status);
  gtk_label_set_text (self->banner, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner), message != NULL);
}

const char *
icw_document_bar_get_banner (IcwDocumentBar *self)
{
  g_return_val_if_fail (ICW_IS_DOCUMENT_BAR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->banner)) ? gtk_label_get_text (self->banner) : NULL;
}

void
icw_document_bar_set_record (IcwDocumentBar *self,
                             IcwRecord      *record)
{
  g_return_if_fail (ICW_IS_DOCUMENT_BAR (self));

  if (!g_set_object (&self->record, record))
    return;
  icw_document_bar_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

gboolean
icw_document_bar_offers_review_outcome (IcwDocumentBar *self)
{
  g_return_val_if_fail (ICW_IS_DOCUMENT_BAR (self), FALSE);
  return gtk_widget_get_visible (self->accept_button);
}

void
icw_document_bar_set_packs (IcwDocumentBar *self,
                            GPtrArray      *packs)
{
  g_return_if_fail (ICW_IS_DOCUMENT_BAR (self));

  g_clear_pointer (&self->packs, g_ptr_array_unref);
  self->packs = packs != NULL ? g_ptr_array_ref (packs) : NULL;
}

void
icw_document_bar_add_action (IcwDocumentBar *self,
                             GtkWidget      *widget)
{
  g_return_if_fail (ICW_IS_DOCUMENT_BAR (self));

  icw_overflow_box_insert_after (self->buttons, widget, gtk_widget_get_prev_sibling (self->check_button));
}

void
icw_document_bar_add_end (IcwDocumentBar *self,
                          GtkWidget      *widget)
{
  g_return_if_fail (ICW_IS_DOCUMENT_BAR (self));

  icw_overflow_box_append (self->buttons, widget);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               gboolean    suggested)
{
  GtkWidget *button = icw_ui_mnemonic_button_new (label);

  /* icw_document_bar_update() shows the ones that apply. */
  gtk_widget_set_visible (button, FALSE);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* The "editor" actions, each with the button that uses it and what it does. */
static const struct {
  const char *name;
  gsize button_offset;
  void (*run) (IcwDocumentBar *self);
} editor_actions[] = {
  { "editor.check", G_STRUCT_OFFSET (IcwDocumentBar, check_button), on_check_clicked },
  { "editor.mark-ready", G_STRUCT_OFFSET (IcwDocumentBar, ready_button), on_ready_clicked },
  { "editor.submit", G_STRUCT_OFFSET (IcwDocumentBar, submit_button), on_submit_clicked },
  { "editor.record-return", G_STRUCT_OFFSET (IcwDocumentBar, return_button), on_return_clicked },
  { "editor.record-acceptance", G_STRUCT_OFFSET (IcwDocumentBar, accept_button), on_accept_clicked },
  { "editor.reopen", G_STRUCT_OFFSET (IcwDocumentBar, reopen_button), on_reopen_clicked },
};

static int
editor_action_index (const char *action_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (editor_actions); i++)
    if (g_strcmp0 (action_name, editor_actions[i].name) == 0)
      return (int) i;
  return -1;
}

gboolean
icw_document_bar_offers (IcwDocumentBar *self,
                         const char     *action_name)
{
  int i = editor_action_index (action_name);

  g_return_val_if_fail (ICW_IS_DOCUMENT_BAR (self), FALSE);

  return i >= 0 && self->record != NULL && self->store != NULL && self->texts != NULL &&
         gtk_widget_get_visible (G_STRUCT_MEMBER (GtkWidget *, self, editor_actions[i].button_offset));
}

/* An action acts only when the bar offers it (its button is shown: the status allows it), so that
 * an accelerator does no more than a click could; otherwise the bar beeps. */
static void
editor_action_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcwDocumentBar *self = ICW_DOCUMENT_BAR (widget);

  if (icw_document_bar_offers (self, action_name))
    editor_actions[editor_action_index (action_name)].run (self);
  else
    gtk_widget_error_bell (widget);
}

static void
icw_document_bar_dispose (GObject *object)
{
  IcwDocumentBar *self = ICW_DOCUMENT_BAR (object);

  g_clear_object (&self->record);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icw_document_bar_parent_class)->dispose (object);
}

static void
icw_document_bar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IcwDocumentBar *self = ICW_DOCUMENT_BAR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_document_bar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IcwDocumentBar *self = ICW_DOCUMENT_BAR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      icw_document_bar_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icw_document_bar_class_init (IcwDocumentBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icw_document_bar_dispose;
  object_class->get_property = icw_document_bar_get_property;
  object_class->set_property = icw_document_bar_set_property;

  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, ICW_TYPE_RECORD,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_FLUSH] = g_signal_new ("flush", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CHECK] = g_signal_new ("check", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REOPENED] = g_signal_new ("reopened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, ICW_TYPE_RECORD);

  for (guint i = 0; i < G_N_ELEMENTS (editor_actions); i++)
    gtk_widget_class_install_action (widget_class, editor_actions[i].name, NULL, editor_action_activated);
}

/* The buttons are made here so that the bar can stand in a template; the kind's texts and the
 * store come after (icw_document_bar_set_texts, icw_document_bar_set_store). */
static void
icw_document_bar_init (IcwDocumentBar *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = action_button ("", "editor.check", FALSE);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->check_button = check;
  gtk_widget_set_visible (check, TRUE);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_ellipsize (self->status_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "heading");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->status_label));
  self->buttons = ICW_OVERFLOW_BOX (icw_overflow_box_new ());
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->buttons));

  self->ready_button = action_button (_("Mark as _Ready"), "editor.mark-ready", TRUE);
  self->submit_button = action_button (_("_Submit…"), "editor.submit", TRUE);
  self->return_button = action_button (_("Record _Return…"), "editor.record-return", FALSE);
  self->accept_button = action_button (_("Record _Acceptance"), "editor.record-acceptance", FALSE);
  self->reopen_button = action_button (_("Reopen as _New Version"), "editor.reopen", TRUE);
  icw_overflow_box_append (self->buttons, check);
  icw_overflow_box_append (self->buttons, self->ready_button);
  icw_overflow_box_append (self->buttons, self->submit_button);
  icw_overflow_box_append (self->buttons, self->return_button);
  icw_overflow_box_append (self->buttons, self->accept_button);
  icw_overflow_box_append (self->buttons, self->reopen_button);

  self->banner = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->banner, TRUE);
  gtk_label_set_xalign (self->banner, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->banner), "banner");
  gtk_widget_set_visible (GTK_WIDGET (self->banner), FALSE);

  gtk_box_append (GTK_BOX (self), bar);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->banner));
}

void
icw_document_bar_set_store (IcwDocumentBar *self,
                            IcwStore       *store)
{
  g_return_if_fail (ICW_IS_DOCUMENT_BAR (self));

  g_set_object (&self->store, store);
}

void
icw_document_bar_set_texts (IcwDocumentBar            *self,
                            const IcwDocumentBarTexts *texts)
{
  g_return_if_fail (ICW_IS_DOCUMENT_BAR (self));

  self->texts = texts;
  icw_ui_button_set_label (GTK_BUTTON (self->check_button), _(texts->check_label));
  icw_document_bar_update (self);
}

GtkWidget *
icw_document_bar_new (IcwStore                  *store,
                      const IcwDocumentBarTexts *texts)
{
  IcwDocumentBar *self = g_object_new (ICW_TYPE_DOCUMENT_BAR, NULL);

  icw_document_bar_set_store (self, store);
  icw_document_bar_set_texts (self, texts);
  return GTK_WIDGET (self);
}
