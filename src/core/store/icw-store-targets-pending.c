/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-targets-pending.c: the accepted applications of a center whose 绩效目标表 has not yet
 * become a version of the center's targets (icw-store-reports.h): what "Carry from Accepted
 * Application…" offers and `icw targets carry` takes. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "icw-application-parts.h"
#include "icw-application.h"
#include "icw-store-reports.h"

/* Whether the application's indicators give a target for at least one year. */
static gboolean
has_year_targets (IcwApplication *application)
{
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_INDICATORS,
                                                         icw_application_get_indicators (application), NULL);
  JsonArray *array = root != NULL && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *years = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "years") : NULL;

      if (years != NULL && JSON_NODE_HOLDS_ARRAY (years) && json_array_get_length (json_node_get_array (years)) > 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
icw_store_targets_carried_from (IcwStore   *self,
                                const char *center_id,
                                const char *application_id)
{
  g_autoptr(GPtrArray) versions = icw_store_list_target_versions (self, center_id);

  for (guint i = 0; i < versions->len; i++)
    if (g_strcmp0 (((IcwTargetSet *) versions->pdata[i])->application_id, application_id) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
icw_store_list_uncarried_applications (IcwStore   *self,
                                       const char *center_id)
{
  g_autoptr(GPtrArray) applications = icw_store_list_records (self, ICW_RECORD_KIND_APPLICATION, center_id);
  GPtrArray *pending = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < applications->len; i++)
    {
      IcwApplication *application = applications->pdata[i];

      if (icw_application_get_status (application) != ICW_APPLICATION_STATUS_ACCEPTED ||
          !has_year_targets (application) ||
          icw_store_targets_carried_from (self, center_id, icw_record_get_id (ICW_RECORD (application))))
        continue;
      g_ptr_array_add (pending, g_object_ref (application));
    }
  return pending;
}
