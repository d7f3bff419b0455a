/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-table.c: the cells of a budget in one flat array (row × year × source) and its totals,
 * every addition checked for overflow. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-budget-table.h"
#include "icw-enums.h"
#include "icw-error.h"

struct _IcwBudgetTable
{
  IcwCategorySet *set;
  char *request_id;
  int start_year;
  guint n_years;
  guint n_sources;
  guint n_rows;
  IcwFundingSource sources[ICW_N_FUNDING_SOURCES];
  gint64 *cells;
  IcwBudgetLine **lines;    /* per row, owned, or NULL */
};

gboolean
icw_fen_add (gint64  a,
             gint64  b,
             gint64 *sum)
{
  gint64 result;

  if (__builtin_add_overflow (a, b, &result))
    return FALSE;
  *sum = result;
  return TRUE;
}

IcwBudgetTable *
icw_budget_table_new (IcwCategorySet         *set,
                      int                     start_year,
                      int                     n_years,
                      const IcwFundingSource *sources,
                      guint                   n_sources)
{
  IcwBudgetTable *self;

  g_return_val_if_fail (ICW_IS_CATEGORY_SET (set), NULL);
  g_return_val_if_fail (n_years >= 0 && n_years <= 100, NULL);
  g_return_val_if_fail (n_sources <= ICW_N_FUNDING_SOURCES, NULL);

  self = g_new0 (IcwBudgetTable, 1);
  self->set = g_object_ref (set);
  self->start_year = start_year;
  self->n_years = (guint) n_years;
  self->n_sources = n_sources;
  for (guint i = 0; i < n_sources; i++)
    self->sources[i] = sources[i];
  self->n_rows = icw_category_set_get_n_categories (set);
  self->cells = g_new0 (gint64, (gsize) self->n_rows * self->n_years * MAX (n_sources, 1));
  self->lines = g_new0 (IcwBudgetLine *, self->n_rows);
  return self;
}

void
icw_budget_table_free (IcwBudgetTable *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_rows; i++)
    g_clear_object (&self->lines[i]);
  g_free (self->lines);
  g_free (self->cells);
  g_free (self->request_id);
  g_object_unref (self->set);
  g_free (self);
}

static gint64 *
cell (IcwBudgetTable *self,
      guint           row,
      guint           y,
      guint           s)
{
  g_assert (row < self->n_rows && y < self->n_years && s < self->n_sources);
  return &self->cells[((gsize) row * self->n_years + y) * self->n_sources + s];
}

static void
fill_from_line (IcwBudgetTable *self,
                guint           row,
                IcwBudgetLine  *line)
{
  g_autoptr(GHashTable) cells = icw_budget_cells_parse (icw_budget_line_get_cells (line), NULL);

  for (guint y = 0; cells != NULL && y < self->n_years; y++)
    for (guint s = 0; s < self->n_sources; s++)
      {
        g_autofree char *key = icw_budget_cell_key (self->start_year + (int) y, self->sources[s]);
        gint64 *fen = g_hash_table_lookup (cells, key);

        *cell (self, row, y, s) = fen != NULL ? *fen : 0;
      }
}

IcwBudgetTable *
icw_budget_table_new_for_request (IcwStore          *store,
                                  IcwFundingRequest *request,
                                  GError           **error)
{
  g_autoptr(IcwCategorySet) set = NULL;
  g_autoptr(GListModel) lines = NULL;
  IcwFundingSource sources[ICW_N_FUNDING_SOURCES];
  guint n_sources = icw_funding_request_list_sources (request, sources);
  IcwBudgetTable *self;
  int period = icw_funding_request_get_period (request);

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_FUNDING_REQUEST (request), NULL);

  set = icw_category_set_lookup (icw_funding_request_get_category_set (request),
                                 icw_funding_request_get_category_set_version (request), error);
  if (set == NULL)
    return NULL;
  self = icw_budget_table_new (set, icw_funding_request_get_start_year (request),
                               CLAMP (period, 0, ICW_FUNDING_MAX_PERIOD), sources, n_sources);
  self->request_id = g_strdup (icw_record_get_id (ICW_RECORD (request)));
  if (self->request_id == NULL)
    return self;
  lines = icw_store_list (store, ICW_RECORD_KIND_BUDGET_LINE, self->request_id);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(IcwBudgetLine) line = g_list_model_get_item (lines, i);
      int row = icw_category_set_find (set, icw_budget_line_get_category (line));

      if (row < 0 || !icw_budget_category_is_leaf (icw_category_set_get_category (set, (guint) row)))
        continue;
      g_set_object (&self->lines[row], line);
      fill_from_line (self, (guint) row, line);
    }
  return self;
}

