/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-xlsx-file.c: a spreadsheet written as PATH.part and renamed when whole (icw-xlsx-file.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "icw-error.h"
#include "icw-export-module.h"
#include "icw-xlsx-file.h"

gboolean
icw_xlsx_file_failed (GError     **error,
                      const char  *path,
                      const char  *reason)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("The spreadsheet %s could not be written: %s"), path, reason);
  return FALSE;
}

gboolean
icw_xlsx_file_write (const char  *path,
                     IcwSheet    *sheet,
                     GArray      *cells,
                     GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autofree char *reason = NULL;

  sheet->cells = (IcwSheetCell *) (void *) cells->data;
  sheet->n_cells = cells->len;

  switch (icw_export_module_write_sheet (partial, sheet, &reason))
    {
    case ICW_SHEET_WRITTEN:
      break;
    case ICW_SHEET_NOT_CREATED:
      g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("The spreadsheet %s could not be created"), path);
      return FALSE;
    case ICW_SHEET_FAILED:
    default:
      g_unlink (partial);
      return icw_xlsx_file_failed (error, path, reason);
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      return icw_xlsx_file_failed (error, path, g_strerror (saved));
    }
  return TRUE;
}
