/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agreements.c: IP-sharing agreements (icw-ip-agreement.c, icw-store-agreements.c,
 * icw-shares.c, icw-agreement-guide.c, icw-agreement-text.c, icw-rule-kinds-agreement.c) on a real
 * SQLite store with the sample center: share arithmetic without floating point, store validation,
 * membership, joint results, the generated text in both languages, the life cycle and the guide. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-test-util.h"

#include "icw-agreement-guide.h"
#include "icw-agreement-party.h"
#include "icw-agreement-text.h"
#include "icw-alliance-member.h"
#include "icw-error.h"
#include "icw-finding.h"
#include "icw-shareholder.h"
#include "icw-ip-agreement-check.h"
#include "icw-ip-agreement-parts.h"
#include "icw-lifecycle.h"
#include "icw-money.h"
#include "icw-rule-pack.h"
#include "icw-sample.h"
#include "icw-shares.h"

typedef struct {
  char           *dir;
  char           *path;
  IcwStore       *store;
  IcwCenter      *center;
  IcwIpAgreement *sample;
  GPtrArray      *packs;
  GDateTime      *today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;

  f->dir = icw_test_make_tmp_dir ("test-agreements-XXXXXX", &f->path);
  f->store = icw_test_open_store (f->path);
  f->center = icw_sample_load (f->store, &error);
  g_assert_no_error (error);
  agreements = icw_store_list (f->store, ICW_RECORD_KIND_IP_AGREEMENT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 1);
  f->sample = g_list_model_get_item (agreements, 0);
  f->packs = icw_rule_packs_load_all (NULL);
  f->today = g_date_time_new_utc (2025, 3, 1, 12, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->today, g_date_time_unref);
  g_clear_pointer (&f->packs, g_ptr_array_unref);
  g_clear_object (&f->sample);
  g_clear_object (&f->center);
  g_clear_object (&f->store);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static GPtrArray *
check (Fixture        *f,
       IcwIpAgreement *agreement)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = icw_ip_agreement_check (f->store, agreement, f->packs, f->today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

/* The finding of the rule, or NULL. */
static IcwFinding *
find_rule (GPtrArray  *findings,
           const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (icw_finding_get_rule (findings->pdata[i]), rule) == 0)
      return findings->pdata[i];
  return NULL;
}

static IcwAgreementParty *
party_at (Fixture *f,
          guint    index)
{
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (f->store, f->sample);

  g_assert_cmpuint (index, <, parties->len);
  return g_object_ref (parties->pdata[index]);
}

/* --- share arithmetic ------------------------------------------------------------------- */

static void
test_split_equally (void)
{
  g_autoptr(GError) error = NULL;
  gint64 shares[7];
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *total = NULL;

  g_assert_true (icw_shares_split_equally (3, shares, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shares[0], ==, 3334);
  g_assert_cmpint (shares[1], ==, 3333);
  g_assert_cmpint (shares[2], ==, 3333);
  a = icw_basis_points_format (shares[0]);
  b = icw_basis_points_format (shares[1]);
  c = icw_basis_points_format (shares[2]);
  total = icw_basis_points_format (icw_shares_total (shares, 3));
  g_assert_cmpstr (a, ==, "33.34%");
  g_assert_cmpstr (b, ==, "33.33%");
  g_assert_cmpstr (c, ==, "33.33%");
  g_assert_cmpstr (total, ==, "100.00%");
  g_assert_cmpint (icw_shares_remainder (shares, 3), ==, 0);

  g_assert_true (icw_shares_split_equally (7, shares, NULL));
  g_assert_cmpint (shares[0], ==, 1429);
  g_assert_cmpint (shares[6], ==, 1428);
  g_assert_cmpint (icw_shares_total (shares, 7), ==, 10000);

  g_assert_false (icw_shares_split_equally (0, NULL, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
}

static void
test_split_by_contribution (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 simple[] = { 600, 200, 200 };
  const gint64 thirds[] = { 1, 1, 1 };
  const gint64 uneven[] = { 1, 2, 4 };
  const gint64 large[] = { G_MAXINT64, G_MAXINT64 / 2, 1 };
  const gint64 zeros[] = { 0, 0 };
  const gint64 negative[] = { 5, -1 };
  gint64 out[3];

  g_assert_true (icw_shares_split_by_contribution (simple, 3, out, &error));
  g_assert_cmpint (out[0], ==, 6000);
  g_assert_cmpint (out[1], ==, 2000);
  g_assert_cmpint (out[2], ==, 2000);

  /* Equal contributions give the equal split: the earlier party gets the extra basis point. */
  g_assert_true (icw_shares_split_by_contribution (thirds, 3, out, NULL));
  g_assert_cmpint (out[0], ==, 3334);
  g_assert_cmpint (out[1], ==, 3333);
  g_assert_cmpint (out[2], ==, 3333);

  /* 1/7, 2/7, 4/7 of 10000 = 1428.57, 2857.14, 5714.28: the largest remainder (.57) gets it. */
  g_assert_true (icw_shares_split_by_contribution (uneven, 3, out, NULL));
  g_assert_cmpint (out[0], ==, 1429);
  g_assert_cmpint (out[1], ==, 2857);
  g_assert_cmpint (out[2], ==, 5714);

  /* Contributions whose sum and products overflow 64 bits are still split exactly. */
  g_assert_true (icw_shares_split_by_contribution (large, 3, out, NULL));
  g_assert_cmpint (out[0] + out[1] + out[2], ==, 10000);
  g_assert_cmpint (out[0], ==, 6667);
  g_assert_cmpint (out[1], ==, 3333);
  g_assert_cmpint (out[2], ==, 0);

  g_assert_false (icw_shares_split_by_contribution (zeros, 2, out, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (icw_shares_split_by_contribution (negative, 2, out, &error));
  icw_test_assert_message_contains (error, "2", "negative contribution of party 2");
}

static void
test_remainder (void)
{
  const gint64 shares[] = { 5000, 3000 };
  const gint64 over[] = { 6000, 6000 };

  g_assert_cmpint (icw_shares_remainder (shares, 2), ==, 2000);
  g_assert_cmpint (icw_shares_remainder (over, 2), ==, -2000);
  g_assert_cmpint (icw_shares_remainder (NULL, 0), ==, 10000);
}

/* --- the sample, the store ------------------------------------------------------------- */

static void
test_sample_passes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = check (f, f->sample);
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (f->store, f->sample);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", icw_finding_get_rule (findings->pdata[i]), icw_finding_get_message (findings->pdata[i]));
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpuint (parties->len, ==, 3);
  g_assert_cmpint (icw_agreement_party_get_share_bp (parties->pdata[0]), ==, 3334);
}

static void
test_store_validation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementParty) first = party_at (f, 0);
  g_autoptr(IcwAgreementParty) twice = icw_agreement_party_new ();
  g_autoptr(IcwOrganization) outsider = icw_test_save_organization (f->store, "局外科技有限公司", NULL);
  g_autoptr(IcwAgreementParty) stranger = icw_agreement_party_new ();
  g_autoptr(IcwIpAgreement) fresh = icw_ip_agreement_new ();

  /* The same organization twice. */
  icw_agreement_party_set_agreement_id (twice, icw_record_get_id (ICW_RECORD (f->sample)));
  icw_agreement_party_set_organization_id (twice, icw_agreement_party_get_organization_id (first));
  g_assert_false (icw_store_save (f->store, ICW_RECORD (twice), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A non-member is refused when added, and the message names it. */
  icw_agreement_party_set_agreement_id (stranger, icw_record_get_id (ICW_RECORD (f->sample)));
  icw_agreement_party_set_organization_id (stranger, icw_record_get_id (ICW_RECORD (outsider)));
  g_assert_false (icw_store_save (f->store, ICW_RECORD (stranger), &error));
  icw_test_assert_message_contains (error, "局外科技有限公司", "a non-member party");
  g_clear_error (&error);

  /* Shares, dates and JSON parts. */
  icw_agreement_party_set_share_bp (first, 10001);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (first), &error));
  icw_test_assert_message_contains (error, "Revenue share", "share above 100%");
  g_clear_error (&error);
  icw_agreement_party_set_share_bp (first, 3334);
  icw_agreement_party_set_signed_date (first, "2024/12/18");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (first), &error));
  icw_test_assert_message_contains (error, "Date signed", "a date with slashes");
  g_clear_error (&error);
  icw_agreement_party_set_signed_date (first, "2024-12-18");
  icw_agreement_party_set_background_ip (first, "[{\"kind\": \"trade-secret\"}]");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (first), &error));
  icw_test_assert_message_contains (error, "item 1", "an unknown kind of background IP");
  g_clear_error (&error);

  icw_ip_agreement_set_center_id (fresh, icw_record_get_id (ICW_RECORD (f->center)));
  icw_ip_agreement_set_results (fresh, "[{\"title\": \"x\", \"owners\": [{\"share_bp\": \"half\"}]}]");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (fresh), &error));
  icw_test_assert_message_contains (error, "share_bp", "a share as text");
  g_clear_error (&error);
  icw_ip_agreement_set_results (fresh, NULL);
  icw_ip_agreement_set_project_access (fresh, ICW_ACCESS_EXCLUSIVE_OPTION);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (fresh), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  icw_ip_agreement_set_project_access (fresh, ICW_ACCESS_ROYALTY_FREE);
  g_assert_true (icw_store_save (f->store, ICW_RECORD (fresh), &error));
  g_assert_no_error (error);
}

