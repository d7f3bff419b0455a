/* icw-agreement-editor.c: the agreement editor, built like the application editor: on the left
 * the pages, each with a badge from the last check; in the middle the page being edited; under it
 * the check panel, whose findings open their page and focus their field; above them the status
 * and version with the actions of the life cycle (icw-lifecycle.h) and the guided start. Every
 * edit is saved as it is made; a submitted, returned or accepted agreement is read-only (the
 * store refuses changes to it anyway) and a banner says so. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-background-group.h"
#include "icw-agreement-editor.h"
#include "icw-agreement-guide-dialog.h"
#include "icw-agreement-pages.h"
#include "icw-agreement-parties-group.h"
#include "icw-agreement-results-group.h"
#include "icw-check-panel.h"
#include "icw-print.h"
#include "icw-field-row.h"
#include "icw-finding.h"
#include "icw-ip-agreement-check.h"
#include "icw-lifecycle.h"
#include "icw-record-form.h"
#include "icw-register-page.h"
#include "icw-rule-pack.h"
#include "icw-text-section.h"
#include "icw-ui-util.h"

typedef struct {
  const char *key;
  const char *title;
} Section;

static const Section sections[] = {
  { "parties", N_("Parties and Shares") },
  { "background-ip", N_("Background IP") },
  { "results", N_("Results and Access") },
  { "terms", N_("Terms") },
  { "special-clauses", N_("Special Clauses") },
  { "text", N_("Agreement Text") },
};

struct _IcwAgreementEditor
{
  AdwBin parent_instance;

  IcwStore *store;
  GtkWidget *print_button;
  IcwMoneyUnit money_unit;
  IcwIpAgreement *agreement;
  IcwRecordForm *form;
  GPtrArray *packs;
  GPtrArray *findings;

  GtkListBox *section_list;
  GtkStack *pages;
  GHashTable *page_widgets;      /* section key → the widget that edits it */
  GtkRevealer *check_revealer;
  IcwCheckPanel *check_panel;
  GtkLabel *status_label;
  GtkLabel *banner;
  GtkWidget *title_row;
  GtkWidget *guide_button, *ready_button, *submit_button, *return_button, *accept_button, *reopen_button;
};

G_DEFINE_FINAL_TYPE (IcwAgreementEditor, icw_agreement_editor, ADW_TYPE_BIN)

#define PAGE(self, key) ((GtkWidget *) g_hash_table_lookup ((self)->page_widgets, (key)))

/* The page a finding's field belongs to: "parties/2/share-bp" is on the parties page,
 * "parties/2/background-ip/0/number" on the background IP page, "ownership" with the results. */
static const char *
field_section (const char *field)
{
  static const char *const results_fields[] = { "results", "ownership", "project-access", "exploitation-access", NULL };
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 4);

  if (parts[0] == NULL || g_str_equal (parts[0], "title") || g_str_equal (parts[0], "effective-date") ||
      g_str_equal (parts[0], "shares"))
    return "parties";
  if (g_str_equal (parts[0], "parties"))
    return parts[1] != NULL && g_strcmp0 (parts[2], "background-ip") == 0 ? "background-ip" : "parties";
  if (g_strv_contains (results_fields, parts[0]))
    return "results";
  if (g_str_equal (parts[0], "special-clauses"))
    return "special-clauses";
  return "terms";
}

gboolean
icw_agreement_editor_is_editable (IcwAgreementEditor *self)
{
  return self->agreement != NULL && icw_lifecycle_is_editable (ICW_RECORD (self->agreement));
}

/* Badges */

static void
update_badges (IcwAgreementEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->section_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *key = g_object_get_data (G_OBJECT (row), "key");
      GtkLabel *badge = g_object_get_data (G_OBJECT (row), "badge");
      guint errors = 0, warnings = 0;
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;

      for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
        {
          IcwFinding *finding = g_ptr_array_index (self->findings, i);

          if (!g_str_equal (field_section (icw_finding_get_field (finding)), key))
            continue;
          if (icw_finding_get_severity (finding) == ICW_SEVERITY_ERROR)
            errors++;
          else
            warnings++;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (badge), "warning");
      if (errors > 0)
        {
          text = g_strdup_printf ("%u", errors + warnings);
          accessible = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
          gtk_widget_add_css_class (GTK_WIDGET (badge), "error");
        }
      else if (warnings > 0)
        {
          text = g_strdup_printf ("%u", warnings);
          accessible = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
          gtk_widget_add_css_class (GTK_WIDGET (badge), "warning");
        }
      gtk_label_set_text (badge, text != NULL ? text : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible != NULL ? accessible : "", -1);
    }
}

