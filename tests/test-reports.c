/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reports.c: after recognition (issue 16), on a real SQLite database: the 任务书 carried from an
 * accepted application (not from a draft), a second carry or a change making the next version and
 * keeping every earlier one; reports made with their rows from the year's targets; 37号 art. 2: an
 * annual assessment refused in an 评估 year naming the year, and in the year of recognition, an
 * evaluation taken, one report per year; actuals computed from the registers (members,
 * shareholders, the members' platforms, capital in the row's unit, staff); a report's attachments
 * (evidence and audit must be its own, none added once submitted, a new version copies them and
 * its rows point at the copies); the grade recorded with the acceptance while nothing else changes;
 * computed actuals frozen when a report leaves draft (the registers change after submission, the
 * report's figures stay; a draft keeps computing); the scores typed by hand kept with the report
 * (their part's checks, the points as typed, the score following them, a kept score of an item the
 * figures now compute set aside, one above the item's maximum named). */
#include "config.h"

#include <string.h>

#include "icw-alliance-member.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-platform.h"
#include "icw-report-actuals.h"
#include "icw-report-check.h"
#include "icw-report-hand-scores.h"
#include "icw-report-parts.h"
#include "icw-score-report.h"
#include "icw-shareholder.h"
#include "icw-store-reports.h"
#include "icw-test-util.h"

#define WAN G_GINT64_CONSTANT (1000000)

/* A store with one recognized center (icw-test-util.h). */
typedef IcwTestSample Fixture;

static const char *
center_id (Fixture *f)
{
  return icw_record_get_id (ICW_RECORD (f->center));
}

#define INDICATORS \
  "[{\"area\": \"collaboration\", \"name\": \"联盟成员单位\", \"unit\": \"家\", \"baseline_value\": 10," \
  "  \"years\": [{\"year\": 2024, \"target\": 12}, {\"year\": 2025, \"target\": 14}, {\"year\": 2026, \"target\": 18}]}," \
  " {\"area\": \"rd-strength\", \"name\": \"年度研发投入\", \"unit\": \"万元\"," \
  "  \"years\": [{\"year\": 2024, \"target\": 1200.5}, {\"year\": 2025, \"target\": 1600}]}," \
  " {\"area\": \"transfer\", \"name\": \"仅有文字的指标\", \"targets\": \"逐年增长\"}]"

/* An application of the center with the 绩效目标表 above, moved to `status` step by step. */
static IcwApplication *
save_application (Fixture              *f,
                  const char           *indicators,
                  IcwApplicationStatus  status)
{
  g_autoptr(IcwApplication) application = icw_application_new ();
  const IcwApplicationStatus steps[] = { ICW_APPLICATION_STATUS_READY, ICW_APPLICATION_STATUS_SUBMITTED,
                                         ICW_APPLICATION_STATUS_ACCEPTED };

  icw_application_set_center_id (application, center_id (f));
  icw_application_set_title (application, "建设方案");
  icw_application_set_indicators (application, indicators);
  icw_test_save (f->store, application);
  for (guint i = 0; i < G_N_ELEMENTS (steps) && steps[i] <= status; i++)
    {
      icw_application_set_status (application, steps[i]);
      icw_test_save (f->store, application);
    }
  return g_steal_pointer (&application);
}

static IcwTarget *
find_target (IcwTargetSet *set,
             const char   *key,
             int           year)
{
  for (guint i = 0; i < set->targets->len; i++)
    {
      IcwTarget *t = set->targets->pdata[i];

      if (g_str_equal (t->indicator_key, key) && t->year == year)
        return t;
    }
  return NULL;
}

static void
test_targets_carried (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) draft = save_application (f, INDICATORS, ICW_APPLICATION_STATUS_SUBMITTED);
  g_autoptr(IcwApplication) accepted = save_application (f, INDICATORS, ICW_APPLICATION_STATUS_ACCEPTED);
  g_autoptr(IcwTargetSet) set = NULL;
  IcwTarget *t;
  int version;

  /* Only an accepted application's targets become the center's. */
  version = icw_store_carry_targets_from_application (f->store, draft, "测试", NULL, &error);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_cmpint (version, ==, 0);
  g_assert_null (icw_store_load_targets (f->store, center_id (f), 0, NULL));
  g_clear_error (&error);

  version = icw_store_carry_targets_from_application (f->store, accepted, "张三", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 1);
  set = icw_store_load_targets (f->store, center_id (f), 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  g_assert_cmpint (set->version, ==, 1);
  g_assert_cmpstr (set->application_id, ==, icw_record_get_id (ICW_RECORD (accepted)));
  g_assert_cmpstr (set->changed_by, ==, "张三");
  g_assert_nonnull (set->reason);
  g_assert_nonnull (set->changed_at);
  g_assert_cmpint (set->first_year, ==, 2024);
  g_assert_cmpint (set->last_year, ==, 2026);
  /* Three years of one indicator, two of the other; the one with text only gives none. */
  g_assert_cmpuint (set->targets->len, ==, 5);
  t = find_target (set, "联盟成员单位", 2026);
  g_assert_nonnull (t);
  g_assert_cmpfloat (t->target, ==, 18);
  g_assert_cmpstr (t->unit, ==, "家");
  g_assert_cmpstr (t->area, ==, "collaboration");
  g_assert_true (t->has_baseline);
  g_assert_cmpfloat (t->baseline, ==, 10);
  t = find_target (set, "年度研发投入", 2024);
  g_assert_nonnull (t);
  g_assert_cmpfloat (t->target, ==, 1200.5);
  g_assert_false (t->has_baseline);
}

static void
test_targets_versioned (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) accepted = save_application (f, INDICATORS, ICW_APPLICATION_STATUS_ACCEPTED);
  g_autoptr(IcwTargetSet) first = NULL;
  g_autoptr(IcwTargetSet) latest = NULL;
  g_autoptr(IcwTargetSet) changed = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) edited = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);

  g_assert_cmpint (icw_store_carry_targets_from_application (f->store, accepted, "张三", NULL, &error), ==, 1);
  g_assert_no_error (error);
  /* Carried a second time (say, after the 任务书 was signed again): version 2, version 1 kept. */
  g_assert_cmpint (icw_store_carry_targets_from_application (f->store, accepted, "李四", "任务书重签", &error), ==, 2);
  g_assert_no_error (error);
  first = icw_store_load_targets (f->store, center_id (f), 1, &error);
  latest = icw_store_load_targets (f->store, center_id (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->version, ==, 1);
  g_assert_cmpstr (first->changed_by, ==, "张三");
  g_assert_cmpuint (first->targets->len, ==, 5);
  g_assert_cmpint (latest->version, ==, 2);
  g_assert_cmpstr (latest->changed_by, ==, "李四");
  g_assert_cmpstr (latest->reason, ==, "任务书重签");

  /* A change needs a reason; with one it is version 3, and the earlier ones stay as they were. */
  g_ptr_array_add (edited, icw_target_new ("联盟成员单位", 2026, 20));
  g_assert_cmpint (icw_store_save_targets (f->store, center_id (f), edited, "王五", NULL, &error), ==, 0);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_add (edited, icw_target_new ("联盟成员单位", 2026, 21));
  g_assert_cmpint (icw_store_save_targets (f->store, center_id (f), edited, "王五", "调整", &error), ==, 0);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "2026"));
  g_clear_error (&error);
  g_ptr_array_remove_index (edited, 1);
  g_assert_cmpint (icw_store_save_targets (f->store, center_id (f), edited, "王五", "联盟扩容", &error), ==, 3);
  g_assert_no_error (error);
  changed = icw_store_load_targets (f->store, center_id (f), 0, &error);
  g_assert_cmpuint (changed->targets->len, ==, 1);
  g_assert_cmpfloat (find_target (changed, "联盟成员单位", 2026)->target, ==, 20);
  g_clear_pointer (&first, icw_target_set_free);
  first = icw_store_load_targets (f->store, center_id (f), 1, &error);
  g_assert_cmpfloat (find_target (first, "联盟成员单位", 2026)->target, ==, 18);
  versions = icw_store_list_target_versions (f->store, center_id (f));
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_null (((IcwTargetSet *) versions->pdata[0])->targets);
  g_assert_cmpint (((IcwTargetSet *) versions->pdata[2])->version, ==, 3);
}

