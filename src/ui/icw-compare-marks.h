/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-compare-marks.h: the widgets of "what changed" (icw-compare-dialog.c): a label whose removed
 * text is struck through and whose added text is underlined (each on a tinted background, so that
 * colour is never the only mark), with an accessible description saying what was removed and
 * added; and a table compared cell by cell with a column naming each row's change. */
#pragma once

#include <gtk/gtk.h>

#include "icw-table-diff.h"

G_BEGIN_DECLS

/* The spans of one side: EQUAL and DELETED spans (@kept ICW_DIFF_DELETED, the earlier version),
 * EQUAL and INSERTED ones (ICW_DIFF_INSERTED, the later one), or all of them (ICW_DIFF_EQUAL). */
GtkWidget *icw_compare_marks_label     (GPtrArray    *spans,
                                        IcwDiffKind   kept);
/* "Removed: “…”. Added: “…”." in the user's language; NULL when nothing changed. */
char      *icw_compare_marks_describe  (GPtrArray    *spans);
/* A grid: a column saying Added, Removed or Changed, then the table's columns. */
GtkWidget *icw_compare_marks_table     (IcwTableDiff *diff);
/* The text of @label's attributes at byte @index: whether it is struck through or underlined (for
 * the tests). */
gboolean   icw_compare_marks_at        (GtkLabel     *label,
                                        guint         index,
                                        gboolean     *struck,
                                        gboolean     *underlined);

G_END_DECLS
