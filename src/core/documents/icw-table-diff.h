/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-table-diff.h: what changed between two versions of a table (a structured part: indicators,
 * tasks, roadmap, platforms, budget lines, parties…), cell by cell. Rows are aligned by the
 * sequence diff over whole rows (icw-text-diff.h); within a block of removed rows followed by
 * added ones, rows are paired in order as changed rows, the rest removed or added. A changed row's
 * cells are compared as texts (character by character for Chinese, word by word for Latin). */
#pragma once

#include <glib.h>

#include "icw-text-diff.h"

G_BEGIN_DECLS

typedef enum {
  ICW_ROW_SAME,
  ICW_ROW_CHANGED,
  ICW_ROW_ADDED,
  ICW_ROW_REMOVED,
} IcwRowChange;

typedef struct {
  IcwRowChange  change;
  GPtrArray    *cells;          /* one GPtrArray of IcwDiffSpan per column */
  GArray       *cell_changed;   /* gboolean per column */
} IcwRowDiff;

typedef struct {
  GStrv      headers;
  GPtrArray *rows;              /* IcwRowDiff, in the order of the later version, removed rows where they were */
} IcwTableDiff;

/* A table: its column headings and rows (each a NULL-terminated array of cells; a short row is
 * read as padded with empty cells). */
typedef struct {
  GStrv      headers;
  GPtrArray *rows;              /* GStrv */
} IcwTable;

IcwTable     *icw_table_new        (const char * const *headers);
/* Takes @cells. */
void          icw_table_add_row    (IcwTable            *table,
                                    GStrv                cells);
void          icw_table_free       (IcwTable            *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwTable, icw_table_free)

/* The later version's headings are used. */
IcwTableDiff *icw_table_diff       (IcwTable            *a,
                                    IcwTable            *b);
void          icw_table_diff_free  (IcwTableDiff        *diff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwTableDiff, icw_table_diff_free)

/* Whether any row was changed, added or removed. */
gboolean      icw_table_diff_changed (IcwTableDiff      *diff);

G_END_DECLS
