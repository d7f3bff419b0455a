/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-actuals.c: a report's actuals computed from the registers (the header says which and
 * how a row is matched to one). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-platform.h"
#include "icw-report-actuals.h"
#include "icw-report-parts.h"

static const struct {
  const char *key;
  const char *label;
  gboolean    money;
  const char *words[5];   /* in the indicator's name: any of them */
} actuals[] = {
  { "members", N_("Alliance members"), FALSE, { "联盟成员", "成员单位", "alliance member", NULL } },
  { "shareholders", N_("Shareholders"), FALSE, { "股东", "shareholder", NULL } },
  { "platforms", N_("National platforms of the members"), FALSE, { "平台", "platform", NULL } },
  { "registered-capital", N_("Registered capital"), TRUE, { "注册资本", "registered capital", NULL } },
  { "paid-in-capital", N_("Paid-in capital"), TRUE, { "实缴", "paid-in", NULL } },
  { "rd-staff", N_("R&D staff"), FALSE, { "研发人员", "r&d staff", NULL } },
  { "staff", N_("Staff in total"), FALSE, { "职工", "员工", "staff", NULL } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (actuals) == ICW_N_ACTUALS);

/* The order in which names are matched: the more precise first (实缴 before 注册资本, 研发人员
 * before 员工). */
static const IcwActual match_order[] = {
  ICW_ACTUAL_PAID_IN_CAPITAL, ICW_ACTUAL_REGISTERED_CAPITAL, ICW_ACTUAL_RD_STAFF, ICW_ACTUAL_MEMBERS,
  ICW_ACTUAL_SHAREHOLDERS, ICW_ACTUAL_PLATFORMS, ICW_ACTUAL_STAFF,
};

const char *
icw_actual_to_key (IcwActual actual)
{
  g_return_val_if_fail ((guint) actual < ICW_N_ACTUALS, NULL);
  return actuals[actual].key;
}

const char *
icw_actual_to_label (IcwActual actual)
{
  g_return_val_if_fail ((guint) actual < ICW_N_ACTUALS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, actuals[actual].label);
}

gboolean
icw_actual_is_money (IcwActual actual)
{
  g_return_val_if_fail ((guint) actual < ICW_N_ACTUALS, FALSE);
  return actuals[actual].money;
}

gboolean
icw_report_computed_actuals (IcwStore          *store,
                             const char        *center_id,
                             IcwReportActuals  *out,
                             GError           **error)
{
  g_autoptr(IcwRecord) record = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) shareholders = NULL;
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  IcwCenter *center;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  record = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, error);
  if (record == NULL)
    return FALSE;
  center = ICW_CENTER (record);
  members = icw_store_list_records (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, center_id);
  shareholders = icw_store_list_records (store, ICW_RECORD_KIND_SHAREHOLDER, center_id);
  out->values[ICW_ACTUAL_MEMBERS] = members->len;
  out->values[ICW_ACTUAL_SHAREHOLDERS] = shareholders->len;
  out->values[ICW_ACTUAL_REGISTERED_CAPITAL] = icw_center_get_host_capital_fen (center);
  out->values[ICW_ACTUAL_PAID_IN_CAPITAL] = icw_center_get_paid_in_capital_fen (center);
  out->values[ICW_ACTUAL_RD_STAFF] = icw_center_get_rd_staff (center);
  out->values[ICW_ACTUAL_STAFF] = icw_center_get_staff_total (center);
  /* The national platforms held by the members, each organization once. */
  for (guint i = 0; i < members->len; i++)
    {
      const char *organization = icw_alliance_member_get_organization_id (g_ptr_array_index (members, i));

      if (organization != NULL && g_hash_table_add (organizations, g_strdup (organization)))
        {
          g_autoptr(GPtrArray) platforms = icw_store_list_records (store, ICW_RECORD_KIND_PLATFORM, organization);

          out->values[ICW_ACTUAL_PLATFORMS] += platforms->len;
        }
    }
  return TRUE;
}

gboolean
icw_actual_for_indicator (const char *key,
                          const char *name,
                          IcwActual  *out)
{
  g_autofree char *lower = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  for (guint i = 0; key != NULL && i < ICW_N_ACTUALS; i++)
    if (g_strcmp0 (key, actuals[i].key) == 0)
      {
        *out = (IcwActual) i;
        return TRUE;
      }
  for (guint o = 0; lower != NULL && o < G_N_ELEMENTS (match_order); o++)
    for (guint w = 0; actuals[match_order[o]].words[w] != NULL; w++)
      if (strstr (lower, actuals[match_order[o]].words[w]) != NULL)
        {
          *out = match_order[o];
          return TRUE;
        }
  return FALSE;
}

double
icw_actual_in_unit (const IcwReportActuals *values,
                    IcwActual               actual,
                    const char             *unit)
{
  gint64 value;

  g_return_val_if_fail (values != NULL && (guint) actual < ICW_N_ACTUALS, 0);
  value = values->values[actual];
  if (!actuals[actual].money)
    return (double) value;
  if (unit != NULL && strstr (unit, "亿") != NULL)
    return (double) value / 1e10;
  if (unit != NULL && strstr (unit, "万") == NULL && strstr (unit, "元") != NULL)
    return (double) value / 100.0;
  return (double) value / 1e6;
}

/* Sets the rows that are computed indicators to the registers' figures; how many. */
static int
apply_to_rows (const IcwReportActuals *values,
               GPtrArray              *rows)
{
  int n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = g_ptr_array_index (rows, i);
      IcwActual actual;

      if (!icw_actual_for_indicator (row->key, row->name, &actual))
        continue;
      row->has_actual = TRUE;
      row->actual = icw_actual_in_unit (values, actual, row->unit);
      row->computed = TRUE;
      n++;
    }
  return n;
}

int
icw_report_apply_computed_actuals (IcwStore   *store,
                                   IcwReport  *report,
                                   GError    **error)
{
  IcwReportActuals values;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *json = NULL;
  int n;

  g_return_val_if_fail (ICW_IS_REPORT (report), -1);
  rows = icw_report_rows_parse (icw_report_get_indicators (report), error);
  if (rows == NULL || !icw_report_computed_actuals (store, icw_report_get_center_id (report), &values, error))
    return -1;
  n = apply_to_rows (&values, rows);
  json = icw_report_rows_to_json (rows);
  icw_report_set_indicators (report, json);
  return n;
}

GPtrArray *
icw_report_rows_as_filed (IcwStore   *store,
                          IcwReport  *report,
                          GError    **error)
{
  IcwReportActuals values;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (ICW_IS_REPORT (report), NULL);
  rows = icw_report_rows_parse (icw_report_get_indicators (report), error);
  if (rows == NULL || icw_report_get_status (report) != ICW_APPLICATION_STATUS_DRAFT)
    return g_steal_pointer (&rows);
  /* A center that is not there leaves the rows as they are (the store refuses such a report). */
  if (icw_report_computed_actuals (store, icw_report_get_center_id (report), &values, NULL))
    apply_to_rows (&values, rows);
  return g_steal_pointer (&rows);
}

gboolean
icw_report_freeze_computed_actuals (IcwStore   *store,
                                    IcwReport  *report,
                                    GError    **error)
{
  return icw_report_apply_computed_actuals (store, report, error) >= 0;
}
