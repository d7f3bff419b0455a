/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample-application.c: the sample center's application of today: its upgrade to a national
 * center (升级, 工信厅科〔2017〕64号), a draft written three years after its recognition as a
 * provincial center, with all nine narrative sections in the formal Chinese of real construction
 * plans, a roadmap, capability platforms, the 绩效目标表 for 2027–2029, plans for the eight main
 * tasks and three attachments. The registers meet 64号's conditions (a recognized provincial
 * center, three top-ten shareholders of its field, 6 of the field's 11 listed national platforms,
 * users and members from five provinces), so it passes every error rule; it leaves what a reviewer
 * would still raise: the call closes in 12 days, the field is to be checked against the 领域总体布局
 * (its list was not found), no certificate of the members' national platforms is attached yet, no
 * indicator covers sustainability, and the section on risks is short. Every name is invented, as
 * in the rest of the sample. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-sample.h"

/* Days from the day the sample is loaded to the call's deadline: near enough for the warning. */
#define DEADLINE_IN_DAYS 12

static const char section_background[] =
  "海洋工程装备是开发、利用和保护海洋的物质基础，是《中国制造2025》确定的十大重点领域之一（海洋工程装备及高技术船舶）。《关于完善制造业创新体系，推进制造业创新中心建设的指导意见》（工信部科〔2016〕273号）提出围绕重点领域突破产业共性关键技术、建设制造业创新中心。当前，我国深水油气、海上风电和深远海养殖装备快速发展，但水下生产系统、深水系泊与动态缆、海洋结构物健康监测等核心部件和共性技术仍依赖进口，设计验证手段和试验能力不足，创新成果工程化、产业化不畅。目前该领域尚未布局国家制造业创新中心。\n"
  "\n"
  "山东省海洋工程装备产业已形成以青岛为总装和研发中心，烟台、威海、东营为配套和应用基地的产业格局，拥有深水油气装备、海上风电安装与运维、深远海养殖装备等领域的一批骨干企业。齐鲁海洋工程装备制造业创新中心于2023年12月通过山东省工业和信息化厅验收认定，成为省级制造业创新中心；2024年度和2025年度考核结果分别为良好和优秀。\n"
  "\n"
  "为此，创新中心依托山东齐鲁海工创新科技有限公司，按照《省级制造业创新中心升级为国家制造业创新中心条件》（工信厅科〔2017〕64号），申请升级为国家海洋工程装备创新中心，面向全国汇聚行业创新资源，打通技术开发、转移扩散到首次商业化应用的创新链条，支撑我国海洋工程装备产业向价值链中高端跃升。";

static const char section_foundation[] =
  "股东单位基础雄厚。依托公司七家股东中，青岛泓海海洋工程装备股份有限公司、烟台渤洋深海装备有限公司、威海海泰海洋装备股份有限公司均为本领域排名前十的企业。牵头单位泓海装备为制造业单项冠军企业，2023年至2025年研发投入强度分别为百分之五点二、五点八和六点四，年均研发投入超过五千万元，拥有国家工程研究中心和国家企业技术中心，深水钻采和水下生产装备进入国内主要油气开发企业供应链。\n"
  "\n"
  "创新平台高度集聚。联盟成员拥有本领域全国重点实验室、国家工程实验室、国家工程技术研究中心、国家工程研究中心共六个，占本领域此类国家级创新平台总数十一个的百分之五十四点五，包括黄海理工海洋工程结构安全全国重点实验室、泓海深水油气装备国家工程研究中心、渤洋深海作业装备国家工程技术研究中心、海泰船舶与海洋结构物国家工程实验室、齐鲁深海探测装备国家工程研究中心和京西海洋观测仪器国家工程技术研究中心，具备从结构设计、材料防腐、核心部件到系统集成和海上试验的完整研发能力。\n"
  "\n"
  "运行成效明显。认定以来，依托公司注册资本一亿元已全部实缴到位，现有职工一百二十人，其中专职研发人员六十人；产业技术创新联盟成员由认定时的十家增至十八家，覆盖山东、江苏、广东、北京、上海五省市，其中包括东营渤海湾油气开发有限公司、烟台渤能海上风电运营有限公司、深圳南湾海洋工程服务有限公司、日照海牧深远海养殖有限公司四家用户企业。两年来突破共性关键技术三项，申请发明专利三十一件，孵化科技型企业两家，在青岛西海岸新区建成办公、试验和中试场地一万二千平方米。";

