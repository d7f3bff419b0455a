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

/* The sheet's formats, 1 + their index in sheet_formats. */
enum { FORMAT_BOLD = 1, FORMAT_HEADER, FORMAT_AMOUNT, FORMAT_BOLD_AMOUNT };
static const IcwSheetStyle sheet_formats[] = {
  ICW_SHEET_BOLD, ICW_SHEET_BOLD | ICW_SHEET_CENTERED, ICW_SHEET_AMOUNT, ICW_SHEET_AMOUNT | ICW_SHEET_BOLD,
};

/* The cell at R, C of the layout, FALSE for an empty text (nothing written). */
static gboolean
make_cell (IcwSheetCell  *out,
           IcwLayoutCell *cell,
           guint          r,
           guint          c,
           guint          bold_format)
{
  *out = (IcwSheetCell) { .row = r, .column = c };
  if (cell->text != NULL)
    {
      out->text = cell->text;
      out->format = cell->bold ? bold_format : 0;
      return *cell->text != '\0';
    }
  out->number = wan_number (cell->fen);
  out->format = FORMAT_AMOUNT;
  if (cell->formula != NULL)
    {
      out->formula = cell->formula;
      out->format = cell->bold ? FORMAT_BOLD_AMOUNT : FORMAT_AMOUNT;
    }
  return TRUE;
}

static gboolean
write_xlsx (IcwStore           *store,
            IcwFundingRequest  *request,
            const char         *path,
            GError            **error)
{
  g_autoptr(IcwBudgetLayout) layout = make_layout (store, request, error);
  g_autoptr(GArray) cells = NULL;
  IcwSheetColumns columns[3] = { { 0, 0, 20 }, { 1, 1, 36 } };
  IcwSheet sheet;

  if (layout == NULL)
    return FALSE;
  cells = g_array_sized_new (FALSE, FALSE, sizeof (IcwSheetCell), layout->n_rows * layout->n_columns);
  for (guint r = 0; r < layout->n_rows; r++)
    for (guint c = 0; c < layout->n_columns; c++)
      {
        IcwSheetCell cell;
        guint bold = r == layout->n_header_rows - 2 || r == layout->n_header_rows - 1 ? FORMAT_HEADER : FORMAT_BOLD;

        if (make_cell (&cell, icw_budget_layout_cell (layout, r, c), r, c, bold))
          g_array_append_val (cells, cell);
      }
  for (guint i = 0; i + 2 < layout->merges->len; i += 3)
    {
      guint row = GPOINTER_TO_UINT (layout->merges->pdata[i]);
      guint first = GPOINTER_TO_UINT (layout->merges->pdata[i + 1]);
      guint last = GPOINTER_TO_UINT (layout->merges->pdata[i + 2]);
      IcwSheetCell merged = {
        .row = row, .column = first, .last_column = last,
        .text = icw_budget_layout_cell (layout, row, first)->text, .format = FORMAT_HEADER,
      };

      if (last > first)
        g_array_append_val (cells, merged);
    }
  columns[2] = (IcwSheetColumns) { layout->n_label_columns, layout->n_columns - 1, 14 };
  /* TRANSLATORS: the name of the worksheet of a budget export: at most 31 characters, none of []:*?/\ */
  sheet = (IcwSheet) {
    .name = _("Budget"), .formats = sheet_formats, .n_formats = G_N_ELEMENTS (sheet_formats),
    .columns = columns, .n_columns = G_N_ELEMENTS (columns),
    .freeze_rows = layout->n_header_rows, .freeze_columns = layout->n_label_columns,
  };
  /* Written beside the target and renamed: a failure leaves no half file under its name. */
  return icw_xlsx_file_write (path, &sheet, cells, error);
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
