/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample-funding.c: the sample center's funding request: the whole construction budget of its
 * upgrade application (24,000.00 万元 over 2027–2029: provincial and city fiscal funds 7,000, the
 * shareholders' capital increase 10,000, bank loans and social capital 7,000; no central funds), on the `research-separate` category set
 * (the one new requests get: 设备购置费, 设备试制费, 设备改造与租赁费 under 设备费), with a
 * justification for every line, three disbursement milestones adding up to the fiscal funds, and
 * passing every rule of the funding-request pack. The cells are laid out by filling the table of
 * year × source totals category by category, so every total is exact. */
#include "config.h"


#include "icw-budget-line.h"
#include "icw-category-set.h"
#include "icw-funding-parts.h"
#include "icw-funding-request.h"
#include "icw-sample.h"

#include <string.h>

#define WAN G_GINT64_CONSTANT (1000000)   /* fen in 1 万元 */
#define START_YEAR 2027
#define N_YEARS 3

static const IcwFundingSource sources[] = {
  ICW_FUNDING_SOURCE_LOCAL_FISCAL, ICW_FUNDING_SOURCE_SHAREHOLDER_CAPITAL, ICW_FUNDING_SOURCE_BANK_LOAN,
};

/* 万元 by year (rows) and source (columns, as above): years 10,000 / 8,000 / 6,000 as the
 * application's budget section plans them. */
static const gint64 column_totals[N_YEARS][G_N_ELEMENTS (sources)] = {
  { 3000, 4000, 3000 },
  { 2300, 3500, 2200 },
  { 1700, 2500, 1800 },
};

typedef struct {
  const char *key;
  gint64      wan;
  const char *justification;
} SampleLine;

static const SampleLine lines[] = {
  { "equipment-purchase", 9000, "购置深水压力试验舱、海洋环境模拟试验系统和结构疲劳试验设备，按设备询价单测算。" },
  { "equipment-trial", 0, NULL },
  { "equipment-upgrade-lease", 2000, "对牵头单位现有水池试验设施进行造波和测量系统升级改造，按改造方案和施工预算测算。" },
  { "materials", 2600, "高强钢、防腐涂层、密封件和样机试制材料，按三年共性技术攻关任务量测算。" },
  { "testing", 2200, "委托第三方开展船级社认证试验、海上试验和检测认证，按检测机构报价测算。" },
  { "fuel-power", 800, "压力试验舱和试验水池运行的水电气消耗，按设备功率和运行时数测算。" },
  { "travel", 300, "赴联盟成员单位和用户企业海上作业现场开展技术对接与现场验证的差旅费用。" },
  { "meetings", 200, "组织联盟技术研讨会、成果发布会和专家评审会的费用。" },
  { "international", 200, "参加国际标准化会议和开展国际技术交流的费用。" },
  { "publication-ip", 500, "专利申请与维护、标准制定、论文发表和知识产权运营费用。" },
  { "labour", 2500, "引进和培养研发人员、博士后及临时聘用人员的劳务费用。" },
  { "expert-consultation", 300, "聘请行业专家开展技术咨询、评审和论证的费用。" },
  { "other", 2400, "平台运行及公共服务费用，包括公共技术服务平台运维和行业服务。" },
  { "management", 600, "创新中心公司日常管理、财务审计和项目管理费用。" },
  { "performance", 400, "对考核优秀的研发团队发放的绩效支出。" },
};

typedef struct {
  const char *date;
  gint64      wan;
  const char *condition;
} SampleMilestone;

static const SampleMilestone milestones[] = {
  { "2027-03-31", 3000, "签订项目任务书、股东首期增资到位后拨付首笔资金" },
  { "2028-03-31", 2300, "年度考核合格、深水试验设施完成安装调试后拨付" },
  { "2029-03-31", 1700, "中期评估合格、完成五个方向阶段性攻关目标后拨付" },
};

static char *
milestones_json (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_milestone_free);

  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      IcwMilestone *milestone = g_new0 (IcwMilestone, 1);

      milestone->date = g_strdup (milestones[i].date);
      milestone->amount_fen = milestones[i].wan * WAN;
      milestone->condition = g_strdup (milestones[i].condition);
      g_ptr_array_add (list, milestone);
    }
  return icw_milestones_to_json (list);
}

/* Fills each line's cells from what is left of the year × source totals, in order ("north-west
 * corner"): every line gets its total and every column its total, in whole 万元. */
static gboolean
save_lines (IcwStore    *store,
            const char  *request_id,
            GError     **error)
{
  gint64 left[N_YEARS][G_N_ELEMENTS (sources)];
  guint cell = 0;

  memcpy (left, column_totals, sizeof left);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(IcwBudgetLine) line = icw_budget_line_new ();
      gint64 need = lines[i].wan;

      icw_budget_line_set_request_id (line, request_id);
      icw_budget_line_set_category (line, lines[i].key);
      icw_budget_line_set_justification (line, lines[i].justification);
      while (need > 0)
        {
          guint y = cell / G_N_ELEMENTS (sources), s = cell % G_N_ELEMENTS (sources);
          gint64 take = MIN (need, left[y][s]);

          g_assert (cell < N_YEARS * G_N_ELEMENTS (sources));
          icw_budget_line_set_cell (line, START_YEAR + (int) y, sources[s],
                                    icw_budget_line_get_cell (line, START_YEAR + (int) y, sources[s]) + take * WAN);
          left[y][s] -= take;
          need -= take;
          if (left[y][s] == 0)
            cell++;
        }
      if (!icw_store_save (store, ICW_RECORD (line), error))
        return FALSE;
    }
  return TRUE;
}

IcwFundingRequest *
icw_sample_save_funding_request (IcwStore        *store,
                                 IcwCenter       *center,
                                 IcwApplication  *application,
                                 GError         **error)
{
  g_autoptr(IcwFundingRequest) request = icw_funding_request_new ();
  g_autofree char *json = milestones_json ();

  icw_funding_request_set_center_id (request, icw_record_get_id (ICW_RECORD (center)));
  icw_funding_request_set_application_id (request, icw_record_get_id (ICW_RECORD (application)));
  icw_funding_request_set_title (request, "国家海洋工程装备创新中心建设资金申请（2027—2029年）");
  icw_funding_request_set_start_year (request, START_YEAR);
  icw_funding_request_set_period (request, N_YEARS);
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    icw_funding_request_set_source_used (request, sources[s], TRUE);
  icw_funding_request_set_category_set (request, "research-separate");
  icw_funding_request_set_category_set_version (request, 1);
  icw_funding_request_set_milestones (request, json);
  icw_funding_request_set_tax_deduction (request, TRUE);
  icw_funding_request_set_tax_deduction_fen (request, 8000 * WAN);

  if (!icw_store_save (store, ICW_RECORD (request), error) ||
      !save_lines (store, icw_record_get_id (ICW_RECORD (request)), error))
    return NULL;
  return g_steal_pointer (&request);
}
