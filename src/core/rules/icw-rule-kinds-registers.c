/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-kinds-registers.c: the rule kinds that look at the center an application belongs to:
 * its host company (legal form, operating model), its shareholders, its alliance members, the
 * national platforms they hold and the lead organization's R&D intensity. Shares and percentages
 * are integer basis points throughout. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-money.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-rules-private.h"
#include "icw-shareholder.h"

GPtrArray *
icw_rule_context_shareholders (IcwRuleContext *context)
{
  if (context->shareholders == NULL)
    context->shareholders = icw_store_list_records (context->store, ICW_RECORD_KIND_SHAREHOLDER,
                                           icw_record_get_id (ICW_RECORD (context->center)));
  return context->shareholders;
}

GPtrArray *
icw_rule_context_members (IcwRuleContext *context)
{
  if (context->members == NULL)
    context->members = icw_store_list_records (context->store, ICW_RECORD_KIND_ALLIANCE_MEMBER,
                                      icw_record_get_id (ICW_RECORD (context->center)));
  return context->members;
}

static IcwOrganization *
organization (IcwRuleContext *context,
              const char     *id)
{
  return (IcwOrganization *) icw_store_lookup (context->store, ICW_RECORD_KIND_ORGANIZATION, id, NULL);
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));

  return *x != '\0' && strcmp (x, y) == 0;
}

