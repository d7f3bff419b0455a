/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-text-page.h: the agreement editor's "Agreement Text" page: the text the core
 * generates from the agreement's data (icw-agreement-text.h), in the user's language or the other
 * one. */
#pragma once

#include <gtk/gtk.h>

#include "icw-ip-agreement.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_TEXT_PAGE (icw_agreement_text_page_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementTextPage, icw_agreement_text_page, ICW, AGREEMENT_TEXT_PAGE, GtkBox)

GtkWidget *icw_agreement_text_page_new      (IcwStore             *store);
/* Shows @agreement's text, or the text of the agreement shown before when @agreement is NULL. */
void       icw_agreement_text_page_show     (IcwAgreementTextPage *self,
                                             IcwIpAgreement       *agreement);
char      *icw_agreement_text_page_get_text (IcwAgreementTextPage *self);

G_END_DECLS
