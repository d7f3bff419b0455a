/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-export-writers.h: what the export writers take, as plain data: the parts of a zip archive
 * (the Word file) and one worksheet of an xlsx file (the budget export, the reviewer's overview).
 * The writers themselves, over libzip and libxlsxwriter, are a module of their own
 * (icw-exports-module.c), loaded at the first export by icw-export-module.c, so that the libraries
 * only the exports use (libzip, libxlsxwriter, libminizip, libcrypto) are not loaded when the
 * workbench starts (docs/architecture.md, "The export module"). No GLib type beyond its basic ones
 * crosses to the module. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One member of a zip archive: SIZE bytes at DATA, kept alive until the archive is written. */
typedef struct
{
  const char    *name;
  gconstpointer  data;
  gsize          size;
  gboolean       stored;     /* not compressed (a PNG is compressed already) */
} IcwZipPart;

/* The properties of a cell format of a worksheet. */
typedef enum
{
  ICW_SHEET_BOLD = 1 << 0,
  ICW_SHEET_CENTERED = 1 << 1,
  ICW_SHEET_AMOUNT = 1 << 2,   /* the number format "#,##0.00" */
} IcwSheetStyle;

/* One cell, written in order: TEXT as a string; else FORMULA (without "=") with NUMBER as its
 * cached value; else NUMBER. LAST_COLUMN beyond COLUMN merges the cells COLUMN…LAST_COLUMN of ROW
 * into one holding TEXT. FORMAT is 1 + an index into the sheet's formats, 0 for none. */
typedef struct
{
  guint       row;
  guint       column;
  guint       last_column;
  const char *text;
  const char *formula;
  double      number;
  guint       format;
} IcwSheetCell;

/* The columns FIRST…LAST, WIDTH characters wide. */
typedef struct
{
  guint  first;
  guint  last;
  double width;
} IcwSheetColumns;

typedef struct
{
  const char            *name;
  const IcwSheetStyle   *formats;        /* made in this order */
  guint                  n_formats;
  const IcwSheetColumns *columns;
  guint                  n_columns;
  const IcwSheetCell    *cells;
  guint                  n_cells;
  guint                  freeze_rows;    /* rows and columns that do not scroll */
  guint                  freeze_columns;
  gboolean               autofilter;     /* a filter over rows 0…filter_last_row */
  guint                  filter_last_row;
  guint                  filter_last_column;
} IcwSheet;

typedef enum
{
  ICW_SHEET_WRITTEN,
  ICW_SHEET_NOT_CREATED,     /* the workbook could not be made at the path */
  ICW_SHEET_FAILED,          /* *reason says why */
} IcwSheetResult;

/* The module's two entry points (found by name, icw-export-module.c). The zip archive is written
 * at PATH; FALSE with *reason (g_free) when it could not be. */
typedef gboolean       (*IcwWriteZipFunc)   (const char        *path,
                                             const IcwZipPart  *parts,
                                             guint              n_parts,
                                             char             **reason);
/* The workbook is written at PATH; when it fails after it was created, the file may remain. */
typedef IcwSheetResult (*IcwWriteSheetFunc) (const char        *path,
                                             const IcwSheet    *sheet,
                                             char             **reason);

#define ICW_WRITE_ZIP_SYMBOL "icw_exports_write_zip"
#define ICW_WRITE_SHEET_SYMBOL "icw_exports_write_sheet"

G_END_DECLS
