/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-csv-reader.h: an RFC 4180 reader for CSV text that has a header row. Rows carry the numbers a
 * spreadsheet shows for them (the header is row 1), so that messages point where the user looks. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint   number;      /* the row as a spreadsheet numbers it; a value with line breaks stays one row */
  char  **fields;      /* exactly as many as the header has columns */
} IcwCsvRow;

typedef struct {
  char      **header;     /* the header's fields, as written */
  guint       n_columns;
  GPtrArray  *rows;       /* IcwCsvRow*, in file order; blank rows are left out */
} IcwCsvTable;

IcwCsvTable *icw_csv_table_parse (const char   *text,
                                  GError      **error);
void         icw_csv_table_free  (IcwCsvTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwCsvTable, icw_csv_table_free)

G_END_DECLS
