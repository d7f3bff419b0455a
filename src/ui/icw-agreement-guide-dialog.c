/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-guide-dialog.c: the questions of the guided start (whose idea, who funds, who
 * will exploit, a fast-moving field, exclusivity needed) as combo and switch rows, prefilled from
 * the agreement's last answers. The proposal (icw-agreement-guide.h, a pure function) is shown
 * below them and follows every answer at once, with its explanation and the nearest Lambert
 * model. Apply saves the proposed terms and the answers in one save; the user may change every
 * term afterwards in the editor. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-guide-dialog.h"
#include "icw-agreement-guide.h"
#include "icw-enums.h"
#include "icw-ui-util.h"

struct _IcwAgreementGuideDialog
{
  AdwWindow parent_instance;

  IcwStore *store;
  IcwIpAgreement *agreement;
  AdwComboRow *idea, *funds, *exploit;
  GtkSwitch *fast_moving, *exclusive_needed;
  GtkLabel *proposal_label;
  GtkLabel *explanation_label;
  IcwGuideAnswers answers;
};

G_DEFINE_FINAL_TYPE (IcwAgreementGuideDialog, icw_agreement_guide_dialog, ADW_TYPE_WINDOW)

static void
read_answers (IcwAgreementGuideDialog *self)
{
  self->answers.idea = adw_combo_row_get_selected (self->idea);
  self->answers.funds = adw_combo_row_get_selected (self->funds);
  self->answers.exploit = adw_combo_row_get_selected (self->exploit);
  self->answers.fast_moving = gtk_switch_get_active (self->fast_moving);
  self->answers.exclusive_needed = gtk_switch_get_active (self->exclusive_needed);
}

static void
update_proposal (IcwAgreementGuideDialog *self)
{
  IcwGuideProposal proposal = { 0 };
  g_autofree char *text = NULL;

  read_answers (self);
  icw_agreement_guide_propose (&self->answers, &proposal);
  text = g_strdup_printf (_("Ownership: %s\nAccess for the project: %s\nAccess for exploitation: %s\nPatent costs: %s\nNearest Lambert model agreement: %c"),
                          icw_ip_ownership_to_label (proposal.ownership),
                          icw_access_terms_to_label (proposal.project_access),
                          icw_access_terms_to_label (proposal.exploitation_access),
                          icw_patent_costs_to_label (proposal.patent_costs),
                          proposal.lambert_model);
  gtk_label_set_text (self->proposal_label, text);
  gtk_label_set_text (self->explanation_label, proposal.explanation != NULL ? proposal.explanation : "");
  icw_guide_proposal_clear (&proposal);
}

gboolean
icw_agreement_guide_dialog_apply (IcwAgreementGuideDialog *self,
                                  GError                 **error)
{
  IcwGuideProposal proposal = { 0 };
  IcwIpAgreement *a = self->agreement;
  IcwIpOwnership ownership = icw_ip_agreement_get_ownership (a);
  IcwAccessTerms project = icw_ip_agreement_get_project_access (a);
  IcwAccessTerms exploitation = icw_ip_agreement_get_exploitation_access (a);
  IcwPatentCosts costs = icw_ip_agreement_get_patent_costs (a);
  g_autofree char *answers = g_strdup (icw_ip_agreement_get_guide_answers (a));
  g_autofree char *json = NULL;
  gboolean ok;

  read_answers (self);
  icw_agreement_guide_propose (&self->answers, &proposal);
  json = icw_guide_answers_to_json (&self->answers);
  icw_ip_agreement_set_ownership (a, proposal.ownership);
  icw_ip_agreement_set_project_access (a, proposal.project_access);
  icw_ip_agreement_set_exploitation_access (a, proposal.exploitation_access);
  icw_ip_agreement_set_patent_costs (a, proposal.patent_costs);
  icw_ip_agreement_set_guide_answers (a, json);
  icw_guide_proposal_clear (&proposal);
  ok = icw_store_save (self->store, ICW_RECORD (a), error);
  if (!ok)
    {
      /* The agreement keeps its saved terms. */
      icw_ip_agreement_set_ownership (a, ownership);
      icw_ip_agreement_set_project_access (a, project);
      icw_ip_agreement_set_exploitation_access (a, exploitation);
      icw_ip_agreement_set_patent_costs (a, costs);
      icw_ip_agreement_set_guide_answers (a, answers);
    }
  return ok;
}

