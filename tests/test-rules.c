/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules.c: the rule packs: every rule kind on data that passes and on data that fails (the
 * data built through the store), the loading of packs (the bundled ones, a good one, and each way a
 * pack can be malformed: refused with its file and rule named while the others load), which packs
 * apply by default, the order of the findings and their language. "Today" is always given. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-application-check.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-rule-pack.h"
#include "icw-shareholder.h"
#include "icw-store.h"
#include "icw-test-util.h"

typedef struct {
  char            *dir;
  IcwStore        *store;
  IcwOrganization *lead;         /* an enterprise among the top ten, in 山东省 */
  IcwOrganization *university;   /* in 山东省 */
  IcwOrganization *supplier;     /* an enterprise in 江苏省 */
  IcwCenter       *center;
  IcwApplication  *application;
  GDateTime       *today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = icw_test_make_tmp_dir ("test-rules-XXXXXX", &path);
  f->store = icw_test_open_store (path);

  f->lead = icw_test_save_organization_of (f->store, "济南测试传感科技股份有限公司", ICW_ORG_KIND_ENTERPRISE, "山东省");
  icw_organization_set_top_ten (f->lead, TRUE);
  icw_organization_set_top_ten_field (f->lead, "智能传感器");
  icw_organization_set_rd_base_year (f->lead, 2023);
  icw_organization_set_rd_intensity_1 (f->lead, 310);
  icw_organization_set_rd_intensity_2 (f->lead, 290);
  icw_organization_set_rd_intensity_3 (f->lead, 350);
  icw_test_save (f->store, f->lead);
  f->university = icw_test_save_organization_of (f->store, "测试理工大学", ICW_ORG_KIND_UNIVERSITY, "山东省");
  f->supplier = icw_test_save_organization_of (f->store, "苏州测试微电子有限公司", ICW_ORG_KIND_ENTERPRISE, "江苏省");

  f->center = icw_center_new ();
  icw_center_set_name (f->center, "测试制造业创新中心");
  icw_center_set_province (f->center, "山东省");
  icw_center_set_field (f->center, "智能传感器");
  icw_center_set_lead_organization_id (f->center, icw_record_get_id (ICW_RECORD (f->lead)));
  icw_center_set_host_legal_form (f->center, "有限责任公司");
  icw_center_set_operating_model (f->center, "公司+联盟");
  icw_center_set_rule_packs (f->center, "test");
  icw_test_save (f->store, f->center);

  f->application = icw_application_new ();
  icw_application_set_center_id (f->application, icw_record_get_id (ICW_RECORD (f->center)));
  icw_test_save (f->store, f->application);
  f->today = g_date_time_new_utc (2025, 3, 10, 9, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->today, g_date_time_unref);
  g_clear_object (&f->application);
  g_clear_object (&f->center);
  g_clear_object (&f->lead);
  g_clear_object (&f->university);
  g_clear_object (&f->supplier);
  g_clear_object (&f->store);
  icw_test_clear_tmp_dir (&f->dir, NULL);
}

static char *
pack_text (const char *rules)
{
  return g_strdup_printf ("{\"id\": \"test\", \"version\": 1,"
                          " \"title\": {\"en\": \"Test pack\", \"zh_CN\": \"测试规则包\"},"
                          " \"applies_to\": \"application\", \"rules\": [%s]}", rules);
}

static char *
rule_text (const char *kind,
           const char *field,
           const char *params,
           const char *message)
{
  return g_strdup_printf ("{\"id\": \"r1\", \"kind\": \"%s\", \"severity\": \"error\","
                          " \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"工信部科〔2016〕273号\", \"clause\": \"四、总体部署\"},"
                          " \"field\": \"%s\", \"params\": %s,"
                          " \"message\": {\"en\": \"%s\", \"zh_CN\": \"中文：%s\"}}",
                          kind, field, params, message, message);
}

/* Checks the application against a pack of the one rule; returns the findings. */
static GPtrArray *
run (Fixture    *f,
     const char *kind,
     const char *field,
     const char *params,
     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rule = rule_text (kind, field, params, message);
  g_autofree char *text = pack_text (rule);
  g_autoptr(IcwRulePack) pack = icw_rule_pack_new_from_data ("test.json", text, -1, &error);
  g_autoptr(GPtrArray) packs = g_ptr_array_new ();
  GPtrArray *findings;

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_ptr_array_add (packs, pack);
  findings = icw_application_check (f->store, f->application, packs, f->today, &error);
  g_assert_no_error (error);
  return findings;
}

static void
expect_none (Fixture    *f,
             const char *kind,
             const char *field,
             const char *params)
{
  g_autoptr(GPtrArray) findings = run (f, kind, field, params, "m");

  if (findings->len != 0)
    g_error ("%s: unexpected finding “%s”", kind, icw_finding_get_message (findings->pdata[0]));
}

/* Exactly one finding, at the field, with the message given; returns nothing. */
static void
expect_one (Fixture    *f,
            const char *kind,
            const char *field,
            const char *params,
            const char *message,
            const char *expected_field,
            const char *expected_message)
{
  g_autoptr(GPtrArray) findings = run (f, kind, field, params, message);
  IcwFinding *finding;

  if (findings->len != 1)
    g_error ("%s: %u findings where one was expected", kind, findings->len);
  finding = findings->pdata[0];
  g_assert_cmpstr (icw_finding_get_rule (finding), ==, "r1");
  g_assert_cmpstr (icw_finding_get_pack (finding), ==, "test");
  g_assert_cmpint (icw_finding_get_severity (finding), ==, ICW_SEVERITY_ERROR);
  g_assert_cmpstr (icw_finding_get_citation (finding), ==, "工信部科〔2016〕273号 四、总体部署: “Q”");
  g_assert_cmpstr (icw_finding_get_field (finding), ==, expected_field);
  g_assert_cmpstr (icw_finding_get_message (finding), ==, expected_message);
}

