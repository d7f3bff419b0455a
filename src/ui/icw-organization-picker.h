/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-organization-picker.h: a dialog to choose an organization from the register (or add one by
 * name), so that shareholders, members and host companies are never retyped. */
#pragma once

#include <adwaita.h>

#include "icw-organization.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_ORGANIZATION_PICKER (icw_organization_picker_get_type ())

G_DECLARE_FINAL_TYPE (IcwOrganizationPicker, icw_organization_picker, ICW, ORGANIZATION_PICKER, AdwWindow)

IcwOrganizationPicker *icw_organization_picker_new (GtkWidget  *parent,
                                                    IcwStore   *store,
                                                    const char *title);

G_END_DECLS