static void
test_report_rows_from_targets (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) accepted = save_application (f, INDICATORS, ICW_APPLICATION_STATUS_ACCEPTED);
  g_autoptr(IcwReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  IcwReportRow *row;

  g_assert_cmpint (icw_store_carry_targets_from_application (f->store, accepted, NULL, NULL, &error), ==, 1);
  report = icw_store_create_report (f->store, center_id (f), 2025, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_report_get_status (report), ==, ICW_APPLICATION_STATUS_DRAFT);
  g_assert_cmpint (icw_report_get_version (report), ==, 1);
  rows = icw_report_rows_parse (icw_report_get_indicators (report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = icw_report_rows_find (rows, "年度研发投入");
  g_assert_nonnull (row);
  g_assert_true (row->has_target);
  g_assert_cmpfloat (row->target, ==, 1600);
  g_assert_false (row->has_actual);
  g_assert_cmpstr (row->unit, ==, "万元");
}

static void
test_evaluation_year (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwReport) refused = NULL;
  g_autoptr(IcwReport) evaluation = NULL;
  g_autoptr(IcwReport) annual = NULL;
  g_autoptr(IcwReport) again = NULL;
  g_autoptr(IcwReport) early = NULL;
  IcwReportKind kind;

  /* Recognized in 2023: 2024 and 2025 are 考核 years, 2026 and 2029 评估 years. */
  g_assert_false (icw_report_is_evaluation_year ("2023-03-28", 2023));
  g_assert_false (icw_report_is_evaluation_year ("2023-03-28", 2024));
  g_assert_false (icw_report_is_evaluation_year ("2023-03-28", 2025));
  g_assert_true (icw_report_is_evaluation_year ("2023-03-28", 2026));
  g_assert_false (icw_report_is_evaluation_year ("2023-03-28", 2027));
  g_assert_true (icw_report_is_evaluation_year ("2023-03-28", 2029));
  g_assert_false (icw_report_is_evaluation_year (NULL, 2026));
  g_assert_false (icw_report_kind_due ("2023-03-28", 2023, &kind));
  g_assert_true (icw_report_kind_due ("2023-03-28", 2027, &kind));
  g_assert_cmpint (kind, ==, ICW_REPORT_KIND_ANNUAL_ASSESSMENT);

  refused = icw_store_create_report (f->store, center_id (f), 2026, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_null (refused);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026"));
  g_assert_nonnull (strstr (error->message, "37号"));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) none = icw_store_list_records (f->store, ICW_RECORD_KIND_REPORT, center_id (f));

    g_assert_cmpuint (none->len, ==, 0);
  }

  evaluation = icw_store_create_report (f->store, center_id (f), 2026, ICW_REPORT_KIND_EVALUATION, &error);
  g_assert_no_error (error);
  annual = icw_store_create_report (f->store, center_id (f), 2027, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_no_error (error);
  /* Not the year of recognition: the center had not run a full year. */
  early = icw_store_create_report (f->store, center_id (f), 2023, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_null (early);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);
  /* One report per year. */
  again = icw_store_create_report (f->store, center_id (f), 2027, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_null (again);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* Changing a saved one into an assessment in the 评估 year is refused as well. */
  icw_report_set_kind (evaluation, ICW_REPORT_KIND_ANNUAL_ASSESSMENT);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (evaluation), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026"));
}

static void
test_computed_actuals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) a = icw_test_save_organization (f->store, "甲公司", NULL);
  g_autoptr(IcwOrganization) b = icw_test_save_organization (f->store, "乙大学", NULL);
  g_autoptr(IcwOrganization) c = icw_test_save_organization (f->store, "丙研究院", NULL);
  IcwOrganization *members[] = { a, b, c };
  g_autoptr(IcwReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  IcwReportActuals actuals;
  IcwActual which;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();

      icw_alliance_member_set_center_id (member, center_id (f));
      icw_alliance_member_set_organization_id (member, icw_record_get_id (ICW_RECORD (members[i])));
      icw_test_save (f->store, member);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(IcwShareholder) holder = icw_shareholder_new ();

      icw_shareholder_set_center_id (holder, center_id (f));
      icw_shareholder_set_organization_id (holder, icw_record_get_id (ICW_RECORD (members[i])));
      icw_test_save (f->store, holder);
    }
  /* Two platforms of one member, one of another. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(IcwPlatform) platform = icw_platform_new ();

      icw_platform_set_organization_id (platform, icw_record_get_id (ICW_RECORD (members[i == 2 ? 1 : 0])));
      icw_platform_set_name (platform, i == 0 ? "平台一" : i == 1 ? "平台二" : "平台三");
      icw_test_save (f->store, platform);
    }
  icw_center_set_host_capital_fen (f->center, 10000 * WAN);
  icw_center_set_paid_in_capital_fen (f->center, 6000 * WAN);
  icw_center_set_rd_staff (f->center, 52);
  icw_center_set_staff_total (f->center, 86);
  icw_test_save (f->store, f->center);

  g_assert_true (icw_report_computed_actuals (f->store, center_id (f), &actuals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (actuals.values[ICW_ACTUAL_MEMBERS], ==, 3);
  g_assert_cmpint (actuals.values[ICW_ACTUAL_SHAREHOLDERS], ==, 2);
  g_assert_cmpint (actuals.values[ICW_ACTUAL_PLATFORMS], ==, 3);
  g_assert_cmpint (actuals.values[ICW_ACTUAL_REGISTERED_CAPITAL], ==, 10000 * WAN);
  g_assert_cmpint (actuals.values[ICW_ACTUAL_PAID_IN_CAPITAL], ==, 6000 * WAN);
  g_assert_cmpint (actuals.values[ICW_ACTUAL_RD_STAFF], ==, 52);
  g_assert_cmpint (actuals.values[ICW_ACTUAL_STAFF], ==, 86);
  g_assert_cmpfloat (icw_actual_in_unit (&actuals, ICW_ACTUAL_PAID_IN_CAPITAL, "亿元"), ==, 0.6);
  g_assert_cmpfloat (icw_actual_in_unit (&actuals, ICW_ACTUAL_PAID_IN_CAPITAL, "元"), ==, 60000000);
  g_assert_cmpfloat (icw_actual_in_unit (&actuals, ICW_ACTUAL_PAID_IN_CAPITAL, NULL), ==, 6000);
  /* The more precise word wins: 实缴注册资本 is paid in, 研发人员 is not all staff. */
  g_assert_true (icw_actual_for_indicator (NULL, "实缴注册资本", &which));
  g_assert_cmpint (which, ==, ICW_ACTUAL_PAID_IN_CAPITAL);
  g_assert_true (icw_actual_for_indicator (NULL, "研发人员（职工）", &which));
  g_assert_cmpint (which, ==, ICW_ACTUAL_RD_STAFF);
  g_assert_true (icw_actual_for_indicator ("shareholders", "任意", &which));
  g_assert_cmpint (which, ==, ICW_ACTUAL_SHAREHOLDERS);
  g_assert_false (icw_actual_for_indicator ("发明专利", "发明专利申请", &which));

  /* The rows of a report: what the registers know is filled in and marked, the rest left. */
  report = icw_report_new ();
  icw_report_set_center_id (report, center_id (f));
  icw_report_set_year (report, 2024);
  icw_report_set_indicators (report,
                             "[{\"key\": \"联盟成员单位\", \"name\": \"联盟成员单位\", \"unit\": \"家\", \"target\": 4},"
                             " {\"key\": \"注册资本\", \"name\": \"注册资本\", \"unit\": \"万元\", \"target\": 8000},"
                             " {\"key\": \"发明专利\", \"name\": \"发明专利申请\", \"unit\": \"件\", \"target\": 10}]");
  g_assert_cmpint (icw_report_apply_computed_actuals (f->store, report, &error), ==, 2);
  g_assert_no_error (error);
  icw_test_save (f->store, report);
  rows = icw_report_rows_parse (icw_report_get_indicators (report), &error);
  g_assert_true (((IcwReportRow *) rows->pdata[0])->computed);
  g_assert_cmpfloat (((IcwReportRow *) rows->pdata[0])->actual, ==, 3);
  g_assert_true (icw_report_row_missed (rows->pdata[0]));
  g_assert_cmpfloat (((IcwReportRow *) rows->pdata[1])->actual, ==, 10000);
  g_assert_false (icw_report_row_missed (rows->pdata[1]));
  g_assert_false (((IcwReportRow *) rows->pdata[2])->computed);
  g_assert_false (((IcwReportRow *) rows->pdata[2])->has_actual);
}