static IcwShareholder *
add_shareholder (Fixture         *f,
                 IcwOrganization *org,
                 gint64           share_bp)
{
  IcwShareholder *holder = icw_shareholder_new ();

  icw_shareholder_set_center_id (holder, icw_record_get_id (ICW_RECORD (f->center)));
  icw_shareholder_set_organization_id (holder, icw_record_get_id (ICW_RECORD (org)));
  icw_shareholder_set_share_bp (holder, share_bp);
  icw_test_save (f->store, holder);
  return holder;
}

static void
add_member (Fixture         *f,
            IcwOrganization *org,
            IcwMemberRole    role)
{
  g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();

  icw_alliance_member_set_center_id (member, icw_record_get_id (ICW_RECORD (f->center)));
  icw_alliance_member_set_organization_id (member, icw_record_get_id (ICW_RECORD (org)));
  icw_alliance_member_set_role (member, role);
  icw_test_save (f->store, member);
}

static void
add_platform (Fixture         *f,
              IcwOrganization *org,
              const char      *name)
{
  g_autoptr(IcwPlatform) platform = icw_platform_new ();

  icw_platform_set_organization_id (platform, icw_record_get_id (ICW_RECORD (org)));
  icw_platform_set_name (platform, name);
  icw_test_save (f->store, platform);
}

static void
test_section_required (Fixture       *f,
                       gconstpointer  data)
{
  expect_one (f, "section-required", "background", "{\"min_words\": 5}", "{section}: {count} of {min}",
              "background", "Background: 0 of 5");
  icw_application_set_section_background (f->application, "传感器创新");
  icw_test_save (f->store, f->application);
  expect_none (f, "section-required", "background", "{\"min_words\": 5}");
  expect_one (f, "section-required", "background", "{\"min_words\": 6}", "{count}/{min}", "background", "5/6");

  expect_one (f, "section-required", "roadmap", "{}", "{count} items", "roadmap", "0 items");
  icw_application_set_roadmap (f->application, "[{\"technology\": \"MEMS\"}]");
  icw_test_save (f->store, f->application);
  expect_none (f, "section-required", "roadmap", "{\"min_items\": 1}");
}

static void
test_call_complete (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = run (f, "call-complete", "call", "{}", "Fill in {part}.");
  const char *fields[] = { "title", "call/name", "call/issuer", "call/deadline" };

  /* One finding for each part that is missing, so that each fix shows. */
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (icw_finding_get_field (findings->pdata[i]), ==, fields[i]);
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[0]), ==, "Fill in Title.");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[3]), ==, "Fill in Deadline.");

  icw_application_set_title (f->application, "建设方案");
  icw_application_set_call_name (f->application, "申报通知");
  icw_application_set_call_deadline (f->application, "2025-03-20");
  icw_test_save (f->store, f->application);
  expect_one (f, "call-complete", "call", "{}", "Fill in {part}.", "call/issuer", "Fill in Issuing body.");
  icw_application_set_call_issuer (f->application, "山东省工业和信息化厅");
  icw_test_save (f->store, f->application);
  expect_none (f, "call-complete", "call", "{}");
}

static void
set_today (Fixture *f,
           int      month,
           int      day)
{
  g_date_time_unref (f->today);
  f->today = g_date_time_new_local (2025, month, day, 23, 30, 0);
}

static void
test_deadline (Fixture       *f,
               gconstpointer  data)
{
  /* No deadline: neither rule has anything to say (call-complete does). */
  expect_none (f, "deadline-near", "call/deadline", "{\"days\": 30}");
  expect_none (f, "deadline-passed", "call/deadline", "{}");

  icw_application_set_call_deadline (f->application, "2025-03-20");
  icw_test_save (f->store, f->application);
  expect_one (f, "deadline-near", "call/deadline", "{\"days\": 30}", "{deadline} in {days} days",
              "call/deadline", "2025-03-20 in 10 days");
  expect_none (f, "deadline-near", "call/deadline", "{\"days\": 9}");
  expect_none (f, "deadline-passed", "call/deadline", "{}");
  set_today (f, 3, 20);
  expect_one (f, "deadline-near", "call/deadline", "{\"days\": 30}", "{days}", "call/deadline", "0");
  expect_none (f, "deadline-passed", "call/deadline", "{}");
  set_today (f, 3, 22);
  expect_none (f, "deadline-near", "call/deadline", "{\"days\": 30}");
  expect_one (f, "deadline-passed", "call/deadline", "{}", "closed {days} days ago", "call/deadline",
              "closed 2 days ago");
}

static void
test_host_legal_form (Fixture       *f,
                      gconstpointer  data)
{
  expect_none (f, "host-legal-form", "registers/host-legal-form", "{\"contains\": [\"公司\"]}");
  icw_center_set_host_legal_form (f->center, "事业单位");
  icw_test_save (f->store, f->center);
  expect_one (f, "host-legal-form", "registers/host-legal-form", "{\"contains\": [\"公司\"]}", "form {form}",
              "registers/host-legal-form", "form 事业单位");
  expect_none (f, "host-legal-form", "registers/host-legal-form", "{\"contains\": [\"公司\"], \"one_of\": [\"事业单位\"]}");
  icw_center_set_host_legal_form (f->center, NULL);
  icw_test_save (f->store, f->center);
  expect_one (f, "host-legal-form", "registers/host-legal-form", "{\"one_of\": [\"股份有限公司\"]}", "form {form}",
              "registers/host-legal-form", "form —");
}