/* The check */

static void
flush (IcwAgreementEditor *self)
{
  icw_record_form_flush (self->form);
  icw_agreement_parties_group_flush (ICW_AGREEMENT_PARTIES_GROUP (PAGE (self, "parties")));
  icw_text_section_flush (ICW_TEXT_SECTION (PAGE (self, "special-clauses")));
}

void
icw_agreement_editor_run_check (IcwAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  GPtrArray *findings;

  if (self->agreement == NULL)
    return;
  flush (self);
  findings = icw_ip_agreement_check (self->store, self->agreement, self->packs, today, &error);
  if (findings == NULL)
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  icw_check_panel_set_findings (self->check_panel, findings);
  gtk_revealer_set_reveal_child (self->check_revealer, TRUE);
  update_badges (self);
}

/* Navigation to a field */

static void
select_section (IcwAgreementEditor *self,
                const char         *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].key, key))
      gtk_list_box_select_row (self->section_list, gtk_list_box_get_row_at_index (self->section_list, i));
}

/* A party in a field is its position among the parties or its ID. */
static gboolean
party_index (IcwAgreementEditor *self,
             const char         *part,
             guint              *index)
{
  g_autoptr(GPtrArray) parties = NULL;
  guint64 number;

  if (part == NULL)
    return FALSE;
  if (g_ascii_string_to_unsigned (part, 10, 0, G_MAXUINT, &number, NULL))
    {
      *index = number;
      return TRUE;
    }
  parties = icw_ip_agreement_list_parties (self->store, self->agreement);
  for (guint i = 0; i < parties->len; i++)
    if (g_str_equal (icw_record_get_id (g_ptr_array_index (parties, i)), part))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* The check names some fields by what they are about rather than by property. */
static const char *
field_property (const char *name)
{
  static const char *const aliases[][2] = {
    { "signature", "signed" },
    { "share", "share-bp" },
    { "patent-cost-party", "patent-cost-party-id" },
    { "term", "term-start" },
    { "dispute", "dispute-body" },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (name, aliases[i][0]))
      return aliases[i][1];
  return name;
}

gboolean
icw_agreement_editor_show_field (IcwAgreementEditor *self,
                                 const char         *field)
{
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 6);
  const char *key = field_section (field);
  GtkWidget *widget = PAGE (self, key);
  guint index = 0;
  guint64 item = 0;

  if (self->agreement == NULL || parts[0] == NULL)
    return FALSE;
  select_section (self, key);
  if (g_str_equal (parts[0], "shares"))
    icw_agreement_parties_group_focus (ICW_AGREEMENT_PARTIES_GROUP (widget), 0, "share-bp");
  else if (g_str_equal (key, "parties") && g_str_equal (parts[0], "parties"))
    {
      /* "parties/<id>" alone opens the party's details. */
      const char *property = parts[1] != NULL ? (parts[2] != NULL ? field_property (parts[2]) : "contribution-fen") : NULL;

      if (!party_index (self, parts[1], &index) ||
          !icw_agreement_parties_group_focus (ICW_AGREEMENT_PARTIES_GROUP (widget), index, property))
        gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
    }
  else if (g_str_equal (key, "parties"))
    gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (g_str_equal (parts[0], "title")
                                                                                   ? self->title_row
                                                                                   : g_object_get_data (G_OBJECT (self->title_row), "effective-date")))));
  else if (g_str_equal (key, "background-ip"))
    {
      if (party_index (self, parts[1], &index))
        {
          if (parts[3] != NULL)
            g_ascii_string_to_unsigned (parts[3], 10, 0, G_MAXUINT, &item, NULL);
          icw_agreement_background_group_focus (ICW_AGREEMENT_BACKGROUND_GROUP (widget), index, item,
                                                parts[3] != NULL ? parts[4] : NULL);
        }
    }
  else if (g_str_equal (key, "results") && g_str_equal (parts[0], "results") && parts[1] != NULL &&
           g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &item, NULL))
    icw_agreement_results_group_focus (g_object_get_data (G_OBJECT (widget), "results"), item, parts[2]);
  else if (g_str_equal (key, "special-clauses"))
    icw_text_section_focus (ICW_TEXT_SECTION (widget));
  else if (!icw_agreement_page_focus (widget, field_property (parts[0])))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
