/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sample.c: the sample data: one complete provincial center whose registers meet the rules
 * the program checks (shares add up to 100%, no dominant shareholder, valid credit codes, members
 * holding national platforms), one story from its recognition (an accepted 验收认定 whose targets
 * became the 任务书) through its reports to its draft upgrade application, which the check finds no
 * error in but the warnings a reviewer would raise; loaded all or nothing and never twice. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-application-check.h"
#include "icw-application-sections.h"
#include "icw-attachment.h"
#include "icw-credit-code.h"
#include "icw-error.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-report-check.h"
#include "icw-report-parts.h"
#include "icw-store-reports.h"
#include "icw-sample.h"
#include "icw-shareholder.h"
#include "icw-store.h"
#include "icw-test-util.h"

/* An empty store in a folder of its own (icw-test-util.h). */
typedef IcwTestSample Fixture;

static GPtrArray *
list_all (IcwStore      *store,
          IcwRecordKind  kind,
          const char    *parent_id)
{
  g_autoptr(GListModel) list = icw_store_list (store, kind, parent_id);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (array, g_list_model_get_item (list, i));
  return array;
}

/* Every live record of the store, of every kind. */
static guint
count_records (IcwStore *store)
{
  g_autoptr(GPtrArray) orgs = list_all (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(GPtrArray) centers = list_all (store, ICW_RECORD_KIND_CENTER, NULL);
  g_autoptr(GPtrArray) applications = list_all (store, ICW_RECORD_KIND_APPLICATION, NULL);
  g_autoptr(GPtrArray) agreements = list_all (store, ICW_RECORD_KIND_IP_AGREEMENT, NULL);
  g_autoptr(GPtrArray) requests = list_all (store, ICW_RECORD_KIND_FUNDING_REQUEST, NULL);
  guint total = orgs->len + centers->len + applications->len + agreements->len + requests->len;

  for (guint i = 0; i < centers->len; i++)
    {
      const char *id = icw_record_get_id (centers->pdata[i]);
      g_autoptr(GPtrArray) holders = list_all (store, ICW_RECORD_KIND_SHAREHOLDER, id);
      g_autoptr(GPtrArray) members = list_all (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, id);

      total += holders->len + members->len;
    }
  for (guint a = 0; a < agreements->len; a++)
    {
      g_autoptr(GPtrArray) parties = list_all (store, ICW_RECORD_KIND_AGREEMENT_PARTY,
                                               icw_record_get_id (agreements->pdata[a]));

      total += parties->len;
    }
  for (guint a = 0; a < applications->len; a++)
    {
      g_autoptr(GPtrArray) files = list_all (store, ICW_RECORD_KIND_ATTACHMENT,
                                             icw_record_get_id (applications->pdata[a]));

      total += files->len;
    }
  for (guint r = 0; r < requests->len; r++)
    {
      g_autoptr(GPtrArray) lines = list_all (store, ICW_RECORD_KIND_BUDGET_LINE,
                                             icw_record_get_id (requests->pdata[r]));

      total += lines->len;
    }
  /* The reports after recognition (issue 16) and their attachments. */
  for (guint i = 0; i < centers->len; i++)
    {
      g_autoptr(GPtrArray) reports = list_all (store, ICW_RECORD_KIND_REPORT, icw_record_get_id (centers->pdata[i]));

      total += reports->len;
      for (guint r = 0; r < reports->len; r++)
        {
          g_autoptr(GPtrArray) files = icw_store_list_report_attachments (store, icw_record_get_id (reports->pdata[r]));

          total += files->len;
        }
    }
  for (guint i = 0; i < orgs->len; i++)
    {
      g_autoptr(GPtrArray) platforms = list_all (store, ICW_RECORD_KIND_PLATFORM,
                                                 icw_record_get_id (orgs->pdata[i]));
      total += platforms->len;
    }
  return total;
}

static IcwOrganization *
lookup_org (IcwStore   *store,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  IcwRecord *record = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, id, &error);

  g_assert_no_error (error);
  return ICW_ORGANIZATION (record);
}