static GBytes *
pdf (const char *text)
{
  g_autofree char *data = g_strdup_printf ("%%PDF-1.4\n%% %s\n%%%%EOF\n", text);

  return g_bytes_new (data, strlen (data));
}

static void
test_attachments_and_grade (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwReport) report = icw_store_create_report (f->store, center_id (f), 2024,
                                                         ICW_REPORT_KIND_ANNUAL_ASSESSMENT, NULL);
  g_autoptr(IcwReport) other = icw_store_create_report (f->store, center_id (f), 2025,
                                                        ICW_REPORT_KIND_ANNUAL_ASSESSMENT, NULL);
  g_autoptr(GBytes) audit_pdf = pdf ("audit");
  g_autoptr(GBytes) evidence_pdf = pdf ("evidence");
  g_autoptr(GBytes) late_pdf = pdf ("late");
  g_autoptr(IcwAttachment) audit = NULL;
  g_autoptr(IcwAttachment) evidence = NULL;
  g_autoptr(IcwAttachment) foreign = NULL;
  g_autoptr(IcwAttachment) late = NULL;
  g_autoptr(IcwRecord) reopened = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *with_evidence = NULL;
  g_autofree char *with_foreign = NULL;

  g_assert_nonnull (report);
  audit = icw_store_add_report_attachment (f->store, report, "审计报告.pdf", ICW_ATTACHMENT_KIND_AUDIT, audit_pdf, &error);
  g_assert_no_error (error);
  g_assert_null (icw_attachment_get_application_id (audit));
  evidence = icw_store_add_report_attachment (f->store, report, "证明.pdf", ICW_ATTACHMENT_KIND_OTHER, evidence_pdf, &error);
  g_assert_no_error (error);
  foreign = icw_store_add_report_attachment (f->store, other, "证明.pdf", ICW_ATTACHMENT_KIND_OTHER, evidence_pdf, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) files = icw_store_list_report_attachments (f->store, icw_record_get_id (ICW_RECORD (report)));

    g_assert_cmpuint (files->len, ==, 2);
  }

  /* The check asks for the actual, then for a comment where the target is missed. */
  icw_report_set_indicators (report, "[{\"key\": \"k\", \"name\": \"指标\", \"target\": 5}]");
  findings = icw_report_check (f->store, report, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_finding_get_rule (findings->pdata[0]), ==, ICW_REPORT_RULE_ACTUAL_MISSING);
  g_clear_pointer (&findings, g_ptr_array_unref);
  icw_report_set_indicators (report, "[{\"key\": \"k\", \"name\": \"指标\", \"target\": 5, \"actual\": 4}]");
  findings = icw_report_check (f->store, report, NULL, NULL, &error);
  /* A warning (program practice), among the summary's. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < findings->len; i++)
      if (g_str_equal (icw_finding_get_rule (findings->pdata[i]), ICW_REPORT_RULE_MISSED_COMMENT))
        {
          found = TRUE;
          g_assert_cmpint (icw_finding_get_severity (findings->pdata[i]), ==, ICW_SEVERITY_WARNING);
          g_assert_cmpstr (icw_finding_get_basis (findings->pdata[i]), ==, "program-practice");
        }
    g_assert_true (found);
  }

  /* Evidence and audit are the report's own attachments. */
  with_foreign = g_strdup_printf ("[{\"key\": \"k\", \"name\": \"指标\", \"target\": 5, \"actual\": 6,"
                                  " \"evidence\": [{\"attachment_id\": \"%s\"}]}]", icw_record_get_id (ICW_RECORD (foreign)));
  icw_report_set_indicators (report, with_foreign);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (report), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "指标"));
  g_clear_error (&error);
  with_evidence = g_strdup_printf ("[{\"key\": \"k\", \"name\": \"指标\", \"target\": 5, \"actual\": 6,"
                                   " \"evidence\": [{\"attachment_id\": \"%s\"}]}]", icw_record_get_id (ICW_RECORD (evidence)));
  icw_report_set_indicators (report, with_evidence);
  icw_report_set_audit_attachment_id (report, icw_record_get_id (ICW_RECORD (foreign)));
  g_assert_false (icw_store_save (f->store, ICW_RECORD (report), &error));
  g_clear_error (&error);
  icw_report_set_audit_attachment_id (report, icw_record_get_id (ICW_RECORD (audit)));
  icw_test_save (f->store, report);

  g_assert_true (icw_lifecycle_mark_ready (f->store, ICW_RECORD (report), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icw_lifecycle_submit (f->store, ICW_RECORD (report), &error));
  g_assert_no_error (error);
  /* Submitted: no file is added, nothing of the content changes. */
  late = icw_store_add_report_attachment (f->store, report, "补充.pdf", ICW_ATTACHMENT_KIND_OTHER, late_pdf, &error);
  g_assert_null (late);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  icw_report_set_patents (report, 9);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (report), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  icw_report_set_patents (report, 0);
  /* The grade is recorded with the acceptance. */
  icw_report_set_grade (report, ICW_REPORT_GRADE_FAIL);
  icw_report_set_graded_on (report, "2025-04-18");
  icw_report_set_rectify_due (report, "2026-04-18");
  g_assert_true (icw_lifecycle_accept (f->store, ICW_RECORD (report), "不合格，限期整改", &error));
  g_assert_no_error (error);
  {
    sqlite3 *db = icw_test_db_open (f->path, SQLITE_OPEN_READONLY, NULL);

    g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM reports WHERE grade = 'fail' AND rectify_due = '2026-04-18' AND id = ?1",
                                      icw_record_get_id (ICW_RECORD (report))), ==, 1);
    sqlite3_close (db);
  }

  /* A new version copies the files; its rows and audit name the copies. */
  reopened = icw_lifecycle_reopen (f->store, ICW_RECORD (report), &error);
  g_assert_no_error (error);
  copies = icw_store_list_report_attachments (f->store, icw_record_get_id (reopened));
  g_assert_cmpuint (copies->len, ==, 2);
  rows = icw_report_rows_parse (icw_report_get_indicators (ICW_REPORT (reopened)), &error);
  g_assert_cmpstr (((IcwReportRow *) rows->pdata[0])->evidence[0], !=, icw_record_get_id (ICW_RECORD (evidence)));
  for (guint i = 0; i < copies->len; i++)
    {
      IcwAttachment *copy = copies->pdata[i];

      g_assert_cmpstr (icw_attachment_get_report_id (copy), ==, icw_record_get_id (reopened));
      if (icw_attachment_get_kind (copy) == ICW_ATTACHMENT_KIND_AUDIT)
        g_assert_cmpstr (icw_report_get_audit_attachment_id (ICW_REPORT (reopened)), ==, icw_record_get_id (ICW_RECORD (copy)));
      else
        g_assert_cmpstr (((IcwReportRow *) rows->pdata[0])->evidence[0], ==, icw_record_get_id (ICW_RECORD (copy)));
    }
}

