/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-terms-page.c: the "Terms" page. Its rows are the editor's record form rows, but
 * for the party bearing the patent costs: that row lists the agreement's parties (by name, saved
 * as the organization's ID) and is shown only when a named party bears the costs. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-party.h"
#include "icw-agreement-terms-page.h"
#include "icw-choice-factory.h"
#include "icw-enums.h"
#include "icw-ui-util.h"

struct _IcwAgreementTermsPage
{
  AdwPreferencesPage parent_instance;

  IcwRecordForm *form;          /* the editor's, not owned: the editor outlives its pages */
  IcwStore *store;
  GListModel *parties;          /* the parties the cost row lists */
  AdwComboRow *cost_party;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (IcwAgreementTermsPage, icw_agreement_terms_page, ADW_TYPE_PREFERENCES_PAGE)

static void
on_cost_party_selected (IcwAgreementTermsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->cost_party);
  g_autoptr(IcwAgreementParty) party = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->parties == NULL ||
      selected == GTK_INVALID_LIST_POSITION || (party = g_list_model_get_item (self->parties, selected)) == NULL)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, icw_agreement_party_get_organization_id (party));
  if (!icw_record_form_commit (self->form, "patent-cost-party-id", &value, &error))
    icw_ui_report_error (GTK_WIDGET (self), error);
}

void
icw_agreement_terms_page_show (IcwAgreementTermsPage *self,
                               IcwIpAgreement        *agreement)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (ICW_IS_AGREEMENT_TERMS_PAGE (self));

  g_clear_object (&self->parties);
  self->parties = icw_store_list (self->store, ICW_RECORD_KIND_AGREEMENT_PARTY, icw_record_get_id (ICW_RECORD (agreement)));
  for (guint i = 0; i < g_list_model_get_n_items (self->parties); i++)
    {
      g_autoptr(IcwAgreementParty) party = g_list_model_get_item (self->parties, i);
      const char *org_id = icw_agreement_party_get_organization_id (party);
      g_autofree char *name = icw_ui_organization_name (self->store, org_id);

      gtk_string_list_append (names, name != NULL ? name : "?");
      if (g_strcmp0 (org_id, icw_ip_agreement_get_patent_cost_party_id (agreement)) == 0)
        selected = i;
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->cost_party, G_LIST_MODEL (names));
  g_object_unref (names);
  adw_combo_row_set_selected (self->cost_party, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cost_party),
                          icw_ip_agreement_get_patent_costs (agreement) == ICW_PATENT_COSTS_NAMED_PARTY);
}

GtkWidget *
icw_agreement_terms_page_get_cost_party (IcwAgreementTermsPage *self)
{
  g_return_val_if_fail (ICW_IS_AGREEMENT_TERMS_PAGE (self), NULL);
  return GTK_WIDGET (self->cost_party);
}

static void
add_group (IcwAgreementTermsPage *self,
           GtkWidget             *group)
{
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

static void
add_row (GtkWidget *group,
         GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
build (IcwAgreementTermsPage *self)
{
  IcwRecordForm *form = self->form;
  GtkWidget *patents = icw_ui_group_new (_("Patent Costs"), _("Who bears the costs of filing and maintaining patents on the results."));
  GtkWidget *publication = icw_ui_group_new (_("Publication and Confidentiality"),
                                             _("The other parties may review a planned publication for this many days, to protect results that are not yet filed."));
  GtkWidget *exit = icw_ui_group_new (_("Exit"), _("What happens when a party leaves (退出) before the agreement ends."));
  GtkWidget *term = icw_ui_group_new (_("Term"), NULL);
  GtkWidget *disputes = icw_ui_group_new (_("Dispute Resolution"), _("Arbitration by a named body, or a court with jurisdiction."));

  add_row (patents, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "patent-costs", _("Costs borne by")));
  self->cost_party = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cost_party), _("Party bearing the costs"));
  /* Organizations' names are long ("青岛泓海海洋工程装备股份有限公司"): shown whole beside the title. */
  icw_choice_factory_apply (self->cost_party);
  g_signal_connect_swapped (self->cost_party, "notify::selected", G_CALLBACK (on_cost_party_selected), self);
  add_row (patents, GTK_WIDGET (self->cost_party));
  add_row (publication, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "publication-review-days", _("Publication review period (days)")));
  add_row (publication, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "confidentiality-years", _("Confidentiality (years)")));
  add_row (exit, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "exit-terms", _("A leaving party")));
  add_row (exit, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "exit-rules", _("Further exit rules")));
  add_row (term, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "term-start", _("Term starts")));
  add_row (term, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "term-years", _("Term (years)")));
  add_row (disputes, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "dispute-resolution", _("Disputes go to")));
  add_row (disputes, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "dispute-body", _("Arbitration body or court")));

  add_group (self, patents);
  add_group (self, publication);
  add_group (self, exit);
  add_group (self, term);
  add_group (self, disputes);
}

static void
icw_agreement_terms_page_dispose (GObject *object)
{
  IcwAgreementTermsPage *self = ICW_AGREEMENT_TERMS_PAGE (object);

  g_clear_object (&self->parties);
  g_clear_object (&self->store);
  self->form = NULL;
  G_OBJECT_CLASS (icw_agreement_terms_page_parent_class)->dispose (object);
}

static void
icw_agreement_terms_page_class_init (IcwAgreementTermsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_agreement_terms_page_dispose;
}

static void
icw_agreement_terms_page_init (IcwAgreementTermsPage *self)
{
}

GtkWidget *
icw_agreement_terms_page_new (IcwRecordForm *form,
                              IcwStore      *store)
{
  IcwAgreementTermsPage *self = g_object_new (ICW_TYPE_AGREEMENT_TERMS_PAGE, NULL);

  g_return_val_if_fail (ICW_IS_RECORD_FORM (form), NULL);
  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  self->form = form;
  self->store = g_object_ref (store);
  build (self);
  return GTK_WIDGET (self);
}
