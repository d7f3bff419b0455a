/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-xlsx-file.c: a spreadsheet written as PATH.part and renamed when whole (icw-xlsx-file.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "icw-error.h"
#include "icw-xlsx-file.h"

gboolean
icw_xlsx_file_failed (GError     **error,
                      const char  *path,
                      const char  *reason)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("The spreadsheet %s could not be written: %s"), path, reason);
  return FALSE;
}

lxw_workbook *
icw_xlsx_file_new (const char  *path,
                   char       **partial,
                   GError     **error)
{
  lxw_workbook *workbook;

  *partial = g_strconcat (path, ".part", NULL);
  workbook = workbook_new (*partial);
  if (workbook == NULL)
    g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("The spreadsheet %s could not be created"), path);
  return workbook;
}

gboolean
icw_xlsx_file_close (lxw_workbook  *workbook,
                     lxw_error      code,
                     const char    *partial,
                     const char    *path,
                     GError       **error)
{
  lxw_error closed = workbook_close (workbook);

  if (code == LXW_NO_ERROR)
    code = closed;
  if (code != LXW_NO_ERROR)
    {
      g_unlink (partial);
      return icw_xlsx_file_failed (error, path, lxw_strerror (code));
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      return icw_xlsx_file_failed (error, path, g_strerror (saved));
    }
  return TRUE;
}
