/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-client-apply.c: the store side of a sync run. A push batch's answer is checked whole,
 * then each result is recorded in one transaction with the pending key cleared: applied changes
 * leave the outbox, conflicts and refusals go to the attention list (a refusal with the server's
 * code, reason and field), and changes the server asked to send again stay. A pull page, read in
 * place without a tree (icw-sync-pull-page.c); the pages that came while the last were applied are
 * applied together with the last one's cursor in one transaction, each record handed to the store
 * as the bytes it came as; a cursor that does not move is an error. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-sync-client-private.h"
#include "icw-sync-json.h"

/* One result of a push's answer; an applied change is added to applied (with its revision in
 * revisions) and acknowledged with the batch's others afterwards, in a few statements. */
static gboolean
record_result (IcwStore        *store,
               IcwOutboxChange *change,
               JsonObject      *result,
               GPtrArray       *applied,
               GPtrArray       *revisions,
               IcwSyncReport   *report,
               guint           *n_retry,
               GError         **error)
{
  const char *status = json_object_get_string_member (result, "status");

  if (g_str_equal (status, "applied"))
    {
      report->pushed++;
      g_ptr_array_add (applied, change);
      g_ptr_array_add (revisions, (gpointer) json_object_get_string_member (result, "revision"));
      return TRUE;
    }
  if (g_str_equal (status, "conflict"))
    {
      g_autofree char *theirs = json_to_string (json_object_get_member (result, "record"), FALSE);

      report->conflicts++;
      return icw_store_add_conflict (store, change->kind, change->id, change->max_seq, theirs,
                                     json_object_get_string_member (result, "revision"),
                                     json_object_get_boolean_member (result, "deleted"), NULL, error);
    }
  if (g_str_equal (status, "rejected"))
    {
      report->rejected++;
      return icw_store_add_rejection (store, change->kind, change->id, change->max_seq,
                                      json_object_get_string_member_with_default (result, "code", NULL),
                                      json_object_get_string_member (result, "reason"),
                                      json_object_get_string_member_with_default (result, "field", NULL),
                                      error);
    }
  (*n_retry)++;   /* "retry": the change stays in the outbox */
  return TRUE;
}

void
icw_sync_push_state_clear (IcwPushState *state)
{
  g_clear_pointer (&state->key, g_free);
  g_clear_pointer (&state->seq, g_free);
  g_clear_pointer (&state->from, g_free);
  g_clear_pointer (&state->next_key, g_free);
  g_clear_pointer (&state->next_seq, g_free);
}

gboolean
icw_sync_push_state_advance (IcwStore            *store,
                             const IcwPushState  *state,
                             gboolean             keep_next,
                             GError             **error)
{
  g_autofree char *seq = icw_store_sync_state_get (store, state->seq);
  g_autofree char *next_key = icw_store_sync_state_get (store, state->next_key);
  g_autofree char *next_seq = icw_store_sync_state_get (store, state->next_seq);
  gboolean next = keep_next && next_key != NULL && next_seq != NULL;

  return icw_store_sync_state_set (store, state->key, next ? next_key : NULL, error) &&
         icw_store_sync_state_set (store, state->seq, next ? next_seq : NULL, error) &&
         icw_store_sync_state_set (store, state->from, next ? seq : NULL, error) &&
         (next_key == NULL || icw_store_sync_state_set (store, state->next_key, NULL, error)) &&
         (next_seq == NULL || icw_store_sync_state_set (store, state->next_seq, NULL, error));
}

gboolean
icw_sync_push_state_forget (IcwStore            *store,
                            const IcwPushState  *state,
                            GError             **error)
{
  return icw_store_sync_state_set (store, state->key, NULL, error) &&
         icw_store_sync_state_set (store, state->seq, NULL, error) &&
         icw_store_sync_state_set (store, state->from, NULL, error) &&
         icw_store_sync_state_set (store, state->next_key, NULL, error) &&
         icw_store_sync_state_set (store, state->next_seq, NULL, error);
}

/* The applied changes acknowledged and the pending keys advanced (the batch sent ahead, if any,
 * becomes the oldest pending), in the caller's transaction. That transaction commits without an
 * fsync (synchronous=NORMAL, as a pull page's: the store's refetchable batch): a power cut may
 * undo it, the pending keys with it, and the next run sends the batch again under its key, whose
 * stored answer the server gives again. The next batch's key, committed under FULL before that
 * batch goes, syncs the WAL with the acknowledgements before it, as does any edit
 * (docs/sync-protocol.md, "Durability of a push's acknowledgement"): one fsync a batch on the
 * client, not two. */
