/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-editor.h: the editor of a center application (申报书): its sections, the check
 * against the rule packs, and its life cycle. */
#pragma once

#include <adwaita.h>

#include "icw-money.h"
#include "icw-document-editor.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_APPLICATION_EDITOR (icw_application_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwApplicationEditor, icw_application_editor, ICW, APPLICATION_EDITOR, IcwDocumentEditor)

GtkWidget *icw_application_editor_new             (IcwStore             *store);
void       icw_application_editor_set_application (IcwApplicationEditor *self,
                                                   IcwRecord            *application);
void       icw_application_editor_focus_title     (IcwApplicationEditor *self);
gboolean   icw_application_editor_show_field      (IcwApplicationEditor *self,
                                                   const char           *field);
void       icw_application_editor_run_check       (IcwApplicationEditor *self);

G_END_DECLS
