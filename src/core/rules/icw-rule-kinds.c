/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-kinds.c: the rule kinds that look at the application itself (its sections, the call,
 * the structured parts, the attachments), the table by which a pack's "kind" finds its code, and
 * what every kind shares: its parameters and the findings it adds. The kinds that look at the
 * center's registers are in icw-rule-kinds-registers.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "icw-application-parts.h"
#include "icw-attachment.h"
#include "icw-form-text.h"
#include "icw-rules-private.h"

static const IcwRuleKindTable kind_tables[] = {
  icw_rule_kinds_application,
  icw_rule_kinds_registers,
  icw_rule_kinds_agreement,
  icw_rule_kinds_funding,
  icw_rule_kinds_conditions,
  icw_rule_kinds_indicators,
};

const IcwRuleKind *
icw_rule_kind_lookup (const char *name)
{
  for (guint t = 0; name != NULL && t < G_N_ELEMENTS (kind_tables); t++)
    {
      guint n_kinds;
      const IcwRuleKind *kinds = kind_tables[t] (&n_kinds);

      for (guint i = 0; i < n_kinds; i++)
        if (strcmp (kinds[i].name, name) == 0)
          return &kinds[i];
    }
  return NULL;
}

gint64
icw_rule_param_int (const IcwRule *rule,
                    const char    *name,
                    gint64         fallback)
{
  if (!json_object_has_member (rule->params, name))
    return fallback;
  return json_object_get_int_member (rule->params, name);
}

const char *
icw_rule_param_string (const IcwRule *rule,
                       const char    *name)
{
  if (!json_object_has_member (rule->params, name))
    return NULL;
  return json_object_get_string_member (rule->params, name);
}

/* The texts of an array parameter (borrowed from the rule), or NULL when it is absent. */
GPtrArray *
icw_rule_param_strings (const IcwRule *rule,
                        const char    *name)
{
  JsonArray *array;
  GPtrArray *strings;

  if (!json_object_has_member (rule->params, name))
    return NULL;
  array = json_object_get_array_member (rule->params, name);
  strings = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (strings, (gpointer) json_array_get_string_element (array, i));
  return strings;
}

void
icw_rule_emit (IcwRuleContext *context,
               const IcwRule  *rule,
               const char     *field,
               ...)
{
  gboolean chinese = strcmp (icw_rules_language (), "zh_CN") == 0;
  g_autoptr(GString) message = g_string_new (chinese ? rule->message_zh : rule->message_en);
  g_autofree char *basis = NULL;
  const char *name;
  va_list args;

  va_start (args, field);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *placeholder = g_strdup_printf ("{%s}", name);

      g_string_replace (message, placeholder, value != NULL ? value : "—", 0);
    }
  va_end (args);

  basis = icw_rule_basis_text (rule);
  g_ptr_array_add (context->findings,
                   icw_finding_new_with_basis (rule->id, icw_rule_pack_get_id (context->pack), rule->severity,
                                               basis, rule->basis, rule->url,
                                               field != NULL ? field : rule->field, message->str));
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* section-required: a narrative section of at least min_words words, or a structured part of at
 * least min_items items. */
static void
run_section_required (IcwRuleContext *context,
                      const IcwRule  *rule)
{
  IcwSection section = icw_section_from_field (rule->field);
  g_autofree char *text = icw_application_get_section_text (context->application, section);
  g_autofree char *count_text = NULL;
  g_autofree char *min_text = NULL;
  gint64 min, count;

  if (icw_section_get_form (section) == ICW_SECTION_FORM_TEXT)
    {
      min = icw_rule_param_int (rule, "min_words", 1);
      count = icw_text_count_words (text);
    }
  else
    {
      g_autoptr(JsonNode) root = icw_application_part_parse (section, text, NULL);

      min = icw_rule_param_int (rule, "min_items", 1);
      count = root != NULL ? json_array_get_length (json_node_get_array (root)) : 0;
    }
  if (count >= min)
    return;
  count_text = number (count);
  min_text = number (min);
  icw_rule_emit (context, rule, NULL, "count", count_text, "min", min_text,
                 "section", icw_section_get_title (section), NULL);
}

static char *
check_section_required (const char *field,
                        JsonObject *params)
{
  IcwSection section;

  if (!icw_section_from_key (field, &section) ||
      (icw_section_get_form (section) != ICW_SECTION_FORM_TEXT && icw_section_get_form (section) != ICW_SECTION_FORM_LIST))
    return g_strdup_printf (_("the field “%s” is not a narrative section or a list"), field);
  if (icw_section_get_form (section) == ICW_SECTION_FORM_TEXT && json_object_has_member (params, "min_items"))
    return g_strdup (_("“min_items” applies to lists; a narrative section takes “min_words”"));
  if (icw_section_get_form (section) == ICW_SECTION_FORM_LIST && json_object_has_member (params, "min_words"))
    return g_strdup (_("“min_words” applies to narrative sections; a list takes “min_items”"));
  return NULL;
}

