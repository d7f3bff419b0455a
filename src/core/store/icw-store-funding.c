/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-funding.c: what the store enforces for funding requests and their budget lines, so that
 * no caller (the editor, the command line, a later sync) can get round it:
 *
 *  - a request belongs to a live center; a linked application is one of the same center;
 *  - the life cycle and versions of every filed document (icw_store_check_lifecycle); a locked
 *    request's budget lines cannot be added, changed or deleted;
 *  - start year, period (1–10 years), sources (known keys), a bundled category set, milestones in
 *    their JSON format;
 *  - nothing saved is lost by a change of the table's shape: a request's period, sources or category
 *    set cannot change while a budget line has an amount that the new shape would drop;
 *  - a budget line names a leaf category of its request's set, once per request; each of its cells
 *    is a year of the period and a source in use, with an amount from 0 to G_MAXINT64 fen. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application.h"
#include "icw-budget-line.h"
#include "icw-category-set.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-field-limits.h"
#include "icw-funding-parts.h"
#include "icw-funding-request.h"
#include "icw-store-private.h"

static gboolean
check_sources (IcwFundingRequest  *request,
               GError            **error)
{
  const char *text = icw_funding_request_get_sources (request);
  g_auto(GStrv) keys = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      IcwFundingSource source;
      const char *key = g_strstrip (keys[i]);

      if (*key == '\0')
        continue;
      if (!icw_funding_source_from_string (key, &source) || strcmp (key, icw_funding_source_to_key (source)) != 0)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Sources: “%s” is not a source of funds"), key);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_application (IcwStore           *self,
                   IcwFundingRequest  *request,
                   GError            **error)
{
  const char *application_id = icw_funding_request_get_application_id (request);
  g_autofree char *center = NULL;

  if (!icw_store_has_text (application_id))
    return TRUE;
  center = icw_store_query_text (self, "SELECT center_id FROM applications WHERE id = ?1 AND deleted_at IS NULL",
                                 application_id, NULL);
  if (center == NULL)
    return icw_store_invalid (error, _("Application: it is not in the database"));
  if (g_strcmp0 (center, icw_funding_request_get_center_id (request)) != 0)
    return icw_store_invalid (error, _("Application: it is an application of another center"));
  return TRUE;
}

/* Every saved line's amounts must fit the request's new shape (years, sources, categories). */
static gboolean
check_lines_fit (IcwStore           *self,
                 IcwFundingRequest  *request,
                 IcwCategorySet     *set,
                 GError            **error)
{
  const char *id = icw_record_get_id (ICW_RECORD (request));
  int start = icw_funding_request_get_start_year (request);
  int period = icw_funding_request_get_period (request);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (id == NULL)
    return TRUE;
  stmt = icw_store_statement (self, "SELECT category, cells FROM budget_lines "
                                    "WHERE request_id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *category = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GHashTable) cells = icw_budget_cells_parse ((const char *) sqlite3_column_text (stmt, 1), NULL);
      GHashTableIter iter;
      gpointer key, value;
      int row = icw_category_set_find (set, category);

      if (cells == NULL)
        continue;
      g_hash_table_iter_init (&iter, cells);
      while (ok && g_hash_table_iter_next (&iter, &key, &value))
        {
          g_auto(GStrv) parts = g_strsplit (key, "/", 2);
          int year = (int) g_ascii_strtoll (parts[0], NULL, 10);
          IcwFundingSource source;

          if (*(gint64 *) value == 0)
            continue;
          if (row < 0)
            {
              g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Category set: the budget has amounts in “%s”, which the set “%s” does not have; clear them first"),
                           category, icw_category_set_get_id (set));
              ok = FALSE;
            }
          else if (year < start || year >= start + period)
            {
              g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Period: the budget has amounts in %d, outside the new period; clear them first"), year);
              ok = FALSE;
            }
          else if (parts[1] != NULL && icw_funding_source_from_string (parts[1], &source) &&
                   !icw_funding_request_uses_source (request, source))
            {
              g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Sources: the budget has amounts from “%s”; clear them before removing the source"),
                           icw_funding_source_to_label (source));
              ok = FALSE;
            }
        }
    }
  sqlite3_reset (stmt);
  return ok;
}

