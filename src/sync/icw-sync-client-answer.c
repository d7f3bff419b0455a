/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-client-answer.c: what the sync client does with each answer: a 200 is applied (a push
 * batch's results, a page, a record asked back) and the run goes on, or waits when the server asked
 * for some changes again; any other status retries with backoff, halves the batch (413), sends it
 * again in the server's smaller batches (400 too-many-changes), lets the pull run after a batch
 * refused whole (403), resyncs (410), or ends the run with a message. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "icw-sync-body-reader.h"
#include "icw-sync-client-private.h"
#include "icw-sync-json.h"
#include "icw-sync-request.h"
#include "icw-sync-source.h"

void
icw_sync_client_finish_run (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  /* The files of the attachments pulled (icw-sync-client-blobs.c): the run ends afterwards. */
  if (run->push_error == NULL && icw_sync_client_download_files (task))
    return;
  /* A batch refused whole did not stop the pull; its error is told now. */
  if (run->push_error != NULL)
    icw_sync_client_fail (task, g_steal_pointer (&run->push_error));
  else
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

static void
forget_pending_key (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  IcwPushState state;

  icw_sync_client_push_state_init (self, &state);
  icw_sync_push_state_forget (self->store, &state, NULL);
  icw_sync_push_state_clear (&state);
}

/* 413: the batch goes again in halves; a single change still too large is refused locally. */
static void
split_batch (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_auto(IcwPushState) state = { NULL, };
  g_autoptr(GError) error = NULL;

  icw_sync_client_push_state_init (self, &state);
  if (run->target_batch != NULL)
    {
      /* A batch of target versions is sized under the limit before it goes: the server's limit
       * is smaller than the protocol's. */
      icw_sync_client_fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE,
                               _("The server refused the targets' versions as too large")));
      return;
    }
  if (run->batch->len > 1)
    {
      run->batch_limit = run->batch->len / 2;
      forget_pending_key (task);   /* nothing was applied: the smaller batch gets a key of its own */
    }
  else if (!icw_sync_reject_too_large (self->store, run->batch->pdata[0], &state, &run->report, &error))
    {
      icw_sync_client_fail (task, g_steal_pointer (&error));
      return;
    }
  icw_sync_client_step (task);
}

/* A 400 for a push of more changes than the server takes (docs/sync-protocol.md, "The number of
 * changes a push"): the server names its limit ("too-many-changes", max_changes), or, a server of
 * before 2026-12, answers "bad-request" to anything over 200. Nothing of the batch was stored: the
 * keys are forgotten and the rows go again in batches of the limit for the rest of the run, each
 * under a new key committed before it goes (icw-sync-client.c). TRUE when it is handled so; FALSE
 * for any other 400 (a bug: the run fails as before). */
static gboolean
smaller_batches (GTask  *task,
                 GBytes *bytes)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  guint limit = 0;

  if (run->pulling || run->fetch_key != NULL || run->target_batch != NULL || run->batch == NULL ||
      run->batch->len <= 1)
    return FALSE;
  if (bytes != NULL)
    root = icw_sync_json_parse_object (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 64 * 1024, NULL);
  if (root != NULL)
    {
      JsonObject *answer = json_node_get_object (root);
      JsonNode *code = json_object_get_member (answer, "error");
      JsonNode *max = json_object_get_member (answer, "max_changes");

      if (code != NULL && JSON_NODE_HOLDS_VALUE (code) && json_node_get_value_type (code) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (code), "too-many-changes") &&
          max != NULL && JSON_NODE_HOLDS_VALUE (max) && json_node_get_value_type (max) == G_TYPE_INT64 &&
          json_node_get_int (max) >= 1)
        limit = (guint) MIN (json_node_get_int (max), (gint64) G_MAXUINT);
    }
  if (limit == 0 && run->batch->len > ICW_SYNC_JSON_V1_MAX_CHANGES)
    limit = ICW_SYNC_JSON_V1_MAX_CHANGES;   /* an older server: it takes this many */
  if (limit == 0 || limit >= run->batch->len)
    return FALSE;   /* the batch was within the limit: refused for something else */
  run->batch_limit = limit;
  forget_pending_key (task);
  icw_sync_client_step (task);
  return TRUE;
}

