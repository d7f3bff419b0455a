/* icw-application-editor.c: the application editor. On the left the sections, each with a badge
 * (✓ when complete, or the number of errors and warnings of the last check); in the middle the
 * section being edited; on the right the check panel. Above them the status and version with the
 * actions of the life cycle. Narrative sections, structured parts and the eight tasks are saved as
 * they are typed through IcwRecordForm; a submitted or accepted application is shown read-only
 * (the store refuses changes to it anyway). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icw-application-editor.h"
#include "icw-application-pages.h"
#include "icw-check-panel.h"
#include "icw-print.h"
#include "icw-field-row.h"
#include "icw-json-list-editor.h"
#include "icw-record-form.h"
#include "icw-text-section.h"
#include "icw-ui-util.h"

struct _IcwApplicationEditor
{
  AdwBin parent_instance;

  IcwStore *store;
  GtkWidget *print_button;
  IcwApplication *application;
  IcwRecordForm *form;
  GPtrArray *packs;

  GtkListBox *section_list;
  GtkStack *pages;
  GtkRevealer *check_revealer;
  IcwCheckPanel *check_panel;
  GtkLabel *status_label;
  GtkLabel *banner;
  GtkWidget *title_row;
  GHashTable *section_widgets;   /* section key → its editing widget */
  GPtrArray *editables;          /* what read-only mode turns off */
  GtkWidget *ready_button, *submit_button, *return_button, *accept_button, *reopen_button, *compare_button;
};

G_DEFINE_FINAL_TYPE (IcwApplicationEditor, icw_application_editor, ADW_TYPE_BIN)

static gboolean
is_locked (IcwApplicationEditor *self)
{
  return icw_application_status_is_locked (icw_application_get_status (self->application));
}

/* Badges */

static void
update_badges (IcwApplicationEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->section_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      IcwSection section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "section"));
      GtkLabel *badge = g_object_get_data (G_OBJECT (row), "badge");
      guint errors = icw_check_panel_count (self->check_panel, icw_section_to_key (section), TRUE);
      guint warnings = icw_check_panel_count (self->check_panel, icw_section_to_key (section), FALSE);
      gboolean complete = self->application != NULL && icw_section_page_is_filled (section, self->application);
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;

      gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (badge), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (badge), "success");
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
      else if (complete)
        {
          text = g_strdup ("✓");
          accessible = g_strdup (_("Complete"));
          gtk_widget_add_css_class (GTK_WIDGET (badge), "success");
        }
      gtk_label_set_text (badge, text != NULL ? text : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible != NULL ? accessible : _("Not filled in yet"), -1);
    }
}

/* The check */

void
icw_application_editor_run_check (IcwApplicationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  if (self->application == NULL)
    return;
  findings = icw_application_check (self->store, self->application, self->packs, today, &error);
  if (findings == NULL)
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  icw_check_panel_set_findings (self->check_panel, findings);
  gtk_revealer_set_reveal_child (self->check_revealer, TRUE);
  update_badges (self);
}

static void
on_check_clicked (IcwApplicationEditor *self)
{
  icw_application_editor_run_check (self);
}

static void
on_close_check (IcwApplicationEditor *self)
{
  gtk_revealer_set_reveal_child (self->check_revealer, FALSE);
}

/* Navigation to a field */

static void
select_section (IcwApplicationEditor *self,
                IcwSection            section)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->section_list, section);

  if (row != NULL)
    gtk_list_box_select_row (self->section_list, row);
}

/* Opens the section of a finding's field ("background", "call/deadline", "roadmap/2/trl_to")
 * and focuses the widget that edits it. */
gboolean
icw_application_editor_show_field (IcwApplicationEditor *self,
                                   const char           *field)
{
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 3);
  IcwSection section;
  GtkWidget *widget;
  guint index;
  const char *member = NULL;

  if (parts[0] == NULL || !icw_section_from_key (parts[0], &section))
    return FALSE;
  select_section (self, section);
  widget = g_hash_table_lookup (self->section_widgets, icw_section_to_key (section));
  if (widget == NULL)
    return TRUE;

  if (ICW_IS_TEXT_SECTION (widget))
    icw_text_section_focus (ICW_TEXT_SECTION (widget));
  else if (ICW_IS_JSON_LIST_EDITOR (widget) && icw_field_get_item (field, &index, &member))
    icw_json_list_editor_focus (ICW_JSON_LIST_EDITOR (widget), index, member);
  else if (icw_section_get_form (section) == ICW_SECTION_FORM_CALL ||
           icw_section_get_form (section) == ICW_SECTION_FORM_TASKS)
    icw_section_page_focus_field (widget, parts[1]);
  else
    gtk_widget_grab_focus (widget);
  return TRUE;
}

static void
on_activate_field (IcwApplicationEditor *self,
                   const char           *field)
{
  icw_application_editor_show_field (self, field);
}

/* The life cycle */