static gboolean
contains_any (const char *text,
              GPtrArray  *terms)
{
  for (guint i = 0; text != NULL && terms != NULL && i < terms->len; i++)
    if (strstr (text, terms->pdata[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
equals_any (const char *text,
            GPtrArray  *terms)
{
  for (guint i = 0; text != NULL && terms != NULL && i < terms->len; i++)
    if (strcmp (text, terms->pdata[i]) == 0)
      return TRUE;
  return FALSE;
}

/* host-legal-form: the host company is a company legal person: its legal form contains one of
 * `contains` (e.g. 公司) or is one of `one_of`. */
static void
run_host_legal_form (IcwRuleContext *context,
                     const IcwRule  *rule)
{
  const char *form = icw_center_get_host_legal_form (context->center);
  g_autoptr(GPtrArray) contains = icw_rule_param_strings (rule, "contains");
  g_autoptr(GPtrArray) one_of = icw_rule_param_strings (rule, "one_of");
  g_autofree char *stripped = g_strstrip (g_strdup (form != NULL ? form : ""));

  if (*stripped != '\0' && (contains_any (stripped, contains) || equals_any (stripped, one_of)))
    return;
  icw_rule_emit (context, rule, NULL, "form", *stripped != '\0' ? stripped : NULL, NULL);
}

static char *
check_host_legal_form (const char *field,
                       JsonObject *params)
{
  if (!json_object_has_member (params, "contains") && !json_object_has_member (params, "one_of"))
    return g_strdup (_("it needs “contains” or “one_of”"));
  return NULL;
}

/* operating-model: the operating model names every term of `contains_all` (公司, 联盟). */
static void
run_operating_model (IcwRuleContext *context,
                     const IcwRule  *rule)
{
  const char *model = icw_center_get_operating_model (context->center);
  g_autoptr(GPtrArray) terms = icw_rule_param_strings (rule, "contains_all");
  gboolean all = model != NULL && *model != '\0';

  for (guint i = 0; all && i < terms->len; i++)
    all = strstr (model, terms->pdata[i]) != NULL;
  if (!all)
    icw_rule_emit (context, rule, NULL, "model", model, NULL);
}

static void
emit_count (IcwRuleContext *context,
            const IcwRule  *rule,
            gint64          count,
            gint64          min)
{
  g_autofree char *count_text = NULL;
  g_autofree char *min_text = NULL;

  if (count >= min)
    return;
  count_text = number (count);
  min_text = number (min);
  icw_rule_emit (context, rule, NULL, "count", count_text, "min", min_text, NULL);
}

/* min-shareholders: at least `min` shareholders that invested (an amount or a share). */
static void
run_min_shareholders (IcwRuleContext *context,
                      const IcwRule  *rule)
{
  GPtrArray *holders = icw_rule_context_shareholders (context);
  gint64 count = 0;

  for (guint i = 0; i < holders->len; i++)
    if (icw_shareholder_get_amount_fen (holders->pdata[i]) > 0 || icw_shareholder_get_share_bp (holders->pdata[i]) > 0)
      count++;
  emit_count (context, rule, count, icw_rule_param_int (rule, "min", 1));
}

/* top-ten-shareholders: at least `min` shareholders among the top ten firms of the center's
 * field (64号 "在本领域排名前十"): an organization flagged top ten counts only when the field it is
 * ranked in is the center's; those ranked in another field, or with no field recorded, are
 * counted apart and named in the message as {elsewhere}. */
static void
run_top_ten_shareholders (IcwRuleContext *context,
                          const IcwRule  *rule)
{
  GPtrArray *holders = icw_rule_context_shareholders (context);
  const char *field = icw_center_get_field (context->center);
  gint64 count = 0, elsewhere = 0, min = icw_rule_param_int (rule, "min", 1);
  g_autofree char *count_text = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *elsewhere_text = NULL;
  g_autofree char *field_text = NULL;

  for (guint i = 0; i < holders->len; i++)
    {
      g_autoptr(IcwOrganization) org = organization (context, icw_shareholder_get_organization_id (holders->pdata[i]));

      if (org == NULL || !icw_organization_get_top_ten (org))
        continue;
      if (field != NULL && *field != '\0' && same_text (icw_organization_get_top_ten_field (org), field))
        count++;
      else
        elsewhere++;
    }
  if (count >= min)
    return;
  count_text = number (count);
  min_text = number (min);
  elsewhere_text = number (elsewhere);
  field_text = g_strstrip (g_strdup (field != NULL ? field : ""));
  icw_rule_emit (context, rule, NULL, "count", count_text, "min", min_text, "elsewhere", elsewhere_text,
                 "field", *field_text != '\0' ? field_text : NULL, NULL);
}

/* shareholder-kinds: at least `min` shareholders of the organization kinds listed. */
static void
run_shareholder_kinds (IcwRuleContext *context,
                       const IcwRule  *rule)
{
  GPtrArray *holders = icw_rule_context_shareholders (context);
  g_autoptr(GPtrArray) kinds = icw_rule_param_strings (rule, "kinds");
  gint64 count = 0;

  for (guint i = 0; i < holders->len; i++)
    {
      g_autoptr(IcwOrganization) org = organization (context, icw_shareholder_get_organization_id (holders->pdata[i]));

      count += org != NULL && equals_any (icw_org_kind_to_key (icw_organization_get_kind (org)), kinds) ? 1 : 0;
    }
  emit_count (context, rule, count, icw_rule_param_int (rule, "min", 1));
}

static char *
check_shareholder_kinds (const char *field,
                         JsonObject *params)
{
  JsonArray *array = json_object_get_array_member (params, "kinds");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *key = json_array_get_string_element (array, i);
      gboolean known = FALSE;

      for (guint k = 0; k < ICW_N_ORG_KINDS; k++)
        known = known || strcmp (key, icw_org_kind_to_key (k)) == 0;
      if (!known)
        return g_strdup_printf (_("“%s” in “%s” is not a known value"), key, "kinds");
    }
  return NULL;
}

/* max-shareholder-share: no shareholder holds more than max_bp (防止一股独大). */
static void
run_max_shareholder_share (IcwRuleContext *context,
                           const IcwRule  *rule)
{
  GPtrArray *holders = icw_rule_context_shareholders (context);
  IcwShareholder *largest = NULL;
  g_autoptr(IcwOrganization) org = NULL;
  g_autofree char *share = NULL;
  g_autofree char *max = NULL;

  for (guint i = 0; i < holders->len; i++)
    if (largest == NULL || icw_shareholder_get_share_bp (holders->pdata[i]) > icw_shareholder_get_share_bp (largest))
      largest = holders->pdata[i];
  if (largest == NULL || icw_shareholder_get_share_bp (largest) <= icw_rule_param_int (rule, "max_bp", 5000))
    return;
  org = organization (context, icw_shareholder_get_organization_id (largest));
  share = icw_basis_points_format (icw_shareholder_get_share_bp (largest));
  max = icw_basis_points_format (icw_rule_param_int (rule, "max_bp", 5000));
  icw_rule_emit (context, rule, NULL, "name", org != NULL ? icw_organization_get_name (org) : NULL,
                 "share", share, "max", max, NULL);
}


/* The distinct platforms held by the alliance members' organizations that count: of one of
 * `kinds` (every kind when absent), of the center's field when same_field is 1, held by an
 * organization of the center's province when same_province is 1. */
static guint
platforms_held (IcwRuleContext *context,
                const IcwRule  *rule)
{
  GPtrArray *members = icw_rule_context_members (context);
  g_autoptr(GPtrArray) kinds = icw_rule_param_strings (rule, "kinds");
  gboolean same_field = icw_rule_param_int (rule, "same_field", 0) != 0;
  gboolean same_province = icw_rule_param_int (rule, "same_province", 0) != 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < members->len; i++)
    {
      const char *org_id = icw_alliance_member_get_organization_id (members->pdata[i]);
      GListModel *held = icw_store_list (context->store, ICW_RECORD_KIND_PLATFORM, org_id);

      g_ptr_array_add (lists, held);
      if (same_province)
        {
          g_autoptr(IcwOrganization) org = organization (context, org_id);

          if (org == NULL || !same_text (icw_organization_get_province (org), icw_center_get_province (context->center)))
            continue;
        }
      for (guint p = 0; p < g_list_model_get_n_items (held); p++)
        {
          g_autoptr(IcwRecord) platform = g_list_model_get_item (held, p);
          IcwPlatformKind kind = icw_platform_get_kind (ICW_PLATFORM (platform));

          if (kinds != NULL && !equals_any (icw_platform_kind_to_key (kind), kinds))
            continue;
          if (same_field && !same_text (icw_platform_get_field (ICW_PLATFORM (platform)),
                                        icw_center_get_field (context->center)))
            continue;
          g_hash_table_add (seen, (gpointer) icw_record_get_id (platform));
        }
    }
  return g_hash_table_size (seen);
}

/* platform-coverage: the members hold at least min_bp of the field's national platforms (of the
 * kinds and field counted). A field whose total is not recorded is left to a
 * center-property-required rule. */
static void
run_platform_coverage (IcwRuleContext *context,
                       const IcwRule  *rule)
{
  gint64 total = icw_center_get_field_platform_total (context->center);
  gint64 min = icw_rule_param_int (rule, "min_bp", 5000);
  gint64 held, coverage;
  g_autofree char *held_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *coverage_text = NULL;
  g_autofree char *min_text = NULL;

  if (total <= 0)
    return;
  held = platforms_held (context, rule);
  coverage = (held * ICW_BASIS_POINTS_WHOLE + total / 2) / total;
  if (coverage >= min)
    return;
  held_text = number (held);
  total_text = number (total);
  coverage_text = icw_basis_points_format (coverage);
  min_text = icw_basis_points_format (min);
  icw_rule_emit (context, rule, NULL, "held", held_text, "total", total_text,
                 "coverage", coverage_text, "min", min_text, NULL);
}

static char *
check_platform_coverage (const char *field,
                         JsonObject *params)
{
  JsonArray *kinds = json_object_has_member (params, "kinds") ? json_object_get_array_member (params, "kinds") : NULL;

  for (guint i = 0; kinds != NULL && i < json_array_get_length (kinds); i++)
    {
      IcwPlatformKind kind;

      if (!icw_platform_kind_from_string (json_array_get_string_element (kinds, i), &kind))
        return g_strdup_printf (_("“%s” in “%s” is not a known value"), json_array_get_string_element (kinds, i), "kinds");
    }
  return NULL;
}

/* alliance-user-enterprises: at least `min` members are user enterprises (the organization's
 * flag: 用户企业 is a kind of firm, no longer a membership role). */
static void
run_alliance_user_enterprises (IcwRuleContext *context,
                               const IcwRule  *rule)
{
  GPtrArray *members = icw_rule_context_members (context);
  gint64 count = 0;

  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr(IcwOrganization) org = organization (context, icw_alliance_member_get_organization_id (members->pdata[i]));

      count += org != NULL && icw_organization_get_user_enterprise (org) ? 1 : 0;
    }
  emit_count (context, rule, count, icw_rule_param_int (rule, "min", 1));
}

/* alliance-provinces: the members come from at least `min` provinces. */
static void
run_alliance_provinces (IcwRuleContext *context,
                        const IcwRule  *rule)
{
  GPtrArray *members = icw_rule_context_members (context);
  g_autoptr(GHashTable) provinces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr(IcwOrganization) org = organization (context, icw_alliance_member_get_organization_id (members->pdata[i]));
      const char *province = org != NULL ? icw_organization_get_province (org) : NULL;

      if (province != NULL && *province != '\0')
        g_hash_table_add (provinces, g_strdup (province));
    }
  emit_count (context, rule, g_hash_table_size (provinces), icw_rule_param_int (rule, "min", 1));
}

