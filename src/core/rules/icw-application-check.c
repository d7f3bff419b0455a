/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-check.c: choosing the packs that apply to an application and running their
 * rules. No decision depends on a hidden clock: "today" is a parameter, and only a caller that
 * passes none gets the local date. */
#include "config.h"

#include "icw-application-check.h"
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
  if (kind == ICW_APPLICATION_KIND_UPGRADE_TO_NATIONAL)
    add_default (selected, packs, ICW_RULE_PACK_MIIT_64);
  if (kind == ICW_APPLICATION_KIND_PROVINCIAL_RECOGNITION && in_shandong (center))
    add_default (selected, packs, ICW_RULE_PACK_SHANDONG);
  if (kind == ICW_APPLICATION_KIND_PROVINCIAL_RECOGNITION && in_jiangsu (center))
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
  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);

  return icw_rule_check_record (store, ICW_RECORD (application), packs, choose_packs, today, error);
}