static const char section_goals[] =
  "总体目标：用三年时间，建成国内领先、具有国际影响力的海洋工程装备共性技术研发与工程化验证平台，突破深水水下生产系统、漂浮式海上风电系泊与动态缆、海洋结构物数字孪生与健康监测等关键技术，形成自主可控的海洋工程装备技术体系和产业生态，成为国家制造业创新体系在海洋工程装备领域的核心节点。\n"
  "\n"
  "具体目标：\n"
  "- 突破共性关键技术八项以上，累计申请发明专利一百五十件，主导或参与制定国家标准和行业标准十项；\n"
  "- 建成数字化设计、试验测试、中试验证和行业服务四类能力平台，大型试验设施对外开放共享率不低于百分之六十；\n"
  "- 累计孵化科技型企业十家，技术成果转化收入累计达到八千万元；\n"
  "- 专职研发人员达到一百五十人，占全部职工的百分之五十七点五以上。\n"
  "\n"
  "建设内容：围绕“设计—材料—部件—系统—海上验证”全链条，重点开展水下生产系统关键部件、漂浮式风电平台系泊与动态缆、海洋结构物数字孪生与健康监测、深远海养殖装备、防腐与高强钢焊接工艺五个方向的技术攻关，同步推进公共服务平台建设、知识产权运营、标准研制和人才队伍建设，形成技术研发、成果转化和产业服务相互促进的良性循环。";

static const char section_approach[] =
  "创新中心采用“公司+联盟”模式建设。山东齐鲁海工创新科技有限公司作为创新中心的运营主体，由七家股东以货币和知识产权出资组建，注册资本一亿元，其中企业股东和投资基金出资占百分之八十三，高校和科研院所以知识产权作价出资占百分之十七。股权结构多元，单一股东持股比例不超过百分之二十八，各方共同决策、共担风险。升级建设期内，依托公司拟增资扩股一亿元，吸引省外本领域骨干企业入股。\n"
  "\n"
  "产业技术创新联盟作为创新中心的协同网络，面向全国吸纳上下游企业、用户企业、高校、科研院所、投资机构和行业组织参加，实行开放式会员制。成员单位签署联盟协议，明确权利与义务，共同承担研发任务、共享创新成果。联盟设理事会和秘书处，秘书处设在运营公司，负责日常联络与项目组织。\n"
  "\n"
  "升级建设分三个阶段推进：第一年完成增资扩股和深水试验设施建设，联盟成员扩展至四十家；第二年实现主要平台全面对外开放，形成五个方向的阶段性成果；第三年形成稳定的市场化运营能力，技术服务和成果转化收入覆盖主要运营成本。";

static const char section_mechanism[] =
  "治理结构。公司设股东会、董事会、监事会和经营管理层，董事会下设专家委员会和投资决策委员会。专家委员会由国内外知名专家组成，负责技术路线研判、重大项目论证和成果评价；经营管理层实行总经理负责制，面向全球公开招聘职业经理人，董事会对经营管理层实行任期目标考核。\n"
  "\n"
  "管理制度。建立健全财务管理、人事管理、项目管理和知识产权管理等制度。财务上实行独立核算、专款专用，财政资金单独建账；人事上实行聘用制和岗位绩效工资制度，研发人员可在股东单位与创新中心之间双向流动；项目上实行“揭榜挂帅”和里程碑式管理，按节点拨付经费。\n"
  "\n"
  "知识产权。按照协同创造、联合运营、收益共享的原则，在成员间建立知识产权协同机制：成员带入的背景知识产权以清单方式列明，项目产生的知识产权按约定归属，许可和转让收益按贡献比例分配，重大专利由运营公司统一布局和运营。\n"
  "\n"
  "开放共享。深水压力试验舱、海洋环境模拟试验系统等大型设施向联盟成员优惠开放，对中小企业提供专项服务额度，通过线上服务平台发布设施资源和技术需求，促进创新资源高效配置。";