/* An answer whose status is not 200: wait and retry, move on, or stop with a message. */
static void
on_status (GTask *task,
           guint  status)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  const char *retry_after = soup_message_headers_get_one (soup_message_get_response_headers (run->msg), "Retry-After");
  g_autoptr(GError) error = NULL;

  if (run->fetch_key != NULL && (status == 403 || status == 404))
    {
      /* The server has no version of it this account may see: nothing to restore. */
      if (!icw_store_sync_state_set (self->store, run->fetch_key, NULL, &error))
        icw_sync_client_fail (task, g_steal_pointer (&error));
      else
        icw_sync_client_step (task);
      return;
    }
  switch (status)
    {
    case 429: case 500: case 502: case 503: case 504:
      {
        guint64 seconds = 0;
        g_autofree char *why = g_strdup_printf (_("the server answered %u"), status);

        if (retry_after != NULL)
          g_ascii_string_to_unsigned (retry_after, 10, 0, 3600, &seconds, NULL);
        icw_sync_client_retry_later (task, (guint) seconds, why, icw_sync_client_send_request);
        return;
      }
    case 401:
      icw_sync_client_fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED,
                               _("The server does not accept the token: sign in again. Nothing was lost: the changes wait to be sent.")));
      return;
    case 403:
      if (!run->pulling)
        {
          /* This account may not push at all: the changes wait, and the pull still runs. */
          run->push_error = g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_FORBIDDEN,
                                         _("The server refused: a change is outside what this account may see or change. Nothing was applied; the changes wait to be sent. The server’s changes were still received."));
          run->pulling = TRUE;
          if (run->mode & ICW_SYNC_PULL)
            icw_sync_client_step (task);
          else
            icw_sync_client_finish_run (task);
          return;
        }
      icw_sync_client_fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_FORBIDDEN,
                               _("The server refused: this account may not read these records.")));
      return;
    case 413:
      if (!run->pulling)
        {
          split_batch (task);
          return;
        }
      break;
    case 422:
      if (!run->pulling)
        forget_pending_key (task);   /* the next run sends the batch as it is now, with a new key */
      break;
    case 410:
      if (run->pulling && !run->resynced)
        {
          g_autofree char *cursor_key = icw_sync_client_state_key (self, "cursor");

          /* A full resync: the cursor goes, the outbox stays. */
          run->resynced = TRUE;
          if (!icw_store_sync_state_set (self->store, cursor_key, NULL, &error))
            icw_sync_client_fail (task, g_steal_pointer (&error));
          else
            icw_sync_client_step (task);
          return;
        }
      break;
    default:
      break;
    }
  icw_sync_client_fail (task, g_error_new (ICW_SYNC_ERROR, status == 413 ? ICW_SYNC_ERROR_TOO_LARGE : ICW_SYNC_ERROR_HTTP,
                           _("The server answered %u %s"), status, soup_message_get_reason_phrase (run->msg)));
}

/* A record the user asked back waits (icw_sync_client_step fetches it before the next page). */
static gboolean
refetch_waiting (IcwSyncClient *self)
{
  g_auto(GStrv) keys = icw_store_sync_state_keys (self->store, ICW_SYNC_REFETCH_PREFIX);

  return keys != NULL && keys[0] != NULL;
}

/* A pull page, read in place without a tree (icw-sync-pull-page.c). The next page is asked for
 * as soon as this one's cursor is known, so that the server builds it while the pages held are
 * applied (at most one page ahead); the pages are applied together once they hold enough
 * records, or when the last came. A page refused here is never applied, nor is the page after it;
 * the pages before it are, as they would have been alone. */
