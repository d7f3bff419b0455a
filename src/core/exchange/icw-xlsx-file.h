/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-xlsx-file.h: a spreadsheet (libxlsxwriter) written beside its target, as PATH.part, and
 * renamed to PATH only when whole, so that a failure leaves no half file under the name the user
 * chose: what the budget export and the review overview share. The messages name PATH. */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* A new workbook at PATH.part (*partial, g_free), or NULL with an error. */
lxw_workbook *icw_xlsx_file_new   (const char    *path,
                                   char         **partial,
                                   GError       **error);
/* Closes WORKBOOK and renames PARTIAL to PATH. CODE is the first error met while filling it
 * (LXW_NO_ERROR: none): then, as when closing or renaming fails, PARTIAL is removed, nothing is
 * left under PATH, and FALSE comes with the error. */
gboolean      icw_xlsx_file_close (lxw_workbook  *workbook,
                                   lxw_error      code,
                                   const char    *partial,
                                   const char    *path,
                                   GError       **error);
/* The error of a workbook that could not be written, with libxlsxwriter's reason; FALSE. */
gboolean      icw_xlsx_file_failed (GError     **error,
                                    const char  *path,
                                    const char  *reason);

G_END_DECLS
