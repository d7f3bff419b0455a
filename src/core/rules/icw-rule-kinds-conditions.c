/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-kinds-conditions.c: the rule kinds for the numeric conditions of provincial guides and
 * of the upgrade procedure: the center is already a recognized provincial center (64号); an
 * enterprise lead's three-year average R&D intensity, or its R&D spending each year (Shandong); the
 * investors that are legal persons, fewer when the lead holds a firm honour (Shandong); a lead with
 * a record of dishonesty; a number of the center at least a threshold (Jiangsu: capital, full-time
 * R&D staff) and a ratio of two of its numbers (Jiangsu: R&D expenses to costs); the center's field
 * has no national center yet (273号: one national center per field) and is among the fields known
 * to be in the national overall layout (64号: 符合领域总体布局要求). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-money.h"
#include "icw-organization.h"
#include "icw-rules-private.h"
#include "icw-shareholder.h"

static IcwOrganization *
organization (IcwRuleContext *context,
              const char     *id)
{
  if (id == NULL || *id == '\0')
    return NULL;
  return (IcwOrganization *) icw_store_lookup (context->store, ICW_RECORD_KIND_ORGANIZATION, id, NULL);
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* center-recognized: the center's level is one of `levels` and its status one of `statuses`
 * (an upgrade: "已成为省级的制造业创新中心"). */
static void
run_center_recognized (IcwRuleContext *context,
                       const IcwRule  *rule)
{
  g_autoptr(GPtrArray) levels = icw_rule_param_strings (rule, "levels");
  g_autoptr(GPtrArray) statuses = icw_rule_param_strings (rule, "statuses");
  IcwCenterLevel level = icw_center_get_level (context->center);
  IcwCenterStatus status = icw_center_get_status (context->center);
  gboolean level_ok = FALSE, status_ok = FALSE;

  for (guint i = 0; i < levels->len; i++)
    level_ok = level_ok || strcmp (levels->pdata[i], icw_center_level_to_key (level)) == 0;
  for (guint i = 0; i < statuses->len; i++)
    status_ok = status_ok || strcmp (statuses->pdata[i], icw_center_status_to_key (status)) == 0;
  if (!level_ok || !status_ok)
    icw_rule_emit (context, rule, NULL, "level", icw_center_level_to_label (level),
                   "status", icw_center_status_to_label (status), NULL);
}

static char *
check_center_recognized (const char *field,
                         JsonObject *params)
{
  JsonArray *levels = json_object_get_array_member (params, "levels");
  JsonArray *statuses = json_object_get_array_member (params, "statuses");

  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      IcwCenterLevel level;

      if (!icw_center_level_from_string (json_array_get_string_element (levels, i), &level))
        return g_strdup_printf (_("“%s” in “%s” is not a known value"), json_array_get_string_element (levels, i), "levels");
    }
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      IcwCenterStatus status;

      if (!icw_center_status_from_string (json_array_get_string_element (statuses, i), &status))
        return g_strdup_printf (_("“%s” in “%s” is not a known value"), json_array_get_string_element (statuses, i), "statuses");
    }
  return NULL;
}

/* lead-rd-average: a lead that is an enterprise has an average R&D intensity over its three
 * years of at least min_bp, or R&D spending of at least min_each_year_fen in each of the three
 * years. A lead of another kind (a university, an institute) is not concerned. */
static void
run_lead_rd_average (IcwRuleContext *context,
                     const IcwRule  *rule)
{
  g_autoptr(IcwOrganization) lead = organization (context, icw_center_get_lead_organization_id (context->center));
  gint64 min = icw_rule_param_int (rule, "min_bp", 300);
  gint64 min_spending = icw_rule_param_int (rule, "min_each_year_fen", 0);
  gint64 intensities[3], spending[3];
  gboolean all_reported = TRUE, each_year = min_spending > 0;
  gint64 average = -1;
  g_autofree char *average_text = NULL, *min_text = NULL, *spending_text = NULL;

  if (lead == NULL || icw_organization_get_kind (lead) != ICW_ORG_KIND_ENTERPRISE)
    return;
  intensities[0] = icw_organization_get_rd_intensity_1 (lead);
  intensities[1] = icw_organization_get_rd_intensity_2 (lead);
  intensities[2] = icw_organization_get_rd_intensity_3 (lead);
  spending[0] = icw_organization_get_rd_spending_1_fen (lead);
  spending[1] = icw_organization_get_rd_spending_2_fen (lead);
  spending[2] = icw_organization_get_rd_spending_3_fen (lead);
  for (guint i = 0; i < 3; i++)
    {
      all_reported = all_reported && intensities[i] >= 0;
      each_year = each_year && spending[i] >= min_spending;
    }
  if (all_reported)
    average = (intensities[0] + intensities[1] + intensities[2] + 1) / 3;
  if (each_year || average >= min)
    return;
  average_text = average >= 0 ? icw_basis_points_format (average) : NULL;
  min_text = icw_basis_points_format (min);
  spending_text = icw_money_format (min_spending, ICW_MONEY_UNIT_WAN);
  icw_rule_emit (context, rule, NULL, "name", icw_organization_get_name (lead), "average", average_text,
                 "min", min_text, "spending", spending_text, NULL);
}

