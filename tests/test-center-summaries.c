/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-center-summaries.c: the figures and warnings under a center's tables
 * (icw-center-summaries.h), pure functions of the records, tested without a display; and which
 * platforms the coverage counts (icw-platform-coverage.h). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-center-summaries.h"
#include "icw-money.h"
#include "icw-platform-coverage.h"
#include "icw-shareholder.h"
#include "icw-test-util.h"

/* The sample center in a store of its own (icw-test-util.h). */
typedef IcwTestSample Fixture;

static void
test_shareholders_summary (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListModel) holders = icw_store_list (fixture->store, ICW_RECORD_KIND_SHAREHOLDER,
                                                  icw_record_get_id (ICW_RECORD (fixture->center)));
  g_autoptr(IcwShareholder) holder = g_list_model_get_item (holders, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *summary = icw_shareholders_summary (holders, fixture->store, &warning);
  g_autofree char *summary2 = NULL;
  g_autofree char *warning2 = NULL;
  gint64 before = icw_shareholder_get_share_bp (holder);

  g_assert_cmpstr (summary, ==, "7 shareholders, shares total 100.00%");
  g_assert_null (warning);

  /* One shareholder above half: the warning names it. */
  icw_shareholder_set_share_bp (holder, 5100);
  g_assert_true (icw_store_save (fixture->store, ICW_RECORD (holder), &error));
  g_assert_no_error (error);
  summary2 = icw_shareholders_summary (holders, fixture->store, &warning2);
  g_assert_cmpstr (summary2, ==, g_strdup_printf ("7 shareholders, shares total %s",
                                                  icw_basis_points_format (10000 - before + 5100)));
  g_assert_nonnull (warning2);
  g_assert_nonnull (strstr (warning2, "51.00%"));
  g_assert_nonnull (strstr (warning2, "more than half"));
}

static void
test_members_summary (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) members = icw_store_list (fixture->store, ICW_RECORD_KIND_ALLIANCE_MEMBER,
                                                  icw_record_get_id (ICW_RECORD (fixture->center)));
  g_autofree char *warning = NULL;
  g_autofree char *summary = icw_members_summary (members, fixture->store, &warning);
  guint n = g_list_model_get_n_items (members), signed_count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);
      signed_count += icw_alliance_member_get_agreement_signed (member);
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (signed_count, <, n);
  g_assert_cmpstr (summary, ==, g_strdup_printf ("%u members, %u signed the alliance agreement", n, signed_count));
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "not signed"));
}

static void
test_platform_coverage (void)
{
  g_autofree char *warning = NULL;
  g_autofree char *text = icw_platform_coverage (7, 12, &warning);
  g_autofree char *low_warning = NULL;
  g_autofree char *low = icw_platform_coverage (5, 12, &low_warning);
  g_autofree char *unknown_warning = NULL;
  g_autofree char *unknown G_GNUC_UNUSED = icw_platform_coverage (3, 0, &unknown_warning);
  g_autofree char *edge_warning = NULL;
  g_autofree char *edge G_GNUC_UNUSED = icw_platform_coverage (1, 2, &edge_warning);

  g_assert_cmpstr (text, ==, "Coverage: 7 of 12 national platforms in the field (58.33%)");
  g_assert_null (warning);
  g_assert_cmpstr (low, ==, "Coverage: 5 of 12 national platforms in the field (41.66%)");
  g_assert_nonnull (low_warning);
  g_assert_nonnull (unknown_warning);
  g_assert_null (edge_warning);  /* exactly 50% meets the condition */
}

/* The coverage counts what 64号's rule counts: the listed kinds (全国重点实验室/国家重点实验室 and
 * the engineering labs and centers), recorded in the center's field; not a 国家企业技术中心, not a
 * platform of another field or of no field; a platform counted once. */
static void
test_platforms_counted (void)
{
  g_autoptr(IcwCenter) center = icw_center_new ();
  g_autoptr(GPtrArray) platforms = g_ptr_array_new_with_free_func (g_object_unref);
  const struct { IcwPlatformKind kind; const char *field; gboolean counts; } cases[] = {
    { ICW_PLATFORM_KEY_LAB, "海洋工程装备", TRUE },
    { ICW_PLATFORM_ENGINEERING_RESEARCH_CENTER, " 海洋工程装备 ", TRUE },
    { ICW_PLATFORM_ENTERPRISE_TECH_CENTER, "海洋工程装备", FALSE },
    { ICW_PLATFORM_ENGINEERING_LAB, "智能传感器", FALSE },
    { ICW_PLATFORM_ENGINEERING_TECH_CENTER, NULL, FALSE },
  };

  icw_center_set_field (center, "海洋工程装备");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IcwPlatform *platform = icw_platform_new ();

      icw_platform_set_kind (platform, cases[i].kind);
      icw_platform_set_field (platform, cases[i].field);
      g_assert_cmpint (icw_platform_counts_for_coverage (center, platform), ==, cases[i].counts);
      g_ptr_array_add (platforms, platform);
    }
  g_ptr_array_add (platforms, g_object_ref (platforms->pdata[0]));
  g_assert_cmpuint (icw_platforms_counted_for_coverage (center, platforms), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/center-summaries/shareholders", Fixture, NULL, icw_test_sample_set_up, test_shareholders_summary, icw_test_sample_tear_down);
  g_test_add ("/center-summaries/members", Fixture, NULL, icw_test_sample_set_up, test_members_summary, icw_test_sample_tear_down);
  g_test_add_func ("/center-summaries/platform-coverage", test_platform_coverage);
  g_test_add_func ("/center-summaries/platforms-counted", test_platforms_counted);
  return g_test_run ();
}