/* call-complete: the title, and the call's name, issuing body and deadline (a valid date); one
 * finding for each part that is missing, at its field, so that each fix shows. */
static void
run_call_complete (IcwRuleContext *context,
                   const IcwRule  *rule)
{
  IcwApplication *application = context->application;
  g_autoptr(GDate) deadline = g_date_new ();
  const struct {
    const char *field;
    const char *label;
    gboolean    missing;
  } parts[] = {
    { "title", N_("Title"), icw_form_text_is_blank (icw_application_get_title (application)) },
    { "call/name", N_("Name of the call"), icw_form_text_is_blank (icw_application_get_call_name (application)) },
    { "call/issuer", N_("Issuing body"), icw_form_text_is_blank (icw_application_get_call_issuer (application)) },
    { "call/deadline", N_("Deadline"), !parse_date (icw_application_get_call_deadline (application), deadline) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].missing)
      icw_rule_emit (context, rule, parts[i].field, "part", g_dgettext (GETTEXT_PACKAGE, parts[i].label), NULL);
}

/* The days from today to the deadline; FALSE when there is no valid deadline. */
static gboolean
days_left (IcwRuleContext *context,
           gint64         *days)
{
  g_autoptr(GDate) deadline = g_date_new ();

  if (!parse_date (icw_application_get_call_deadline (context->application), deadline))
    return FALSE;
  *days = g_date_days_between (context->today, deadline);
  return TRUE;
}

/* deadline-near: a warning from `days` days before the deadline to the day itself. */
static void
run_deadline_near (IcwRuleContext *context,
                   const IcwRule  *rule)
{
  g_autofree char *left_text = NULL;
  gint64 left;

  if (!days_left (context, &left) || left < 0 || left > icw_rule_param_int (rule, "days", 0))
    return;
  left_text = number (left);
  icw_rule_emit (context, rule, NULL, "days", left_text,
                 "deadline", icw_application_get_call_deadline (context->application), NULL);
}

/* deadline-passed: the deadline is before today. */
static void
run_deadline_passed (IcwRuleContext *context,
                     const IcwRule  *rule)
{
  g_autofree char *late_text = NULL;
  gint64 left;

  if (!days_left (context, &left) || left >= 0)
    return;
  late_text = number (-left);
  icw_rule_emit (context, rule, NULL, "days", late_text,
                 "deadline", icw_application_get_call_deadline (context->application), NULL);
}

static JsonArray *
list_part (IcwRuleContext *context,
           IcwSection      section,
           JsonNode      **root)
{
  g_autofree char *text = icw_application_get_section_text (context->application, section);

  *root = icw_application_part_parse (section, text, NULL);
  return *root != NULL ? json_node_get_array (*root) : NULL;
}

static const char *
item_string (JsonObject *item,
             const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
item_int (JsonObject *item,
          const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* The member of a roadmap item that is wrong, or NULL. */
static const char *
roadmap_problem (JsonObject *item)
{
  gint64 from = item_int (item, "trl_from");
  gint64 to = item_int (item, "trl_to");

  if (icw_form_text_is_blank (item_string (item, "technology")))
    return "technology";
  if (from < 1 || from > 9)
    return "trl_from";
  if (to < 1 || to > 9 || to <= from)
    return "trl_to";
  return NULL;
}

/* roadmap-trl: every technology is named, with TRLs from 1 to 9 that rise. */
static void
run_roadmap_trl (IcwRuleContext *context,
                 const IcwRule  *rule)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items = list_part (context, ICW_SECTION_ROADMAP, &root);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *member = roadmap_problem (item);
      g_autofree char *field = NULL;
      g_autofree char *item_text = NULL;

      if (member == NULL)
        continue;
      field = g_strdup_printf ("roadmap/%u/%s", i, member);
      item_text = number (i + 1);
      icw_rule_emit (context, rule, field, "item", item_text,
                     "technology", icw_form_text_is_blank (item_string (item, "technology")) ? NULL : item_string (item, "technology"),
                     NULL);
    }
}

static gboolean
list_has (JsonArray  *items,
          const char *member,
          const char *key)
{
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    if (g_strcmp0 (item_string (json_array_get_object_element (items, i), member), key) == 0)
      return TRUE;
  return FALSE;
}

