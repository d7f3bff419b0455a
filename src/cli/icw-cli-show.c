/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-show.c: `icw show ID [--json]`: finds a record of any kind by its ID (or a center or
 * organization by its exact name, which is what people have at hand) and shows all its fields with
 * translated labels, from the field catalogue (icw-cli-fields.c). Centers, applications, agreements
 * and funding requests add their registers, sections, text and budget in their own files
 * (icw-cli-show-center.c, icw-cli-show-application.c, …), JSON too. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-error.h"
#include "icw-organization.h"
#include "icw-platform.h"

static void
add_rd_intensity (IcwCliTable     *table,
                  IcwOrganization *org)
{
  gint64 intensities[] = { icw_organization_get_rd_intensity_1 (org),
                           icw_organization_get_rd_intensity_2 (org),
                           icw_organization_get_rd_intensity_3 (org) };
  int base_year = icw_organization_get_rd_base_year (org);

  if (base_year == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (intensities); i++)
    {
      g_autofree char *label = g_strdup_printf (_("R&D intensity in %d"), base_year - 2 + (int) i);
      g_autofree char *value = intensities[i] >= 0 ? icw_cli_format_share (intensities[i]) : g_strdup ("");

      icw_cli_table_add (table, label, icw_cli_or_dash (value), NULL);
    }
}

static void
print_platforms_held (IcwStore        *store,
                      IcwOrganization *org)
{
  g_autoptr(GListModel) held = icw_store_list (store, ICW_RECORD_KIND_PLATFORM,
                                               icw_record_get_id (ICW_RECORD (org)));
  guint n = g_list_model_get_n_items (held);
  g_autoptr(IcwCliTable) table = icw_cli_table_new (4);

  icw_cli_out ("\n");
  icw_cli_out (ngettext ("%u national platform", "%u national platforms", n), n);
  icw_cli_out ("\n");
  if (n == 0)
    return;
  icw_cli_table_add (table, _("Platform"), _("Kind"), _("Year approved"), _("ID"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwPlatform) platform = g_list_model_get_item (held, i);
      int year = icw_platform_get_approved_year (platform);
      g_autofree char *year_text = year != 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

      icw_cli_table_add (table, icw_cli_or_dash (icw_platform_get_name (platform)),
                         icw_platform_kind_to_label (icw_platform_get_kind (platform)), icw_cli_or_dash (year_text),
                         icw_record_get_id (ICW_RECORD (platform)), NULL);
    }
  icw_cli_table_print (table, 2);
}

static void
print_uses (IcwStore  *store,
            IcwRecord *record)
{
  g_autoptr(GPtrArray) uses = icw_store_find_uses (store, record, NULL);

  if (uses == NULL || uses->len == 0)
    return;
  icw_cli_out ("\n%s\n", _("Takes part as:"));
  for (guint i = 0; i < uses->len; i++)
    icw_cli_out ("  %s\n", (const char *) uses->pdata[i]);
}

/* Shown together, by their years (add_rd_intensity). */
static const char * const rd_fields[] = {
  "rd_base_year", "rd_intensity_1", "rd_intensity_2", "rd_intensity_3", NULL
};

static void
show_organization (IcwStore        *store,
                   IcwOrganization *org)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (2);

  icw_cli_table_add_record (table, store, ICW_RECORD (org), rd_fields);
  add_rd_intensity (table, org);
  icw_cli_table_add_times (table, ICW_RECORD (org));
  icw_cli_table_print (table, 0);

  print_platforms_held (store, org);
  print_uses (store, ICW_RECORD (org));
}

static void
show_text (IcwStore  *store,
           IcwRecord *record)
{
  if (ICW_IS_CENTER (record))
    icw_cli_show_center_text (store, ICW_CENTER (record));
  else if (ICW_IS_ORGANIZATION (record))
    show_organization (store, ICW_ORGANIZATION (record));
  else if (ICW_IS_APPLICATION (record))
    icw_cli_show_application_text (store, ICW_APPLICATION (record));
  else if (ICW_IS_IP_AGREEMENT (record))
    icw_cli_show_agreement_text (store, ICW_IP_AGREEMENT (record));
  else if (ICW_IS_FUNDING_REQUEST (record))
    icw_cli_show_funding_text (store, ICW_FUNDING_REQUEST (record));
  else if (ICW_IS_REPORT (record))
    icw_cli_show_report_text (store, ICW_REPORT (record));
  else
    /* Shareholders, alliance members, platforms, attachments, parties, budget lines. */
    icw_cli_show_fields (store, record);
}

/* By ID first; then, for people, a center or organization by its exact name. */
IcwRecord *
icw_cli_find_record (IcwStore    *store,
                     const char  *id,
                     GError     **error)
{
  const IcwRecordKind named[] = { ICW_RECORD_KIND_CENTER, ICW_RECORD_KIND_ORGANIZATION };
  g_autoptr(GError) local_error = NULL;
  IcwRecord *record = icw_store_lookup_any (store, id, &local_error);

  if (record != NULL)
    return record;
  if (!g_error_matches (local_error, ICW_ERROR, ICW_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      record = icw_store_find_by_name (store, named[i], id, error);
      if (record != NULL || (error != NULL && *error != NULL))
        return record;
    }
  g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
               _("There is no record with the ID “%s”, and no center or organization of that name."), id);
  return NULL;
}

int
icw_cli_show (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) record = NULL;

  if (options->args->len < 2)
    return icw_cli_usage_error ("%s", _("Say which record to show: “icw show ID”."));
  if (options->args->len > 2)
    return icw_cli_usage_error (_("“icw show” takes one ID, but “%s” follows it."),
                                (const char *) options->args->pdata[2]);

  store = icw_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  record = icw_cli_find_record (store, options->args->pdata[1], &error);
  if (record == NULL)
    return icw_cli_fail (error);

  if (options->json)
    icw_cli_show_json (store, record);
  else
    show_text (store, record);
  return ICW_EXIT_OK;
}
