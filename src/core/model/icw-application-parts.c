/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-parts.c: the JSON formats of an application's structured parts, checked member
 * by member (json-glib accepts more than JSON: a "var x = …" assignment, and any type where another
 * is expected), their canonical form, and every section as readable text. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application-parts.h"
#include "icw-attachment.h"
#include "icw-error.h"
#include "icw-form-text.h"
#include "icw-json-check.h"

/* Messages put the part's title in front, as other messages put a field's label. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

typedef enum {
  MEMBER_TEXT,
  MEMBER_INT,
  MEMBER_CAPABILITY_KIND,
  MEMBER_INDICATOR_AREA,
  MEMBER_NUMBER,          /* a JSON number, whole or not */
  MEMBER_YEARS,           /* the 绩效目标表's [{"year": int, "target": number}] */
} MemberType;

typedef struct {
  const char *name;
  MemberType  type;
} MemberSpec;

static const MemberSpec roadmap_members[] = {
  { "technology", MEMBER_TEXT },
  { "trl_from", MEMBER_INT },
  { "trl_to", MEMBER_INT },
  { "milestones", MEMBER_TEXT },
  { NULL, 0 },
};

static const MemberSpec platform_members[] = {
  { "kind", MEMBER_CAPABILITY_KIND },
  { "name", MEMBER_TEXT },
  { "description", MEMBER_TEXT },
  { NULL, 0 },
};

static const MemberSpec indicator_members[] = {
  { "area", MEMBER_INDICATOR_AREA },
  { "name", MEMBER_TEXT },
  { "unit", MEMBER_TEXT },
  { "baseline", MEMBER_TEXT },
  { "targets", MEMBER_TEXT },
  { "baseline_value", MEMBER_NUMBER },
  { "years", MEMBER_YEARS },
  { NULL, 0 },
};

static const MemberSpec *
members_of (IcwSection section)
{
  switch (section)
    {
    case ICW_SECTION_ROADMAP:
      return roadmap_members;
    case ICW_SECTION_CAPABILITY_PLATFORMS:
      return platform_members;
    case ICW_SECTION_INDICATORS:
      return indicator_members;
    default:
      return NULL;
    }
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The targets of an indicator by year: each a year from ICW_INDICATOR_FIRST_YEAR to _LAST_YEAR
 * and a number, both there. */
static gboolean
check_years (const char  *title,
             guint        item,
             JsonNode    *node,
             GError     **error)
{
  JsonArray *years;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s, item %u: “years” must be a list"), title, item);
      return FALSE;
    }
  years = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (years); i++)
    {
      JsonNode *entry = json_array_get_element (years, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;
      JsonNode *year = object != NULL ? json_object_get_member (object, "year") : NULL;
      JsonNode *target = object != NULL ? json_object_get_member (object, "target") : NULL;

      if (year == NULL || !holds (year, G_TYPE_INT64) ||
          json_node_get_int (year) < ICW_INDICATOR_FIRST_YEAR || json_node_get_int (year) > ICW_INDICATOR_LAST_YEAR)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("%s, item %u, target %u: the year must be a whole number from %d to %d"),
                       title, item, i + 1, ICW_INDICATOR_FIRST_YEAR, ICW_INDICATOR_LAST_YEAR);
          return FALSE;
        }
      if (target == NULL || !(holds (target, G_TYPE_INT64) || holds (target, G_TYPE_DOUBLE)))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("%s, item %u, target for %d: it must be a number"),
                       title, item, (int) json_node_get_int (year));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_member (IcwSection          section,
              guint               item,
              JsonObject         *object,
              const MemberSpec   *spec,
              GError            **error)
{
  const char *title = icw_section_get_title (section);
  JsonNode *node = json_object_get_member (object, spec->name);
  const char *key;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (spec->type == MEMBER_NUMBER)
    {
      if (holds (node, G_TYPE_INT64) || holds (node, G_TYPE_DOUBLE))
        return TRUE;
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("%s, item %u: “%s” must be a number"), title, item, spec->name);
      return FALSE;
    }
  if (spec->type == MEMBER_YEARS)
    return check_years (title, item, node, error);
  if (spec->type == MEMBER_INT)
    {
      if (holds (node, G_TYPE_INT64))
        return TRUE;
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("%s, item %u: “%s” must be a whole number"), title, item, spec->name);
      return FALSE;
    }
  if (!holds (node, G_TYPE_STRING))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("%s, item %u: “%s” must be text"), title, item, spec->name);
      return FALSE;
    }
  key = json_node_get_string (node);
  if ((spec->type == MEMBER_CAPABILITY_KIND && icw_capability_kind_to_label (key) == NULL) ||
      (spec->type == MEMBER_INDICATOR_AREA && icw_indicator_area_to_label (key) == NULL))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("%s, item %u: “%s” is not a known value of “%s”"), title, item, key, spec->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_list (IcwSection   section,
            JsonNode    *root,
            GError     **error)
{
  const MemberSpec *specs = members_of (section);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s: it must be a JSON array"),
                   icw_section_get_title (section));
      return FALSE;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s, item %u: it must be a JSON object"),
                       icw_section_get_title (section), i + 1);
          return FALSE;
        }
      for (const MemberSpec *spec = specs; spec->name != NULL; spec++)
        if (!check_member (section, i + 1, json_node_get_object (item), spec, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
is_task_key (const char *key)
{
  return strlen (key) == 1 && key[0] >= '1' && key[0] < '1' + ICW_N_MAIN_TASKS;
}

static gboolean
check_tasks (JsonNode  *root,
             GError   **error)
{
  const char *title = icw_section_get_title (ICW_SECTION_TASKS);
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s: it must be a JSON object"), title);
      return FALSE;
    }
  object = json_node_get_object (root);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *plan = json_object_get_member (object, l->data);

      if (!is_task_key (l->data))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("%s: “%s” is not one of the eight main tasks (1 to 8)"), title, (const char *) l->data);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_NULL (plan) && !holds (plan, G_TYPE_STRING))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("%s: the plan for task %s must be text"), title, (const char *) l->data);
          return FALSE;
        }
    }
  return TRUE;
}

