/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-guide-dialog.h: the guided start of an IP-sharing agreement: a few questions, the
 * proposed ownership model and access rights with the reasons, Apply or Cancel. */
#pragma once

#include <adwaita.h>

#include "icw-ip-agreement.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_AGREEMENT_GUIDE_DIALOG (icw_agreement_guide_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcwAgreementGuideDialog, icw_agreement_guide_dialog, ICW, AGREEMENT_GUIDE_DIALOG, AdwWindow)

IcwAgreementGuideDialog *icw_agreement_guide_dialog_present (GtkWidget               *parent,
                                                             IcwStore                *store,
                                                             IcwIpAgreement          *agreement);
gboolean                 icw_agreement_guide_dialog_apply   (IcwAgreementGuideDialog *self,
                                                             GError                 **error);

G_END_DECLS
