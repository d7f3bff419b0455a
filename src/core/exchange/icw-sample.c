/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample.c: the sample data: one complete, fictional provincial center in Shandong with its
 * host company, shareholders, alliance members, the national platforms its members hold, its
 * history and its application of today. One story: a center for 海洋工程装备 (marine engineering
 * equipment, a field in which no national center is known: the program's field data lists none,
 * see resources/rules/miit-2017-64-upgrade.json) was recognized as a provincial center in December
 * 2023 through an accepted 验收认定 application whose 绩效目标表 became its 任务书 targets
 * (icw-sample-application.c, icw-sample-reports.c); its 2024 and 2025 assessments were graded; 2026
 * is its first 评估 year; and the draft of today is its application to be upgraded to a national
 * center (升级). Every name is invented; every credit code is well formed (its check character is
 * computed here) but belongs to nobody. The whole sample is written in one batch: all of it or
 * nothing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-application.h"
#include "icw-credit-code.h"
#include "icw-error.h"
#include "icw-funding-request.h"
#include "icw-ip-agreement.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-sample.h"
#include "icw-shareholder.h"

/* 1 万元 is 1 000 000 fen. */
#define WAN(n) ((gint64) (n) * G_GINT64_CONSTANT (1000000))

/* The year of the last R&D figures; the three figures cover 2023 to 2025, the last complete years
 * when the upgrade is prepared (December 2026). */
#define RD_BASE_YEAR 2025

/* The sample center's field (ICW_SAMPLE_FIELD); its top-ten shareholders are ranked in it (64号
 * “在本领域排名前十”). */
#define SAMPLE_FIELD ICW_SAMPLE_FIELD
/* Where the sample's top-ten rankings come from (a made-up ranking, as all the sample is). */
#define SAMPLE_TOP_TEN_SOURCE "山东省海洋工程装备行业协会2025年度行业排名（示例）"

typedef struct {
  const char *name;
  const char *code17;          /* the credit code without its check character */
  IcwOrgKind  kind;
  const char *province;
  const char *city;
  const char *representative;
  gboolean    top_ten;
  gint64      rd[3];           /* basis points, oldest first; -1 when not reported */
} SampleOrganization;

/* Indexes into organizations[]. */
enum {
  HOST,
  HONGHAI,
  BOYANG,
  HAITAI,
  HAISHI,
  FUND,
  UNIVERSITY,
  INSTITUTE,
  QISHENG,
  LANHAI,
  BOHAIWAN,
  TONGHAI,
  NANWAN,
  JINGXI,
  PUJIANG,
  PARK,
  ASSOCIATION,
  BONENG,
  HAIMU,
  N_ORGANIZATIONS
};

#define NO_RD { -1, -1, -1 }

/* Region codes: 370200 青岛, 370300 淄博, 370500 东营, 370600 烟台, 371000 威海,
 * 371100 日照, 320600 南通, 440300 深圳, 110108 北京海淀, 310115 上海浦东. */
