/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample-application.c: the sample center's application for provincial recognition: a draft
 * with all nine narrative sections in the formal Chinese of real construction plans, a roadmap,
 * capability platforms, indicators, plans for the eight main tasks and three attachments. It is
 * complete enough to pass every error rule, and leaves a few warnings for the user to find: the
 * call closes in 12 days, no indicator covers sustainable development, and the section on risks is
 * short. Every name is invented, as in the rest of the sample. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-sample.h"

/* Days from the day the sample is loaded to the call's deadline: near enough for the warning. */
#define DEADLINE_IN_DAYS 12

static const char section_background[] =
  "传感器是新一代信息技术与制造业深度融合的基础器件，被誉为工业互联网和智能制造的“神经末梢”。《中国制造2025》将智能传感器列为重点突破的核心基础零部件，《关于完善制造业创新体系，推进制造业创新中心建设的指导意见》（工信部科〔2016〕273号）明确提出围绕重点领域突破产业共性关键技术、建设制造业创新中心。当前，我国中高端传感器进口依赖度仍然较高，MEMS芯片设计、特种敏感材料、晶圆级封装与测试等环节存在明显短板，产业共性技术供给不足，创新成果产业化不畅。\n"
  "\n"
  "山东省是制造业大省，智能传感器产业已形成以济南为研发中心，青岛、烟台、潍坊为制造基地的产业格局，拥有声学传感、微纳器件、智能仪表等领域的一批骨干企业，相关产业年产值超过三百亿元。但省内企业普遍规模偏小、研发投入分散，高校和科研院所的科研成果与企业需求衔接不够紧密，缺少一个汇聚全省乃至全国创新资源、面向行业提供共性技术供给的平台。\n"
  "\n"
  "为此，济南华芯感知科技股份有限公司联合青岛海川微电子有限公司、烟台精测仪器股份有限公司、潍坊声联电子科技有限公司、泉城理工大学、齐鲁智能感知研究院等单位，以资本为纽带组建山东齐鲁智感创新科技有限公司，按照“公司+联盟”模式建设齐鲁智能传感器制造业创新中心，着力打通技术开发、转移扩散到首次商业化应用的创新链条，支撑全省传感器产业向价值链中高端跃升。";

static const char section_foundation[] =
  "股东单位基础雄厚。七家股东中，济南华芯感知科技股份有限公司、青岛海川微电子有限公司、烟台精测仪器股份有限公司均为本领域排名前十的企业，近三年研发投入占营业收入比重均保持在百分之四左右或以上。牵头单位华芯感知2023年研发投入强度达到百分之六点四，拥有国家企业技术中心，在MEMS压力传感器、惯性传感器领域累计获得授权发明专利一百余项，产品进入国内主要汽车电子和工业控制企业供应链。\n"
  "\n"
  "创新平台高度集聚。联盟成员共拥有国家级创新平台七个，其中泉城理工敏感材料与器件全国重点实验室、海川微纳传感器件国家工程研究中心、精测智能仪表国家工程技术研究中心、齐鲁感知融合信息处理国家工程实验室四个，占本领域此类国家级创新平台总数的三分之一，具备从敏感材料、芯片设计、封装测试到系统集成的完整研发能力。\n"
  "\n"
  "产业协同基础良好。产业技术创新联盟现有成员十七家，覆盖山东、江苏、广东、北京、上海五省市，其中包括威海蓝海船舶电子有限公司、潍坊重工动力机械有限公司、东营黄河石化装备有限公司、深圳南湾智能终端有限公司等四家用户企业，形成了“研发—制造—应用”紧密衔接的协作关系。依托济南高新技术产业开发区，创新中心已落实办公及中试场地一万二千平方米，注册资本一亿元已全部到位。";