static gboolean
has_honour (IcwOrganization *org,
            GPtrArray       *honours)
{
  static const struct { const char *key; gboolean (*get) (IcwOrganization *); } all[] = {
    { "champion", icw_organization_get_honour_champion },
    { "little-giant", icw_organization_get_honour_little_giant },
    { "specialised", icw_organization_get_honour_specialised },
    { "unicorn", icw_organization_get_honour_unicorn },
    { "gazelle", icw_organization_get_honour_gazelle },
  };

  for (guint i = 0; honours != NULL && i < honours->len; i++)
    for (guint h = 0; h < G_N_ELEMENTS (all); h++)
      if (strcmp (honours->pdata[i], all[h].key) == 0 && all[h].get (org))
        return TRUE;
  return FALSE;
}

static char *
check_honours (const char *field,
               JsonObject *params)
{
  static const char * const keys[] = { "champion", "little-giant", "specialised", "unicorn", "gazelle", NULL };
  JsonArray *honours = json_object_has_member (params, "honours") ? json_object_get_array_member (params, "honours") : NULL;

  for (guint i = 0; honours != NULL && i < json_array_get_length (honours); i++)
    if (!g_strv_contains (keys, json_array_get_string_element (honours, i)))
      return g_strdup_printf (_("“%s” in “%s” is not a known value"), json_array_get_string_element (honours, i), "honours");
  return NULL;
}

/* legal-person-investors: at least `min` shareholders are legal persons (a limited partnership
 * is not); `min_with_honour` when the lead holds one of `honours` and, if `province` is given, is
 * registered in it. Those not counted are named. */
static void
run_legal_person_investors (IcwRuleContext *context,
                            const IcwRule  *rule)
{
  GPtrArray *holders = icw_rule_context_shareholders (context);
  g_autoptr(IcwOrganization) lead = organization (context, icw_center_get_lead_organization_id (context->center));
  g_autoptr(GPtrArray) honours = icw_rule_param_strings (rule, "honours");
  const char *province = icw_rule_param_string (rule, "province");
  gint64 min = icw_rule_param_int (rule, "min", 5);
  g_autoptr(GString) excluded = g_string_new (NULL);
  g_autofree char *count_text = NULL, *min_text = NULL;
  gint64 count = 0;

  if (lead != NULL && has_honour (lead, honours) &&
      (province == NULL || g_strcmp0 (icw_organization_get_province (lead), province) == 0))
    min = icw_rule_param_int (rule, "min_with_honour", min);
  for (guint i = 0; i < holders->len; i++)
    {
      g_autoptr(IcwOrganization) org = organization (context, icw_shareholder_get_organization_id (holders->pdata[i]));

      if (org != NULL && icw_organization_is_legal_person (org))
        count++;
      else if (org != NULL)
        g_string_append_printf (excluded, "%s%s", excluded->len > 0 ? "、" : "", icw_organization_get_name (org));
    }
  if (count >= min)
    return;
  count_text = number (count);
  min_text = number (min);
  icw_rule_emit (context, rule, NULL, "count", count_text, "min", min_text,
                 "excluded", excluded->len > 0 ? excluded->str : NULL, NULL);
}

/* lead-dishonest: the lead organization has no record of dishonesty (失信). */
static void
run_lead_dishonest (IcwRuleContext *context,
                    const IcwRule  *rule)
{
  g_autoptr(IcwOrganization) lead = organization (context, icw_center_get_lead_organization_id (context->center));

  if (lead != NULL && icw_organization_get_dishonest (lead))
    icw_rule_emit (context, rule, NULL, "name", icw_organization_get_name (lead), NULL);
}

