/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-hand-scores.h: the self-score items a person scored by hand, kept with the report
 * (its "hand-scores" part): for each, the scheme item's key, the points in hundredths of a point
 * and the reason the administrator or reviewer gave.
 *
 *   hand_scores [{"item": str (required), "hundredths": 0 … 1000000 (required),
 *                 "reason": str (required, not blank)}]
 *
 * Whether an item may be scored by hand and up to what maximum is the scoring scheme's (rules
 * layer, icw-score.h); the part itself only holds what was typed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The greatest number of hundredths a part accepts (10,000 points: above any scheme's total). */
#define ICW_REPORT_HAND_SCORE_MAX 1000000

typedef struct {
  char   *item;
  gint64  hundredths;
  char   *reason;
} IcwReportHandScore;

IcwReportHandScore *icw_report_hand_score_new  (const char *item,
                                                gint64      hundredths,
                                                const char *reason);
void                icw_report_hand_score_free (IcwReportHandScore *score);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwReportHandScore, icw_report_hand_score_free)

/* The scores of the text (an empty array for NULL or ""), or NULL and an error naming the row. */
GPtrArray *icw_report_hand_scores_parse   (const char  *text,
                                           GError     **error);
/* Back to JSON text, NULL when there are none. */
char      *icw_report_hand_scores_to_json (GPtrArray   *scores);
/* The score of this item, or NULL. */
IcwReportHandScore *icw_report_hand_scores_find (GPtrArray *scores,
                                                 const char *item);
/* Sets (or with reason NULL removes) the item's score in the array. */
void       icw_report_hand_scores_put     (GPtrArray   *scores,
                                           const char  *item,
                                           gint64       hundredths,
                                           const char  *reason);

/* Points as a person types them ("7", "7.5", "7,25"; spaces around are ignored) into hundredths:
 * FALSE for anything else (a sign, letters, more than two decimals, above 10,000 points). */
gboolean   icw_report_hand_score_parse_points (const char *text,
                                               gint64     *hundredths);

G_END_DECLS