/* lead-rd-intensity: the lead organization's R&D intensity reached min_bp in each of the last
 * `years` years it reported (1 to 3); a year not reported does not reach it. */
static void
run_lead_rd_intensity (IcwRuleContext *context,
                       const IcwRule  *rule)
{
  g_autoptr(IcwOrganization) lead = organization (context, icw_center_get_lead_organization_id (context->center));
  gint64 min = icw_rule_param_int (rule, "min_bp", 300);
  gint64 years = CLAMP (icw_rule_param_int (rule, "years", 3), 1, 3);
  gint64 intensities[3];
  int base;

  if (lead == NULL)
    return;
  intensities[0] = icw_organization_get_rd_intensity_1 (lead);
  intensities[1] = icw_organization_get_rd_intensity_2 (lead);
  intensities[2] = icw_organization_get_rd_intensity_3 (lead);
  base = icw_organization_get_rd_base_year (lead);
  for (guint i = 3 - years; i < 3; i++)
    if (intensities[i] < min)
      {
        g_autofree char *year = base > 0 ? number (base - 2 + i) : NULL;
        g_autofree char *intensity = intensities[i] >= 0 ? icw_basis_points_format (intensities[i]) : NULL;
        g_autofree char *min_text = icw_basis_points_format (min);

        icw_rule_emit (context, rule, NULL, "name", icw_organization_get_name (lead), "year", year,
                       "intensity", intensity, "min", min_text, NULL);
        return;
      }
}