static gint64
center_number (IcwCenter  *center,
               const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (G_OBJECT (center), property, &value);
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value);
  if (G_VALUE_HOLDS_INT (&value))
    return g_value_get_int (&value);
  return 0;
}

static char *
format_value (const IcwRule *rule,
              gint64         value)
{
  if (g_strcmp0 (icw_rule_param_string (rule, "unit"), "money") == 0)
    return icw_money_format (value, ICW_MONEY_UNIT_WAN);
  return number (value);
}

/* center-minimum: a number of the center (`property`) is at least `min` (money in fen, shown in
 * 万元 when `unit` is "money"). */
static void
run_center_minimum (IcwRuleContext *context,
                    const IcwRule  *rule)
{
  gint64 value = center_number (context->center, icw_rule_param_string (rule, "property"));
  gint64 min = icw_rule_param_int (rule, "min", 0);
  g_autofree char *value_text = NULL, *min_text = NULL;

  if (value >= min)
    return;
  value_text = format_value (rule, value);
  min_text = format_value (rule, min);
  icw_rule_emit (context, rule, NULL, "value", value_text, "min", min_text, NULL);
}

/* center-ratio: numerator / denominator (properties of the center) is at least min_bp; not
 * reached either when the denominator is not recorded. */
static void
run_center_ratio (IcwRuleContext *context,
                  const IcwRule  *rule)
{
  gint64 numerator = center_number (context->center, icw_rule_param_string (rule, "numerator"));
  gint64 denominator = center_number (context->center, icw_rule_param_string (rule, "denominator"));
  gint64 min = icw_rule_param_int (rule, "min_bp", 0);
  gint64 ratio = -1;
  g_autofree char *ratio_text = NULL, *min_text = NULL;

  if (denominator > 0)
    ratio = (gint64) (((__int128) numerator * ICW_BASIS_POINTS_WHOLE) / denominator);
  if (ratio >= min)
    return;
  ratio_text = ratio >= 0 ? icw_basis_points_format (ratio) : NULL;
  min_text = icw_basis_points_format (min);
  icw_rule_emit (context, rule, NULL, "ratio", ratio_text, "min", min_text, NULL);
}

static char *
check_property (const char *property)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (ICW_TYPE_CENTER);
  GParamSpec *pspec = property != NULL ? g_object_class_find_property (G_OBJECT_CLASS (klass), property) : NULL;

  if (pspec == NULL || (pspec->value_type != G_TYPE_INT && pspec->value_type != G_TYPE_INT64))
    return g_strdup_printf (_("a center has no number “%s”"), property != NULL ? property : "");
  return NULL;
}

static char *
check_center_minimum (const char *field,
                      JsonObject *params)
{
  const char *unit = json_object_get_string_member_with_default (params, "unit", "count");

  if (strcmp (unit, "count") != 0 && strcmp (unit, "money") != 0)
    return g_strdup (_("“unit” must be “count” or “money”"));
  return check_property (json_object_get_string_member (params, "property"));
}

static char *
check_center_ratio (const char *field,
                    JsonObject *params)
{
  char *reason = check_property (json_object_get_string_member (params, "numerator"));

  return reason != NULL ? reason : check_property (json_object_get_string_member (params, "denominator"));
}

/* field-not-occupied: the center's field is none of the fields of `occupied` ("field=center"
 * entries: the national centers known, as data), compared without surrounding spaces. */
static void
run_field_not_occupied (IcwRuleContext *context,
                        const IcwRule  *rule)
{
  g_autoptr(GPtrArray) occupied = icw_rule_param_strings (rule, "occupied");
  g_autofree char *field = g_strstrip (g_strdup (icw_center_get_field (context->center) != NULL
                                                 ? icw_center_get_field (context->center) : ""));

  for (guint i = 0; *field != '\0' && i < occupied->len; i++)
    {
      const char *entry = occupied->pdata[i];
      const char *equals = strchr (entry, '=');

      if (equals != NULL && strlen (field) == (gsize) (equals - entry) && strncmp (entry, field, equals - entry) == 0)
        {
          icw_rule_emit (context, rule, NULL, "field", field, "center", equals + 1, NULL);
          return;
        }
    }
}

