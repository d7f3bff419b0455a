/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-pages.h: the pages of the IP-sharing agreement editor other than the parties: the
 * ownership and access rights, the terms, and the generated text of the agreement. */
#pragma once

#include <adwaita.h>

#include "icw-ip-agreement.h"
#include "icw-record-form.h"
#include "icw-store.h"

G_BEGIN_DECLS

GtkWidget *icw_agreement_results_page_new  (IcwRecordForm  *form,
                                            IcwStore       *store,
                                            GtkWidget     **results_group);
GtkWidget *icw_agreement_terms_page_new    (IcwRecordForm  *form,
                                            IcwStore       *store);
void       icw_agreement_terms_page_show   (GtkWidget      *page,
                                            IcwIpAgreement *agreement);
GtkWidget *icw_agreement_text_page_new     (IcwStore       *store);
void       icw_agreement_text_page_show    (GtkWidget      *page,
                                            IcwIpAgreement *agreement);
char      *icw_agreement_text_page_get_text (GtkWidget     *page);
gboolean   icw_agreement_page_focus        (GtkWidget      *page,
                                            const char     *property);

G_END_DECLS