static void
test_delete_in_use (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementParty) first = party_at (f, 0);
  g_autoptr(IcwRecord) org = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION,
                                               icw_agreement_party_get_organization_id (first), NULL);

  g_assert_false (icw_store_delete (f->store, org, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IN_USE);
  icw_test_assert_message_contains (error, "IP agreement", "an organization that is a party");
  g_clear_error (&error);
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (f->center), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IN_USE);
}

/* --- membership, shares and results in the check ---------------------------------------- */

static void
test_member_removed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementParty) party = party_at (f, 1);
  g_autoptr(GListModel) members = icw_store_list (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER,
                                                  icw_record_get_id (ICW_RECORD (f->center)));
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *field = NULL;
  IcwFinding *finding;
  gboolean removed = FALSE;

  for (guint i = 0; !removed && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);

      if (g_strcmp0 (icw_alliance_member_get_organization_id (member),
                     icw_agreement_party_get_organization_id (party)) == 0)
        {
          g_assert_true (icw_store_delete (f->store, ICW_RECORD (member), &error));
          g_assert_no_error (error);
          removed = TRUE;
        }
    }
  g_assert_true (removed);

  /* Still a shareholder of the center's company: a member of the center in 273号's sense. */
  findings = check (f, f->sample);
  g_assert_null (find_rule (findings, "ip-party-member"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  {
    g_autoptr(GListModel) holders = icw_store_list (f->store, ICW_RECORD_KIND_SHAREHOLDER,
                                                    icw_record_get_id (ICW_RECORD (f->center)));

    for (guint i = 0; i < g_list_model_get_n_items (holders); i++)
      {
        g_autoptr(IcwShareholder) holder = g_list_model_get_item (holders, i);

        if (g_strcmp0 (icw_shareholder_get_organization_id (holder), icw_agreement_party_get_organization_id (party)) == 0)
          g_assert_true (icw_store_delete (f->store, ICW_RECORD (holder), &error));
      }
    g_assert_no_error (error);
  }

  findings = check (f, f->sample);
  finding = find_rule (findings, "ip-party-member");
  g_assert_nonnull (finding);
  g_assert_cmpint (icw_finding_get_severity (finding), ==, ICW_SEVERITY_ERROR);
  g_assert_nonnull (strstr (icw_finding_get_message (finding), "黄海理工大学"));
  g_assert_cmpstr (icw_finding_get_citation (finding), !=, NULL);
  field = g_strdup_printf ("parties/%s", icw_record_get_id (ICW_RECORD (party)));
  g_assert_cmpstr (icw_finding_get_field (finding), ==, field);

  /* The party stays editable (a signature can still be recorded), and cannot be marked ready. */
  icw_agreement_party_set_signatory (party, "李文博（校长）");
  g_assert_true (icw_store_save (f->store, ICW_RECORD (party), &error));
  g_assert_no_error (error);
  g_assert_false (icw_lifecycle_mark_ready (f->store, ICW_RECORD (f->sample), f->packs, f->today, &error));
  g_assert_nonnull (error);
}

/* The center's own company (依托公司) may be a party: results may belong to it (成果归创新中心公司所有),
 * although it is neither a shareholder of itself nor, in the sample, an alliance member. */
static void
test_host_company_party (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementParty) party = party_at (f, 1);
  g_autoptr(IcwAgreementParty) first = party_at (f, 0);
  g_autoptr(GPtrArray) findings = NULL;
  const char *host = icw_center_get_host_organization_id (f->center);
  IcwFinding *finding;

  g_assert_nonnull (host);
  icw_agreement_party_set_organization_id (party, host);
  if (!icw_store_save (f->store, ICW_RECORD (party), &error))
    g_error ("%s", error->message);
  g_assert_no_error (error);
  findings = check (f, f->sample);
  g_assert_null (find_rule (findings, "ip-party-member"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Once the center names another company, the same organization is an outsider. */
  icw_center_set_host_organization_id (f->center, icw_agreement_party_get_organization_id (first));
  g_assert_true (icw_store_save (f->store, ICW_RECORD (f->center), &error));
  g_assert_no_error (error);
  findings = check (f, f->sample);
  finding = find_rule (findings, "ip-party-member");
  g_assert_nonnull (finding);
  g_assert_cmpint (icw_finding_get_severity (finding), ==, ICW_SEVERITY_ERROR);
  g_assert_cmpstr (icw_finding_get_basis (finding), ==, "policy");
}

static void
test_shares_total (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IcwAgreementParty) party = party_at (f, 2);
  g_autoptr(GPtrArray) findings = NULL;
  IcwFinding *finding;

  icw_agreement_party_set_share_bp (party, 3000);
  icw_test_save (f->store, party);
  findings = check (f, f->sample);
  finding = find_rule (findings, "ip-shares-total");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (icw_finding_get_message (finding), "96.67%"));
  g_assert_nonnull (strstr (icw_finding_get_message (finding), "3.33%"));
  g_assert_cmpstr (icw_finding_get_field (finding), ==, "shares");
}

