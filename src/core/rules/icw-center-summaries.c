/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center-summaries.c: the figures under a center's tables. The thresholds come from the
 * upgrade conditions of 工信厅科〔2017〕64号 (alliance covering ≥50% of the field's national
 * platforms, including user enterprises) and the reviewers' "no dominant shareholder". */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-alliance-member.h"
#include "icw-center-summaries.h"
#include "icw-money.h"
#include "icw-organization.h"
#include "icw-shareholder.h"

char *
icw_shareholders_summary (GListModel  *shareholders,
                          IcwStore    *store,
                          char       **warning)
{
  guint n = g_list_model_get_n_items (shareholders);
  gint64 total = 0, largest = 0;
  g_autofree char *largest_id = NULL;
  g_autofree char *total_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwShareholder) holder = g_list_model_get_item (shareholders, i);
      gint64 share = icw_shareholder_get_share_bp (holder);

      total += share;
      if (share > largest)
        {
          largest = share;
          g_free (largest_id);
          largest_id = g_strdup (icw_shareholder_get_organization_id (holder));
        }
    }

  total_text = icw_basis_points_format (total);
  *warning = NULL;
  if (largest * 2 > ICW_BASIS_POINTS_WHOLE)
    {
      g_autofree char *name = icw_store_dup_name (store, ICW_RECORD_KIND_ORGANIZATION, largest_id);
      g_autofree char *share_text = icw_basis_points_format (largest);

      *warning = g_strdup_printf (_("%s holds %s, more than half of the shares: reviewers ask for diversified ownership with no dominant shareholder."),
                                  name != NULL ? name : "?", share_text);
    }
  else if (n > 0 && total != ICW_BASIS_POINTS_WHOLE)
    *warning = g_strdup_printf (_("The shares add up to %s, not 100%%."), total_text);

  return g_strdup_printf (ngettext ("%u shareholder, shares total %s", "%u shareholders, shares total %s", n),
                          n, total_text);
}

char *
icw_members_summary (GListModel  *members,
                     IcwStore    *store,
                     char       **warning)
{
  guint n = g_list_model_get_n_items (members);
  guint signed_count = 0, users = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);
      g_autoptr(IcwRecord) org = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION,
                                                   icw_alliance_member_get_organization_id (member), NULL);

      signed_count += icw_alliance_member_get_agreement_signed (member) ? 1 : 0;
      /* 用户企业 is a kind of firm (the organization's flag), not a membership role. */
      users += org != NULL && icw_organization_get_user_enterprise (ICW_ORGANIZATION (org)) ? 1 : 0;
    }

  *warning = NULL;
  if (n > 0 && users == 0)
    *warning = g_strdup (_("The alliance has no user enterprise: the upgrade conditions ask for user enterprises among the members."));
  else if (signed_count < n)
    *warning = g_strdup_printf (ngettext ("%u member has not signed the alliance agreement yet.",
                                          "%u members have not signed the alliance agreement yet.", n - signed_count),
                                n - signed_count);

  return g_strdup_printf (ngettext ("%u member, %u signed the alliance agreement",
                                    "%u members, %u signed the alliance agreement", n),
                          n, signed_count);
}

char *
icw_platform_coverage (guint   platforms,
                       int     field_total,
                       char  **warning)
{
  g_autofree char *percent = NULL;
  gint64 basis_points;

  *warning = NULL;
  if (field_total <= 0)
    {
      *warning = g_strdup (_("Enter the number of national platforms in the field under Basic Information to see the coverage."));
      return g_strdup_printf (ngettext ("%u national platform held by members", "%u national platforms held by members", platforms),
                              platforms);
    }

  /* Rounded down, so that 49.995% never shows as meeting a 50% threshold. */
  basis_points = (gint64) platforms * ICW_BASIS_POINTS_WHOLE / field_total;
  percent = icw_basis_points_format (basis_points);
  if (basis_points * 2 < ICW_BASIS_POINTS_WHOLE)
    *warning = g_strdup (_("The members hold less than half of the field's national platforms; an upgrade to a national center asks for at least 50%."));

  return g_strdup_printf (ngettext ("Coverage: %u of %d national platform in the field (%s)",
                                    "Coverage: %u of %d national platforms in the field (%s)", field_total),
                          platforms, field_total, percent);
}
