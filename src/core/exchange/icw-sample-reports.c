/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample-reports.c: the sample center's life after recognition (recognized 2023-12-20 through
 * its 验收认定, whose 绩效目标表 was carried as the 任务书 targets for 2024–2026:
 * icw-sample-recognition.c): the annual assessments (年度考核) of 2024 (graded 良好) and 2025
 * (graded 优秀), accepted, with their work summaries, 考核指标 rows, evidence and financial audits,
 * kept as local history (not queued for sync: the server takes an acceptance and a grade only from
 * a reviewer); and the 2026 periodic evaluation (定期评估: every third year, no 考核 that year), a
 * draft whose actuals the registers know are computed and the rest still to be entered. */
#include "config.h"

#include "icw-attachment.h"
#include "icw-lifecycle.h"
#include "icw-report-actuals.h"
#include "icw-report-parts.h"
#include "icw-sample.h"
#include "icw-store-reports.h"

#define FIRST_YEAR 2024
#define N_YEARS 3

/* What each filed year reported against the 任务书's rows (found by their names). */
typedef struct {
  const char *name;
  double      actuals[2];         /* 2024, 2025 as filed */
  const char *comment[2];         /* why a target was missed */
} SampleActual;

static const SampleActual actuals[] = {
  { ICW_SAMPLE_MISSED_INDICATOR, { 45, 92 },
    { NULL, "深水压力试验舱于2025年11月交付，调试顺延一个季度；2026年一季度投入运行。" } },
  { "专职研发人员", { 42, 52 }, { NULL, NULL } },
  { "年度研发投入", { 1260, 1850 }, { NULL, NULL } },
  { "突破共性关键技术", { 1, 3 }, { NULL, NULL } },
  { "发明专利申请", { 15, 31 }, { NULL, NULL } },
  { "联盟成员单位", { 12, 15 }, { NULL, NULL } },
  { "孵化科技型企业", { 1, 2 }, { NULL, NULL } },
};

typedef struct {
  const char *key;
  const char *text;
} Section;

static const Section summary_2024[] = {
  { "goals", "2024年是创新中心认定后的第一个完整运行年度。按照任务书，全年建成深水装备压力试验平台一期并对外服务，突破深水连接器金属密封一项共性技术，主要考核指标全部完成。" },
  { "spillover", "以技术许可和联合开发两种方式向联盟成员转移成果，全年签订技术许可合同三项。" },
  { "public-service", "试验平台对外开放，为二十一家中小企业提供压力试验、盐雾腐蚀和疲劳试验服务。" },
  { "resources", "新增联盟成员两家，其中用户企业一家；引进海外高层次人才一名，与黄海理工大学共建联合实验室。" },
  { "core-role", "牵头编制海洋工程装备产业技术路线图（2024版），发布共性技术攻关指南一期。" },
  { "collaboration", "组织成员单位联合攻关项目六项，其中揭榜挂帅项目两项。" },
  { "market", "公司化运行，技术服务收入占总收入的比例达到百分之三十二。" },
  { "industrialisation", "孵化科技型企业一家，推动两项成果在成员企业实现首次商业化应用。" },
  { "standards", "参与制定团体标准两项。" },
  { "talent", "与高校联合培养研究生十二名，开展工程师培训四期。" },
  { "sustainability", "非财政收入持续增长，运营成本由自有收入覆盖的比例逐年提高。" },
  { "industry-impact", "服务省内海洋工程装备企业三十余家，带动产业链上下游协同发展。" },
};

