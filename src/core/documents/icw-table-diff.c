/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-table-diff.c: tables compared row by row, then cell by cell (see the header). */
#include "config.h"

#include <string.h>

#include "icw-table-diff.h"

IcwTable *
icw_table_new (const char * const *headers)
{
  IcwTable *table = g_new0 (IcwTable, 1);

  table->headers = g_strdupv ((char **) headers);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
icw_table_add_row (IcwTable *table,
                   GStrv     cells)
{
  g_ptr_array_add (table->rows, cells);
}

void
icw_table_free (IcwTable *table)
{
  g_strfreev (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
row_diff_free (IcwRowDiff *row)
{
  g_ptr_array_unref (row->cells);
  g_array_unref (row->cell_changed);
  g_free (row);
}

void
icw_table_diff_free (IcwTableDiff *diff)
{
  g_strfreev (diff->headers);
  g_ptr_array_unref (diff->rows);
  g_free (diff);
}

static const char *
cell (GStrv  row,
      guint  column)
{
  for (guint i = 0; i < column; i++)
    if (row[i] == NULL)
      return "";
  return row[column] != NULL ? row[column] : "";
}

static gboolean
rows_equal (guint    a_index,
            guint    b_index,
            gpointer user_data)
{
  IcwTable **tables = user_data;
  GStrv a = tables[0]->rows->pdata[a_index];
  GStrv b = tables[1]->rows->pdata[b_index];
  guint n = MAX (g_strv_length (a), g_strv_length (b));

  for (guint c = 0; c < n; c++)
    if (strcmp (cell (a, c), cell (b, c)) != 0)
      return FALSE;
  return TRUE;
}

static GPtrArray *
one_span (IcwDiffKind  kind,
          const char  *text)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_diff_span_free);
  IcwDiffSpan *span = g_new0 (IcwDiffSpan, 1);

  span->kind = kind;
  span->text = g_strdup (text);
  g_ptr_array_add (spans, span);
  return spans;
}

/* A row of the diff: @a_row or @b_row may be NULL (added or removed). */
static IcwRowDiff *
row_diff_new (GStrv  a_row,
              GStrv  b_row,
              guint  n_columns)
{
  IcwRowDiff *row = g_new0 (IcwRowDiff, 1);

  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  row->cell_changed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  row->change = a_row == NULL ? ICW_ROW_ADDED : b_row == NULL ? ICW_ROW_REMOVED : ICW_ROW_SAME;
  for (guint c = 0; c < n_columns; c++)
    {
      gboolean changed = FALSE;

      if (a_row == NULL)
        g_ptr_array_add (row->cells, one_span (ICW_DIFF_INSERTED, cell (b_row, c))), changed = *cell (b_row, c) != '\0';
      else if (b_row == NULL)
        g_ptr_array_add (row->cells, one_span (ICW_DIFF_DELETED, cell (a_row, c))), changed = *cell (a_row, c) != '\0';
      else
        {
          changed = strcmp (cell (a_row, c), cell (b_row, c)) != 0;
          g_ptr_array_add (row->cells, changed ? icw_text_diff (cell (a_row, c), cell (b_row, c))
                                               : one_span (ICW_DIFF_EQUAL, cell (b_row, c)));
          if (changed)
            row->change = ICW_ROW_CHANGED;
        }
      g_array_append_val (row->cell_changed, changed);
    }
  return row;
}

static guint
n_columns_of (IcwTable *table,
              guint     n)
{
  n = MAX (n, table->headers != NULL ? g_strv_length (table->headers) : 0);
  for (guint i = 0; i < table->rows->len; i++)
    n = MAX (n, g_strv_length (table->rows->pdata[i]));
  return n;
}

/* A block of removed rows followed by added ones: paired in order as changed rows. */
static void
add_block (IcwTableDiff *diff,
           IcwTable     *a,
           IcwTable     *b,
           guint         a_start,
           guint         n_removed,
           guint         b_start,
           guint         n_added,
           guint         n_columns)
{
  guint paired = MIN (n_removed, n_added);

  for (guint i = 0; i < paired; i++)
    g_ptr_array_add (diff->rows, row_diff_new (a->rows->pdata[a_start + i], b->rows->pdata[b_start + i], n_columns));
  for (guint i = paired; i < n_removed; i++)
    g_ptr_array_add (diff->rows, row_diff_new (a->rows->pdata[a_start + i], NULL, n_columns));
  for (guint i = paired; i < n_added; i++)
    g_ptr_array_add (diff->rows, row_diff_new (NULL, b->rows->pdata[b_start + i], n_columns));
}

IcwTableDiff *
icw_table_diff (IcwTable *a,
                IcwTable *b)
{
  IcwTable *tables[2] = { a, b };
  g_autoptr(GArray) runs = NULL;
  IcwTableDiff *diff = g_new0 (IcwTableDiff, 1);
  guint n_columns = n_columns_of (b, n_columns_of (a, 0));

  g_return_val_if_fail (a != NULL && b != NULL, diff);

  diff->headers = g_strdupv (b->headers);
  diff->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_diff_free);
  runs = icw_diff_sequences (a->rows->len, b->rows->len, rows_equal, tables);
  for (guint i = 0; i < runs->len; i++)
    {
      IcwDiffRun *run = &g_array_index (runs, IcwDiffRun, i);
      IcwDiffRun *next = i + 1 < runs->len ? &g_array_index (runs, IcwDiffRun, i + 1) : NULL;

      if (run->kind == ICW_DIFF_EQUAL)
        for (guint r = 0; r < run->length; r++)
          g_ptr_array_add (diff->rows, row_diff_new (a->rows->pdata[run->a_start + r],
                                                     b->rows->pdata[run->b_start + r], n_columns));
      else if (run->kind == ICW_DIFF_DELETED && next != NULL && next->kind == ICW_DIFF_INSERTED)
        {
          add_block (diff, a, b, run->a_start, run->length, next->b_start, next->length, n_columns);
          i++;
        }
      else if (run->kind == ICW_DIFF_DELETED)
        add_block (diff, a, b, run->a_start, run->length, 0, 0, n_columns);
      else
        add_block (diff, a, b, 0, 0, run->b_start, run->length, n_columns);
    }
  return diff;
}

gboolean
icw_table_diff_changed (IcwTableDiff *diff)
{
  for (guint i = 0; diff != NULL && i < diff->rows->len; i++)
    if (((IcwRowDiff *) diff->rows->pdata[i])->change != ICW_ROW_SAME)
      return TRUE;
  return FALSE;
}
