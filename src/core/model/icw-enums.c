/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-enums.c: keys and labels of the enumerations. A value is read back from its key, its English
 * label, or its Chinese name (as people type them in CSV files), whatever the current locale. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-enums.h"

typedef struct {
  const char *key;
  const char *label;     /* English, marked for translation */
  const char *chinese;   /* the official Chinese term, accepted on input in any locale */
} EnumEntry;

static const EnumEntry org_kinds[] = {
  { "enterprise", N_("Enterprise"), "企业" },
  { "university", N_("University"), "高校" },
  { "institute", N_("Research institute"), "科研院所" },
  { "industrial-park", N_("Industrial park"), "产业园区" },
  { "finance", N_("Investment or finance body"), "投资金融机构" },
  { "association", N_("Industry association"), "行业组织" },
  { "other", N_("Other"), "其他" },
};

static const EnumEntry center_levels[] = {
  { "provincial", N_("Provincial"), "省级" },
  { "national", N_("National"), "国家" },
  { "national-local", N_("National-local co-built"), "国家地方共建" },
};

static const EnumEntry center_statuses[] = {
  { "planning", N_("Planning"), "筹建" },
  { "building", N_("Under construction"), "建设中" },
  { "recognized", N_("Recognized"), "已认定" },
  { "suspended", N_("Suspended"), "暂停" },
};

static const EnumEntry contributions[] = {
  { "money", N_("Money"), "货币" },
  { "in-kind", N_("In kind"), "实物" },
  { "ip", N_("Intellectual property"), "知识产权" },
};

static const EnumEntry member_roles[] = {
  { "lead", N_("Lead"), "牵头单位" },
  { "core", N_("Core member"), "核心成员" },
  { "ordinary", N_("Ordinary member"), "一般成员" },
};

/* "user" (用户企业) was a membership role until issue 15; a user enterprise is now a kind of firm,
 * the organization's flag (user_enterprise). Where an old member's role is read (the database's
 * migration, a dossier's import, a pulled record) the organization gets the flag and the member
 * the role ordinary; the sync server refuses a pushed one (docs/formats.md, "Member roles"). */
static const char * const member_role_user_names[] = { "user", "User enterprise", "用户企业" };

static const EnumEntry platform_kinds[] = {
  { "key-lab", N_("State key laboratory"), "国家重点实验室" },
  { "engineering-lab", N_("National engineering laboratory"), "国家工程实验室" },
  { "engineering-tech-center", N_("National engineering technology research center"), "国家工程技术研究中心" },
  { "engineering-research-center", N_("National engineering research center"), "国家工程研究中心" },
  { "enterprise-tech-center", N_("National enterprise technology center"), "国家企业技术中心" },
};

static const EnumEntry application_kinds[] = {
  { "cultivation", N_("Cultivation application"), "培育申报" },
  { "acceptance", N_("Acceptance and recognition"), "验收认定" },
  { "upgrade-to-national", N_("Upgrade to a national center"), "升级" },
  { "national-local", N_("National-local co-construction"), "国家地方共建" },
};

/* The kinds before the stages (schema 16 and dossiers of that time), read as the stage they
 * were: a "provincial recognition" made from a forward-looking plan is, in the provinces' terms,
 * a cultivation application (policy audit 1.4), and no policy has a direct national recognition:
 * the route to a national center from a province is the upgrade (64号). Migration 17 maps the
 * stored ones the same way (docs/formats.md). */
static const struct { const char *text; IcwApplicationKind kind; } application_kind_aliases[] = {
  { "provincial-recognition", ICW_APPLICATION_KIND_CULTIVATION },
  { "Provincial recognition", ICW_APPLICATION_KIND_CULTIVATION },
  { "省级认定", ICW_APPLICATION_KIND_CULTIVATION },
  { "national-recognition", ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL },
  { "National recognition", ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL },
  { "国家级认定", ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL },
  { "Upgrade to national", ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL },
  { "升级为国家级", ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL },
};

static const char * const application_kind_legacy_keys[] = {
  "provincial-recognition", "national-recognition", NULL
};