/* A rule of the program's own practice gives its basis in the user's language: the pack's English
 * gloss in English, its Chinese clause in Chinese (the English window showed the Chinese clause). */
static void
test_practice_basis_language (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) chinese = NULL;
  const char *citation;

  icw_ip_agreement_set_title (f->sample, "");
  icw_test_save (f->store, f->sample);
  g_setenv ("LANGUAGE", "en", TRUE);
  english = check (f, f->sample);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  chinese = check (f, f->sample);
  g_unsetenv ("LANGUAGE");

  g_assert_nonnull (find_rule (english, "ip-terms"));
  citation = icw_finding_get_citation (find_rule (english, "ip-terms"));
  g_assert_nonnull (strstr (citation, "the agreement's title, effective date, term and dispute resolution body"));
  for (const char *c = citation; *c != '\0'; c = g_utf8_next_char (c))
    g_assert_false (g_unichar_get_script (g_utf8_get_char (c)) == G_UNICODE_SCRIPT_HAN);
  g_assert_nonnull (strstr (icw_finding_get_citation (find_rule (chinese, "ip-terms")),
                            "协议名称、生效日期、期限和争议解决机构"));
}

static void
test_joint_results (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IcwAgreementParty) party = party_at (f, 0);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *results = NULL;
  IcwFinding *finding;

  /* One owner only, at 60%: result 2 is reported, at its owners. */
  results = g_strdup_printf ("[{\"title\": \"A\", \"ownership\": \"creator\"},"
                             " {\"title\": \"B\", \"ownership\": \"joint\", \"owners\": [{\"organization_id\": \"%s\", \"share_bp\": 6000}]}]",
                             icw_agreement_party_get_organization_id (party));
  icw_ip_agreement_set_results (f->sample, results);
  icw_test_save (f->store, f->sample);
  findings = check (f, f->sample);
  finding = find_rule (findings, "ip-joint-owners");
  g_assert_nonnull (finding);
  g_assert_cmpstr (icw_finding_get_field (finding), ==, "results/2/owners");
  g_assert_nonnull (strstr (icw_finding_get_message (finding), "60.00%"));
}

