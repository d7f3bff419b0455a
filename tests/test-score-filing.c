/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-score-filing.c: the provinces' filing windows (resources/scoring/filing-windows.json) and
 * the next deadline with the days left, a province without a known window, and the one-year 整改
 * that 不合格 opens (icw-score-filing.h). */
#include "config.h"

#include <locale.h>

#include "icw-error.h"
#include "icw-score-filing.h"
#include "icw-test-util.h"

static void
deadline_case (int         day,
               int         month,
               int         year,
               const char *province,
               const char *due_iso,
               int         days_left,
               int         covers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwFilingDeadline) deadline = NULL;
  GDate today;
  char due[16];

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  deadline = icw_filing_next_deadline (province, &today, &error);
  g_assert_no_error (error);
  g_date_strftime (due, sizeof due, "%Y-%m-%d", &deadline->due);
  g_assert_cmpstr (due, ==, due_iso);
  g_assert_cmpint (deadline->days_left, ==, days_left);
  g_assert_cmpint (deadline->covers_year, ==, covers);
  g_assert_nonnull (strstr (deadline->basis, "辽工信发〔2022〕121号"));
  g_assert_nonnull (strstr (deadline->to, "city"));
}

static void
test_liaoning (void)
{
  deadline_case (10, 1, 2027, "辽宁省", "2027-02-08", 29, 2026);
  deadline_case (7, 2, 2027, "Liaoning", "2027-02-08", 1, 2026);
  deadline_case (8, 2, 2027, "辽宁", "2027-02-08", 0, 2026);
  deadline_case (9, 2, 2027, "210000", "2028-02-08", 364, 2027);
  deadline_case (31, 12, 2027, " liaoning ", "2028-02-08", 39, 2027);
}

static void
test_unknown_province (void)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, 1, 2027);
  g_assert_null (icw_filing_next_deadline ("湖南省", &today, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  icw_test_assert_message_contains (error, "“湖南省”: source not found", NULL);
  g_clear_error (&error);
  g_assert_null (icw_filing_next_deadline (NULL, &today, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
}

static void
rectification_case (int         day,
                    int         month,
                    int         year,
                    const char *due_iso)
{
  GDate accepted, due, before, on;
  char text[16];

  g_date_clear (&accepted, 1);
  g_date_set_dmy (&accepted, day, month, year);
  g_assert_true (icw_rectification_due (ICW_REPORT_GRADE_FAIL, &accepted, &due));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &due);
  g_assert_cmpstr (text, ==, due_iso);
  /* The re-check falls due on the day the year runs out, not before. */
  before = due;
  g_date_subtract_days (&before, 1);
  on = due;
  g_assert_false (icw_rectification_recheck_due (&due, &before));
  g_assert_true (icw_rectification_recheck_due (&due, &on));
}

static void
test_rectification (void)
{
  g_autofree char *basis = NULL;
  GDate accepted, due;

  rectification_case (15, 3, 2027, "2028-03-15");
  rectification_case (31, 12, 2027, "2028-12-31");
  rectification_case (29, 2, 2028, "2029-02-28");
  /* Only 不合格 opens one. */
  g_date_clear (&accepted, 1);
  g_date_clear (&due, 1);
  g_date_set_dmy (&accepted, 15, 3, 2027);
  for (IcwReportGrade grade = ICW_REPORT_GRADE_NONE; grade < ICW_REPORT_GRADE_FAIL; grade++)
    g_assert_false (icw_rectification_due (grade, &accepted, &due));
  g_assert_false (g_date_valid (&due));
  basis = icw_rectification_basis ();
  g_assert_nonnull (strstr (basis, "整改期为一年"));
  g_assert_nonnull (strstr (basis, "program practice"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/score-filing/liaoning", test_liaoning);
  g_test_add_func ("/score-filing/unknown-province", test_unknown_province);
  g_test_add_func ("/score-filing/rectification", test_rectification);
  return g_test_run ();
}