static const EnumEntry application_statuses[] = {
  { "draft", N_("Draft"), "草稿" },
  { "ready", N_("Ready to submit"), "待提交" },
  { "submitted", N_("Submitted"), "已提交" },
  { "returned", N_("Returned"), "退回" },
  { "accepted", N_("Accepted"), "通过" },
};

static const EnumEntry attachment_kinds[] = {
  { "licence", N_("Business licence"), "营业执照" },
  { "capital", N_("Capital verification report"), "验资报告" },
  { "platform-certificate", N_("Platform certificate"), "平台证书" },
  { "commitment", N_("Commitment letter"), "承诺书" },
  { "other", N_("Other document"), "其他" },
  { "audit", N_("Financial audit report"), "财务审计报告" },
};

static const EnumEntry ip_ownerships[] = {
  { "creator", N_("Owned by the party that creates it"), "创造方所有" },
  { "center-company", N_("Owned by the center company"), "创新中心公司所有" },
  { "joint", N_("Jointly owned in stated shares"), "按约定份额共有" },
};

static const EnumEntry access_terms[] = {
  { "royalty-free", N_("Royalty-free"), "免费许可" },
  { "fair-reasonable", N_("Fair and reasonable terms"), "公平合理条件" },
  { "exclusive-option", N_("Option on an exclusive licence"), "独占许可选择权" },
};

static const EnumEntry patent_costs[] = {
  { "each-owner", N_("Each owner bears the costs of its own patents"), "各权利人自行承担" },
  { "revenue-shares", N_("Shared in proportion to revenue shares"), "按收益分配比例分担" },
  { "center-company", N_("The center company bears them"), "创新中心公司承担" },
  { "named-party", N_("A named party bears them"), "指定一方承担" },
};

static const EnumEntry exit_terms[] = {
  { "keep-rights", N_("A leaving party keeps its rights in earlier results"), "退出方保留已有成果权益" },
  { "redistribute", N_("Its revenue share passes to the remaining parties"), "退出方收益份额由其余各方按比例承继" },
  { "buy-out", N_("The remaining parties may buy its rights out"), "其余各方有权收购退出方权益" },
};

static const EnumEntry dispute_resolutions[] = {
  { "arbitration", N_("Arbitration"), "仲裁" },
  { "court", N_("Court"), "诉讼" },
};

static const EnumEntry background_ip_kinds[] = {
  { "patent", N_("Patent"), "专利" },
  { "software", N_("Software copyright"), "软件著作权" },
  { "know-how", N_("Know-how"), "技术秘密" },
};

static const EnumEntry funding_sources[] = {
  { "central-fiscal", N_("Central fiscal funds"), "中央财政" },
  { "local-fiscal", N_("Local fiscal funds"), "地方财政" },
  { "shareholder-capital", N_("Shareholder capital"), "股东出资" },
  { "industry-fund", N_("Industry investment fund"), "产业基金" },
  { "bank-loan", N_("Bank loan"), "银行贷款" },
  { "own-revenue", N_("Own revenue"), "自有收入" },
};

static const EnumEntry budget_groups[] = {
  { "direct", N_("Direct costs"), "直接费用" },
  { "indirect", N_("Indirect costs"), "间接费用" },
};

static const EnumEntry enterprise_types[] = {
  { "unspecified", N_("Not stated"), "未填写" },
  { "limited-liability", N_("Limited liability company"), "有限责任公司" },
  { "joint-stock", N_("Joint-stock company"), "股份有限公司" },
  { "limited-partnership", N_("Limited partnership"), "有限合伙企业" },
  { "general-partnership", N_("General partnership"), "普通合伙企业" },
  { "sole-proprietorship", N_("Sole proprietorship"), "个人独资企业" },
  { "public-institution", N_("Public institution"), "事业单位" },
  { "other", N_("Other legal form"), "其他组织形式" },
};

static const EnumEntry report_kinds[] = {
  { "annual-assessment", N_("Annual assessment"), "年度考核" },
  { "evaluation", N_("Periodic evaluation"), "定期评估" },
};

static const EnumEntry report_grades[] = {
  { "none", N_("Not graded"), "未评定" },
  { "excellent", N_("Excellent"), "优秀" },
  { "good", N_("Good"), "良好" },
  { "pass", N_("Pass"), "合格" },
  { "fail", N_("Fail"), "不合格" },
};

