/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-money.h: money as integer fen and shares as integer basis points, parsed and formatted
 * without floating point. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ICW_MONEY_UNIT_WAN,   /* 万元: 1 万元 = 1 000 000 fen */
  ICW_MONEY_UNIT_YUAN,  /* 元: 1 元 = 100 fen */
} IcwMoneyUnit;

gboolean icw_money_parse          (const char    *text,
                                   IcwMoneyUnit   unit,
                                   gint64        *fen,
                                   GError       **error);
char    *icw_money_format         (gint64         fen,
                                   IcwMoneyUnit   unit);
const char *icw_money_unit_symbol (IcwMoneyUnit   unit);

/* The marks of numbers as a locale writes them: its decimal mark and its grouping mark (UTF-8, ""
 * when the locale groups no digits). Groups are of three digits. */
typedef struct {
  char decimal[8];
  char group[8];
} IcwNumberMarks;

/* The marks of the current LC_NUMERIC locale (localeconv()). */
void     icw_number_marks_from_locale (IcwNumberMarks *marks);

/* Money as the user types it, in the marks of a locale: an optional group mark only between
 * groups of three digits, the locale's decimal mark, at most two decimals (the unit's precision
 * as shown: 万元 or yuan with two decimals). Full-width digits and marks (１２３．４５, typed with
 * a Chinese input method) are read as their ASCII forms; the ideographic full stop "。" is refused,
 * never read as a decimal mark. Input that could mean two things is refused with a message naming
 * the mark: "1,234.5" where the comma is the decimal mark, "1.234" where "." groups digits.
 * Anything beyond G_MAXINT64 fen is refused; G_MAXINT64 itself and 0 are exact. Negative amounts
 * are refused unless allow_negative. */
gboolean icw_money_parse_marks    (const char           *text,
                                   IcwMoneyUnit          unit,
                                   const IcwNumberMarks *marks,
                                   gboolean              allow_negative,
                                   gint64               *fen,
                                   GError              **error);
/* The same in the marks of the current locale. */
gboolean icw_money_parse_locale   (const char           *text,
                                   IcwMoneyUnit          unit,
                                   gint64               *fen,
                                   GError              **error);
/* fen in the unit, with the marks, digits grouped when `grouping`: at least two decimals, more
 * only when the amount needs them (so nothing is rounded away). */
char    *icw_money_format_marks   (gint64                fen,
                                   IcwMoneyUnit          unit,
                                   const IcwNumberMarks *marks,
                                   gboolean              grouping);
char    *icw_money_format_locale  (gint64                fen,
                                   IcwMoneyUnit          unit,
                                   gboolean              grouping);

gboolean icw_basis_points_parse   (const char    *text,
                                   gint64        *basis_points,
                                   GError       **error);
char    *icw_basis_points_format  (gint64         basis_points);

G_END_DECLS
