/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-parts.c: a report's narrative sections and 考核指标 rows as JSON, checked member by
 * member as icw-field-parts.c types them, and the calendar of 考核 and 评估 years (the header
 * says how the years are counted and why). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "icw-application-sections.h"
#include "icw-error.h"
#include "icw-field-checks.h"
#include "icw-funding-parts.h"
#include "icw-json-check.h"
#include "icw-report-parts.h"

#define LIAONING N_("Liaoning 辽工信发〔2022〕121号: content of the annual 考核")
#define ART_7 N_("工信厅科〔2018〕37号 art. 7 (建设情况)")
#define ART_8 N_("工信厅科〔2018〕37号 art. 8 (运行情况)")
#define OWN N_("The program's own heading (no published outline)")

/* The 年度工作总结 follows Liaoning's list of what the annual 考核 covers, the one province whose
 * list was found (policy-audit.md, Part 2 (b)); the 自评估报告 follows 37号's 考评内容: the
 * 建设情况 of art. 7 and the six areas of art. 8. */
static const IcwReportSection sections[] = {
  { "goals", N_("Completion of the construction goals and this year's work"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "spillover", N_("Technology spillover"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "public-service", N_("Public services"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "resources", N_("Pooling of innovation resources"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "core-role", N_("Core role in the field"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "collaboration", N_("Collaborative innovation"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "market", N_("Market-based operation"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "industrialisation", N_("Industrialisation"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "standards", N_("Standards work"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "talent", N_("Training of talent"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "sustainability", N_("Sustainable development"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "industry-impact", N_("Impact on the industry's development"), LIAONING, ICW_REPORT_KIND_ANNUAL_ASSESSMENT },
  { "eval-construction", N_("Construction against the goals of the plan"), ART_7, ICW_REPORT_KIND_EVALUATION },
  { "eval-rd-capacity", N_("Research capacity"), ART_8, ICW_REPORT_KIND_EVALUATION },
  { "eval-breakthroughs", N_("Breakthroughs in common technologies"), ART_8, ICW_REPORT_KIND_EVALUATION },
  { "eval-collaboration", N_("Collaboration of industry, universities and research"), ART_8, ICW_REPORT_KIND_EVALUATION },
  { "eval-market", N_("Market orientation"), ART_8, ICW_REPORT_KIND_EVALUATION },
  { "eval-transfer", N_("Transfer and commercialisation of results"), ART_8, ICW_REPORT_KIND_EVALUATION },
  { "eval-sustainability", N_("Capacity for sustainable development"), ART_8, ICW_REPORT_KIND_EVALUATION },
  { "eval-problems", N_("Problems and measures"), OWN, ICW_REPORT_KIND_EVALUATION },
};

const IcwReportSection *
icw_report_sections (guint *n_out)
{
  g_return_val_if_fail (n_out != NULL, NULL);
  *n_out = G_N_ELEMENTS (sections);
  return sections;
}

const IcwReportSection *
icw_report_section_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (sections); i++)
    if (strcmp (sections[i].key, key) == 0)
      return &sections[i];
  return NULL;
}

const char *
icw_report_section_title (const IcwReportSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, section->title);
}

const char * const *
icw_report_section_keys (void)
{
  static const char *keys[G_N_ELEMENTS (sections) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      keys[i] = sections[i].key;
  return keys;
}

GHashTable *
icw_report_summary_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(GHashTable) summary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (text == NULL || *text == '\0')
    return g_steal_pointer (&summary);
  if ((root = icw_json_parse_strict (text)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Work summary: the text is not a JSON object of sections"));
      return NULL;
    }
  object = json_node_get_object (root);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (icw_report_section_lookup (l->data) == NULL)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Work summary: “%s” is not a section of a report"),
                       (const char *) l->data);
          return NULL;
        }
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Work summary, section “%s”: it must be text"),
                       (const char *) l->data);
          return NULL;
        }
      g_hash_table_replace (summary, g_strdup (l->data), g_strdup (json_node_get_string (node)));
    }
  return g_steal_pointer (&summary);
}

char *
icw_report_summary_to_json (GHashTable *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = 0;

  json_builder_begin_object (builder);
  for (guint i = 0; summary != NULL && i < G_N_ELEMENTS (sections); i++)
    {
      const char *value = g_hash_table_lookup (summary, sections[i].key);

      if (value == NULL || *value == '\0')
        continue;
      json_builder_set_member_name (builder, sections[i].key);
      json_builder_add_string_value (builder, value);
      n++;
    }
  json_builder_end_object (builder);
  if (n == 0)
    return NULL;
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

IcwReportRow *
icw_report_row_new (void)
{
  IcwReportRow *row = g_new0 (IcwReportRow, 1);

  row->evidence = g_new0 (char *, 1);
  return row;
}

void
icw_report_row_free (IcwReportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->area);
  g_free (row->name);
  g_free (row->unit);
  g_strfreev (row->evidence);
  g_free (row->comment);
  g_free (row);
}

static gboolean
row_error (GError    **error,
           guint       n,
           const char *member,
           const char *what)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Indicator row %u, %s: %s"), n, member, what);
  return FALSE;
}

static gboolean
number_member (JsonObject *object,
               const char *name,
               gboolean   *has,
               double     *out)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  *has = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  *has = TRUE;
  return isfinite (*out);
}

static gboolean
is_area (const char *key)
{
  for (const char * const *k = icw_indicator_area_keys (); *k != NULL; k++)
    if (strcmp (*k, key) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
read_evidence (IcwReportRow  *row,
               JsonNode      *node,
               guint          n,
               GError       **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return row_error (error, n, "evidence", _("it must be a list of attachments"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *id = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item) || !icw_json_optional_string (json_node_get_object (item), "attachment_id", &id) ||
          id == NULL || *id == '\0' || !icw_field_check_uuid (id, NULL))
        return row_error (error, n, "evidence", _("each item must name an attachment by its ID"));
      g_ptr_array_add (ids, g_strdup (id));
    }
  g_ptr_array_add (ids, NULL);
  g_strfreev (row->evidence);
  row->evidence = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  return TRUE;
}

static IcwReportRow *
read_row (JsonNode  *node,
          guint      n,
          GError   **error)
{
  g_autoptr(IcwReportRow) row = icw_report_row_new ();
  const char *key, *area, *name, *unit, *comment;
  JsonObject *object;
  JsonNode *computed;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return row_error (error, n, "", _("it must be an object")), NULL;
  object = json_node_get_object (node);
  if (!icw_json_optional_string (object, "key", &key) || key == NULL)
    return row_error (error, n, "key", _("every row names its indicator's key as text")), NULL;
  if (!icw_json_optional_string (object, "area", &area) || (area != NULL && *area != '\0' && !is_area (area)))
    return row_error (error, n, "area", _("it is not an assessment area")), NULL;
  if (!icw_json_optional_string (object, "name", &name) || !icw_json_optional_string (object, "unit", &unit) ||
      !icw_json_optional_string (object, "comment", &comment))
    return row_error (error, n, "name, unit, comment", _("they must be text")), NULL;
  if (!number_member (object, "target", &row->has_target, &row->target))
    return row_error (error, n, "target", _("it must be a number")), NULL;
  if (!number_member (object, "actual", &row->has_actual, &row->actual))
    return row_error (error, n, "actual", _("it must be a number")), NULL;
  computed = json_object_get_member (object, "computed");
  if (computed != NULL && !JSON_NODE_HOLDS_NULL (computed))
    {
      if (!JSON_NODE_HOLDS_VALUE (computed) || json_node_get_value_type (computed) != G_TYPE_BOOLEAN)
        return row_error (error, n, "computed", _("it must be true or false")), NULL;
      row->computed = json_node_get_boolean (computed);
    }
  if (!read_evidence (row, json_object_get_member (object, "evidence"), n, error))
    return NULL;
  row->key = g_strdup (key);
  row->area = area != NULL && *area != '\0' ? g_strdup (area) : NULL;
  row->name = g_strdup (name);
  row->unit = g_strdup (unit);
  row->comment = g_strdup (comment);
  return g_steal_pointer (&row);
}

GPtrArray *
icw_report_rows_parse (const char  *text,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_report_row_free);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (text == NULL || *text == '\0')
    return g_steal_pointer (&rows);
  if ((root = icw_json_parse_strict (text)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Assessment indicators: the text is not a JSON list of rows"));
      return NULL;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      IcwReportRow *row = read_row (json_array_get_element (array, i), i + 1, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            gboolean     has,
            double       value)
{
  if (!has)
    return;
  json_builder_set_member_name (builder, name);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

char *
icw_report_rows_to_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (rows == NULL || rows->len == 0)
    return NULL;
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      add_text (builder, "key", row->key != NULL ? row->key : "");
      add_text (builder, "area", row->area);
      add_text (builder, "name", row->name);
      add_text (builder, "unit", row->unit);
      add_number (builder, "target", row->has_target, row->target);
      add_number (builder, "actual", row->has_actual, row->actual);
      if (row->computed)
        {
          json_builder_set_member_name (builder, "computed");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (row->evidence != NULL && row->evidence[0] != NULL)
        {
          json_builder_set_member_name (builder, "evidence");
          json_builder_begin_array (builder);
          for (guint e = 0; row->evidence[e] != NULL; e++)
            {
              json_builder_begin_object (builder);
              add_text (builder, "attachment_id", row->evidence[e]);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      add_text (builder, "comment", row->comment);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

IcwReportRow *
icw_report_rows_find (GPtrArray  *rows,
                      const char *key)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      IcwReportRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

gboolean
icw_report_row_missed (const IcwReportRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);
  return row->has_target && row->has_actual && row->actual < row->target;
}

int
icw_report_recognized_year (const char *recognized_on)
{
  if (!icw_date_is_valid (recognized_on))
    return 0;
  return (int) g_ascii_strtoll (recognized_on, NULL, 10);
}

gboolean
icw_report_is_evaluation_year (const char *recognized_on,
                               int         year)
{
  int first = icw_report_recognized_year (recognized_on);

  return first > 0 && year > first && (year - first) % 3 == 0;
}

gboolean
icw_report_kind_due (const char    *recognized_on,
                     int            year,
                     IcwReportKind *out)
{
  int first = icw_report_recognized_year (recognized_on);

  if (first == 0 || year <= first)
    return FALSE;
  if (out != NULL)
    *out = icw_report_is_evaluation_year (recognized_on, year) ? ICW_REPORT_KIND_EVALUATION
                                                               : ICW_REPORT_KIND_ANNUAL_ASSESSMENT;
  return TRUE;
}