IcwCategorySet *
icw_budget_table_get_category_set (IcwBudgetTable *self)
{
  return self->set;
}

int
icw_budget_table_get_start_year (IcwBudgetTable *self)
{
  return self->start_year;
}

guint
icw_budget_table_get_n_years (IcwBudgetTable *self)
{
  return self->n_years;
}

guint
icw_budget_table_get_n_sources (IcwBudgetTable *self)
{
  return self->n_sources;
}

IcwFundingSource
icw_budget_table_get_source (IcwBudgetTable *self,
                             guint           source_index)
{
  g_return_val_if_fail (source_index < self->n_sources, 0);
  return self->sources[source_index];
}

guint
icw_budget_table_get_n_rows (IcwBudgetTable *self)
{
  return self->n_rows;
}

const IcwBudgetCategory *
icw_budget_table_get_category (IcwBudgetTable *self,
                               guint           row)
{
  return icw_category_set_get_category (self->set, row);
}

IcwBudgetLine *
icw_budget_table_get_line (IcwBudgetTable *self,
                           guint           row)
{
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->lines[row];
}

static gboolean
is_leaf (IcwBudgetTable *self,
         guint           row)
{
  return icw_budget_category_is_leaf (icw_category_set_get_category (self->set, row));
}

gint64
icw_budget_table_get (IcwBudgetTable *self,
                      guint           row,
                      guint           year_index,
                      guint           source_index)
{
  g_return_val_if_fail (row < self->n_rows && year_index < self->n_years && source_index < self->n_sources, 0);
  return is_leaf (self, row) ? *cell (self, row, year_index, source_index) : 0;
}

void
icw_budget_table_set (IcwBudgetTable *self,
                      guint           row,
                      guint           year_index,
                      guint           source_index,
                      gint64          fen)
{
  g_return_if_fail (row < self->n_rows && year_index < self->n_years && source_index < self->n_sources);
  g_return_if_fail (is_leaf (self, row));
  g_return_if_fail (fen >= 0);
  *cell (self, row, year_index, source_index) = fen;
}

static gboolean
row_selected (IcwBudgetTable *self,
              guint           r,
              int             row,
              int             group)
{
  const IcwBudgetCategory *category = icw_category_set_get_category (self->set, r);

  if (category->n_children > 0)
    return FALSE;
  if (group != ICW_BUDGET_ALL && (int) category->group != group)
    return FALSE;
  return row == ICW_BUDGET_ALL || (int) r == row || category->parent == row;
}

const char *
icw_budget_overflow_marker (void)
{
  /* TRANSLATORS: written in place of a budget total that is too large to be computed */
  return _("overflow");
}

static gboolean
overflow (GError **error)
{
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("Budget: a total is too large to be computed (over 92,233,720,368,547,758.07 yuan)"));
  return FALSE;
}

gboolean
icw_budget_table_sum (IcwBudgetTable *self,
                      int             row,
                      int             year_index,
                      int             source_index,
                      int             group,
                      gint64         *total,
                      GError        **error)
{
  gint64 sum = 0;

  g_return_val_if_fail (self != NULL && total != NULL, FALSE);
  g_return_val_if_fail (row >= ICW_BUDGET_ALL && row < (int) self->n_rows, FALSE);
  g_return_val_if_fail (year_index >= ICW_BUDGET_ALL && year_index < (int) self->n_years, FALSE);
  g_return_val_if_fail (source_index >= ICW_BUDGET_ALL && source_index < (int) self->n_sources, FALSE);

  for (guint r = 0; r < self->n_rows; r++)
    {
      if (!row_selected (self, r, row, group))
        continue;
      for (guint y = 0; y < self->n_years; y++)
        {
          if (year_index != ICW_BUDGET_ALL && (int) y != year_index)
            continue;
          for (guint s = 0; s < self->n_sources; s++)
            if ((source_index == ICW_BUDGET_ALL || (int) s == source_index) &&
                !icw_fen_add (sum, *cell (self, r, y, s), &sum))
              return overflow (error);
        }
    }
  *total = sum;
  return TRUE;
}