/* Each of the keys (a parameter, or all of them) appears in a member of some item. */
static void
emit_missing_keys (IcwRuleContext     *context,
                   const IcwRule      *rule,
                   IcwSection          section,
                   const char         *member,
                   const char         *param,
                   const char * const *all_keys,
                   const char       *(*label) (const char *key))
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items = list_part (context, section, &root);
  g_autoptr(GPtrArray) keys = icw_rule_param_strings (rule, param);

  if (keys == NULL)
    {
      keys = g_ptr_array_new ();
      for (guint i = 0; all_keys[i] != NULL; i++)
        g_ptr_array_add (keys, (gpointer) all_keys[i]);
    }
  for (guint i = 0; i < keys->len; i++)
    if (!list_has (items, member, keys->pdata[i]))
      icw_rule_emit (context, rule, NULL, member, label (keys->pdata[i]), NULL);
}

/* indicators-areas: at least one indicator in each area of 工信厅科〔2018〕37号. */
static void
run_indicators_areas (IcwRuleContext *context,
                      const IcwRule  *rule)
{
  emit_missing_keys (context, rule, ICW_SECTION_INDICATORS, "area", "areas",
                     icw_indicator_area_keys (), icw_indicator_area_to_label);
}

/* capability-kinds: at least one capability platform of each kind. */
static void
run_capability_kinds (IcwRuleContext *context,
                      const IcwRule  *rule)
{
  emit_missing_keys (context, rule, ICW_SECTION_CAPABILITY_PLATFORMS, "kind", "kinds",
                     icw_capability_kind_keys (), icw_capability_kind_to_label);
}

static char *
check_keys (JsonObject          *params,
            const char          *param,
            const char        *(*label) (const char *key))
{
  JsonArray *array;

  if (!json_object_has_member (params, param))
    return NULL;
  array = json_object_get_array_member (params, param);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (label (json_array_get_string_element (array, i)) == NULL)
      return g_strdup_printf (_("“%s” in “%s” is not a known value"),
                              json_array_get_string_element (array, i), param);
  return NULL;
}

static char *
check_indicators_areas (const char *field,
                        JsonObject *params)
{
  return check_keys (params, "areas", icw_indicator_area_to_label);
}

static char *
check_capability_kinds (const char *field,
                        JsonObject *params)
{
  return check_keys (params, "kinds", icw_capability_kind_to_label);
}

/* The plan for task n (1 to 8), or NULL. */
static char *
task_plan (IcwApplication *application,
           guint           n)
{
  g_autofree char *text = icw_application_get_section_text (application, ICW_SECTION_TASKS);
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_TASKS, text, NULL);
  char key[2] = { (char) ('0' + n), '\0' };
  const char *plan;

  if (root == NULL)
    return NULL;
  plan = item_string (json_node_get_object (root), key);
  return g_strdup (plan);
}

/* tasks-planned: a plan of at least min_words words for each of the eight main tasks. */
static void
run_tasks_planned (IcwRuleContext *context,
                   const IcwRule  *rule)
{
  gint64 min = icw_rule_param_int (rule, "min_words", 1);
  g_autofree char *min_text = number (min);

  for (guint n = 1; n <= ICW_N_MAIN_TASKS; n++)
    {
      g_autofree char *plan = task_plan (context->application, n);
      guint count = icw_text_count_words (plan);
      g_autofree char *field = NULL;
      g_autofree char *task_text = NULL;
      g_autofree char *count_text = NULL;

      if (count >= min)
        continue;
      field = g_strdup_printf ("tasks/%u", n);
      task_text = number (n);
      count_text = number (count);
      icw_rule_emit (context, rule, field, "task", task_text, "title", icw_main_task_get_title (n),
                     "count", count_text, "min", min_text, NULL);
    }
}

/* The text a text-mentions rule reads: a narrative section, or a task's plan ("tasks/3"). */
static char *
mentions_text (IcwRuleContext *context,
               const char     *field)
{
  IcwSection section = icw_section_from_field (field);
  guint task;

  if (section == ICW_SECTION_TASKS && icw_field_get_item (field, &task, NULL))
    return task_plan (context->application, task);
  return icw_application_get_section_text (context->application, section);
}

/* text-mentions: the text names the terms (all of them, or at least `min`). */
static void
run_text_mentions (IcwRuleContext *context,
                   const IcwRule  *rule)
{
  g_autofree char *text = mentions_text (context, rule->field);
  g_autoptr(GPtrArray) terms = icw_rule_param_strings (rule, "terms");
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *missing_text = NULL;
  gint64 min = icw_rule_param_int (rule, "min", terms->len);

  for (guint i = 0; i < terms->len; i++)
    if (text == NULL || strstr (text, terms->pdata[i]) == NULL)
      g_ptr_array_add (missing, terms->pdata[i]);
  if ((gint64) (terms->len - missing->len) >= min)
    return;
  g_ptr_array_add (missing, NULL);
  missing_text = g_strjoinv ("、", (char **) missing->pdata);
  icw_rule_emit (context, rule, NULL, "missing", missing_text, NULL);
}

