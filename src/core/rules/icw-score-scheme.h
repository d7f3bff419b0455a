/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-scheme.h: a scoring scheme: a versioned JSON file (resources/scoring/NAME.json,
 * docs/formats.md "Scoring schemes") of the items a province or the ministry scores a recognized
 * center's assessment by, each with its points, the rule that computes them from the year's
 * figures (or "by-hand"), and its basis as a rule pack's rules name theirs; and how the grade is
 * given (bands of points, or by the reviewer). Which scheme applies is data too: the center's
 * level or province ("applies_to"). */
#pragma once

#include <glib-object.h>

#include "icw-center.h"
#include "icw-enums.h"

G_BEGIN_DECLS

/* The grades are the report's (IcwReportGrade, icw-enums.h: 优秀, 良好, 合格, 不合格). */

/* How an item's points come (its "rule" in the file). */
typedef enum {
  ICW_SCORE_RULE_BY_HAND,        /* typed by a person, with a reason */
  ICW_SCORE_RULE_LINEAR_SHARE,   /* a share: none below a floor, full above a ceiling, linear between */
  ICW_SCORE_RULE_AT_LEAST,       /* full when a figure reaches a minimum */
  ICW_SCORE_RULE_ALL_AT_LEAST,   /* full when every one of several figures reaches it */
} IcwScoreRuleKind;

typedef struct _IcwRule IcwScoreBasis;   /* the basis fields of a rule pack's rule (icw-rules-private.h) */

typedef struct {
  char             *key;
  char             *title_en;
  char             *title_zh;
  gint64            maximum;        /* in hundredths of a point; -1 when no points are published */
  IcwScoreRuleKind  kind;
  char            **figures;        /* the figures the rule reads; for a share, numerator then denominator */
  gint64            zero_below;     /* a share's floor, basis points */
  gint64            full_above;     /* a share's ceiling, basis points */
  gint64            min;            /* the minimum of at-least rules, in the figure's unit */
  gboolean          below_by_hand;  /* below the minimum the table's rule is not known */
  IcwScoreBasis    *basis;
} IcwScoreItemDef;

#define ICW_TYPE_SCORE_SCHEME (icw_score_scheme_get_type ())

G_DECLARE_FINAL_TYPE (IcwScoreScheme, icw_score_scheme, ICW, SCORE_SCHEME, GObject)

/* The IDs of the bundled schemes. */
#define ICW_SCORE_SCHEME_MIIT_37 "miit-2018-37"
#define ICW_SCORE_SCHEME_ANHUI "anhui-2019-290"
#define ICW_SCORE_SCHEME_HUNAN "hunan-2023-123"

/* file_name is what messages call the scheme's file. Refused (ICW_ERROR_RULE_PACK) with a message
 * naming the file and, where it is an item's fault, the item. */
IcwScoreScheme *icw_score_scheme_new_from_data (const char      *file_name,
                                                const char      *data,
                                                gssize           length,
                                                GError         **error);

const char     *icw_score_scheme_get_id        (IcwScoreScheme  *self);
int             icw_score_scheme_get_version   (IcwScoreScheme  *self);
const char     *icw_score_scheme_get_title     (IcwScoreScheme  *self);   /* in the user's language */
const char     *icw_score_scheme_get_note      (IcwScoreScheme  *self);   /* in the user's language */
/* The scheme's declared total in hundredths of a point, else the sum of its items' (-1: none). */
gint64          icw_score_scheme_get_maximum   (IcwScoreScheme  *self);
/* TRUE when the grade comes from bands of points; FALSE when the reviewer gives it. */
gboolean        icw_score_scheme_has_bands     (IcwScoreScheme  *self);
/* The grade of a number of points (hundredths) by the bands; ICW_REPORT_GRADE_NONE without bands. */
IcwReportGrade  icw_score_scheme_grade_for     (IcwScoreScheme  *self,
                                                gint64           points);
/* The lowest points (hundredths) of a grade's band, -1 when it has none. */
gint64          icw_score_scheme_band_min      (IcwScoreScheme  *self,
                                                IcwReportGrade   grade);
const IcwScoreBasis *icw_score_scheme_get_grades_basis (IcwScoreScheme *self);
guint           icw_score_scheme_get_n_items   (IcwScoreScheme  *self);
const IcwScoreItemDef *icw_score_scheme_get_item (IcwScoreScheme *self,
                                                  guint           index);
const IcwScoreItemDef *icw_score_scheme_find_item (IcwScoreScheme *self,
                                                   const char     *key);
/* The item's title in the user's language. */
const char     *icw_score_item_title           (const IcwScoreItemDef *item);
/* The basis as one line in the user's language (as a rule pack's rules show theirs). */
char           *icw_score_basis_text           (const IcwScoreBasis   *basis);

/* Whether the scheme applies to a center of this level and province (names compared without case). */
gboolean        icw_score_scheme_applies       (IcwScoreScheme  *self,
                                                IcwCenterLevel   level,
                                                const char      *province);

/* The bundled schemes; each refused one adds a GError to *errors when errors is not NULL. */
GPtrArray      *icw_score_schemes_load_all     (GPtrArray      **errors);
IcwScoreScheme *icw_score_schemes_find         (GPtrArray       *schemes,
                                                const char      *id);
/* The scheme that applies to the center, or NULL (with ICW_ERROR_NOT_FOUND saying so) when none
 * of the schemes is known for its level and province. */
IcwScoreScheme *icw_score_scheme_for_center    (GPtrArray       *schemes,
                                                IcwCenter       *center,
                                                GError         **error);

G_END_DECLS
