/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-list.c: `icw list centers|organizations|applications|agreements|funding [--json]`: the
 * registers sorted by name and every center's applications, IP agreements and funding requests in
 * the order they were made, as an aligned table or as one JSON array. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-cli.h"
#include "icw-funding-request.h"
#include "icw-ip-agreement-check.h"
#include "icw-organization.h"

/* An agreement's center and its parties' names, for `list agreements --json`. */
static void
add_agreement_parties (JsonBuilder    *builder,
                       IcwStore       *store,
                       IcwIpAgreement *agreement)
{
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (store, agreement);
  g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER,
                                                 icw_ip_agreement_get_center_id (agreement));

  icw_cli_json_add_text (builder, "center_name", center);
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parties->len; i++)
    {
      g_autofree char *name = icw_cli_record_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                                   icw_agreement_party_get_organization_id (parties->pdata[i]));

      json_builder_add_string_value (builder, name != NULL ? name : "");
    }
  json_builder_end_array (builder);
}

static void
print_json (IcwStore   *store,
            GListModel *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (list);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwRecord) record = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      icw_cli_json_add_record (builder, record);
      if (ICW_IS_APPLICATION (record))
        {
          g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER,
                                                         icw_application_get_center_id (ICW_APPLICATION (record)));

          icw_cli_json_add_text (builder, "center_name", center);
        }
      if (ICW_IS_IP_AGREEMENT (record))
        add_agreement_parties (builder, store, ICW_IP_AGREEMENT (record));
      else if (ICW_IS_REPORT (record))
        {
          g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER,
                                                         icw_report_get_center_id (ICW_REPORT (record)));

          icw_cli_json_add_text (builder, "center_name", center);
        }
      else if (ICW_IS_FUNDING_REQUEST (record))
        {
          g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER,
                                                         icw_funding_request_get_center_id (ICW_FUNDING_REQUEST (record)));

          icw_cli_json_add_text (builder, "center_name", center);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  icw_cli_json_print (builder);
}

static void
print_centers (GListModel *list)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (7);
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      icw_cli_out ("%s\n", _("There are no centers in the database."));
      return;
    }
  icw_cli_table_add (table, _("ID"), _("Name"), _("Level"), _("Province"), _("City"),
                     _("Year"), _("Status"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwCenter) center = g_list_model_get_item (list, i);
      int year = icw_center_get_year (center);
      g_autofree char *year_text = year != 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

      icw_cli_table_add (table, icw_record_get_id (ICW_RECORD (center)), icw_center_get_name (center),
                         icw_center_level_to_label (icw_center_get_level (center)),
                         icw_cli_or_dash (icw_center_get_province (center)),
                         icw_cli_or_dash (icw_center_get_city (center)), icw_cli_or_dash (year_text),
                         icw_center_status_to_label (icw_center_get_status (center)), NULL);
    }
  icw_cli_table_print (table, 0);
}

static void
print_organizations (GListModel *list)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (6);
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      icw_cli_out ("%s\n", _("There are no organizations in the database."));
      return;
    }
  icw_cli_table_add (table, _("ID"), _("Name"), _("Kind"), _("Unified social credit code"),
                     _("Province"), _("City"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwOrganization) org = g_list_model_get_item (list, i);

      icw_cli_table_add (table, icw_record_get_id (ICW_RECORD (org)), icw_organization_get_name (org),
                         icw_org_kind_to_label (icw_organization_get_kind (org)),
                         icw_cli_or_dash (icw_organization_get_credit_code (org)),
                         icw_cli_or_dash (icw_organization_get_province (org)),
                         icw_cli_or_dash (icw_organization_get_city (org)), NULL);
    }
  icw_cli_table_print (table, 0);
}

static void
print_applications (IcwStore   *store,
                    GListModel *list)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (6);
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      icw_cli_out ("%s\n", _("There are no applications in the database."));
      return;
    }
  icw_cli_table_add (table, _("ID"), _("Title"), _("Center"), _("Kind"), _("Status"), _("Version"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwApplication) application = g_list_model_get_item (list, i);
      g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER,
                                                     icw_application_get_center_id (application));
      g_autofree char *version = g_strdup_printf ("%d", icw_application_get_version (application));

      icw_cli_table_add (table, icw_record_get_id (ICW_RECORD (application)),
                         icw_cli_or_dash (icw_application_get_title (application)), icw_cli_or_dash (center),
                         icw_application_kind_to_label (icw_application_get_kind (application)),
                         icw_application_status_to_label (icw_application_get_status (application)),
                         version, NULL);
    }
  icw_cli_table_align_right (table, 5);
  icw_cli_table_print (table, 0);
}

int
icw_cli_list (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const char *what;
  IcwRecordKind kind;

  if (options->args->len < 2)
    return icw_cli_usage_error ("%s", _("Say what to list: “icw list centers”, “icw list organizations”, “icw list applications”, “icw list agreements”, “icw list funding” or “icw list reports”."));
  if (options->args->len > 2)
    return icw_cli_usage_error (_("“icw list” takes one argument, but “%s” follows it."),
                                (const char *) options->args->pdata[2]);

  what = options->args->pdata[1];
  if (g_str_equal (what, "centers"))
    kind = ICW_RECORD_KIND_CENTER;
  else if (g_str_equal (what, "organizations"))
    kind = ICW_RECORD_KIND_ORGANIZATION;
  else if (g_str_equal (what, "applications"))
    kind = ICW_RECORD_KIND_APPLICATION;
  else if (g_str_equal (what, "agreements"))
    kind = ICW_RECORD_KIND_IP_AGREEMENT;
  else if (g_str_equal (what, "funding"))
    kind = ICW_RECORD_KIND_FUNDING_REQUEST;
  else if (g_str_equal (what, "reports"))
    kind = ICW_RECORD_KIND_REPORT;
  else
    return icw_cli_usage_error (_("There is no list called “%s”: choose centers, organizations, applications, agreements, funding or reports."), what);

  store = icw_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return icw_cli_fail (error);

  /* Every record is printed: read them in one query rather than through the register's live list,
   * which would load its records one by one. */
  records = icw_store_list_records (store, kind, NULL);
  list = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
  g_list_store_splice (G_LIST_STORE (list), 0, 0, records->pdata, records->len);
  if (options->json)
    print_json (store, list);
  else if (kind == ICW_RECORD_KIND_APPLICATION)
    print_applications (store, list);
  else if (kind == ICW_RECORD_KIND_IP_AGREEMENT)
    icw_cli_print_agreements (store, list);
  else if (kind == ICW_RECORD_KIND_FUNDING_REQUEST)
    icw_cli_list_funding (store, list);
  else if (kind == ICW_RECORD_KIND_REPORT)
    icw_cli_list_reports (store, list);
  else if (kind == ICW_RECORD_KIND_CENTER)
    print_centers (list);
  else
    print_organizations (list);
  return ICW_EXIT_OK;
}