static void
test_operating_model (Fixture       *f,
                      gconstpointer  data)
{
  const char *params = "{\"contains_all\": [\"公司\", \"联盟\"]}";

  expect_none (f, "operating-model", "registers/operating-model", params);
  icw_center_set_operating_model (f->center, "产业联盟");
  icw_test_save (f->store, f->center);
  expect_one (f, "operating-model", "registers/operating-model", params, "model {model}",
              "registers/operating-model", "model 产业联盟");
}

static void
test_shareholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IcwShareholder) a G_GNUC_UNUSED = add_shareholder (f, f->lead, 6000);
  g_autoptr(IcwShareholder) b G_GNUC_UNUSED = add_shareholder (f, f->university, 4000);
  g_autoptr(IcwShareholder) c G_GNUC_UNUSED = add_shareholder (f, f->supplier, 0);

  /* min-shareholders counts those that invested. */
  expect_none (f, "min-shareholders", "registers/shareholders", "{\"min\": 2}");
  expect_one (f, "min-shareholders", "registers/shareholders", "{\"min\": 3}", "{count} < {min}",
              "registers/shareholders", "2 < 3");

  expect_none (f, "top-ten-shareholders", "registers/shareholders", "{\"min\": 1}");
  expect_one (f, "top-ten-shareholders", "registers/shareholders", "{\"min\": 2}", "{count}/{min}",
              "registers/shareholders", "1/2");

  expect_none (f, "shareholder-kinds", "registers/shareholders", "{\"kinds\": [\"university\", \"institute\"]}");
  expect_one (f, "shareholder-kinds", "registers/shareholders", "{\"kinds\": [\"institute\"], \"min\": 1}",
              "{count}/{min}", "registers/shareholders", "0/1");

  expect_none (f, "max-shareholder-share", "registers/shareholders", "{\"max_bp\": 6000}");
  expect_one (f, "max-shareholder-share", "registers/shareholders", "{\"max_bp\": 5000}", "{name} {share} > {max}",
              "registers/shareholders", "济南测试传感科技股份有限公司 60.00% > 50.00%");
}

static void
test_platform_coverage (Fixture       *f,
                        gconstpointer  data)
{
  const char *params = "{\"min_bp\": 5000}";

  add_member (f, f->lead, ICW_MEMBER_ROLE_LEAD);
  add_member (f, f->university, ICW_MEMBER_ROLE_CORE);
  add_platform (f, f->lead, "测试国家企业技术中心");
  add_platform (f, f->supplier, "不是成员的平台");

  /* Not recorded: a center-property-required rule says so, not this one. */
  expect_none (f, "platform-coverage", "registers/platforms", params);
  expect_one (f, "center-property-required", "registers/field-platform-total", "{\"property\": \"field-platform-total\"}",
              "Record the total.", "registers/field-platform-total", "Record the total.");

  icw_center_set_field_platform_total (f->center, 2);
  icw_test_save (f->store, f->center);
  expect_none (f, "platform-coverage", "registers/platforms", params);
  expect_none (f, "center-property-required", "registers/field-platform-total", "{\"property\": \"field-platform-total\"}");
  icw_center_set_field_platform_total (f->center, 3);
  icw_test_save (f->store, f->center);
  expect_one (f, "platform-coverage", "registers/platforms", params, "{held}/{total} = {coverage} < {min}",
              "registers/platforms", "1/3 = 33.33% < 50.00%");
}

static void
test_alliance (Fixture       *f,
               gconstpointer  data)
{
  add_member (f, f->lead, ICW_MEMBER_ROLE_LEAD);
  add_member (f, f->university, ICW_MEMBER_ROLE_CORE);
  expect_one (f, "alliance-user-enterprises", "registers/members", "{}", "{count} of {min}",
              "registers/members", "0 of 1");
  expect_one (f, "alliance-provinces", "registers/members", "{\"min\": 2}", "{count} of {min}",
              "registers/members", "1 of 2");

  /* A member in the role ordinary whose organization is a user enterprise (用户企业 is the
   * organization's flag, not a role). */
  add_member (f, f->supplier, ICW_MEMBER_ROLE_ORDINARY);
  expect_one (f, "alliance-user-enterprises", "registers/members", "{}", "{count} of {min}",
              "registers/members", "0 of 1");
  icw_organization_set_user_enterprise (f->supplier, TRUE);
  icw_test_save (f->store, f->supplier);
  expect_none (f, "alliance-user-enterprises", "registers/members", "{\"min\": 1}");
  expect_none (f, "alliance-provinces", "registers/members", "{\"min\": 2}");
  expect_one (f, "alliance-provinces", "registers/members", "{\"min\": 3}", "{count}", "registers/members", "2");
}

static void
test_lead_rd_intensity (Fixture       *f,
                        gconstpointer  data)
{
  const char *message = "{name} {year} {intensity} {min}";

  expect_one (f, "lead-rd-intensity", "registers/lead-organization", "{\"min_bp\": 300}", message,
              "registers/lead-organization", "济南测试传感科技股份有限公司 2022 2.90% 3.00%");
  expect_none (f, "lead-rd-intensity", "registers/lead-organization", "{\"min_bp\": 300, \"years\": 1}");
  expect_none (f, "lead-rd-intensity", "registers/lead-organization", "{\"min_bp\": 290}");
  icw_organization_set_rd_intensity_3 (f->lead, -1);
  icw_test_save (f->store, f->lead);
  expect_one (f, "lead-rd-intensity", "registers/lead-organization", "{\"min_bp\": 290, \"years\": 1}", message,
              "registers/lead-organization", "济南测试传感科技股份有限公司 2023 — 2.90%");

  /* Without a lead organization there is nothing to measure. */
  icw_center_set_lead_organization_id (f->center, NULL);
  icw_test_save (f->store, f->center);
  expect_none (f, "lead-rd-intensity", "registers/lead-organization", "{\"min_bp\": 300}");
  expect_one (f, "center-property-required", "registers/lead-organization", "{\"property\": \"lead-organization-id\"}",
              "No lead.", "registers/lead-organization", "No lead.");
}

