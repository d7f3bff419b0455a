/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-page-kinds.c: what differs between the register pages, one IcwRegisterKind per kind
 * of record: the texts of its search, empty and no-selection pages, the subtitle of its rows, how
 * its editor shows a record and takes the focus, and how a new record is made (a new application,
 * agreement or funding request belongs to a center: the only one, or the one the user picks). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-editor.h"
#include "icw-application-editor.h"
#include "icw-application.h"
#include "icw-center-editor.h"
#include "icw-center.h"
#include "icw-ip-agreement.h"
#include "icw-funding-editor.h"
#include "icw-funding-request.h"
#include "icw-organization-editor.h"
#include "icw-organization.h"
#include "icw-register-page-private.h"
#include "icw-ui-util.h"

/* Centers */

static char *
center_subtitle (IcwStore  *store,
                 IcwRecord *record)
{
  IcwCenter *center = ICW_CENTER (record);
  const char *province = icw_center_get_province (center);
  const char *city = icw_center_get_city (center);

  /* Translators: center level · province city, e.g. "Provincial · 山东省 济南市" */
  return g_strdup_printf (_("%s · %s %s"), icw_center_level_to_label (icw_center_get_level (center)),
                          province != NULL ? province : "", city != NULL ? city : "");
}

static void
center_show (GtkWidget *editor,
             IcwRecord *record)
{
  icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), ICW_CENTER (record));
}

static void
center_focus (GtkWidget *editor)
{
  icw_center_editor_focus_name (ICW_CENTER_EDITOR (editor));
}

const IcwRegisterKind icw_register_page_center_kind = {
  ICW_RECORD_KIND_CENTER, icw_center_get_type, "name", TRUE,
  N_("Search centers"),
  N_("No Centers Yet"),
  N_("Create a center, import the centers from a CSV file, or load the sample center to look around."),
  N_("Select a center"),
  N_("New center"),
  center_subtitle, center_show, center_focus, NULL,
};

/* Organizations */

static char *
organization_subtitle (IcwStore  *store,
                       IcwRecord *record)
{
  IcwOrganization *org = ICW_ORGANIZATION (record);
  const char *code = icw_organization_get_credit_code (org);
  const char *kind = icw_org_kind_to_label (icw_organization_get_kind (org));

  return code != NULL ? g_strdup_printf (_("%s · %s"), kind, code) : g_strdup (kind);
}

static void
organization_show (GtkWidget *editor,
                   IcwRecord *record)
{
  icw_organization_editor_set_organization (ICW_ORGANIZATION_EDITOR (editor), ICW_ORGANIZATION (record));
}

static void
organization_focus (GtkWidget *editor)
{
  icw_organization_editor_focus_name (ICW_ORGANIZATION_EDITOR (editor));
}

const IcwRegisterKind icw_register_page_organization_kind = {
  ICW_RECORD_KIND_ORGANIZATION, icw_organization_get_type, "name", TRUE,
  N_("Search organizations"),
  N_("No Organizations Yet"),
  N_("Companies, universities and institutes that are shareholders or members of centers. Add one, or import them from a CSV file."),
  N_("Select an organization"),
  N_("New organization"),
  organization_subtitle, organization_show, organization_focus, NULL,
};

/* The documents with a life cycle: their editors are IcwDocumentEditors, which show a record
 * the same way, and each belongs to a center and has a status and a version (their catalogues'
 * "center-id", "status" and "version"). */
static char *
document_subtitle (IcwStore  *store,
                   IcwRecord *record)
{
  g_autofree char *center_id = NULL;
  int status = 0, version = 0;
  g_autoptr(IcwRecord) center = NULL;

  g_object_get (record, "center-id", &center_id, "status", &status, "version", &version, NULL);
  center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, NULL);
  /* Translators: center · status · version, e.g. "齐鲁… · Draft · v2" */
  return g_strdup_printf (_("%s · %s · v%d"), center != NULL ? icw_center_get_name (ICW_CENTER (center)) : "",
                          icw_application_status_to_label ((IcwApplicationStatus) status), version);
}

static void
document_show (GtkWidget *editor,
               IcwRecord *record)
{
  icw_document_editor_set_record (ICW_DOCUMENT_EDITOR (editor), record);
}

/* Applications */

static void
application_focus (GtkWidget *editor)
{
  icw_application_editor_focus_title (ICW_APPLICATION_EDITOR (editor));
}

typedef void (*CreateForCenter) (IcwRegisterPage *self, IcwCenter *center);

/* What the center chooser does with the center chosen; freed with the dialog. */
typedef struct {
  IcwRegisterPage *page;     /* a reference */
  CreateForCenter create;
} CenterChooser;

static void
center_chooser_free (gpointer  data,
                     GClosure *closure)
{
  CenterChooser *chooser = data;

  g_object_unref (chooser->page);
  g_free (chooser);
}

static void
on_center_chosen (AdwMessageDialog *dialog,
                  const char       *response,
                  CenterChooser    *chooser)
{
  /* The extra child is the boxed list of the one combo row. */
  AdwComboRow *row = ADW_COMBO_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog)), 0));
  IcwCenter *center = adw_combo_row_get_selected_item (row);
  CreateForCenter create = chooser->create;

  if (g_str_equal (response, "create") && center != NULL)
    create (chooser->page, center);
}

static char *
center_name (IcwCenter *center)
{
  return g_strdup (icw_center_get_name (center));
}