static void
test_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) summary = NULL;
  g_autofree char *back = NULL;

  rows = icw_report_rows_parse ("[{\"key\": \"a\", \"target\": 1.5, \"actual\": 2, \"computed\": true}]", &error);
  g_assert_no_error (error);
  back = icw_report_rows_to_json (rows);
  g_assert_cmpstr (back, ==, "[{\"key\":\"a\",\"target\":1.5,\"actual\":2,\"computed\":true}]");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = icw_report_rows_parse ("[{\"key\": \"a\"}, {\"name\": \"no key\"}]", &error);
  g_assert_null (rows);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  summary = icw_report_summary_parse ("{\"goals\": \"完成\", \"colour\": \"red\"}", &error);
  g_assert_null (summary);
  g_assert_nonnull (strstr (error->message, "colour"));
}

static void
add_member (Fixture    *f,
            const char *name)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->store, name, NULL);
  g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();

  icw_alliance_member_set_center_id (member, center_id (f));
  icw_alliance_member_set_organization_id (member, icw_record_get_id (ICW_RECORD (org)));
  icw_test_save (f->store, member);
}

static double
row_actual (GPtrArray  *rows,
            const char *key,
            gboolean   *computed)
{
  IcwReportRow *row = icw_report_rows_find (rows, key);

  g_assert_nonnull (row);
  g_assert_true (row->has_actual);
  if (computed != NULL)
    *computed = row->computed;
  return row->actual;
}

