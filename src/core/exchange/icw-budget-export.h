/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-export.h: a funding request's budget table written for spreadsheets, the same rows
 * and totals in both formats (docs/formats.md, "Budget export"):
 *  - CSV: RFC 4180, UTF-8 with a byte order mark (as Excel and WPS on Chinese Windows expect),
 *    CRLF line ends, amounts in 万元 as plain decimal numbers ("." mark, at least two decimals);
 *  - xlsx (libxlsxwriter): the same layout with the number format "#,##0.00", frozen header rows
 *    and label columns, and a SUM formula for every total, each with its computed value cached.
 * A total that overflows gint64 fails the export; nothing is written half. */
#pragma once

#include "icw-funding-request.h"
#include "icw-store.h"

G_BEGIN_DECLS

gboolean icw_budget_export_csv  (IcwStore           *store,
                                 IcwFundingRequest  *request,
                                 const char         *path,
                                 GError            **error);
gboolean icw_budget_export_xlsx (IcwStore           *store,
                                 IcwFundingRequest  *request,
                                 const char         *path,
                                 GError            **error);

/* The CSV text itself (with its BOM), for tests and for writing elsewhere. */
char    *icw_budget_export_csv_text (IcwStore           *store,
                                     IcwFundingRequest  *request,
                                     GError            **error);

G_END_DECLS