static char *
check_text_mentions (const char *field,
                     JsonObject *params)
{
  IcwSection section = icw_section_from_field (field);
  guint task;

  if (section == ICW_SECTION_TASKS && icw_field_get_item (field, &task, NULL) && task >= 1 && task <= ICW_N_MAIN_TASKS)
    return NULL;
  if (!icw_section_from_key (field, &section) || icw_section_get_form (section) != ICW_SECTION_FORM_TEXT)
    return g_strdup_printf (_("the field “%s” is not a narrative section or a task's plan"), field);
  return NULL;
}

/* attachments-required: at least one attachment of each kind listed. */
static void
run_attachments_required (IcwRuleContext *context,
                          const IcwRule  *rule)
{
  g_autoptr(GListModel) list = icw_store_list (context->store, ICW_RECORD_KIND_ATTACHMENT,
                                               icw_record_get_id (ICW_RECORD (context->application)));
  g_autoptr(GPtrArray) kinds = icw_rule_param_strings (rule, "kinds");
  gboolean present[ICW_N_ATTACHMENT_KINDS] = { FALSE, };

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IcwAttachment) attachment = g_list_model_get_item (list, i);

      present[icw_attachment_get_kind (attachment)] = TRUE;
    }
  for (guint i = 0; i < kinds->len; i++)
    {
      IcwAttachmentKind kind;

      icw_attachment_kind_from_string (kinds->pdata[i], &kind);
      if (!present[kind])
        icw_rule_emit (context, rule, NULL, "kind", icw_attachment_kind_to_label (kind), NULL);
    }
}

static char *
check_attachments_required (const char *field,
                            JsonObject *params)
{
  JsonArray *array = json_object_get_array_member (params, "kinds");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *key = json_array_get_string_element (array, i);
      gboolean known = FALSE;

      for (guint k = 0; k < ICW_N_ATTACHMENT_KINDS; k++)
        known = known || strcmp (key, icw_attachment_kind_to_key (k)) == 0;
      if (!known)
        return g_strdup_printf (_("“%s” in “%s” is not a known value"), key, "kinds");
    }
  return NULL;
}

static const IcwRuleParam section_required_params[] = {
  { "min_words", ICW_RULE_PARAM_INT, FALSE },
  { "min_items", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam no_params[] = { { NULL, 0, FALSE } };
static const IcwRuleParam days_params[] = {
  { "days", ICW_RULE_PARAM_INT, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam areas_params[] = {
  { "areas", ICW_RULE_PARAM_STRINGS, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam kinds_params[] = {
  { "kinds", ICW_RULE_PARAM_STRINGS, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam required_kinds_params[] = {
  { "kinds", ICW_RULE_PARAM_STRINGS, TRUE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam words_params[] = {
  { "min_words", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};
static const IcwRuleParam mentions_params[] = {
  { "terms", ICW_RULE_PARAM_STRINGS, TRUE },
  { "min", ICW_RULE_PARAM_INT, FALSE },
  { NULL, 0, FALSE },
};

static const char * const count_placeholders[] = { "count", "min", "section", NULL };
static const char * const part_placeholders[] = { "part", NULL };
static const char * const deadline_placeholders[] = { "days", "deadline", NULL };
static const char * const roadmap_placeholders[] = { "item", "technology", NULL };
static const char * const area_placeholders[] = { "area", NULL };
static const char * const kind_placeholders[] = { "kind", NULL };
static const char * const task_placeholders[] = { "task", "title", "count", "min", NULL };
static const char * const missing_placeholders[] = { "missing", NULL };

static const IcwRuleKind application_kinds[] = {
  { "section-required", run_section_required, section_required_params, count_placeholders, check_section_required },
  { "call-complete", run_call_complete, no_params, part_placeholders, NULL },
  { "deadline-near", run_deadline_near, days_params, deadline_placeholders, NULL },
  { "deadline-passed", run_deadline_passed, no_params, deadline_placeholders, NULL },
  { "roadmap-trl", run_roadmap_trl, no_params, roadmap_placeholders, NULL },
  { "indicators-areas", run_indicators_areas, areas_params, area_placeholders, check_indicators_areas },
  { "capability-kinds", run_capability_kinds, kinds_params, kind_placeholders, check_capability_kinds },
  { "tasks-planned", run_tasks_planned, words_params, task_placeholders, NULL },
  { "text-mentions", run_text_mentions, mentions_params, missing_placeholders, check_text_mentions },
  { "attachments-required", run_attachments_required, required_kinds_params, kind_placeholders,
    check_attachments_required },
};

const IcwRuleKind *
icw_rule_kinds_application (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (application_kinds);
  return application_kinds;
}