static char *
check_occupied (const char *field,
                JsonObject *params)
{
  JsonArray *occupied = json_object_get_array_member (params, "occupied");

  for (guint i = 0; i < json_array_get_length (occupied); i++)
    {
      const char *entry = json_array_get_string_element (occupied, i);
      const char *equals = strchr (entry, '=');

      if (equals == NULL || equals == entry || equals[1] == '\0')
        return g_strdup_printf (_("“%s” in “%s” must be a field, “=” and its national center"), entry, "occupied");
    }
  return NULL;
}

/* field-in-layout: the center's field is one of `fields`, the fields known to be in the national
 * overall layout (领域总体布局), as data. The layout's own list was not found: a field not among
 * the known ones is reported (as a warning, by the pack) for the applicant to check, not refused.
 * A center with no field recorded is left to the rules that ask for it. */
static void
run_field_in_layout (IcwRuleContext *context,
                     const IcwRule  *rule)
{
  g_autoptr(GPtrArray) fields = icw_rule_param_strings (rule, "fields");
  g_autofree char *field = g_strstrip (g_strdup (icw_center_get_field (context->center) != NULL
                                                 ? icw_center_get_field (context->center) : ""));

  if (*field == '\0')
    return;
  for (guint i = 0; i < fields->len; i++)
    if (strcmp (fields->pdata[i], field) == 0)
      return;
  icw_rule_emit (context, rule, NULL, "field", field, NULL);
}

static const IcwRuleParam layout_params[] = {
  { "fields", ICW_RULE_PARAM_STRINGS, TRUE },
  /* Where the list comes from, for readers of the pack (docs/rules.md shows the parameters). */
  { "source", ICW_RULE_PARAM_STRING, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam occupied_params[] = {
  { "occupied", ICW_RULE_PARAM_STRINGS, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam recognized_params[] = {
  { "levels", ICW_RULE_PARAM_STRINGS, TRUE },
  { "statuses", ICW_RULE_PARAM_STRINGS, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam average_params[] = {
  { "min_bp", ICW_RULE_PARAM_INT, TRUE },
  { "min_each_year_fen", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam investors_params[] = {
  { "min", ICW_RULE_PARAM_INT, TRUE },
  { "min_with_honour", ICW_RULE_PARAM_INT, FALSE },
  { "honours", ICW_RULE_PARAM_STRINGS, FALSE },
  { "province", ICW_RULE_PARAM_STRING, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam minimum_params[] = {
  { "property", ICW_RULE_PARAM_STRING, TRUE },
  { "min", ICW_RULE_PARAM_INT, TRUE },
  { "unit", ICW_RULE_PARAM_STRING, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam ratio_params[] = {
  { "numerator", ICW_RULE_PARAM_STRING, TRUE },
  { "denominator", ICW_RULE_PARAM_STRING, TRUE },
  { "min_bp", ICW_RULE_PARAM_INT, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam no_params[] = {
  { NULL, 0, FALSE },
};

static const char * const recognized_placeholders[] = { "level", "status", NULL };
static const char * const average_placeholders[] = { "name", "average", "min", "spending", NULL };
static const char * const investors_placeholders[] = { "count", "min", "excluded", NULL };
static const char * const name_placeholders[] = { "name", NULL };
static const char * const minimum_placeholders[] = { "value", "min", NULL };
static const char * const ratio_placeholders[] = { "ratio", "min", NULL };
static const char * const occupied_placeholders[] = { "field", "center", NULL };
static const char * const layout_placeholders[] = { "field", NULL };

static const IcwRuleKind condition_kinds[] = {
  { "center-recognized", run_center_recognized, recognized_params, recognized_placeholders, check_center_recognized },
  { "lead-rd-average", run_lead_rd_average, average_params, average_placeholders, NULL },
  { "legal-person-investors", run_legal_person_investors, investors_params, investors_placeholders, check_honours },
  { "lead-dishonest", run_lead_dishonest, no_params, name_placeholders, NULL },
  { "center-minimum", run_center_minimum, minimum_params, minimum_placeholders, check_center_minimum },
  { "center-ratio", run_center_ratio, ratio_params, ratio_placeholders, check_center_ratio },
  { "field-not-occupied", run_field_not_occupied, occupied_params, occupied_placeholders, check_occupied },
  { "field-in-layout", run_field_in_layout, layout_params, layout_placeholders, NULL },
};

const IcwRuleKind *
icw_rule_kinds_conditions (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (condition_kinds);
  return condition_kinds;
}
