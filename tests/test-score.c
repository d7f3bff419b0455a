/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-score.c: the scoring schemes (resources/scoring) and the engine (icw-score.h): the bundled
 * schemes load with a basis for every item, the scheme follows the center's level and province,
 * each computed rule is tried at, above and below its thresholds, Anhui's bands at their edges
 * (60 and 90), scores typed by hand with their checks, an unknown item, and schemes that must be
 * refused. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-error.h"
#include "icw-score.h"
#include "icw-test-util.h"

static GPtrArray *
schemes (void)
{
  g_autoptr(GPtrArray) errors = NULL;
  GPtrArray *all = icw_score_schemes_load_all (&errors);

  for (guint i = 0; i < errors->len; i++)
    g_printerr ("%s\n", ((GError *) errors->pdata[i])->message);
  g_assert_cmpuint (errors->len, ==, 0);
  return all;
}

static IcwScoreScheme *
scheme (GPtrArray  *all,
        const char *id)
{
  IcwScoreScheme *found = icw_score_schemes_find (all, id);

  g_assert_nonnull (found);
  return found;
}

static const IcwScoreItem *
item (IcwScore   *score,
      const char *key)
{
  for (guint i = 0; i < score->items->len; i++)
    if (strcmp (((IcwScoreItem *) score->items->pdata[i])->key, key) == 0)
      return score->items->pdata[i];
  g_assert_not_reached ();
}

static IcwScore *
compute (IcwScoreScheme *s,
         IcwScoreInput  *input)
{
  g_autoptr(GError) error = NULL;
  IcwScore *score = icw_score_compute (s, input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (score);
  return score;
}

static void
test_bundled (void)
{
  g_autoptr(GPtrArray) all = schemes ();

  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < all->len; i++)
    {
      IcwScoreScheme *s = all->pdata[i];

      g_assert_cmpuint (icw_score_scheme_get_n_items (s), >, 0);
      for (guint k = 0; k < icw_score_scheme_get_n_items (s); k++)
        {
          g_autofree char *basis = icw_score_basis_text (icw_score_scheme_get_item (s, k)->basis);

          g_assert_cmpuint (strlen (basis), >, 0);
        }
    }
  /* Hunan's known items add up to 95 of its points; Anhui declares 100 for its bands; 37号 none. */
  g_assert_cmpint (icw_score_scheme_get_maximum (scheme (all, ICW_SCORE_SCHEME_HUNAN)), ==, 9500);
  g_assert_cmpint (icw_score_scheme_get_maximum (scheme (all, ICW_SCORE_SCHEME_ANHUI)), ==, 10000);
  g_assert_cmpint (icw_score_scheme_get_maximum (scheme (all, ICW_SCORE_SCHEME_MIIT_37)), ==, -1);
  g_assert_true (icw_score_scheme_has_bands (scheme (all, ICW_SCORE_SCHEME_ANHUI)));
  g_assert_false (icw_score_scheme_has_bands (scheme (all, ICW_SCORE_SCHEME_MIIT_37)));
}

static IcwScoreScheme *
for_center (GPtrArray      *all,
            IcwCenterLevel  level,
            const char     *province,
            GError        **error)
{
  g_autoptr(IcwCenter) center = icw_center_new ();

  icw_center_set_level (center, level);
  icw_center_set_province (center, province);
  return icw_score_scheme_for_center (all, center, error);
}

