/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-checks.h: what a single field must hold, whoever writes it: each check reads the text
 * the database stores (decimal for numbers, the JSON text of a structured part; NULL for empty)
 * and explains a refusal in the user's language without naming the field (the caller does, with
 * the record). The field catalogue (icw-field-catalogue.c) names the check of each column, so the
 * store's saves, the dossier import and `icw doctor` run the very same checks. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*IcwFieldCheck) (const char  *text,
                                   GError     **error);

gboolean icw_field_check_date          (const char *text, GError **error);
gboolean icw_field_check_timestamp     (const char *text, GError **error);
gboolean icw_field_check_uuid          (const char *text, GError **error);
gboolean icw_field_check_credit_code   (const char *text, GError **error);
gboolean icw_field_check_sha256        (const char *text, GError **error);
gboolean icw_field_check_money         (const char *text, GError **error);
gboolean icw_field_check_share         (const char *text, GError **error);
gboolean icw_field_check_intensity     (const char *text, GError **error);
gboolean icw_field_check_size          (const char *text, GError **error);
gboolean icw_field_check_count         (const char *text, GError **error);

/* The structured parts (formats in icw-application-parts.h, icw-ip-agreement-parts.h,
 * icw-agreement-guide.h, icw-funding-parts.h and icw-budget-line.h). */
gboolean icw_field_check_roadmap       (const char *text, GError **error);
gboolean icw_field_check_platforms     (const char *text, GError **error);
gboolean icw_field_check_indicators    (const char *text, GError **error);
gboolean icw_field_check_tasks         (const char *text, GError **error);
gboolean icw_field_check_results       (const char *text, GError **error);
gboolean icw_field_check_background_ip (const char *text, GError **error);
gboolean icw_field_check_guide_answers (const char *text, GError **error);
gboolean icw_field_check_milestones    (const char *text, GError **error);
gboolean icw_field_check_cells         (const char *text, GError **error);
/* A report's sections and 考核指标 rows (icw-report-parts.h). */
gboolean icw_field_check_report_summary    (const char *text, GError **error);
gboolean icw_field_check_report_indicators (const char *text, GError **error);
gboolean icw_field_check_report_hand_scores (const char *text, GError **error);

/* The reviewers' comments of each kind of document (icw-review-comments.h): plain text, or a
 * comment list whose anchors name the kind's sections and fields. */
gboolean icw_field_check_application_comments (const char *text, GError **error);
gboolean icw_field_check_agreement_comments   (const char *text, GError **error);
gboolean icw_field_check_funding_comments     (const char *text, GError **error);
gboolean icw_field_check_report_comments      (const char *text, GError **error);

/* ISO 8601 in UTC as the store writes it: YYYY-MM-DDTHH:MM:SS[.ffffff]Z, a real date and time. */
gboolean icw_timestamp_is_valid        (const char *text);

G_END_DECLS
