/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-client-targets.c: the sync client's side of the 任务书's versions (docs/sync-protocol.md,
 * "Target versions"). They are not in the outbox: a version this workbench made (or carried, or
 * imported) that has no server revision yet is pushed after the outbox's records (so that the
 * center and the application it names are on the server first), with kind "target-version" and
 * its targets as JSON text. A version pulled is added unless its ID is here already. When a pull
 * brings the acceptance of an application, its targets are carried (once per application). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application.h"
#include "icw-error.h"
#include "icw-store-targets-sync.h"
#include "icw-sync-client-private.h"
#include "icw-sync-json.h"

#define TARGET_BATCH 20
#define KIND "target-version"

static GBytes *
targets_body (GPtrArray *batch)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *key = g_uuid_string_random ();
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "idempotency_key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < batch->len; i++)
    {
      IcwTargetSet *set = batch->pdata[i];
      JsonNode *record = json_node_init_object (json_node_alloc (), NULL);

      json_node_take_object (record, icw_target_set_to_json (set, TRUE));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, KIND);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, set->id);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, "upsert");
      json_builder_set_member_name (builder, "base_revision");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "record");
      json_builder_add_value (builder, record);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

gboolean
icw_sync_client_push_targets (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint limit = TARGET_BATCH;

  for (;;)
    {
      g_clear_pointer (&run->target_batch, g_ptr_array_unref);
      g_clear_pointer (&run->body, g_bytes_unref);
      run->target_batch = icw_store_target_versions_to_push (self->store, limit, &error);
      if (run->target_batch == NULL)
        {
          icw_sync_client_fail (task, g_steal_pointer (&error));
          return TRUE;
        }
      if (run->target_batch->len == 0)
        {
          g_clear_pointer (&run->target_batch, g_ptr_array_unref);
          return FALSE;
        }
      run->body = targets_body (run->target_batch);
      if (g_bytes_get_size (run->body) <= ICW_SYNC_JSON_MAX_BODY)
        break;
      if (run->target_batch->len > 1)
        {
          limit = run->target_batch->len / 2;
          continue;
        }
      /* One version no server takes: it stays here, refused, and is not sent again. */
      if (!icw_store_refuse_target_version (self->store, ((IcwTargetSet *) run->target_batch->pdata[0])->id,
                                            _("The version is larger than the server accepts"), &error))
        {
          icw_sync_client_fail (task, g_steal_pointer (&error));
          return TRUE;
        }
      run->report.rejected++;
    }
  icw_sync_client_set_request (run, "POST", g_strdup ("/v1/push"));
  icw_sync_client_send_request (task);
  return TRUE;
}

gboolean
icw_sync_apply_target_results (IcwStore       *store,
                               GPtrArray      *batch,
                               JsonNode       *root,
                               IcwSyncReport  *report,
                               guint          *n_retry,
                               guint          *n_done,
                               GError        **error)
{
  JsonArray *results;
  gboolean ok = TRUE;

  *n_retry = 0;
  if (!icw_sync_json_validate_push_response (root, batch->len, error))
    return FALSE;
  results = json_object_get_array_member (json_node_get_object (root), "results");
  if (!icw_store_begin_batch (store, error))
    return FALSE;
  for (guint i = 0; ok && i < batch->len; i++)
    {
      IcwTargetSet *set = batch->pdata[i];
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (result, "status");

      if (g_strcmp0 (json_object_get_string_member (result, "id"), set->id) != 0)
        {
          g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The server answered another change"));
          ok = FALSE;
        }
      else if (g_str_equal (status, "applied"))
        {
          report->pushed++;
          ok = icw_store_ack_target_version (store, set->id, json_object_get_string_member (result, "revision"), error);
        }
      else if (g_str_equal (status, "retry"))
        (*n_retry)++;
      else
        {
          /* Refused (a version has no conflict: the server never changes one): kept here with why. */
          const char *reason = json_object_get_string_member_with_default (result, "reason", NULL);

          report->rejected++;
          ok = icw_store_refuse_target_version (store, set->id,
                                                reason != NULL ? reason : _("The server did not take the version"), error);
        }
    }
  if (!ok)
    {
      icw_store_rollback_batch (store);
      return FALSE;
    }
  *n_done = batch->len - *n_retry;
  return icw_store_commit_batch (store, error);
}

gboolean
icw_sync_is_target_version (JsonObject *change)
{
  return g_strcmp0 (json_object_get_string_member_with_default (change, "kind", NULL), KIND) == 0;
}

/* A pulled version whose center or application is not here yet: the server sends records in the
 * order it last stored them, so a center changed after its targets comes after them. The change
 * waits in the sync state and is applied after each page until they are here. */
#define WAITING_PREFIX "target-version-waiting "

/* Adds the pulled version; *waits is TRUE when what it names is not here yet. */
static gboolean
add_pulled (IcwStore       *store,
            JsonObject     *change,
            IcwSyncReport  *report,
            gboolean       *waits,
            GError        **error)
{
  JsonNode *record = json_object_get_member (change, "record");
  g_autoptr(IcwTargetSet) set = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean added = FALSE;

  *waits = FALSE;
  /* The server checks every version it takes; one this workbench cannot read is left, not fatal. */
  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record) ||
      (set = icw_target_set_from_json (json_node_get_object (record), NULL, &local_error)) == NULL)
    {
      g_message ("A pulled version of targets was left: %s", local_error != NULL ? local_error->message : "not an object");
      return TRUE;
    }
  if (!icw_store_add_target_version (store, set, json_object_get_string_member (change, "revision"), &added,
                                     &local_error))
    {
      if (!g_error_matches (local_error, ICW_ERROR, ICW_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *waits = TRUE;
      return TRUE;
    }
  if (added)
    report->pulled++;
  return TRUE;
}

gboolean
icw_sync_apply_pulled_targets (IcwStore       *store,
                               JsonObject     *change,
                               IcwSyncReport  *report,
                               GError        **error)
{
  gboolean waits;

  if (!add_pulled (store, change, report, &waits, error))
    return FALSE;
  if (waits)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), change);
      g_autofree char *text = json_to_string (node, FALSE);
      g_autofree char *key = g_strconcat (WAITING_PREFIX, json_object_get_string_member (change, "id"), NULL);

      return icw_store_sync_state_set (store, key, text, error);
    }
  return TRUE;
}

gboolean
icw_sync_apply_waiting_targets (IcwStore       *store,
                                IcwSyncReport  *report,
                                GError        **error)
{
  g_auto(GStrv) keys = icw_store_sync_state_keys (store, WAITING_PREFIX);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *text = icw_store_sync_state_get (store, keys[i]);
      g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;
      gboolean waits = FALSE;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
          !add_pulled (store, json_node_get_object (node), report, &waits, error))
        return FALSE;
      if (!waits && !icw_store_sync_state_set (store, keys[i], NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
icw_sync_carry_pulled_acceptance (IcwStore    *store,
                                  const char  *application_id,
                                  GError     **error)
{
  g_autoptr(IcwRecord) record = icw_store_lookup (store, ICW_RECORD_KIND_APPLICATION, application_id, NULL);
  g_autoptr(GError) local_error = NULL;

  if (record == NULL || !ICW_IS_APPLICATION (record))
    return TRUE;
  if (icw_store_carry_targets_on_acceptance (store, ICW_APPLICATION (record), &local_error) == 0 &&
      local_error != NULL)
    {
      /* Targets that cannot be written (the center not here) never stop a pull. */
      if (!g_error_matches (local_error, ICW_ERROR, ICW_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_message ("The accepted application's targets were not carried: %s", local_error->message);
    }
  return TRUE;
}