static void
test_roadmap_trl (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  icw_application_set_roadmap (f->application,
                               "[{\"technology\": \"MEMS\", \"trl_from\": 3, \"trl_to\": 6},"
                               " {\"technology\": \"融合算法\", \"trl_from\": 4, \"trl_to\": 9}]");
  icw_test_save (f->store, f->application);
  expect_none (f, "roadmap-trl", "roadmap", "{}");

  icw_application_set_roadmap (f->application,
                               "[{\"technology\": \" \", \"trl_from\": 3, \"trl_to\": 6},"
                               " {\"technology\": \"B\", \"trl_from\": 0, \"trl_to\": 6},"
                               " {\"technology\": \"C\", \"trl_from\": 5, \"trl_to\": 5},"
                               " {\"technology\": \"D\", \"trl_from\": 5, \"trl_to\": 10},"
                               " {\"technology\": \"E\"},"
                               " {\"technology\": \"F\", \"trl_from\": 1, \"trl_to\": 2}]");
  icw_test_save (f->store, f->application);
  findings = run (f, "roadmap-trl", "roadmap", "{}", "{item}: {technology}");
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_cmpstr (icw_finding_get_field (findings->pdata[0]), ==, "roadmap/0/technology");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[0]), ==, "1: —");
  g_assert_cmpstr (icw_finding_get_field (findings->pdata[1]), ==, "roadmap/1/trl_from");
  g_assert_cmpstr (icw_finding_get_field (findings->pdata[2]), ==, "roadmap/2/trl_to");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[2]), ==, "3: C");
  g_assert_cmpstr (icw_finding_get_field (findings->pdata[3]), ==, "roadmap/3/trl_to");
  g_assert_cmpstr (icw_finding_get_field (findings->pdata[4]), ==, "roadmap/4/trl_from");
}

#define SIX_AREAS "{\"areas\": [\"rd-strength\", \"common-technology\", \"collaboration\", \"market\", " \
                  "\"transfer\", \"sustainability\"]}"

/* indicator-years: each indicator has numbers for consecutive years and a unit; an old text is named. */
static void
test_indicator_years (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  icw_application_set_indicators (f->application,
                                  "[{\"name\": \"A\", \"unit\": \"件\", \"years\": [{\"year\": 2026, \"target\": 1},"
                                  " {\"year\": 2027, \"target\": 2.5}]},"
                                  " {\"name\": \"B\", \"targets\": \"第一年120；第二年160\"},"
                                  " {\"name\": \"C\", \"unit\": \"家\", \"years\": [{\"year\": 2026, \"target\": 1},"
                                  " {\"year\": 2028, \"target\": 3}]},"
                                  " {\"name\": \"D\", \"years\": [{\"year\": 2026, \"target\": 0}]},"
                                  " {\"name\": \"E\"}]");
  icw_test_save (f->store, f->application);
  findings = run (f, "indicator-years", "indicators", "{}", "{item} {indicator}: {problem}");
  g_assert_cmpuint (findings->len, ==, 4);
  g_assert_cmpstr (icw_finding_get_field (findings->pdata[0]), ==, "indicators/1/years");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[0]), ==,
                   "2 B: its targets are text only (“第一年120；第二年160”): give a number for each year");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[1]), ==, "3 C: its years are not consecutive");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[2]), ==, "4 D: it has no unit");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[3]), ==, "5 E: it has no target per year");
}

static void
test_indicators_areas (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = run (f, "indicators-areas", "indicators", "{}", "{area}");

  /* By default every area: 建设情况 and the six of 37号 art. 8. */
  g_assert_cmpuint (findings->len, ==, 7);
  icw_application_set_indicators (f->application,
                                  "[{\"area\": \"rd-strength\"}, {\"area\": \"common-technology\"},"
                                  " {\"area\": \"collaboration\"}, {\"area\": \"market\"},"
                                  " {\"area\": \"transfer\"}, {\"area\": \"transfer\"}]");
  icw_test_save (f->store, f->application);
  expect_one (f, "indicators-areas", "indicators", SIX_AREAS, "No indicator for {area}.", "indicators",
              "No indicator for Sustainable development.");
  expect_none (f, "indicators-areas", "indicators", "{\"areas\": [\"market\", \"transfer\"]}");
}

static void
test_capability_kinds (Fixture       *f,
                       gconstpointer  data)
{
  icw_application_set_capability_platforms (f->application,
                                            "[{\"kind\": \"rd-design\"}, {\"kind\": \"testing\"}, {\"kind\": \"pilot\"}]");
  icw_test_save (f->store, f->application);
  expect_one (f, "capability-kinds", "capability-platforms", "{}", "No {kind}.", "capability-platforms",
              "No Industry services.");
  expect_none (f, "capability-kinds", "capability-platforms", "{\"kinds\": [\"pilot\"]}");
}

