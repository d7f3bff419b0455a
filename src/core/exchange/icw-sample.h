/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample.h: the sample data: one complete fictional provincial center with its application
 * and its IP-sharing agreement, in Chinese. */
#pragma once

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_SAMPLE_CENTER_NAME "齐鲁智能传感器制造业创新中心"

IcwCenter *icw_sample_load (IcwStore  *store,
                            GError   **error);

/* The sample center's application (a draft for provincial recognition, with its attachments);
 * part of icw_sample_load(), saved inside its batch. */
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
/* A small, well-formed one-page PDF showing one line of (ASCII) text, for the sample's files. */
GBytes *icw_sample_pdf          (const char *line);

G_END_DECLS