static const char section_goals[] =
  "总体目标：用三年时间，建成国内领先、具有国际影响力的智能传感器共性技术研发与转化平台，突破MEMS传感器芯片设计与制造、多传感器融合、晶圆级封装测试等关键技术，形成自主可控的智能传感器技术体系和产业生态，成为国家制造业创新体系在智能传感器领域的重要支撑。\n"
  "\n"
  "具体目标：\n"
  "- 突破共性关键技术八项以上，申请发明专利一百二十件，主导或参与制定国家标准和行业标准十项；\n"
  "- 建成研发设计、测试验证、中试孵化和行业服务四类能力平台，大型仪器设备对外开放共享率不低于百分之六十；\n"
  "- 孵化科技型企业十家以上，技术成果转化收入累计达到一亿五千万元；\n"
  "- 集聚研发人员二百人以上，其中高层次领军人才二十人。\n"
  "\n"
  "建设内容：围绕“材料—芯片—封装—系统—应用”全链条，重点开展MEMS敏感芯片设计与工艺、特种敏感材料、晶圆级封装与可靠性、多传感器融合与边缘智能、传感器标定与计量测试五个方向的技术攻关，同步推进公共服务平台建设、知识产权运营、标准研制和人才队伍建设，形成技术研发、成果转化和产业服务相互促进的良性循环。";

static const char section_approach[] =
  "创新中心采用“公司+联盟”模式建设。山东齐鲁智感创新科技有限公司作为创新中心的运营主体，由七家股东以货币和知识产权出资组建，注册资本一亿元，其中企业股东出资占百分之八十三，高校和科研院所以知识产权作价出资占百分之十七。公司股权结构多元，单一股东持股比例不超过百分之二十八，避免一股独大，保障各方共同决策、共担风险。\n"
  "\n"
  "产业技术创新联盟作为创新中心的协同网络，吸纳上下游企业、高校、科研院所、投资机构和行业组织参加，实行开放式会员制。成员单位签署联盟协议，明确权利与义务，共同承担研发任务、共享创新成果。联盟设理事会和秘书处，秘书处设在运营公司，负责日常联络与项目组织。\n"
  "\n"
  "建设过程中坚持“边建设、边运行、边服务”：第一年完成平台主体建设和首批共性技术项目立项；第二年实现主要平台对外开放服务，启动企业孵化；第三年形成稳定的市场化运营能力。创新中心将主动对接相关国家制造业创新中心，开展技术合作和资源共享，争取在条件成熟时申请升级为国家制造业创新中心。";

static const char section_mechanism[] =
  "治理结构。公司设股东会、董事会、监事会和经营管理层，董事会下设专家委员会和投资决策委员会。专家委员会由国内外知名专家组成，负责技术路线研判、重大项目论证和成果评价；经营管理层实行总经理负责制，面向全球公开招聘职业经理人，董事会对经营管理层实行任期目标考核。\n"
  "\n"
  "管理制度。建立健全财务管理、人事管理、项目管理和知识产权管理等制度。财务上实行独立核算、专款专用，财政资金单独建账；人事上实行聘用制和岗位绩效工资制度，研发人员可在股东单位与创新中心之间双向流动；项目上实行“揭榜挂帅”和里程碑式管理，按节点拨付经费。\n"
  "\n"
  "知识产权。按照协同创造、联合运营、收益共享的原则，在成员间建立知识产权协同机制：成员带入的背景知识产权以清单方式列明，项目产生的知识产权按约定归属，许可和转让收益按贡献比例分配，重大专利由运营公司统一布局和运营。\n"
  "\n"
  "开放共享。平台设备向联盟成员优惠开放，对中小企业提供专项服务额度，通过线上服务平台发布设备资源和技术需求，促进创新资源高效配置。";

