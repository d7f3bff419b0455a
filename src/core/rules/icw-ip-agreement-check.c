/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ip-agreement-check.c: choosing the packs that apply to an IP-sharing agreement and running
 * their rules (icw-rule-kinds-agreement.c); listing and copying its parties for its life cycle.
 * No decision depends on a hidden clock: "today" is a parameter. */
#include "config.h"

#include "icw-ip-agreement-check.h"
#include "icw-rules-private.h"

GPtrArray *
icw_rule_packs_for_ip_agreement (GPtrArray  *packs,
                                 IcwCenter  *center,
                                 GError    **error)
{
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);
  IcwRulePack *pack;

  g_return_val_if_fail (packs != NULL, NULL);
  g_return_val_if_fail (ICW_IS_CENTER (center), NULL);

  if (!icw_rule_packs_chosen (packs, center, ICW_RULE_TARGET_IP_AGREEMENT, selected, error))
    return NULL;
  if (selected->len > 0)
    return g_steal_pointer (&selected);
  pack = icw_rule_packs_find (packs, ICW_RULE_PACK_IP_AGREEMENT_273);
  if (pack != NULL && icw_rule_pack_get_target (pack) == ICW_RULE_TARGET_IP_AGREEMENT)
    g_ptr_array_add (selected, g_object_ref (pack));
  return g_steal_pointer (&selected);
}

static GPtrArray *
choose_packs (GPtrArray  *packs,
              IcwCenter  *center,
              IcwRecord  *record,
              GError    **error)
{
  return icw_rule_packs_for_ip_agreement (packs, center, error);
}

GPtrArray *
icw_ip_agreement_check (IcwStore        *store,
                        IcwIpAgreement  *agreement,
                        GPtrArray       *packs,
                        GDateTime       *today,
                        GError         **error)
{
  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (agreement), NULL);

  return icw_rule_check_record (store, ICW_RECORD (agreement), packs, choose_packs, today, error);
}

GPtrArray *
icw_ip_agreement_list_parties (IcwStore       *store,
                               IcwIpAgreement *agreement)
{
  g_autoptr(GListModel) list = icw_store_list (store, ICW_RECORD_KIND_AGREEMENT_PARTY,
                                               icw_record_get_id (ICW_RECORD (agreement)));
  GPtrArray *parties = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (parties, g_list_model_get_item (list, i));
  return parties;
}

static const char *const copied_properties[] = {
  "organization-id", "share-bp", "contribution-fen", "signatory", "signed", "signed-date",
  "sealed", "sealed-date", "background-ip",
};

gboolean
icw_ip_agreement_copy_parties (IcwStore   *store,
                               IcwRecord  *from,
                               IcwRecord  *to,
                               GError    **error)
{
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (store, ICW_IP_AGREEMENT (from));

  for (guint i = 0; i < parties->len; i++)
    {
      g_autoptr(IcwAgreementParty) copy = icw_agreement_party_new ();

      for (guint p = 0; p < G_N_ELEMENTS (copied_properties); p++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_object_get_property (parties->pdata[i], copied_properties[p], &value);
          g_object_set_property (G_OBJECT (copy), copied_properties[p], &value);
        }
      icw_agreement_party_set_agreement_id (copy, icw_record_get_id (to));
      if (!icw_store_save (store, ICW_RECORD (copy), error))
        return FALSE;
    }
  return TRUE;
}