static void
test_tasks_planned (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = run (f, "tasks-planned", "tasks", "{}", "{task}");

  g_assert_cmpuint (findings->len, ==, 8);
  icw_application_set_tasks (f->application,
                             "{\"1\": \"计划一二三\", \"2\": \"计划\", \"3\": \"计划\", \"4\": \"计划\","
                             " \"5\": \"计划\", \"6\": \"计划\", \"7\": \"计划\"}");
  icw_test_save (f->store, f->application);
  expect_one (f, "tasks-planned", "tasks", "{}", "Task {task} ({title}): {count} of {min}.", "tasks/8",
              "Task 8 (International cooperation): 0 of 1.");
  icw_application_set_tasks (f->application,
                             "{\"1\": \"计划一二三\", \"2\": \"计划一二三\", \"3\": \"计划一二三\", \"4\": \"计划一二三\","
                             " \"5\": \"计划一二三\", \"6\": \"计划一二三\", \"7\": \"计划一二三\", \"8\": \"计划一二\"}");
  icw_test_save (f->store, f->application);
  expect_one (f, "tasks-planned", "tasks", "{\"min_words\": 5}", "{task}: {count}/{min}", "tasks/8", "8: 4/5");
  expect_none (f, "tasks-planned", "tasks", "{\"min_words\": 4}");
}

static void
test_text_mentions (Fixture       *f,
                    gconstpointer  data)
{
  const char *params = "{\"terms\": [\"协同创造\", \"联合运营\", \"收益共享\"]}";

  icw_application_set_tasks (f->application, "{\"3\": \"成员间知识产权协同创造、联合运营。\"}");
  icw_test_save (f->store, f->application);
  expect_one (f, "text-mentions", "tasks/3", params, "Missing: {missing}.", "tasks/3", "Missing: 收益共享.");
  expect_none (f, "text-mentions", "tasks/3", "{\"terms\": [\"协同创造\", \"联合运营\", \"收益共享\"], \"min\": 2}");
  icw_application_set_tasks (f->application, "{\"3\": \"协同创造、联合运营、收益共享。\"}");
  icw_test_save (f->store, f->application);
  expect_none (f, "text-mentions", "tasks/3", params);

  expect_one (f, "text-mentions", "assessment", "{\"terms\": [\"阶段\", \"考核\"]}", "{missing}", "assessment",
              "阶段、考核");
  icw_application_set_section_assessment (f->application, "实行年度考核和阶段评估。");
  icw_test_save (f->store, f->application);
  expect_none (f, "text-mentions", "assessment", "{\"terms\": [\"阶段\", \"考核\"]}");
}

static void
test_attachments_required (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("%PDF-1.4 licence", 16);
  g_autoptr(IcwAttachment) licence = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const char *params = "{\"kinds\": [\"licence\", \"commitment\"]}";

  findings = run (f, "attachments-required", "attachments", params, "Attach: {kind}.");
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[0]), ==, "Attach: Business licence.");
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[1]), ==, "Attach: Commitment letter.");

  licence = icw_store_add_attachment (f->store, f->application, "营业执照.pdf", ICW_ATTACHMENT_KIND_LICENCE, content, &error);
  g_assert_no_error (error);
  expect_one (f, "attachments-required", "attachments", params, "Attach: {kind}.", "attachments",
              "Attach: Commitment letter.");
  expect_none (f, "attachments-required", "attachments", "{\"kinds\": [\"licence\"]}");
}

/* A rule restricted to kinds of application does not run for the others. */
static void
test_application_kinds (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *rules =
    "{\"id\": \"only-upgrade\", \"kind\": \"section-required\", \"severity\": \"error\","
    " \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"C\"}, \"field\": \"background\", \"params\": {},"
    " \"message\": {\"en\": \"m\", \"zh_CN\": \"m\"}, \"application_kinds\": [\"upgrade-to-national\"]}";
  g_autofree char *text = pack_text (rules);
  g_autoptr(IcwRulePack) pack = icw_rule_pack_new_from_data ("kinds.json", text, -1, &error);
  g_autoptr(GPtrArray) packs = g_ptr_array_new ();
  g_autoptr(GPtrArray) provincial = NULL;
  g_autoptr(GPtrArray) upgrade = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (packs, pack);
  provincial = icw_application_check (f->store, f->application, packs, f->today, &error);
  g_assert_cmpuint (provincial->len, ==, 0);
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  icw_test_save (f->store, f->application);
  upgrade = icw_application_check (f->store, f->application, packs, f->today, &error);
  g_assert_cmpuint (upgrade->len, ==, 1);
}

/* Errors first, then by section; the language follows the user's. */
static void
test_order_and_language (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *rules =
    "{\"id\": \"w-background\", \"kind\": \"section-required\", \"severity\": \"warning\","
    " \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"1\"}, \"field\": \"background\", \"params\": {},"
    " \"message\": {\"en\": \"Write the background.\", \"zh_CN\": \"请填写建设背景。\"}},"
    "{\"id\": \"e-attachments\", \"kind\": \"attachments-required\", \"severity\": \"error\","
    " \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"2\"}, \"field\": \"attachments\", \"params\": {\"kinds\": [\"licence\"]},"
    " \"message\": {\"en\": \"Attach the {kind}.\", \"zh_CN\": \"请上传{kind}。\"}},"
    "{\"id\": \"w-call\", \"kind\": \"call-complete\", \"severity\": \"warning\","
    " \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"3\"}, \"field\": \"call\", \"params\": {},"
    " \"message\": {\"en\": \"Fill in the call.\", \"zh_CN\": \"请填写申报通知。\"}},"
    "{\"id\": \"e-roadmap\", \"kind\": \"section-required\", \"severity\": \"error\","
    " \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"4\"}, \"field\": \"roadmap\", \"params\": {},"
    " \"message\": {\"en\": \"List a technology.\", \"zh_CN\": \"请列出技术。\"}}";
  g_autofree char *text = pack_text (rules);
  g_autoptr(IcwRulePack) pack = icw_rule_pack_new_from_data ("order.json", text, -1, &error);
  g_autoptr(GPtrArray) packs = g_ptr_array_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) chinese = NULL;
  const char *expected[] = { "e-roadmap", "e-attachments", "w-call", "w-call", "w-call", "w-call", "w-background" };
  guint section;

  g_assert_no_error (error);
  g_ptr_array_add (packs, pack);
  findings = icw_application_check (f->store, f->application, packs, f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (icw_finding_get_rule (findings->pdata[i]), ==, expected[i]);
  g_assert_cmpuint (icw_findings_count (findings, ICW_SEVERITY_ERROR), ==, 2);
  g_assert_cmpstr (icw_finding_get_message (findings->pdata[1]), ==, "Attach the Business licence.");
  g_object_get (findings->pdata[0], "section", &section, NULL);
  g_assert_cmpuint (section, ==, ICW_SECTION_ROADMAP);
  /* The basis in the user's language: document, clause and the words quoted. */
  g_assert_cmpstr (icw_finding_get_citation (findings->pdata[6]), ==, "D 1: “Q”");
  g_assert_cmpstr (icw_finding_get_basis (findings->pdata[6]), ==, "policy");

  g_setenv ("LANGUAGE", "zh_CN:en", TRUE);
  g_assert_cmpstr (icw_rules_language (), ==, "zh_CN");
  chinese = icw_application_check (f->store, f->application, packs, f->today, &error);
  g_assert_cmpstr (icw_finding_get_message (chinese->pdata[0]), ==, "请列出技术。");
  g_assert_cmpstr (icw_finding_get_citation (chinese->pdata[6]), ==, "D 1：“Q”");
  g_assert_cmpstr (icw_rule_pack_get_title (pack), ==, "测试规则包");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (icw_rules_language (), ==, "en");
  g_unsetenv ("LANGUAGE");
}

