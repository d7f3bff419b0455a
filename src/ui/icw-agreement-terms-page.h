/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-terms-page.h: the agreement editor's "Terms" page: patent costs, publication
 * review, exit, confidentiality, term and disputes. */
#pragma once

#include <adwaita.h>

#include "icw-ip-agreement.h"
#include "icw-record-form.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_TERMS_PAGE (icw_agreement_terms_page_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementTermsPage, icw_agreement_terms_page, ICW, AGREEMENT_TERMS_PAGE, AdwPreferencesPage)

/* The page's rows are @form's (the editor's form, which outlives the page). */
GtkWidget *icw_agreement_terms_page_new            (IcwRecordForm         *form,
                                                    IcwStore              *store);
void       icw_agreement_terms_page_show           (IcwAgreementTermsPage *self,
                                                    IcwIpAgreement        *agreement);
/* The row of the party bearing the patent costs (a choice among the parties, not a form row). */
GtkWidget *icw_agreement_terms_page_get_cost_party (IcwAgreementTermsPage *self);

G_END_DECLS