static void
test_background_and_costs (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IcwAgreementParty) party = party_at (f, 0);
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_true (icw_background_ip_number_is_valid (ICW_BACKGROUND_IP_PATENT, "201710601862.3"));
  g_assert_true (icw_background_ip_number_is_valid (ICW_BACKGROUND_IP_PATENT, "ZL 97101765.4"));
  g_assert_false (icw_background_ip_number_is_valid (ICW_BACKGROUND_IP_PATENT, "201710601862.4"));
  g_assert_true (icw_background_ip_number_is_valid (ICW_BACKGROUND_IP_SOFTWARE, "2021SR0123456"));
  g_assert_false (icw_background_ip_number_is_valid (ICW_BACKGROUND_IP_SOFTWARE, "SR0123456"));

  icw_agreement_party_set_background_ip (party, "[{\"kind\": \"patent\", \"title\": \"T\", \"owner\": \"O\"},"
                                                " {\"kind\": \"patent\", \"number\": \"201710601862.4\", \"title\": \"T\", \"owner\": \"O\"}]");
  icw_test_save (f->store, party);
  icw_ip_agreement_set_patent_costs (f->sample, ICW_PATENT_COSTS_NAMED_PARTY);
  icw_test_save (f->store, f->sample);
  findings = check (f, f->sample);
  g_assert_nonnull (find_rule (findings, "ip-background-complete"));
  g_assert_nonnull (find_rule (findings, "ip-background-number"));
  g_assert_nonnull (find_rule (findings, "ip-patent-costs"));
  g_assert_true (g_str_has_suffix (icw_finding_get_field (find_rule (findings, "ip-background-number")),
                                   "/background-ip/2"));
}