/* Loading packs. */

static const char good_rule[] =
  "{\"id\": \"ok\", \"kind\": \"section-required\", \"severity\": \"warning\","
  " \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"C\"}, \"field\": \"background\","
  " \"params\": {\"min_words\": 10}, \"message\": {\"en\": \"{count} of {min}\", \"zh_CN\": \"{count}/{min}\"}}";

static void
expect_refused (const char *file,
                const char *text,
                const char *named_rule,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRulePack) pack = icw_rule_pack_new_from_data (file, text, -1, &error);

  g_assert_null (pack);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK);
  if (strstr (error->message, file) == NULL ||
      (named_rule != NULL && strstr (error->message, named_rule) == NULL) ||
      (reason != NULL && strstr (error->message, reason) == NULL))
    g_error ("%s: the message “%s” does not name the file, the rule “%s” and “%s”", file, error->message,
             named_rule != NULL ? named_rule : "", reason != NULL ? reason : "");
}

/* The good rule with one member replaced (or, with a NULL value, left out). */
static char *
rule_with (const char *member,
           const char *value)
{
  g_autoptr(JsonNode) rule = json_from_string (good_rule, NULL);
  JsonObject *object = json_node_get_object (rule);
  g_autofree char *rules = NULL;

  json_object_set_string_member (object, "id", "bad-rule");
  if (value == NULL)
    json_object_remove_member (object, member);
  else
    json_object_set_member (object, member, json_from_string (value, NULL));
  rules = json_to_string (rule, FALSE);
  return pack_text (rules);
}

static void
test_load_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = pack_text (good_rule);
  g_autoptr(IcwRulePack) pack = icw_rule_pack_new_from_data ("good.json", text, -1, &error);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) bundled = icw_rule_packs_load_all (&errors);
  const char *ids[] = { "completeness", "miit-2016-273", "miit-2017-64-upgrade", "shandong-2023-150", "jiangsu-2025",
                        "ip-agreement-273", "funding-request" };

  g_assert_no_error (error);
  g_assert_cmpstr (icw_rule_pack_get_id (pack), ==, "test");
  g_assert_cmpint (icw_rule_pack_get_version (pack), ==, 1);
  g_assert_cmpuint (icw_rule_pack_get_n_rules (pack), ==, 1);
  g_assert_cmpstr (icw_rule_pack_get_title (pack), ==, "Test pack");

  /* The bundled packs all load, with every rule; the user's folder is empty. */
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (bundled->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      IcwRulePack *found = icw_rule_packs_find (bundled, ids[i]);

      g_assert_nonnull (found);
      g_assert_cmpuint (icw_rule_pack_get_n_rules (found), >=, 3);
      g_assert_true (g_str_has_prefix (icw_rule_pack_get_file (found), "resource:///org/mfginnovation/Workbench/rules/"));
    }
  /* Titles give the real document's title and number; no "[unverified]" is left. */
  g_assert_nonnull (strstr (icw_rule_pack_get_title (icw_rule_packs_find (bundled, "shandong-2023-150")), "鲁工信技〔2023〕150号"));
  g_assert_nonnull (strstr (icw_rule_pack_get_title (icw_rule_packs_find (bundled, "shandong-2023-150")), "山东省制造业创新中心建设工作指南"));
  for (guint i = 0; i < bundled->len; i++)
    g_assert_null (strstr (icw_rule_pack_get_title (bundled->pdata[i]), "unverified"));
}

