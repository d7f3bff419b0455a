/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-types.h: forward declarations and the enumerations shared by the record types. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IcwStore IcwStore;
typedef struct _IcwRecord IcwRecord;
typedef struct _IcwOrganization IcwOrganization;
typedef struct _IcwCenter IcwCenter;
typedef struct _IcwShareholder IcwShareholder;
typedef struct _IcwAllianceMember IcwAllianceMember;
typedef struct _IcwPlatform IcwPlatform;
typedef struct _IcwApplication IcwApplication;
typedef struct _IcwAttachment IcwAttachment;
typedef struct _IcwIpAgreement IcwIpAgreement;
typedef struct _IcwAgreementParty IcwAgreementParty;
typedef struct _IcwFundingRequest IcwFundingRequest;
typedef struct _IcwBudgetLine IcwBudgetLine;
typedef struct _IcwReport IcwReport;

/* The record kinds, as named in the database, the outbox and the dossier. */
typedef enum {
  ICW_RECORD_KIND_ORGANIZATION,
  ICW_RECORD_KIND_CENTER,
  ICW_RECORD_KIND_SHAREHOLDER,
  ICW_RECORD_KIND_ALLIANCE_MEMBER,
  ICW_RECORD_KIND_PLATFORM,
  ICW_RECORD_KIND_APPLICATION,
  ICW_RECORD_KIND_ATTACHMENT,
  ICW_RECORD_KIND_IP_AGREEMENT,
  ICW_RECORD_KIND_AGREEMENT_PARTY,
  ICW_RECORD_KIND_FUNDING_REQUEST,
  ICW_RECORD_KIND_BUDGET_LINE,
  ICW_RECORD_KIND_REPORT,
  ICW_N_RECORD_KINDS
} IcwRecordKind;

typedef enum {
  ICW_ORG_KIND_ENTERPRISE,
  ICW_ORG_KIND_UNIVERSITY,
  ICW_ORG_KIND_INSTITUTE,
  ICW_ORG_KIND_INDUSTRIAL_PARK,
  ICW_ORG_KIND_FINANCE,
  ICW_ORG_KIND_ASSOCIATION,
  ICW_ORG_KIND_OTHER,
  ICW_N_ORG_KINDS
} IcwOrgKind;

typedef enum {
  ICW_CENTER_LEVEL_PROVINCIAL,
  ICW_CENTER_LEVEL_NATIONAL,
  ICW_CENTER_LEVEL_NATIONAL_LOCAL,
  ICW_N_CENTER_LEVELS
} IcwCenterLevel;

typedef enum {
  ICW_CENTER_STATUS_PLANNING,
  ICW_CENTER_STATUS_BUILDING,
  ICW_CENTER_STATUS_RECOGNIZED,
  ICW_CENTER_STATUS_SUSPENDED,
  ICW_N_CENTER_STATUSES
} IcwCenterStatus;

typedef enum {
  ICW_CONTRIBUTION_MONEY,
  ICW_CONTRIBUTION_IN_KIND,
  ICW_CONTRIBUTION_IP,
  ICW_N_CONTRIBUTIONS
} IcwContribution;

typedef enum {
  ICW_MEMBER_ROLE_LEAD,
  ICW_MEMBER_ROLE_CORE,
  ICW_MEMBER_ROLE_ORDINARY,
  ICW_N_MEMBER_ROLES
} IcwMemberRole;

typedef enum {
  ICW_PLATFORM_KEY_LAB,
  ICW_PLATFORM_ENGINEERING_LAB,
  ICW_PLATFORM_ENGINEERING_TECH_CENTER,
  ICW_PLATFORM_ENGINEERING_RESEARCH_CENTER,
  ICW_PLATFORM_ENTERPRISE_TECH_CENTER,
  ICW_N_PLATFORM_KINDS
} IcwPlatformKind;

/* The stage a center application answers, as provinces run them (policy audit 1.4): the
 * cultivation application (培育申报), the acceptance and recognition against the 任务书
 * (验收认定), the upgrade of a provincial center to national (升级) and the national-local
 * co-construction (国家地方共建). There is no direct national recognition. */
typedef enum {
  ICW_APPLICATION_KIND_CULTIVATION,
  ICW_APPLICATION_KIND_ACCEPTANCE,
  ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL,
  ICW_APPLICATION_KIND_NATIONAL_LOCAL,
  ICW_N_APPLICATION_KINDS
} IcwApplicationKind;

/* The life cycle of an application: draft → ready → submitted → returned or accepted. */
typedef enum {
  ICW_APPLICATION_STATUS_DRAFT,
  ICW_APPLICATION_STATUS_READY,
  ICW_APPLICATION_STATUS_SUBMITTED,
  ICW_APPLICATION_STATUS_RETURNED,
  ICW_APPLICATION_STATUS_ACCEPTED,
  ICW_N_APPLICATION_STATUSES
} IcwApplicationStatus;

/* Supporting documents (证明材料) attached to an application. */
typedef enum {
  ICW_ATTACHMENT_KIND_LICENCE,
  ICW_ATTACHMENT_KIND_CAPITAL,
  ICW_ATTACHMENT_KIND_PLATFORM_CERTIFICATE,
  ICW_ATTACHMENT_KIND_COMMITMENT,
  ICW_ATTACHMENT_KIND_OTHER,
  ICW_ATTACHMENT_KIND_AUDIT,     /* a report's financial audit (财务审计报告) */
  ICW_N_ATTACHMENT_KINDS
} IcwAttachmentKind;