static void
on_page (GTask  *task,
         GBytes *bytes)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  IcwPullPage *page = icw_sync_read_pull_page (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                               run->sent_cursor, &error);
  gboolean more, ahead;

  if (page == NULL)
    {
      g_autoptr(GError) held_error = NULL;

      /* The pages before it first, as if each had been applied as it came. */
      icw_sync_client_fail (task, icw_sync_client_apply_held (task, FALSE, &held_error)
                                  ? g_steal_pointer (&error) : g_steal_pointer (&held_error));
      return;
    }
  more = page->has_more;
  icw_sync_client_hold_page (task, bytes, page);
  run->attempt = 0;
  /* A record asked back is fetched between pages, as the pages held are applied first. */
  ahead = more && !refetch_waiting (self);
  if (ahead)
    icw_sync_client_request_page (task, page->cursor);
  if ((!more || !ahead || icw_sync_client_held_full (task)) &&
      !icw_sync_client_apply_held (task, !more, &error))
    {
      /* The page on its way ends the run when it comes, unread. */
      if (ahead)
        run->held_error = g_steal_pointer (&error);
      else
        icw_sync_client_fail (task, g_steal_pointer (&error));
      return;
    }
  if (ahead)
    return;
  if (more)
    icw_sync_client_step (task);
  else
    icw_sync_client_finish_run (task);
}

gboolean
icw_sync_client_acknowledge_answered (GTask   *task,
                                      GError **error)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GPtrArray) answered = g_steal_pointer (&run->answered);
  g_autoptr(GPtrArray) revisions = g_steal_pointer (&run->answered_revisions);
  g_autoptr(JsonNode) root = g_steal_pointer (&run->answered_root);
  g_auto(IcwPushState) state = { NULL, };
  guint n_retry = 0, n_done = 0;

  if (answered == NULL)
    return TRUE;
  icw_sync_client_push_state_init (self, &state);
  if (revisions != NULL)
    return icw_sync_apply_push_applied (self->store, answered, revisions, &state, &run->report, error);
  return icw_sync_apply_push_results (self->store, answered, root, &state, &run->report, &n_retry, &n_done, error);
}

/* While the server handles the batch in flight: the batch after it prepared (read, its body
 * built, its key committed) so that it goes the moment this one's answer says it may. */
static gboolean
prepare_now (gpointer data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);

  icw_sync_timeout_clear (&run->prepare_source);
  icw_sync_client_prepare_next (task);
  return G_SOURCE_REMOVE;
}

/* The batch sent ahead has left: the one before it is acknowledged while the server handles it,
 * then the one after it prepared (from an idle of its own: the main loop runs in between). A
 * failure ends the run when the answer comes (the answer is then discarded; both batches stay
 * pending for the next run). */
static gboolean
acknowledge_now (gpointer data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  icw_sync_timeout_clear (&run->ack_source);
  if (!icw_sync_client_acknowledge_answered (task, &error))
    {
      if (run->held_error == NULL)
        run->held_error = g_steal_pointer (&error);
    }
  else if (run->held_error == NULL && run->prepare_source == NULL)
    run->prepare_source = icw_sync_idle_new (prepare_now, task);
  return G_SOURCE_REMOVE;
}

/* From an idle source rather than inside libsoup's writing: the store's handlers run outside it. */
void
icw_sync_client_on_push_written (SoupMessage *msg,
                                 gpointer     data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);

  g_clear_signal_handler (&run->wrote_id, msg);
  if (run->answered != NULL)
    {
      if (run->ack_source == NULL)
        run->ack_source = icw_sync_idle_new (acknowledge_now, task);
    }
  else if (run->prepare_source == NULL)
    run->prepare_source = icw_sync_idle_new (prepare_now, task);
}

/* A push's answer that needs no wait (no "retry"): the next batch is sent first when it may go
 * ahead, and the answer acknowledged once its body is written; else acknowledged now and the run
 * goes on as before. */
static void
acknowledge_after_next (GTask     *task,
                        GPtrArray *revisions,
                        JsonNode  *root)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->answered = g_steal_pointer (&run->batch);
  run->answered_revisions = revisions != NULL ? g_ptr_array_ref (revisions) : NULL;
  run->answered_root = root != NULL ? json_node_ref (root) : NULL;
  run->attempt = 0;
  if (icw_sync_client_send_ahead (task))
    return;
  if (!icw_sync_client_acknowledge_answered (task, &error))
    {
      icw_sync_client_fail (task, g_steal_pointer (&error));
      return;
    }
  icw_sync_client_step (task);
}

