/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules-conditions.c: the bundled packs' corrected rules, each on data that passes and on
 * data that fails, as policy-audit.md states the conditions: Shandong 鲁工信技〔2023〕150号 (the
 * three-year AVERAGE R&D intensity or 20 million yuan each year, enterprise leads only, investors
 * that are legal persons, fewer with an honoured lead in the province, no 失信 lead), 64号 (only a
 * recognized provincial center upgrades; platforms counted by listed kind and by the center's
 * field) and Jiangsu 指南(2025) (capital, full-time R&D staff, R&D to costs, a fixed site). The packs
 * run as shipped (the bundled JSON), one at a time, on records built through the store. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-application-check.h"
#include "icw-application.h"
#include "icw-center.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-rule-pack.h"
#include "icw-rules-private.h"
#include "icw-shareholder.h"
#include "icw-store.h"
#include "icw-test-util.h"

#define WAN ((gint64) 1000000)   /* 1 万元 in fen */

typedef struct {
  char            *dir;
  IcwStore        *store;
  GPtrArray       *packs;
  IcwOrganization *lead;       /* an enterprise in 山东省 */
  IcwCenter       *center;     /* a recognized provincial center in 山东省, field 智能传感器 */
  IcwApplication  *application;
  GDateTime       *today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = icw_test_make_tmp_dir ("test-rules-conditions-XXXXXX", &path);
  f->store = icw_test_open_store (path);
  f->packs = icw_rule_packs_load_all (NULL);
  f->lead = icw_test_save_organization_of (f->store, "济南测试传感科技股份有限公司", ICW_ORG_KIND_ENTERPRISE, "山东省");

  f->center = icw_center_new ();
  icw_center_set_name (f->center, "测试制造业创新中心");
  icw_center_set_province (f->center, "山东省");
  icw_center_set_field (f->center, "智能传感器");
  icw_center_set_level (f->center, ICW_CENTER_LEVEL_PROVINCIAL);
  icw_center_set_status (f->center, ICW_CENTER_STATUS_RECOGNIZED);
  icw_center_set_lead_organization_id (f->center, icw_record_get_id (ICW_RECORD (f->lead)));
  icw_center_set_host_legal_form (f->center, "有限责任公司");
  icw_center_set_operating_model (f->center, "公司+联盟");
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
  g_clear_pointer (&f->packs, g_ptr_array_unref);
  g_clear_object (&f->store);
  icw_test_clear_tmp_dir (&f->dir, NULL);
}