static gboolean
acknowledge (IcwStore            *store,
             GPtrArray           *applied,
             GPtrArray           *revisions,
             const IcwPushState  *state,
             gboolean             retried,
             GError             **error)
{
  return icw_store_ack_changes (store, applied, (const char *const *) revisions->pdata, error) &&
         icw_sync_push_state_advance (store, state, !retried, error);
}

/* The answer checked whole: valid, and each result for its change. */
static gboolean
push_results_valid (GPtrArray  *batch,
                    JsonNode   *root,
                    GError    **error)
{
  JsonArray *results;

  if (!icw_sync_json_validate_push_response (root, batch->len, error))
    return FALSE;
  results = json_object_get_array_member (json_node_get_object (root), "results");
  for (guint i = 0; i < batch->len; i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (results, i), "id"),
                   ((IcwOutboxChange *) batch->pdata[i])->id) != 0)
      {
        g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The server answered another change"));
        return FALSE;
      }
  return TRUE;
}

gboolean
icw_sync_push_results_final (GPtrArray *batch,
                             JsonNode  *root)
{
  JsonArray *results;

  if (!push_results_valid (batch, root, NULL))
    return FALSE;
  results = json_object_get_array_member (json_node_get_object (root), "results");
  for (guint i = 0; i < batch->len; i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (results, i), "status"),
                   "retry") == 0)
      return FALSE;
  return TRUE;
}

gboolean
icw_sync_apply_push_results (IcwStore       *store,
                             GPtrArray      *batch,
                             JsonNode       *root,
                             const IcwPushState *state,
                             IcwSyncReport  *report,
                             guint          *n_retry,
                             guint          *n_done,
                             GError        **error)
{
  JsonArray *results;
  g_autoptr(GPtrArray) applied = g_ptr_array_new ();
  g_autoptr(GPtrArray) revisions = g_ptr_array_new ();
  gboolean ok = TRUE;

  *n_retry = 0;
  if (!push_results_valid (batch, root, error))
    return FALSE;
  results = json_object_get_array_member (json_node_get_object (root), "results");

  if (!icw_store_begin_refetchable_batch (store, error))
    return FALSE;
  for (guint i = 0; ok && i < batch->len; i++)
    ok = record_result (store, batch->pdata[i], json_array_get_object_element (results, i), applied,
                        revisions, report, n_retry, error);
  if (!ok || !acknowledge (store, applied, revisions, state, *n_retry > 0, error))
    {
      icw_store_rollback_batch (store);
      return FALSE;
    }
  *n_done = batch->len - *n_retry;
  return icw_store_commit_batch (store, error);
}

gboolean
icw_sync_apply_push_applied (IcwStore       *store,
                             GPtrArray      *batch,
                             GPtrArray      *revisions,
                             const IcwPushState *state,
                             IcwSyncReport  *report,
                             GError        **error)
{
  g_return_val_if_fail (revisions->len == batch->len, FALSE);

  if (!icw_store_begin_refetchable_batch (store, error))
    return FALSE;
  if (!acknowledge (store, batch, revisions, state, FALSE, error))
    {
      icw_store_rollback_batch (store);
      return FALSE;
    }
  report->pushed += batch->len;
  return icw_store_commit_batch (store, error);
}

gboolean
icw_sync_reject_too_large (IcwStore         *store,
                           IcwOutboxChange  *change,
                           const IcwPushState *state,
                           IcwSyncReport    *report,
                           GError          **error)
{
  gboolean ok;

  if (!icw_store_begin_batch (store, error))
    return FALSE;
  report->rejected++;
  ok = icw_store_add_rejection (store, change->kind, change->id, change->max_seq, "too-large",
                                "The record is larger than the server accepts", NULL, error) &&
       icw_sync_push_state_advance (store, state, TRUE, error);
  if (!ok)
    {
      icw_store_rollback_batch (store);
      return FALSE;
    }
  return icw_store_commit_batch (store, error);
}

/* The change's text parsed alone, for the rare kinds that are applied from a tree (target
 * versions). */
