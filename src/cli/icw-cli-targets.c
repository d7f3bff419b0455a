/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-targets.c: `icw targets CENTER [--version N] [--json]`: a center's 任务书 targets (the
 * current version, or the one asked for: indicator × year with unit and baseline) and the list
 * of versions (who, when, why); and `icw targets carry APPLICATION`: an accepted application's
 * 绩效目标表 becomes a new version of its center's targets (icw-store-reports.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application.h"
#include "icw-cli.h"
#include "icw-error.h"
#include "icw-store-reports.h"

/* The years the version's targets cover. */
static void
target_years (IcwTargetSet *set,
              int          *first_year,
              int          *last_year)
{
  *first_year = G_MAXINT;
  *last_year = G_MININT;
  for (guint i = 0; i < set->targets->len; i++)
    {
      IcwTarget *target = set->targets->pdata[i];

      *first_year = MIN (*first_year, target->year);
      *last_year = MAX (*last_year, target->year);
    }
}

static void
print_table (IcwTargetSet *set)
{
  int first, last;
  g_autoptr(GPtrArray) order = icw_target_set_indicators (set);
  g_autoptr(IcwCliTable) table = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  guint n_years;

  if (order->len == 0)
    {
      icw_cli_out ("  %s\n", _("(none)"));
      return;
    }
  target_years (set, &first, &last);
  n_years = (guint) (last - first + 1);
  table = icw_cli_table_new (3 + n_years);
  g_ptr_array_add (header, g_strdup (_("Indicator")));
  g_ptr_array_add (header, g_strdup (_("Unit")));
  g_ptr_array_add (header, g_strdup (_("Baseline")));
  for (int year = first; year <= last; year++)
    g_ptr_array_add (header, g_strdup_printf ("%d", year));
  g_ptr_array_add (header, NULL);
  icw_cli_table_add_row (table, (const char * const *) header->pdata);
  for (guint i = 0; i < order->len; i++)
    {
      IcwTarget *indicator = order->pdata[i];
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (indicator->name != NULL && *indicator->name != '\0' ? indicator->name
                                                                                          : indicator->indicator_key));
      g_ptr_array_add (cells, g_strdup (icw_cli_or_dash (indicator->unit)));
      g_ptr_array_add (cells, indicator->has_baseline ? icw_cli_format_number (indicator->baseline) : g_strdup ("—"));
      for (int year = first; year <= last; year++)
        {
          IcwTarget *target = icw_target_set_find (set, indicator->indicator_key, year);

          g_ptr_array_add (cells, target != NULL ? icw_cli_format_number (target->target) : g_strdup ("—"));
        }
      g_ptr_array_add (cells, NULL);
      icw_cli_table_add_row (table, (const char * const *) cells->pdata);
    }
  for (guint c = 2; c < 3 + n_years; c++)
    icw_cli_table_align_right (table, c);
  icw_cli_table_print (table, 2);
}

static void
print_versions (GPtrArray *versions)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (5);

  icw_cli_table_add (table, _("Version"), _("Changed on"), _("By"), _("Carried from"), _("Why"), NULL);
  for (guint i = 0; i < versions->len; i++)
    {
      IcwTargetSet *version = versions->pdata[i];
      g_autofree char *number = g_strdup_printf ("%d", version->version);

      icw_cli_table_add (table, number, icw_cli_or_dash (version->changed_at), icw_cli_or_dash (version->changed_by),
                         icw_cli_or_dash (version->application_id), icw_cli_or_dash (version->reason), NULL);
    }
  icw_cli_table_align_right (table, 0);
  icw_cli_table_print (table, 2);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            gboolean     has,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (!has)
    json_builder_add_null_value (builder);
  else if (value == (double) (gint64) value)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_version_members (JsonBuilder  *builder,
                     IcwTargetSet *set)
{
  add_int (builder, "version", set->version);
  icw_cli_json_add_text (builder, "changed_at", set->changed_at);
  icw_cli_json_add_text (builder, "changed_by", set->changed_by);
  icw_cli_json_add_text (builder, "reason", set->reason);
  icw_cli_json_add_text (builder, "application_id", set->application_id);
}

