/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-actuals.h: the actuals of a report that the registers already know, computed rather
 * than typed again (issue 16): the center's alliance members, shareholders, the national platforms
 * its members hold, the host company's registered and paid-in capital, and the center's R&D staff
 * and staff as its record holds them. They are the registers as they stand: a report's row takes
 * them while the report is a draft; when it leaves draft (Mark as Ready, icw-lifecycle.c) each
 * computed actual is frozen into its row (still marked "computed"), so a filed or accepted report
 * keeps the figures of the year it was filed in after the registers change.
 *
 * A 考核指标 row takes a computed actual when its indicator is one of these: by its key (the
 * actual's key, e.g. "members") or by its name (联盟成员/成员单位, 股东, 平台, 注册资本, 实缴,
 * 研发人员, 职工/员工; or the English words), and money follows the row's unit (元, 万元, 亿元;
 * 万元 when none is given). */
#pragma once

#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef enum {
  ICW_ACTUAL_MEMBERS,
  ICW_ACTUAL_SHAREHOLDERS,
  ICW_ACTUAL_PLATFORMS,
  ICW_ACTUAL_REGISTERED_CAPITAL,   /* fen */
  ICW_ACTUAL_PAID_IN_CAPITAL,      /* fen */
  ICW_ACTUAL_RD_STAFF,
  ICW_ACTUAL_STAFF,
  ICW_N_ACTUALS
} IcwActual;

typedef struct {
  gint64 values[ICW_N_ACTUALS];
} IcwReportActuals;

const char *icw_actual_to_key   (IcwActual actual);
const char *icw_actual_to_label (IcwActual actual);
gboolean    icw_actual_is_money (IcwActual actual);

/* What the registers know of the center now; FALSE with the error when the center is not there. */
gboolean    icw_report_computed_actuals (IcwStore          *store,
                                         const char        *center_id,
                                         IcwReportActuals  *out,
                                         GError           **error);
/* The computed actual of an indicator (its key, name), if it is one. */
gboolean    icw_actual_for_indicator    (const char *key,
                                         const char *name,
                                         IcwActual  *out);
/* The actual in the row's unit (money: 元, 万元, 亿元, by default 万元). */
double      icw_actual_in_unit          (const IcwReportActuals *actuals,
                                         IcwActual               actual,
                                         const char             *unit);
/* Sets each row of the report that is a computed indicator to the registers' figure, "computed"
 * (the report is changed, not saved). Returns how many rows it set; -1 with the error. */
int         icw_report_apply_computed_actuals (IcwStore   *store,
                                               IcwReport  *report,
                                               GError    **error);

/* The report's rows as they would be filed: a draft's computed rows with the registers' figures
 * now (the report is not changed), any other report's rows as stored. NULL with the error when
 * the rows do not parse. */
GPtrArray  *icw_report_rows_as_filed    (IcwStore   *store,
                                         IcwReport  *report,
                                         GError    **error);
/* Freezes the registers' figures of now into the computed rows (the report is changed, not
 * saved): what the report keeps when it leaves draft. */
gboolean    icw_report_freeze_computed_actuals (IcwStore   *store,
                                                IcwReport  *report,
                                                GError    **error);

G_END_DECLS
