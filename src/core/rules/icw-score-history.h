/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-history.h: a center's grades over the years, as reviewers recorded them on its
 * accepted reports, with the 整改 a 不合格 opened (icw-score-filing.h). */
#pragma once

#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef struct {
  char           *report_id;
  int             year;
  int             version;
  IcwReportKind   kind;
  IcwReportGrade  grade;
  char           *graded_on;    /* YYYY-MM-DD */
  char           *rectify_due;  /* YYYY-MM-DD for 不合格, else NULL */
} IcwGradeEntry;

void       icw_grade_entry_free    (IcwGradeEntry *entry);
/* The graded reports of the center (of IcwGradeEntry), oldest year first, then by version. */
GPtrArray *icw_score_grade_history (IcwStore      *store,
                                    const char    *center_id);
/* Whether the entry's 整改 is still running on `today` (a 不合格 whose due date is after it);
 * FALSE for other grades. */
gboolean   icw_grade_entry_rectifying (const IcwGradeEntry *entry,
                                       const GDate         *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwGradeEntry, icw_grade_entry_free)

G_END_DECLS
