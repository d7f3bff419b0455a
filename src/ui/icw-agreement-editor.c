/* icw-agreement-editor.c: the agreement editor, built like the application editor: on the left
 * the pages, each with a badge from the last check; in the middle the page being edited; under it
 * the check panel, whose findings open their page and focus their field; above them the status
 * and version with the actions of the life cycle (IcwDocumentBar) and the guided start. Every
 * edit is saved as it is made; a submitted, returned or accepted agreement is read-only (the
 * store refuses changes to it anyway) and a banner says so. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-background-group.h"
#include "icw-agreement-editor-private.h"
#include "icw-agreement-guide-dialog.h"
#include "icw-agreement-pages.h"
#include "icw-agreement-parties-group.h"
#include "icw-agreement-results-group.h"
#include "icw-check-panel.h"
#include "icw-document-bar.h"
#include "icw-editor-parts.h"
#include "icw-field-row.h"
#include "icw-ip-agreement-check.h"
#include "icw-lifecycle.h"
#include "icw-print.h"
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

G_DEFINE_FINAL_TYPE (IcwAgreementEditor, icw_agreement_editor, ADW_TYPE_BIN)

static const IcwDocumentBarTexts bar_texts = {
  .check_label = N_("_Check Agreement"),
  .ready_toast = N_("The agreement is ready to submit"),
  .submit_heading = N_("Submit the Agreement?"),
  .submit_body = N_("A submitted agreement cannot be changed. If it is returned, you can reopen it as a new version."),
  .submitted_toast = N_("Submitted: the agreement is now read-only"),
  .return_body = N_("Enter the comments sent back with the returned agreement."),
  .locked_banner = N_("This agreement has been submitted and is read-only. If it is returned, reopen it as a new version to change it."),
  /* xgettext:c-format */
  .returned_banner = N_("Returned with these comments: %s"),
  .returned_plain_banner = N_("This agreement was returned and is read-only: reopen it as a new version to change it."),
};

gboolean
icw_agreement_editor_is_editable (IcwAgreementEditor *self)
{
  return self->agreement != NULL && icw_lifecycle_is_editable (ICW_RECORD (self->agreement));
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
  icw_agreement_editor_update_badges (self);
}

/* Navigation to a field */

void
icw_agreement_editor_select_section (IcwAgreementEditor *self,
                                     const char         *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].key, key))
      gtk_list_box_select_row (self->section_list, gtk_list_box_get_row_at_index (self->section_list, i));
}

static void
on_activate_field (IcwAgreementEditor *self,
                   const char         *field)
{
  icw_agreement_editor_show_field (self, field);
}

/* The life cycle */

static void
on_reopened (IcwAgreementEditor *self,
             IcwRecord          *next)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), ICW_TYPE_REGISTER_PAGE);

  if (page != NULL)
    icw_register_page_select (ICW_REGISTER_PAGE (page), next);
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
  gboolean editable;

  if (self->agreement == NULL)
    return;
  editable = icw_lifecycle_is_editable (ICW_RECORD (self->agreement));
  icw_document_bar_update (self->bar);
  gtk_widget_set_sensitive (self->guide_button, editable);

  set_groups_sensitive (gtk_widget_get_parent (self->title_row), editable);
  set_groups_sensitive (PAGE (self, "results"), editable);
  set_groups_sensitive (PAGE (self, "terms"), editable);
  icw_agreement_parties_group_set_editable (ICW_AGREEMENT_PARTIES_GROUP (PAGE (self, "parties")), editable);
  icw_agreement_background_group_set_editable (ICW_AGREEMENT_BACKGROUND_GROUP (PAGE (self, "background-ip")), editable);
  icw_text_section_set_editable (ICW_TEXT_SECTION (PAGE (self, "special-clauses")), editable);
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
  icw_document_bar_set_record (self->bar, agreement);
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
  icw_agreement_editor_update_badges (self);
  icw_agreement_editor_select_section (self, "parties");
}

void
icw_agreement_editor_focus_title (IcwAgreementEditor *self)
{
  icw_agreement_editor_select_section (self, "parties");
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
  GtkWidget *row = icw_editor_page_row_new (_(section->title), TRUE);

  g_object_set_data (G_OBJECT (row), "key", (gpointer) section->key);
  return row;
}

static GtkWidget *
build_bar (IcwAgreementEditor *self)
{
  self->bar = ICW_DOCUMENT_BAR (icw_document_bar_new (self->store, &bar_texts));
  icw_document_bar_set_packs (self->bar, self->packs);
  g_signal_connect_swapped (self->bar, "flush", G_CALLBACK (flush), self);
  g_signal_connect_swapped (self->bar, "check", G_CALLBACK (icw_agreement_editor_run_check), self);
  g_signal_connect_swapped (self->bar, "reopened", G_CALLBACK (on_reopened), self);

  self->guide_button = gtk_button_new_with_mnemonic (_("_Guided Start…"));
  g_signal_connect_swapped (self->guide_button, "clicked", G_CALLBACK (on_guide_clicked), self);
  icw_document_bar_add_action (self->bar, self->guide_button);
  self->print_button = icw_print_menu_button_new (GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->bar), self->print_button);
  return GTK_WIDGET (self->bar);
}

static GtkWidget *
build_check_panel (IcwAgreementEditor *self)
{
  self->check_revealer = icw_editor_check_revealer_new (240, &self->check_panel);
  g_signal_connect_swapped (self->check_panel, "activate-field", G_CALLBACK (on_activate_field), self);
  return GTK_WIDGET (self->check_revealer);
}

static GtkWidget *
scrolled_page (GtkWidget *child)
{
  return icw_editor_scrolled_page_new (child, 860, 24, 12);
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