/* The findings of one rule of one bundled pack on the fixture's application. */
static GPtrArray *
findings_of (Fixture    *f,
             const char *pack_id,
             const char *rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *of_rule = g_ptr_array_new_with_free_func (g_object_unref);
  IcwRulePack *pack = icw_rule_packs_find (f->packs, pack_id);

  g_assert_nonnull (pack);
  g_ptr_array_add (one, pack);
  /* The center chooses the pack, whatever its province; 64号's rules are the upgrade's (their
   * application_kinds), so its pack runs on an upgrade. */
  if (g_str_has_prefix (pack_id, "miit-2017-64"))
    icw_application_set_kind (f->application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  icw_center_set_rule_packs (f->center, pack_id);
  icw_test_save (f->store, f->center);
  icw_test_save (f->store, f->application);
  findings = icw_application_check (f->store, f->application, one, f->today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (icw_finding_get_rule (findings->pdata[i]), rule) == 0)
      g_ptr_array_add (of_rule, g_object_ref (findings->pdata[i]));
  return of_rule;
}

static guint
count (Fixture    *f,
       const char *pack_id,
       const char *rule)
{
  g_autoptr(GPtrArray) findings = findings_of (f, pack_id, rule);

  return findings->len;
}

/* The one finding of the rule; its message contains each of the NULL-terminated texts. */
static void
expect_finding (Fixture    *f,
                const char *pack_id,
                const char *rule,
                ...)
{
  g_autoptr(GPtrArray) findings = findings_of (f, pack_id, rule);
  const char *part;
  va_list args;

  if (findings->len != 1)
    g_error ("%s/%s: %u findings where one was expected", pack_id, rule, findings->len);
  va_start (args, rule);
  while ((part = va_arg (args, const char *)) != NULL)
    if (strstr (icw_finding_get_message (findings->pdata[0]), part) == NULL)
      g_error ("%s/%s: “%s” does not contain “%s”", pack_id, rule, icw_finding_get_message (findings->pdata[0]), part);
  va_end (args);
  /* Every rule here rests on a policy text, quoted, with a public copy. */
  g_assert_cmpstr (icw_finding_get_basis (findings->pdata[0]), ==, "policy");
  g_assert_nonnull (icw_finding_get_url (findings->pdata[0]));
  g_assert_nonnull (strstr (icw_finding_get_citation (findings->pdata[0]), "“"));
}

static void
shareholder (Fixture         *f,
             IcwOrganization *org)
{
  g_autoptr(IcwShareholder) holder = icw_shareholder_new ();

  icw_shareholder_set_center_id (holder, icw_record_get_id (ICW_RECORD (f->center)));
  icw_shareholder_set_organization_id (holder, icw_record_get_id (ICW_RECORD (org)));
  icw_shareholder_set_share_bp (holder, 1000);
  icw_test_save (f->store, holder);
}

static void
member (Fixture         *f,
        IcwOrganization *org)
{
  g_autoptr(IcwAllianceMember) m = icw_alliance_member_new ();

  icw_alliance_member_set_center_id (m, icw_record_get_id (ICW_RECORD (f->center)));
  icw_alliance_member_set_organization_id (m, icw_record_get_id (ICW_RECORD (org)));
  icw_test_save (f->store, m);
}

static IcwPlatform *
platform (Fixture         *f,
          IcwOrganization *org,
          IcwPlatformKind  kind,
          const char      *field)
{
  IcwPlatform *p = icw_platform_new ();

  icw_platform_set_organization_id (p, icw_record_get_id (ICW_RECORD (org)));
  icw_platform_set_name (p, "测试平台");
  icw_platform_set_kind (p, kind);
  icw_platform_set_field (p, field);
  icw_test_save (f->store, p);
  return p;
}

static void
set_intensities (Fixture *f,
                 gint64   first,
                 gint64   second,
                 gint64   third)
{
  icw_organization_set_rd_base_year (f->lead, 2024);
  icw_organization_set_rd_intensity_1 (f->lead, first);
  icw_organization_set_rd_intensity_2 (f->lead, second);
  icw_organization_set_rd_intensity_3 (f->lead, third);
  icw_test_save (f->store, f->lead);
}

static void
set_spending (Fixture *f,
              gint64   first,
              gint64   second,
              gint64   third)
{
  icw_organization_set_rd_spending_1_fen (f->lead, first);
  icw_organization_set_rd_spending_2_fen (f->lead, second);
  icw_organization_set_rd_spending_3_fen (f->lead, third);
  icw_test_save (f->store, f->lead);
}

/* "近三年平均研发投入强度不低于3%": the average counts, not each year. */
static void
test_shandong_average (Fixture       *f,
                       gconstpointer  data)
{
  /* 2.50%, 3.00%, 3.60%: one year below, the average 3.03%. */
  set_intensities (f, 250, 300, 360);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-lead-rd"), ==, 0);
  /* Exactly at the threshold: 2.00%, 3.00%, 4.00%. */
  set_intensities (f, 200, 300, 400);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-lead-rd"), ==, 0);
  /* 2.50%, 2.80%, 3.00%: every year but one below, average 2.77%. */
  set_intensities (f, 250, 280, 300);
  expect_finding (f, "shandong-2023-150", "sd-lead-rd", "济南测试传感科技股份有限公司", "2.77%", "3.00%", "2000.00", NULL);
  /* A year not reported: no average can be formed. */
  set_intensities (f, -1, 400, 400);
  expect_finding (f, "shandong-2023-150", "sd-lead-rd", "—", NULL);
}

/* "或研发投入每年不低于2000万元": the alternative, in every one of the three years. */
static void
test_shandong_spending (Fixture       *f,
                        gconstpointer  data)
{
  set_intensities (f, 100, 120, 150);
  set_spending (f, 2000 * WAN, 2500 * WAN, 1999 * WAN);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-lead-rd"), ==, 1);
  set_spending (f, 2000 * WAN, 2500 * WAN, 2000 * WAN);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-lead-rd"), ==, 0);
}

/* "牵头单位为企业的": a university lead is not concerned, data or no data. */
static void
test_shandong_university_lead (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(IcwOrganization) university = icw_test_save_organization_of (f->store, "测试理工大学", ICW_ORG_KIND_UNIVERSITY, "山东省");

  icw_center_set_lead_organization_id (f->center, icw_record_get_id (ICW_RECORD (university)));
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-lead-rd"), ==, 0);
  icw_center_set_lead_organization_id (f->center, icw_record_get_id (ICW_RECORD (f->lead)));
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-lead-rd"), ==, 1);
}

/* "有意向出资的法人单位不低于5家": a limited partnership is no legal person; 4 do for a lead in the
 * province with an honour (独角兽, 瞪羚 … included). */
static void
test_shandong_investors (Fixture       *f,
                         gconstpointer  data)
{
  const char *names[] = { "测试一有限公司", "测试二有限公司", "测试三股份有限公司", "测试大学" };
  g_autoptr(IcwOrganization) fund = icw_test_save_organization_of (f->store, "山东测试创业投资基金合伙企业（有限合伙）", ICW_ORG_KIND_FINANCE, "山东省");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(IcwOrganization) org = icw_test_save_organization_of (f->store, names[i], i < 3 ? ICW_ORG_KIND_ENTERPRISE : ICW_ORG_KIND_UNIVERSITY, "山东省");

      shareholder (f, org);
    }
  icw_organization_set_enterprise_type (fund, ICW_ENTERPRISE_TYPE_LIMITED_PARTNERSHIP);
  icw_test_save (f->store, fund);
  shareholder (f, fund);

  /* Five investors, four of them legal persons. */
  expect_finding (f, "shandong-2023-150", "sd-investors", "4", "5", "山东测试创业投资基金合伙企业（有限合伙）", NULL);

  /* A gazelle lead in Shandong: four legal persons do. */
  icw_organization_set_honour_gazelle (f->lead, TRUE);
  icw_test_save (f->store, f->lead);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-investors"), ==, 0);
  /* … but not a gazelle from another province ("省内"). */
  icw_organization_set_province (f->lead, "江苏省");
  icw_test_save (f->store, f->lead);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-investors"), ==, 1);

  /* Marked as no legal person by the flag as well. */
  icw_organization_set_province (f->lead, "山东省");
  icw_organization_set_honour_gazelle (f->lead, FALSE);
  icw_organization_set_enterprise_type (fund, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY);
  icw_test_save (f->store, fund);
  icw_test_save (f->store, f->lead);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-investors"), ==, 0);
  icw_organization_set_non_legal_person (fund, TRUE);
  icw_test_save (f->store, fund);
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-investors"), ==, 1);
}