static const char section_assessment[] =
  "创新中心建立年度考核与阶段评估相结合的考核评估机制。年度考核由董事会组织，对照建设方案确定的年度目标和考核指标，重点考核共性技术研发进展、能力平台建设、成果转化和经费使用情况，考核结果向股东会报告并报送省工业和信息化厅。\n"
  "\n"
  "阶段评估在建设期第二年末和建设期末各开展一次，邀请省工业和信息化厅、行业专家和第三方机构参加，按照研发实力与创新资源、共性技术突破、产学研协同、市场化导向、成果转移转化和可持续发展等方面进行综合评价，评估结果作为调整建设任务、优化资源配置的依据。\n"
  "\n"
  "对内实行项目团队绩效考核，考核结果与绩效工资、项目经费和评优评先挂钩；对进展滞后或考核不合格的项目及时调整或终止，对成效突出的团队给予股权、期权等激励，形成能进能出、优胜劣汰的动态管理机制。考核评估情况在联盟内部公开，接受成员单位监督。";

static const char section_risks[] =
  "创新中心建设面临的主要风险包括技术攻关不达预期、市场需求变化和建设资金到位不及时等。对此，创新中心将实行项目分阶段论证和动态调整，加强市场调研，多渠道筹措建设资金。";

static const char section_budget[] =
  "建设周期为三年。项目总投资二亿四千万元（24,000.00万元），其中股东出资一亿元，申请省级财政资金支持四千万元，地方配套资金三千万元，银行贷款和社会资本七千万元。\n"
  "\n"
  "经费使用安排如下：\n"
  "- 设备购置及改造一亿一千万元，主要用于MEMS工艺线、封装测试线和标定计量设备；\n"
  "- 共性技术研发费用八千万元，用于五个方向的技术攻关项目；\n"
  "- 平台运行及公共服务三千万元；\n"
  "- 人才引进与培养一千五百万元；\n"
  "- 其他费用五百万元。\n"
  "\n"
  "分年度安排：第一年投入一亿元，重点完成设备购置和场地改造；第二年投入八千万元，重点支持共性技术攻关和平台开放运行；第三年投入六千万元，重点支持成果转化和企业孵化。经费实行专账管理，省级财政资金严格按照有关资金管理办法使用，接受财政、审计部门的监督检查，确保资金使用规范、安全、有效。预算编制遵循目标相关性、政策相符性和经济合理性原则，设备购置优先选用国产设备，大型仪器设备纳入共享平台统一管理。";

static const char section_benefits[] =
  "经济效益。建设期内预计实现技术服务、技术转让和平台服务收入一亿五千万元，孵化企业带动新增产值二十亿元；建设期满后，创新中心年收入可达八千万元，基本实现自我造血和持续发展。通过中试线为中小企业提供流片和封装服务，预计可降低企业研发成本百分之三十以上。\n"
  "\n"
  "社会效益。突破一批制约产业发展的共性关键技术，带动全省智能传感器产业规模年均增长百分之十五以上；为装备制造、海洋工程、石油化工、智能终端等领域提供国产化传感器解决方案，降低关键器件进口依赖；培养专业技术人才一千人次，形成一支结构合理的高水平创新人才队伍。\n"
  "\n"
  "示范效益。探索以资本为纽带、“公司+联盟”协同运行的新型研发机构建设模式，形成可复制、可推广的经验，为全省其他重点领域建设制造业创新中心提供借鉴，助力山东省制造业创新体系建设和新旧动能转换。";
typedef struct {
  const char *technology;
  int         trl_from;
  int         trl_to;
  const char *milestones;
} SampleTechnology;

static const SampleTechnology roadmap[] = {
  { "MEMS 传感器芯片设计与制造工艺", 4, 7,
    "第一年：建成八英寸MEMS工艺平台，完成压力、惯性芯片工艺开发；第二年：流片良率达到百分之九十；第三年：三类芯片实现小批量量产。" },
  { "多传感器融合与边缘智能算法", 3, 6,
    "第一年：完成融合算法框架和数据集建设；第二年：在船舶电子和工程机械场景完成样机验证；第三年：形成可授权的算法软件包。" },
  { "晶圆级封装与可靠性测试", 4, 7,
    "第一年：建成晶圆级封装中试线；第二年：建立可靠性试验规范并通过第三方认证；第三年：对外提供封装测试服务。" },
  { "高温压电与气敏特种敏感材料", 3, 6,
    "第一年：完成材料配方筛选；第二年：完成器件级验证；第三年：在石化装备用户企业开展现场应用试验。" },
  { "智能传感器标定与计量测试技术", 5, 8,
    "第一年：建成标定实验室；第二年：取得计量授权；第三年：主导制定行业标准两项。" },
};

