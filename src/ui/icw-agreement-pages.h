/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-pages.h: the pages of the IP-sharing agreement editor other than the parties: the
 * ownership and access rights, the terms, and the generated text of the agreement. */
#pragma once

#include <adwaita.h>

#include "icw-ip-agreement.h"
#include "icw-record-form.h"
#include "icw-store.h"
#include "icw-agreement-terms-page.h"
#include "icw-agreement-text-page.h"

G_BEGIN_DECLS

GtkWidget *icw_agreement_results_page_new  (IcwRecordForm  *form,
                                            IcwStore       *store,
                                            GtkWidget     **results_group);
/* Focuses the row of @property on @page, a page of the agreement editor whose rows @form binds. */
gboolean   icw_agreement_page_focus        (IcwRecordForm  *form,
                                            GtkWidget      *page,
                                            const char     *property);

G_END_DECLS