static IcwCenter *
load (IcwStore *store)
{
  g_autoptr(GError) error = NULL;
  IcwCenter *center = icw_sample_load (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (center);
  return center;
}

static void
check_center_fields (IcwStore  *store,
                     IcwCenter *center)
{
  g_autoptr(IcwRecord) again = icw_store_lookup (store, ICW_RECORD_KIND_CENTER,
                                                 icw_record_get_id (ICW_RECORD (center)), NULL);
  g_autoptr(IcwOrganization) host = lookup_org (store, icw_center_get_host_organization_id (center));
  g_autoptr(IcwOrganization) lead = lookup_org (store, icw_center_get_lead_organization_id (center));
  g_autofree char *recognized_on = NULL;

  /* The store's own object, so that every view of the center sees the same one. */
  g_assert_true (again == ICW_RECORD (center));
  g_assert_cmpstr (icw_center_get_name (center), ==, ICW_SAMPLE_CENTER_NAME);
  g_assert_cmpint (icw_center_get_level (center), ==, ICW_CENTER_LEVEL_PROVINCIAL);
  /* Recognized in 2023: its reports of 2024–2026 follow (issue 16). */
  g_assert_cmpint (icw_center_get_status (center), ==, ICW_CENTER_STATUS_RECOGNIZED);
  g_assert_cmpint (icw_center_get_year (center), ==, 2023);
  g_assert_cmpstr (icw_center_get_province (center), ==, "山东省");
  g_assert_cmpstr (icw_center_get_city (center), ==, "青岛市");
  g_assert_cmpstr (icw_center_get_field (center), ==, ICW_SAMPLE_FIELD);
  g_object_get (center, "recognized-on", &recognized_on, NULL);
  g_assert_cmpstr (recognized_on, ==, ICW_SAMPLE_RECOGNIZED_ON);
  /* The capital subscribed is paid in: the 验资报告 attached is its proof. */
  g_assert_cmpint (icw_center_get_paid_in_capital_fen (center), ==, icw_center_get_host_capital_fen (center));
  g_assert_cmpstr (icw_center_get_operating_model (center), ==, "公司+联盟");
  g_assert_cmpstr (icw_center_get_host_legal_form (center), ==, "有限责任公司");
  g_assert_nonnull (icw_center_get_pilot_basis (center));
  g_assert_nonnull (icw_center_get_host_founded (center));
  g_assert_cmpint (icw_center_get_host_capital_fen (center), >, 0);
  g_assert_cmpint (icw_center_get_field_platform_total (center), >, 0);
  g_assert_cmpint (icw_organization_get_kind (host), ==, ICW_ORG_KIND_ENTERPRISE);
  g_assert_cmpint (icw_organization_get_rd_intensity_3 (lead), >=, 300);
}

static void
check_shareholders (IcwStore  *store,
                    IcwCenter *center)
{
  g_autoptr(GPtrArray) holders = list_all (store, ICW_RECORD_KIND_SHAREHOLDER,
                                           icw_record_get_id (ICW_RECORD (center)));
  gint64 share_total = 0, amount_total = 0;
  guint top_ten = 0, universities = 0, institutes = 0, ip = 0;

  g_assert_cmpuint (holders->len, >=, 6);
  g_assert_cmpuint (holders->len, <=, 8);
  for (guint i = 0; i < holders->len; i++)
    {
      IcwShareholder *holder = holders->pdata[i];
      g_autoptr(IcwOrganization) org = lookup_org (store, icw_shareholder_get_organization_id (holder));

      g_assert_cmpint (icw_shareholder_get_share_bp (holder), >, 0);
      g_assert_cmpint (icw_shareholder_get_share_bp (holder), <=, 5000);
      share_total += icw_shareholder_get_share_bp (holder);
      amount_total += icw_shareholder_get_amount_fen (holder);
      top_ten += icw_organization_get_top_ten (org) ? 1 : 0;
      universities += icw_organization_get_kind (org) == ICW_ORG_KIND_UNIVERSITY ? 1 : 0;
      institutes += icw_organization_get_kind (org) == ICW_ORG_KIND_INSTITUTE ? 1 : 0;
      ip += icw_shareholder_get_contribution (holder) == ICW_CONTRIBUTION_IP ? 1 : 0;
    }
  g_assert_cmpint (share_total, ==, 10000);
  g_assert_cmpint (amount_total, ==, icw_center_get_host_capital_fen (center));
  g_assert_cmpuint (top_ten, >=, 2);
  g_assert_cmpuint (top_ten, <=, 3);
  g_assert_cmpuint (universities, >=, 1);
  g_assert_cmpuint (institutes, >=, 1);
  g_assert_cmpuint (ip, >=, 1);
  g_assert_cmpuint (ip, <, holders->len);
}

/* Returns the number of distinct platforms the members hold. */
static guint
check_members (IcwStore  *store,
               IcwCenter *center)
{
  g_autoptr(GPtrArray) members = list_all (store, ICW_RECORD_KIND_ALLIANCE_MEMBER,
                                           icw_record_get_id (ICW_RECORD (center)));
  gboolean roles[ICW_N_MEMBER_ROLES] = { FALSE, };
  guint unsigned_agreements = 0, platforms = 0;

  g_assert_cmpuint (members->len, >=, 14);
  g_assert_cmpuint (members->len, <=, 20);
  for (guint i = 0; i < members->len; i++)
    {
      IcwAllianceMember *member = members->pdata[i];
      g_autoptr(GPtrArray) held = list_all (store, ICW_RECORD_KIND_PLATFORM,
                                            icw_alliance_member_get_organization_id (member));
      g_autoptr(GDate) joined = g_date_new ();

      g_date_set_parse (joined, icw_alliance_member_get_joined (member));
      g_assert_true (g_date_valid (joined));
      roles[icw_alliance_member_get_role (member)] = TRUE;
      unsigned_agreements += icw_alliance_member_get_agreement_signed (member) ? 0 : 1;
      platforms += held->len;
    }
  for (guint r = 0; r < ICW_N_MEMBER_ROLES; r++)
    g_assert_true (roles[r]);
  g_assert_cmpuint (unsigned_agreements, >=, 1);
  g_assert_cmpuint (unsigned_agreements, <, members->len);
  return platforms;
}

static void
check_organizations (IcwStore *store)
{
  g_autoptr(GPtrArray) orgs = list_all (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < orgs->len; i++)
    {
      const char *code = icw_organization_get_credit_code (orgs->pdata[i]);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (code);
      icw_credit_code_validate (code, &error);
      g_assert_no_error (error);
      g_assert_cmpint (code[17], ==, icw_credit_code_check_character (code));
      g_assert_true (g_hash_table_add (codes, (gpointer) code));
      g_assert_true (g_utf8_validate (icw_organization_get_name (orgs->pdata[i]), -1, NULL));
    }
}

/* The application of today (the draft upgrade); the other application of the center is the
 * accepted 验收认定 that recognized it. */
static IcwApplication *
the_application (IcwStore  *store,
                 IcwCenter *center)
{
  g_autoptr(GPtrArray) applications = list_all (store, ICW_RECORD_KIND_APPLICATION, NULL);
  IcwApplication *found = NULL;

  for (guint i = 0; i < applications->len; i++)
    if (g_strcmp0 (icw_application_get_center_id (applications->pdata[i]), icw_record_get_id (ICW_RECORD (center))) == 0 &&
        g_strcmp0 (icw_application_get_title (applications->pdata[i]), ICW_SAMPLE_APPLICATION_TITLE) == 0)
      {
        g_assert_null (found);
        found = applications->pdata[i];
      }
  g_assert_nonnull (found);
  return g_object_ref (found);
}

static IcwApplication *
the_recognition (IcwStore  *store,
                 IcwCenter *center)
{
  g_autoptr(GPtrArray) applications = list_all (store, ICW_RECORD_KIND_APPLICATION, NULL);
  IcwApplication *found = NULL;

  for (guint i = 0; i < applications->len; i++)
    if (g_strcmp0 (icw_application_get_center_id (applications->pdata[i]), icw_record_get_id (ICW_RECORD (center))) == 0 &&
        g_strcmp0 (icw_application_get_title (applications->pdata[i]), ICW_SAMPLE_RECOGNITION_TITLE) == 0)
      {
        g_assert_null (found);
        found = applications->pdata[i];
      }
  g_assert_nonnull (found);
  g_assert_cmpstr (icw_application_get_center_id (found), ==, icw_record_get_id (ICW_RECORD (center)));
  return g_object_ref (found);
}

static guint
items (IcwApplication *application,
       const char     *property)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_object_get (application, property, &text, NULL);
  root = json_from_string (text, NULL);
  g_assert_nonnull (root);
  return JSON_NODE_HOLDS_ARRAY (root) ? json_array_get_length (json_node_get_array (root))
                                      : json_object_get_size (json_node_get_object (root));
}

