/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-xlsx-file.h: a spreadsheet of one worksheet (icw-export-writers.h) written beside its target,
 * as PATH.part, by the export module (libxlsxwriter; icw-export-module.h), and renamed to PATH only
 * when whole, so that a failure leaves no half file under the name the user chose: what the budget
 * export and the review overview share. The messages name PATH. */
#pragma once

#include <glib.h>

#include "icw-export-writers.h"

G_BEGIN_DECLS

/* SHEET, with the IcwSheetCell array CELLS as its cells, written at PATH; FALSE with an error
 * naming PATH, and nothing left under PATH. */
gboolean icw_xlsx_file_write  (const char  *path,
                               IcwSheet    *sheet,
                               GArray      *cells,
                               GError     **error);
/* The error of a workbook that could not be written, with the reason; FALSE. */
gboolean icw_xlsx_file_failed (GError     **error,
                               const char  *path,
                               const char  *reason);

G_END_DECLS
