/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-editor.c: the agreement editor, an IcwDocumentEditor like the application editor:
 * its pages (parties, background IP, results, terms, special clauses, the text) and the guided
 * start in the bar. Every edit is saved as it is made; a submitted, returned or accepted agreement
 * is read-only (the store refuses changes to it anyway) and a banner says so. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-background-group.h"
#include "icw-agreement-editor-private.h"
#include "icw-agreement-guide-dialog.h"
#include "icw-agreement-pages.h"
#include "icw-agreement-parties-group.h"
#include "icw-agreement-results-group.h"
#include "icw-editor-parts.h"
#include "icw-field-row.h"
#include "icw-lifecycle.h"
#include "icw-record-form.h"
#include "icw-review-comments.h"
#include "icw-text-section.h"
#include "icw-ui-util.h"


G_DEFINE_FINAL_TYPE (IcwAgreementEditor, icw_agreement_editor, ICW_TYPE_DOCUMENT_EDITOR)

#define SHELL(self) ICW_DOCUMENT_EDITOR (self)

gboolean
icw_agreement_editor_is_editable (IcwAgreementEditor *self)
{
  return icw_document_editor_is_editable (SHELL (self));
}

/* The check */

static void
flush (IcwDocumentEditor *shell)
{
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (shell);

  icw_record_form_flush (self->form);
  icw_agreement_parties_group_flush (ICW_AGREEMENT_PARTIES_GROUP (PAGE (self, "parties")));
  icw_text_section_flush (ICW_TEXT_SECTION (PAGE (self, "special-clauses")));
}

void
icw_agreement_editor_run_check (IcwAgreementEditor *self)
{
  icw_document_editor_run_check (SHELL (self));
}

/* Navigation to a field */

gboolean
icw_agreement_editor_show_field (IcwAgreementEditor *self,
                                 const char         *field)
{
  return icw_document_editor_show_field (SHELL (self), field);
}

/* The life cycle */

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
status_changed (IcwDocumentEditor *shell,
                gboolean           editable)
{
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (shell);

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
  if (self->agreement != NULL && g_strcmp0 (icw_document_editor_get_visible_page (SHELL (self)), "text") == 0)
    icw_agreement_text_page_show (ICW_AGREEMENT_TEXT_PAGE (PAGE (self, "text")), self->agreement);
}

static void
record_notify (IcwDocumentEditor *shell,
               GParamSpec        *pspec)
{
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (shell);

  if (g_str_equal (pspec->name, "special-clauses"))
    icw_text_section_set_text (ICW_TEXT_SECTION (PAGE (self, "special-clauses")),
                               icw_ip_agreement_get_special_clauses (self->agreement));
  else if (g_str_equal (pspec->name, "patent-costs") || g_str_equal (pspec->name, "patent-cost-party-id"))
    icw_agreement_terms_page_show (ICW_AGREEMENT_TERMS_PAGE (PAGE (self, "terms")), self->agreement);
  refresh_text_if_shown (self);
}

static void
record_set (IcwDocumentEditor *shell,
            IcwRecord         *record)
{
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (shell);

  g_set_object (&self->agreement, (IcwIpAgreement *) record);
  icw_record_form_set_record (self->form, record);
  icw_agreement_parties_group_set_agreement (ICW_AGREEMENT_PARTIES_GROUP (PAGE (self, "parties")), self->agreement);
  icw_agreement_background_group_set_agreement (ICW_AGREEMENT_BACKGROUND_GROUP (PAGE (self, "background-ip")), self->agreement);
  icw_agreement_results_group_set_agreement (ICW_AGREEMENT_RESULTS_GROUP (self->results_group), self->agreement);
  if (self->agreement == NULL)
    return;
  icw_text_section_set_text (ICW_TEXT_SECTION (PAGE (self, "special-clauses")),
                             icw_ip_agreement_get_special_clauses (self->agreement));
  icw_agreement_terms_page_show (ICW_AGREEMENT_TERMS_PAGE (PAGE (self, "terms")), self->agreement);
}

void
icw_agreement_editor_set_agreement (IcwAgreementEditor *self,
                                    IcwRecord          *agreement)
{
  g_return_if_fail (ICW_IS_AGREEMENT_EDITOR (self));
  icw_document_editor_set_record (SHELL (self), agreement);
}

