/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-export.c: writing the budget layout (icw-budget-layout.h) as CSV and as xlsx.
 *
 * Amounts go to the spreadsheet as numbers in 万元. libxlsxwriter takes a double; the double is
 * made by g_ascii_strtod() of the exact decimal text of the amount (icw_money_format), never by a
 * division of fen, so it is the double nearest to the exact amount. Every amount with two decimals
 * below 2^53 / 100 万元 (about 90 trillion 万元) is then told apart from its neighbours and shown
 * exactly by the "#,##0.00" format; the CSV carries the exact text, always with a "." decimal point
 * and no grouping, whatever the locale.
 *
 * libxlsxwriter writes numbers with snprintf ("%.16G"), which follows LC_NUMERIC: under de_DE it
 * wrote "1300,012345", which spreadsheets read as 1300. The workbook is therefore made and closed
 * (closing is when the sheet XML is written) with the "C" numeric locale of this thread only
 * (uselocale), which other threads do not see. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

#include "icw-budget-export.h"
#include "icw-budget-layout.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-money.h"
#include "icw-xlsx-file.h"

/* A table whose totals overflow is refused rather than written with a marker: a spreadsheet's
 * numbers and SUM formulas cannot hold "overflow", and a CSV read back must give the same amounts. */
static gboolean
check_totals (IcwBudgetTable     *table,
              IcwFundingRequest  *request,
              GError            **error)
{
  const char *title = icw_funding_request_get_title (request);
  gint64 total;

  if (icw_budget_table_grand_total (table, &total, NULL))
    return TRUE;
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
               _("The budget table of “%s” cannot be exported: its totals are too large to be computed (over 92,233,720,368,547,758.07 yuan). Correct the amounts that are far too large (“icw check” names the finding)."),
               title != NULL && *title != '\0' ? title : icw_record_get_id (ICW_RECORD (request)));
  return FALSE;
}