static void
test_shandong_dishonest (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_cmpuint (count (f, "shandong-2023-150", "sd-lead-dishonest"), ==, 0);
  icw_organization_set_dishonest (f->lead, TRUE);
  icw_test_save (f->store, f->lead);
  expect_finding (f, "shandong-2023-150", "sd-lead-dishonest", "济南测试传感科技股份有限公司", NULL);
}

/* "已成为省级的制造业创新中心向所在省工业和信息化厅提交申请". */
static void
test_upgrade_precondition (Fixture       *f,
                           gconstpointer  data)
{
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-provincial-precondition"), ==, 0);
  icw_center_set_status (f->center, ICW_CENTER_STATUS_BUILDING);
  expect_finding (f, "miit-2017-64-upgrade", "64-provincial-precondition", NULL);
  icw_center_set_status (f->center, ICW_CENTER_STATUS_PLANNING);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-provincial-precondition"), ==, 1);
  icw_center_set_status (f->center, ICW_CENTER_STATUS_RECOGNIZED);
  icw_center_set_level (f->center, ICW_CENTER_LEVEL_NATIONAL);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-provincial-precondition"), ==, 1);
}

/* "覆盖50%以上本领域的国家重点实验室、国家工程实验室、国家工程技术中心、国家工程研究中心等":
 * a 国家企业技术中心 and a platform of another field do not count. */