on_activate_field (IcwAgreementEditor *self,
                   const char         *field)
{
  icw_agreement_editor_show_field (self, field);
}

/* The life cycle */

static void
show_error_dialog (IcwAgreementEditor *self,
                   const char         *heading,
                   const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_ready_clicked (IcwAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  flush (self);
  if (!icw_lifecycle_mark_ready (self->store, ICW_RECORD (self->agreement), self->packs, today, &error))
    {
      icw_agreement_editor_run_check (self);
      show_error_dialog (self, _("Not Ready Yet"), error);
      return;
    }
  icw_agreement_editor_run_check (self);
  icw_ui_toast (GTK_WIDGET (self), _("The agreement is ready to submit"));
}

static void
on_submit_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    IcwAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit"))
    return;
  if (!icw_lifecycle_submit (self->store, ICW_RECORD (self->agreement), &error))
    show_error_dialog (self, _("Not Submitted"), error);
  else
    icw_ui_toast (GTK_WIDGET (self), _("Submitted: the agreement is now read-only"));
}

static void
on_submit_clicked (IcwAgreementEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Submit the Agreement?"),
                                              _("A submitted agreement cannot be changed. If it is returned, you can reopen it as a new version."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_return_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    IcwAgreementEditor *self)
{
  GtkWidget *scrolled = adw_message_dialog_get_extra_child (dialog);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
  g_autofree char *comments = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "return"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  comments = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!icw_lifecycle_return (self->store, ICW_RECORD (self->agreement), comments, &error))
    show_error_dialog (self, _("Not Recorded"), error);
}

static void
on_return_clicked (IcwAgreementEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Record the Return"),
                                              _("Enter the comments sent back with the returned agreement."));
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
on_accept_clicked (IcwAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!icw_lifecycle_accept (self->store, ICW_RECORD (self->agreement), NULL, &error))
    show_error_dialog (self, _("Not Recorded"), error);
}

static void
on_reopen_clicked (IcwAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) next = icw_lifecycle_reopen (self->store, ICW_RECORD (self->agreement), &error);
  GtkWidget *page;

  if (next == NULL)
    {
      show_error_dialog (self, _("Not Reopened"), error);
      return;
    }
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), ICW_TYPE_REGISTER_PAGE);
  if (page != NULL)
    icw_register_page_select (ICW_REGISTER_PAGE (page), next);
  icw_ui_toast (GTK_WIDGET (self), _("A new version was opened for editing"));
}

static void
on_guide_clicked (IcwAgreementEditor *self)
{
  if (self->agreement != NULL)
    icw_agreement_guide_dialog_present (GTK_WIDGET (self), self->store, self->agreement);
}

/* The preferences groups under a widget follow the lock; the pages themselves stay scrollable. */
static void
set_groups_sensitive (GtkWidget *widget,
                      gboolean   sensitive)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      gtk_widget_set_sensitive (widget, sensitive);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_groups_sensitive (child, sensitive);
}

