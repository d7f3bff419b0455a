/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-member-picker.h: a dialog to choose a party of an IP-sharing agreement. It lists the
 * center's company, its shareholders and its alliance members (those already parties are left
 * out), so that a party the store would refuse cannot be chosen in the first place. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_MEMBER_PICKER (icw_member_picker_get_type ())

G_DECLARE_FINAL_TYPE (IcwMemberPicker, icw_member_picker, ICW, MEMBER_PICKER, AdwWindow)

IcwMemberPicker *icw_member_picker_new (GtkWidget          *parent,
                                        IcwStore           *store,
                                        const char         *center_id,
                                        const char * const *excluded_organization_ids);

G_END_DECLS