/* A new application or agreement belongs to a center: the only one, or the one the user picks. */
static void
choose_center (IcwRegisterPage *self,
               const char      *heading,
               const char      *body,
               const char      *no_center,
               CreateForCenter  create)
{
  g_autoptr(GListModel) centers = icw_store_list (self->store, ICW_RECORD_KIND_CENTER, NULL);
  GtkWidget *dialog, *row;
  GtkExpression *expression;
  CenterChooser *chooser;

  if (g_list_model_get_n_items (centers) == 0)
    {
      icw_ui_toast (GTK_WIDGET (self), no_center);
      return;
    }
  if (g_list_model_get_n_items (centers) == 1)
    {
      g_autoptr(IcwCenter) only = g_list_model_get_item (centers, 0);
      create (self, only);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Center"));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (center_name), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), centers);
  /* In a boxed list: a row outside a list box fails GTK's checks when the dialog focuses it. */
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_list_box_append (GTK_LIST_BOX (list), row);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  chooser = g_new0 (CenterChooser, 1);
  chooser->page = g_object_ref (self);
  chooser->create = create;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_center_chosen), chooser, center_chooser_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_application_for (IcwRegisterPage *self,
                        IcwCenter       *center)
{
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autofree char *title = g_strdup_printf (_("Application of %s"), icw_center_get_name (center));

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (center)));
  icw_application_set_title (application, title);
  icw_application_set_kind (application, icw_application_kind_for_center (icw_center_get_level (center),
                                                                          icw_center_get_status (center)));
  icw_register_page_save_new_record (self, ICW_RECORD (application));
}

static void
application_create (IcwRegisterPage *self)
{
  choose_center (self, _("New Application"), _("Which center applies?"),
                 _("Add the center first: an application belongs to a center."), create_application_for);
}

const IcwRegisterKind icw_register_page_application_kind = {
  ICW_RECORD_KIND_APPLICATION, icw_application_get_type, "title", FALSE,
  N_("Search applications"),
  N_("No Applications Yet"),
  N_("Draft a center's application (申报书) for cultivation, acceptance and recognition, the upgrade to national or the national-local co-construction, and check it against the policy rules before you submit."),
  N_("Select an application"),
  N_("New application"),
  document_subtitle, document_show, application_focus, application_create,
};

/* IP-sharing agreements */

static void
agreement_focus (GtkWidget *editor)
{
  icw_agreement_editor_focus_title (ICW_AGREEMENT_EDITOR (editor));
}

static void
create_agreement_for (IcwRegisterPage *self,
                      IcwCenter       *center)
{
  g_autoptr(IcwIpAgreement) agreement = icw_ip_agreement_new ();
  g_autofree char *title = g_strdup_printf (_("IP-sharing agreement of %s"), icw_center_get_name (center));

  icw_ip_agreement_set_center_id (agreement, icw_record_get_id (ICW_RECORD (center)));
  icw_ip_agreement_set_title (agreement, title);
  icw_register_page_save_new_record (self, ICW_RECORD (agreement));
}

static void
agreement_create (IcwRegisterPage *self)
{
  choose_center (self, _("New Agreement"), _("Among the members of which center?"),
                 _("Add the center first: an agreement is made among the members of a center."),
                 create_agreement_for);
}

const IcwRegisterKind icw_register_page_agreement_kind = {
  ICW_RECORD_KIND_IP_AGREEMENT, icw_ip_agreement_get_type, "title", FALSE,
  N_("Search agreements"),
  N_("No Agreements Yet"),
  N_("Draw up an IP-sharing agreement (知识产权协同共享协议) among members of a center's alliance: background IP, ownership of results, access rights and revenue shares that total exactly 100%."),
  N_("Select an agreement"),
  N_("New agreement"),
  document_subtitle, document_show, agreement_focus, agreement_create,
};

/* Funding requests */

static void
funding_focus (GtkWidget *editor)
{
  icw_funding_editor_focus_title (ICW_FUNDING_EDITOR (editor));
}

/* A new request starts this year, over two years, asking central fiscal funds matched by the
 * shareholders' capital: the most common shape, changed in the editor. */
static void
create_funding_for (IcwRegisterPage *self,
                    IcwCenter       *center)
{
  g_autoptr(IcwFundingRequest) request = icw_funding_request_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = g_strdup_printf (_("Funding request of %s"), icw_center_get_name (center));

  icw_funding_request_set_center_id (request, icw_record_get_id (ICW_RECORD (center)));
  icw_funding_request_set_title (request, title);
  icw_funding_request_set_start_year (request, g_date_time_get_year (now));
  icw_funding_request_set_period (request, 2);
  icw_funding_request_set_source_used (request, ICW_FUNDING_SOURCE_CENTRAL_FISCAL, TRUE);
  icw_funding_request_set_source_used (request, ICW_FUNDING_SOURCE_SHAREHOLDER_CAPITAL, TRUE);
  icw_register_page_save_new_record (self, ICW_RECORD (request));
}

static void
funding_create (IcwRegisterPage *self)
{
  choose_center (self, _("New Funding Request"), _("Which center asks for the funds?"),
                 _("Add the center first: a funding request belongs to a center."), create_funding_for);
}

const IcwRegisterKind icw_register_page_funding_kind = {
  ICW_RECORD_KIND_FUNDING_REQUEST, icw_funding_request_get_type, "title", FALSE,
  N_("Search funding requests"),
  N_("No Funding Requests Yet"),
  N_("Prepare a center's request for central or local fiscal funds, fund or bank money: a budget by category, year and source with exact totals, checked against the fund's rules before you submit."),
  N_("Select a funding request"),
  N_("New funding request"),
  document_subtitle, document_show, funding_focus, funding_create,
};
