/* icw-application-editor.c: the application editor. On the left the sections, each with a badge
 * (✓ when complete, or the number of errors and warnings of the last check); in the middle the
 * section being edited; on the right the check panel. Above them the status and version with the
 * actions of the life cycle (IcwDocumentBar) and the comparison of versions. Narrative sections, structured parts and the eight tasks are saved as
 * they are typed through IcwRecordForm; a submitted or accepted application is shown read-only
 * (the store refuses changes to it anyway). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icw-application-editor.h"
#include "icw-application-pages.h"
#include "icw-check-panel.h"
#include "icw-document-bar.h"
#include "icw-editor-parts.h"
#include "icw-print.h"
#include "icw-field-row.h"
#include "icw-json-list-editor.h"
#include "icw-record-form.h"
#include "icw-reviewer-notes.h"
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
  IcwDocumentBar *bar;
  GtkWidget *reviewer_notes;     /* the comments beside the visible section */
  GtkWidget *title_row;
  GHashTable *section_widgets;   /* section key → its editing widget */
  GPtrArray *editables;          /* what read-only mode turns off */
  GtkWidget *compare_button;
};

G_DEFINE_FINAL_TYPE (IcwApplicationEditor, icw_application_editor, ADW_TYPE_BIN)

static const IcwDocumentBarTexts bar_texts = {
  .check_label = N_("_Check Application"),
  .ready_toast = N_("The application is ready to submit"),
  .submit_heading = N_("Submit the Application?"),
  .submit_body = N_("A submitted application cannot be changed. If the reviewers return it, you can reopen it as a new version."),
  .submitted_toast = N_("Submitted: the application is now read-only"),
  .return_body = N_("Enter the reviewers' comments as they were sent with the returned application."),
  /* A returned application is locked too: this banner is shown over it as well. */
  .locked_banner = N_("This application has been submitted and is read-only. If it is returned, reopen it as a new version to change it."),
};

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

      icw_editor_badge_show (badge, errors, warnings, complete, _("Not filled in yet"));
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
on_reopened (IcwApplicationEditor *self,
             IcwRecord            *next)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), ICW_TYPE_REGISTER_PAGE);

  if (page != NULL)
    icw_register_page_select (ICW_REGISTER_PAGE (page), next);
}

static void
on_compare_clicked (IcwApplicationEditor *self)
{
  icw_application_compare_dialog_present (GTK_WIDGET (self), self->store, self->application);
}

static void
flush_form (IcwApplicationEditor *self)
{
  icw_record_form_flush (self->form);
}

static void
update_status (IcwApplicationEditor *self)
{
  gboolean locked;

  if (self->application == NULL)
    return;
  locked = is_locked (self);
  icw_document_bar_update (self->bar);
  gtk_widget_set_visible (self->compare_button, icw_application_get_version (self->application) > 1);
  for (guint i = 0; i < self->editables->len; i++)
    icw_section_page_set_editable (g_ptr_array_index (self->editables, i), !locked);
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
  icw_reviewer_notes_set_application (ICW_REVIEWER_NOTES (self->reviewer_notes), self->application);
  icw_print_menu_button_set_record (self->print_button, self->store, application);
  icw_record_form_set_record (self->form, application);
  icw_document_bar_set_record (self->bar, application);
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
  GtkWidget *row = icw_editor_page_row_new (icw_section_get_title (section), TRUE);

  g_object_set_data (G_OBJECT (row), "section", GUINT_TO_POINTER (section));
  return row;
}

static GtkWidget *
build_bar (IcwApplicationEditor *self)
{
  self->bar = ICW_DOCUMENT_BAR (icw_document_bar_new (self->store, &bar_texts));
  icw_document_bar_set_packs (self->bar, self->packs);
  g_signal_connect_swapped (self->bar, "flush", G_CALLBACK (flush_form), self);
  g_signal_connect_swapped (self->bar, "check", G_CALLBACK (icw_application_editor_run_check), self);
  g_signal_connect_swapped (self->bar, "reopened", G_CALLBACK (on_reopened), self);

  self->compare_button = gtk_button_new_with_mnemonic (_("C_ompare Versions…"));
  gtk_widget_set_visible (self->compare_button, FALSE);
  g_signal_connect_swapped (self->compare_button, "clicked", G_CALLBACK (on_compare_clicked), self);
  icw_document_bar_add_action (self->bar, self->compare_button);
  self->print_button = icw_print_menu_button_new (GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->bar), self->print_button);
  return GTK_WIDGET (self->bar);
}

static GtkWidget *
build_check_panel (IcwApplicationEditor *self)
{
  self->check_revealer = icw_editor_check_revealer_new (260, &self->check_panel);
  g_signal_connect_swapped (self->check_panel, "activate-field", G_CALLBACK (on_activate_field), self);
  return GTK_WIDGET (self->check_revealer);
}

static void
build (IcwApplicationEditor *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *main_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *sidebar = gtk_scrolled_window_new ();

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
  self->reviewer_notes = icw_reviewer_notes_new (self->pages);
  gtk_box_append (GTK_BOX (main_column), self->reviewer_notes);
  gtk_box_append (GTK_BOX (main_column), GTK_WIDGET (self->pages));
  gtk_box_append (GTK_BOX (main_column), build_check_panel (self));
  gtk_widget_set_hexpand (main_column, TRUE);
  gtk_box_append (GTK_BOX (body), main_column);
  gtk_widget_set_vexpand (body, TRUE);

  gtk_box_append (GTK_BOX (outer), build_bar (self));
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
