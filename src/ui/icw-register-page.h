/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-page.h: a page of one register (centers or organizations): a search entry, the
 * sorted and filtered list, and the editor of the selected record. */
#pragma once

#include <adwaita.h>

#include "icw-money.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REGISTER_PAGE (icw_register_page_get_type ())

G_DECLARE_FINAL_TYPE (IcwRegisterPage, icw_register_page, ICW, REGISTER_PAGE, GtkBox)

GtkWidget *icw_register_page_new_centers       (IcwStore        *store,
                                                IcwMoneyUnit     money_unit);
GtkWidget *icw_register_page_new_organizations (IcwStore        *store);
GtkWidget *icw_register_page_new_applications  (IcwStore        *store);
GtkWidget *icw_register_page_new_agreements    (IcwStore        *store,
                                                IcwMoneyUnit     money_unit);
GtkWidget *icw_register_page_new_funding       (IcwStore        *store,
                                                GSettings       *settings);
void       icw_register_page_create_record     (IcwRegisterPage *self);
void       icw_register_page_focus_search      (IcwRegisterPage *self);
IcwRecord *icw_register_page_get_selected      (IcwRegisterPage *self);
void       icw_register_page_select            (IcwRegisterPage *self,
                                                IcwRecord       *record);

G_END_DECLS
