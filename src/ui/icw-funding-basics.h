/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-basics.h: the first page of the funding request editor: the center, the linked
 * application and technology, title, years, the sources in use, the category set and the R&D
 * super-deduction. */
#pragma once

#include <adwaita.h>

#include "icw-funding-request.h"
#include "icw-record-form.h"

G_BEGIN_DECLS

#define ICW_TYPE_FUNDING_BASICS (icw_funding_basics_get_type ())

G_DECLARE_FINAL_TYPE (IcwFundingBasics, icw_funding_basics, ICW, FUNDING_BASICS, GtkBox)

GtkWidget *icw_funding_basics_new            (IcwStore          *store,
                                              IcwRecordForm     *form,
                                              IcwMoneyUnit       unit);
void       icw_funding_basics_set_request    (IcwFundingBasics  *self,
                                              IcwFundingRequest *request);
void       icw_funding_basics_set_money_unit (IcwFundingBasics  *self,
                                              IcwMoneyUnit       unit);
void       icw_funding_basics_set_editable   (IcwFundingBasics  *self,
                                              gboolean           editable);
void       icw_funding_basics_flush          (IcwFundingBasics  *self);
/* Focuses the widget of a property ("title", "sources", "start-year" …); FALSE if none. */
gboolean   icw_funding_basics_focus          (IcwFundingBasics  *self,
                                              const char        *property);

G_END_DECLS