static void
test_platform_kind_and_field (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(IcwOrganization) a = icw_test_save_organization_of (f->store, "测试甲研究院", ICW_ORG_KIND_INSTITUTE, "北京市");
  g_autoptr(IcwOrganization) b = icw_test_save_organization_of (f->store, "测试乙有限公司", ICW_ORG_KIND_ENTERPRISE, "上海市");
  g_autoptr(IcwPlatform) lab = NULL, enterprise_center = NULL, other_field = NULL, research = NULL;

  member (f, a);
  member (f, b);
  icw_center_set_field_platform_total (f->center, 6);
  lab = platform (f, a, ICW_PLATFORM_KEY_LAB, "智能传感器");
  research = platform (f, a, ICW_PLATFORM_ENGINEERING_RESEARCH_CENTER, "智能传感器");
  enterprise_center = platform (f, b, ICW_PLATFORM_ENTERPRISE_TECH_CENTER, "智能传感器");
  other_field = platform (f, b, ICW_PLATFORM_KEY_LAB, "新材料");
  /* 2 of 6 count (33.33%), not 4 of 6. */
  expect_finding (f, "miit-2017-64-upgrade", "64-platform-coverage", "2", "6", "33.33%", NULL);

  /* Of the wrong kind, then of the right kind. */
  icw_platform_set_kind (enterprise_center, ICW_PLATFORM_ENGINEERING_LAB);
  icw_test_save (f->store, enterprise_center);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-platform-coverage"), ==, 0);
  /* Of the wrong field again. */
  icw_platform_set_field (enterprise_center, "新材料");
  icw_test_save (f->store, enterprise_center);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-platform-coverage"), ==, 1);
  icw_platform_set_field (other_field, "智能传感器");
  icw_test_save (f->store, other_field);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-platform-coverage"), ==, 0);
}

/* The stages (policy audit 1.4, Part 3 item 1): a 培育 application may come from a lead whose
 * company is not yet registered (Guangdong, Shandong), so the host-company rule does not apply to
 * it; at the 验收认定 the company is there, and its absence is reported. The kind is the only
 * difference between the two checks. */
static void
test_company_by_stage (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_null (icw_center_get_host_organization_id (f->center));
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_CULTIVATION);
  g_assert_cmpuint (count (f, "completeness", "host-company"), ==, 0);
  g_assert_cmpuint (count (f, "completeness", "attachments-required"), ==, 0);
  g_assert_cmpuint (count (f, "completeness", "attachments-cultivation"), ==, 1);

  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_ACCEPTANCE);
  g_assert_cmpuint (count (f, "completeness", "host-company"), ==, 1);
  /* The licence and the commitment letter are both missing at the acceptance. */
  g_assert_cmpuint (count (f, "completeness", "attachments-required"), ==, 2);
  g_assert_cmpuint (count (f, "completeness", "attachments-cultivation"), ==, 0);

  /* With the company registered, the acceptance passes the rule too. */
  icw_center_set_host_organization_id (f->center, icw_record_get_id (ICW_RECORD (f->lead)));
  g_assert_cmpuint (count (f, "completeness", "host-company"), ==, 0);
}

/* 64号's precondition (已成为省级的制造业创新中心) applies by kind: to the upgrade, not to the
 * cultivation of a center in planning, even when its center chose the 64号 pack. */
static void
test_precondition_by_stage (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) findings = NULL;

  icw_center_set_status (f->center, ICW_CENTER_STATUS_PLANNING);
  icw_center_set_rule_packs (f->center, "miit-2017-64-upgrade");
  icw_test_save (f->store, f->center);
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_CULTIVATION);
  icw_test_save (f->store, f->application);
  g_ptr_array_add (one, icw_rule_packs_find (f->packs, "miit-2017-64-upgrade"));
  findings = icw_application_check (f->store, f->application, one, f->today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (icw_finding_get_pack (findings->pdata[i]), !=, "miit-2017-64-upgrade");

  /* The same center's upgrade application meets the precondition's error. */
  expect_finding (f, "miit-2017-64-upgrade", "64-provincial-precondition", NULL);
}