/* --- the text --------------------------------------------------------------------------- */

static char *
render (Fixture    *f,
        const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementText) text = icw_agreement_text_render (f->store, f->sample, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpstr (text->language, ==, language);
  for (guint i = 0; i < text->clauses->len; i++)
    g_assert_cmpuint (((IcwAgreementClause *) text->clauses->pdata[i])->number, ==, i + 1);
  return icw_agreement_text_to_plain (text);
}

static void
assert_contains (const char *text,
                 const char *part,
                 const char *language)
{
  if (strstr (text, part) == NULL)
    g_error ("The %s text lacks “%s”:\n%s", language, part, text);
}

static void
test_text_fields (Fixture       *f,
                  gconstpointer  data)
{
  const char *languages[] = { "en", "zh_CN" };
  const char *everywhere[] = {
    "齐鲁海洋工程装备制造业创新中心成员知识产权协同共享协议", ICW_SAMPLE_CENTER_NAME, "2024-12-20",
    "青岛泓海海洋工程装备股份有限公司", "91370200MA3C4H2K1", "韩振东", "600.00", "200.00",
    "202110123456.7", "一种深水水下连接器金属密封结构及其安装方法", "2022SR0456789", "深水装备压力试验工艺参数体系",
    "1500米级水下采油树连接器", "工作水深1500米", "50.00%", "30.00%", "20.00%", "深水装备全工况压力试验方法",
    "33.34%", "33.33%", "100.00%", "退出方应提前90日书面通知", "2025-01-01", "2029-12-31", "青岛仲裁委员会",
    "各方同意由创新中心公司统一办理", "2024-12-18",
  };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *text = render (f, languages[l]);

      for (guint i = 0; i < G_N_ELEMENTS (everywhere); i++)
        assert_contains (text, everywhere[i], languages[l]);
      /* Every placeholder was filled. */
      g_assert_null (strchr (text, '{'));
    }
  {
    g_autofree char *en = render (f, "en");
    g_autofree char *zh = render (f, "zh_CN");

    assert_contains (en, "30 days", "en");
    assert_contains (en, "5 years after", "en");
    assert_contains (en, "jointly owned by", "en");
    assert_contains (zh, "30日", "zh_CN");
    assert_contains (zh, "终止后5年", "zh_CN");
    assert_contains (zh, "协同创造、联合运营、收益共享", "zh_CN");
  }
}

typedef void (*Mutation) (IcwIpAgreement *agreement, IcwAgreementParty *party);

