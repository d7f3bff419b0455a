/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-version-diff.c: two versions of an application compared section by section, texts by
 * character or word, structured parts as tables cell by cell (see the header). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icw-application-parts.h"
#include "icw-version-diff.h"

void
icw_section_diff_free (IcwSectionDiff *diff)
{
  g_clear_pointer (&diff->spans, g_ptr_array_unref);
  g_clear_pointer (&diff->table, icw_table_diff_free);
  g_free (diff);
}

/* A member as text: strings as they are, numbers in decimal, anything else empty. */
static char *
member_text (JsonObject *item,
             const char *member)
{
  JsonNode *node = item != NULL ? json_object_get_member (item, member) : NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", json_node_get_double (node)));
    default:
      return g_strdup ("");
    }
}

static char *
label_or_key (const char *label,
              char       *key)
{
  if (label == NULL)
    return key;
  g_free (key);
  return g_strdup (_(label));
}

/* An indicator's targets by year, "2026: 10; 2027: 20", in the order written. */
static char *
years_text (JsonObject *item)
{
  JsonNode *node = json_object_get_member (item, "years");
  JsonArray *years = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; years != NULL && i < json_array_get_length (years); i++)
    {
      JsonNode *entry = json_array_get_element (years, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;
      g_autofree char *year = member_text (object, "year");
      g_autofree char *target = member_text (object, "target");

      if (object == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: %s", year, target);
    }
  return g_string_free (out, FALSE);
}

static void
take (GStrvBuilder *builder,
      char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static GStrv
item_row (IcwSection  section,
          JsonObject *item)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv row;

  switch (section)
    {
    case ICW_SECTION_ROADMAP:
      take (builder, member_text (item, "technology"));
      take (builder, member_text (item, "trl_from"));
      take (builder, member_text (item, "trl_to"));
      take (builder, member_text (item, "milestones"));
      break;
    case ICW_SECTION_CAPABILITY_PLATFORMS:
      {
        char *kind = member_text (item, "kind");

        take (builder, label_or_key (icw_capability_kind_to_label (kind), kind));
        take (builder, member_text (item, "name"));
        take (builder, member_text (item, "description"));
      }
      break;
    default:
      {
        char *area = member_text (item, "area");
        g_autofree char *baseline = member_text (item, "baseline_value");

        take (builder, label_or_key (icw_indicator_area_to_label (area), area));
        take (builder, member_text (item, "name"));
        take (builder, member_text (item, "unit"));
        take (builder, *baseline != '\0' ? g_steal_pointer (&baseline) : member_text (item, "baseline"));
        take (builder, years_text (item));
        take (builder, member_text (item, "targets"));
      }
      break;
    }
  row = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return row;
}

static IcwTable *
list_table (IcwApplication *application,
            IcwSection      section)
{
  const char *roadmap[] = { _("Key common technology"), _("TRL now"), _("TRL target"), _("Milestones"), NULL };
  const char *platforms[] = { _("Kind"), _("Platform"), _("Description"), NULL };
  const char *indicators[] = { _("Area"), _("Indicator"), _("Unit"), _("Baseline"), _("Targets by year"),
                               _("Targets as text (earlier versions)"), NULL };
  g_autofree char *text = icw_application_get_section_text (application, section);
  g_autoptr(JsonNode) root = icw_application_part_parse (section, text, NULL);
  JsonArray *items = root != NULL ? json_node_get_array (root) : NULL;
  IcwTable *table = icw_table_new (section == ICW_SECTION_ROADMAP ? roadmap
                                   : section == ICW_SECTION_CAPABILITY_PLATFORMS ? platforms : indicators);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        icw_table_add_row (table, item_row (section, json_node_get_object (node)));
    }
  if (root == NULL && text != NULL && *text != '\0')
    {
      /* Text that is not the part's JSON still compares, as one cell. */
      GStrv row = g_new0 (char *, 2);

      row[0] = g_strdup (text);
      icw_table_add_row (table, row);
    }
  return table;
}

static IcwTable *
tasks_table (IcwApplication *application)
{
  const char *headers[] = { _("Main task"), _("Plan"), NULL };
  g_autofree char *text = icw_application_get_section_text (application, ICW_SECTION_TASKS);
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_TASKS, text, NULL);
  JsonObject *plans = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  IcwTable *table = icw_table_new (headers);

  for (guint n = 1; n <= ICW_N_MAIN_TASKS; n++)
    {
      char key[2] = { (char) ('0' + n), '\0' };
      GStrv row = g_new0 (char *, 3);

      row[0] = g_strdup_printf ("%u. %s", n, icw_main_task_get_title (n));
      row[1] = member_text (plans, key);
      icw_table_add_row (table, row);
    }
  return table;
}

IcwTable *
icw_application_section_table (IcwApplication *application,
                               IcwSection      section)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  switch (icw_section_get_form (section))
    {
    case ICW_SECTION_FORM_LIST:
      return list_table (application, section);
    case ICW_SECTION_FORM_TASKS:
      return tasks_table (application);
    default:
      return NULL;
    }
}

GPtrArray *
icw_application_diff (IcwStore       *store,
                      IcwApplication *a,
                      IcwApplication *b)
{
  g_autoptr(GPtrArray) comparisons = icw_application_compare (store, a, b);
  GPtrArray *diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_section_diff_free);

  for (guint i = 0; comparisons != NULL && i < comparisons->len; i++)
    {
      IcwSectionComparison *comparison = comparisons->pdata[i];
      IcwSectionDiff *diff = g_new0 (IcwSectionDiff, 1);
      g_autoptr(IcwTable) table_a = icw_application_section_table (a, comparison->section);
      g_autoptr(IcwTable) table_b = icw_application_section_table (b, comparison->section);

      diff->section = comparison->section;
      diff->key = comparison->key;
      diff->title = comparison->title;
      diff->changed = comparison->changed;
      if (table_a != NULL && table_b != NULL)
        diff->table = icw_table_diff (table_a, table_b);
      else
        diff->spans = icw_text_diff (comparison->text_a, comparison->text_b);
      g_ptr_array_add (diffs, diff);
    }
  return diffs;
}

IcwApplication *
icw_application_version_answered (GListModel     *versions,
                                  IcwApplication *current)
{
  g_autoptr(IcwApplication) returned = NULL;
  g_autoptr(IcwApplication) previous = NULL;
  int best_returned = 0, best_previous = 0;
  int version = icw_application_get_version (current);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(IcwApplication) candidate = g_list_model_get_item (versions, i);
      int v = icw_application_get_version (candidate);

      if (v >= version)
        continue;
      if (v > best_previous)
        {
          best_previous = v;
          g_set_object (&previous, candidate);
        }
      if (v > best_returned && icw_application_get_status (candidate) == ICW_APPLICATION_STATUS_RETURNED)
        {
          best_returned = v;
          g_set_object (&returned, candidate);
        }
    }
  return returned != NULL ? g_steal_pointer (&returned) : g_steal_pointer (&previous);
}