/* 273号 四 "每个领域布局一家国家制造业创新中心": a field that has a national center is taken. */
static void
test_field_occupied (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  icw_center_set_field (f->center, "智能传感器");
  findings = findings_of (f, "miit-2017-64-upgrade", "64-field-occupied");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_nonnull (strstr (icw_finding_get_message (findings->pdata[0]), "国家智能传感器创新中心"));
  g_assert_cmpstr (icw_finding_get_basis (findings->pdata[0]), ==, "policy");
  g_assert_nonnull (strstr (icw_finding_get_citation (findings->pdata[0]), "每个领域布局一家国家制造业创新中心"));
  icw_center_set_field (f->center, "海洋智能传感装备");
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-field-occupied"), ==, 0);
  icw_center_set_field (f->center, "");
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-field-occupied"), ==, 0);
}

/* "联盟应汇聚……包括用户在内的企业": a user enterprise is a kind of firm. */
static void
test_user_enterprise (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IcwOrganization) user = icw_test_save_organization_of (f->store, "测试汽车有限公司", ICW_ORG_KIND_ENTERPRISE, "湖北省");

  member (f, user);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-user-enterprises"), ==, 1);
  icw_organization_set_user_enterprise (user, TRUE);
  icw_test_save (f->store, user);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-user-enterprises"), ==, 0);
}

/* Jiangsu 指南(2025): 组建资金 ≥ 3000万, 全职研发人员 ≥ 50, R&D ≥ 30% of costs, a fixed site,
 * alliance coverage. They are the requirements of the center formed as a company (以企业法人形式组建),
 * so a 培育 application without a company meets none of them; the 验收认定 meets them all. */
static const char * const jiangsu_rules[] = {
  "js-capital", "js-rd-staff", "js-space", "js-rd-ratio", "js-platform-coverage"
};

static void
test_jiangsu_cultivation (Fixture       *f,
                          gconstpointer  data)
{
  /* A center in planning in Jiangsu: no company, no capital, staff, site, costs or members yet, and
   * one national platform of its field recorded in the province that no member holds. */
  icw_center_set_province (f->center, "江苏省");
  icw_center_set_status (f->center, ICW_CENTER_STATUS_PLANNING);
  icw_center_set_host_legal_form (f->center, "");
  icw_center_set_field_platform_total (f->center, 1);
  g_assert_null (icw_center_get_host_organization_id (f->center));
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_CULTIVATION);
  for (guint i = 0; i < G_N_ELEMENTS (jiangsu_rules); i++)
    g_assert_cmpuint (count (f, "jiangsu-2025", jiangsu_rules[i]), ==, 0);

  /* The same center's acceptance meets every requirement of the guide. */
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_ACCEPTANCE);
  for (guint i = 0; i < G_N_ELEMENTS (jiangsu_rules); i++)
    g_assert_cmpuint (count (f, "jiangsu-2025", jiangsu_rules[i]), ==, 1);
}

static void
test_jiangsu (Fixture       *f,
              gconstpointer  data)
{
  icw_application_set_kind (f->application, ICW_APPLICATION_KIND_ACCEPTANCE);
  icw_center_set_host_capital_fen (f->center, 2999 * WAN);
  icw_center_set_rd_staff (f->center, 49);
  icw_center_set_rd_expense_fen (f->center, 2999 * WAN);
  icw_center_set_cost_expense_fen (f->center, 10000 * WAN);
  expect_finding (f, "jiangsu-2025", "js-capital", "2999.00", "3000.00", NULL);
  expect_finding (f, "jiangsu-2025", "js-rd-staff", "49", "50", NULL);
  expect_finding (f, "jiangsu-2025", "js-rd-ratio", "29.99%", "30.00%", NULL);
  expect_finding (f, "jiangsu-2025", "js-space", NULL);

  icw_center_set_host_capital_fen (f->center, 3000 * WAN);
  icw_center_set_rd_staff (f->center, 50);
  icw_center_set_rd_expense_fen (f->center, 3000 * WAN);
  icw_center_set_space_m2 (f->center, 2400);
  g_assert_cmpuint (count (f, "jiangsu-2025", "js-capital"), ==, 0);
  g_assert_cmpuint (count (f, "jiangsu-2025", "js-rd-staff"), ==, 0);
  g_assert_cmpuint (count (f, "jiangsu-2025", "js-rd-ratio"), ==, 0);
  g_assert_cmpuint (count (f, "jiangsu-2025", "js-space"), ==, 0);

  /* Costs not recorded: the ratio cannot be shown to reach 30%. */
  icw_center_set_cost_expense_fen (f->center, 0);
  expect_finding (f, "jiangsu-2025", "js-rd-ratio", "—", NULL);
}