/* Who owns the results (成果归属) of an IP-sharing agreement, as the Lambert Toolkit's models do:
 * the party that creates them, the center company, or the parties jointly in stated shares. */
typedef enum {
  ICW_IP_OWNERSHIP_CREATOR,
  ICW_IP_OWNERSHIP_CENTER_COMPANY,
  ICW_IP_OWNERSHIP_JOINT,
  ICW_N_IP_OWNERSHIPS
} IcwIpOwnership;

/* On what terms the other parties may use results: free of charge, on fair and reasonable terms,
 * or (for exploitation only) with an option on an exclusive licence. */
typedef enum {
  ICW_ACCESS_ROYALTY_FREE,
  ICW_ACCESS_FAIR_REASONABLE,
  ICW_ACCESS_EXCLUSIVE_OPTION,
  ICW_N_ACCESS_TERMS
} IcwAccessTerms;

/* Who bears the costs of filing and maintaining patents on the results. */
typedef enum {
  ICW_PATENT_COSTS_EACH_OWNER,
  ICW_PATENT_COSTS_REVENUE_SHARES,
  ICW_PATENT_COSTS_CENTER_COMPANY,
  ICW_PATENT_COSTS_NAMED_PARTY,
  ICW_N_PATENT_COSTS
} IcwPatentCosts;

/* What happens to a party that leaves (退出) before the agreement ends. */
typedef enum {
  ICW_EXIT_KEEP_RIGHTS,
  ICW_EXIT_REDISTRIBUTE,
  ICW_EXIT_BUY_OUT,
  ICW_N_EXIT_TERMS
} IcwExitTerms;

typedef enum {
  ICW_DISPUTE_ARBITRATION,
  ICW_DISPUTE_COURT,
  ICW_N_DISPUTE_RESOLUTIONS
} IcwDisputeResolution;

/* The kinds of background IP (背景知识产权) a party lists. */
typedef enum {
  ICW_BACKGROUND_IP_PATENT,
  ICW_BACKGROUND_IP_SOFTWARE,
  ICW_BACKGROUND_IP_KNOW_HOW,
  ICW_N_BACKGROUND_IP_KINDS
} IcwBackgroundIpKind;
/* Where the money of a funding request (资金申请) comes from. Central and local fiscal funds are
 * the fiscal sources; the others are self-raised (自筹). */
typedef enum {
  ICW_FUNDING_SOURCE_CENTRAL_FISCAL,
  ICW_FUNDING_SOURCE_LOCAL_FISCAL,
  ICW_FUNDING_SOURCE_SHAREHOLDER_CAPITAL,
  ICW_FUNDING_SOURCE_INDUSTRY_FUND,
  ICW_FUNDING_SOURCE_BANK_LOAN,
  ICW_FUNDING_SOURCE_OWN_REVENUE,
  ICW_N_FUNDING_SOURCES
} IcwFundingSource;

/* The two groups of budget categories: direct costs (直接费用) and indirect costs (间接费用). */
typedef enum {
  ICW_BUDGET_GROUP_DIRECT,
  ICW_BUDGET_GROUP_INDIRECT,
  ICW_N_BUDGET_GROUPS
} IcwBudgetGroup;

/* An organization's form in law (its 类型 on the business licence). Partnerships and sole
 * proprietorships are not legal persons (非法人组织, 民法典 art. 102): a 有限合伙 fund is not a
 * 法人单位 among a center's investors. */
typedef enum {
  ICW_ENTERPRISE_TYPE_UNSPECIFIED,
  ICW_ENTERPRISE_TYPE_LIMITED_LIABILITY,
  ICW_ENTERPRISE_TYPE_JOINT_STOCK,
  ICW_ENTERPRISE_TYPE_LIMITED_PARTNERSHIP,
  ICW_ENTERPRISE_TYPE_GENERAL_PARTNERSHIP,
  ICW_ENTERPRISE_TYPE_SOLE_PROPRIETORSHIP,
  ICW_ENTERPRISE_TYPE_PUBLIC_INSTITUTION,
  ICW_ENTERPRISE_TYPE_OTHER,
  ICW_N_ENTERPRISE_TYPES
} IcwEnterpriseType;

/* What a center files after recognition (37号 art. 2): the yearly assessment (年度考核) or, every
 * third year, the periodic evaluation (定期评估, with its 自评估报告) instead. */
typedef enum {
  ICW_REPORT_KIND_ANNUAL_ASSESSMENT,
  ICW_REPORT_KIND_EVALUATION,
  ICW_N_REPORT_KINDS
} IcwReportKind;

/* The grade a reviewer records for a report (37号: 优秀、良好、合格、不合格); none until then. */
typedef enum {
  ICW_REPORT_GRADE_NONE,
  ICW_REPORT_GRADE_EXCELLENT,
  ICW_REPORT_GRADE_GOOD,
  ICW_REPORT_GRADE_PASS,
  ICW_REPORT_GRADE_FAIL,
  ICW_N_REPORT_GRADES
} IcwReportGrade;

/* Shares and percentages are integer basis points: 10000 is 100%. */
#define ICW_BASIS_POINTS_WHOLE 10000

G_END_DECLS
