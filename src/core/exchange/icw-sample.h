/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample.h: the sample data: one complete fictional provincial center with its history (the
 * accepted 验收认定 that recognized it, its 任务书 and its reports), its application of today (the
 * upgrade to a national center), its IP-sharing agreement and funding request, in Chinese. */
#pragma once

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_SAMPLE_CENTER_NAME "齐鲁海洋工程装备制造业创新中心"
/* Its field: one in which the program's field data knows no national center (64-field-occupied). */
#define ICW_SAMPLE_FIELD "海洋工程装备"
/* The day it was recognized as a provincial center, by the acceptance below. */
#define ICW_SAMPLE_RECOGNIZED_ON "2023-12-20"
/* The accepted 验收认定 application (2023) and the draft upgrade application of today. */
#define ICW_SAMPLE_RECOGNITION_TITLE "齐鲁海洋工程装备制造业创新中心验收认定申请报告"
#define ICW_SAMPLE_APPLICATION_TITLE "国家海洋工程装备创新中心建设方案"
/* The sample's indicator of the 任务书 that a report shows missed in 2025 (with its comment). */
#define ICW_SAMPLE_MISSED_INDICATOR "中试验证服务"

/* A row of a 绩效目标表: targets for three years from a first year given with the table. */
typedef struct {
  const char *area;
  const char *name;
  const char *unit;
  double      baseline;
  double      targets[3];
} IcwSampleIndicator;

IcwCenter *icw_sample_load (IcwStore  *store,
                            GError   **error);

/* The sample center's application of today (a draft of its upgrade to a national center, with its
 * attachments); part of icw_sample_load(), saved inside its batch. */
IcwApplication *icw_sample_save_application (IcwStore   *store,
                                             IcwCenter  *center,
                                             GError    **error);

/* The sample center's IP-sharing agreement among three of its alliance members, signed and
 * complete; part of icw_sample_load(), saved inside its batch after the registers. */
IcwIpAgreement *icw_sample_save_agreement (IcwStore   *store,
                                           IcwCenter  *center,
                                           GError    **error);
/* The sample center's funding request for the application's budget, with its budget lines; part
 * of icw_sample_load(), saved inside its batch. */
IcwFundingRequest *icw_sample_save_funding_request (IcwStore        *store,
                                                    IcwCenter       *center,
                                                    IcwApplication  *application,
                                                    GError         **error);

/* The sample center's 任务书 (its targets for 2024–2026) and its reports: the annual assessments of
 * 2024 and 2025, accepted and graded, and the 2026 periodic evaluation (an 评估 year: the center was
 * recognized in 2023) as a draft with its actuals partly entered; part of icw_sample_load(), saved
 * inside its batch. Returns the number of reports saved, or -1 with the error. */
int     icw_sample_save_reports (IcwStore   *store,
                                 IcwCenter  *center,
                                 GError    **error);
/* The application that recognized the sample center (验收认定, 2023), accepted, kept as local history
 * (only a reviewer accepts on the server), and its 绩效目标表 carried as the center's 任务书 targets
 * (icw_store_carry_targets_from_application); part of icw_sample_load(), before the reports. */
gboolean icw_sample_save_recognition (IcwStore   *store,
                                      IcwCenter  *center,
                                      GError    **error);
/* A 绩效目标表 as the indicators part's JSON, the targets of the three years from first_year. */
char   *icw_sample_indicators_json (const IcwSampleIndicator *list,
                                    guint                     n,
                                    int                       first_year);
/* A small, well-formed one-page PDF showing one line of (ASCII) text, for the sample's files. */
GBytes *icw_sample_pdf          (const char *line);

G_END_DECLS
