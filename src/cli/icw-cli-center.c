/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-center.c: the facts `icw show` gives about a center besides its own fields: its
 * shareholders and their share total, its alliance members, and the national platforms the
 * members hold, as a part of all the platforms of the field (工信厅科〔2017〕64号 asks for at least
 * half). Computed once, shown as text or as JSON. */
#include "config.h"

#include "icw-alliance-member.h"
#include "icw-cli.h"
#include "icw-platform-coverage.h"
#include "icw-platform.h"
#include "icw-shareholder.h"

static GPtrArray *
list_to_array (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (list, i));
  return array;
}

/* Each member organization's platforms, once per organization (an organization could, by mistake,
 * be in the alliance twice). */
static GPtrArray *
member_platforms (IcwStore  *store,
                  GPtrArray *members)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *platforms = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < members->len; i++)
    {
      const char *org_id = icw_alliance_member_get_organization_id (members->pdata[i]);
      g_autoptr(GListModel) held = NULL;

      if (org_id == NULL || !g_hash_table_add (seen, (gpointer) org_id))
        continue;
      held = icw_store_list (store, ICW_RECORD_KIND_PLATFORM, org_id);
      for (guint j = 0; j < g_list_model_get_n_items (held); j++)
        g_ptr_array_add (platforms, g_list_model_get_item (held, j));
    }
  return platforms;
}

void
icw_cli_center_facts_init (IcwCliCenterFacts *facts,
                           IcwStore          *store,
                           IcwCenter         *center)
{
  const char *id = icw_record_get_id (ICW_RECORD (center));
  g_autoptr(GListModel) shareholders = icw_store_list (store, ICW_RECORD_KIND_SHAREHOLDER, id);
  g_autoptr(GListModel) members = icw_store_list (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, id);

  facts->shareholders = list_to_array (shareholders);
  facts->members = list_to_array (members);
  facts->platforms = member_platforms (store, facts->members);
  facts->platforms_counted = icw_platforms_counted_for_coverage (center, facts->platforms);

  facts->share_total_bp = 0;
  for (guint i = 0; i < facts->shareholders->len; i++)
    facts->share_total_bp += icw_shareholder_get_share_bp (facts->shareholders->pdata[i]);

  /* Rounded to the nearest basis point in integers: 7 of 12 is 5833. */
  facts->field_platform_total = icw_center_get_field_platform_total (center);
  facts->coverage_bp = -1;
  if (facts->field_platform_total > 0)
    facts->coverage_bp = ((gint64) facts->platforms_counted * ICW_BASIS_POINTS_WHOLE +
                          facts->field_platform_total / 2) / facts->field_platform_total;
}

void
icw_cli_center_facts_clear (IcwCliCenterFacts *facts)
{
  g_clear_pointer (&facts->shareholders, g_ptr_array_unref);
  g_clear_pointer (&facts->members, g_ptr_array_unref);
  g_clear_pointer (&facts->platforms, g_ptr_array_unref);
}
