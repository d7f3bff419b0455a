/* icw-rule-context.c: running the rules of the chosen packs on one document, whatever its kind:
 * which rules apply to it, and the order in which its findings are shown. The kind-specific check
 * functions (icw-application-check.c and those of the other documents) choose the packs and fill
 * the context. */
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

GDate *
icw_rule_date_of (GDateTime *today)
{
  g_autoptr(GDateTime) now = today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
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
      pack = icw_rule_packs_find (packs, ids[i]);
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
