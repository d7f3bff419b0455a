/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-score-report.c: a report's figures for its scoring scheme, and its self-score. */
#include "config.h"

#include "icw-alliance-member.h"
#include "icw-center.h"
#include "icw-organization.h"
#include "icw-report-hand-scores.h"
#include "icw-score-report.h"

static void
set_if_entered (IcwScoreInput *input,
                const char    *figure,
                gint64         value)
{
  if (value > 0)
    icw_score_input_set_figure (input, figure, value);
}

/* The R&D spending of the year, or for an evaluation the average of the years it covers (the
 * reports of the center for the year and the two before, each its latest version). */
static gint64
rd_spending (IcwStore  *store,
             IcwReport *report)
{
  g_autoptr(GPtrArray) reports = NULL;
  int year = icw_report_get_year (report);
  gint64 sum = 0, best[3] = { 0, 0, 0 };
  int version[3] = { 0, 0, 0 };
  guint n = 0;

  if (icw_report_get_kind (report) != ICW_REPORT_KIND_EVALUATION)
    return icw_report_get_rd_spending_fen (report);
  reports = icw_store_list_records (store, ICW_RECORD_KIND_REPORT, icw_report_get_center_id (report));
  for (guint i = 0; i < reports->len; i++)
    {
      IcwReport *other = reports->pdata[i];
      int slot = year - icw_report_get_year (other);

      if (slot < 0 || slot > 2 || icw_report_get_version (other) < version[slot])
        continue;
      version[slot] = icw_report_get_version (other);
      best[slot] = icw_report_get_rd_spending_fen (other);
    }
  best[0] = icw_report_get_rd_spending_fen (report);
  for (guint i = 0; i < 3; i++)
    if (best[i] > 0)
      {
        sum += best[i];
        n++;
      }
  return n > 0 ? sum / n : 0;
}

static void
count_registers (IcwStore      *store,
                 const char    *center_id,
                 IcwScoreInput *input)
{
  g_autoptr(GPtrArray) members = icw_store_list_records (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, center_id);
  gint64 enterprises = 0, institutes = 0, universities = 0, platforms = 0;

  for (guint i = 0; i < members->len; i++)
    {
      const char *org_id = icw_alliance_member_get_organization_id (members->pdata[i]);
      g_autoptr(IcwRecord) org = org_id != NULL ? icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, org_id, NULL) : NULL;
      g_autoptr(GPtrArray) held = NULL;

      if (org == NULL)
        continue;
      switch (icw_organization_get_kind (ICW_ORGANIZATION (org)))
        {
        case ICW_ORG_KIND_ENTERPRISE: enterprises++; break;
        case ICW_ORG_KIND_INSTITUTE: institutes++; break;
        case ICW_ORG_KIND_UNIVERSITY: universities++; break;
        default: break;
        }
      held = icw_store_list_records (store, ICW_RECORD_KIND_PLATFORM, org_id);
      platforms += held->len;
    }
  /* The alliance as the register holds it: a kind it lacks is a known 0. */
  if (members->len > 0)
    {
      icw_score_input_set_figure (input, ICW_SCORE_FIGURE_ALLIANCE_ENTERPRISES, enterprises);
      icw_score_input_set_figure (input, ICW_SCORE_FIGURE_ALLIANCE_INSTITUTES, institutes);
      icw_score_input_set_figure (input, ICW_SCORE_FIGURE_ALLIANCE_UNIVERSITIES, universities);
    }
  set_if_entered (input, ICW_SCORE_FIGURE_PROVINCIAL_PLATFORMS, platforms);
}

IcwScoreInput *
icw_score_report_input (IcwStore  *store,
                        IcwReport *report)
{
  IcwScoreInput *input = icw_score_input_new ();

  g_return_val_if_fail (ICW_IS_STORE (store) && ICW_IS_REPORT (report), input);
  set_if_entered (input, ICW_SCORE_FIGURE_STAFF, icw_report_get_staff_total (report));
  /* 科技人员: the R&D staff the report holds; 0 is a count once the staff is given. */
  if (icw_report_get_staff_total (report) > 0 || icw_report_get_rd_staff (report) > 0)
    icw_score_input_set_figure (input, ICW_SCORE_FIGURE_TECH_STAFF, icw_report_get_rd_staff (report));
  set_if_entered (input, ICW_SCORE_FIGURE_RD_SPENDING_AVERAGE, rd_spending (store, report));
  count_registers (store, icw_report_get_center_id (report), input);
  return input;
}

/* The score with the report's kept scores typed by hand: first without them, to learn which items
 * the figures leave to a person, then with those items' scores. */
static IcwScore *
score_with_kept (IcwScoreScheme *scheme,
                 IcwScoreInput  *input,
                 const char     *kept_text,
                 GError        **error)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(IcwScore) plain = NULL;
  guint taken = 0;

  if (kept_text == NULL || *kept_text == '\0')
    return icw_score_compute (scheme, input, error);
  if ((kept = icw_report_hand_scores_parse (kept_text, error)) == NULL)
    return NULL;
  if ((plain = icw_score_compute (scheme, input, error)) == NULL)
    return NULL;
  for (guint i = 0; i < plain->items->len; i++)
    {
      IcwScoreItem *item = plain->items->pdata[i];
      IcwReportHandScore *hand = icw_report_hand_scores_find (kept, item->key);

      if (hand == NULL || !item->by_hand)
        continue;
      icw_score_input_set_by_hand (input, item->key, hand->hundredths, hand->reason);
      taken++;
    }
  if (taken == 0)
    return g_steal_pointer (&plain);
  return icw_score_compute (scheme, input, error);
}

IcwScore *
icw_score_report (IcwStore   *store,
                  IcwReport  *report,
                  GPtrArray  *schemes,
                  GError    **error)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(IcwRecord) center = NULL;
  g_autoptr(IcwScoreInput) input = NULL;
  IcwScoreScheme *scheme;

  g_return_val_if_fail (ICW_IS_STORE (store) && ICW_IS_REPORT (report), NULL);
  center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, icw_report_get_center_id (report), error);
  if (center == NULL)
    return NULL;
  if (schemes == NULL)
    schemes = loaded = icw_score_schemes_load_all (NULL);
  scheme = icw_score_scheme_for_center (schemes, ICW_CENTER (center), error);
  if (scheme == NULL)
    return NULL;
  input = icw_score_report_input (store, report);
  return score_with_kept (scheme, input, icw_report_get_hand_scores (report), error);
}
