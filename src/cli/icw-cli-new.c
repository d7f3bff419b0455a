/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-new.c: `icw new application CENTER_ID [--kind KIND]` (and `icw new report`, handed to
 * icw-cli-report.c): makes a draft application of a
 * center for one of the stages (培育申报 cultivation, 验收认定 acceptance, 升级
 * upgrade-to-national, 国家地方共建 national-local; by default the one where the center stands,
 * as the window's New does) and prints its ID, alone on its line. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-cli.h"

static char *
kinds_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < ICW_N_APPLICATION_KINDS; k++)
    g_string_append_printf (text, "%s%s", k > 0 ? ", " : "", icw_application_kind_to_key (k));
  return g_string_free (text, FALSE);
}

static int
new_application (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autoptr(IcwApplication) application = NULL;
  g_autofree char *title = NULL;
  IcwApplicationKind kind;
  const char *center_id;

  if (options->args->len != 3)
    return icw_cli_usage_error (_("“icw new application” takes the ID of the center, and only that."));
  center_id = options->args->pdata[2];
  if (options->kind != NULL && !icw_application_kind_from_string (options->kind, &kind))
    {
      g_autofree char *kinds = kinds_text ();

      return icw_cli_usage_error (_("--kind: “%s” is not a kind of application; the kinds are %s."),
                                  options->kind, kinds);
    }

  store = icw_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  center = (IcwCenter *) icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, &error);
  if (center == NULL)
    return icw_cli_fail (error);
  if (options->kind == NULL)
    kind = icw_application_kind_for_center (icw_center_get_level (center), icw_center_get_status (center));

  application = icw_application_new ();
  title = g_strdup_printf (_("Application of %s"), icw_center_get_name (center));
  icw_application_set_center_id (application, center_id);
  icw_application_set_title (application, title);
  icw_application_set_kind (application, kind);
  if (!icw_store_save (store, ICW_RECORD (application), &error))
    return icw_cli_fail (error);
  icw_cli_out ("%s\n", icw_record_get_id (ICW_RECORD (application)));
  return ICW_EXIT_OK;
}

int
icw_cli_new (const IcwCliOptions *options)
{
  if (options->args->len >= 2 && g_str_equal (options->args->pdata[1], "application"))
    return new_application (options);
  if (options->args->len >= 2 && g_str_equal (options->args->pdata[1], "report"))
    return icw_cli_new_report (options);
  return icw_cli_usage_error ("%s", _("Say what to make: “icw new application CENTER_ID [--kind KIND]” or “icw new report --center ID --year YEAR --kind annual-assessment|evaluation”."));
}