static const SampleOrganization organizations[] = {
  [HOST] = { "山东齐鲁海工创新科技有限公司", "91370200MA3U7K2E5", ICW_ORG_KIND_ENTERPRISE,
             "山东省", "青岛市", "周立衡", FALSE, NO_RD },
  [HONGHAI] = { "青岛泓海海洋工程装备股份有限公司", "91370200MA3C4H2K1", ICW_ORG_KIND_ENTERPRISE,
                "山东省", "青岛市", "韩振东", TRUE, { 520, 580, 640 } },
  [BOYANG] = { "烟台渤洋深海装备有限公司", "91370600MA3D8P6W3", ICW_ORG_KIND_ENTERPRISE,
               "山东省", "烟台市", "刘海川", TRUE, { 470, 510, 530 } },
  [HAITAI] = { "威海海泰海洋装备股份有限公司", "91371000163052R8X", ICW_ORG_KIND_ENTERPRISE,
               "山东省", "威海市", "孙启明", TRUE, { 390, 410, 450 } },
  [HAISHI] = { "东营海石钻采装备有限公司", "91370500MA3F2N9T4", ICW_ORG_KIND_ENTERPRISE,
               "山东省", "东营市", "王晓海", FALSE, { 330, 360, 380 } },
  [FUND] = { "山东海融蓝色产业投资基金合伙企业（有限合伙）", "91370200MA3Q5L1A7", ICW_ORG_KIND_FINANCE,
             "山东省", "青岛市", "赵守信", FALSE, NO_RD },
  [UNIVERSITY] = { "黄海理工大学", "12370000495570213", ICW_ORG_KIND_UNIVERSITY,
                   "山东省", "青岛市", "李文博", FALSE, NO_RD },
  [INSTITUTE] = { "齐鲁深海技术研究院", "12370200MB2854367", ICW_ORG_KIND_INSTITUTE,
                  "山东省", "青岛市", "陈思源", FALSE, NO_RD },
  [QISHENG] = { "淄博齐盛新材料有限公司", "91370300MA3G6R8B2", ICW_ORG_KIND_ENTERPRISE,
                "山东省", "淄博市", "马盛林", FALSE, { 280, 300, 310 } },
  [LANHAI] = { "威海蓝海船舶电子有限公司", "91371000MA3H1Y4C9", ICW_ORG_KIND_ENTERPRISE,
               "山东省", "威海市", "于海涛", FALSE, { 210, 230, 260 } },
  [BOHAIWAN] = { "东营渤海湾油气开发有限公司", "91370500MA3K3W7E1", ICW_ORG_KIND_ENTERPRISE,
                 "山东省", "东营市", "田立河", FALSE, { 180, 200, 220 } },
  [TONGHAI] = { "南通通海海洋装备有限公司", "91320600MA1M5U3F8", ICW_ORG_KIND_ENTERPRISE,
                "江苏省", "南通市", "吴一凡", FALSE, { 610, 650, 700 } },
  [NANWAN] = { "深圳南湾海洋工程服务有限公司", "91440300MA5N7T6G0", ICW_ORG_KIND_ENTERPRISE,
               "广东省", "深圳市", "黄子健", FALSE, { 540, 560, 590 } },
  [JINGXI] = { "北京京西海洋仪器研究所", "12110108MB0P2R5H3", ICW_ORG_KIND_INSTITUTE,
               "北京市", "北京市", "高远", FALSE, NO_RD },
  [PUJIANG] = { "上海浦江船舶检测技术服务有限公司", "91310115MA1Q8P4J5", ICW_ORG_KIND_ENTERPRISE,
                "上海市", "上海市", "沈佳怡", FALSE, { 300, 320, 350 } },
  [PARK] = { "青岛西海岸海洋装备产业园管理有限公司", "91370200MA3R4N1K7", ICW_ORG_KIND_INDUSTRIAL_PARK,
             "山东省", "青岛市", "蒋博", FALSE, NO_RD },
  [ASSOCIATION] = { "山东齐鲁海洋装备产业促进会", "51370000MJD6M8L2X", ICW_ORG_KIND_ASSOCIATION,
                    "山东省", "济南市", "许明", FALSE, NO_RD },
  [BONENG] = { "烟台渤能海上风电运营有限公司", "91370600MA3W2E8L4", ICW_ORG_KIND_ENTERPRISE,
               "山东省", "烟台市", "曲海峰", FALSE, { 150, 160, 180 } },
  [HAIMU] = { "日照海牧深远海养殖有限公司", "91371100MA3X6T3M8", ICW_ORG_KIND_ENTERPRISE,
              "山东省", "日照市", "丁耀祖", FALSE, { 120, 140, 150 } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (organizations) == N_ORGANIZATIONS);

/* Honours, as flags. */
#define CHAMPION (1u << 0)
#define LITTLE_GIANT (1u << 1)
#define SPECIALISED (1u << 2)

/* The numbers reviewers score, for the firms that report them (the same three years as the R&D
 * intensity, 2023–2025): operating revenue and R&D spending in 万元, R&D staff; the legal form
 * (the fund is a limited partnership, so not a 法人单位 among the investors); honours; user
 * enterprises (64号 “包括用户在内”: an offshore oil field, an offshore wind farm, a deep-sea fish
 * farm and an offshore engineering contractor). The lead's average intensity (5.80%) and
 * spending (over 2000万元 each year) meet Shandong's condition (鲁工信技〔2023〕150号); six of the
 * seven investors are legal persons and the lead is a 单项冠军. */
typedef struct {
  guint             organization;
  gint64            revenue[3];
  gint64            spending[3];
  int               staff[3];
  IcwEnterpriseType type;
  guint             honours;
  gboolean          user;
} SampleFigures;

static const SampleFigures figures[] = {
  { HOST, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY, 0, FALSE },
  { HONGHAI, { 86000, 98000, 112000 }, { 4472, 5684, 7168 }, { 310, 356, 402 }, ICW_ENTERPRISE_TYPE_JOINT_STOCK,
    CHAMPION, FALSE },
  { BOYANG, { 42000, 46500, 51000 }, { 1974, 2372, 2703 }, { 160, 175, 188 }, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY,
    LITTLE_GIANT, FALSE },
  { HAITAI, { 31000, 33800, 36500 }, { 1209, 1386, 1643 }, { 120, 131, 142 }, ICW_ENTERPRISE_TYPE_JOINT_STOCK,
    LITTLE_GIANT, FALSE },
  { HAISHI, { 12800, 14100, 15600 }, { 422, 508, 593 }, { 58, 64, 71 }, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY,
    SPECIALISED, FALSE },
  { FUND, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, ICW_ENTERPRISE_TYPE_LIMITED_PARTNERSHIP, 0, FALSE },
  { UNIVERSITY, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, ICW_ENTERPRISE_TYPE_PUBLIC_INSTITUTION, 0, FALSE },
  { INSTITUTE, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, ICW_ENTERPRISE_TYPE_PUBLIC_INSTITUTION, 0, FALSE },
  { BOHAIWAN, { 67000, 70500, 73800 }, { 1206, 1410, 1624 }, { 150, 158, 166 }, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY,
    0, TRUE },
  { BONENG, { 23000, 24800, 26100 }, { 345, 397, 470 }, { 36, 40, 45 }, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY, 0, TRUE },
  { HAIMU, { 9800, 12400, 15100 }, { 118, 174, 227 }, { 14, 18, 23 }, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY, 0, TRUE },
  { NANWAN, { 54000, 61000, 69500 }, { 2916, 3416, 4101 }, { 230, 262, 298 }, ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY,
    0, TRUE },
};

static void
set_figures (IcwOrganization *org,
             guint            index)
{
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      const SampleFigures *f = &figures[i];

      if (f->organization != index)
        continue;
      icw_organization_set_revenue_1_fen (org, WAN (f->revenue[0]));
      icw_organization_set_revenue_2_fen (org, WAN (f->revenue[1]));
      icw_organization_set_revenue_3_fen (org, WAN (f->revenue[2]));
      icw_organization_set_rd_spending_1_fen (org, WAN (f->spending[0]));
      icw_organization_set_rd_spending_2_fen (org, WAN (f->spending[1]));
      icw_organization_set_rd_spending_3_fen (org, WAN (f->spending[2]));
      icw_organization_set_rd_staff_1 (org, f->staff[0]);
      icw_organization_set_rd_staff_2 (org, f->staff[1]);
      icw_organization_set_rd_staff_3 (org, f->staff[2]);
      icw_organization_set_enterprise_type (org, f->type);
      icw_organization_set_non_legal_person (org, !icw_enterprise_type_is_legal_person (f->type));
      icw_organization_set_honour_champion (org, (f->honours & CHAMPION) != 0);
      icw_organization_set_honour_little_giant (org, (f->honours & LITTLE_GIANT) != 0);
      icw_organization_set_honour_specialised (org, (f->honours & SPECIALISED) != 0);
      icw_organization_set_user_enterprise (org, f->user);
    }
}