static const Section summary_2025[] = {
  { "goals", "2025年创新中心建设按计划推进，深水压力试验舱因交付延迟调试顺延一个季度，其余考核指标全部完成，多项超额完成。" },
  { "spillover", "技术许可合同增至七项，向联盟外企业转移成果两项。" },
  { "public-service", "试验平台全年服务企业四十六家，新增海洋环境模拟试验服务。" },
  { "resources", "联盟成员增至十五家，覆盖五个省市，新增国家级创新平台成员一家。" },
  { "core-role", "突破漂浮式风电系泊缆疲劳评估等共性关键技术两项，发布攻关指南二期。" },
  { "collaboration", "联合攻关项目十项，产学研合作经费较上年增长百分之四十。" },
  { "market", "技术服务与平台服务收入二千一百万元，非财政收入占比超过百分之六十。" },
  { "industrialisation", "孵化科技型企业一家，累计两家，其中一家获得天使轮融资。" },
  { "standards", "主导制定团体标准一项，参与行业标准一项。" },
  { "talent", "联合培养研究生十八名，建成海洋工程装备工程师实训基地。" },
  { "sustainability", "形成服务收入、许可收入和项目收入并重的收入结构。" },
  { "industry-impact", "带动省内海洋工程装备产业新增产值约六亿元。" },
};

