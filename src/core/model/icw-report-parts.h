/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-parts.h: the structured parts of a report (icw-report.h), their outline, and the
 * calendar of 考核 and 评估 years.
 *
 *   summary     {"<section key>": "text", …}: the 年度工作总结's sections (an annual assessment)
 *               or the 自评估报告's (an evaluation); keys from icw_report_sections ();
 *   indicators  [{"key": str (required), "area": an indicator area key, "name": str, "unit": str,
 *                 "target": number, "actual": number, "computed": bool,
 *                 "evidence": [{"attachment_id": UUID (required)}], "comment": str}]
 *               one row per indicator of the center's targets (icw-store.h, the 任务书), the
 *               actual typed or, "computed", taken from the registers (icw-report-actuals.h).
 *
 * The years (37号 art. 2: "考评对象是已运行满一年的创新中心 … 年度考核每年进行一次，定期评估一般三年
 * 进行一次，评估当年不进行考核"): counting from the calendar year R of the center's recognized_on,
 * R itself is not filed for (the center has not run a full year); R+1 and R+2 are 考核 years,
 * R+3 an 评估 year (over R+1 … R+3), and so on every third year: a year Y > R is an 评估 year when
 * (Y − R) is a multiple of 3. */
#pragma once

#include <glib.h>

#include "icw-types.h"

G_BEGIN_DECLS

/* A narrative section of a report: its key (in "summary"), its title (marked for translation,
 * untranslated: read it with icw_report_section_title), the source of the outline, and the kind
 * of report it belongs to. */
typedef struct {
  const char    *key;
  const char    *title;
  const char    *source;
  IcwReportKind  kind;
} IcwReportSection;

/* Every section of both kinds, in order; n_out gets how many. */
const IcwReportSection *icw_report_sections       (guint          *n_out);
/* The section with this key, or NULL. */
const IcwReportSection *icw_report_section_lookup (const char     *key);
const char             *icw_report_section_title  (const IcwReportSection *section);
/* The keys allowed in "summary", NULL-terminated (static). */
const char * const     *icw_report_section_keys   (void);

/* "summary" as a map of keys to texts (a new table; empty for NULL or ""), or NULL and an error
 * naming the section that is wrong. */
GHashTable *icw_report_summary_parse  (const char  *text,
                                       GError     **error);
/* The map back to JSON text (keys in outline order), NULL when empty. */
char       *icw_report_summary_to_json (GHashTable *summary);

/* A row of the 考核指标 table. */
typedef struct {
  char     *key;          /* the indicator's key in the center's targets */
  char     *area;         /* an indicator area key, or NULL */
  char     *name;
  char     *unit;
  gboolean  has_target;
  double    target;
  gboolean  has_actual;
  double    actual;
  gboolean  computed;     /* the actual comes from the registers (icw-report-actuals.h) */
  GStrv     evidence;     /* attachment IDs, NULL-terminated (never NULL) */
  char     *comment;      /* why a target was missed */
} IcwReportRow;

IcwReportRow *icw_report_row_new  (void);
void          icw_report_row_free (IcwReportRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwReportRow, icw_report_row_free)

/* The rows of "indicators" (an empty array for NULL or ""), or NULL and an error naming the row
 * and member. */
GPtrArray *icw_report_rows_parse   (const char  *text,
                                    GError     **error);
/* The rows back to JSON text; NULL when there are none. */
char      *icw_report_rows_to_json (GPtrArray   *rows);
/* The row with this key, or NULL. */
IcwReportRow *icw_report_rows_find (GPtrArray   *rows,
                                    const char  *key);
/* Whether a row's actual falls short of its target (both given). */
gboolean   icw_report_row_missed   (const IcwReportRow *row);

/* The calendar (see above): the year of recognized_on (YYYY-MM-DD), 0 if it is not a date. */
int        icw_report_recognized_year   (const char *recognized_on);
/* TRUE when `year` is an 评估 year of a center recognized on recognized_on. */
gboolean   icw_report_is_evaluation_year (const char *recognized_on,
                                          int         year);
/* The kind of report due for `year`: an evaluation in an 评估 year, an annual assessment in any
 * other year after R; FALSE for R and before (or no date). */
gboolean   icw_report_kind_due          (const char    *recognized_on,
                                         int            year,
                                         IcwReportKind *out);

G_END_DECLS