static void
test_load_malformed (void)
{
  static const struct {
    const char *member;
    const char *value;
    const char *reason;
  } bad_members[] = {
    { "kind", "\"no-such-kind\"", "no-such-kind" },
    { "kind", "3", "kind" },
    { "severity", "\"fatal\"", "severity" },
    { "severity", "1", "severity" },
    { "citation", "\"273号\"", "citation" },
    { "citation", "{\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\"}", "clause" },
    /* Every rule names its basis; a policy text with the words it rests on. */
    { "citation", "{\"document\": \"D\", \"clause\": \"C\"}", "basis" },
    { "citation", "{\"basis\": \"opinion\", \"clause\": \"C\"}", "basis" },
    { "citation", "{\"basis\": \"policy\", \"document\": \"D\", \"clause\": \"C\"}", "quote" },
    { "citation", "{\"basis\": \"source-not-found\", \"clause\": \"C\"}", "document" },
    { "citation", "{\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"C\", \"url\": \"ftp://x\"}", "url" },
    { "citation", "{\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"C\", \"essential\": 1}", "essential" },
    { "field", "\"nowhere\"", "nowhere" },
    { "field", "[\"background\"]", "field" },
    { "params", "[]", "params" },
    { "params", "{\"min_words\": \"10\"}", "min_words" },
    { "params", "{\"min_words\": 2.5}", "min_words" },
    { "params", "{\"min_word\": 10}", "min_word" },
    { "message", "{\"en\": \"English only\"}", "zh_CN" },
    { "message", "{\"en\": \"{count}\", \"zh_CN\": \"{total}\"}", "{total}" },
    { "message", "{\"en\": \"x\", \"zh_CN\": 5}", "message" },
    { "message", NULL, "message" },
    { "severty", "\"error\"", "severty" },
    { "application_kinds", "[\"provincial\"]", "provincial" },
  };
  g_autofree char *duplicate_rules = g_strdup_printf ("%s, %s", good_rule, good_rule);
  g_autofree char *duplicate = pack_text (duplicate_rules);
  g_autofree char *assigned = NULL;
  g_autofree char *good = pack_text (good_rule);

  for (guint i = 0; i < G_N_ELEMENTS (bad_members); i++)
    {
      g_autofree char *text = rule_with (bad_members[i].member, bad_members[i].value);

      expect_refused ("bad.json", text, "bad-rule", bad_members[i].reason);
    }
  expect_refused ("duplicate.json", duplicate, "“ok”", "another rule");

  /* Program practice is a warning; an error only when the document cannot be read without the
   * field ("essential"), which a practice rule says of itself. */
  {
    g_autofree char *practice = g_strdup_printf (
      "%s, %s",
      "{\"id\": \"blocks\", \"kind\": \"section-required\", \"severity\": \"error\","
      " \"citation\": {\"basis\": \"program-practice\", \"clause\": \"C\"}, \"field\": \"background\","
      " \"params\": {}, \"message\": {\"en\": \"x\", \"zh_CN\": \"x\"}}",
      good_rule);
    g_autofree char *practice_pack = pack_text (practice);
    g_autoptr(GString) marked = g_string_new (practice_pack);
    g_autoptr(GError) error = NULL;
    g_autoptr(IcwRulePack) loaded = NULL;

    expect_refused ("practice.json", practice_pack, "blocks", "essential");
    g_string_replace (marked, "\"program-practice\", \"clause\": \"C\"}",
                      "\"program-practice\", \"clause\": \"C\", \"essential\": true}", 1);
    loaded = icw_rule_pack_new_from_data ("essential.json", marked->str, -1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded);
  }

  /* The whole file. */
  assigned = g_strconcat ("var rules = ", good, ";", NULL);
  expect_refused ("assignment.json", assigned, NULL, "JavaScript");
  expect_refused ("syntax.json", "{\"id\": \"x\",", NULL, "not valid JSON");
  expect_refused ("empty.json", "", NULL, NULL);
  expect_refused ("array.json", "[]", NULL, "JSON object");
  expect_refused ("version.json",
                  "{\"id\": \"x\", \"version\": \"1\", \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"applies_to\": \"application\", \"rules\": []}",
                  NULL, "version");
  expect_refused ("title.json",
                  "{\"id\": \"x\", \"version\": 1, \"title\": \"a\", \"applies_to\": \"application\", \"rules\": []}",
                  NULL, "title");
  expect_refused ("rules.json",
                  "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"applies_to\": \"application\", \"rules\": {}}",
                  NULL, "rules");
  expect_refused ("applies.json",
                  "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"applies_to\": \"agreement\", \"rules\": []}",
                  NULL, "agreement");
  /* A pack for another kind of document may not name a kind that checks applications. */
  expect_refused ("other-target.json",
                  "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"applies_to\": \"funding-request\", \"rules\": ["
                  "{\"id\": \"s\", \"kind\": \"section-required\", \"severity\": \"error\", \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"C\"},"
                  " \"field\": \"background\", \"params\": {}, \"message\": {\"en\": \"m\", \"zh_CN\": \"m\"}}]}",
                  "“s”", "another kind of document");
  expect_refused ("id.json",
                  "{\"id\": \"Shandong 2020\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"applies_to\": \"application\", \"rules\": []}",
                  NULL, "id");
  expect_refused ("rule-not-object.json",
                  "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"applies_to\": \"application\", \"rules\": [5]}",
                  "rule number 1", NULL);
  expect_refused ("center-property.json",
                  "{\"id\": \"x\", \"version\": 1, \"title\": {\"en\": \"a\", \"zh_CN\": \"b\"}, \"applies_to\": \"application\", \"rules\": ["
                  "{\"id\": \"p\", \"kind\": \"center-property-required\", \"severity\": \"error\", \"citation\": {\"basis\": \"policy\", \"quote\": \"Q\", \"document\": \"D\", \"clause\": \"C\"},"
                  " \"field\": \"registers\", \"params\": {\"property\": \"colour\"}, \"message\": {\"en\": \"m\", \"zh_CN\": \"m\"}}]}",
                  "“p”", "colour");
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

/* User packs: a good one is added, one with a bundled pack's ID replaces it, and each bad one is
 * refused with its file named while everything else loads. */
static void
test_load_user_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "ic-workbench", "rules", NULL);
  g_autofree char *good = pack_text (good_rule);
  g_autofree char *unknown_kind = rule_with ("kind", "\"magic\"");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GString) replaced = g_string_new (good);
  const char *bad_files[] = { "b-syntax.json", "c-kind.json", "d-twin.json", "e-assignment.json" };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (dir, "a-good.json", good);
  write_file (dir, "b-syntax.json", "{\"id\": ");
  write_file (dir, "c-kind.json", unknown_kind);
  write_file (dir, "d-twin.json", good);
  write_file (dir, "e-assignment.json", "var pack = {};");
  write_file (dir, "notes.txt", "not a pack");
  g_string_replace (replaced, "\"id\": \"test\", \"version\": 1", "\"id\": \"shandong-2023-150\", \"version\": 2", 1);
  write_file (dir, "f-shandong.json", replaced->str);

  packs = icw_rule_packs_load_all (&errors);
  g_assert_cmpuint (packs->len, ==, 8);   /* the seven bundled packs and "test" */
  g_assert_nonnull (icw_rule_packs_find (packs, "test"));
  g_assert_nonnull (icw_rule_packs_find (packs, "completeness"));
  g_assert_cmpint (icw_rule_pack_get_version (icw_rule_packs_find (packs, "shandong-2023-150")), ==, 2);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (bad_files));
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      GError *error = errors->pdata[i];

      g_assert_error (error, ICW_ERROR, ICW_ERROR_RULE_PACK);
      if (strstr (error->message, bad_files[i]) == NULL)
        g_error ("“%s” does not name %s", error->message, bad_files[i]);
    }
  g_assert_nonnull (strstr (((GError *) errors->pdata[1])->message, "bad-rule"));
  g_assert_nonnull (strstr (((GError *) errors->pdata[1])->message, "magic"));
}