static const char section_assessment[] =
  "创新中心建立年度考核与阶段评估相结合的考核评估机制。年度考核由董事会组织，对照建设方案确定的年度目标和绩效目标表，重点考核共性技术研发进展、能力平台建设、成果转化和经费使用情况，考核结果向股东会报告并报送省工业和信息化厅。\n"
  "\n"
  "阶段评估在建设期第二年末和建设期末各开展一次，邀请主管部门、行业专家和第三方机构参加，参照《国家制造业创新中心考核评估办法（暂行）》（工信厅科〔2018〕37号）第八条，就研发力量、共性技术突破、产学研协同、突出市场导向、成果转移转化和可持续发展能力等方面进行综合评价，评估结果作为调整建设任务、优化资源配置的依据。\n"
  "\n"
  "对内实行项目团队绩效考核，考核结果与绩效工资、项目经费和评优评先挂钩；对进展滞后或考核不合格的项目及时调整或终止，对成效突出的团队给予股权、期权等激励，形成能进能出、优胜劣汰的动态管理机制。考核评估情况在联盟内部公开，接受成员单位监督。";

static const char section_risks[] =
  "创新中心升级建设面临的主要风险包括深水装备海上试验周期长、油气和海上风电投资波动导致市场需求变化、增资扩股和建设资金到位不及时等。对此，创新中心将实行项目分阶段论证和动态调整，加强与用户企业的联合试验，多渠道筹措建设资金。";

static const char section_budget[] =
  "升级建设周期为三年（2027—2029年）。项目总投资二亿四千万元（24,000.00万元），其中依托公司股东增资一亿元，申请地方财政资金支持七千万元（省级四千万元、青岛市配套三千万元），银行贷款和社会资本七千万元。本项目不含中央财政资金。\n"
  "\n"
  "经费使用安排如下：\n"
  "- 设备购置及改造一亿一千万元，主要用于深水压力试验舱、海洋环境模拟试验系统和结构疲劳试验设备；\n"
  "- 共性技术研发费用八千万元，用于五个方向的技术攻关项目；\n"
  "- 平台运行及公共服务三千万元；\n"
  "- 人才引进与培养一千五百万元；\n"
  "- 其他费用五百万元。\n"
  "\n"
  "分年度安排：第一年投入一亿元，重点完成试验设施购置和场地改造；第二年投入八千万元，重点支持共性技术攻关和平台开放运行；第三年投入六千万元，重点支持成果转化和企业孵化。经费实行专账管理，财政资金严格按照有关资金管理办法使用，接受财政、审计部门的监督检查，确保资金使用规范、安全、有效。预算编制遵循目标相关性、政策相符性和经济合理性原则，设备购置优先选用国产设备，大型试验设施纳入共享平台统一管理。";

static const char section_benefits[] =
  "经济效益。建设期内预计实现技术服务、技术转让和平台服务收入一亿七千万元，孵化企业带动新增产值三十亿元；建设期满后，创新中心年收入可达一亿元，基本实现自我造血和持续发展。通过中试验证基地为中小企业提供试验和验证服务，预计可降低企业新产品海上试验成本百分之三十以上。\n"
  "\n"
  "社会效益。突破一批制约产业发展的共性关键技术，推动水下生产系统关键部件和深水系泊缆等核心部件国产化，降低关键部件进口依赖；为深水油气开发、海上风电、深远海养殖等领域提供国产化装备解决方案；培养专业技术人才一千五百人次，形成一支结构合理的高水平创新人才队伍。\n"
  "\n"
  "示范效益。探索以资本为纽带、“公司+联盟”协同运行、面向全国开放的新型创新载体建设模式，形成可复制、可推广的经验，助力海洋强国和制造强国建设。";
typedef struct {
  const char *technology;
  int         trl_from;
  int         trl_to;
  const char *milestones;
} SampleTechnology;

