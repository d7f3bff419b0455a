/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-pages.c: the "Results and Access" page (the ownership model and access rights as
 * record form rows, then the results list), and the focus of a finding's field on any of the
 * agreement's pages, found through the record form that binds the rows by property. The "Terms"
 * and "Agreement Text" pages are widgets of their own (icw-agreement-terms-page.c,
 * icw-agreement-text-page.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-pages.h"
#include "icw-agreement-results-group.h"
#include "icw-agreement-terms-page.h"
#include "icw-enums.h"
#include "icw-field-row.h"
#include "icw-ui-util.h"

static void
add_row (GtkWidget *group,
         GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

gboolean
icw_agreement_page_focus (IcwRecordForm *form,
                          GtkWidget     *page,
                          const char    *property)
{
  GtkWidget *row = icw_record_form_get_row (form, property);

  if (ICW_IS_AGREEMENT_TERMS_PAGE (page) && g_strcmp0 (property, "patent-cost-party-id") == 0)
    row = icw_agreement_terms_page_get_cost_party (ICW_AGREEMENT_TERMS_PAGE (page));
  if (row == NULL || !gtk_widget_is_ancestor (row, page))
    return FALSE;
  if (ICW_IS_FIELD_ROW (row))
    gtk_widget_grab_focus (GTK_WIDGET (icw_field_row_get_editable (ICW_FIELD_ROW (row))));
  else
    gtk_widget_grab_focus (row);
  return TRUE;
}

/* Results and access */

GtkWidget *
icw_agreement_results_page_new (IcwRecordForm  *form,
                                IcwStore       *store,
                                GtkWidget     **results_group)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *ownership = icw_ui_group_new (_("Ownership of Results"),
                                           _("成果归属: results belong to the party that creates them, to the center company, or to the parties jointly in stated shares, as in the model agreements of the UK Lambert Toolkit and the EU DESCA."));
  GtkWidget *access = icw_ui_group_new (_("Access Rights"),
                                        _("On what terms the other parties may use the results: for the project itself, and later to exploit them."));
  GtkStringList *project = gtk_string_list_new (NULL);

  /* The project's access is royalty-free or on fair terms; an exclusive option is for exploitation only. */
  gtk_string_list_append (project, icw_access_terms_to_label (ICW_ACCESS_ROYALTY_FREE));
  gtk_string_list_append (project, icw_access_terms_to_label (ICW_ACCESS_FAIR_REASONABLE));
  add_row (ownership, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "ownership", _("Ownership model")));
  /* Not the catalogue's row: the project's access offers fewer terms than the field holds. */
  add_row (access, icw_record_form_add_choice (form, "project-access", _("For the project"), project));
  add_row (access, icw_record_form_add_catalogue (form, ICW_RECORD_KIND_IP_AGREEMENT, "exploitation-access", _("For exploitation")));
  *results_group = icw_agreement_results_group_new (store);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (ownership));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (access));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (*results_group));
  return page;
}
