/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-guide-dialog.c: the questions of the guided start (whose idea, who funds, who
 * will exploit, a fast-moving field, exclusivity needed) as combo and switch rows, prefilled from
 * the agreement's last answers. The proposal (icw-agreement-guide.h, a pure function) is shown
 * below them and follows every answer at once, with its explanation and the nearest Lambert
 * model. Apply saves the proposed terms and the answers in one save; the user may change every
 * term afterwards in the editor. The window is a template
 * (resources/ui/icw-agreement-guide-dialog.ui). */
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
  gboolean loading;             /* the answers are being shown, not given */
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

  if (self->loading)
    return;
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

static void
set_choices (AdwComboRow   *row,
             GtkStringList *labels,
             guint          selected)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_combo_row_set_selected (row, selected);
}

/* Shows the agreement's last answers, then the proposal they give. */
static void
show_answers (IcwAgreementGuideDialog *self)
{
  IcwGuideAnswers answers = self->answers;

  self->loading = TRUE;
  set_choices (self->idea, ICW_UI_ENUM_LABELS (icw_guide_idea, ICW_N_GUIDE_IDEAS), answers.idea);
  set_choices (self->funds, ICW_UI_ENUM_LABELS (icw_guide_funds, ICW_N_GUIDE_FUNDS), answers.funds);
  set_choices (self->exploit, ICW_UI_ENUM_LABELS (icw_guide_exploit, ICW_N_GUIDE_EXPLOITS), answers.exploit);
  gtk_switch_set_active (self->fast_moving, answers.fast_moving);
  gtk_switch_set_active (self->exclusive_needed, answers.exclusive_needed);
  self->loading = FALSE;
  update_proposal (self);
}

static void
icw_agreement_guide_dialog_dispose (GObject *object)
{
  IcwAgreementGuideDialog *self = ICW_AGREEMENT_GUIDE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICW_TYPE_AGREEMENT_GUIDE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->agreement);
  G_OBJECT_CLASS (icw_agreement_guide_dialog_parent_class)->dispose (object);
}

static void
icw_agreement_guide_dialog_class_init (IcwAgreementGuideDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_agreement_guide_dialog_dispose;
  icw_ui_class_add_close_keys (widget_class);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-agreement-guide-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementGuideDialog, idea);
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementGuideDialog, funds);
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementGuideDialog, exploit);
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementGuideDialog, fast_moving);
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementGuideDialog, exclusive_needed);
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementGuideDialog, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementGuideDialog, explanation_label);
  gtk_widget_class_bind_template_callback (widget_class, update_proposal);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
}

static void
icw_agreement_guide_dialog_init (IcwAgreementGuideDialog *self)
{
  self->loading = TRUE;         /* until the agreement's answers are shown */
  gtk_widget_init_template (GTK_WIDGET (self));
  icw_ui_name_buttons_once (GTK_WIDGET (self));
}

IcwAgreementGuideDialog *
icw_agreement_guide_dialog_present (GtkWidget      *parent,
                                    IcwStore       *store,
                                    IcwIpAgreement *agreement)
{
  IcwAgreementGuideDialog *self = g_object_new (ICW_TYPE_AGREEMENT_GUIDE_DIALOG,
                                                "transient-for", gtk_widget_get_root (parent),
                                                "modal", TRUE,
                                                NULL);

  self->store = g_object_ref (store);
  self->agreement = g_object_ref (agreement);
  icw_guide_answers_from_json (icw_ip_agreement_get_guide_answers (agreement), &self->answers);
  show_answers (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