static IcwReport *
lookup_report (IcwStore  *store,
               IcwReport *report)
{
  g_autoptr(GError) error = NULL;
  IcwRecord *found = icw_store_lookup (store, ICW_RECORD_KIND_REPORT, icw_record_get_id (ICW_RECORD (report)), &error);

  g_assert_no_error (error);
  return ICW_REPORT (found);
}

#define MEMBER_ROWS "[{\"key\": \"联盟成员单位\", \"name\": \"联盟成员单位\", \"unit\": \"家\", \"target\": 2}," \
                    " {\"key\": \"发明专利\", \"name\": \"发明专利申请\", \"unit\": \"件\", \"target\": 5, \"actual\": 6}]"

/* A report leaving draft keeps the registers' figures of then: members added after it was marked
 * ready and after it was submitted do not change its rows, its check or its document's table; a
 * draft of another year computes them as they are now. */
static void
test_actuals_frozen (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwReport) filed = icw_report_new ();
  g_autoptr(IcwReport) draft = icw_report_new ();
  g_autoptr(IcwReport) stored = NULL;
  g_autoptr(IcwStore) other = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean computed = FALSE;

  add_member (f, "甲公司");
  add_member (f, "乙大学");
  for (int i = 0; i < 2; i++)
    {
      IcwReport *report = i == 0 ? filed : draft;

      icw_report_set_center_id (report, center_id (f));
      icw_report_set_year (report, 2024 + i);
      icw_report_set_kind (report, ICW_REPORT_KIND_ANNUAL_ASSESSMENT);
      /* Stored without the computed figure: marking ready must take it from the registers. */
      icw_report_set_indicators (report, MEMBER_ROWS);
      icw_test_save (f->store, report);
    }
  g_assert_true (icw_lifecycle_mark_ready (f->store, ICW_RECORD (filed), NULL, NULL, &error));
  g_assert_no_error (error);
  add_member (f, "丙研究院");
  g_assert_true (icw_lifecycle_submit (f->store, ICW_RECORD (filed), &error));
  g_assert_no_error (error);
  add_member (f, "丁公司");

  /* Read back from another connection: the filed report holds 2, marked computed. */
  other = icw_test_open_store (f->path);
  stored = lookup_report (other, filed);
  g_assert_cmpint (icw_report_get_status (stored), ==, ICW_APPLICATION_STATUS_SUBMITTED);
  rows = icw_report_rows_parse (icw_report_get_indicators (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (row_actual (rows, "联盟成员单位", &computed), ==, 2);
  g_assert_true (computed);
  g_assert_cmpfloat (row_actual (rows, "发明专利", &computed), ==, 6);
  g_assert_false (computed);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = icw_report_rows_as_filed (other, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (row_actual (rows, "联盟成员单位", NULL), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The draft of 2025 holds nothing computed yet, and is shown with the four members of now. */
  g_clear_object (&stored);
  stored = lookup_report (other, draft);
  rows = icw_report_rows_parse (icw_report_get_indicators (stored), &error);
  g_assert_false (icw_report_rows_find (rows, "联盟成员单位")->has_actual);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = icw_report_rows_as_filed (other, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (row_actual (rows, "联盟成员单位", &computed), ==, 4);
  g_assert_true (computed);
  /* Its check sees the figure of now: the target of 2 is met, so no row lacks its actual. */
  {
    g_autoptr(GPtrArray) findings = icw_report_check (other, stored, NULL, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < findings->len; i++)
      g_assert_cmpstr (icw_finding_get_rule (findings->pdata[i]), !=, "report-actual-missing");
  }
}

/* The part of the scores typed by hand: what it takes and what it refuses, and the points as a
 * person types them. */
static void
test_hand_score_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autofree char *back = NULL;
  const char *bad[][2] = {
    { "[{\"item\": \"a\", \"hundredths\": -1, \"reason\": \"r\"}]", "hundredths" },
    { "[{\"item\": \"a\", \"hundredths\": 1000001, \"reason\": \"r\"}]", "hundredths" },
    { "[{\"item\": \"a\", \"hundredths\": 2.5, \"reason\": \"r\"}]", "hundredths" },
    { "[{\"item\": \"a\", \"hundredths\": 100}]", "reason" },
    { "[{\"item\": \"a\", \"hundredths\": 100, \"reason\": \"  \"}]", "reason" },
    { "[{\"hundredths\": 100, \"reason\": \"r\"}]", "item" },
    { "[{\"item\": \"a\", \"hundredths\": 1, \"reason\": \"r\"}, {\"item\": \"a\", \"hundredths\": 2, \"reason\": \"s\"}]", "twice" },
    { "{\"item\": \"a\"}", "list" },
  };
  const struct { const char *text; gboolean ok; gint64 hundredths; } typed[] = {
    { "7", TRUE, 700 }, { " 7.5 ", TRUE, 750 }, { "7,25", TRUE, 725 }, { "0", TRUE, 0 }, { "10000", TRUE, 1000000 },
    { "13.999", FALSE, 0 }, { "-1", FALSE, 0 }, { "abc", FALSE, 0 }, { "", FALSE, 0 }, { "7.", FALSE, 0 },
    { "10000.01", FALSE, 0 }, { ".5", FALSE, 0 }, { "1e2", FALSE, 0 },
  };

  scores = icw_report_hand_scores_parse ("[{\"item\": \"top-three\", \"hundredths\": 250, \"reason\": \"行业前三\"}]", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 1);
  g_assert_cmpint (icw_report_hand_scores_find (scores, "top-three")->hundredths, ==, 250);
  icw_report_hand_scores_put (scores, "investors", 100, "两家投资方");
  icw_report_hand_scores_put (scores, "top-three", 300, "前三（复核）");
  back = icw_report_hand_scores_to_json (scores);
  g_assert_cmpstr (back, ==, "[{\"item\":\"top-three\",\"hundredths\":300,\"reason\":\"前三（复核）\"},"
                             "{\"item\":\"investors\",\"hundredths\":100,\"reason\":\"两家投资方\"}]");
  icw_report_hand_scores_put (scores, "top-three", 0, NULL);
  icw_report_hand_scores_put (scores, "investors", 0, NULL);
  g_assert_null (icw_report_hand_scores_to_json (scores));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) refused = icw_report_hand_scores_parse (bad[i][0], &error);

      g_assert_null (refused);
      g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
      g_test_message ("%s → %s", bad[i][0], error->message);
      g_assert_nonnull (strstr (error->message, bad[i][1]));
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gint64 hundredths = -1;

      g_assert_cmpint (icw_report_hand_score_parse_points (typed[i].text, &hundredths), ==, typed[i].ok);
      if (typed[i].ok)
        g_assert_cmpint (hundredths, ==, typed[i].hundredths);
    }
}

/* The scores typed by hand are saved with the report and scored: a Hunan center's 123号 items. */
static void
test_hand_scores_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwReport) report = icw_report_new ();
  g_autoptr(IcwReport) stored = NULL;
  g_autoptr(IcwStore) other = NULL;
  g_autoptr(IcwScore) before = NULL;
  g_autoptr(IcwScore) after = NULL;
  IcwScoreItem *top = NULL, *share = NULL;

  icw_center_set_level (f->center, ICW_CENTER_LEVEL_PROVINCIAL);
  icw_center_set_province (f->center, "湖南省");
  icw_test_save (f->store, f->center);
  icw_report_set_center_id (report, center_id (f));
  icw_report_set_year (report, 2024);
  icw_report_set_kind (report, ICW_REPORT_KIND_ANNUAL_ASSESSMENT);
  icw_test_save (f->store, report);
  before = icw_score_report (f->store, report, NULL, &error);
  g_assert_no_error (error);

  /* A malformed part is refused by the store, naming the row; what was saved stays. */
  icw_report_set_hand_scores (report, "[{\"item\": \"top-three\", \"hundredths\": 250}]");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (report), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Score typed by hand 1"));
  g_clear_error (&error);

  /* top-three is by hand (3 points); tech-staff-share is by hand only while no staff is given. */
  icw_report_set_hand_scores (report, "[{\"item\": \"top-three\", \"hundredths\": 250, \"reason\": \"行业排名第二\"},"
                                      " {\"item\": \"tech-staff-share\", \"hundredths\": 300, \"reason\": \"估计\"}]");
  icw_test_save (f->store, report);
  other = icw_test_open_store (f->path);
  stored = lookup_report (other, report);
  g_assert_cmpstr (icw_report_get_hand_scores (stored), ==, icw_report_get_hand_scores (report));
  after = icw_score_report (other, stored, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->items->len; i++)
    {
      IcwScoreItem *item = after->items->pdata[i];

      if (g_str_equal (item->key, "top-three"))
        top = item;
      else if (g_str_equal (item->key, "tech-staff-share"))
        share = item;
    }
  g_assert_nonnull (top);
  g_assert_true (top->scored && top->by_hand);
  g_assert_cmpint (top->points, ==, 250);
  g_assert_cmpstr (top->reason, ==, "行业排名第二");
  g_assert_nonnull (strstr (top->why, "行业排名第二"));
  g_assert_cmpint (share->points, ==, 300);
  g_assert_cmpint (after->points, ==, before->points + 550);
  g_assert_cmpuint (after->unscored, ==, before->unscored - 2);

  /* Once the staff is given the share is computed (30 % → 3.50); the kept 3.00 is set aside. */
  g_clear_pointer (&after, icw_score_free);
  icw_report_set_staff_total (stored, 100);
  icw_report_set_rd_staff (stored, 30);
  icw_test_save (other, stored);
  after = icw_score_report (other, stored, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->items->len; i++)
    if (g_str_equal (((IcwScoreItem *) after->items->pdata[i])->key, "tech-staff-share"))
      share = after->items->pdata[i];
  g_assert_false (share->by_hand);
  g_assert_cmpint (share->points, ==, 350);
  g_assert_null (share->reason);

  /* A kept score above the item's maximum (3) is named. */
  g_clear_pointer (&after, icw_score_free);
  icw_report_set_hand_scores (stored, "[{\"item\": \"top-three\", \"hundredths\": 400, \"reason\": \"多\"}]");
  icw_test_save (other, stored);
  after = icw_score_report (other, stored, NULL, &error);
  g_assert_null (after);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "from 0 to 3"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, icw_test_recognized_set_up, fn, icw_test_sample_tear_down)
  ADD ("/reports/targets-carried", test_targets_carried);
  ADD ("/reports/targets-versioned", test_targets_versioned);
  ADD ("/reports/rows-from-targets", test_report_rows_from_targets);
  ADD ("/reports/evaluation-year", test_evaluation_year);
  ADD ("/reports/computed-actuals", test_computed_actuals);
  ADD ("/reports/attachments-and-grade", test_attachments_and_grade);
  ADD ("/reports/actuals-frozen", test_actuals_frozen);
  ADD ("/reports/hand-scores-kept", test_hand_scores_kept);
#undef ADD
  g_test_add_func ("/reports/parts", test_parts);
  g_test_add_func ("/reports/hand-score-parts", test_hand_score_parts);
  return g_test_run ();
}
