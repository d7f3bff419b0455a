/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-csv-import.h: importing the centers and organizations CSV files of DESIGN.md: all rows or
 * none, in UTF-8 (with or without BOM) or GB18030, with English or Chinese headers. */
#pragma once

#include "icw-store.h"

G_BEGIN_DECLS

typedef enum {
  ICW_CSV_KIND_AUTO,           /* decided from the header row */
  ICW_CSV_KIND_CENTERS,
  ICW_CSV_KIND_ORGANIZATIONS,
} IcwCsvKind;

typedef struct {
  IcwCsvKind  kind;            /* what the file turned out to hold */
  guint       created;         /* records added */
  guint       updated;         /* existing records (matched by name) changed */
  GPtrArray  *warnings;        /* translated messages (unknown columns and the like) */
} IcwCsvImportResult;

gboolean icw_csv_import_bytes        (IcwStore            *store,
                                      GBytes              *contents,
                                      IcwCsvKind           kind,
                                      IcwCsvImportResult  *result,
                                      GError             **error);
gboolean icw_csv_import_file         (IcwStore            *store,
                                      const char          *path,
                                      IcwCsvKind           kind,
                                      IcwCsvImportResult  *result,
                                      GError             **error);
void     icw_csv_import_result_clear (IcwCsvImportResult  *result);

G_END_DECLS