static const SampleTechnology roadmap[] = {
  { "深水水下生产系统关键部件（采油树、管汇连接器）", 4, 7,
    "第一年：完成一千五百米级水下采油树样机设计；第二年：完成深水压力试验舱全工况试验；第三年：在用户企业油田开展海上应用试验。" },
  { "漂浮式海上风电平台系泊与动态缆", 4, 7,
    "第一年：完成系泊与动态缆耦合分析方法；第二年：完成缩比模型水池试验；第三年：在烟台海上风电场开展示范应用。" },
  { "海洋结构物数字孪生与健康监测", 3, 6,
    "第一年：完成监测数据平台和数字孪生框架；第二年：在两座海洋平台完成样机验证；第三年：形成可授权的监测软件包。" },
  { "深远海养殖工船与智能网箱装备", 5, 8,
    "第一年：完成智能网箱结构和投喂系统设计；第二年：在日照海域完成样机试验；第三年：实现小批量应用。" },
  { "海洋工程装备防腐与高强钢焊接工艺", 5, 8,
    "第一年：完成高强钢焊接工艺评定；第二年：取得船级社认可；第三年：主导制定行业标准两项。" },
};

typedef struct {
  const char *kind;
  const char *name;
  const char *description;
} SampleCapability;

static const SampleCapability capabilities[] = {
  { "rd-design", "海洋工程装备数字化设计与仿真平台",
    "配置水动力、结构和多物理场仿真软件，面向联盟成员提供装备设计、仿真分析和设计评审服务。" },
  { "testing", "深水装备压力试验与海洋环境模拟测试平台",
    "具备深水压力、盐雾腐蚀、疲劳和波浪载荷等试验能力，承担装备和部件的测试验证。" },
  { "pilot", "水下生产系统中试验证基地",
    "提供关键部件样机试制、总装集成和陆上联调服务，支撑技术成果从样机走向海上应用。" },
  { "service", "海洋工程装备产业公共服务平台",
    "提供技术咨询、知识产权、标准信息、检验认证对接、投融资对接和人才培训等服务。" },
};

#define SAMPLE_FIRST_YEAR 2027

/* The 绩效目标表 of the upgrade, 2027–2029, from where the center stands at the end of 2026 (the
 * share of R&D staff is the registers' 60 of 120). No indicator of the "sustainability" area: one
 * of the warnings the sample leaves. */
static const IcwSampleIndicator indicators[] = {
  { "construction", "中试验证服务", "台次", 160, { 220, 300, 380 } },
  { "rd-strength", "专职研发人员", "人", 60, { 90, 120, 150 } },
  { "rd-strength", "年度研发投入", "万元", 2000, { 3500, 4500, 5500 } },
  { "rd-strength", "研发人员占职工总数比例", "%", 50, { 52.5, 55, 57.5 } },
  { "common-technology", "突破共性关键技术", "项", 4, { 6, 9, 12 } },
  { "common-technology", "发明专利申请", "件", 40, { 70, 110, 150 } },
  { "collaboration", "联盟成员单位", "家", 18, { 25, 32, 40 } },
  { "collaboration", "产学研联合攻关项目", "项", 14, { 18, 22, 26 } },
  { "market", "技术服务与平台服务收入", "万元", 2600, { 3500, 5500, 8000 } },
  { "transfer", "孵化科技型企业", "家", 4, { 6, 8, 10 } },
  { "transfer", "技术成果转化收入", "万元", 500, { 1500, 4000, 8000 } },
};

