/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-exports-module.c: the export module (icw-exports.so), the only code linked with libzip and
 * libxlsxwriter: a zip archive and an xlsx worksheet written from the plain data of
 * icw-export-writers.h. Loaded at the first export (icw-export-module.c); it calls nothing of the
 * workbench, so the program needs to export no symbol to it. Its reasons are the libraries' own. */
#include <gmodule.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "icw-export-writers.h"

G_MODULE_EXPORT gboolean       icw_exports_write_zip   (const char        *path,
                                                        const IcwZipPart  *parts,
                                                        guint              n_parts,
                                                        char             **reason);
G_MODULE_EXPORT IcwSheetResult icw_exports_write_sheet (const char        *path,
                                                        const IcwSheet    *sheet,
                                                        char             **reason);

static gboolean
add_part (zip_t            *zip,
          const IcwZipPart *part)
{
  zip_source_t *source = zip_source_buffer (zip, part->data, part->size, 0);

  if (source == NULL)
    return FALSE;
  if (zip_file_add (zip, part->name, source, ZIP_FL_ENC_UTF_8) < 0)
    {
      zip_source_free (source);
      return FALSE;
    }
  if (part->stored)
    zip_set_file_compression (zip, zip_get_num_entries (zip, 0) - 1, ZIP_CM_STORE, 0);
  return TRUE;
}

gboolean
icw_exports_write_zip (const char        *path,
                       const IcwZipPart  *parts,
                       guint              n_parts,
                       char             **reason)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  gboolean added = TRUE;

  if (zip == NULL)
    {
      zip_error_t zerror;

      zip_error_init_with_code (&zerror, code);
      *reason = g_strdup (zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
      return FALSE;
    }
  for (guint i = 0; added && i < n_parts; i++)
    added = add_part (zip, &parts[i]);
  if (!added || zip_close (zip) != 0)
    {
      *reason = g_strdup (zip_strerror (zip));
      zip_discard (zip);
      return FALSE;
    }
  return TRUE;
}

static lxw_format *
make_format (lxw_workbook  *workbook,
             IcwSheetStyle  style)
{
  lxw_format *format = workbook_add_format (workbook);

  if (style & ICW_SHEET_BOLD)
    format_set_bold (format);
  if (style & ICW_SHEET_CENTERED)
    format_set_align (format, LXW_ALIGN_CENTER);
  if (style & ICW_SHEET_AMOUNT)
    format_set_num_format (format, "#,##0.00");
  return format;
}

static lxw_error
write_cell (lxw_worksheet       *worksheet,
            const IcwSheetCell  *cell,
            lxw_format         **formats)
{
  lxw_format *format = cell->format > 0 ? formats[cell->format - 1] : NULL;

  if (cell->last_column > cell->column)
    return worksheet_merge_range (worksheet, cell->row, (lxw_col_t) cell->column, cell->row,
                                  (lxw_col_t) cell->last_column, cell->text, format);
  if (cell->text != NULL)
    return worksheet_write_string (worksheet, cell->row, (lxw_col_t) cell->column, cell->text, format);
  if (cell->formula != NULL)
    {
      g_autofree char *formula = g_strconcat ("=", cell->formula, NULL);

      return worksheet_write_formula_num (worksheet, cell->row, (lxw_col_t) cell->column, formula, format,
                                          cell->number);
    }
  return worksheet_write_number (worksheet, cell->row, (lxw_col_t) cell->column, cell->number, format);
}

IcwSheetResult
icw_exports_write_sheet (const char      *path,
                         const IcwSheet  *sheet,
                         char           **reason)
{
  lxw_workbook *workbook = workbook_new (path);
  g_autofree lxw_format **formats = NULL;
  lxw_worksheet *worksheet;
  lxw_error code = LXW_NO_ERROR, closed;

  if (workbook == NULL)
    return ICW_SHEET_NOT_CREATED;
  worksheet = workbook_add_worksheet (workbook, sheet->name);
  formats = g_new0 (lxw_format *, sheet->n_formats + 1);
  for (guint i = 0; i < sheet->n_formats; i++)
    formats[i] = make_format (workbook, sheet->formats[i]);
  for (guint i = 0; i < sheet->n_columns; i++)
    worksheet_set_column (worksheet, (lxw_col_t) sheet->columns[i].first, (lxw_col_t) sheet->columns[i].last,
                          sheet->columns[i].width, NULL);
  for (guint i = 0; i < sheet->n_cells && code == LXW_NO_ERROR; i++)
    code = write_cell (worksheet, &sheet->cells[i], formats);
  if (code == LXW_NO_ERROR && sheet->autofilter)
    code = worksheet_autofilter (worksheet, 0, 0, (lxw_row_t) sheet->filter_last_row,
                                 (lxw_col_t) sheet->filter_last_column);
  if (code == LXW_NO_ERROR && (sheet->freeze_rows > 0 || sheet->freeze_columns > 0))
    worksheet_freeze_panes (worksheet, (lxw_row_t) sheet->freeze_rows, (lxw_col_t) sheet->freeze_columns);
  /* Closing writes the file; it is called after a failure too, to free the workbook. */
  closed = workbook_close (workbook);
  if (code == LXW_NO_ERROR)
    code = closed;
  if (code == LXW_NO_ERROR)
    return ICW_SHEET_WRITTEN;
  *reason = g_strdup (lxw_strerror (code));
  return ICW_SHEET_FAILED;
}