static void
check_application (IcwStore  *store,
                   IcwCenter *center)
{
  g_autoptr(IcwApplication) application = the_application (store, center);
  g_autoptr(GPtrArray) files = list_all (store, ICW_RECORD_KIND_ATTACHMENT,
                                         icw_record_get_id (ICW_RECORD (application)));
  guint long_sections = 0;

  g_autoptr(IcwOrganization) lead = lookup_org (store, icw_center_get_lead_organization_id (center));
  g_autofree char *recommender = NULL;

  /* 64号's procedure: the ministry's notice, the province recommends. */
  g_assert_cmpint (icw_application_get_kind (application), ==, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  g_assert_cmpint (icw_application_get_status (application), ==, ICW_APPLICATION_STATUS_DRAFT);
  g_assert_cmpint (icw_application_get_version (application), ==, 1);
  g_assert_cmpstr (icw_application_get_call_issuer (application), ==, "工业和信息化部");
  g_object_get (application, "recommender", &recommender, NULL);
  g_assert_cmpstr (recommender, ==, "山东省工业和信息化厅");
  for (guint s = ICW_SECTION_BACKGROUND; s <= ICW_SECTION_BENEFITS; s++)
    {
      g_autofree char *text = NULL;

      g_object_get (application, icw_section_get_property (s), &text, NULL);
      g_assert_nonnull (strstr (text, "。"));
      long_sections += icw_text_count_words (text) >= 300 ? 1 : 0;
    }
  g_assert_cmpuint (long_sections, ==, 8);
  g_assert_nonnull (strstr (icw_application_get_section_background (application), ICW_SAMPLE_FIELD));
  g_assert_nonnull (strstr (icw_application_get_section_background (application), ICW_SAMPLE_CENTER_NAME));
  g_assert_nonnull (strstr (icw_application_get_section_foundation (application), icw_organization_get_name (lead)));
  g_assert_nonnull (strstr (icw_application_get_section_goals (application), "\n- "));
  g_assert_cmpuint (items (application, "roadmap"), >=, 4);
  g_assert_cmpuint (items (application, "roadmap"), <=, 5);
  g_assert_cmpuint (items (application, "capability-platforms"), >=, 4);
  g_assert_cmpuint (items (application, "indicators"), >=, 6);
  g_assert_cmpuint (items (application, "tasks"), ==, 8);
  g_assert_cmpuint (files->len, ==, 3);
}

/* As of twelve days before the call's deadline: no error, and the warnings the sample leaves for
 * the user to find. */
static void
check_findings (IcwStore  *store,
                IcwCenter *center)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwApplication) application = the_application (store, center);
  g_autofree char *iso = g_strconcat (icw_application_get_call_deadline (application), "T08:00:00Z", NULL);
  g_autoptr(GDateTime) deadline = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) today = g_date_time_add_days (deadline, -12);
  g_autoptr(GPtrArray) findings = icw_application_check (store, application, NULL, today, &error);
  /* What a reviewer of the upgrade would still raise: the call's deadline, a thin risk analysis, no
   * sustainability indicator, the field to be checked against the 领域总体布局 (its list not
   * found), no certificate of the members' national platforms. 64号's conditions are met. */
  const char *expected[][2] = {
    { "deadline-near", "completeness" }, { "risks-length", "completeness" },
    { "indicators-areas", "completeness" }, { "64-field-in-layout", "miit-2017-64-upgrade" },
    { "64-platform-certificates", "miit-2017-64-upgrade" },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (icw_findings_count (findings, ICW_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < findings->len; i++)
        if (g_strcmp0 (icw_finding_get_rule (findings->pdata[i]), expected[e][0]) == 0)
          {
            g_assert_cmpstr (icw_finding_get_pack (findings->pdata[i]), ==, expected[e][1]);
            seen = TRUE;
          }
      g_assert_true (seen);
    }
}