static void
update_status (IcwAgreementEditor *self)
{
  IcwApplicationStatus status;
  g_autofree char *text = NULL;
  gboolean editable;

  if (self->agreement == NULL)
    return;
  status = icw_lifecycle_get_status (ICW_RECORD (self->agreement));
  editable = icw_lifecycle_is_editable (ICW_RECORD (self->agreement));
  text = g_strdup_printf (_("%s · version %d"), icw_application_status_to_label (status),
                          icw_lifecycle_get_version (ICW_RECORD (self->agreement)));
  gtk_label_set_text (self->status_label, text);

  gtk_widget_set_visible (self->ready_button, status == ICW_APPLICATION_STATUS_DRAFT);
  gtk_widget_set_visible (self->submit_button, status == ICW_APPLICATION_STATUS_READY);
  gtk_widget_set_visible (self->return_button, status == ICW_APPLICATION_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->accept_button, status == ICW_APPLICATION_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->reopen_button, status == ICW_APPLICATION_STATUS_RETURNED ||
                                               status == ICW_APPLICATION_STATUS_ACCEPTED);
  gtk_widget_set_sensitive (self->guide_button, editable);

  set_groups_sensitive (gtk_widget_get_parent (self->title_row), editable);
  set_groups_sensitive (PAGE (self, "results"), editable);
  set_groups_sensitive (PAGE (self, "terms"), editable);
  icw_agreement_parties_group_set_editable (ICW_AGREEMENT_PARTIES_GROUP (PAGE (self, "parties")), editable);
  icw_agreement_background_group_set_editable (ICW_AGREEMENT_BACKGROUND_GROUP (PAGE (self, "background-ip")), editable);
  icw_text_section_set_editable (ICW_TEXT_SECTION (PAGE (self, "special-clauses")), editable);

  if (!editable)
    gtk_label_set_text (self->banner, status == ICW_APPLICATION_STATUS_RETURNED
                                      ? _("This agreement was returned and is read-only: reopen it as a new version to change it.")
                                      : _("This agreement has been submitted and is read-only. If it is returned, reopen it as a new version to change it."));
  gtk_widget_set_visible (GTK_WIDGET (self->banner), !editable);
  if (status == ICW_APPLICATION_STATUS_RETURNED && icw_ip_agreement_get_reviewer_comments (self->agreement) != NULL)
    {
      g_autofree char *comments = g_strdup_printf (_("Returned with these comments: %s"),
                                                   icw_ip_agreement_get_reviewer_comments (self->agreement));
      gtk_label_set_text (self->banner, comments);
    }
}

static void
refresh_text_if_shown (IcwAgreementEditor *self)
{
  if (self->agreement != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "text") == 0)
    icw_agreement_text_page_show (PAGE (self, "text"), self->agreement);
}

static void
on_agreement_notify (IcwAgreementEditor *self,
                     GParamSpec         *pspec)
{
  if (g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "version") ||
      g_str_equal (pspec->name, "reviewer-comments"))
    update_status (self);
  else if (g_str_equal (pspec->name, "special-clauses"))
    icw_text_section_set_text (ICW_TEXT_SECTION (PAGE (self, "special-clauses")),
                               icw_ip_agreement_get_special_clauses (self->agreement));
  else if (g_str_equal (pspec->name, "patent-costs") || g_str_equal (pspec->name, "patent-cost-party-id"))
    icw_agreement_terms_page_show (PAGE (self, "terms"), self->agreement);
  refresh_text_if_shown (self);
}

void
icw_agreement_editor_set_agreement (IcwAgreementEditor *self,
                                    IcwRecord          *agreement)
{
  g_return_if_fail (ICW_IS_AGREEMENT_EDITOR (self));

  if ((IcwRecord *) self->agreement == agreement)
    return;
  flush (self);
  if (self->agreement != NULL)
    g_signal_handlers_disconnect_by_data (self->agreement, self);
  g_set_object (&self->agreement, (IcwIpAgreement *) agreement);
  icw_print_menu_button_set_record (self->print_button, self->store, agreement);
  icw_record_form_set_record (self->form, agreement);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  icw_check_panel_set_findings (self->check_panel, NULL);
  gtk_revealer_set_reveal_child (self->check_revealer, FALSE);
  icw_agreement_parties_group_set_agreement (ICW_AGREEMENT_PARTIES_GROUP (PAGE (self, "parties")), self->agreement);
  icw_agreement_background_group_set_agreement (ICW_AGREEMENT_BACKGROUND_GROUP (PAGE (self, "background-ip")), self->agreement);
  icw_agreement_results_group_set_agreement (g_object_get_data (G_OBJECT (PAGE (self, "results")), "results"), self->agreement);
  if (self->agreement == NULL)
    return;

  icw_text_section_set_text (ICW_TEXT_SECTION (PAGE (self, "special-clauses")),
                             icw_ip_agreement_get_special_clauses (self->agreement));
  icw_agreement_terms_page_show (PAGE (self, "terms"), self->agreement);
  g_signal_connect_swapped (self->agreement, "notify", G_CALLBACK (on_agreement_notify), self);
  update_status (self);
  update_badges (self);
  select_section (self, "parties");
}