#define AGREEMENT_MUTATION(name, call) \
  static void name (IcwIpAgreement *a, IcwAgreementParty *p) { call; }

AGREEMENT_MUTATION (m_title, icw_ip_agreement_set_title (a, "另一个名称"))
AGREEMENT_MUTATION (m_effective, icw_ip_agreement_set_effective_date (a, "2025-02-03"))
AGREEMENT_MUTATION (m_ownership, icw_ip_agreement_set_ownership (a, ICW_IP_OWNERSHIP_CREATOR))
AGREEMENT_MUTATION (m_project, icw_ip_agreement_set_project_access (a, ICW_ACCESS_FAIR_REASONABLE))
AGREEMENT_MUTATION (m_exploit, icw_ip_agreement_set_exploitation_access (a, ICW_ACCESS_EXCLUSIVE_OPTION))
AGREEMENT_MUTATION (m_costs, icw_ip_agreement_set_patent_costs (a, ICW_PATENT_COSTS_CENTER_COMPANY))
AGREEMENT_MUTATION (m_review, icw_ip_agreement_set_publication_review_days (a, 45))
AGREEMENT_MUTATION (m_exit, icw_ip_agreement_set_exit_terms (a, ICW_EXIT_BUY_OUT))
AGREEMENT_MUTATION (m_exit_rules, icw_ip_agreement_set_exit_rules (a, "另行约定"))
AGREEMENT_MUTATION (m_confidential, icw_ip_agreement_set_confidentiality_years (a, 7))
AGREEMENT_MUTATION (m_start, icw_ip_agreement_set_term_start (a, "2025-07-01"))
AGREEMENT_MUTATION (m_years, icw_ip_agreement_set_term_years (a, 8))
AGREEMENT_MUTATION (m_dispute, icw_ip_agreement_set_dispute_resolution (a, ICW_DISPUTE_COURT))
AGREEMENT_MUTATION (m_body, icw_ip_agreement_set_dispute_body (a, "烟台仲裁委员会"))
AGREEMENT_MUTATION (m_special, icw_ip_agreement_set_special_clauses (a, "无其他约定。"))
AGREEMENT_MUTATION (m_results, icw_ip_agreement_set_results (a, "[{\"title\": \"新成果\"}]"))
AGREEMENT_MUTATION (m_share, icw_agreement_party_set_share_bp (p, 3000))
AGREEMENT_MUTATION (m_contribution, icw_agreement_party_set_contribution_fen (p, 12345678))
AGREEMENT_MUTATION (m_signatory, icw_agreement_party_set_signatory (p, "王五"))
AGREEMENT_MUTATION (m_signed, icw_agreement_party_set_signed (p, FALSE))
AGREEMENT_MUTATION (m_signed_date, icw_agreement_party_set_signed_date (p, "2024-12-19"))
AGREEMENT_MUTATION (m_sealed, icw_agreement_party_set_sealed (p, FALSE))
AGREEMENT_MUTATION (m_sealed_date, icw_agreement_party_set_sealed_date (p, "2024-12-17"))
AGREEMENT_MUTATION (m_background, icw_agreement_party_set_background_ip (p, "[]"))

static void
test_text_changes (Fixture       *f,
                   gconstpointer  data)
{
  const Mutation mutations[] = {
    m_title, m_effective, m_ownership, m_project, m_exploit, m_costs, m_review, m_exit, m_exit_rules,
    m_confidential, m_start, m_years, m_dispute, m_body, m_special, m_results, m_share, m_contribution,
    m_signatory, m_signed_date, m_signed, m_sealed_date, m_sealed, m_background,
  };
  g_autoptr(IcwAgreementParty) party = party_at (f, 0);

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *en_before = render (f, "en");
      g_autofree char *zh_before = render (f, "zh_CN");
      g_autofree char *en_after = NULL;
      g_autofree char *zh_after = NULL;

      mutations[i] (f->sample, party);
      icw_test_save (f->store, f->sample);
      icw_test_save (f->store, party);
      en_after = render (f, "en");
      zh_after = render (f, "zh_CN");
      if (g_strcmp0 (en_before, en_after) == 0 || g_strcmp0 (zh_before, zh_after) == 0)
        g_error ("Change %u left the text as it was", i);
    }
}

