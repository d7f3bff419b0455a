/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center-editor.h: the editor of one center: basic information, host company, shareholders,
 * alliance members and the members' national platforms. */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-money.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_CENTER_EDITOR (icw_center_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwCenterEditor, icw_center_editor, ICW, CENTER_EDITOR, AdwBin)

GtkWidget *icw_center_editor_new        (IcwStore        *store,
                                         IcwMoneyUnit     money_unit);
void       icw_center_editor_set_center (IcwCenterEditor *self,
                                         IcwCenter       *center);
IcwCenter *icw_center_editor_get_center (IcwCenterEditor *self);
void       icw_center_editor_focus_name (IcwCenterEditor *self);

G_END_DECLS