static JsonNode *
empty_part (IcwSection section)
{
  JsonNode *node;

  if (section == ICW_SECTION_TASKS)
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
    }
  else
    {
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, json_array_new ());
    }
  return node;
}

JsonNode *
icw_application_part_parse (IcwSection   section,
                            const char  *text,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  gboolean ok;

  g_return_val_if_fail (members_of (section) != NULL || section == ICW_SECTION_TASKS, NULL);

  if (icw_form_text_is_blank (text))
    return empty_part (section);

  if ((root = icw_json_parse_strict (text)) == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s: the text is not valid JSON"),
                   icw_section_get_title (section));
      return NULL;
    }
  ok = section == ICW_SECTION_TASKS ? check_tasks (root, error) : check_list (section, root, error);
  return ok ? json_node_copy (root) : NULL;
}

static const IcwSection structured[] = {
  ICW_SECTION_ROADMAP, ICW_SECTION_CAPABILITY_PLATFORMS, ICW_SECTION_INDICATORS, ICW_SECTION_TASKS,
};

char *
icw_application_get_section_text (IcwApplication *application,
                                  IcwSection      section)
{
  const char *property = icw_section_get_property (section);
  char *text = NULL;

  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  if (property == NULL)
    return NULL;
  g_object_get (application, property, &text, NULL);
  return text;
}

