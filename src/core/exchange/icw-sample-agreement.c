/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sample-agreement.c: the sample center's IP-sharing agreement: three members of its alliance
 * (the lead firm, the university and the research institute) who share revenue equally
 * (33.34%/33.33%/33.33%), with their background IP, three expected results and every term filled,
 * all signed and sealed. It passes every rule of the ip-agreement-273 pack. Fictional, in Chinese. */
#include "config.h"

#include "icw-agreement-party.h"
#include "icw-agreement-guide.h"
#include "icw-ip-agreement.h"
#include "icw-organization.h"
#include "icw-sample.h"
#include "icw-shares.h"

#define WAN(x) ((gint64) (x) * 1000000)

typedef struct {
  const char *name;
  gint64      contribution_fen;
  const char *signatory;
  const char *background_ip;
} SampleParty;

static const SampleParty parties[] = {
  { "青岛泓海海洋工程装备股份有限公司", WAN (600), "韩振东",
    "[{\"kind\": \"patent\", \"number\": \"202110123456.7\", \"title\": \"一种深水水下连接器金属密封结构及其安装方法\", \"owner\": \"青岛泓海海洋工程装备股份有限公司\"},"
    " {\"kind\": \"patent\", \"number\": \"CN112345678B\", \"title\": \"水下采油树阀门液压驱动装置\", \"owner\": \"青岛泓海海洋工程装备股份有限公司\"}]" },
  { "黄海理工大学", WAN (200), "李文博",
    "[{\"kind\": \"software\", \"number\": \"2022SR0456789\", \"title\": \"海洋平台结构疲劳评估软件V2.0\", \"owner\": \"黄海理工大学\"},"
    " {\"kind\": \"patent\", \"number\": \"202310587342.7\", \"title\": \"一种系泊缆张力在线监测方法\", \"owner\": \"黄海理工大学\"}]" },
  { "齐鲁深海技术研究院", WAN (200), "陈思源",
    "[{\"kind\": \"know-how\", \"number\": \"\", \"title\": \"深水装备压力试验工艺参数体系\", \"owner\": \"齐鲁深海技术研究院\"}]" },
};

static char *
org_id (IcwStore    *store,
        const char  *name,
        GError     **error)
{
  g_autoptr(IcwRecord) org = icw_store_find_by_name (store, ICW_RECORD_KIND_ORGANIZATION, name, error);

  return org != NULL ? g_strdup (icw_record_get_id (org)) : NULL;
}

static char *
results_json (char **ids)
{
  return g_strdup_printf ("[{\"title\": \"1500米级水下采油树连接器\", \"description\": \"工作水深1500米，额定压力69MPa\","
                          "  \"ownership\": \"joint\", \"owners\": ["
                          "    {\"organization_id\": \"%s\", \"share_bp\": 5000},"
                          "    {\"organization_id\": \"%s\", \"share_bp\": 3000},"
                          "    {\"organization_id\": \"%s\", \"share_bp\": 2000}]},"
                          " {\"title\": \"深水装备全工况压力试验方法\", \"ownership\": \"creator\", \"creator_id\": \"%s\"},"
                          " {\"title\": \"海洋结构物健康监测数据规范（团体标准草案）\", \"ownership\": \"center-company\"}]",
                          ids[0], ids[1], ids[2], ids[2]);
}

static IcwIpAgreement *
new_agreement (IcwCenter *center,
               char     **ids)
{
  IcwIpAgreement *agreement = icw_ip_agreement_new ();
  IcwGuideAnswers answers = { ICW_GUIDE_IDEA_SEVERAL, ICW_GUIDE_FUNDS_SHARED, ICW_GUIDE_EXPLOIT_EACH, FALSE, FALSE };
  g_autofree char *guide = icw_guide_answers_to_json (&answers);
  g_autofree char *results = results_json (ids);

  icw_ip_agreement_set_center_id (agreement, icw_record_get_id (ICW_RECORD (center)));
  icw_ip_agreement_set_title (agreement, "齐鲁海洋工程装备制造业创新中心成员知识产权协同共享协议");
  icw_ip_agreement_set_effective_date (agreement, "2024-12-20");
  icw_ip_agreement_set_ownership (agreement, ICW_IP_OWNERSHIP_JOINT);
  icw_ip_agreement_set_project_access (agreement, ICW_ACCESS_ROYALTY_FREE);
  icw_ip_agreement_set_exploitation_access (agreement, ICW_ACCESS_FAIR_REASONABLE);
  icw_ip_agreement_set_patent_costs (agreement, ICW_PATENT_COSTS_REVENUE_SHARES);
  icw_ip_agreement_set_publication_review_days (agreement, 30);
  icw_ip_agreement_set_exit_terms (agreement, ICW_EXIT_KEEP_RIGHTS);
  icw_ip_agreement_set_exit_rules (agreement, "退出方应提前90日书面通知其他各方，并完成其承担的在研任务交接。");
  icw_ip_agreement_set_confidentiality_years (agreement, 5);
  icw_ip_agreement_set_term_start (agreement, "2025-01-01");
  icw_ip_agreement_set_term_years (agreement, 5);
  icw_ip_agreement_set_dispute_resolution (agreement, ICW_DISPUTE_ARBITRATION);
  icw_ip_agreement_set_dispute_body (agreement, "青岛仲裁委员会");
  icw_ip_agreement_set_results (agreement, results);
  icw_ip_agreement_set_special_clauses (agreement, "各方同意由创新中心公司统一办理成果的专利申请事务，费用按本协议约定分担。");
  icw_ip_agreement_set_guide_answers (agreement, guide);
  return agreement;
}

IcwIpAgreement *
icw_sample_save_agreement (IcwStore   *store,
                           IcwCenter  *center,
                           GError    **error)
{
  g_autoptr(IcwIpAgreement) agreement = NULL;
  char *ids[G_N_ELEMENTS (parties) + 1] = { NULL, };
  gint64 shares[G_N_ELEMENTS (parties)];
  gboolean ok = icw_shares_split_equally (G_N_ELEMENTS (parties), shares, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (parties); i++)
    ok = (ids[i] = org_id (store, parties[i].name, error)) != NULL;
  if (ok)
    {
      agreement = new_agreement (center, ids);
      ok = icw_store_save (store, ICW_RECORD (agreement), error);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (parties); i++)
    {
      g_autoptr(IcwAgreementParty) party = icw_agreement_party_new ();

      icw_agreement_party_set_agreement_id (party, icw_record_get_id (ICW_RECORD (agreement)));
      icw_agreement_party_set_organization_id (party, ids[i]);
      icw_agreement_party_set_share_bp (party, shares[i]);
      icw_agreement_party_set_contribution_fen (party, parties[i].contribution_fen);
      icw_agreement_party_set_signatory (party, parties[i].signatory);
      icw_agreement_party_set_signed (party, TRUE);
      icw_agreement_party_set_signed_date (party, "2024-12-18");
      icw_agreement_party_set_sealed (party, TRUE);
      icw_agreement_party_set_sealed_date (party, "2024-12-18");
      icw_agreement_party_set_background_ip (party, parties[i].background_ip);
      ok = icw_store_save (store, ICW_RECORD (party), error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parties); i++)
    g_free (ids[i]);
  return ok ? g_steal_pointer (&agreement) : NULL;
}