gboolean
icw_budget_table_grand_total (IcwBudgetTable *self,
                              gint64         *total,
                              GError        **error)
{
  return icw_budget_table_sum (self, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, total, error);
}

gboolean
icw_budget_table_fiscal_total (IcwBudgetTable *self,
                               gboolean        fiscal,
                               gint64         *total,
                               GError        **error)
{
  gint64 sum = 0;

  for (guint s = 0; s < self->n_sources; s++)
    {
      gint64 part;

      if (!!icw_funding_source_is_fiscal (self->sources[s]) != !!fiscal)
        continue;
      if (!icw_budget_table_sum (self, ICW_BUDGET_ALL, ICW_BUDGET_ALL, (int) s, ICW_BUDGET_ALL, &part, error))
        return FALSE;
      if (!icw_fen_add (sum, part, &sum))
        return overflow (error);
    }
  *total = sum;
  return TRUE;
}

int
icw_budget_table_year_index (IcwBudgetTable *self,
                             int             year)
{
  int index = year - self->start_year;

  return index >= 0 && index < (int) self->n_years ? index : -1;
}

int
icw_budget_table_source_index (IcwBudgetTable   *self,
                               IcwFundingSource  source)
{
  for (guint s = 0; s < self->n_sources; s++)
    if (self->sources[s] == source)
      return (int) s;
  return -1;
}

/* The row's line, created (unsaved) when it has none. */
static IcwBudgetLine *
line_for_row (IcwBudgetTable *self,
              guint           row)
{
  if (self->lines[row] == NULL)
    {
      self->lines[row] = icw_budget_line_new ();
      icw_budget_line_set_request_id (self->lines[row], self->request_id);
      icw_budget_line_set_category (self->lines[row], icw_category_set_get_category (self->set, row)->key);
    }
  return self->lines[row];
}

static gboolean
save_line (IcwBudgetTable *self,
           IcwStore       *store,
           guint           row,
           const char     *property,
           const char     *before,
           GError        **error)
{
  IcwBudgetLine *line = self->lines[row];

  if (icw_store_save (store, ICW_RECORD (line), error))
    return TRUE;
  if (icw_record_get_id (ICW_RECORD (line)) == NULL)
    g_clear_object (&self->lines[row]);
  else
    g_object_set (line, property, before, NULL);
  return FALSE;
}

gboolean
icw_budget_table_save_cell (IcwBudgetTable *self,
                            IcwStore       *store,
                            guint           row,
                            guint           year_index,
                            guint           source_index,
                            gint64          fen,
                            GError        **error)
{
  g_autofree char *before = NULL;
  IcwBudgetLine *line;

  g_return_val_if_fail (self != NULL && self->request_id != NULL, FALSE);
  g_return_val_if_fail (row < self->n_rows && year_index < self->n_years && source_index < self->n_sources, FALSE);

  if (!is_leaf (self, row))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Budget: “%s” is the subtotal of its lines; type the amounts in them"),
                   icw_budget_category_get_label (icw_category_set_get_category (self->set, row)));
      return FALSE;
    }
  if (fen < 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Budget: “%s” cannot be negative"),
                   icw_budget_category_get_label (icw_category_set_get_category (self->set, row)));
      return FALSE;
    }
  line = line_for_row (self, row);
  before = g_strdup (icw_budget_line_get_cells (line));
  icw_budget_line_set_cell (line, self->start_year + (int) year_index, self->sources[source_index], fen);
  if (!save_line (self, store, row, "cells", before, error))
    return FALSE;
  *cell (self, row, year_index, source_index) = fen;
  return TRUE;
}

gboolean
icw_budget_table_save_justification (IcwBudgetTable *self,
                                     IcwStore       *store,
                                     guint           row,
                                     const char     *text,
                                     GError        **error)
{
  g_autofree char *before = NULL;
  IcwBudgetLine *line;

  g_return_val_if_fail (self != NULL && self->request_id != NULL, FALSE);
  g_return_val_if_fail (row < self->n_rows, FALSE);
  g_return_val_if_fail (is_leaf (self, row), FALSE);

  line = line_for_row (self, row);
  before = g_strdup (icw_budget_line_get_justification (line));
  icw_budget_line_set_justification (line, text);
  return save_line (self, store, row, "justification", before, error);
}
