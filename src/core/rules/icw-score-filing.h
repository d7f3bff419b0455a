/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-filing.h: when a recognized center's yearly package is due: each province's filing
 * window as data (resources/scoring/filing-windows.json, with its source), the next deadline from
 * a date and the days left; and what a grade of 不合格 opens: a one-year 整改 and its re-check. */
#pragma once

#include <glib.h>

#include "icw-score-scheme.h"

G_BEGIN_DECLS

typedef struct {
  GDate  due;
  int    days_left;    /* from the given date; 0 on the day itself */
  int    covers_year;  /* the year the package reports on */
  char  *to;           /* whom it goes to, in the user's language */
  char  *basis;        /* the window's source, one line in the user's language */
} IcwFilingDeadline;

void               icw_filing_deadline_free (IcwFilingDeadline *deadline);
/* The next deadline on or after `today` for a center in the province (a name, in either language,
 * or its GB/T 2260 code); NULL with ICW_ERROR_NOT_FOUND, saying the source was not found, when no
 * window is known for the province. */
IcwFilingDeadline *icw_filing_next_deadline (const char         *province,
                                             const GDate        *today,
                                             GError            **error);

/* 不合格 opens a 整改 of one year (37号: "整改期为一年，期满后…现场检查整改结果"). The program
 * counts the year from the day the grade was accepted (program practice: 37号 does not say from
 * when): the due date is that day a year later (29 February → 28 February). FALSE, leaving `due`
 * alone, for any other grade. */
gboolean           icw_rectification_due    (IcwReportGrade            grade,
                                             const GDate        *accepted,
                                             GDate              *due);
/* Whether the re-check is due on `today`: the 整改 period has run out. */
gboolean           icw_rectification_recheck_due (const GDate   *due,
                                                  const GDate   *today);
/* The basis of the 整改 rule, one line in the user's language. */
char              *icw_rectification_basis  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwFilingDeadline, icw_filing_deadline_free)

G_END_DECLS
