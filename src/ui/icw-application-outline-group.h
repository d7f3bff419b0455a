/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-outline-group.h: on the application editor's first page, the outline of the
 * call that applies (icw-outline.h), chosen by the center's province and the application's kind:
 * the documents it asks for, its sections in its order (each with its basis: the call's words,
 * or the program's own headings where the province's list was not found), the required
 * attachments and the paper copies, with the source. Rebuilt when the kind changes. */
#pragma once

#include <adwaita.h>

#include "icw-application.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_APPLICATION_OUTLINE_GROUP (icw_application_outline_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwApplicationOutlineGroup, icw_application_outline_group, ICW, APPLICATION_OUTLINE_GROUP, AdwPreferencesGroup)

GtkWidget *icw_application_outline_group_new  (IcwStore                   *store);
void       icw_application_outline_group_show (IcwApplicationOutlineGroup *self,
                                               IcwApplication             *application);

G_END_DECLS