static void
on_apply_clicked (IcwAgreementGuideDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!icw_agreement_guide_dialog_apply (self, &error))
    {
      icw_ui_toast (GTK_WIDGET (self), error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->idea), error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    icw_ui_toast (GTK_WIDGET (parent), _("The proposed terms were applied; you can still change each of them"));
}

static GtkWidget *
question_row (const char    *title,
              GtkStringList *labels,
              guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static GtkSwitch *
switch_row (AdwPreferencesGroup *group,
            const char          *title,
            gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

static GtkLabel *
wrapped_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return GTK_LABEL (label);
}

static void
build (IcwAgreementGuideDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *questions = icw_ui_group_new (_("Questions"),
                                           _("As in the decision guide of the UK Lambert Toolkit: the answers propose how the results are owned and used. You can change every term afterwards."));
  GtkWidget *proposal = icw_ui_group_new (_("Proposal"), NULL);
  GtkWidget *proposal_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (on_apply_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);

  self->idea = ADW_COMBO_ROW (question_row (_("Whose idea is the work built on?"), ICW_UI_ENUM_LABELS (icw_guide_idea, ICW_N_GUIDE_IDEAS),
                                            self->answers.idea));
  self->funds = ADW_COMBO_ROW (question_row (_("Who funds it?"), ICW_UI_ENUM_LABELS (icw_guide_funds, ICW_N_GUIDE_FUNDS),
                                             self->answers.funds));
  self->exploit = ADW_COMBO_ROW (question_row (_("Who will exploit the results?"), ICW_UI_ENUM_LABELS (icw_guide_exploit, ICW_N_GUIDE_EXPLOITS),
                                               self->answers.exploit));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (questions), GTK_WIDGET (self->idea));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (questions), GTK_WIDGET (self->funds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (questions), GTK_WIDGET (self->exploit));
  self->fast_moving = switch_row (ADW_PREFERENCES_GROUP (questions), _("The field moves fast"), self->answers.fast_moving);
  self->exclusive_needed = switch_row (ADW_PREFERENCES_GROUP (questions), _("The exploiting party needs exclusivity"),
                                       self->answers.exclusive_needed);

  self->proposal_label = wrapped_label ();
  gtk_widget_add_css_class (GTK_WIDGET (self->proposal_label), "heading");
  self->explanation_label = wrapped_label ();
  gtk_box_append (GTK_BOX (proposal_box), GTK_WIDGET (self->proposal_label));
  gtk_box_append (GTK_BOX (proposal_box), GTK_WIDGET (self->explanation_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (proposal), proposal_box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (questions));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (proposal));

  g_signal_connect_swapped (self->idea, "notify::selected", G_CALLBACK (update_proposal), self);
  g_signal_connect_swapped (self->funds, "notify::selected", G_CALLBACK (update_proposal), self);
  g_signal_connect_swapped (self->exploit, "notify::selected", G_CALLBACK (update_proposal), self);
  g_signal_connect_swapped (self->fast_moving, "notify::active", G_CALLBACK (update_proposal), self);
  g_signal_connect_swapped (self->exclusive_needed, "notify::active", G_CALLBACK (update_proposal), self);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  update_proposal (self);
}

static void
icw_agreement_guide_dialog_dispose (GObject *object)
{
  IcwAgreementGuideDialog *self = ICW_AGREEMENT_GUIDE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->agreement);
  G_OBJECT_CLASS (icw_agreement_guide_dialog_parent_class)->dispose (object);
}

static void
icw_agreement_guide_dialog_class_init (IcwAgreementGuideDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_agreement_guide_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
icw_agreement_guide_dialog_init (IcwAgreementGuideDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
}

IcwAgreementGuideDialog *
icw_agreement_guide_dialog_present (GtkWidget      *parent,
                                    IcwStore       *store,
                                    IcwIpAgreement *agreement)
{
  IcwAgreementGuideDialog *self = g_object_new (ICW_TYPE_AGREEMENT_GUIDE_DIALOG,
                                                "title", _("Guided Start"),
                                                "transient-for", gtk_widget_get_root (parent),
                                                "modal", TRUE,
                                                NULL);

  self->store = g_object_ref (store);
  self->agreement = g_object_ref (agreement);
  icw_guide_answers_from_json (icw_ip_agreement_get_guide_answers (agreement), &self->answers);
  build (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