static void
show_error_dialog (IcwApplicationEditor *self,
                   const char           *heading,
                   const GError         *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_ready_clicked (IcwApplicationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  icw_record_form_flush (self->form);
  if (!icw_application_mark_ready (self->store, self->application, self->packs, today, &error))
    {
      icw_application_editor_run_check (self);
      show_error_dialog (self, _("Not Ready Yet"), error);
      return;
    }
  icw_application_editor_run_check (self);
  icw_ui_toast (GTK_WIDGET (self), _("The application is ready to submit"));
}

static void
on_submit_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    IcwApplicationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit"))
    return;
  if (!icw_application_submit (self->store, self->application, &error))
    show_error_dialog (self, _("Not Submitted"), error);
  else
    icw_ui_toast (GTK_WIDGET (self), _("Submitted: the application is now read-only"));
}

static void
on_submit_clicked (IcwApplicationEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Submit the Application?"),
                                              _("A submitted application cannot be changed. If the reviewers return it, you can reopen it as a new version."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_return_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    IcwApplicationEditor *self)
{
  GtkWidget *view = adw_message_dialog_get_extra_child (dialog);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (view))));
  g_autofree char *comments = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "return"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  comments = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!icw_application_return (self->store, self->application, comments, &error))
    show_error_dialog (self, _("Not Recorded"), error);
}

static void
on_return_clicked (IcwApplicationEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Record the Return"),
                                              _("Enter the reviewers' comments as they were sent with the returned application."));
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
on_accept_clicked (IcwApplicationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!icw_application_accept (self->store, self->application, NULL, &error))
    show_error_dialog (self, _("Not Recorded"), error);
}

static void
on_reopen_clicked (IcwApplicationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) next = icw_application_reopen (self->store, self->application, &error);
  GtkWidget *page;

  if (next == NULL)
    {
      show_error_dialog (self, _("Not Reopened"), error);
      return;
    }
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), ICW_TYPE_REGISTER_PAGE);
  if (page != NULL)
    icw_register_page_select (ICW_REGISTER_PAGE (page), ICW_RECORD (next));
  icw_ui_toast (GTK_WIDGET (self), _("A new version was opened for editing"));
}

static void
on_compare_clicked (IcwApplicationEditor *self)
{
  icw_application_compare_dialog_present (GTK_WIDGET (self), self->store, self->application);
}

static void
update_status (IcwApplicationEditor *self)
{
  IcwApplicationStatus status;
  g_autofree char *text = NULL;
  gboolean locked;

  if (self->application == NULL)
    return;
  status = icw_application_get_status (self->application);
  locked = is_locked (self);
  text = g_strdup_printf (_("%s · version %d"), icw_application_status_to_label (status),
                          icw_application_get_version (self->application));
  gtk_label_set_text (self->status_label, text);

  gtk_widget_set_visible (self->ready_button, status == ICW_APPLICATION_STATUS_DRAFT);
  gtk_widget_set_visible (self->submit_button, status == ICW_APPLICATION_STATUS_READY);
  gtk_widget_set_visible (self->return_button, status == ICW_APPLICATION_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->accept_button, status == ICW_APPLICATION_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->reopen_button, status == ICW_APPLICATION_STATUS_RETURNED ||
                                               status == ICW_APPLICATION_STATUS_ACCEPTED);
  gtk_widget_set_visible (self->compare_button, icw_application_get_version (self->application) > 1);

  for (guint i = 0; i < self->editables->len; i++)
    icw_section_page_set_editable (g_ptr_array_index (self->editables, i), !locked);

  if (locked)
    gtk_label_set_text (self->banner, _("This application has been submitted and is read-only. If it is returned, reopen it as a new version to change it."));
  else if (status == ICW_APPLICATION_STATUS_RETURNED)
    {
      g_autofree char *comments = g_strdup_printf (_("Returned by the reviewers: %s"),
                                                   icw_application_get_reviewer_comments (self->application));
      gtk_label_set_text (self->banner, comments);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->banner), locked || status == ICW_APPLICATION_STATUS_RETURNED);
}

static void
on_application_notify (IcwApplicationEditor *self,
                       GParamSpec           *pspec)
{
  if (g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "version") ||
      g_str_equal (pspec->name, "reviewer-comments"))
    update_status (self);
  else
    {
      icw_section_pages_show (self->section_widgets, self->application, pspec->name);
      update_badges (self);
    }
}

void
icw_application_editor_set_application (IcwApplicationEditor *self,
                                        IcwRecord            *application)
{
  g_return_if_fail (ICW_IS_APPLICATION_EDITOR (self));

  if ((IcwRecord *) self->application == application)
    return;
  icw_record_form_flush (self->form);
  icw_section_pages_flush (self->section_widgets);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_set_object (&self->application, (IcwApplication *) application);
  icw_print_menu_button_set_record (self->print_button, self->store, application);
  icw_record_form_set_record (self->form, application);
  icw_check_panel_set_findings (self->check_panel, NULL);
  gtk_revealer_set_reveal_child (self->check_revealer, FALSE);
  if (self->application == NULL)
    return;

  icw_section_pages_show (self->section_widgets, self->application, NULL);
  g_signal_connect_swapped (self->application, "notify", G_CALLBACK (on_application_notify), self);
  update_status (self);
  update_badges (self);
  select_section (self, ICW_SECTION_CALL);
}