typedef struct {
  guint           organization;
  IcwContribution contribution;
  gint64          amount_fen;
  gint64          share_bp;
} SampleShareholder;

/* The registered capital is 10 000 万元, all paid in; each share is the contribution's part of
 * it. No one holds more than 28%, so no shareholder dominates (防止一股独大). */
static const SampleShareholder shareholders[] = {
  { HONGHAI, ICW_CONTRIBUTION_MONEY, WAN (2800), 2800 },
  { BOYANG, ICW_CONTRIBUTION_MONEY, WAN (1800), 1800 },
  { HAITAI, ICW_CONTRIBUTION_MONEY, WAN (1500), 1500 },
  { HAISHI, ICW_CONTRIBUTION_MONEY, WAN (1200), 1200 },
  { FUND, ICW_CONTRIBUTION_MONEY, WAN (1000), 1000 },
  { UNIVERSITY, ICW_CONTRIBUTION_IP, WAN (900), 900 },
  { INSTITUTE, ICW_CONTRIBUTION_IP, WAN (800), 800 },
};

#define HOST_CAPITAL_FEN WAN (10000)

typedef struct {
  guint          organization;
  IcwMemberRole  role;
  const char    *joined;
  gboolean       agreement_signed;
} SampleMember;

/* The alliance as it grew: 10 members when the center was recognized (2023), 12 at the end of
 * 2024, 15 at the end of 2025 and 18 now (the 任务书 asks 20 for 2026: the evaluation must say why),
 * as the assessments report them; members from five
 * provinces, four of them users. The newest have not signed the alliance agreement yet. */