static const char *
pack_ids (GPtrArray *packs)
{
  static char ids[256];
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < packs->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", icw_rule_pack_get_id (packs->pdata[i]));
  g_strlcpy (ids, joined->str, sizeof ids);
  g_string_free (joined, TRUE);
  return ids;
}

static void
test_default_packs (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = icw_rule_packs_load_all (NULL);
  g_autoptr(GPtrArray) selected = NULL;

  icw_center_set_rule_packs (f->center, "");
  icw_test_save (f->store, f->center);
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_cmpstr (pack_ids (selected), ==, "completeness miit-2016-273 shandong-2023-150");
  g_clear_pointer (&selected, g_ptr_array_unref);

  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_cmpstr (pack_ids (selected), ==, "completeness miit-2016-273 miit-2017-64-upgrade");
  g_clear_pointer (&selected, g_ptr_array_unref);

  /* The co-construction: no pack of its own conditions (none found); the province's guide
   * governs the cultivation and the acceptance. */
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_NATIONAL_LOCAL);
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_cmpstr (pack_ids (selected), ==, "completeness miit-2016-273");
  g_clear_pointer (&selected, g_ptr_array_unref);
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_ACCEPTANCE);
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_cmpstr (pack_ids (selected), ==, "completeness miit-2016-273 shandong-2023-150");
  g_clear_pointer (&selected, g_ptr_array_unref);

  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_CULTIVATION);
  icw_center_set_province (f->center, "江苏省");
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_cmpstr (pack_ids (selected), ==, "completeness miit-2016-273 jiangsu-2025");
  g_clear_pointer (&selected, g_ptr_array_unref);
  icw_center_set_province (f->center, "浙江省");
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_cmpstr (pack_ids (selected), ==, "completeness miit-2016-273");
  g_clear_pointer (&selected, g_ptr_array_unref);

  /* The center's own choice, in its order; a pack that is not there is an error. The ID of the
   * superseded Shandong pack (〔2020〕95号) gets the pack that replaced it. */
  icw_center_set_rule_packs (f->center, " shandong-2020-95, completeness ,");
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pack_ids (selected), ==, "shandong-2023-150 completeness");
  g_clear_pointer (&selected, g_ptr_array_unref);
  icw_center_set_rule_packs (f->center, "completeness,guangdong-2021");
  selected = icw_rule_packs_for_application (packs, f->center, f->application, &error);
  g_assert_null (selected);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "guangdong-2021"));
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  /* The message locale decides with $LANGUAGE, as it does for gettext. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("/rules/kinds/section-required", test_section_required);
  add ("/rules/kinds/call-complete", test_call_complete);
  add ("/rules/kinds/deadline", test_deadline);
  add ("/rules/kinds/host-legal-form", test_host_legal_form);
  add ("/rules/kinds/operating-model", test_operating_model);
  add ("/rules/kinds/shareholders", test_shareholders);
  add ("/rules/kinds/platform-coverage", test_platform_coverage);
  add ("/rules/kinds/alliance", test_alliance);
  add ("/rules/kinds/lead-rd-intensity", test_lead_rd_intensity);
  add ("/rules/kinds/roadmap-trl", test_roadmap_trl);
  add ("/rules/kinds/indicators-areas", test_indicators_areas);
  add ("/rules/kinds/indicator-years", test_indicator_years);
  add ("/rules/kinds/capability-kinds", test_capability_kinds);
  add ("/rules/kinds/tasks-planned", test_tasks_planned);
  add ("/rules/kinds/text-mentions", test_text_mentions);
  add ("/rules/kinds/attachments-required", test_attachments_required);
  add ("/rules/application-kinds", test_application_kinds);
  add ("/rules/order-and-language", test_order_and_language);
  add ("/rules/default-packs", test_default_packs);
  g_test_add_func ("/rules/load/good", test_load_good);
  g_test_add_func ("/rules/load/malformed", test_load_malformed);
  g_test_add_func ("/rules/load/user-folder", test_load_user_folder);

  return g_test_run ();
}