void
icw_agreement_editor_focus_title (IcwAgreementEditor *self)
{
  icw_document_editor_select_page (SHELL (self), "parties");
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
  return icw_document_editor_get_visible_page (SHELL (self));
}

static void
page_shown (IcwDocumentEditor *shell,
            const char        *key)
{
  refresh_text_if_shown (ICW_AGREEMENT_EDITOR (shell));
}

/* Building */

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
          guint               page,
          GtkWidget          *widget,
          GtkWidget          *shown)
{
  /* The pages' keys and titles are those reviewers' comments name (icw-review-comments.h). */
  const char *key = icw_review_section_keys (ICW_RECORD_KIND_IP_AGREEMENT)[page];

  g_hash_table_insert (self->page_widgets, (gpointer) key, widget);
  icw_document_editor_add_page (SHELL (self), key, icw_review_section_title (ICW_RECORD_KIND_IP_AGREEMENT, key), shown);
}

static void
build_pages (IcwAgreementEditor *self)
{
  GtkWidget *general = icw_ui_group_new (_("Agreement"), NULL);
  GtkWidget *parties_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *parties = icw_agreement_parties_group_new (self->store, self->money_unit);
  GtkWidget *background = icw_agreement_background_group_new (self->store);
  GtkWidget *results = icw_agreement_results_page_new (self->form, self->store, &self->results_group);
  GtkWidget *terms = icw_agreement_terms_page_new (self->form, self->store);
  GtkWidget *clauses = icw_text_section_new (_("Special Clauses"),
                                             _("Clauses of the parties' own, added to the agreement's text as they are written here, after the standard clauses."));
  GtkWidget *text = icw_agreement_text_page_new (self->store);
  GtkWidget *effective;

  self->title_row = icw_record_form_add_catalogue (self->form, ICW_RECORD_KIND_IP_AGREEMENT, "title", NULL);
  effective = icw_record_form_add_catalogue (self->form, ICW_RECORD_KIND_IP_AGREEMENT, "effective-date", NULL);
  self->effective_row = effective;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (general), self->title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (general), effective);
  gtk_box_append (GTK_BOX (parties_box), general);
  gtk_box_append (GTK_BOX (parties_box), parties);
  g_signal_connect (clauses, "committed", G_CALLBACK (on_clauses_committed), self);

  add_page (self, 0, parties, scrolled_page (parties_box));
  add_page (self, 1, background, scrolled_page (background));
  add_page (self, 2, results, results);
  add_page (self, 3, terms, terms);
  add_page (self, 4, clauses, scrolled_page (clauses));
  add_page (self, 5, text, text);
}

static void
build (IcwAgreementEditor *self)
{
  self->guide_button = icw_ui_mnemonic_button_new (_("_Guided Start…"));
  g_signal_connect_swapped (self->guide_button, "clicked", G_CALLBACK (on_guide_clicked), self);
  icw_document_editor_add_action (SHELL (self), self->guide_button);
  build_pages (self);
}

static void
icw_agreement_editor_dispose (GObject *object)
{
  IcwAgreementEditor *self = ICW_AGREEMENT_EDITOR (object);

  if (self->form != NULL && self->page_widgets != NULL && PAGE (self, "parties") != NULL)
    flush (ICW_DOCUMENT_EDITOR (self));

  G_OBJECT_CLASS (icw_agreement_editor_parent_class)->dispose (object);

  g_clear_pointer (&self->page_widgets, g_hash_table_unref);
  g_clear_object (&self->form);
  g_clear_object (&self->agreement);
  g_clear_object (&self->store);
}

static void
icw_agreement_editor_class_init (IcwAgreementEditorClass *klass)
{
  IcwDocumentEditorClass *shell_class = ICW_DOCUMENT_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_agreement_editor_dispose;
  shell_class->flush = flush;
  shell_class->record_set = record_set;
  shell_class->status_changed = status_changed;
  shell_class->record_notify = record_notify;
  shell_class->show_field = _icw_agreement_editor_show_field;
  shell_class->page_shown = page_shown;
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

  icw_document_editor_set_kind (SHELL (self), &icw_document_kind_agreement, store);
  self->store = g_object_ref (store);
  self->money_unit = money_unit;
  self->form = icw_record_form_new (store, money_unit);
  build (self);
  return GTK_WIDGET (self);
}