static const SampleMember members[] = {
  { HONGHAI, ICW_MEMBER_ROLE_LEAD, "2021-07-01", TRUE },
  { BOYANG, ICW_MEMBER_ROLE_CORE, "2021-07-01", TRUE },
  { HAITAI, ICW_MEMBER_ROLE_CORE, "2021-07-01", TRUE },
  { HAISHI, ICW_MEMBER_ROLE_CORE, "2021-07-01", TRUE },
  { UNIVERSITY, ICW_MEMBER_ROLE_CORE, "2021-07-01", TRUE },
  { INSTITUTE, ICW_MEMBER_ROLE_CORE, "2021-07-01", TRUE },
  { FUND, ICW_MEMBER_ROLE_ORDINARY, "2021-09-15", TRUE },
  { QISHENG, ICW_MEMBER_ROLE_ORDINARY, "2022-03-10", TRUE },
  { PARK, ICW_MEMBER_ROLE_ORDINARY, "2022-03-10", TRUE },
  { BOHAIWAN, ICW_MEMBER_ROLE_ORDINARY, "2023-05-18", TRUE },
  { LANHAI, ICW_MEMBER_ROLE_ORDINARY, "2024-01-15", TRUE },
  { BONENG, ICW_MEMBER_ROLE_ORDINARY, "2024-04-10", TRUE },
  { TONGHAI, ICW_MEMBER_ROLE_ORDINARY, "2025-03-02", TRUE },
  { JINGXI, ICW_MEMBER_ROLE_ORDINARY, "2025-03-02", TRUE },
  { NANWAN, ICW_MEMBER_ROLE_ORDINARY, "2025-09-12", TRUE },
  { PUJIANG, ICW_MEMBER_ROLE_ORDINARY, "2026-05-21", FALSE },
  { ASSOCIATION, ICW_MEMBER_ROLE_ORDINARY, "2026-06-18", FALSE },
  { HAIMU, ICW_MEMBER_ROLE_ORDINARY, "2026-08-27", FALSE },
};

typedef struct {
  guint            organization;
  IcwPlatformKind  kind;
  const char      *name;
  int              approved_year;
  const char      *field;
} SamplePlatform;

/* Six of them are of the kinds 64号 lists and of the center's field; the lead's 国家企业技术中心
 * is not of a listed kind and the materials laboratory is of another field (新材料): neither
 * counts toward the coverage. */