static char *
summary_json (const Section *sections,
              guint          n)
{
  g_autoptr(GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (map, (gpointer) sections[i].key, (gpointer) sections[i].text);
  return icw_report_summary_to_json (map);
}

static IcwAttachment *
attach (IcwStore           *store,
        IcwReport          *report,
        const char         *name,
        IcwAttachmentKind   kind,
        const char         *line,
        GError            **error)
{
  g_autoptr(GBytes) content = icw_sample_pdf (line);

  return icw_store_add_report_attachment (store, report, name, kind, content, error);
}

/* A filed year: actuals, evidence, audit, figures, then ready, submitted, accepted and graded. */
static gboolean
save_filed_year (IcwStore        *store,
                 const char      *center_id,
                 guint            index,
                 const Section   *summary,
                 guint            n_summary,
                 IcwReportGrade   grade,
                 const char      *graded_on,
                 GError         **error)
{
  int year = FIRST_YEAR + (int) index;
  g_autoptr(IcwReport) report = icw_store_create_report (store, center_id, year, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, error);
  g_autoptr(IcwAttachment) audit = NULL;
  g_autoptr(IcwAttachment) evidence = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *audit_name = NULL;
  g_autofree char *evidence_name = NULL;
  g_autofree char *audit_line = NULL;
  g_autofree char *summary_text = NULL;
  g_autofree char *rows_text = NULL;
  g_autofree char *comments = NULL;

  if (report == NULL)
    return FALSE;
  audit_name = g_strdup_printf ("%d年度财务审计报告.pdf", year);
  audit_line = g_strdup_printf ("Financial audit %d", year);
  evidence_name = g_strdup_printf ("%d年度考核证明材料.pdf", year);
  if ((audit = attach (store, report, audit_name, ICW_ATTACHMENT_KIND_AUDIT, audit_line, error)) == NULL ||
      (evidence = attach (store, report, evidence_name, ICW_ATTACHMENT_KIND_OTHER, "Evidence", error)) == NULL)
    return FALSE;
  rows = icw_report_rows_parse (icw_report_get_indicators (report), error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (actuals); i++)
    {
      IcwReportRow *row = icw_report_rows_find (rows, actuals[i].name);

      if (row == NULL)
        continue;
      row->has_actual = TRUE;
      row->actual = actuals[i].actuals[index];
      row->comment = g_strdup (actuals[i].comment[index]);
      g_strfreev (row->evidence);
      row->evidence = g_new0 (char *, 2);
      row->evidence[0] = g_strdup (icw_record_get_id (ICW_RECORD (evidence)));
    }
  rows_text = icw_report_rows_to_json (rows);
  summary_text = summary_json (summary, n_summary);
  icw_report_set_indicators (report, rows_text);
  icw_report_set_summary (report, summary_text);
  icw_report_set_audit_attachment_id (report, icw_record_get_id (ICW_RECORD (audit)));
  icw_report_set_build_pilot (report, index == 0 ? "水下生产系统中试验证基地开工建设，完成中试验证服务四十五台次。"
                                                 : "中试验证基地主体建成，深水压力试验舱2025年11月交付，全年中试验证服务九十二台次。");
  icw_report_set_build_testing (report, index == 0 ? "建成深水装备压力试验平台一期。" : "测试平台获得CNAS认可。");
  icw_report_set_build_services (report, index == 0 ? "服务中小企业二十一家。" : "服务企业四十六家。");
  icw_report_set_staff_total (report, index == 0 ? 78 : 98);
  icw_report_set_rd_staff (report, index == 0 ? 42 : 52);
  icw_report_set_rd_spending_fen (report, (gint64) (index == 0 ? 1260 : 1850) * 1000000);
  icw_report_set_revenue_fiscal_fen (report, (gint64) (index == 0 ? 1500 : 1200) * 1000000);
  icw_report_set_revenue_nonfiscal_fen (report, (gint64) (index == 0 ? 1100 : 2600) * 1000000);
  icw_report_set_services_revenue_fen (report, (gint64) (index == 0 ? 820 : 2100) * 1000000);
  icw_report_set_licence_revenue_fen (report, (gint64) (index == 0 ? 120 : 380) * 1000000);
  icw_report_set_incubated_firms (report, index == 0 ? 1 : 2);
  icw_report_set_patents (report, index == 0 ? 15 : 31);
  icw_report_set_standards (report, index == 0 ? 2 : 2);
  icw_report_set_projects (report, index == 0 ? 6 : 10);
  if (!icw_store_save (store, ICW_RECORD (report), error) ||
      !icw_lifecycle_mark_ready (store, ICW_RECORD (report), NULL, NULL, error) ||
      !icw_lifecycle_submit (store, ICW_RECORD (report), error))
    return FALSE;
  comments = g_strdup_printf ("%d年度考核结果：%s。", year, grade == ICW_REPORT_GRADE_EXCELLENT ? "优秀" : "良好");
  icw_report_set_grade (report, grade);
  icw_report_set_graded_on (report, graded_on);
  /* Decided before the program was used: history, not a change to sync (a new document arrives
   * at the server as its owner made it, and only a reviewer accepts and grades). */
  return icw_lifecycle_accept (store, ICW_RECORD (report), comments, error) &&
         icw_store_report_keep_local (store, report, error);
}

/* The evaluation year: a draft, its rows the targets of the year with the actuals the registers
 * know, saved once (one change to sync, as every other record of the sample). */
static gboolean
save_draft_year (IcwStore    *store,
                 const char  *center_id,
                 GError     **error)
{
  g_autoptr(IcwReport) report = icw_report_new ();
  g_autoptr(GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(IcwTargetSet) set = icw_store_load_targets (store, center_id, 0, error);
  g_autofree char *summary_text = NULL;
  g_autofree char *rows_text = NULL;

  if (set == NULL)
    return FALSE;
  rows_text = icw_target_set_report_rows (set, FIRST_YEAR + 2);
  icw_report_set_center_id (report, center_id);
  icw_report_set_year (report, FIRST_YEAR + 2);
  icw_report_set_kind (report, ICW_REPORT_KIND_EVALUATION);
  icw_report_set_indicators (report, rows_text);
  if (icw_report_apply_computed_actuals (store, report, error) < 0)
    return FALSE;
  g_hash_table_insert (map, (gpointer) "eval-construction",
                       (gpointer) "认定以来三年，水下生产系统中试验证基地建成并投入运行，深水装备测试平台和行业公共服务平台对外开放。（草稿，待补充）");
  summary_text = icw_report_summary_to_json (map);
  icw_report_set_summary (report, summary_text);
  return icw_store_save (store, ICW_RECORD (report), error);
}

int
icw_sample_save_reports (IcwStore   *store,
                         IcwCenter  *center,
                         GError    **error)
{
  const char *center_id = icw_record_get_id (ICW_RECORD (center));

  if (!save_filed_year (store, center_id, 0, summary_2024, G_N_ELEMENTS (summary_2024), ICW_REPORT_GRADE_GOOD,
                        "2025-04-18", error) ||
      !save_filed_year (store, center_id, 1, summary_2025, G_N_ELEMENTS (summary_2025), ICW_REPORT_GRADE_EXCELLENT,
                        "2026-04-22", error) ||
      !save_draft_year (store, center_id, error))
    return -1;
  return 3;
}