typedef struct {
  const char *kind;
  const char *name;
  const char *description;
} SampleCapability;

static const SampleCapability capabilities[] = {
  { "rd-design", "MEMS芯片设计与仿真平台",
    "配置多物理场仿真和芯片设计软件，面向联盟成员提供芯片设计、工艺仿真和设计评审服务。" },
  { "testing", "传感器可靠性测试与计量验证平台",
    "具备温度、湿度、振动、冲击等环境可靠性试验能力，承担传感器标定与计量测试。" },
  { "pilot", "八英寸MEMS中试线",
    "提供MEMS芯片流片、晶圆级封装和小批量试制服务，支撑技术成果从样品走向产品。" },
  { "service", "智能传感器产业公共服务平台",
    "提供技术咨询、知识产权、标准信息、投融资对接和人才培训等服务。" },
};

typedef struct {
  const char *area;
  const char *name;
  const char *unit;
  double      baseline;
  double      targets[3];   /* the years from SAMPLE_FIRST_YEAR */
} SampleIndicator;

#define SAMPLE_FIRST_YEAR 2026

/* No indicator of the "sustainability" area: one of the warnings the sample leaves. */
static const SampleIndicator indicators[] = {
  { "construction", "中试线流片能力", "片/月", 0, { 500, 1500, 3000 } },
  { "rd-strength", "专职研发人员", "人", 80, { 120, 160, 200 } },
  { "rd-strength", "年度研发投入", "万元", 3000, { 5000, 6000, 7000 } },
  { "rd-strength", "研发人员占职工总数比例", "%", 45, { 50, 53, 55 } },
  { "common-technology", "突破共性关键技术", "项", 0, { 2, 5, 8 } },
  { "common-technology", "发明专利申请", "件", 0, { 30, 70, 120 } },
  { "collaboration", "联盟成员单位", "家", 17, { 25, 32, 40 } },
  { "collaboration", "产学研联合攻关项目", "项", 3, { 6, 10, 15 } },
  { "market", "技术服务与平台服务收入", "万元", 0, { 1500, 4500, 9000 } },
  { "transfer", "孵化科技型企业", "家", 0, { 2, 6, 10 } },
  { "transfer", "技术成果转化收入", "万元", 0, { 2000, 6000, 15000 } },
};

/* The plans for the eight main tasks of 工信部科〔2016〕273号, section 五, in order. */
static const char *const task_plans[] = {
  "围绕MEMS芯片、特种敏感材料、晶圆级封装、多传感器融合和标定计量五个方向，每年滚动发布共性技术攻关项目指南，采用揭榜挂帅方式组织联盟成员联合攻关，建设期内突破共性关键技术八项以上。",
  "依托产业技术创新联盟，发挥华芯感知、海川微电子等骨干企业的主导作用，联合泉城理工大学和齐鲁智能感知研究院开展基础研究，吸引中小企业参与配套开发，形成联合开发、优势互补、成果共享、风险共担的协同机制。",
  "制定创新中心知识产权管理办法，在成员间实行知识产权协同创造、联合运营、收益共享：背景知识产权以清单列明，项目成果按约定归属，许可收益按贡献分配；围绕MEMS工艺和封装技术开展专利布局，建设期内申请发明专利一百二十件。",
  "建立以市场化机制为核心的成果转移扩散机制，通过中试线为成果提供工程化验证，通过孵化企业、种子项目融资和技术许可等方式推动首次商业化应用，对科研人员实行成果转化收益分成和股权激励。",
  "联合山东齐鲁传感产业促进会组建智能传感器标准推进工作组，围绕传感器接口、标定方法和可靠性试验研制团体标准和行业标准，积极参与国际电工委员会相关标准工作，建设期内主导或参与制定标准十项。",
  "在济南高新区建设智能传感器众创空间，利用线上服务平台为创业团队提供设计工具、流片和测试服务；与山东泉源智能产业投资基金合作设立种子基金，为入孵企业提供持续的投融资支持。",
  "引进国内外领军人才和创新团队，与泉城理工大学联合培养研究生，建立工程师实训基地，开展专业技术人才和高技能人才培训；完善绩效激励和职称评聘制度，建设期内集聚研发人员二百人以上。",
  "跟踪国际传感器技术发展动态，与欧洲和亚洲的知名研究机构开展联合研发和人员交流，通过技术引进、专利交叉许可等方式提升共性技术水平；支持联盟企业在海外设立研发机构，拓展国际市场。",
};

