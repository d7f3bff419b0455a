/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-csv-numbers.h: the columns of the organizations CSV file that hold the numbers and flags
 * reviewers score (issue 15: three years of revenue, R&D spending, R&D intensity and R&D staff,
 * legal form and legal-person status, honours, user enterprise, 失信), each read strictly into its
 * field of the catalogue, with a message naming the row and the column when a cell is wrong. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  const char *english;   /* the header, compared as icw-csv-import.c compares headers */
  const char *chinese;   /* the Chinese header, compared exactly */
  const char *column;    /* the organization's field in the catalogue */
} IcwCsvNumberColumn;

const IcwCsvNumberColumn *icw_csv_number_columns (guint *n_columns);

/* The index of the column a (trimmed) header names, or -1. */
int      icw_csv_number_column_for_header (const char *header);

/* Reads a non-empty cell of the column `index` into value (initialized here to the property's
 * type); on a bad value, an ICW_ERROR_IMPORT error naming the row, the column as the file names
 * it and the value, and saying what the column takes. */
gboolean icw_csv_number_parse             (guint        index,
                                           const char  *text,
                                           guint        row,
                                           const char  *column_name,
                                           GValue      *value,
                                           GError     **error);

/* The organization's property the column sets. */
const char *icw_csv_number_property       (guint        index);

/* A yes/no cell (yes, true, 1, 是 / no, false, 0, 否; Latin words in any case): TRUE with the
 * flag in *value, FALSE when it is neither. Also the import's "top ten" column. */
gboolean icw_csv_parse_yes_no             (const char  *text,
                                           gboolean    *value);

G_END_DECLS