void
icw_application_editor_focus_title (IcwApplicationEditor *self)
{
  select_section (self, ICW_SECTION_CALL);
  gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (self->title_row))));
}

static void
on_section_selected (IcwApplicationEditor *self,
                     GtkListBoxRow        *row)
{
  IcwSection section;

  if (row == NULL)
    return;
  section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "section"));
  gtk_stack_set_visible_child_name (self->pages, icw_section_to_key (section));
}

static GtkWidget *
section_row (IcwSection section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (icw_section_get_title (section));
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, icw_section_get_title (section), -1);
  g_object_set_data (G_OBJECT (row), "section", GUINT_TO_POINTER (section));
  g_object_set_data (G_OBJECT (row), "badge", badge);
  return row;
}

static GtkWidget *
action_button (IcwApplicationEditor *self,
               const char           *label,
               GCallback             callback,
               gboolean              suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  /* update_status() shows the ones that apply. */
  gtk_widget_set_visible (button, FALSE);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_bar (IcwApplicationEditor *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = action_button (self, _("_Check Application"), G_CALLBACK (on_check_clicked), FALSE);

  gtk_widget_set_visible (check, TRUE);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "heading");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->status_label));

  self->compare_button = action_button (self, _("C_ompare Versions…"), G_CALLBACK (on_compare_clicked), FALSE);
  self->ready_button = action_button (self, _("Mark as _Ready"), G_CALLBACK (on_ready_clicked), TRUE);
  self->submit_button = action_button (self, _("_Submit…"), G_CALLBACK (on_submit_clicked), TRUE);
  self->return_button = action_button (self, _("Record _Return…"), G_CALLBACK (on_return_clicked), FALSE);
  self->accept_button = action_button (self, _("Record _Acceptance"), G_CALLBACK (on_accept_clicked), FALSE);
  self->reopen_button = action_button (self, _("Reopen as _New Version"), G_CALLBACK (on_reopen_clicked), TRUE);
  gtk_box_append (GTK_BOX (bar), self->compare_button);
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

static GtkWidget *
build_check_panel (IcwApplicationEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *close = icw_ui_icon_button ("window-close-symbolic", _("Close the check results"));

  /* Below the section, like a list of problems: the section stays as wide as it can be. */
  self->check_panel = ICW_CHECK_PANEL (icw_check_panel_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->check_panel), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->check_panel), -1, 260);
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

static void
build (IcwApplicationEditor *self)
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
                                  _("Application sections"), -1);
  g_signal_connect_swapped (self->section_list, "row-selected", G_CALLBACK (on_section_selected), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sidebar), GTK_WIDGET (self->section_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sidebar), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (sidebar, 190, -1);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->pages), TRUE);
  self->title_row = icw_section_pages_build (self->pages, self->form, self->store,
                                             self->section_widgets, self->editables);
  for (IcwSection section = 0; section < ICW_N_SECTIONS; section++)
    gtk_list_box_append (self->section_list, section_row (section));

  gtk_box_append (GTK_BOX (body), sidebar);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
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
icw_application_editor_dispose (GObject *object)
{
  IcwApplicationEditor *self = ICW_APPLICATION_EDITOR (object);

  if (self->form != NULL)
    icw_record_form_flush (self->form);
  if (self->section_widgets != NULL)
    icw_section_pages_flush (self->section_widgets);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);

  G_OBJECT_CLASS (icw_application_editor_parent_class)->dispose (object);

  g_clear_pointer (&self->section_widgets, g_hash_table_unref);
  g_clear_pointer (&self->editables, g_ptr_array_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_object (&self->form);
  g_clear_object (&self->application);
  g_clear_object (&self->store);
}

static void
icw_application_editor_class_init (IcwApplicationEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_application_editor_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_p, GDK_CONTROL_MASK, "document.print", NULL);
}

static void
icw_application_editor_init (IcwApplicationEditor *self)
{
  self->section_widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->editables = g_ptr_array_new ();
}

GtkWidget *
icw_application_editor_new (IcwStore *store)
{
  IcwApplicationEditor *self = g_object_new (ICW_TYPE_APPLICATION_EDITOR, NULL);
  g_autoptr(GPtrArray) pack_errors = NULL;

  self->store = g_object_ref (store);
  self->form = icw_record_form_new (store, ICW_MONEY_UNIT_WAN);
  /* A malformed pack does not stop the others; its message is shown once. */
  self->packs = icw_rule_packs_load_all (&pack_errors);
  build (self);
  for (guint i = 0; pack_errors != NULL && i < pack_errors->len; i++)
    g_warning ("%s", ((GError *) g_ptr_array_index (pack_errors, i))->message);
  return GTK_WIDGET (self);
}