gboolean
icw_application_validate_parts (IcwApplication  *application,
                                GError         **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (structured); i++)
    {
      g_autofree char *text = icw_application_get_section_text (application, structured[i]);
      g_autoptr(JsonNode) root = icw_application_part_parse (structured[i], text, error);

      if (root == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_empty_value (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ||
         (holds (node, G_TYPE_STRING) && icw_form_text_is_blank (json_node_get_string (node)));
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (a, b);
}

static JsonNode *
canonical_node (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *sorted = json_object_new ();
      g_autoptr(GList) names = g_list_sort (json_object_get_members (object), compare_names);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if (!is_empty_value (member))
            json_object_set_member (sorted, l->data, canonical_node (member));
        }
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, sorted);
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *items = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (items, canonical_node (json_array_get_element (array, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, items);
      return copy;
    }
  return json_node_copy (node);
}

char *
icw_application_part_canonical (IcwSection  section,
                                const char *text)
{
  g_autoptr(JsonNode) root = icw_application_part_parse (section, text, NULL);
  g_autoptr(JsonNode) canonical = NULL;

  if (root == NULL)
    return g_strstrip (g_strdup (text));
  canonical = canonical_node (root);
  if ((JSON_NODE_HOLDS_ARRAY (canonical) && json_array_get_length (json_node_get_array (canonical)) == 0) ||
      (JSON_NODE_HOLDS_OBJECT (canonical) && json_object_get_size (json_node_get_object (canonical)) == 0))
    return g_strdup ("");
  return json_to_string (canonical, FALSE);
}

/* A member of an item as text: strings as they are, numbers in decimal, anything else empty. */
static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && holds (node, G_TYPE_STRING))
    return g_strdup (json_node_get_string (node));
  if (node != NULL && holds (node, G_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup ("");
}

static const char *
or_dash (const char *text)
{
  return icw_form_text_is_blank (text) ? "—" : text;
}

static void
describe_item (GString    *out,
               IcwSection  section,
               guint       number,
               JsonObject *item)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  switch (section)
    {
    case ICW_SECTION_ROADMAP:
      a = member_text (item, "technology");
      b = member_text (item, "trl_from");
      c = member_text (item, "trl_to");
      d = member_text (item, "milestones");
      /* TRANSLATORS: an item of the technology roadmap: its number, the technology, and its
       * technology readiness level (TRL) now and at the end */
      g_string_append_printf (out, _("%u. %s (TRL %s → %s)"), number, or_dash (a), or_dash (b), or_dash (c));
      g_string_append_printf (out, "\n   %s\n", or_dash (d));
      break;
    case ICW_SECTION_CAPABILITY_PLATFORMS:
      a = member_text (item, "kind");
      b = member_text (item, "name");
      c = member_text (item, "description");
      g_string_append_printf (out, "%u. [%s] %s\n   %s\n", number,
                              or_dash (icw_capability_kind_to_label (a)), or_dash (b), or_dash (c));
      break;
    default:
      a = member_text (item, "area");
      b = member_text (item, "name");
      c = member_text (item, "unit");
      d = member_text (item, "baseline");
      e = member_text (item, "targets");
      /* TRANSLATORS: an indicator: its number, assessment area, name, unit, baseline and targets */
      g_string_append_printf (out, _("%u. [%s] %s (unit: %s): baseline %s; targets %s"), number,
                              or_dash (icw_indicator_area_to_label (a)), or_dash (b), or_dash (c),
                              or_dash (d), or_dash (e));
      g_string_append_c (out, '\n');
      break;
    }
}

static char *
describe_list (IcwApplication *application,
               IcwSection      section)
{
  g_autofree char *text = icw_application_get_section_text (application, section);
  g_autoptr(JsonNode) root = icw_application_part_parse (section, text, NULL);
  GString *out = g_string_new (NULL);
  JsonArray *array;

  if (root == NULL)
    {
      g_string_append (out, text);
      return g_string_free (out, FALSE);
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    describe_item (out, section, i + 1, json_array_get_object_element (array, i));
  return g_string_free (out, FALSE);
}

static char *
describe_tasks (IcwApplication *application)
{
  g_autofree char *text = icw_application_get_section_text (application, ICW_SECTION_TASKS);
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_TASKS, text, NULL);
  GString *out = g_string_new (NULL);

  if (root == NULL)
    {
      g_string_append (out, text);
      return g_string_free (out, FALSE);
    }
  for (guint n = 1; n <= ICW_N_MAIN_TASKS; n++)
    {
      char key[2] = { (char) ('0' + n), '\0' };
      g_autofree char *plan = member_text (json_node_get_object (root), key);

      g_string_append_printf (out, "%u. %s\n%s\n", n, icw_main_task_get_title (n), or_dash (plan));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_call (IcwApplication *application)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Kind: %s"), icw_application_kind_to_label (icw_application_get_kind (application)));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Title: %s"), or_dash (icw_application_get_title (application)));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Call: %s"), or_dash (icw_application_get_call_name (application)));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Issued by: %s"), or_dash (icw_application_get_call_issuer (application)));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Deadline: %s"), or_dash (icw_application_get_call_deadline (application)));
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
icw_application_describe_part (IcwApplication *application,
                               IcwSection      section)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  switch (icw_section_get_form (section))
    {
    case ICW_SECTION_FORM_CALL:
      return describe_call (application);
    case ICW_SECTION_FORM_TEXT:
      return icw_application_get_section_text (application, section);
    case ICW_SECTION_FORM_LIST:
      return describe_list (application, section);
    case ICW_SECTION_FORM_TASKS:
      return describe_tasks (application);
    case ICW_SECTION_FORM_ATTACHMENTS:
    case ICW_SECTION_FORM_REGISTERS:
    default:
      return NULL;
    }
}
