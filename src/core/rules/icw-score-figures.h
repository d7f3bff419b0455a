/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-figures.h: the figures of a center's year that a scoring scheme's rules may read (the
 * "figure" names of resources/scoring/NAME.json), with their labels and units, so a scheme naming an
 * unknown figure is refused and a reason can show a figure as the user writes it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ICW_SCORE_UNIT_COUNT,   /* a whole number of people, members, platforms */
  ICW_SCORE_UNIT_FEN,     /* money, shown in 万元 */
} IcwScoreUnit;

typedef struct {
  const char   *key;
  const char   *label;    /* untranslated; icw_score_figure_label() translates it */
  IcwScoreUnit  unit;
} IcwScoreFigure;

/* The year's figures a scheme may name. */
#define ICW_SCORE_FIGURE_STAFF "staff"
#define ICW_SCORE_FIGURE_TECH_STAFF "tech-staff"
#define ICW_SCORE_FIGURE_EXPERTS "experts"
#define ICW_SCORE_FIGURE_ALLIANCE_ENTERPRISES "alliance-enterprises"
#define ICW_SCORE_FIGURE_ALLIANCE_INSTITUTES "alliance-institutes"
#define ICW_SCORE_FIGURE_ALLIANCE_UNIVERSITIES "alliance-universities"
#define ICW_SCORE_FIGURE_PROVINCIAL_PLATFORMS "provincial-platforms"
#define ICW_SCORE_FIGURE_RD_SPENDING_AVERAGE "rd-spending-average"

const IcwScoreFigure *icw_score_figure_lookup (const char           *key);
const char           *icw_score_figure_label  (const IcwScoreFigure *figure);
/* The value as shown: a count, or money in 万元 with its unit. */
char                 *icw_score_figure_format (const IcwScoreFigure *figure,
                                               gint64                value);
/* Hundredths of a point as shown: "7", "3.50". */
char                 *icw_score_points_format (gint64                points);
/* Basis points as a percentage: "30.00%". */
char                 *icw_score_share_format  (gint64                basis_points);

G_END_DECLS