static const char *record_kinds[] = {
  "organization", "center", "shareholder", "alliance-member", "platform", "application", "attachment",
  "ip-agreement", "agreement-party",
  "funding-request", "budget-line", "report",
};

G_STATIC_ASSERT (G_N_ELEMENTS (org_kinds) == ICW_N_ORG_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (center_levels) == ICW_N_CENTER_LEVELS);
G_STATIC_ASSERT (G_N_ELEMENTS (center_statuses) == ICW_N_CENTER_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (contributions) == ICW_N_CONTRIBUTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (member_roles) == ICW_N_MEMBER_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (platform_kinds) == ICW_N_PLATFORM_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (application_kinds) == ICW_N_APPLICATION_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (application_statuses) == ICW_N_APPLICATION_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (attachment_kinds) == ICW_N_ATTACHMENT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (ip_ownerships) == ICW_N_IP_OWNERSHIPS);
G_STATIC_ASSERT (G_N_ELEMENTS (access_terms) == ICW_N_ACCESS_TERMS);
G_STATIC_ASSERT (G_N_ELEMENTS (patent_costs) == ICW_N_PATENT_COSTS);
G_STATIC_ASSERT (G_N_ELEMENTS (exit_terms) == ICW_N_EXIT_TERMS);
G_STATIC_ASSERT (G_N_ELEMENTS (dispute_resolutions) == ICW_N_DISPUTE_RESOLUTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (background_ip_kinds) == ICW_N_BACKGROUND_IP_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (funding_sources) == ICW_N_FUNDING_SOURCES);
G_STATIC_ASSERT (G_N_ELEMENTS (budget_groups) == ICW_N_BUDGET_GROUPS);
G_STATIC_ASSERT (G_N_ELEMENTS (enterprise_types) == ICW_N_ENTERPRISE_TYPES);
G_STATIC_ASSERT (G_N_ELEMENTS (report_kinds) == ICW_N_REPORT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (report_grades) == ICW_N_REPORT_GRADES);
G_STATIC_ASSERT (G_N_ELEMENTS (record_kinds) == ICW_N_RECORD_KINDS);

static gboolean
lookup (const EnumEntry *table,
        guint            n,
        const char      *text,
        guint           *out)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));

  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (stripped, table[i].key) == 0 ||
        g_ascii_strcasecmp (stripped, table[i].label) == 0 ||
        strcmp (stripped, table[i].chinese) == 0 ||
        strcmp (stripped, g_dgettext (GETTEXT_PACKAGE, table[i].label)) == 0)
      {
        *out = i;
        return TRUE;
      }

  return FALSE;
}

#define DEFINE_ENUM_FUNCS(prefix, Type, table)                                  \
  const char *prefix##_to_key (Type v)                                          \
  {                                                                             \
    g_return_val_if_fail ((guint) v < G_N_ELEMENTS (table), NULL);              \
    return table[v].key;                                                        \
  }                                                                             \
  const char *prefix##_to_label (Type v)                                        \
  {                                                                             \
    g_return_val_if_fail ((guint) v < G_N_ELEMENTS (table), NULL);              \
    return g_dgettext (GETTEXT_PACKAGE, table[v].label);                        \
  }                                                                             \
  gboolean prefix##_from_string (const char *text, Type *out)                   \
  {                                                                             \
    guint v;                                                                    \
    if (!lookup (table, G_N_ELEMENTS (table), text, &v))                        \
      return FALSE;                                                             \
    *out = (Type) v;                                                            \
    return TRUE;                                                                \
  }

DEFINE_ENUM_FUNCS (icw_org_kind, IcwOrgKind, org_kinds)
DEFINE_ENUM_FUNCS (icw_center_level, IcwCenterLevel, center_levels)
DEFINE_ENUM_FUNCS (icw_center_status, IcwCenterStatus, center_statuses)
DEFINE_ENUM_FUNCS (icw_contribution, IcwContribution, contributions)
DEFINE_ENUM_FUNCS (icw_member_role, IcwMemberRole, member_roles)
DEFINE_ENUM_FUNCS (icw_platform_kind, IcwPlatformKind, platform_kinds)
/* The current kinds only (declared static: the definitions below keep internal linkage). */
static const char *icw_application_kind_current_to_key (IcwApplicationKind v);
static const char *icw_application_kind_current_to_label (IcwApplicationKind v);
static gboolean icw_application_kind_current_from_string (const char *text, IcwApplicationKind *out);
DEFINE_ENUM_FUNCS (icw_application_kind_current, IcwApplicationKind, application_kinds)