/* The plans for the eight main tasks of 工信部科〔2016〕273号, section 五, in order. */
static const char *const task_plans[] = {
  "围绕水下生产系统关键部件、漂浮式风电系泊与动态缆、结构数字孪生与健康监测、深远海养殖装备和防腐焊接工艺五个方向，每年滚动发布共性技术攻关项目指南，采用揭榜挂帅方式组织全国联盟成员联合攻关，建设期内突破共性关键技术八项以上。",
  "依托产业技术创新联盟，发挥泓海装备、渤洋深海、海泰装备等骨干企业的主导作用，联合黄海理工大学和齐鲁深海技术研究院开展应用基础研究，吸引用户企业提出需求、参与海上试验，形成联合开发、优势互补、成果共享、风险共担的协同机制。",
  "执行创新中心知识产权管理办法，在成员间实行知识产权协同创造、联合运营、收益共享：背景知识产权以清单列明，项目成果按约定归属，许可收益按贡献分配；围绕水下生产系统和系泊缆技术开展专利布局，建设期内累计申请发明专利一百五十件。",
  "建立以市场化机制为核心的成果转移扩散机制，通过中试验证基地为成果提供工程化验证，通过用户企业海上示范、孵化企业、种子项目融资和技术许可等方式推动首次商业化应用，对科研人员实行成果转化收益分成和股权激励。",
  "联合山东齐鲁海洋装备产业促进会组建海洋工程装备标准推进工作组，围绕水下连接器接口、系泊缆试验方法和结构健康监测数据研制团体标准和行业标准，积极参与国际标准化组织相关工作，建设期内主导或参与制定标准十项。",
  "在青岛西海岸新区建设海洋装备众创空间，利用线上服务平台为创业团队提供设计工具、试验和检测服务；与山东海融蓝色产业投资基金合作设立种子基金，为入孵企业提供持续的投融资支持。",
  "引进国内外领军人才和创新团队，与黄海理工大学联合培养研究生，建立海洋工程装备工程师实训基地，开展专业技术人才和高技能人才培训；完善绩效激励和职称评聘制度，建设期内专职研发人员达到一百五十人。",
  "跟踪国际海洋工程装备技术发展动态，与欧洲和亚洲的知名研究机构和船级社开展联合研发和人员交流，通过技术引进、专利交叉许可等方式提升共性技术水平；支持联盟企业参与海外油气和海上风电项目，拓展国际市场。",
};

G_STATIC_ASSERT (G_N_ELEMENTS (task_plans) == 8);

typedef struct {
  const char        *name;
  IcwAttachmentKind  kind;
  const char        *text;   /* the one line of its (fictional) page */
} SampleAttachment;

static const SampleAttachment attachments[] = {
  { "营业执照（山东齐鲁海工创新科技有限公司）.pdf", ICW_ATTACHMENT_KIND_LICENCE,
    "Sample business licence - fictional, for demonstration only" },
  { "实缴出资证明（验资报告）.pdf", ICW_ATTACHMENT_KIND_CAPITAL,
    "Sample capital verification report - fictional, for demonstration only" },
  { "申报单位承诺书.pdf", ICW_ATTACHMENT_KIND_COMMITMENT,
    "Sample commitment letter - fictional, for demonstration only" },
};

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static char *
to_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static char *
roadmap_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (roadmap); i++)
    {
      json_builder_begin_object (builder);
      add_member (builder, "technology", roadmap[i].technology);
      json_builder_set_member_name (builder, "trl_from");
      json_builder_add_int_value (builder, roadmap[i].trl_from);
      json_builder_set_member_name (builder, "trl_to");
      json_builder_add_int_value (builder, roadmap[i].trl_to);
      add_member (builder, "milestones", roadmap[i].milestones);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return to_json (builder);
}

static char *
capabilities_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (capabilities); i++)
    {
      json_builder_begin_object (builder);
      add_member (builder, "kind", capabilities[i].kind);
      add_member (builder, "name", capabilities[i].name);
      add_member (builder, "description", capabilities[i].description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return to_json (builder);
}

/* A 绩效目标表 as the application part's JSON: each indicator's area, name, unit, baseline and its
 * targets for the three years from first_year (whole numbers as integers). */
char *
icw_sample_indicators_json (const IcwSampleIndicator *list,
                            guint                     n,
                            int                       first_year)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      add_member (builder, "area", list[i].area);
      add_member (builder, "name", list[i].name);
      add_member (builder, "unit", list[i].unit);
      json_builder_set_member_name (builder, "baseline_value");
      if (list[i].baseline == (gint64) list[i].baseline)
        json_builder_add_int_value (builder, (gint64) list[i].baseline);
      else
        json_builder_add_double_value (builder, list[i].baseline);
      json_builder_set_member_name (builder, "years");
      json_builder_begin_array (builder);
      for (guint y = 0; y < G_N_ELEMENTS (list[i].targets); y++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, first_year + (int) y);
          json_builder_set_member_name (builder, "target");
          if (list[i].targets[y] == (gint64) list[i].targets[y])
            json_builder_add_int_value (builder, (gint64) list[i].targets[y]);
          else
            json_builder_add_double_value (builder, list[i].targets[y]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return to_json (builder);
}

static char *
tasks_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (task_plans); i++)
    {
      char key[2] = { (char) ('1' + i), '\0' };

      add_member (builder, key, task_plans[i]);
    }
  json_builder_end_object (builder);
  return to_json (builder);
}