static void
on_body (GTask  *task,
         GBytes *bytes)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(IcwPushState) state = { NULL, };
  gboolean more = FALSE;
  guint n_retry = 0, n_done = 0;

  if (run->pulling && run->fetch_key == NULL)
    {
      on_page (task, bytes);
      return;
    }
  icw_sync_client_push_state_init (self, &state);
  /* A push's answer with every change applied, read in place (icw-sync-push-answer.c): the next
   * batch goes before it is acknowledged. */
  if (!run->pulling && run->fetch_key == NULL && run->target_batch == NULL)
    {
      g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_free);

      if (icw_sync_read_push_applied (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      run->batch, revisions))
        {
          acknowledge_after_next (task, revisions, NULL);
          return;
        }
    }
  /* Any other answer (and any other but a pull page) in one strict pass (icw-sync-body-reader.c:
   * the scanner's checks and messages, json-glib's tree, without json-glib's own parse after it). */
  root = icw_json_read_object (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               ICW_SYNC_JSON_MAX_BODY * 2, 0, NULL, NULL, &error);
  if (root != NULL && run->fetch_key != NULL)
    {
      if (!icw_sync_apply_fetched (self->store, root, run->fetch_key, &run->report, &error))
        icw_sync_client_fail (task, g_steal_pointer (&error));
      else
        icw_sync_client_step (task);
      return;
    }
  if (root != NULL && !run->pulling && run->target_batch != NULL)
    {
      g_autoptr(GPtrArray) batch = g_steal_pointer (&run->target_batch);

      if (!icw_sync_apply_target_results (self->store, batch, root, &run->report, &n_retry, &n_done, &error))
        {
          icw_sync_client_fail (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (root != NULL && icw_sync_push_results_final (run->batch, root))
    {
      /* Conflicts and refusals wait for nothing either. */
      acknowledge_after_next (task, NULL, root);
      return;
    }
  else if (root == NULL ||
           !icw_sync_apply_push_results (self->store, run->batch, root, &state,
                                         &run->report, &n_retry, &n_done, &error))
    {
      icw_sync_client_fail (task, g_steal_pointer (&error));
      return;
    }
  if (n_retry > 0)
    {
      /* "retry" is the server saying it is busy: the same backoff as a 503. Progress resets it. */
      g_autofree char *why = g_strdup (_("the server asked to send the changes again later"));

      if (n_done > 0)
        run->attempt = 0;
      icw_sync_client_retry_later (task, 0, why, icw_sync_client_step);
      return;
    }
  run->attempt = 0;
  if (run->pulling && !more)
    {
      icw_sync_client_finish_run (task);
      return;
    }
  icw_sync_client_step (task);
}

void
icw_sync_client_on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = icw_sync_request_send_finish (result, &error);
  guint status;

  /* The batch before this one, sent ahead of its acknowledgement, is acknowledged first, whatever
   * this answer is; the batch after it, if not prepared yet, is prepared when it may go. */
  g_clear_signal_handler (&run->wrote_id, run->msg);
  icw_sync_timeout_clear (&run->prepare_source);
  if (run->answered != NULL)
    {
      g_autoptr(GError) ack_error = NULL;

      icw_sync_timeout_clear (&run->ack_source);
      if (!icw_sync_client_acknowledge_answered (task, &ack_error))
        {
          icw_sync_client_fail (task, g_steal_pointer (&ack_error));
          return;
        }
    }
  if (run->held_error != NULL)
    {
      /* The pages before this one could not be applied: this one is discarded. */
      icw_sync_client_fail (task, g_steal_pointer (&run->held_error));
      return;
    }
  if (run->held != NULL && (bytes == NULL || soup_message_get_status (run->msg) != 200))
    {
      g_autoptr(GError) held_error = NULL;

      /* The next page did not come: the pages held are applied first, as they would have been
       * alone, whatever happens next (a retry, a resync, the end of the run). */
      if (!icw_sync_client_apply_held (task, FALSE, &held_error))
        {
          icw_sync_client_fail (task, g_steal_pointer (&held_error));
          return;
        }
    }
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TLS) ||
          g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID))
        icw_sync_client_fail (task, g_steal_pointer (&error));
      else
        icw_sync_client_retry_later (task, 0, error->message, icw_sync_client_send_request);
      return;
    }
  status = soup_message_get_status (run->msg);
  if (status == 400 && smaller_batches (task, bytes))
    return;
  if (status != 200)
    on_status (task, status);
  else
    on_body (task, bytes);
}
