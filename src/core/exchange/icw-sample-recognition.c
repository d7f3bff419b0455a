/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample-recognition.c: how the sample center was recognized: its 验收认定 application of
 * autumn 2023 under 鲁工信技〔2023〕150号 (the 培育 years 2021–2023 reported against their
 * 任务书, the construction plan for 2024–2026 with its 绩效目标表), submitted and accepted by the
 * province, then kept as local history (the sync server takes an acceptance only from a reviewer).
 * Its 绩效目标表 becomes the center's targets as every acceptance makes them
 * (icw_store_carry_targets_on_acceptance): the targets the reports are measured against. Fictional,
 * in Chinese, as the rest of the sample. */
#include "config.h"

#include "icw-application.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-sample.h"
#include "icw-store-reports.h"

#define FIRST_YEAR 2024

/* The 任务书 targets for 2024–2026 (cumulative counts, yearly figures for staff and spending). */
static const IcwSampleIndicator indicators[] = {
  { "construction", ICW_SAMPLE_MISSED_INDICATOR, "台次", 0, { 40, 100, 160 } },
  { "rd-strength", "专职研发人员", "人", 30, { 40, 48, 60 } },
  { "rd-strength", "年度研发投入", "万元", 800, { 1200, 1600, 2000 } },
  { "common-technology", "突破共性关键技术", "项", 0, { 1, 2, 4 } },
  { "common-technology", "发明专利申请", "件", 0, { 12, 25, 40 } },
  { "collaboration", "联盟成员单位", "家", 10, { 12, 14, 20 } },
  { "transfer", "孵化科技型企业", "家", 0, { 1, 2, 4 } },
};

static const char goals[] =
  "培育期（2021—2023年）建设任务书目标全部完成：建成海洋工程装备数字化设计与仿真平台和深水装备测试平台，"
  "突破深水连接器密封与海洋结构疲劳评估两项共性技术，申请发明专利二十三件，专职研发人员达到三十人，"
  "产业技术创新联盟成员十家。认定后三年（2024—2026年）的建设目标是：建成水下生产系统中试验证基地，"
  "中试验证服务年均一百六十台次，突破共性关键技术四项，累计申请发明专利四十件，孵化科技型企业四家，"
  "联盟成员增至二十家，为申请升级为国家制造业创新中心打下基础。";

static const char background[] =
  "海洋工程装备是《中国制造2025》确定的重点领域。山东省海洋工程装备产业基础雄厚，但水下生产系统等核心部件依赖进口，"
  "共性技术供给不足。2021年，青岛泓海海洋工程装备股份有限公司联合六家单位组建山东齐鲁海工创新科技有限公司，"
  "列入省级制造业创新中心培育名单，按照“公司+联盟”模式开展培育建设。";

static const char mechanism[] =
  "依托公司设股东会、董事会、监事会和经营管理层，董事会下设专家委员会；实行独立核算、专款专用，财政资金单独建账；"
  "研发项目实行揭榜挂帅和里程碑式管理。知识产权按照协同创造、联合运营、收益共享的原则管理，"
  "背景知识产权以清单列明，项目成果按约定归属。创新中心实行年度考核和阶段评估，考核结果报省工业和信息化厅。";

static const char budget[] =
  "培育期累计投入一亿二千万元，其中股东出资一亿元（已全部实缴），省级财政资金一千五百万元，自有收入五百万元；"
  "设备购置六千万元，研发费用四千万元，平台运行和人才费用二千万元。经费专账管理，财政资金使用经第三方审计。";

static const char benefits[] =
  "培育期内为联盟成员和中小企业提供设计仿真和测试服务一百二十台次，技术服务收入六百万元；"
  "两项成果在成员企业实现首次商业化应用，带动深水连接器国产化替代。";

static const char capabilities[] =
  "[{\"kind\": \"rd-design\", \"name\": \"海洋工程装备数字化设计与仿真平台\", \"description\": \"已建成，对联盟成员开放。\"},"
  " {\"kind\": \"testing\", \"name\": \"深水装备压力试验与海洋环境模拟测试平台\", \"description\": \"一期已建成，二期2025年建成。\"},"
  " {\"kind\": \"pilot\", \"name\": \"水下生产系统中试验证基地\", \"description\": \"2024年起建设。\"}]";

static IcwApplication *
new_recognition (IcwCenter *center)
{
  IcwApplication *application = icw_application_new ();
  g_autofree char *indicators_text = icw_sample_indicators_json (indicators, G_N_ELEMENTS (indicators), FIRST_YEAR);

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (center)));
  icw_application_set_kind (application, ICW_APPLICATION_KIND_ACCEPTANCE);
  icw_application_set_title (application, ICW_SAMPLE_RECOGNITION_TITLE);
  /* The title of Shandong's real notices, with the year (policy audit, Part 1.7). */
  icw_application_set_call_name (application, "关于组织开展2023年度山东省制造业创新中心培育和认定工作的通知");
  icw_application_set_call_issuer (application, "山东省工业和信息化厅");
  icw_application_set_call_deadline (application, "2023-10-20");
  icw_application_set_section_background (application, background);
  icw_application_set_section_goals (application, goals);
  icw_application_set_section_mechanism (application, mechanism);
  icw_application_set_section_budget (application, budget);
  icw_application_set_section_benefits (application, benefits);
  icw_application_set_capability_platforms (application, capabilities);
  icw_application_set_indicators (application, indicators_text);
  g_object_set (application, "total-investment-fen", (gint64) 12000 * 1000000, "contact-name", "刘晓明",
                "contact-phone", "0532-86016688", "recommender", "青岛市工业和信息化局", NULL);
  return application;
}

gboolean
icw_sample_save_recognition (IcwStore   *store,
                             IcwCenter  *center,
                             GError    **error)
{
  g_autoptr(IcwApplication) application = new_recognition (center);
  g_autoptr(IcwTargetSet) targets = NULL;

  /* Checked, marked ready, submitted, accepted: the province's 验收认定 of December 2023. */
  if (!icw_store_save (store, ICW_RECORD (application), error) ||
      !icw_lifecycle_mark_ready (store, ICW_RECORD (application), NULL, NULL, error) ||
      !icw_lifecycle_submit (store, ICW_RECORD (application), error) ||
      !icw_lifecycle_accept (store, ICW_RECORD (application), "2023年12月20日通过验收，认定为山东省制造业创新中心。", error) ||
      !icw_store_application_keep_local (store, application, error))
    return FALSE;
  /* The acceptance carried the 绩效目标表 as the 任务书 (icw_store_carry_targets_on_acceptance),
   * once; the sample adds no second version. */
  targets = icw_store_load_targets (store, icw_application_get_center_id (application), 0, NULL);
  if (targets == NULL)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID, "the sample's acceptance carried no targets");
      return FALSE;
    }
  return TRUE;
}