/* The 验收认定 that recognized the center: accepted, kept local, its 绩效目标表 the 任务书. */
static void
check_recognition (IcwStore  *store,
                   IcwCenter *center)
{
  g_autoptr(IcwApplication) recognition = the_recognition (store, center);
  g_autoptr(IcwTargetSet) targets = icw_store_load_targets (store, icw_record_get_id (ICW_RECORD (center)), 0, NULL);
  g_autoptr(GPtrArray) findings = icw_application_check (store, recognition, NULL, NULL, NULL);

  g_assert_cmpint (icw_application_get_kind (recognition), ==, ICW_APPLICATION_KIND_ACCEPTANCE);
  g_assert_cmpint (icw_application_get_status (recognition), ==, ICW_APPLICATION_STATUS_ACCEPTED);
  g_assert_nonnull (targets);
  g_assert_cmpstr (targets->application_id, ==, icw_record_get_id (ICW_RECORD (recognition)));
  /* Its lead and investors meet the rules it claimed (Shandong 〔2023〕150号, still run on it). */
  g_assert_nonnull (findings);
  g_assert_cmpuint (icw_findings_count (findings, ICW_SEVERITY_ERROR), ==, 0);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (icw_finding_get_pack (findings->pdata[i]), !=, "shandong-2023-150");
}

