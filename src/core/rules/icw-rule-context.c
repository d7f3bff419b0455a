/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-rule-context.c: running the rules of the chosen packs on one document, whatever its kind:
 * its center and the date, which rules apply to it, and the order in which its findings are
 * shown. The kind-specific check functions (icw-application-check.c and those of the other
 * documents) only choose the packs. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-rules-private.h"

/* A rule may be limited to some kinds of application; other documents have no such limit. */
static gboolean
rule_applies (const IcwRule  *rule,
              IcwRuleContext *context)
{
  if (rule->application_kinds == NULL || context->application == NULL)
    return TRUE;
  return g_strv_contains ((const char * const *) rule->application_kinds,
                          icw_application_kind_to_key (icw_application_get_kind (context->application)));
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  IcwFinding *x = *(IcwFinding * const *) a;
  IcwFinding *y = *(IcwFinding * const *) b;

  if (icw_finding_get_severity (x) != icw_finding_get_severity (y))
    return (int) icw_finding_get_severity (x) - (int) icw_finding_get_severity (y);
  return (int) icw_finding_get_section (x) - (int) icw_finding_get_section (y);
}

void
icw_rule_context_run (IcwRuleContext *context,
                      GPtrArray      *packs)
{
  for (guint p = 0; p < packs->len; p++)
    {
      const GPtrArray *rules = icw_rule_pack_get_rules (packs->pdata[p]);

      context->pack = packs->pdata[p];
      for (guint i = 0; i < rules->len; i++)
        {
          const IcwRule *rule = rules->pdata[i];

          if (rule_applies (rule, context))
            rule->kind->run (context, rule);
        }
    }
  context->pack = NULL;
  g_clear_pointer (&context->shareholders, g_ptr_array_unref);
  g_clear_pointer (&context->members, g_ptr_array_unref);

  /* Stable: within a section, the packs' and rules' own order. */
  g_ptr_array_sort (context->findings, compare_findings);
}

/* The date of `today`, or of the local time now when it is NULL (free with g_date_free). */
static GDate *
date_of (GDateTime *today)
{
  g_autoptr(GDateTime) now = today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/* A field the store would refuse to save (a structured part damaged outside the program, say) is an
 * error of every check, whatever the packs: otherwise a request whose milestones are no longer
 * JSON would pass its milestone rules, which see no milestones. */
static void
add_damage (IcwRecord *record,
            GPtrArray *findings)
{
  g_autoptr(GError) error = NULL;
  const char *column = NULL;

  if (!icw_store_check_columns (record, &column, &error))
    g_ptr_array_add (findings, icw_finding_new ("stored-data", "", ICW_SEVERITY_ERROR, "", column, error->message));
}

GPtrArray *
icw_rule_check_record (IcwStore            *store,
                       IcwRecord           *record,
                       GPtrArray           *packs,
                       IcwRulePackChooser   choose,
                       GDateTime           *today,
                       GError             **error)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autofree char *center_id = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  IcwRuleContext context = { NULL, };

  g_object_get (record, "center-id", &center_id, NULL);
  center = (IcwCenter *) icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, error);
  if (center == NULL)
    return NULL;
  if (packs == NULL)
    packs = loaded = icw_rule_packs_load_all (NULL);
  selected = choose (packs, center, record, error);
  if (selected == NULL)
    return NULL;

  context.store = store;
  context.record = record;
  context.application = ICW_IS_APPLICATION (record) ? ICW_APPLICATION (record) : NULL;
  context.center = center;
  context.today = date_of (today);
  context.findings = findings;
  icw_rule_context_run (&context, selected);
  g_date_free (context.today);
  add_damage (record, findings);
  return g_steal_pointer (&findings);
}

gboolean
icw_rule_packs_chosen (GPtrArray      *packs,
                       IcwCenter      *center,
                       IcwRuleTarget   target,
                       GPtrArray      *selected,
                       GError        **error)
{
  const char *chosen = icw_center_get_rule_packs (center);
  g_auto(GStrv) ids = NULL;

  if (chosen == NULL)
    return TRUE;
  ids = g_strsplit (chosen, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      IcwRulePack *pack;

      if (*g_strstrip (ids[i]) == '\0')
        continue;
      pack = icw_rule_packs_find (packs, g_strcmp0 (ids[i], ICW_RULE_PACK_SHANDONG_2020) == 0 ? ICW_RULE_PACK_SHANDONG : ids[i]);
      if (pack == NULL)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                       _("The center chose the rule pack “%s”, which is not installed."), ids[i]);
          return FALSE;
        }
      if (icw_rule_pack_get_target (pack) == target && !g_ptr_array_find (selected, pack, NULL))
        g_ptr_array_add (selected, g_object_ref (pack));
    }
  return TRUE;
}