G_STATIC_ASSERT (G_N_ELEMENTS (task_plans) == 8);

typedef struct {
  const char        *name;
  IcwAttachmentKind  kind;
  const char        *text;   /* the one line of its (fictional) page */
} SampleAttachment;

static const SampleAttachment attachments[] = {
  { "营业执照（山东齐鲁智感创新科技有限公司）.pdf", ICW_ATTACHMENT_KIND_LICENCE,
    "Sample business licence - fictional, for demonstration only" },
  { "验资报告.pdf", ICW_ATTACHMENT_KIND_CAPITAL,
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

static char *
indicators_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      json_builder_begin_object (builder);
      add_member (builder, "area", indicators[i].area);
      add_member (builder, "name", indicators[i].name);
      add_member (builder, "unit", indicators[i].unit);
      json_builder_set_member_name (builder, "baseline_value");
      if (indicators[i].baseline == (gint64) indicators[i].baseline)
        json_builder_add_int_value (builder, (gint64) indicators[i].baseline);
      else
        json_builder_add_double_value (builder, indicators[i].baseline);
      json_builder_set_member_name (builder, "years");
      json_builder_begin_array (builder);
      for (guint y = 0; y < G_N_ELEMENTS (indicators[i].targets); y++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, SAMPLE_FIRST_YEAR + y);
          json_builder_set_member_name (builder, "target");
          if (indicators[i].targets[y] == (gint64) indicators[i].targets[y])
            json_builder_add_int_value (builder, (gint64) indicators[i].targets[y]);
          else
            json_builder_add_double_value (builder, indicators[i].targets[y]);
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

static void
set_call (IcwApplication *application)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) deadline = g_date_time_add_days (now, DEADLINE_IN_DAYS);
  g_autofree char *deadline_text = g_date_time_format (deadline, "%Y-%m-%d");
  g_autofree char *call = g_strdup_printf ("关于组织开展%d年度省级制造业创新中心认定工作的通知",
                                           g_date_time_get_year (deadline));

  icw_application_set_title (application, "齐鲁智能传感器制造业创新中心建设方案");
  icw_application_set_call_name (application, call);
  icw_application_set_call_issuer (application, "山东省工业和信息化厅");
  icw_application_set_call_deadline (application, deadline_text);
}

static void
set_sections (IcwApplication *application)
{
  g_autofree char *roadmap_text = roadmap_json ();
  g_autofree char *capabilities_text = capabilities_json ();
  g_autofree char *indicators_text = indicators_json ();
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
  /* The 基本情况表's own figures: the planned total investment (万元 3.5亿) and the contact. */
  g_object_set (application, "total-investment-fen", (gint64) 35000 * 1000000, "contact-name", "刘晓明",
                "contact-phone", "0531-88016688", NULL);
  icw_application_set_tasks (application, tasks_text);
}

IcwApplication *
icw_sample_save_application (IcwStore   *store,
                             IcwCenter  *center,
                             GError    **error)
{
  g_autoptr(IcwApplication) application = icw_application_new ();

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (center)));
  icw_application_set_kind (application, ICW_APPLICATION_KIND_PROVINCIAL_RECOGNITION);
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