/* The center was recognized on 2023-12-20: its 任务书 for 2024–2026, the 考核 of 2024 (良好) and
 * 2025 (优秀) accepted with nothing missing, and 2026, an 评估 year, as a draft evaluation. */
static void
check_reports (IcwStore  *store,
               IcwCenter *center)
{
  const char *center_id = icw_record_get_id (ICW_RECORD (center));
  g_autoptr(GPtrArray) reports = list_all (store, ICW_RECORD_KIND_REPORT, center_id);
  g_autoptr(IcwTargetSet) targets = icw_store_load_targets (store, center_id, 0, NULL);
  const IcwReportGrade grades[] = { ICW_REPORT_GRADE_GOOD, ICW_REPORT_GRADE_EXCELLENT, ICW_REPORT_GRADE_NONE };

  g_assert_nonnull (targets);
  g_assert_cmpint (targets->version, ==, 1);
  g_assert_cmpint (targets->first_year, ==, 2024);
  g_assert_cmpint (targets->last_year, ==, 2026);
  g_assert_cmpuint (targets->targets->len, ==, 7 * 3);
  g_assert_cmpuint (reports->len, ==, 3);
  for (guint i = 0; i < reports->len; i++)
    {
      IcwReport *report = reports->pdata[i];
      g_autoptr(GPtrArray) rows = icw_report_rows_parse (icw_report_get_indicators (report), NULL);
      g_autoptr(GPtrArray) findings = icw_report_check (store, report, NULL, NULL, NULL);
      gboolean filed = i < 2;

      g_assert_cmpint (icw_report_get_year (report), ==, 2024 + (int) i);
      g_assert_cmpint (icw_report_get_kind (report), ==,
                       filed ? ICW_REPORT_KIND_ANNUAL_ASSESSMENT : ICW_REPORT_KIND_EVALUATION);
      g_assert_cmpint (icw_report_get_status (report), ==,
                       filed ? ICW_APPLICATION_STATUS_ACCEPTED : ICW_APPLICATION_STATUS_DRAFT);
      g_assert_cmpint (icw_report_get_grade (report), ==, grades[i]);
      g_assert_cmpuint (rows->len, ==, 7);
      g_assert_nonnull (findings);
      if (filed)
        {
          g_autoptr(GPtrArray) files = icw_store_list_report_attachments (store, icw_record_get_id (ICW_RECORD (report)));

          g_assert_cmpuint (files->len, ==, 2);
          g_assert_nonnull (icw_report_get_audit_attachment_id (report));
          for (guint f = 0; f < findings->len; f++)
            g_assert_cmpint (icw_finding_get_severity (findings->pdata[f]), !=, ICW_SEVERITY_ERROR);
        }
      else
        {
          /* Members and R&D staff come from the registers; the rest is still to be entered. */
          guint computed = 0;

          for (guint r = 0; r < rows->len; r++)
            computed += ((IcwReportRow *) rows->pdata[r])->computed;
          g_assert_cmpuint (computed, ==, 2);
          g_assert_cmpuint (findings->len, >, 0);
        }
    }
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = load (f->store);
  g_autoptr(GPtrArray) problems = NULL;
  guint platforms;

  check_center_fields (f->store, center);
  check_shareholders (f->store, center);
  platforms = check_members (f->store, center);
  g_assert_cmpuint (platforms, >=, 5);
  g_assert_cmpuint (platforms, <=, 8);
  g_assert_cmpint (platforms, <=, icw_center_get_field_platform_total (center));
  check_organizations (f->store);
  check_application (f->store, center);
  check_findings (f->store, center);
  check_recognition (f->store, center);

  problems = icw_store_check_integrity (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Every record went into the outbox with it, ready to be synced, once; but the accepted
   * 验收认定, the two filed and graded reports and their four files, history kept locally
   * (icw_store_application_keep_local, icw_store_report_keep_local). */
  {
    sqlite3 *db = icw_test_db_open (icw_store_get_path (f->store), SQLITE_OPEN_READONLY, NULL);

    g_assert_cmpint (icw_test_db_int (db, "SELECT count(DISTINCT record_id) FROM outbox", NULL), ==,
                     count_records (f->store) - 7);
    g_assert_cmpint (icw_store_count_outbox (f->store), ==, count_records (f->store) - 7);
    g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE kind = 'application'", NULL), ==, 1);
    g_assert_cmpint (icw_test_db_int (db, "SELECT count(*) FROM outbox WHERE kind = 'report'", NULL), ==, 1);
    sqlite3_close (db);
  }
  check_reports (f->store, center);
}

static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center G_GNUC_UNUSED = load (f->store);
  g_autoptr(IcwCenter) second = NULL;
  guint records = count_records (f->store);
  gint64 outbox = icw_store_count_outbox (f->store);

  second = icw_sample_load (f->store, &error);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_null (second);
  g_assert_nonnull (strstr (error->message, ICW_SAMPLE_CENTER_NAME));
  g_assert_cmpuint (count_records (f->store), ==, records);
  g_assert_cmpint (icw_store_count_outbox (f->store), ==, outbox);
}