static const SamplePlatform platforms[] = {
  { HONGHAI, ICW_PLATFORM_ENGINEERING_RESEARCH_CENTER, "泓海深水油气装备国家工程研究中心", 2016, SAMPLE_FIELD },
  { HONGHAI, ICW_PLATFORM_ENTERPRISE_TECH_CENTER, "泓海海洋工程装备国家企业技术中心", 2014, SAMPLE_FIELD },
  { BOYANG, ICW_PLATFORM_ENGINEERING_TECH_CENTER, "渤洋深海作业装备国家工程技术研究中心", 2013, SAMPLE_FIELD },
  { HAITAI, ICW_PLATFORM_ENGINEERING_LAB, "海泰船舶与海洋结构物国家工程实验室", 2011, SAMPLE_FIELD },
  { UNIVERSITY, ICW_PLATFORM_KEY_LAB, "黄海理工海洋工程结构安全全国重点实验室", 2010, SAMPLE_FIELD },
  { INSTITUTE, ICW_PLATFORM_ENGINEERING_RESEARCH_CENTER, "齐鲁深海探测装备国家工程研究中心", 2019, SAMPLE_FIELD },
  { JINGXI, ICW_PLATFORM_ENGINEERING_TECH_CENTER, "京西海洋观测仪器国家工程技术研究中心", 2012, SAMPLE_FIELD },
  { QISHENG, ICW_PLATFORM_ENGINEERING_LAB, "齐盛海洋防腐材料国家工程实验室", 2015, "新材料" },
};

/* The field counts 11 national platforms of the kinds 工信厅科〔2017〕64号 lists; the members hold 6
 * of them (54.55%), over the half 64号 asks of a center to be upgraded. */
#define FIELD_PLATFORM_TOTAL 11

static gboolean
save (IcwStore  *store,
      gpointer   record,
      GError   **error)
{
  return icw_store_save (store, ICW_RECORD (record), error);
}

/* Reuses an organization of the register with the same name (the sample may have been loaded and
 * its center deleted), so the register never holds the same body twice. */
static IcwOrganization *
ensure_organization (IcwStore                 *store,
                     const SampleOrganization *sample,
                     gboolean                 *created,
                     GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcwOrganization) org = NULL;
  char code[ICW_CREDIT_CODE_LENGTH + 1];

  org = (IcwOrganization *) icw_store_find_by_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                                    sample->name, &local_error);
  *created = org == NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (org != NULL)
    return g_steal_pointer (&org);

  g_assert (strlen (sample->code17) == ICW_CREDIT_CODE_LENGTH - 1);
  memcpy (code, sample->code17, ICW_CREDIT_CODE_LENGTH - 1);
  code[ICW_CREDIT_CODE_LENGTH - 1] = icw_credit_code_check_character (sample->code17);
  code[ICW_CREDIT_CODE_LENGTH] = '\0';
  g_assert (code[ICW_CREDIT_CODE_LENGTH - 1] != '\0');

  org = icw_organization_new ();
  icw_organization_set_name (org, sample->name);
  icw_organization_set_credit_code (org, code);
  icw_organization_set_kind (org, sample->kind);
  icw_organization_set_province (org, sample->province);
  icw_organization_set_city (org, sample->city);
  icw_organization_set_legal_representative (org, sample->representative);
  icw_organization_set_top_ten (org, sample->top_ten);
  if (sample->top_ten)
    {
      icw_organization_set_top_ten_field (org, SAMPLE_FIELD);
      icw_organization_set_top_ten_source (org, SAMPLE_TOP_TEN_SOURCE);
    }
  if (sample->rd[0] >= 0)
    {
      icw_organization_set_rd_base_year (org, RD_BASE_YEAR);
      icw_organization_set_rd_intensity_1 (org, sample->rd[0]);
      icw_organization_set_rd_intensity_2 (org, sample->rd[1]);
      icw_organization_set_rd_intensity_3 (org, sample->rd[2]);
    }
  set_figures (org, (guint) (sample - organizations));
  if (!save (store, org, error))
    return NULL;
  return g_steal_pointer (&org);
}