static JsonObject *
change_object (const IcwPulledChange *change)
{
  g_autofree char *text = g_strndup (change->change.start, change->change.end - change->change.start);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_object_ref (json_node_get_object (node)) : NULL;
}

/* The record's "status" is "accepted". */
static gboolean
record_accepted (const IcwJsonValue *record)
{
  IcwJsonIter iter;
  IcwJsonValue name, value;
  gboolean accepted = FALSE;

  icw_json_iter_init (&iter, record);
  while (icw_json_iter_next (&iter, &name, &value) > 0)
    if (icw_json_string_equal (&name, "status"))
      accepted = icw_json_string_equal (&value, "accepted");   /* the last one, as a parsed object */
  return accepted;
}

/* *local_changes: some record may have an outbox row or a conflict (set again by anything written
 * here but pulled rows, which add neither); when not, a record is applied without asking. */
static gboolean
apply_pulled (IcwStore               *store,
              IcwRemoteBatch         *rows,
              const IcwPulledChange  *change,
              gboolean               *local_changes,
              IcwSyncReport          *report,
              GError                **error)
{
  const char *id = change->id;
  gsize length = change->record.end - change->record.start;
  g_autofree char *local = NULL;
  IcwRecordKind kind;

  if (g_str_equal (change->kind, "target-version"))
    {
      /* Applied from a tree, after the rows before it (it names a center or application). */
      g_autoptr(JsonObject) object = change_object (change);

      *local_changes = TRUE;
      return icw_remote_batch_flush (rows, error) &&
             (object == NULL || icw_sync_apply_pulled_targets (store, object, report, error));
    }
  if (!icw_record_kind_from_key (change->kind, &kind))
    return TRUE;   /* a kind of a newer version */
  local = icw_store_local_revision (store, kind, id);
  if (g_strcmp0 (local, change->revision) == 0)
    return TRUE;   /* what we have (our own push coming back) */
  /* Never over unsent edits: both versions are kept for the user. */
  if (*local_changes && (icw_store_outbox_has_record (store, id) || icw_store_conflict_has_record (store, id)))
    {
      /* A record already in conflict gets the server's newer version into its conflict. */
      g_autofree char *text = g_strndup (change->record.start, length);

      if (!icw_store_conflict_has_record (store, id))
        report->conflicts++;
      return icw_store_add_conflict (store, kind, id, 0, text, change->revision, change->deleted, NULL, error);
    }
  report->pulled++;
  /* The record goes to the store as the bytes it came as, read there in place (no tree), with the
   * page's other rows of its kind. */
  if (!icw_remote_batch_add (rows, kind, change->record.start, length, change->revision, change->deleted, error))
    return FALSE;
  /* An acceptance arriving: the application's targets become the center's, once. */
  if (kind == ICW_RECORD_KIND_APPLICATION && !change->deleted && record_accepted (&change->record))
    {
      *local_changes = TRUE;
      return icw_remote_batch_flush (rows, error) && icw_sync_carry_pulled_acceptance (store, id, error);
    }
  return TRUE;
}

IcwPullPage *
icw_sync_read_pull_page (const char  *data,
                         gsize        length,
                         const char  *sent_cursor,
                         GError     **error)
{
  g_autoptr(IcwPullPage) page = icw_sync_pull_page_read (data, length, error);

  if (page == NULL)
    return NULL;
  if (page->has_more && (g_strcmp0 (page->cursor, sent_cursor != NULL ? sent_cursor : "") == 0 ||
                         page->changes->len == 0))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The server says it has more changes but its cursor does not advance: the pull was stopped"));
      return NULL;
    }
  return g_steal_pointer (&page);
}

/* held[first, first + n) and the last one's cursor in one transaction, committed without an fsync:
 * pages a power cut undoes are pulled again, with their cursor. The rows of one kind that follow
 * each other go in one statement. */