const char *
icw_application_kind_to_key (IcwApplicationKind kind)
{
  return icw_application_kind_current_to_key (kind);
}

const char *
icw_application_kind_to_label (IcwApplicationKind kind)
{
  return icw_application_kind_current_to_label (kind);
}

/* A kind by its key, label or Chinese name, or by a name it had before the stages. */
gboolean
icw_application_kind_from_string (const char         *text,
                                  IcwApplicationKind *out)
{
  g_autofree char *stripped = NULL;

  if (icw_application_kind_current_from_string (text, out))
    return TRUE;
  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (application_kind_aliases); i++)
    if (g_ascii_strcasecmp (stripped, application_kind_aliases[i].text) == 0)
      {
        *out = application_kind_aliases[i].kind;
        return TRUE;
      }
  return FALSE;
}

gboolean
icw_member_role_is_legacy_user (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (member_role_user_names); i++)
    if (g_ascii_strcasecmp (stripped, member_role_user_names[i]) == 0 ||
        strcmp (stripped, g_dgettext (GETTEXT_PACKAGE, member_role_user_names[i])) == 0)
      return TRUE;
  return FALSE;
}

/* The keys of earlier versions that are still read (a dossier's schema accepts them). */
const char * const *
icw_application_kind_legacy_keys (void)
{
  return application_kind_legacy_keys;
}
DEFINE_ENUM_FUNCS (icw_application_status, IcwApplicationStatus, application_statuses)
DEFINE_ENUM_FUNCS (icw_attachment_kind, IcwAttachmentKind, attachment_kinds)
DEFINE_ENUM_FUNCS (icw_ip_ownership, IcwIpOwnership, ip_ownerships)
DEFINE_ENUM_FUNCS (icw_access_terms, IcwAccessTerms, access_terms)
DEFINE_ENUM_FUNCS (icw_patent_costs, IcwPatentCosts, patent_costs)
DEFINE_ENUM_FUNCS (icw_exit_terms, IcwExitTerms, exit_terms)
DEFINE_ENUM_FUNCS (icw_dispute_resolution, IcwDisputeResolution, dispute_resolutions)
DEFINE_ENUM_FUNCS (icw_background_ip_kind, IcwBackgroundIpKind, background_ip_kinds)
DEFINE_ENUM_FUNCS (icw_funding_source, IcwFundingSource, funding_sources)
DEFINE_ENUM_FUNCS (icw_budget_group, IcwBudgetGroup, budget_groups)
DEFINE_ENUM_FUNCS (icw_enterprise_type, IcwEnterpriseType, enterprise_types)
DEFINE_ENUM_FUNCS (icw_report_kind, IcwReportKind, report_kinds)
DEFINE_ENUM_FUNCS (icw_report_grade, IcwReportGrade, report_grades)

/* Fiscal funds (财政资金) against the self-raised rest (自筹资金), for the matching ratio. */
gboolean
icw_funding_source_is_fiscal (IcwFundingSource source)
{
  return source == ICW_FUNDING_SOURCE_CENTRAL_FISCAL || source == ICW_FUNDING_SOURCE_LOCAL_FISCAL;
}

const char *
icw_record_kind_to_key (IcwRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < ICW_N_RECORD_KINDS, NULL);
  return record_kinds[kind];
}

gboolean
icw_enterprise_type_is_legal_person (IcwEnterpriseType type)
{
  return type != ICW_ENTERPRISE_TYPE_LIMITED_PARTNERSHIP && type != ICW_ENTERPRISE_TYPE_GENERAL_PARTNERSHIP &&
         type != ICW_ENTERPRISE_TYPE_SOLE_PROPRIETORSHIP;
}
