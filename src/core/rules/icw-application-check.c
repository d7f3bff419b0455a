/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-check.c: choosing the packs that apply to an application and running their
 * rules. No decision depends on a hidden clock: "today" is a parameter, and only a caller that
 * passes none gets the local date. */
#include "config.h"

#include "icw-application-check.h"
#include "icw-outline.h"
#include "icw-rules-private.h"

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

static gboolean
in_jiangsu (IcwCenter *center)
{
  const char *province = icw_center_get_province (center);

  return province != NULL && g_str_has_prefix (province, "江苏");
}

static gboolean
provincial_stage (IcwApplicationKind kind)
{
  return kind == ICW_APPLICATION_KIND_CULTIVATION || kind == ICW_APPLICATION_KIND_ACCEPTANCE;
}

GPtrArray *
icw_rule_packs_for_application (GPtrArray       *packs,
                                IcwCenter       *center,
                                IcwApplication  *application,
                                GError         **error)
{
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);
  IcwApplicationKind kind = icw_application_get_kind (application);

  g_return_val_if_fail (packs != NULL, NULL);
  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  if (!icw_rule_packs_chosen (packs, center, ICW_RULE_TARGET_APPLICATION, selected, error))
    return NULL;
  if (selected->len > 0)
    return g_steal_pointer (&selected);

  add_default (selected, packs, ICW_RULE_PACK_COMPLETENESS);
  add_default (selected, packs, ICW_RULE_PACK_MIIT_273);
  /* 64号 is the upgrade's; a province's guide governs its own stages, the cultivation and the
   * acceptance (鲁工信技〔2023〕150号: 培育申报、认定验收、综合评估). The co-construction has no
   * pack: no text of its conditions was found (policy audit 2(c)). */
  if (kind == ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL)
    add_default (selected, packs, ICW_RULE_PACK_MIIT_64);
  if (provincial_stage (kind) && in_shandong (center))
    add_default (selected, packs, ICW_RULE_PACK_SHANDONG);
  if (provincial_stage (kind) && in_jiangsu (center))
    add_default (selected, packs, ICW_RULE_PACK_JIANGSU);
  return g_steal_pointer (&selected);
}

static GPtrArray *
choose_packs (GPtrArray  *packs,
              IcwCenter  *center,
              IcwRecord  *record,
              GError    **error)
{
  return icw_rule_packs_for_application (packs, center, ICW_APPLICATION (record), error);
}

GPtrArray *
icw_application_check (IcwStore        *store,
                       IcwApplication  *application,
                       GPtrArray       *packs,
                       GDateTime       *today,
                       GError         **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) outlines = NULL;
  g_autoptr(GPtrArray) outline_findings = NULL;
  g_autoptr(IcwCenter) center = NULL;
  IcwOutline *outline;

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  findings = icw_rule_check_record (store, ICW_RECORD (application), packs, choose_packs, today, error);
  if (findings == NULL)
    return NULL;
  /* The call's outline for the center's province and the application's stage, when one is known. */
  center = (IcwCenter *) icw_store_lookup (store, ICW_RECORD_KIND_CENTER, icw_application_get_center_id (application),
                                           error);
  if (center == NULL)
    return NULL;
  outlines = icw_outlines_load_all (NULL);
  outline = icw_outlines_find (outlines, icw_center_get_province (center), icw_application_get_kind (application));
  if (outline == NULL)
    return g_steal_pointer (&findings);
  outline_findings = icw_outline_check (outline, store, application, center, error);
  if (outline_findings == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (findings, g_steal_pointer (&outline_findings));
  return g_steal_pointer (&findings);
}