static gboolean
apply_pages (IcwStore       *store,
             GPtrArray      *held,
             guint           first,
             guint           n,
             const char     *cursor_key,
             IcwSyncReport  *report,
             GError        **error)
{
  g_autoptr(IcwRemoteBatch) rows = NULL;
  IcwSyncReport before = *report;
  gboolean local_changes;
  gboolean ok = TRUE;

  if (!icw_store_begin_refetchable_batch (store, error))
    return FALSE;
  /* Asked once for the group: on a first pull, or with nothing unsent, no record is looked up in
   * the outbox and the conflicts (two statements a record; docs/performance.md). */
  local_changes = icw_store_has_local_changes (store);
  rows = icw_remote_batch_new (store);
  for (guint p = first; ok && p < first + n; p++)
    {
      IcwPullPage *page = ((IcwHeldPage *) held->pdata[p])->page;

      for (guint i = 0; ok && i < page->changes->len; i++)
        ok = apply_pulled (store, rows, &g_array_index (page->changes, IcwPulledChange, i), &local_changes,
                           report, error);
    }
  /* The group's rows by one statement a kind (the records point into their pages' texts, which
   * the caller holds until this returns): each page SQLite's statement journal copies is copied
   * once a group, FTS5's pending index is flushed once (docs/performance.md). */
  ok = ok && icw_remote_batch_flush (rows, error);
  ok = ok && icw_sync_apply_waiting_targets (store, report, error);
  ok = ok && icw_store_sync_state_set (store, cursor_key,
                                       ((IcwHeldPage *) held->pdata[first + n - 1])->page->cursor, error);
  if (!ok)
    {
      icw_store_rollback_batch (store);
      *report = before;
      return FALSE;
    }
  if (!icw_store_commit_batch (store, error))
    {
      *report = before;
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_sync_apply_pull_pages (IcwStore       *store,
                           GPtrArray      *held,
                           const char     *cursor_key,
                           gboolean        last,
                           IcwSyncReport  *report,
                           GError        **error)
{
  g_autoptr(GError) checkpoint_error = NULL;

  if (held->len == 0)
    return TRUE;
  /* All held pages in one transaction: each index page the pages' random IDs touch is written to
   * the WAL once for them all, not once a page (docs/performance.md). */
  if (!apply_pages (store, held, 0, held->len, cursor_key, report, held->len > 1 ? NULL : error))
    {
      /* As if each page had come alone: those before the one that fails are kept, with their
       * cursor; that one is not, nor any after it. */
      if (held->len == 1)
        return FALSE;
      for (guint p = 0; p < held->len; p++)
        if (!apply_pages (store, held, p, 1, cursor_key, report, error))
          return FALSE;
    }
  /* The pages' commits left the WAL to grow (icw_store_begin_refetchable_batch): the last one
   * copies it into the file once, so that no later edit pays for it. The pages are saved: a
   * checkpoint that fails is only late (SQLite's own comes later). */
  if (last && !icw_store_checkpoint (store, &checkpoint_error))
    g_warning ("The pulled pages were not checkpointed: %s", checkpoint_error->message);
  return TRUE;
}

gboolean
icw_sync_apply_fetched (IcwStore       *store,
                        JsonNode       *root,
                        const char     *refetch_key,
                        IcwSyncReport  *report,
                        GError        **error)
{
  JsonObject *change;
  IcwRecordKind kind;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !icw_sync_json_validate_record ((change = json_node_get_object (root)), TRUE, error))
    return FALSE;
  if (!icw_store_begin_batch (store, error))
    return FALSE;
  if (icw_record_kind_from_key (json_object_get_string_member (change, "kind"), &kind) &&
      !icw_store_outbox_has_record (store, json_object_get_string_member (change, "id")) &&
      !icw_store_conflict_has_record (store, json_object_get_string_member (change, "id")))
    {
      g_autofree char *record = json_to_string (json_object_get_member (change, "record"), FALSE);

      ok = icw_store_apply_remote (store, kind, record, json_object_get_string_member (change, "revision"),
                                   json_object_get_boolean_member (change, "deleted"), error);
      report->pulled++;
    }
  ok = ok && icw_store_sync_state_set (store, refetch_key, NULL, error);
  if (!ok)
    {
      icw_store_rollback_batch (store);
      return FALSE;
    }
  return icw_store_commit_batch (store, error);
}

IcwOutboxChange *
icw_sync_find_oversize (GPtrArray *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      IcwOutboxChange *change = batch->pdata[i];

      /* The protocol's limit of one record (and of any string in it). */
      if (change->payload != NULL && strlen (change->payload) > ICW_SYNC_JSON_MAX_STRING)
        return change;
    }
  return NULL;
}
