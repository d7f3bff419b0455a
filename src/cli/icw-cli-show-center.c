/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-show-center.c: `icw show` of a center as text: its fields (the catalogue's), then its shareholders with
 * the share total, its alliance members, and the national platforms its members hold with the
 * coverage figure. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-alliance-member.h"
#include "icw-cli.h"
#include "icw-platform.h"
#include "icw-shareholder.h"

/* The rule packs are shown by `icw check`, which uses them. */
static const char * const not_shown[] = { "rule_packs", NULL };

static void
print_fields (IcwStore  *store,
              IcwCenter *center)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (2);

  icw_cli_table_add (table, _("ID"), icw_record_get_id (ICW_RECORD (center)), NULL);
  icw_cli_table_add_fields (table, store, ICW_RECORD (center), not_shown);
  icw_cli_table_add (table, _("Created"), icw_cli_or_dash (icw_record_get_created_at (ICW_RECORD (center))), NULL);
  icw_cli_table_add (table, _("Last changed"), icw_cli_or_dash (icw_record_get_updated_at (ICW_RECORD (center))), NULL);
  icw_cli_table_print (table, 0);
}

static void
print_shareholders (IcwStore          *store,
                    IcwCliCenterFacts *facts)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (4);
  g_autofree char *total_share = icw_cli_format_share (facts->share_total_bp);
  g_autofree char *total_amount = NULL;
  gint64 amount = 0;
  guint n = facts->shareholders->len;

  icw_cli_out ("\n");
  icw_cli_out (ngettext ("%u shareholder", "%u shareholders", n), n);
  icw_cli_out ("\n");
  if (n == 0)
    return;

  icw_cli_table_add (table, _("Organization"), _("Contribution"), _("Amount"), _("Share"), NULL);
  for (guint i = 0; i < n; i++)
    {
      IcwShareholder *holder = facts->shareholders->pdata[i];
      g_autofree char *name = icw_cli_record_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                                   icw_shareholder_get_organization_id (holder));
      g_autofree char *money = icw_cli_format_money (icw_shareholder_get_amount_fen (holder));
      g_autofree char *share = icw_cli_format_share (icw_shareholder_get_share_bp (holder));

      amount += icw_shareholder_get_amount_fen (holder);
      icw_cli_table_add (table, icw_cli_or_dash (name),
                         icw_contribution_to_label (icw_shareholder_get_contribution (holder)),
                         money, share, NULL);
    }
  total_amount = icw_cli_format_money (amount);
  icw_cli_table_add (table, _("Total"), "", total_amount, total_share, NULL);
  icw_cli_table_align_right (table, 2);
  icw_cli_table_align_right (table, 3);
  icw_cli_table_print (table, 2);

  if (facts->share_total_bp != ICW_BASIS_POINTS_WHOLE)
    {
      icw_cli_out ("  ");
      icw_cli_out (_("The shares add up to %s, not 100%%."), total_share);
      icw_cli_out ("\n");
    }
}

static void
print_members (IcwStore          *store,
               IcwCliCenterFacts *facts)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (4);
  guint n = facts->members->len;

  icw_cli_out ("\n");
  icw_cli_out (ngettext ("%u alliance member", "%u alliance members", n), n);
  icw_cli_out ("\n");
  if (n == 0)
    return;

  icw_cli_table_add (table, _("Organization"), _("Role"), _("Joined"), _("Alliance agreement signed"), NULL);
  for (guint i = 0; i < n; i++)
    {
      IcwAllianceMember *member = facts->members->pdata[i];
      g_autofree char *name = icw_cli_record_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                                   icw_alliance_member_get_organization_id (member));

      icw_cli_table_add (table, icw_cli_or_dash (name),
                         icw_member_role_to_label (icw_alliance_member_get_role (member)),
                         icw_cli_or_dash (icw_alliance_member_get_joined (member)),
                         icw_cli_format_bool (icw_alliance_member_get_agreement_signed (member)), NULL);
    }
  icw_cli_table_print (table, 2);
}

static void
print_coverage (IcwCliCenterFacts *facts)
{
  guint held = facts->platforms_counted;
  int total = facts->field_platform_total;

  icw_cli_out ("\n");
  if (facts->coverage_bp >= 0)
    {
      g_autofree char *percent = icw_cli_format_share (facts->coverage_bp);

      icw_cli_out (ngettext ("Platform coverage: the members hold %u of the field's %d national platform (%s).",
                             "Platform coverage: the members hold %u of the field's %d national platforms (%s).",
                             total),
                   held, total, percent);
    }
  else
    icw_cli_out (ngettext ("Platform coverage: the members hold %u national platform; the number of platforms in the field is not recorded.",
                           "Platform coverage: the members hold %u national platforms; the number of platforms in the field is not recorded.",
                           held),
                 held);
  icw_cli_out ("\n");
}

static void
print_platforms (IcwStore          *store,
                 IcwCliCenterFacts *facts)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (4);

  print_coverage (facts);
  if (facts->platforms->len == 0)
    return;

  icw_cli_table_add (table, _("Platform"), _("Kind"), _("Held by"), _("Year approved"), NULL);
  for (guint i = 0; i < facts->platforms->len; i++)
    {
      IcwPlatform *platform = facts->platforms->pdata[i];
      g_autofree char *holder = icw_cli_record_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                                     icw_platform_get_organization_id (platform));
      int year = icw_platform_get_approved_year (platform);
      g_autofree char *year_text = year != 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

      icw_cli_table_add (table, icw_cli_or_dash (icw_platform_get_name (platform)),
                         icw_platform_kind_to_label (icw_platform_get_kind (platform)),
                         icw_cli_or_dash (holder), icw_cli_or_dash (year_text), NULL);
    }
  icw_cli_table_print (table, 2);
}

void
icw_cli_show_center_text (IcwStore  *store,
                          IcwCenter *center)
{
  g_auto(IcwCliCenterFacts) facts = { NULL, };

  icw_cli_center_facts_init (&facts, store, center);
  print_fields (store, center);
  print_shareholders (store, &facts);
  print_members (store, &facts);
  print_platforms (store, &facts);
}
