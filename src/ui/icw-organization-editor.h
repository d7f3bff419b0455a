/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-organization-editor.h: the editor of one organization of the register. */
#pragma once

#include <adwaita.h>

#include "icw-organization.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_ORGANIZATION_EDITOR (icw_organization_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwOrganizationEditor, icw_organization_editor, ICW, ORGANIZATION_EDITOR, AdwBin)

GtkWidget *icw_organization_editor_new              (IcwStore              *store);
void       icw_organization_editor_set_organization (IcwOrganizationEditor *self,
                                                     IcwOrganization       *org);
void       icw_organization_editor_focus_name       (IcwOrganizationEditor *self);

G_END_DECLS
