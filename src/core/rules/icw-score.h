/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score.h: a self-score: a scoring scheme's items turned into points from a year's figures and
 * the scores typed by hand, each with its maximum and why (a sentence with the figures), and the
 * grade the total leads to where the scheme grades by bands. Points are hundredths of a point. */
#pragma once

#include <glib.h>

#include "icw-score-figures.h"
#include "icw-score-scheme.h"

G_BEGIN_DECLS

/* What a score is computed from: the year's figures (icw-score-figures.h) and, for the items a
 * rule cannot compute, the points a person typed with the reason. */
typedef struct _IcwScoreInput IcwScoreInput;

IcwScoreInput *icw_score_input_new         (void);
void           icw_score_input_free        (IcwScoreInput *input);
void           icw_score_input_set_figure  (IcwScoreInput *input,
                                            const char    *figure,
                                            gint64         value);
/* points in hundredths of a point; reason as typed. */
void           icw_score_input_set_by_hand (IcwScoreInput *input,
                                            const char    *item,
                                            gint64         points,
                                            const char    *reason);

typedef struct {
  char     *key;
  char     *title;      /* in the user's language */
  gint64    points;     /* 0 while unscored */
  gint64    maximum;    /* -1 when no points are published */
  gboolean  scored;     /* FALSE: to be scored by hand, or no points published */
  gboolean  by_hand;    /* the item is (or, from these figures, falls to be) scored by hand */
  char     *why;        /* a sentence with the figures, in the user's language */
  char     *basis;      /* the item's basis, one line in the user's language */
  char     *reason;     /* the reason of a score typed by hand, as typed; NULL for the others */
} IcwScoreItem;

typedef struct {
  char      *scheme;    /* its ID */
  char      *title;
  int        version;
  gint64     points;
  gint64     maximum;   /* -1 when the scheme publishes none */
  IcwReportGrade   grade;     /* ICW_REPORT_GRADE_NONE: not every item is scored, or the reviewer gives it */
  char      *grade_why;
  guint      unscored;  /* items with points still to be typed */
  GPtrArray *items;     /* IcwScoreItem */
} IcwScore;

void      icw_score_free    (IcwScore       *score);
/* The score of the input by the scheme; NULL with ICW_ERROR_INVALID naming the item when a score
 * typed by hand names no item of the scheme, an item computed from the figures, has no reason, or
 * lies outside 0 and the item's maximum. */
IcwScore *icw_score_compute (IcwScoreScheme *scheme,
                             IcwScoreInput  *input,
                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwScoreInput, icw_score_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwScore, icw_score_free)

G_END_DECLS
