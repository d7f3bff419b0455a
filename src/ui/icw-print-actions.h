/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-print-actions.h: the actions of a document editor's Print menu (print, export-pdf,
 * export-docx) for the record in its "record" property: Print… and Export PDF… open the preview,
 * Export Word… saves the document as .docx. Without a record they are disabled. The editor inserts
 * the group as "document". */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_PRINT_ACTIONS (icw_print_actions_get_type ())

G_DECLARE_FINAL_TYPE (IcwPrintActions, icw_print_actions, ICW, PRINT_ACTIONS, GSimpleActionGroup)

/* widget: where the dialogs and toasts belong (its window is their parent); held weakly. */
IcwPrintActions *icw_print_actions_new        (GtkWidget       *widget,
                                               IcwStore        *store);
void             icw_print_actions_set_record (IcwPrintActions *self,
                                               IcwRecord       *record);
IcwRecord       *icw_print_actions_get_record (IcwPrintActions *self);

G_END_DECLS
