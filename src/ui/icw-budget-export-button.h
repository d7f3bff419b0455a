/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-export-button.h: the funding editor's "Export Budget…" button: the budget table of the
 * request the editor shows, saved as an Excel workbook or a CSV file (icw-budget-export.h) where
 * the user chooses, with a toast that names the file, saved or not. */
#pragma once

#include "icw-document-editor.h"

G_BEGIN_DECLS

GtkWidget *icw_budget_export_button_new  (IcwDocumentEditor *editor);
/* What the button does once the file is chosen: saves what is typed in the editor, then writes
 * its funding request's budget, CSV when path ends in .csv, else xlsx. The error names the file. */
gboolean   icw_budget_export_save        (IcwDocumentEditor *editor,
                                          const char        *path,
                                          GError           **error);

G_END_DECLS
