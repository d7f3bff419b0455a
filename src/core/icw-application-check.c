/* icw-application-check.c: choosing the packs that apply to an application and running their
 * rules. No decision depends on a hidden clock: "today" is a parameter, and only a caller that
 * passes none gets the local date. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application-check.h"
#include "icw-error.h"
#include "icw-rules-private.h"

static gboolean
add_named (GPtrArray   *selected,
           GPtrArray   *packs,
           const char  *id,
           GError     **error)
{
  IcwRulePack *pack = icw_rule_packs_find (packs, id);

  if (pack == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   _("The center chose the rule pack “%s”, which is not installed."), id);
      return FALSE;
    }
  if (!g_ptr_array_find (selected, pack, NULL))
    g_ptr_array_add (selected, g_object_ref (pack));
  return TRUE;
}

static void
add_default (GPtrArray  *selected,
             GPtrArray  *packs,
             const char *id)
{
  IcwRulePack *pack = icw_rule_packs_find (packs, id);

  if (pack != NULL)
    g_ptr_array_add (selected, g_object_ref (pack));
}

static gboolean
in_shandong (IcwCenter *center)
{
  const char *province = icw_center_get_province (center);

  return province != NULL && g_str_has_prefix (province, "山东");
}

GPtrArray *
icw_rule_packs_for_application (GPtrArray       *packs,
                                IcwCenter       *center,
                                IcwApplication  *application,
                                GError         **error)
{
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);
  const char *chosen = icw_center_get_rule_packs (center);
  IcwApplicationKind kind = icw_application_get_kind (application);

  g_return_val_if_fail (packs != NULL, NULL);
  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  if (chosen != NULL && strspn (chosen, " ,\t") != strlen (chosen))
    {
      g_auto(GStrv) ids = g_strsplit (chosen, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        if (*g_strstrip (ids[i]) != '\0' && !add_named (selected, packs, ids[i], error))
          return NULL;
      return g_steal_pointer (&selected);
    }

  add_default (selected, packs, ICW_RULE_PACK_COMPLETENESS);
  add_default (selected, packs, ICW_RULE_PACK_MIIT_273);
  if (kind == ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL)
    add_default (selected, packs, ICW_RULE_PACK_MIIT_64);
  if (kind == ICW_APPLICATION_KIND_PROVINCIAL_RECOGNITION && in_shandong (center))
    add_default (selected, packs, ICW_RULE_PACK_SHANDONG);
  return g_steal_pointer (&selected);
}

static gboolean
rule_applies (const IcwRule  *rule,
              IcwApplication *application)
{
  return rule->application_kinds == NULL ||
         g_strv_contains ((const char * const *) rule->application_kinds,
                          icw_application_kind_to_key (icw_application_get_kind (application)));
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

static GDate *
date_of (GDateTime *today)
{
  g_autoptr(GDateTime) now = today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static void
run_pack (IcwRuleContext *context,
          IcwRulePack    *pack)
{
  const GPtrArray *rules = icw_rule_pack_get_rules (pack);

  context->pack = pack;
  for (guint i = 0; i < rules->len; i++)
    {
      const IcwRule *rule = rules->pdata[i];

      if (rule_applies (rule, context->application))
        rule->kind->run (context, rule);
    }
}

GPtrArray *
icw_application_check (IcwStore        *store,
                       IcwApplication  *application,
                       GPtrArray       *packs,
                       GDateTime       *today,
                       GError         **error)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(IcwCenter) center = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  IcwRuleContext context = { NULL, };

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  center = (IcwCenter *) icw_store_lookup (store, ICW_RECORD_KIND_CENTER,
                                           icw_application_get_center_id (application), error);
  if (center == NULL)
    return NULL;
  if (packs == NULL)
    packs = loaded = icw_rule_packs_load_all (NULL);
  selected = icw_rule_packs_for_application (packs, center, application, error);
  if (selected == NULL)
    return NULL;

  context.store = store;
  context.application = application;
  context.center = center;
  context.today = date_of (today);
  context.findings = findings;
  for (guint i = 0; i < selected->len; i++)
    run_pack (&context, selected->pdata[i]);
  g_date_free (context.today);
  g_clear_pointer (&context.shareholders, g_ptr_array_unref);
  g_clear_pointer (&context.members, g_ptr_array_unref);

  /* Stable: within a section, the packs' and rules' own order. */
  g_ptr_array_sort (findings, compare_findings);
  return g_steal_pointer (&findings);
}

guint
icw_findings_count (GPtrArray   *findings,
                    IcwSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    count += icw_finding_get_severity (findings->pdata[i]) == severity ? 1 : 0;
  return count;
}