static gboolean
save_organizations (IcwStore         *store,
                    IcwOrganization **orgs,
                    gboolean         *created,
                    GError          **error)
{
  for (guint i = 0; i < N_ORGANIZATIONS; i++)
    {
      orgs[i] = ensure_organization (store, &organizations[i], &created[i], error);
      if (orgs[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static const char *
org_id (IcwOrganization **orgs,
        guint             index)
{
  return icw_record_get_id (ICW_RECORD (orgs[index]));
}

static IcwCenter *
save_center (IcwStore         *store,
             IcwOrganization **orgs,
             GError          **error)
{
  g_autoptr(IcwCenter) center = icw_center_new ();

  icw_center_set_name (center, ICW_SAMPLE_CENTER_NAME);
  icw_center_set_level (center, ICW_CENTER_LEVEL_PROVINCIAL);
  icw_center_set_field (center, SAMPLE_FIELD);
  icw_center_set_province (center, "山东省");
  icw_center_set_city (center, "青岛市");
  /* Recognized in December 2023 (认定时间) through its 验收认定: 2024 and 2025 are 考核 years, 2026
   * its first 评估 year. */
  icw_center_set_year (center, 2023);
  icw_center_set_status (center, ICW_CENTER_STATUS_RECOGNIZED);
  g_object_set (center, "recognized-on", ICW_SAMPLE_RECOGNIZED_ON, NULL);
  icw_center_set_lead_organization_id (center, org_id (orgs, HONGHAI));
  icw_center_set_host_organization_id (center, org_id (orgs, HOST));
  icw_center_set_host_legal_form (center, "有限责任公司");
  icw_center_set_host_capital_fen (center, HOST_CAPITAL_FEN);
  icw_center_set_host_founded (center, "2021-06-18");
  icw_center_set_operating_model (center, "公司+联盟");
  icw_center_set_pilot_basis (center, "青岛西海岸新区");
  icw_center_set_field_platform_total (center, FIELD_PLATFORM_TOTAL);
  /* The 1亿元 subscribed is all paid in (the last instalment in 2024, with its 验资报告). */
  icw_center_set_paid_in_capital_fen (center, HOST_CAPITAL_FEN);
  /* 60 full-time R&D staff of 120 (50%): the 任务书's 60 for 2026 met, the upgrade's baseline. */
  icw_center_set_rd_staff (center, 60);
  icw_center_set_staff_total (center, 120);
  icw_center_set_space_m2 (center, 12000);
  icw_center_set_rd_expense_fen (center, WAN (1850));
  icw_center_set_cost_expense_fen (center, WAN (5400));

  if (!save (store, center, error))
    return NULL;
  return g_steal_pointer (&center);
}

static gboolean
save_shareholders (IcwStore         *store,
                   const char       *center_id,
                   IcwOrganization **orgs,
                   GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (shareholders); i++)
    {
      g_autoptr(IcwShareholder) holder = icw_shareholder_new ();

      icw_shareholder_set_center_id (holder, center_id);
      icw_shareholder_set_organization_id (holder, org_id (orgs, shareholders[i].organization));
      icw_shareholder_set_contribution (holder, shareholders[i].contribution);
      icw_shareholder_set_amount_fen (holder, shareholders[i].amount_fen);
      icw_shareholder_set_share_bp (holder, shareholders[i].share_bp);
      if (!save (store, holder, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_members (IcwStore         *store,
              const char       *center_id,
              IcwOrganization **orgs,
              GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();

      icw_alliance_member_set_center_id (member, center_id);
      icw_alliance_member_set_organization_id (member, org_id (orgs, members[i].organization));
      icw_alliance_member_set_role (member, members[i].role);
      icw_alliance_member_set_joined (member, members[i].joined);
      icw_alliance_member_set_agreement_signed (member, members[i].agreement_signed);
      if (!save (store, member, error))
        return FALSE;
    }
  return TRUE;
}

/* Platforms are added only to organizations this load created: one that was already in the
 * register keeps the platforms it has. */
static gboolean
save_platforms (IcwStore         *store,
                IcwOrganization **orgs,
                const gboolean   *created,
                GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      g_autoptr(IcwPlatform) platform = NULL;

      if (!created[platforms[i].organization])
        continue;
      platform = icw_platform_new ();
      icw_platform_set_organization_id (platform, org_id (orgs, platforms[i].organization));
      icw_platform_set_kind (platform, platforms[i].kind);
      icw_platform_set_name (platform, platforms[i].name);
      icw_platform_set_approved_year (platform, platforms[i].approved_year);
      icw_platform_set_field (platform, platforms[i].field);
      if (!save (store, platform, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_not_loaded (IcwStore  *store,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IcwRecord) existing = icw_store_find_by_name (store, ICW_RECORD_KIND_CENTER,
                                                          ICW_SAMPLE_CENTER_NAME, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE,
                   _("The sample center “%s” is already in the database (ID %s); nothing was added"),
                   ICW_SAMPLE_CENTER_NAME, icw_record_get_id (existing));
      return FALSE;
    }
  return TRUE;
}

static void
clear_organizations (IcwOrganization **orgs)
{
  for (guint i = 0; i < N_ORGANIZATIONS; i++)
    g_clear_object (&orgs[i]);
}

static IcwCenter *
load_in_batch (IcwStore         *store,
               IcwOrganization **orgs,
               GError          **error)
{
  gboolean created[N_ORGANIZATIONS] = { FALSE, };
  g_autoptr(IcwCenter) center = NULL;
  g_autoptr(IcwApplication) application = NULL;
  g_autoptr(IcwIpAgreement) agreement = NULL;
  g_autoptr(IcwFundingRequest) request = NULL;
  const char *center_id;

  if (!save_organizations (store, orgs, created, error))
    return NULL;
  center = save_center (store, orgs, error);
  if (center == NULL)
    return NULL;
  center_id = icw_record_get_id (ICW_RECORD (center));
  if (!save_shareholders (store, center_id, orgs, error) ||
      !save_members (store, center_id, orgs, error) ||
      !save_platforms (store, orgs, created, error))
    return NULL;
  /* The history first (the accepted 验收认定 whose targets became the 任务书, then the reports): the
   * outbox rows of its history, dropped, leave pages that the rest reuses (the file keeps no free
   * page at its end). */
  if (!icw_sample_save_recognition (store, center, error) ||
      icw_sample_save_reports (store, center, error) < 0)
    return NULL;
  application = icw_sample_save_application (store, center, error);
  if (application == NULL)
    return NULL;
  agreement = icw_sample_save_agreement (store, center, error);
  if (agreement == NULL)
    return NULL;
  request = icw_sample_save_funding_request (store, center, application, error);
  if (request == NULL)
    return NULL;
  return g_steal_pointer (&center);
}

/* Loads the sample center and everything around it, or nothing. Returns the store's own object of
 * the new center. */
IcwCenter *
icw_sample_load (IcwStore  *store,
                 GError   **error)
{
  IcwOrganization *orgs[N_ORGANIZATIONS] = { NULL, };
  g_autoptr(IcwCenter) center = NULL;
  g_autofree char *center_id = NULL;

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_not_loaded (store, error) || !icw_store_begin_batch (store, error))
    return NULL;

  center = load_in_batch (store, orgs, error);
  clear_organizations (orgs);
  if (center == NULL)
    {
      icw_store_rollback_batch (store);
      g_prefix_error (error, _("The sample data could not be loaded: "));
      return NULL;
    }
  if (!icw_store_commit_batch (store, error))
    return NULL;

  /* Saved objects are not the store's own until it loads them; hand out the one it keeps. */
  center_id = g_strdup (icw_record_get_id (ICW_RECORD (center)));
  g_clear_object (&center);
  return (IcwCenter *) icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, error);
}
