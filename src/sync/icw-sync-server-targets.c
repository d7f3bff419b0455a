/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-targets.c: the reference server's side of the 任务书's versions (kind
 * "target-version", docs/sync-protocol.md "Target versions"). A version is checked as the
 * workbench checks one (icw_target_set_from_json: period, rows, numbers); it belongs to the
 * center it names, which must be on the server; only that center's administrators and the
 * reviewers of its province add one; and it is append-only: a version on the server never
 * changes and is never deleted. The same version pushed again (by another workbench that
 * carried the same acceptance, or a batch sent twice) is applied with the stored revision. */
#include "config.h"

#include <string.h>

#include "icw-store-targets-sync.h"
#include "icw-sync-json.h"
#include "icw-sync-server-private.h"

static gboolean
refuse (IcwServerRefusal *refusal,
        const char       *code,
        const char       *field,
        const char       *reason)
{
  icw_server_refusal_clear (refusal);
  refusal->code = code;
  refusal->field = field != NULL ? g_intern_string (field) : NULL;
  refusal->reason = g_strdup (reason);
  return FALSE;
}

gboolean
icw_server_is_target_version (const char *kind_key)
{
  return g_strcmp0 (kind_key, ICW_SERVER_TARGET_VERSION) == 0;
}

gboolean
icw_server_check_target_version (JsonObject        *change,
                                 JsonObject        *record,
                                 const char        *payload,
                                 IcwServerRefusal  *refusal)
{
  g_autoptr(IcwTargetSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) names = NULL;
  const char *field = NULL;

  if (payload == NULL || strlen (payload) > ICW_SYNC_JSON_MAX_RECORD)
    return refuse (refusal, "too-large", NULL, "The record is larger than 1 MiB");
  if (g_strcmp0 (icw_server_member_string (change, "op"), "delete") == 0)
    return refuse (refusal, "forbidden-change", NULL,
                   "A version of a center's targets is never deleted: save the targets as a new version");
  names = json_object_get_members (record);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *text = icw_server_member_string (record, l->data);

      if (!g_utf8_validate (l->data, -1, NULL) || strstr (l->data, ICW_SERVER_TEXT_MARK) != NULL)
        return refuse (refusal, "invalid-text", NULL, "A field's name is not valid UTF-8");
      if (text != NULL && (!g_utf8_validate (text, -1, NULL) || strstr (text, ICW_SERVER_TEXT_MARK) != NULL))
        return refuse (refusal, "invalid-text", l->data,
                       "The field's text is not valid UTF-8 (a lone surrogate, a NUL, U+FFFF or a broken sequence)");
    }
  /* The targets travel as JSON text: its rows are checked as text too. */
  if (icw_server_member_string (record, "targets") == NULL)
    return refuse (refusal, "invalid-record", "targets", "“targets” is the JSON text of the list of targets");
  set = icw_target_set_from_json (record, &field, &error);
  if (set == NULL)
    return refuse (refusal, "invalid-record", field, error->message);
  return TRUE;
}

/* Whether two versions are the same apart from their number (each workbench's own order). */
static gboolean
same_version (const char *stored_payload,
              JsonObject *record)
{
  g_autoptr(JsonNode) stored = stored_payload != NULL ? json_from_string (stored_payload, NULL) : NULL;
  g_autoptr(JsonNode) pushed = json_node_init_object (json_node_alloc (), record);
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  if (stored == NULL || !JSON_NODE_HOLDS_OBJECT (stored))
    return FALSE;
  a = json_node_copy (stored);
  b = json_node_copy (pushed);
  json_object_remove_member (json_node_get_object (a), "version");
  json_object_remove_member (json_node_get_object (b), "version");
  return json_node_equal (a, b);
}

/* Who may add a version of the center's targets: its administrators and the reviewers of its
 * province. */
static gboolean
check_author (IcwSyncServer     *self,
              IcwServerToken    *token,
              JsonObject        *record,
              IcwServerRefusal  *refusal)
{
  const char *center = icw_server_member_string (record, "center_id");
  const char *application = icw_server_member_string (record, "application_id");
  g_autoptr(IcwServerRecord) stored_center = icw_server_db_record (self, center);
  g_autoptr(IcwServerRecord) stored_application = NULL;

  if (stored_center == NULL || stored_center->deleted || g_strcmp0 (stored_center->kind, "center") != 0)
    return refuse (refusal, "missing-parent", "center_id", "The center of these targets is not on the server");
  if (!icw_server_may_read (self, token, center))
    return refuse (refusal, "forbidden-change", "center_id",
                   token->reviewer ? "The center is outside this reviewer's province: only its administrators and the reviewers of its province add versions of its targets"
                                   : "The targets are another center's: only its administrators and the reviewers of its province add versions of them");
  if (application == NULL)
    return TRUE;
  stored_application = icw_server_db_record (self, application);
  if (stored_application == NULL || stored_application->deleted ||
      g_strcmp0 (stored_application->kind, "application") != 0)
    return refuse (refusal, "missing-parent", "application_id", "The application the targets were carried from is not on the server");
  if (g_strcmp0 (stored_application->center_id, center) != 0)
    return refuse (refusal, "foreign-reference", "application_id",
                   "The application the targets were carried from belongs to another center");
  return TRUE;
}

static void
add_applied (JsonBuilder *results,
             gint64       seq)
{
  g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  json_builder_add_string_value (results, "applied");
  json_builder_set_member_name (results, "revision");
  json_builder_add_string_value (results, revision);
  json_builder_end_object (results);
}

gboolean
icw_server_apply_target_version (IcwSyncServer     *self,
                                 IcwServerToken    *token,
                                 const char        *id,
                                 JsonObject        *record,
                                 const char        *payload,
                                 JsonBuilder       *results,
                                 GError           **error)
{
  g_autoptr(IcwServerRecord) stored = icw_server_db_record (self, id);
  IcwServerRefusal refusal = { NULL, };
  gint64 seq;

  if (stored != NULL && g_strcmp0 (stored->kind, ICW_SERVER_TARGET_VERSION) != 0)
    refuse (&refusal, "kind-mismatch", NULL, "The server holds a record of another kind under this ID");
  else if (stored != NULL && !icw_server_may_read (self, token, stored->center_id))
    refuse (&refusal, token->reviewer ? "forbidden-change" : "id-taken", NULL,
            token->reviewer ? "The record is outside this reviewer's province" : "This ID is taken by a record of another center");
  else if (check_author (self, token, record, &refusal) && stored != NULL)
    {
      /* Append-only: the same version again is applied as it stands; any other content under
       * its ID is refused. */
      if (same_version (stored->payload, record))
        {
          add_applied (results, stored->seq);
          return TRUE;
        }
      refuse (&refusal, "forbidden-change", NULL,
              "A version of a center's targets never changes once it is on the server: save the targets as a new version");
    }
  if (refusal.code != NULL)
    {
      icw_server_add_refusal (results, &refusal);
      return TRUE;
    }
  seq = icw_server_db_put (self, ICW_SERVER_TARGET_VERSION, id, icw_server_member_string (record, "center_id"), NULL, FALSE,
                           payload, NULL, error);
  if (seq < 0)
    return FALSE;
  self->applied++;
  add_applied (results, seq);
  return TRUE;
}