/* --- the life cycle --------------------------------------------------------------------- */

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementParty) party = party_at (f, 0);
  g_autoptr(IcwAgreementParty) extra = icw_agreement_party_new ();
  g_autoptr(IcwRecord) next = NULL;
  g_autoptr(GListModel) copied = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GListModel) members = icw_store_list (f->store, ICW_RECORD_KIND_ALLIANCE_MEMBER,
                                                  icw_record_get_id (ICW_RECORD (f->center)));
  g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, g_list_model_get_n_items (members) - 1);

  g_assert_true (icw_record_has_lifecycle (ICW_RECORD (f->sample)));
  g_assert_true (icw_lifecycle_mark_ready (f->store, ICW_RECORD (f->sample), f->packs, f->today, &error));
  g_assert_no_error (error);
  g_assert_true (icw_lifecycle_submit (f->store, ICW_RECORD (f->sample), &error));
  g_assert_no_error (error);

  /* Submitted: the agreement and its parties are read-only, none can be added or removed. */
  icw_ip_agreement_set_title (f->sample, "改");
  g_assert_false (icw_store_save (f->store, ICW_RECORD (f->sample), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  icw_ip_agreement_set_title (f->sample, "齐鲁海洋工程装备制造业创新中心成员知识产权协同共享协议");
  icw_agreement_party_set_share_bp (party, 5000);
  g_assert_false (icw_store_save (f->store, ICW_RECORD (party), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  icw_agreement_party_set_share_bp (party, 3334);
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (party), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  icw_agreement_party_set_agreement_id (extra, icw_record_get_id (ICW_RECORD (f->sample)));
  icw_agreement_party_set_organization_id (extra, icw_alliance_member_get_organization_id (member));
  g_assert_false (icw_store_save (f->store, ICW_RECORD (extra), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (icw_store_delete (f->store, ICW_RECORD (f->sample), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Returned, then reopened: version 2, a draft, with copies of the three parties. */
  g_assert_true (icw_lifecycle_return (f->store, ICW_RECORD (f->sample), "请补充成果清单", &error));
  g_assert_no_error (error);
  next = icw_lifecycle_reopen (f->store, ICW_RECORD (f->sample), &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpint (icw_lifecycle_get_version (next), ==, 2);
  g_assert_cmpint (icw_lifecycle_get_status (next), ==, ICW_APPLICATION_STATUS_DRAFT);
  g_assert_cmpstr (icw_lifecycle_get_lineage (next), ==, icw_record_get_id (ICW_RECORD (f->sample)));
  copied = icw_store_list (f->store, ICW_RECORD_KIND_AGREEMENT_PARTY, icw_record_get_id (next));
  g_assert_cmpuint (g_list_model_get_n_items (copied), ==, 3);
  {
    g_autoptr(IcwAgreementParty) first = g_list_model_get_item (copied, 0);

    g_assert_cmpint (icw_agreement_party_get_share_bp (first), ==, 3334);
    g_assert_cmpstr (icw_agreement_party_get_background_ip (first), ==, icw_agreement_party_get_background_ip (party));
  }
  versions = icw_lifecycle_versions (f->store, next);
  g_assert_cmpuint (versions->len, ==, 2);
}

/* --- the guide -------------------------------------------------------------------------- */

static void
test_guide (void)
{
  const struct {
    IcwGuideAnswers answers;
    IcwIpOwnership  ownership;
    IcwAccessTerms  exploitation;
    IcwPatentCosts  costs;
    char            model;
  } cases[] = {
    { { ICW_GUIDE_IDEA_ONE_PARTY, ICW_GUIDE_FUNDS_ONE_PARTY, ICW_GUIDE_EXPLOIT_ANY, FALSE, FALSE },
      ICW_IP_OWNERSHIP_CREATOR, ICW_ACCESS_ROYALTY_FREE, ICW_PATENT_COSTS_EACH_OWNER, 'A' },
    { { ICW_GUIDE_IDEA_ONE_PARTY, ICW_GUIDE_FUNDS_ONE_PARTY, ICW_GUIDE_EXPLOIT_LEAD, FALSE, TRUE },
      ICW_IP_OWNERSHIP_CREATOR, ICW_ACCESS_EXCLUSIVE_OPTION, ICW_PATENT_COSTS_EACH_OWNER, 'B' },
    { { ICW_GUIDE_IDEA_SEVERAL, ICW_GUIDE_FUNDS_SHARED, ICW_GUIDE_EXPLOIT_EACH, FALSE, FALSE },
      ICW_IP_OWNERSHIP_JOINT, ICW_ACCESS_FAIR_REASONABLE, ICW_PATENT_COSTS_REVENUE_SHARES, 'C' },
    { { ICW_GUIDE_IDEA_SEVERAL, ICW_GUIDE_FUNDS_SHARED, ICW_GUIDE_EXPLOIT_EACH, TRUE, FALSE },
      ICW_IP_OWNERSHIP_JOINT, ICW_ACCESS_ROYALTY_FREE, ICW_PATENT_COSTS_REVENUE_SHARES, 'C' },
    { { ICW_GUIDE_IDEA_SEVERAL, ICW_GUIDE_FUNDS_PUBLIC, ICW_GUIDE_EXPLOIT_CENTER, FALSE, FALSE },
      ICW_IP_OWNERSHIP_CENTER_COMPANY, ICW_ACCESS_FAIR_REASONABLE, ICW_PATENT_COSTS_CENTER_COMPANY, 'B' },
    { { ICW_GUIDE_IDEA_CENTER, ICW_GUIDE_FUNDS_CENTER, ICW_GUIDE_EXPLOIT_EACH, FALSE, FALSE },
      ICW_IP_OWNERSHIP_CENTER_COMPANY, ICW_ACCESS_FAIR_REASONABLE, ICW_PATENT_COSTS_CENTER_COMPANY, 'C' },
    { { ICW_GUIDE_IDEA_ONE_PARTY, ICW_GUIDE_FUNDS_PUBLIC, ICW_GUIDE_EXPLOIT_ANY, FALSE, TRUE },
      ICW_IP_OWNERSHIP_CREATOR, ICW_ACCESS_EXCLUSIVE_OPTION, ICW_PATENT_COSTS_EACH_OWNER, 'D' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IcwGuideProposal proposal = { 0, };
      IcwGuideAnswers back = { 0, };
      g_autofree char *json = icw_guide_answers_to_json (&cases[i].answers);

      icw_agreement_guide_propose (&cases[i].answers, &proposal);
      g_assert_cmpint (proposal.ownership, ==, cases[i].ownership);
      g_assert_cmpint (proposal.project_access, ==, ICW_ACCESS_ROYALTY_FREE);
      g_assert_cmpint (proposal.exploitation_access, ==, cases[i].exploitation);
      g_assert_cmpint (proposal.patent_costs, ==, cases[i].costs);
      g_assert_cmpint (proposal.lambert_model, ==, cases[i].model);
      g_assert_cmpuint (strlen (proposal.explanation), >, 40);
      icw_guide_proposal_clear (&proposal);

      g_assert_true (icw_guide_answers_from_json (json, &back));
      g_assert_cmpmem (&back, sizeof back, &cases[i].answers, sizeof back);
    }
  g_assert_false (icw_guide_answers_from_json ("[1]", &(IcwGuideAnswers) { 0, }));
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreements/shares/split-equally", test_split_equally);
  g_test_add_func ("/agreements/shares/split-by-contribution", test_split_by_contribution);
  g_test_add_func ("/agreements/shares/remainder", test_remainder);
  g_test_add_func ("/agreements/guide", test_guide);
  add ("/agreements/sample-passes", test_sample_passes);
  add ("/agreements/store-validation", test_store_validation);
  add ("/agreements/delete-in-use", test_delete_in_use);
  add ("/agreements/member-removed", test_member_removed);
  add ("/agreements/host-company-party", test_host_company_party);
  add ("/agreements/shares-total", test_shares_total);
  add ("/agreements/joint-results", test_joint_results);
  add ("/agreements/practice-basis-language", test_practice_basis_language);
  add ("/agreements/background-and-costs", test_background_and_costs);
  add ("/agreements/text/fields", test_text_fields);
  add ("/agreements/text/changes", test_text_changes);
  add ("/agreements/lifecycle", test_lifecycle);

  return g_test_run ();
}