static void
test_choice (void)
{
  g_autoptr(GPtrArray) all = schemes ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (icw_score_scheme_get_id (for_center (all, ICW_CENTER_LEVEL_NATIONAL, "安徽省", NULL)), ==,
                   ICW_SCORE_SCHEME_MIIT_37);
  g_assert_cmpstr (icw_score_scheme_get_id (for_center (all, ICW_CENTER_LEVEL_PROVINCIAL, "安徽省", NULL)), ==,
                   ICW_SCORE_SCHEME_ANHUI);
  g_assert_cmpstr (icw_score_scheme_get_id (for_center (all, ICW_CENTER_LEVEL_PROVINCIAL, "Anhui", NULL)), ==,
                   ICW_SCORE_SCHEME_ANHUI);
  g_assert_cmpstr (icw_score_scheme_get_id (for_center (all, ICW_CENTER_LEVEL_PROVINCIAL, "湖南", NULL)), ==,
                   ICW_SCORE_SCHEME_HUNAN);
  g_assert_null (for_center (all, ICW_CENTER_LEVEL_PROVINCIAL, "辽宁省", &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  icw_test_assert_message_contains (error, "source not found", NULL);
}

/* Hunan's 科技人员占比: over 50% full (7), under 10% none, in proportion between. */
static void
share_case (IcwScoreScheme *hunan,
            gint64          tech,
            gint64          staff,
            gint64          points,
            const char     *why)
{
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();
  g_autoptr(IcwScore) score = NULL;
  const IcwScoreItem *share;

  icw_score_input_set_figure (input, "tech-staff", tech);
  icw_score_input_set_figure (input, "staff", staff);
  score = compute (hunan, input);
  share = item (score, "tech-staff-share");
  g_assert_true (share->scored);
  g_assert_false (share->by_hand);
  g_assert_cmpint (share->points, ==, points);
  g_assert_cmpint (share->maximum, ==, 700);
  g_assert_nonnull (strstr (share->why, why));
}

static void
test_share (void)
{
  g_autoptr(GPtrArray) all = schemes ();
  IcwScoreScheme *hunan = scheme (all, ICW_SCORE_SCHEME_HUNAN);
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();
  g_autoptr(IcwScore) score = NULL;

  share_case (hunan, 90, 1000, 0, "is 9.00% (90 of 1000), under 10.00%: no points");
  share_case (hunan, 100, 1000, 0, "between 10.00% and 50.00%: 0 of 7 points");
  share_case (hunan, 110, 1000, 18, "is 11.00% (110 of 1000), between 10.00% and 50.00%: 0.18 of 7 points");
  share_case (hunan, 300, 1000, 350, "is 30.00% (300 of 1000), between 10.00% and 50.00%: 3.50 of 7 points");
  share_case (hunan, 500, 1000, 700, "between 10.00% and 50.00%: 7 of 7 points");
  share_case (hunan, 501, 1000, 700, "is 50.10% (501 of 1000), over 50.00%: full marks, 7 points");
  /* From the counts, not a rounded share: 1 of 3 is 33.33…%, 7 × 23.33…/40 = 4.083… */
  share_case (hunan, 1, 3, 408, "is 33.33% (1 of 3)");

  /* No staff entered: not computed, left to be scored by hand. */
  icw_score_input_set_figure (input, "tech-staff", 10);
  score = compute (hunan, input);
  g_assert_false (item (score, "tech-staff-share")->scored);
  g_assert_true (item (score, "tech-staff-share")->by_hand);
  g_assert_nonnull (strstr (item (score, "tech-staff-share")->why, "“Staff” is not entered"));
}

static IcwScore *
hunan_with (GPtrArray  *all,
            const char *figure,
            gint64      value)
{
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();

  icw_score_input_set_figure (input, figure, value);
  return compute (scheme (all, ICW_SCORE_SCHEME_HUNAN), input);
}

static void
test_at_least (void)
{
  g_autoptr(GPtrArray) all = schemes ();
  g_autoptr(IcwScore) none = hunan_with (all, "experts", 0);
  g_autoptr(IcwScore) one = hunan_with (all, "experts", 1);
  g_autoptr(IcwScore) two = hunan_with (all, "experts", 2);
  g_autoptr(IcwScore) platforms0 = hunan_with (all, "provincial-platforms", 0);
  g_autoptr(IcwScore) platforms3 = hunan_with (all, "provincial-platforms", 3);

  /* "拥有…得5分": none below one, full from one. */
  g_assert_true (item (none, "experts")->scored);
  g_assert_cmpint (item (none, "experts")->points, ==, 0);
  g_assert_nonnull (strstr (item (none, "experts")->why, "is 0, under 1: no points"));
  g_assert_cmpint (item (one, "experts")->points, ==, 500);
  g_assert_nonnull (strstr (item (one, "experts")->why, "is 1, at least 1: 5 points"));
  g_assert_cmpint (item (two, "experts")->points, ==, 500);
  g_assert_cmpint (item (platforms0, "provincial-platforms")->points, ==, 0);
  g_assert_cmpint (item (platforms3, "provincial-platforms")->points, ==, 400);
}

/* 年均研发经费 500万元 → 10; the rule under it was cut off, so under it the item is by hand. */
static void
test_rd_spending (void)
{
  g_autoptr(GPtrArray) all = schemes ();
  IcwScoreScheme *hunan = scheme (all, ICW_SCORE_SCHEME_HUNAN);
  g_autoptr(IcwScore) below = hunan_with (all, "rd-spending-average", 499990000);
  g_autoptr(IcwScore) at = hunan_with (all, "rd-spending-average", 500000000);
  g_autoptr(IcwScore) above = hunan_with (all, "rd-spending-average", 800000000);
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();
  g_autoptr(IcwScore) typed = NULL;
  g_autoptr(IcwScore) refused = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (item (below, "rd-spending")->scored);
  g_assert_true (item (below, "rd-spending")->by_hand);
  g_assert_nonnull (strstr (item (below, "rd-spending")->why, "is 499.99 10k yuan, under 500.00 10k yuan"));
  g_assert_cmpint (item (at, "rd-spending")->points, ==, 1000);
  g_assert_false (item (at, "rd-spending")->by_hand);
  g_assert_cmpint (item (above, "rd-spending")->points, ==, 1000);

  /* Under the minimum a person may score it … */
  icw_score_input_set_figure (input, "rd-spending-average", 300000000);
  icw_score_input_set_by_hand (input, "rd-spending", 600, "3 million yuan a year; the expert panel gave 6");
  typed = compute (hunan, input);
  g_assert_cmpint (item (typed, "rd-spending")->points, ==, 600);
  g_assert_true (item (typed, "rd-spending")->scored);
  g_assert_nonnull (strstr (item (typed, "rd-spending")->why, "Scored by hand: 3 million yuan"));
  /* … but not once the rule computes it. */
  icw_score_input_set_figure (input, "rd-spending-average", 500000000);
  refused = icw_score_compute (hunan, input, &error);
  g_assert_null (refused);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  icw_test_assert_message_contains (error, "computed from the figures", NULL);
}

static void
test_all_at_least (void)
{
  g_autoptr(GPtrArray) all = schemes ();
  IcwScoreScheme *hunan = scheme (all, ICW_SCORE_SCHEME_HUNAN);
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();
  g_autoptr(IcwScore) missing = NULL, partial = NULL, full = NULL;

  icw_score_input_set_figure (input, "alliance-enterprises", 12);
  icw_score_input_set_figure (input, "alliance-institutes", 2);
  missing = compute (hunan, input);
  g_assert_true (item (missing, "alliance-kinds")->by_hand);
  g_assert_nonnull (strstr (item (missing, "alliance-kinds")->why, "Universities in the alliance"));
  icw_score_input_set_figure (input, "alliance-universities", 0);
  partial = compute (hunan, input);
  g_assert_true (item (partial, "alliance-kinds")->by_hand);
  g_assert_false (item (partial, "alliance-kinds")->scored);
  icw_score_input_set_figure (input, "alliance-universities", 1);
  full = compute (hunan, input);
  g_assert_cmpint (item (full, "alliance-kinds")->points, ==, 300);
  g_assert_nonnull (strstr (item (full, "alliance-kinds")->why, "is at least 1: 3 points"));
}

static IcwScore *
anhui (GPtrArray *all,
       gint64     goals,
       gint64     operation,
       GError   **error)
{
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();

  icw_score_input_set_by_hand (input, "goals", goals, "self-assessment of the goals");
  if (operation >= 0)
    icw_score_input_set_by_hand (input, "operation", operation, "self-assessment of the operation");
  return icw_score_compute (scheme (all, ICW_SCORE_SCHEME_ANHUI), input, error);
}

static void
band_case (GPtrArray *all,
           gint64     total,
           IcwReportGrade   grade)
{
  g_autoptr(IcwScore) score = anhui (all, total / 2, total - total / 2, NULL);

  g_assert_nonnull (score);
  g_assert_cmpint (score->points, ==, total);
  g_assert_cmpint (score->grade, ==, grade);
}

static void
test_bands (void)
{
  g_autoptr(GPtrArray) all = schemes ();
  g_autoptr(IcwScore) ninety = anhui (all, 4000, 5000, NULL);
  g_autoptr(IcwScore) half = anhui (all, 4000, -1, NULL);
  g_autoptr(IcwScore) over = NULL;
  g_autoptr(GError) error = NULL;

  band_case (all, 10000, ICW_REPORT_GRADE_EXCELLENT);
  band_case (all, 9000, ICW_REPORT_GRADE_EXCELLENT);
  band_case (all, 8999, ICW_REPORT_GRADE_PASS);
  band_case (all, 6000, ICW_REPORT_GRADE_PASS);
  band_case (all, 5999, ICW_REPORT_GRADE_FAIL);
  band_case (all, 0, ICW_REPORT_GRADE_FAIL);
  g_assert_cmpstr (ninety->grade_why, ==, "90 of 100 points: Excellent (from 90 points).");
  /* An item still to score: no grade yet. */
  g_assert_cmpint (half->grade, ==, ICW_REPORT_GRADE_NONE);
  g_assert_cmpuint (half->unscored, ==, 1);
  g_assert_nonnull (strstr (half->grade_why, "1 item is still to be scored by hand"));
  /* More than the scheme's 100 points in all. */
  over = anhui (all, 6000, 5000, &error);
  g_assert_null (over);
  icw_test_assert_message_contains (error, "more than the scheme's 100 points", NULL);
}

static void
expect_refused (IcwScoreScheme *s,
                const char     *key,
                gint64          points,
                const char     *reason,
                const char     *message)
{
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwScore) score = NULL;

  icw_score_input_set_by_hand (input, key, points, reason);
  score = icw_score_compute (s, input, &error);
  g_assert_null (score);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  icw_test_assert_message_contains (error, message, NULL);
}

static void
test_by_hand (void)
{
  g_autoptr(GPtrArray) all = schemes ();
  IcwScoreScheme *hunan = scheme (all, ICW_SCORE_SCHEME_HUNAN);
  IcwScoreScheme *miit = scheme (all, ICW_SCORE_SCHEME_MIIT_37);
  g_autoptr(IcwScoreInput) input = icw_score_input_new ();
  g_autoptr(IcwScoreInput) empty = icw_score_input_new ();
  g_autoptr(IcwScore) score = NULL;
  g_autoptr(IcwScore) national = NULL;

  /* At the item's maximum, and at 0, with a reason. */
  icw_score_input_set_by_hand (input, "rd-conditions", 1300, "labs and pilot line in use");
  icw_score_input_set_by_hand (input, "mechanisms", 0, "no rules adopted yet");
  score = compute (hunan, input);
  g_assert_cmpint (item (score, "rd-conditions")->points, ==, 1300);
  g_assert_true (item (score, "rd-conditions")->by_hand);
  g_assert_cmpint (item (score, "mechanisms")->points, ==, 0);
  g_assert_true (item (score, "mechanisms")->scored);
  g_assert_false (item (score, "planning")->scored);
  g_assert_nonnull (strstr (item (score, "planning")->why, "up to 4 points"));
  g_assert_cmpint (score->grade, ==, ICW_REPORT_GRADE_NONE);
  g_assert_nonnull (strstr (score->grade_why, "reviewer"));

  expect_refused (hunan, "rd-conditions", 1301, "too much", "from 0 to 13 points");
  expect_refused (hunan, "rd-conditions", -1, "negative", "from 0 to 13 points");
  expect_refused (hunan, "rd-conditions", 500, "  ", "needs its reason");
  expect_refused (hunan, "rd-conditions", 500, NULL, "needs its reason");
  /* An unknown item. */
  expect_refused (hunan, "no-such-item", 100, "why", "“no-such-item” is not an item of the scoring scheme");
  /* 37号 publishes no points: its areas take none, and the grade is the reviewer's. */
  expect_refused (miit, "operation", 100, "why", "no points are published");
  national = compute (miit, empty);
  g_assert_cmpint (national->maximum, ==, -1);
  g_assert_cmpuint (national->unscored, ==, 0);
  g_assert_cmpint (national->grade, ==, ICW_REPORT_GRADE_NONE);
  g_assert_nonnull (strstr (item (national, "operation")->basis, "第八条"));
}

static void
expect_bad_scheme (const char *json,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwScoreScheme) s = icw_score_scheme_new_from_data ("bad.json", json, -1, &error);

  g_assert_null (s);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK);
  icw_test_assert_message_contains (error, "bad.json", NULL);
  icw_test_assert_message_contains (error, message, NULL);
}