static IcwBudgetLayout *
make_layout (IcwStore           *store,
             IcwFundingRequest  *request,
             GError            **error)
{
  g_autoptr(IcwBudgetTable) table = icw_budget_table_new_for_request (store, request, error);
  g_autoptr(IcwRecord) center = NULL;

  if (table == NULL || !check_totals (table, request, error))
    return NULL;
  center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, icw_funding_request_get_center_id (request), NULL);
  return icw_budget_layout_new (request, table, center != NULL ? icw_center_get_name (ICW_CENTER (center)) : NULL,
                                error);
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
icw_budget_export_csv_text (IcwStore           *store,
                            IcwFundingRequest  *request,
                            GError            **error)
{
  g_autoptr(IcwBudgetLayout) layout = make_layout (store, request, error);
  GString *out;

  if (layout == NULL)
    return NULL;
  out = g_string_new ("\xEF\xBB\xBF");
  for (guint r = 0; r < layout->n_rows; r++)
    {
      for (guint c = 0; c < layout->n_columns; c++)
        {
          IcwLayoutCell *cell = icw_budget_layout_cell (layout, r, c);
          g_autofree char *amount = cell->text == NULL ? icw_money_format (cell->fen, ICW_MONEY_UNIT_WAN) : NULL;

          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, cell->text != NULL ? cell->text : amount);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

gboolean
icw_budget_export_csv (IcwStore           *store,
                       IcwFundingRequest  *request,
                       const char         *path,
                       GError            **error)
{
  g_autofree char *text = icw_budget_export_csv_text (store, request, error);

  return text != NULL && g_file_set_contents (path, text, -1, error);
}

static double
wan_number (gint64 fen)
{
  g_autofree char *text = icw_money_format (fen, ICW_MONEY_UNIT_WAN);

  return g_ascii_strtod (text, NULL);
}

static lxw_error
write_cell (lxw_worksheet *sheet,
            IcwLayoutCell *cell,
            guint          r,
            guint          c,
            lxw_format    *text_format,
            lxw_format    *bold_format,
            lxw_format    *amount_format,
            lxw_format    *bold_amount_format)
{
  if (cell->text != NULL)
    return *cell->text == '\0' ? LXW_NO_ERROR
                               : worksheet_write_string (sheet, r, (lxw_col_t) c, cell->text, cell->bold ? bold_format : text_format);
  if (cell->formula != NULL)
    {
      g_autofree char *formula = g_strconcat ("=", cell->formula, NULL);

      return worksheet_write_formula_num (sheet, r, (lxw_col_t) c, formula,
                                          cell->bold ? bold_amount_format : amount_format, wan_number (cell->fen));
    }
  return worksheet_write_number (sheet, r, (lxw_col_t) c, wan_number (cell->fen), amount_format);
}

static gboolean
write_xlsx (IcwStore           *store,
            IcwFundingRequest  *request,
            const char         *path,
            GError            **error)
{
  g_autoptr(IcwBudgetLayout) layout = make_layout (store, request, error);
  g_autofree char *partial = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold, *amount, *bold_amount, *header;
  lxw_error code = LXW_NO_ERROR;

  if (layout == NULL)
    return FALSE;
  /* Written beside the target and renamed: a failure leaves no half file under its name. */
  workbook = icw_xlsx_file_new (path, &partial, error);
  if (workbook == NULL)
    return FALSE;
  /* TRANSLATORS: the name of the worksheet of a budget export: at most 31 characters, none of []:*?/\ */
  sheet = workbook_add_worksheet (workbook, _("Budget"));
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_align (header, LXW_ALIGN_CENTER);
  amount = workbook_add_format (workbook);
  format_set_num_format (amount, "#,##0.00");
  bold_amount = workbook_add_format (workbook);
  format_set_num_format (bold_amount, "#,##0.00");
  format_set_bold (bold_amount);

  worksheet_set_column (sheet, 0, 0, 20, NULL);
  worksheet_set_column (sheet, 1, 1, 36, NULL);
  worksheet_set_column (sheet, (lxw_col_t) layout->n_label_columns, (lxw_col_t) (layout->n_columns - 1), 14, NULL);
  for (guint r = 0; r < layout->n_rows && code == LXW_NO_ERROR; r++)
    for (guint c = 0; c < layout->n_columns && code == LXW_NO_ERROR; c++)
      code = write_cell (sheet, icw_budget_layout_cell (layout, r, c), r, c, NULL,
                         r == layout->n_header_rows - 2 || r == layout->n_header_rows - 1 ? header : bold,
                         amount, bold_amount);
  for (guint i = 0; i + 2 < layout->merges->len && code == LXW_NO_ERROR; i += 3)
    {
      guint row = GPOINTER_TO_UINT (layout->merges->pdata[i]);
      guint first = GPOINTER_TO_UINT (layout->merges->pdata[i + 1]);
      guint last = GPOINTER_TO_UINT (layout->merges->pdata[i + 2]);

      if (last > first)
        code = worksheet_merge_range (sheet, row, (lxw_col_t) first, row, (lxw_col_t) last,
                                      icw_budget_layout_cell (layout, row, first)->text, header);
    }
  worksheet_freeze_panes (sheet, (lxw_row_t) layout->n_header_rows, (lxw_col_t) layout->n_label_columns);
  return icw_xlsx_file_close (workbook, code, partial, path, error);
}

gboolean
icw_budget_export_xlsx (IcwStore           *store,
                        IcwFundingRequest  *request,
                        const char         *path,
                        GError            **error)
{
  /* The user's locale with "C" numbers: messages and the collation of labels stay the user's. */
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t c_numeric = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  locale_t previous;
  gboolean ok;

  if (c_numeric == (locale_t) 0)
    {
      int saved = errno;

      if (base != (locale_t) 0)
        freelocale (base);
      return icw_xlsx_file_failed (error, path, g_strerror (saved));
    }
  previous = uselocale (c_numeric);
  ok = write_xlsx (store, request, path, error);
  uselocale (previous);
  freelocale (c_numeric);
  return ok;
}
