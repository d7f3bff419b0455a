/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-editor.h: the editor of an IP-sharing agreement (知识产权协同共享协议): parties and
 * revenue shares, background IP, results and access rights, terms, special clauses and the
 * generated text, with the check against the rule packs and the life cycle. */
#pragma once

#include <adwaita.h>

#include "icw-money.h"
#include "icw-document-editor.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_EDITOR (icw_agreement_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementEditor, icw_agreement_editor, ICW, AGREEMENT_EDITOR, IcwDocumentEditor)

GtkWidget *icw_agreement_editor_new           (IcwStore           *store,
                                               IcwMoneyUnit        money_unit);
void       icw_agreement_editor_set_agreement (IcwAgreementEditor *self,
                                               IcwRecord          *agreement);
void       icw_agreement_editor_focus_title   (IcwAgreementEditor *self);
gboolean   icw_agreement_editor_show_field    (IcwAgreementEditor *self,
                                               const char         *field);
void       icw_agreement_editor_run_check     (IcwAgreementEditor *self);
GtkWidget *icw_agreement_editor_get_page      (IcwAgreementEditor *self,
                                               const char         *key);
const char *icw_agreement_editor_get_visible_page (IcwAgreementEditor *self);
gboolean   icw_agreement_editor_is_editable   (IcwAgreementEditor *self);

G_END_DECLS