/* Every bundled rule names its basis, and program practice blocks only where marked essential. */
/* 64号 （二） "股东中应包括若干家在本领域排名前十的企业": the ranking is per field. A shareholder
 * ranked top ten in another field, or with no field recorded, does not count; none that counts is
 * an error (the policy's words), fewer than 2 a warning (若干家 has no number: program practice). */
static void
test_top_ten_per_field (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(IcwOrganization) a = icw_test_save_organization_of (f->store, "甲传感股份有限公司", ICW_ORG_KIND_ENTERPRISE, "山东省");
  g_autoptr(IcwOrganization) b = icw_test_save_organization_of (f->store, "乙微电子有限公司", ICW_ORG_KIND_ENTERPRISE, "江苏省");
  g_autoptr(GPtrArray) several = NULL;

  shareholder (f, a);
  shareholder (f, b);
  icw_organization_set_top_ten (a, TRUE);
  icw_organization_set_top_ten_field (a, "集成电路");
  icw_organization_set_top_ten_source (a, "某协会2023年排名");
  icw_test_save (f->store, a);
  icw_organization_set_top_ten (b, TRUE);
  icw_test_save (f->store, b);
  /* Both flagged top ten, neither in the center's field (智能传感器). */
  expect_finding (f, "miit-2017-64-upgrade", "64-top-ten-shareholders", "“智能传感器”", "(2 recorded", NULL);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-top-ten-several"), ==, 1);

  icw_organization_set_top_ten_field (a, " 智能传感器 ");
  icw_test_save (f->store, a);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-top-ten-shareholders"), ==, 0);
  several = findings_of (f, "miit-2017-64-upgrade", "64-top-ten-several");
  g_assert_cmpuint (several->len, ==, 1);
  g_assert_cmpint (icw_finding_get_severity (several->pdata[0]), ==, ICW_SEVERITY_WARNING);
  g_assert_cmpstr (icw_finding_get_basis (several->pdata[0]), ==, "program-practice");
  g_assert_nonnull (strstr (icw_finding_get_message (several->pdata[0]), "1 of the shareholders"));

  icw_organization_set_top_ten_field (b, "智能传感器");
  icw_test_save (f->store, b);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-top-ten-shareholders"), ==, 0);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-top-ten-several"), ==, 0);
  /* The flag still decides: a field recorded without it counts for nothing. */
  icw_organization_set_top_ten (b, FALSE);
  icw_test_save (f->store, b);
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-top-ten-several"), ==, 1);
}

/* 64号 "创建符合领域总体布局要求的……国家制造业创新中心": the layout's fields are data; its full list
 * was not found, so a field not among the known ones is a warning saying so, never an error. */
static void
test_field_in_layout (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  icw_center_set_field (f->center, "智能传感器");
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-field-in-layout"), ==, 0);
  icw_center_set_field (f->center, "机器人");
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-field-in-layout"), ==, 0);
  icw_center_set_field (f->center, "海洋智能传感装备");
  findings = findings_of (f, "miit-2017-64-upgrade", "64-field-in-layout");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (icw_finding_get_severity (findings->pdata[0]), ==, ICW_SEVERITY_WARNING);
  g_assert_nonnull (strstr (icw_finding_get_message (findings->pdata[0]), "“海洋智能传感装备”"));
  g_assert_nonnull (strstr (icw_finding_get_message (findings->pdata[0]), "source not found"));
  g_assert_nonnull (strstr (icw_finding_get_citation (findings->pdata[0]), "符合领域总体布局要求"));
  icw_center_set_field (f->center, "");
  g_assert_cmpuint (count (f, "miit-2017-64-upgrade", "64-field-in-layout"), ==, 0);
}