void
icw_agreement_editor_focus_title (IcwAgreementEditor *self)
{
  select_section (self, "parties");
  gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (self->title_row))));
}

GtkWidget *
icw_agreement_editor_get_page (IcwAgreementEditor *self,
                               const char         *key)
{
  return PAGE (self, key);
}

const char *
icw_agreement_editor_get_visible_page (IcwAgreementEditor *self)
{
  return gtk_stack_get_visible_child_name (self->pages);
}

static void
on_section_selected (IcwAgreementEditor *self,
                     GtkListBoxRow      *row)
{
  if (row == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, g_object_get_data (G_OBJECT (row), "key"));
  refresh_text_if_shown (self);
}

/* Building */

static GtkWidget *
section_row (const Section *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_(section->title));
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (badge, "badge");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title), -1);
  g_object_set_data (G_OBJECT (row), "key", (gpointer) section->key);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  return row;
}

static GtkWidget *
action_button (IcwAgreementEditor *self,
               const char         *label,
               GCallback           callback,
               gboolean            suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_visible (button, FALSE);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_bar (IcwAgreementEditor *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = action_button (self, _("_Check Agreement"), G_CALLBACK (icw_agreement_editor_run_check), FALSE);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "heading");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->status_label));

  self->guide_button = action_button (self, _("_Guided Start…"), G_CALLBACK (on_guide_clicked), FALSE);
  gtk_widget_set_visible (self->guide_button, TRUE);
  gtk_widget_set_visible (check, TRUE);
  self->ready_button = action_button (self, _("Mark as _Ready"), G_CALLBACK (on_ready_clicked), TRUE);
  self->submit_button = action_button (self, _("_Submit…"), G_CALLBACK (on_submit_clicked), TRUE);
  self->return_button = action_button (self, _("Record _Return…"), G_CALLBACK (on_return_clicked), FALSE);
  self->accept_button = action_button (self, _("Record _Acceptance"), G_CALLBACK (on_accept_clicked), FALSE);
  self->reopen_button = action_button (self, _("Reopen as _New Version"), G_CALLBACK (on_reopen_clicked), TRUE);
  gtk_box_append (GTK_BOX (bar), self->guide_button);
  gtk_box_append (GTK_BOX (bar), check);
  gtk_box_append (GTK_BOX (bar), self->ready_button);
  gtk_box_append (GTK_BOX (bar), self->submit_button);
  gtk_box_append (GTK_BOX (bar), self->return_button);
  gtk_box_append (GTK_BOX (bar), self->accept_button);
  gtk_box_append (GTK_BOX (bar), self->reopen_button);
  self->print_button = icw_print_menu_button_new (GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (bar), self->print_button);
  return bar;
}

static void
on_close_check (IcwAgreementEditor *self)
{
  gtk_revealer_set_reveal_child (self->check_revealer, FALSE);
}

static GtkWidget *
build_check_panel (IcwAgreementEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *close = icw_ui_icon_button ("window-close-symbolic", _("Close the check results"));

  self->check_panel = ICW_CHECK_PANEL (icw_check_panel_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->check_panel), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->check_panel), -1, 240);
  g_signal_connect_swapped (self->check_panel, "activate-field", G_CALLBACK (on_activate_field), self);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (on_close_check), self);
  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_set_margin_top (close, 6);
  gtk_widget_set_margin_end (close, 6);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->check_panel));
  gtk_box_append (GTK_BOX (inner), close);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), inner);
  self->check_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->check_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (self->check_revealer, box);
  return GTK_WIDGET (self->check_revealer);
}

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  gtk_widget_set_margin_top (child, 24);
  gtk_widget_set_margin_bottom (child, 24);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}

static void
on_clauses_committed (IcwTextSection     *section,
                      const char         *text,
                      IcwAgreementEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->agreement == NULL)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  icw_text_section_set_error (section, icw_record_form_commit (self->form, "special-clauses", &value, &error)
                                       ? NULL : error->message);
}

static void
add_page (IcwAgreementEditor *self,
          const char         *key,
          GtkWidget          *widget,
          GtkWidget          *shown)
{
  g_hash_table_insert (self->page_widgets, (gpointer) key, widget);
  gtk_stack_add_named (self->pages, shown, key);
}