/* center-property-required: a property of the center (text, or a number other than 0) is set. */
static void
run_center_property_required (IcwRuleContext *context,
                              const IcwRule  *rule)
{
  const char *property = icw_rule_param_string (rule, "property");
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean set;

  g_object_get_property (G_OBJECT (context->center), property, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    {
      g_autofree char *text = g_strstrip (g_strdup (g_value_get_string (&value) != NULL ? g_value_get_string (&value) : ""));

      set = *text != '\0';
    }
  else if (G_VALUE_HOLDS_INT (&value))
    set = g_value_get_int (&value) != 0;
  else if (G_VALUE_HOLDS_INT64 (&value))
    set = g_value_get_int64 (&value) != 0;
  else
    set = TRUE;
  if (!set)
    icw_rule_emit (context, rule, NULL, NULL);
}

static char *
check_center_property (const char *field,
                       JsonObject *params)
{
  const char *property = json_object_get_string_member (params, "property");
  g_autoptr(GTypeClass) klass = g_type_class_ref (ICW_TYPE_CENTER);

  if (g_object_class_find_property (G_OBJECT_CLASS (klass), property) == NULL)
    return g_strdup_printf (_("a center has no property “%s”"), property);
  return NULL;
}

static const IcwRuleParam host_params[] = {
  { "contains", ICW_RULE_PARAM_STRINGS, FALSE },
  { "one_of", ICW_RULE_PARAM_STRINGS, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam model_params[] = {
  { "contains_all", ICW_RULE_PARAM_STRINGS, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam min_params[] = {
  { "min", ICW_RULE_PARAM_INT, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam optional_min_params[] = {
  { "min", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam kinds_params[] = {
  { "kinds", ICW_RULE_PARAM_STRINGS, TRUE },
  { "min", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam max_bp_params[] = {
  { "max_bp", ICW_RULE_PARAM_INT, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam coverage_params[] = {
  { "min_bp", ICW_RULE_PARAM_INT, TRUE },
  { "kinds", ICW_RULE_PARAM_STRINGS, FALSE },
  { "same_field", ICW_RULE_PARAM_INT, FALSE },
  { "same_province", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam intensity_params[] = {
  { "min_bp", ICW_RULE_PARAM_INT, TRUE },
  { "years", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam property_params[] = {
  { "property", ICW_RULE_PARAM_STRING, TRUE },
  { NULL, 0, FALSE },
};

static const char * const form_placeholders[] = { "form", NULL };
static const char * const model_placeholders[] = { "model", NULL };
static const char * const count_placeholders[] = { "count", "min", NULL };
static const char * const top_ten_placeholders[] = { "count", "min", "elsewhere", "field", NULL };
static const char * const share_placeholders[] = { "name", "share", "max", NULL };
static const char * const coverage_placeholders[] = { "held", "total", "coverage", "min", NULL };
static const char * const intensity_placeholders[] = { "name", "year", "intensity", "min", NULL };
static const char * const no_placeholders[] = { NULL };

static const IcwRuleKind register_kinds[] = {
  { "host-legal-form", run_host_legal_form, host_params, form_placeholders, check_host_legal_form },
  { "operating-model", run_operating_model, model_params, model_placeholders, NULL },
  { "min-shareholders", run_min_shareholders, min_params, count_placeholders, NULL },
  { "top-ten-shareholders", run_top_ten_shareholders, min_params, top_ten_placeholders, NULL },
  { "shareholder-kinds", run_shareholder_kinds, kinds_params, count_placeholders, check_shareholder_kinds },
  { "max-shareholder-share", run_max_shareholder_share, max_bp_params, share_placeholders, NULL },
  { "platform-coverage", run_platform_coverage, coverage_params, coverage_placeholders, check_platform_coverage },
  { "alliance-user-enterprises", run_alliance_user_enterprises, optional_min_params, count_placeholders, NULL },
  { "alliance-provinces", run_alliance_provinces, min_params, count_placeholders, NULL },
  { "lead-rd-intensity", run_lead_rd_intensity, intensity_params, intensity_placeholders, NULL },
  { "center-property-required", run_center_property_required, property_params, no_placeholders,
    check_center_property },
};

const IcwRuleKind *
icw_rule_kinds_registers (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (register_kinds);
  return register_kinds;
}