/* A sample organization's credit code already taken by another organization makes the load fail
 * halfway through: nothing of it may stay. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(IcwStore) other = icw_test_open_store (other_path);
  g_autoptr(IcwCenter) center = load (other);
  g_autoptr(GPtrArray) holders = list_all (other, ICW_RECORD_KIND_SHAREHOLDER,
                                           icw_record_get_id (ICW_RECORD (center)));
  g_autoptr(IcwOrganization) taken = lookup_org (other, icw_shareholder_get_organization_id (holders->pdata[holders->len - 1]));
  g_autoptr(IcwOrganization) squatter = icw_organization_new ();
  g_autoptr(IcwCenter) failed = NULL;

  icw_organization_set_name (squatter, "另一家单位");
  icw_organization_set_credit_code (squatter, icw_organization_get_credit_code (taken));
  icw_store_save (f->store, ICW_RECORD (squatter), &error);
  g_assert_no_error (error);

  failed = icw_sample_load (f->store, &error);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_assert_null (failed);
  g_assert_cmpuint (count_records (f->store), ==, 1);
  g_assert_cmpint (icw_store_count_outbox (f->store), ==, 1);
}

/* After the sample center was deleted, loading again makes a new center over the same
 * organizations, without a second copy of them or of their platforms. */
static void
test_after_delete (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = load (f->store);
  g_autoptr(IcwCenter) again = NULL;
  g_autoptr(GPtrArray) orgs = list_all (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_autoptr(GPtrArray) orgs_after = NULL;
  g_autoptr(GPtrArray) agreements = list_all (f->store, ICW_RECORD_KIND_IP_AGREEMENT, NULL);
  guint platforms;

  /* An IP agreement keeps its center in use: it goes first (a draft can be deleted). */
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (center), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_cmpuint (agreements->len, ==, 1);
  icw_store_delete (f->store, agreements->pdata[0], &error);
  g_assert_no_error (error);
  icw_store_delete (f->store, ICW_RECORD (center), &error);
  g_assert_no_error (error);

  again = load (f->store);
  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (again)), !=, icw_record_get_id (ICW_RECORD (center)));
  orgs_after = list_all (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_cmpuint (orgs_after->len, ==, orgs->len);
  check_shareholders (f->store, again);
  check_application (f->store, again);
  platforms = check_members (f->store, again);
  g_assert_cmpuint (platforms, <=, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sample/load", Fixture, NULL, icw_test_empty_set_up, test_load, icw_test_sample_tear_down);
  g_test_add ("/sample/twice", Fixture, NULL, icw_test_empty_set_up, test_twice, icw_test_sample_tear_down);
  g_test_add ("/sample/all-or-nothing", Fixture, NULL, icw_test_empty_set_up, test_all_or_nothing, icw_test_sample_tear_down);
  g_test_add ("/sample/after-delete", Fixture, NULL, icw_test_empty_set_up, test_after_delete, icw_test_sample_tear_down);

  return g_test_run ();
}