static void
test_every_rule_has_basis (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_cmpuint (f->packs->len, >=, 7);
  for (guint i = 0; i < f->packs->len; i++)
    {
      const char *title = icw_rule_pack_get_title (f->packs->pdata[i]);

      g_assert_null (strstr (title, "unverified"));
      g_assert_null (strstr (title, "95号"));
    }
}

/* Every rule of the program's own practice, in every bundled pack, has an English gloss of what it
 * checks: the English basis gives the gloss (no Chinese but the numbers of the documents it names,
 * 工信部科〔2016〕273号, 64号), the Chinese basis the clause (the completeness, 273号 and 64号 packs
 * showed their Chinese clauses in the English window). */
static void
test_practice_glossed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GRegex) document = g_regex_new ("(\\p{Han}+〔\\d{4}〕)?\\d+号", 0, 0, NULL);
  guint practice = 0;

  for (guint i = 0; i < f->packs->len; i++)
    {
      const GPtrArray *rules = icw_rule_pack_get_rules (f->packs->pdata[i]);

      for (guint j = 0; j < rules->len; j++)
        {
          const IcwRule *rule = rules->pdata[j];
          g_autofree char *english = NULL;
          g_autofree char *chinese = NULL;
          g_autofree char *words = NULL;

          if (strcmp (rule->basis, "program-practice") != 0)
            continue;
          practice++;
          if (rule->gloss == NULL)
            g_error ("%s: rule %s has no English gloss", icw_rule_pack_get_id (f->packs->pdata[i]), rule->id);
          g_setenv ("LANGUAGE", "en", TRUE);
          english = icw_rule_basis_text (rule);
          g_setenv ("LANGUAGE", "zh_CN", TRUE);
          chinese = icw_rule_basis_text (rule);
          g_setenv ("LANGUAGE", "en", TRUE);
          g_assert_nonnull (strstr (english, rule->gloss));
          g_assert_nonnull (strstr (chinese, rule->clause));
          words = g_regex_replace_literal (document, english, -1, 0, "", 0, NULL);
          for (const char *c = words; *c != '\0'; c = g_utf8_next_char (c))
            if (g_unichar_get_script (g_utf8_get_char (c)) == G_UNICODE_SCRIPT_HAN)
              g_error ("%s: the English basis of %s is not in English: %s",
                       icw_rule_pack_get_id (f->packs->pdata[i]), rule->id, english);
        }
    }
  g_assert_cmpuint (practice, >=, 54);
}

static void
add (const char    *path,
     void         (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("/rules-conditions/shandong/average", test_shandong_average);
  add ("/rules-conditions/shandong/spending", test_shandong_spending);
  add ("/rules-conditions/shandong/university-lead", test_shandong_university_lead);
  add ("/rules-conditions/shandong/investors", test_shandong_investors);
  add ("/rules-conditions/shandong/dishonest", test_shandong_dishonest);
  add ("/rules-conditions/64/precondition", test_upgrade_precondition);
  add ("/rules-conditions/64/platform-kind-and-field", test_platform_kind_and_field);
  add ("/rules-conditions/64/user-enterprise", test_user_enterprise);
  add ("/rules-conditions/64/field-occupied", test_field_occupied);
  add ("/rules-conditions/64/top-ten-per-field", test_top_ten_per_field);
  add ("/rules-conditions/64/field-in-layout", test_field_in_layout);
  add ("/rules-conditions/jiangsu", test_jiangsu);
  add ("/rules-conditions/jiangsu/cultivation", test_jiangsu_cultivation);
  add ("/rules-conditions/stages/company", test_company_by_stage);
  add ("/rules-conditions/stages/64-precondition", test_precondition_by_stage);
  add ("/rules-conditions/titles", test_every_rule_has_basis);
  add ("/rules-conditions/practice-glossed", test_practice_glossed);
  return g_test_run ();
}