/* A small, well-formed one-page PDF showing one line of text. */
GBytes *
icw_sample_pdf (const char *line)
{
  g_autofree char *stream = g_strdup_printf ("BT /F1 14 Tf 72 720 Td (%s) Tj ET", line);
  const char *objects[5];
  g_autofree char *contents = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream", strlen (stream), stream);
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>";
  objects[3] = contents;
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/* 64号's procedure: the ministry issues the notice; a recognized provincial center applies to its
 * province's 工业和信息化厅, which checks and recommends it. The call's title is the sample's own. */
static void
set_call (IcwApplication *application)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) deadline = g_date_time_add_days (now, DEADLINE_IN_DAYS);
  g_autofree char *deadline_text = g_date_time_format (deadline, "%Y-%m-%d");
  g_autofree char *call = g_strdup_printf ("关于组织推荐%d年国家制造业创新中心的通知（示例）",
                                           g_date_time_get_year (deadline));

  icw_application_set_title (application, ICW_SAMPLE_APPLICATION_TITLE);
  icw_application_set_call_name (application, call);
  icw_application_set_call_issuer (application, "工业和信息化部");
  icw_application_set_call_deadline (application, deadline_text);
}

static void
set_sections (IcwApplication *application)
{
  g_autofree char *roadmap_text = roadmap_json ();
  g_autofree char *capabilities_text = capabilities_json ();
  g_autofree char *indicators_text = icw_sample_indicators_json (indicators, G_N_ELEMENTS (indicators),
                                                                 SAMPLE_FIRST_YEAR);
  g_autofree char *tasks_text = tasks_json ();

  icw_application_set_section_background (application, section_background);
  icw_application_set_section_foundation (application, section_foundation);
  icw_application_set_section_goals (application, section_goals);
  icw_application_set_section_approach (application, section_approach);
  icw_application_set_section_mechanism (application, section_mechanism);
  icw_application_set_section_assessment (application, section_assessment);
  icw_application_set_section_risks (application, section_risks);
  icw_application_set_section_budget (application, section_budget);
  icw_application_set_section_benefits (application, section_benefits);
  icw_application_set_roadmap (application, roadmap_text);
  icw_application_set_capability_platforms (application, capabilities_text);
  icw_application_set_indicators (application, indicators_text);
  /* The 基本情况表's own figures: the total investment of the budget section (2.4亿元), the contact
   * and the province that recommends the upgrade. */
  g_object_set (application, "total-investment-fen", (gint64) 24000 * 1000000, "contact-name", "刘晓明",
                "contact-phone", "0532-86016688", "recommender", "山东省工业和信息化厅", NULL);
  icw_application_set_tasks (application, tasks_text);
}

IcwApplication *
icw_sample_save_application (IcwStore   *store,
                             IcwCenter  *center,
                             GError    **error)
{
  g_autoptr(IcwApplication) application = icw_application_new ();

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (center)));
  /* Where the sample center stands: a recognized provincial center, three years on, it applies to
   * be upgraded to a national center (升级). */
  icw_application_set_kind (application, ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL);
  set_call (application);
  set_sections (application);
  if (!icw_store_save (store, ICW_RECORD (application), error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (attachments); i++)
    {
      g_autoptr(GBytes) content = icw_sample_pdf (attachments[i].text);
      g_autoptr(IcwAttachment) attachment = icw_store_add_attachment (store, application, attachments[i].name,
                                                                      attachments[i].kind, content, error);

      if (attachment == NULL)
        return NULL;
    }
  return g_steal_pointer (&application);
}