static void
build_pages (IcwAgreementEditor *self)
{
  GtkWidget *general = icw_ui_group_new (_("Agreement"), NULL);
  GtkWidget *parties_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *parties = icw_agreement_parties_group_new (self->store, self->money_unit);
  GtkWidget *background = icw_agreement_background_group_new (self->store);
  GtkWidget *results_group = NULL;
  GtkWidget *results = icw_agreement_results_page_new (self->form, self->store, &results_group);
  GtkWidget *terms = icw_agreement_terms_page_new (self->form, self->store);
  GtkWidget *clauses = icw_text_section_new (_("Special Clauses"),
                                             _("Clauses of the parties' own, added to the agreement's text as they are written here, after the standard clauses."));
  GtkWidget *text = icw_agreement_text_page_new (self->store);
  GtkWidget *effective;

  self->title_row = icw_record_form_add_text (self->form, "title", _("Title"), ICW_FIELD_TEXT);
  effective = icw_record_form_add_text (self->form, "effective-date", _("Effective date"), ICW_FIELD_DATE);
  g_object_set_data (G_OBJECT (self->title_row), "effective-date", effective);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (general), self->title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (general), effective);
  gtk_box_append (GTK_BOX (parties_box), general);
  gtk_box_append (GTK_BOX (parties_box), parties);
  g_signal_connect (clauses, "committed", G_CALLBACK (on_clauses_committed), self);

  add_page (self, "parties", parties, scrolled_page (parties_box));
  add_page (self, "background-ip", background, scrolled_page (background));
  add_page (self, "results", results, results);
  add_page (self, "terms", terms, terms);
  add_page (self, "special-clauses", clauses, scrolled_page (clauses));
  add_page (self, "text", text, text);
}

static void
build (IcwAgreementEditor *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *main_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *sidebar = gtk_scrolled_window_new ();

  self->banner = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->banner, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->banner), "banner");
  gtk_widget_set_visible (GTK_WIDGET (self->banner), FALSE);

  self->section_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->section_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->section_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agreement sections"), -1);
  g_signal_connect_swapped (self->section_list, "row-selected", G_CALLBACK (on_section_selected), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sidebar), GTK_WIDGET (self->section_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sidebar), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (sidebar, 190, -1);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  build_pages (self);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->section_list, section_row (&sections[i]));

  gtk_box_append (GTK_BOX (body), sidebar);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (main_column), GTK_WIDGET (self->pages));
  gtk_box_append (GTK_BOX (main_column), build_check_panel (self));
  gtk_widget_set_hexpand (main_column, TRUE);
  gtk_box_append (GTK_BOX (body), main_column);
  gtk_widget_set_vexpand (body, TRUE);

  gtk_box_append (GTK_BOX (outer), build_bar (self));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->banner));
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (outer), body);
  adw_bin_set_child (ADW_BIN (self), outer);
}

static void
icw_agreement_editor_dispose (GObject *object)
{
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (object);

  if (self->form != NULL && self->page_widgets != NULL)
    flush (self);
  if (self->agreement != NULL)
    g_signal_handlers_disconnect_by_data (self->agreement, self);

  G_OBJECT_CLASS (icw_agreement_editor_parent_class)->dispose (object);

  g_clear_pointer (&self->page_widgets, g_hash_table_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->form);
  g_clear_object (&self->agreement);
  g_clear_object (&self->store);
}

static void
icw_agreement_editor_class_init (IcwAgreementEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_agreement_editor_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_p, GDK_CONTROL_MASK, "document.print", NULL);
}

static void
icw_agreement_editor_init (IcwAgreementEditor *self)
{
  self->page_widgets = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
icw_agreement_editor_new (IcwStore     *store,
                          IcwMoneyUnit  money_unit)
{
  IcwAgreementEditor *self = g_object_new (ICW_TYPE_AGREEMENT_EDITOR, NULL);
  g_autoptr(GPtrArray) pack_errors = NULL;

  self->store = g_object_ref (store);
  self->money_unit = money_unit;
  self->form = icw_record_form_new (store, money_unit);
  self->packs = icw_rule_packs_load_all (&pack_errors);
  build (self);
  for (guint i = 0; pack_errors != NULL && i < pack_errors->len; i++)
    g_warning ("%s", ((GError *) g_ptr_array_index (pack_errors, i))->message);
  return GTK_WIDGET (self);
}
