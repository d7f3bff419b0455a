/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-json-validate.c: the protocol's messages checked whole (docs/sync-protocol.md): every
 * member the client acts on has its type, revisions and cursors are strings, a result answers the
 * change at its place. The client acts on none of an answer until all of it passed. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-sync-error.h"
#include "icw-sync-json.h"

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, message);
  return FALSE;
}

gboolean
icw_sync_json_validate_record (JsonObject *object,
                               gboolean    with_revision,
                               GError    **error)
{
  const char *id, *inner_id;
  JsonObject *record;
  gboolean deleted;

  if (icw_sync_json_string (object, "kind", FALSE, ICW_SYNC_JSON_MAX_KIND, error) == NULL ||
      (id = icw_sync_json_string (object, "id", FALSE, ICW_SYNC_JSON_MAX_ID, error)) == NULL ||
      (record = icw_sync_json_object (object, "record", FALSE, error)) == NULL)
    return FALSE;
  if (with_revision &&
      (icw_sync_json_string (object, "revision", FALSE, ICW_SYNC_JSON_MAX_REVISION, error) == NULL ||
       !icw_sync_json_boolean (object, "deleted", &deleted, error)))
    return FALSE;
  if ((inner_id = icw_sync_json_string (record, "id", FALSE, ICW_SYNC_JSON_MAX_ID, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (id, inner_id) != 0)
    return invalid (error, _("A record's “id” is not the ID of its change"));
  return TRUE;
}

gboolean
icw_sync_json_validate_push_response (JsonNode  *root,
                                      guint      n_changes,
                                      GError   **error)
{
  JsonObject *object;
  JsonArray *results;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _("The answer is not a JSON object"));
  object = json_node_get_object (root);
  if ((results = icw_sync_json_array (object, "results", error)) == NULL)
    return FALSE;
  if (json_array_get_length (results) != n_changes)
    return invalid (error, _("The answer does not have one result per change"));
  for (guint i = 0; i < n_changes; i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result;
      const char *status;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, _("A result is not a JSON object"));
      result = json_node_get_object (node);
      if (icw_sync_json_string (result, "id", FALSE, ICW_SYNC_JSON_MAX_ID, error) == NULL ||
          (status = icw_sync_json_string (result, "status", FALSE, 16, error)) == NULL)
        return FALSE;
      if (g_str_equal (status, "applied"))
        {
          if (icw_sync_json_string (result, "revision", FALSE, ICW_SYNC_JSON_MAX_REVISION, error) == NULL)
            return FALSE;
        }
      else if (g_str_equal (status, "conflict"))
        {
          gboolean deleted;

          if (icw_sync_json_string (result, "revision", FALSE, ICW_SYNC_JSON_MAX_REVISION, error) == NULL ||
              !icw_sync_json_boolean (result, "deleted", &deleted, error) ||
              icw_sync_json_object (result, "record", FALSE, error) == NULL)
            return FALSE;
        }
      else if (g_str_equal (status, "rejected"))
        {
          JsonNode *code = json_object_get_member (result, "code");
          JsonNode *field = json_object_get_member (result, "field");

          /* code and field are optional (servers before them send only the reason). */
          if (icw_sync_json_string (result, "reason", FALSE, 4096, error) == NULL ||
              (code != NULL && icw_sync_json_string (result, "code", FALSE, 64, error) == NULL) ||
              (field != NULL && !JSON_NODE_HOLDS_NULL (field) &&
               icw_sync_json_string (result, "field", FALSE, 256, error) == NULL))
            return FALSE;
        }
      else if (!g_str_equal (status, "retry"))
        return invalid (error, _("A result has an unknown status"));
    }
  return TRUE;
}

gboolean
icw_sync_json_validate_pull_response (JsonNode  *root,
                                      GError   **error)
{
  JsonObject *object;
  JsonArray *changes;
  gboolean has_more;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _("The answer is not a JSON object"));
  object = json_node_get_object (root);
  if ((changes = icw_sync_json_array (object, "changes", error)) == NULL ||
      icw_sync_json_string (object, "cursor", FALSE, ICW_SYNC_JSON_MAX_REVISION, error) == NULL ||
      !icw_sync_json_boolean (object, "has_more", &has_more, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *node = json_array_get_element (changes, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, _("A change is not a JSON object"));
      if (!icw_sync_json_validate_record (json_node_get_object (node), TRUE, error))
        return FALSE;
    }
  return TRUE;
}