static void
print_json (const char   *center_id,
            IcwTargetSet *set,
            GPtrArray    *versions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  icw_cli_json_add_text (builder, "center_id", center_id);
  add_version_members (builder, set);
  add_int (builder, "first_year", set->first_year);
  add_int (builder, "last_year", set->last_year);
  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < set->targets->len; i++)
    {
      IcwTarget *target = set->targets->pdata[i];

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "indicator_key", target->indicator_key);
      icw_cli_json_add_text (builder, "area", target->area);
      icw_cli_json_add_text (builder, "name", target->name);
      icw_cli_json_add_text (builder, "unit", target->unit);
      add_number (builder, "baseline", target->has_baseline, target->baseline);
      add_int (builder, "year", target->year);
      add_number (builder, "target", TRUE, target->target);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < versions->len; i++)
    {
      json_builder_begin_object (builder);
      add_version_members (builder, versions->pdata[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  icw_cli_json_print (builder);
}

static int
show_targets (const IcwCliOptions *options,
              const char          *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = icw_cli_open_store (options, TRUE, &error);
  g_autoptr(IcwRecord) center = NULL;
  g_autoptr(IcwTargetSet) set = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *name = NULL;
  gint64 version = 0;

  if (store == NULL)
    return icw_cli_fail (error);
  if (options->target_version != NULL &&
      (!g_ascii_string_to_signed (options->target_version, 10, 1, G_MAXINT, &version, NULL)))
    return icw_cli_usage_error (_("--version: “%s” is not a version number (1, 2, …)."), options->target_version);
  center = icw_cli_find_record (store, id, &error);
  if (center == NULL)
    return icw_cli_fail (error);
  if (icw_record_kind_of (center) != ICW_RECORD_KIND_CENTER)
    return icw_cli_usage_error (_("“%s” is not a center: give a center's ID."), id);
  set = icw_store_load_targets (store, icw_record_get_id (center), (int) version, &error);
  if (set == NULL && error != NULL)
    return icw_cli_fail (error);
  name = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER, icw_record_get_id (center));
  if (set == NULL)
    {
      if (version > 0)
        icw_cli_err (_("%s has no version %d of its targets."), name, (int) version);
      else
        icw_cli_err (_("%s has no targets yet: carry them from its accepted application with “icw targets carry APPLICATION”."),
                     name);
      return ICW_EXIT_FAILURE;
    }
  versions = icw_store_list_target_versions (store, icw_record_get_id (center));
  if (options->json)
    {
      print_json (icw_record_get_id (center), set, versions);
      return ICW_EXIT_OK;
    }
  /* TRANSLATORS: the heading of `icw targets`: the center's name, the version, the period */
  icw_cli_out (_("Targets of %s, version %d (%d–%d)"), name, set->version, set->first_year, set->last_year);
  icw_cli_out ("\n\n");
  print_table (set);
  icw_cli_out ("\n%s\n", _("Versions:"));
  print_versions (versions);
  return ICW_EXIT_OK;
}

static int
carry (const IcwCliOptions *options,
       const char          *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = icw_cli_open_store (options, TRUE, &error);
  g_autoptr(IcwRecord) application = NULL;
  const char *center_id;
  int version;

  if (store == NULL)
    return icw_cli_fail (error);
  application = icw_cli_find_record (store, id, &error);
  if (application == NULL)
    return icw_cli_fail (error);
  if (!ICW_IS_APPLICATION (application))
    return icw_cli_usage_error (_("“%s” is not an application: give the accepted application's ID."), id);
  center_id = icw_application_get_center_id (ICW_APPLICATION (application));
  if (icw_store_targets_carried_from (store, center_id, icw_record_get_id (application)))
    {
      icw_cli_err ("%s", _("The targets of this application were carried already; see them with “icw targets CENTER”."));
      return ICW_EXIT_FAILURE;
    }
  version = icw_store_carry_targets_from_application (store, ICW_APPLICATION (application), g_get_user_name (), NULL, &error);
  if (version == 0)
    return icw_cli_fail (error);
  /* TRANSLATORS: after `icw targets carry`: the version made of the center's targets */
  icw_cli_out (_("The center's targets are now version %d, carried from the application."), version);
  icw_cli_out ("\n");
  return ICW_EXIT_OK;
}

int
icw_cli_targets (const IcwCliOptions *options)
{
  GPtrArray *args = options->args;

  if (args->len >= 2 && g_str_equal (args->pdata[1], "carry"))
    {
      if (args->len != 3)
        return icw_cli_usage_error ("%s", _("Say which application: “icw targets carry APPLICATION”."));
      if (options->json || options->target_version != NULL)
        return icw_cli_usage_error ("%s", _("“icw targets carry” takes no --json or --version."));
      return carry (options, args->pdata[2]);
    }
  if (args->len != 2)
    return icw_cli_usage_error ("%s", _("Say which center: “icw targets CENTER”."));
  return show_targets (options, args->pdata[1]);
}