#define HEAD "{\"id\":\"x\",\"version\":1,\"title\":{\"en\":\"X\",\"zh_CN\":\"X\"},\"note\":{\"en\":\"n\",\"zh_CN\":\"n\"}," \
             "\"applies_to\":{\"provinces\":[\"X\"]},"
#define BY_REVIEWER "\"grades\":{\"given\":\"by-reviewer\",\"citation\":{\"basis\":\"program-practice\",\"clause\":\"c\"}},"
#define PRACTICE "\"citation\":{\"basis\":\"program-practice\",\"clause\":\"c\"}"

static void
test_bad_schemes (void)
{
  expect_bad_scheme (HEAD BY_REVIEWER "\"items\":[], \"severty\":1}", "the member “severty” is unknown");
  expect_bad_scheme (HEAD BY_REVIEWER "\"items\":[{\"key\":\"a\",\"title\":{\"en\":\"A\",\"zh_CN\":\"A\"},\"maximum\":5,"
                     "\"rule\":{\"kind\":\"at-least\",\"figure\":\"turnover\",\"min\":1,\"below\":\"zero\"}," PRACTICE "}]}",
                     "item “a”: the figure “turnover” is unknown");
  expect_bad_scheme (HEAD BY_REVIEWER "\"items\":[{\"key\":\"a\",\"title\":{\"en\":\"A\",\"zh_CN\":\"A\"},\"maximum\":5,"
                     "\"rule\":{\"kind\":\"by-hand\"},\"citation\":{\"basis\":\"policy\",\"document\":\"D\",\"clause\":\"c\"}}]}",
                     "needs the words it rests on");
  expect_bad_scheme (HEAD BY_REVIEWER "\"items\":[{\"key\":\"a\",\"title\":{\"en\":\"A\",\"zh_CN\":\"A\"},"
                     "\"rule\":{\"kind\":\"at-least\",\"figure\":\"experts\",\"min\":1,\"below\":\"zero\"}," PRACTICE "}]}",
                     "needs its “maximum”");
  expect_bad_scheme (HEAD "\"grades\":{\"given\":\"bands\",\"bands\":[{\"grade\":\"pass\",\"min_points\":60},"
                     "{\"grade\":\"excellent\",\"min_points\":90},{\"grade\":\"fail\",\"min_points\":0}]," PRACTICE "},"
                     "\"maximum\":100,\"items\":[]}", "from the highest to the lowest");
  expect_bad_scheme (HEAD BY_REVIEWER "\"items\":[{\"key\":\"a\",\"title\":{\"en\":\"A\",\"zh_CN\":\"A\"},\"maximum\":5,"
                     "\"rule\":{\"kind\":\"linear-share\",\"numerator\":\"tech-staff\",\"denominator\":\"staff\","
                     "\"zero_below_bp\":5000,\"full_above_bp\":1000}," PRACTICE "}]}", "must be above");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/score/bundled", test_bundled);
  g_test_add_func ("/score/choice", test_choice);
  g_test_add_func ("/score/linear-share", test_share);
  g_test_add_func ("/score/at-least", test_at_least);
  g_test_add_func ("/score/rd-spending", test_rd_spending);
  g_test_add_func ("/score/all-at-least", test_all_at_least);
  g_test_add_func ("/score/bands", test_bands);
  g_test_add_func ("/score/by-hand", test_by_hand);
  g_test_add_func ("/score/bad-schemes", test_bad_schemes);
  return g_test_run ();
}