gboolean
icw_store_validate_funding_request (IcwStore   *self,
                                    IcwRecord  *record,
                                    GError    **error)
{
  IcwFundingRequest *request = ICW_FUNDING_REQUEST (record);
  g_autoptr(IcwCategorySet) set = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  int year = icw_funding_request_get_start_year (request);
  int period = icw_funding_request_get_period (request);

  if (!icw_store_exists (self, "centers", icw_funding_request_get_center_id (request)))
    return icw_store_invalid (error, _("Center: it is not in the register"));
  /* First, so that a locked request says so rather than what else is wrong with the change. */
  if (!icw_store_check_lifecycle (self, ICW_RECORD (request), error) ||
      !check_application (self, request, error))
    return FALSE;
  if (year < ICW_FUNDING_MIN_YEAR || year > ICW_FUNDING_MAX_YEAR)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Start year: it must be from %d to %d"),
                   ICW_FUNDING_MIN_YEAR, ICW_FUNDING_MAX_YEAR);
      return FALSE;
    }
  if (period < ICW_FUNDING_MIN_PERIOD || period > ICW_FUNDING_MAX_PERIOD)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Period: it must be from %d to %d years"),
                   ICW_FUNDING_MIN_PERIOD, ICW_FUNDING_MAX_PERIOD);
      return FALSE;
    }
  if (icw_funding_request_get_tax_deduction_fen (request) < 0)
    return icw_store_invalid (error, _("Tax deduction: the amount cannot be negative"));
  if (!check_sources (request, error))
    return FALSE;
  set = icw_category_set_lookup (icw_funding_request_get_category_set (request),
                                 icw_funding_request_get_category_set_version (request), error);
  if (set == NULL)
    return FALSE;
  milestones = icw_milestones_parse (icw_funding_request_get_milestones (request), error);
  if (milestones == NULL)
    return FALSE;
  return check_lines_fit (self, request, set, error);
}

static gboolean
check_cells (IcwFundingRequest  *request,
             const char         *text,
             GError            **error)
{
  g_autoptr(GHashTable) cells = icw_budget_cells_parse (text, error);
  int start = icw_funding_request_get_start_year (request);
  int period = icw_funding_request_get_period (request);
  GHashTableIter iter;
  gpointer key, value;

  if (cells == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "/", -1);
      gint64 year = 0;
      IcwFundingSource source;

      if (g_strv_length (parts) != 2 || !g_ascii_string_to_signed (parts[0], 10, G_MININT, G_MAXINT, &year, NULL) ||
          !icw_funding_source_from_string (parts[1], &source) || strcmp (parts[1], icw_funding_source_to_key (source)) != 0)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("Budget cell “%s”: a cell is named YEAR/source, e.g. 2026/central-fiscal"), (char *) key);
          return FALSE;
        }
      if (year < start || year >= start + period)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("Budget cell “%s”: %d is not a year of the request's period"), (char *) key, (int) year);
          return FALSE;
        }
      if (*(gint64 *) value > ICW_LIMIT_CELL_FEN)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("Budget cell “%s”: an amount may be at most 100,000,000.00 万元 (10¹² yuan)"), (char *) key);
          return FALSE;
        }
      if (!icw_funding_request_uses_source (request, source))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("Budget cell “%s”: the request does not use “%s” as a source"), (char *) key,
                       icw_funding_source_to_label (source));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
icw_store_validate_budget_line (IcwStore   *self,
                                IcwRecord  *line_record,
                                GError    **error)
{
  IcwBudgetLine *line = ICW_BUDGET_LINE (line_record);
  const char *request_id = icw_budget_line_get_request_id (line);
  const char *category = icw_budget_line_get_category (line);
  g_autoptr(IcwRecord) record = NULL;
  g_autoptr(IcwCategorySet) set = NULL;
  g_autofree char *other = NULL;
  IcwFundingRequest *request;
  int row;

  if (!icw_store_check_parent_open (self, ICW_RECORD_KIND_FUNDING_REQUEST, request_id, error))
    return FALSE;
  record = icw_store_lookup (self, ICW_RECORD_KIND_FUNDING_REQUEST, request_id, error);
  if (record == NULL)
    return FALSE;
  request = ICW_FUNDING_REQUEST (record);
  set = icw_category_set_lookup (icw_funding_request_get_category_set (request),
                                 icw_funding_request_get_category_set_version (request), error);
  if (set == NULL)
    return FALSE;
  row = icw_category_set_find (set, category);
  if (row < 0 || !icw_budget_category_is_leaf (icw_category_set_get_category (set, (guint) row)))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Budget line: “%s” is not a category of the set “%s” that holds amounts"),
                   category != NULL ? category : "", icw_category_set_get_id (set));
      return FALSE;
    }
  other = icw_store_query_text (self, "SELECT id FROM budget_lines WHERE request_id = ?1 AND category = ?2 "
                                      "AND id != ?3 AND deleted_at IS NULL",
                                request_id, category, icw_record_get_id (ICW_RECORD (line)), NULL);
  if (other != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE,
                   _("Budget line: the request already has a line for “%s”"),
                   icw_budget_category_get_label (icw_category_set_get_category (set, (guint) row)));
      return FALSE;
    }
  return check_cells (request, icw_budget_line_get_cells (line), error);
}
