/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-client.c: one sync run as a chain of asynchronous steps on a GTask: push batches
 * until the outbox is empty, then pull pages until the server has no more. Each answer is
 * validated whole and applied in one store transaction (a push batch's results with the pending
 * key cleared; a page with its cursor). The idempotency key is stored before its batch is sent,
 * so a batch whose answer was lost goes again with the same key. What is done with each answer is
 * icw-sync-client-answer.c's; each request is bounded by icw-sync-request.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "icw-sync-client.h"
#include "icw-sync-client-private.h"
#include "icw-sync-json.h"
#include "icw-sync-request.h"

G_DEFINE_FINAL_TYPE (IcwSyncClient, icw_sync_client, G_TYPE_OBJECT)

/* The records of the pull pages applied in one transaction, and the bytes the pages held for it
 * may take (besides the page on its way): each commit rewrites most index pages of the tables it
 * writes (random UUID keys), so a pull's WAL shrinks with the commits (docs/performance.md). */
#define ICW_SYNC_PULL_GROUP 2000
#define ICW_SYNC_PULL_HELD_BYTES (4 * ICW_SYNC_JSON_MAX_BODY)

static void
held_page_free (IcwHeldPage *held)
{
  icw_sync_pull_page_free (held->page);
  g_bytes_unref (held->bytes);
  g_free (held);
}

static void
run_free (Run *run)
{
  g_clear_pointer (&run->batch, g_ptr_array_unref);
  g_clear_pointer (&run->target_batch, g_ptr_array_unref);
  g_clear_pointer (&run->held, g_ptr_array_unref);
  g_clear_error (&run->held_error);
  g_free (run->method);
  g_free (run->path);
  g_free (run->sent_cursor);
  g_free (run->fetch_key);
  g_clear_error (&run->push_error);
  g_clear_pointer (&run->body, g_bytes_unref);
  g_clear_pointer (&run->files_sent, g_hash_table_unref);
  g_clear_pointer (&run->answered, g_ptr_array_unref);
  g_clear_pointer (&run->answered_revisions, g_ptr_array_unref);
  g_clear_pointer (&run->answered_root, json_node_unref);
  if (run->msg != NULL)
    g_clear_signal_handler (&run->wrote_id, run->msg);
  g_clear_object (&run->msg);
  icw_sync_timeout_clear (&run->wait);
  icw_sync_timeout_clear (&run->ack_source);
  icw_sync_timeout_clear (&run->prepare_source);
  icw_sync_client_prepared_clear (run);
  if (run->network_id != 0)
    g_signal_handler_disconnect (g_network_monitor_get_default (), run->network_id);
  g_free (run);
}

static void
icw_sync_client_finalize (GObject *object)
{
  IcwSyncClient *self = ICW_SYNC_CLIENT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_free (self->url);
  g_free (self->token);
  G_OBJECT_CLASS (icw_sync_client_parent_class)->finalize (object);
}

static void
icw_sync_client_class_init (IcwSyncClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_sync_client_finalize;
}

static void
icw_sync_client_init (IcwSyncClient *self)
{
  /* The protocol's largest push batch and page (docs/sync-protocol.md): 1000 changes, a fifth of
   * the requests and commits of 200 for a push (a server that takes fewer says so, and the run
   * goes on in its batches), five times fewer requests and transactions for a pull (a body over
   * the limit is still halved before it goes; a server stops a page early when its text grows
   * large). */
  self->batch_size = ICW_SYNC_JSON_MAX_CHANGES;
  self->page_size = ICW_SYNC_JSON_MAX_PAGE;
  self->pull_group = ICW_SYNC_PULL_GROUP;
  self->max_attempts = 5;
  self->base_delay_ms = 1000;
  self->max_delay_ms = 60000;
  self->deadline_ms = 120000;
  /* libsoup's default is no timeout at all. */
  self->session = soup_session_new_with_options ("timeout", 30, "idle-timeout", 60, NULL);
}

static gboolean
is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = host != NULL ? g_inet_address_new_from_string (host) : NULL;

  return g_strcmp0 (host, "localhost") == 0 || (address != NULL && g_inet_address_get_is_loopback (address));
}

IcwSyncClient *
icw_sync_client_new (IcwStore    *store,
                     const char  *server_url,
                     const char  *token,
                     GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  IcwSyncClient *self;

  g_return_val_if_fail (ICW_IS_STORE (store) && token != NULL, NULL);

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("“%s” is not the address of a sync server (https://…)"), server_url);
      return NULL;
    }
  /* The token travels in every request: in clear only to this machine. */
  if (g_str_equal (g_uri_get_scheme (uri), "http") && !is_loopback (uri))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INSECURE,
                   _("“%s” is not encrypted: use an https:// address"), server_url);
      return NULL;
    }
  self = g_object_new (ICW_TYPE_SYNC_CLIENT, NULL);
  self->store = g_object_ref (store);
  self->url = g_str_has_suffix (server_url, "/") ? g_strndup (server_url, strlen (server_url) - 1)
                                                 : g_strdup (server_url);
  self->token = g_strdup (token);
  return self;
}

void
icw_sync_client_set_limits (IcwSyncClient *self,
                            guint          batch_size,
                            guint          page_size,
                            guint          max_attempts,
                            guint          base_delay_ms,
                            guint          max_delay_ms,
                            guint          timeout_s)
{
  g_return_if_fail (ICW_IS_SYNC_CLIENT (self));
  self->batch_size = CLAMP (batch_size, 1, ICW_SYNC_JSON_MAX_CHANGES);
  self->page_size = CLAMP (page_size, 1, ICW_SYNC_JSON_MAX_PAGE);
  self->max_attempts = MAX (max_attempts, 1);
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = MAX (max_delay_ms, base_delay_ms);
  g_object_set (self->session, "timeout", MAX (timeout_s, 1), NULL);
}

void
icw_sync_client_set_pull_group (IcwSyncClient *self,
                                guint          records)
{
  g_return_if_fail (ICW_IS_SYNC_CLIENT (self));
  self->pull_group = records > 0 ? records : ICW_SYNC_PULL_GROUP;
}

void
icw_sync_client_set_deadline (IcwSyncClient *self,
                              guint          deadline_ms)
{
  g_return_if_fail (ICW_IS_SYNC_CLIENT (self));
  self->deadline_ms = MAX (deadline_ms, 1);
}

/* The client's state is per server: a database may sync with another server later. */
char *
icw_sync_client_state_key (IcwSyncClient *self,
           const char    *name)
{
  return g_strdup_printf ("%s %s", name, self->url);
}

void
icw_sync_client_push_state_init (IcwSyncClient *self,
                                 IcwPushState  *state)
{
  state->key = icw_sync_client_state_key (self, "pending-key");
  state->seq = icw_sync_client_state_key (self, "pending-seq");
  state->from = icw_sync_client_state_key (self, "pending-from");
  state->next_key = icw_sync_client_state_key (self, "next-key");
  state->next_seq = icw_sync_client_state_key (self, "next-seq");
}

void
icw_sync_client_fail (GTask  *task,
      GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
retry_now (gpointer data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);

  icw_sync_timeout_clear (&run->wait);
  if (run->network_id != 0)
    {
      g_signal_handler_disconnect (g_network_monitor_get_default (), run->network_id);
      run->network_id = 0;
    }
  run->report.retries++;
  run->resume (task);
  return G_SOURCE_REMOVE;
}

static void
network_changed (GNetworkMonitor *monitor,
                 gboolean         available,
                 gpointer         data)
{
  Run *run = g_task_get_task_data (data);

  if (available && run->wait != NULL)
    {
      icw_sync_timeout_clear (&run->wait);
      retry_now (data);
    }
}

/* Capped exponential backoff with full jitter; a Retry-After the server asks for is honoured up
 * to the cap. */
void
icw_sync_client_retry_later (GTask      *task,
             guint       retry_after_s,
             const char *why,
             void      (*resume) (GTask *task))
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  guint64 ceiling = MIN ((guint64) self->max_delay_ms, (guint64) self->base_delay_ms << MIN (run->attempt, 20));
  guint64 delay = g_random_int_range (0, (gint32) MIN (ceiling, G_MAXINT32 - 1) + 1);

  if (++run->attempt >= self->max_attempts)
    {
      icw_sync_client_fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE,
                               _("The server could not be reached after %u attempts: %s"),
                               run->attempt, why));
      return;
    }
  run->resume = resume;
  if (retry_after_s > 0)
    delay = MAX (delay, MIN ((guint64) retry_after_s * 1000, (guint64) self->max_delay_ms));
  run->wait = icw_sync_timeout_new ((guint) delay, retry_now, task);
  run->network_id = g_signal_connect (g_network_monitor_get_default (), "network-changed",
                                      G_CALLBACK (network_changed), task);
}


void
icw_sync_client_set_request (Run        *run,
                             const char *method,
                             char       *path)
{
  g_free (run->method);
  run->method = g_strdup (method);
  g_free (run->path);
  run->path = path;
}

/* run->msg sent with the run's method and body; its answer goes to icw_sync_client_on_response. */
static void
send_message (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  soup_message_set_method (run->msg, run->method);
  if (run->body != NULL)
    soup_message_set_request_body_from_bytes (run->msg, "application/json", run->body);
  /* Once an outbox batch has left, the one before it is acknowledged and the one after it
   * prepared while the server handles it (icw-sync-client-answer.c). */
  if (!run->pulling && run->fetch_key == NULL && run->target_batch == NULL && run->batch != NULL &&
      g_strcmp0 (run->path, "/v1/push") == 0)
    {
      if (run->wrote_id != 0)
        g_clear_signal_handler (&run->wrote_id, run->msg);
      run->wrote_id = g_signal_connect (run->msg, "wrote-body", G_CALLBACK (icw_sync_client_on_push_written), task);
    }
  icw_sync_request_send_async (self->session, run->msg, ICW_SYNC_JSON_MAX_BODY * 2, self->deadline_ms,
                               g_task_get_cancellable (task), icw_sync_client_on_response, task);
}

void
icw_sync_client_send_request (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      icw_sync_client_fail (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&run->msg);
  run->msg = icw_sync_request_new (self->url, run->path, self->token, &error);
  if (run->msg == NULL)
    {
      icw_sync_client_fail (task, g_steal_pointer (&error));
      return;
    }
  send_message (task);
}

void
icw_sync_client_request_page (GTask      *task,
                              const char *cursor)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (cursor != NULL ? cursor : "", NULL, FALSE);
  char *sent = g_strdup (cursor);

  g_clear_pointer (&run->body, g_bytes_unref);
  g_free (run->sent_cursor);
  run->sent_cursor = sent;
  icw_sync_client_set_request (run, "GET", g_strdup_printf ("/v1/pull?cursor=%s&limit=%u", escaped, self->page_size));
  icw_sync_client_send_request (task);
}

/* A page read and checked joins the held ones (the caller applies them when they are enough). */
void
icw_sync_client_hold_page (GTask       *task,
                           GBytes      *bytes,
                           IcwPullPage *page)
{
  Run *run = g_task_get_task_data (task);
  IcwHeldPage *held = g_new0 (IcwHeldPage, 1);

  if (run->held == NULL)
    run->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_page_free);
  held->bytes = g_bytes_ref (bytes);
  held->page = page;
  g_ptr_array_add (run->held, held);
  run->held_records += page->changes->len;
  run->held_bytes += g_bytes_get_size (bytes);
}

/* Enough held pages to apply them now. */
gboolean
icw_sync_client_held_full (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  return run->held_records >= self->pull_group || run->held_bytes >= ICW_SYNC_PULL_HELD_BYTES;
}

gboolean
icw_sync_client_apply_held (GTask     *task,
                            gboolean   last,
                            GError   **error)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *cursor_key = icw_sync_client_state_key (self, "cursor");
  g_autoptr(GPtrArray) held = g_steal_pointer (&run->held);

  run->held_records = 0;
  run->held_bytes = 0;
  return held == NULL || icw_sync_apply_pull_pages (self->store, held, cursor_key, last, &run->report, error);
}

/* The batch as the push request's text. Each record goes as the outbox holds it: JSON object
 * text the store wrote with json_to_string, spliced in rather than parsed and written again (that
 * was a fifth of a push's instructions; docs/performance.md). Anything else in the outbox is
 * parsed and written as before. */
static GBytes *
push_body (const char *key,
           GPtrArray  *batch)
{
  GString *out = g_string_sized_new (4096);
  gsize length;

  g_string_append (out, "{\"idempotency_key\":");
  icw_sync_json_append_string (out, key);
  g_string_append (out, ",\"changes\":[");
  for (guint i = 0; i < batch->len; i++)
    {
      IcwOutboxChange *change = batch->pdata[i];
      const char *payload = change->payload != NULL ? change->payload : "";

      g_string_append (out, i > 0 ? ",{\"kind\":" : "{\"kind\":");
      icw_sync_json_append_string (out, icw_record_kind_to_key (change->kind));
      g_string_append (out, ",\"id\":");
      icw_sync_json_append_string (out, change->id);
      g_string_append (out, ",\"op\":");
      icw_sync_json_append_string (out, change->op);
      g_string_append (out, ",\"base_revision\":");
      if (change->base_revision != NULL)
        icw_sync_json_append_string (out, change->base_revision);
      else
        g_string_append (out, "null");
      g_string_append (out, ",\"record\":");
      if (payload[0] == '{')
        g_string_append (out, payload);
      else
        {
          g_autoptr(JsonNode) node = json_from_string (payload, NULL);
          g_autofree char *text = node != NULL ? json_to_string (node, FALSE) : g_strdup ("null");

          g_string_append (out, text);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}

/* The next push batch, unless the outbox is empty (FALSE). A batch over the body limit is halved
 * before it goes; a batch whose answer never came goes again, the same, with the same key (the
 * rows after the one before it, when that one was sent ahead of it). */
static gboolean
push_next (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_auto(IcwPushState) state = { NULL, };
  g_autofree char *key = NULL;
  g_autofree char *seq = NULL;
  g_autofree char *from = NULL;
  gboolean pending;
  IcwOutboxChange *oversize;
  g_autoptr(GError) error = NULL;
  gint64 max_seq = 0;

  icw_sync_client_push_state_init (self, &state);
  key = icw_store_sync_state_get (self->store, state.key);
  seq = icw_store_sync_state_get (self->store, state.seq);
  from = icw_store_sync_state_get (self->store, state.from);
  pending = key != NULL && seq != NULL;
  for (;;)
    {
      g_clear_pointer (&run->batch, g_ptr_array_unref);
      g_clear_pointer (&run->body, g_bytes_unref);
      run->batch = icw_store_outbox_batch_after (self->store, run->batch_limit > 0 ? run->batch_limit : self->batch_size,
                                                 pending && from != NULL ? g_ascii_strtoll (from, NULL, 10) : 0,
                                                 pending ? g_ascii_strtoll (seq, NULL, 10) : 0, NULL, &max_seq, &error);
      if (run->batch == NULL)
        {
          icw_sync_client_fail (task, g_steal_pointer (&error));
          return TRUE;
        }
      if (run->batch->len == 0)
        break;
      /* A record no server takes (over the protocol's 1 MiB) is refused here, never sent. */
      if (!pending && (oversize = icw_sync_find_oversize (run->batch)) != NULL)
        {
          if (!icw_sync_reject_too_large (self->store, oversize, &state, &run->report, &error))
            {
              icw_sync_client_fail (task, g_steal_pointer (&error));
              return TRUE;
            }
          continue;
        }
      if (!pending)
        {
          g_free (key);
          key = g_uuid_string_random ();
        }
      run->body = push_body (key, run->batch);
      if (pending || run->batch->len == 1 || g_bytes_get_size (run->body) <= ICW_SYNC_JSON_MAX_BODY)
        break;
      run->batch_limit = run->batch->len / 2;
    }
  if (run->batch->len == 0)
    {
      g_autofree char *next_key = pending ? icw_store_sync_state_get (self->store, state.next_key) : NULL;

      /* Nothing left of the pending batch: the one sent after it, if any, is the pending one now. */
      if (key != NULL && !icw_sync_push_state_advance (self->store, &state, TRUE, &error))
        {
          icw_sync_client_fail (task, g_steal_pointer (&error));
          return TRUE;
        }
      if (next_key != NULL)
        return push_next (task);
      return FALSE;
    }
  if (!pending)
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);

      /* The batch's key and last seq in one transaction: one fsync before a batch goes, not two
       * (docs/performance.md; the key is only ever read with its seq). */
      if (!icw_store_begin_batch (self->store, &error))
        {
          icw_sync_client_fail (task, g_steal_pointer (&error));
          return TRUE;
        }
      if (!icw_store_sync_state_set (self->store, state.seq, max_text, &error) ||
          !icw_store_sync_state_set (self->store, state.key, key, &error) ||
          !icw_store_sync_state_set (self->store, state.from, NULL, &error) ||
          !icw_store_commit_batch (self->store, &error))
        {
          icw_store_rollback_batch (self->store);
          icw_sync_client_fail (task, g_steal_pointer (&error));
          return TRUE;
        }
    }
  /* The files of the batch's attachments reach the server before their records (the run goes
   * on from the step once they are there). */
  if (icw_sync_client_upload_files (task, run->batch))
    return TRUE;
  icw_sync_client_set_request (run, "POST", g_strdup ("/v1/push"));
  icw_sync_client_send_request (task);
  return TRUE;
}

/* A change whose file may have to be uploaded before it goes (icw-sync-client-blobs.c). */
static gboolean
batch_has_files (GPtrArray *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      IcwOutboxChange *change = batch->pdata[i];

      if (change->kind == ICW_RECORD_KIND_ATTACHMENT && g_strcmp0 (change->op, "upsert") == 0)
        return TRUE;
    }
  return FALSE;
}

void
icw_sync_client_prepared_clear (Run *run)
{
  g_clear_pointer (&run->prepared, g_ptr_array_unref);
  g_clear_pointer (&run->prepared_body, g_bytes_unref);
  g_clear_pointer (&run->prepared_key, g_free);
  g_clear_pointer (&run->prepared_after, g_free);
}

/* The batch after the oldest pending one, whose changes in_flight holds (sent, its answer come or
 * not): the one whose key is already in next-key (prepared or sent by this run or one before: its
 * rows exactly, the same key), or the rows after the pending batch's last seq up to the first row
 * of one of in_flight's records, under a new key committed (FULL) now. Its changes, body and key go
 * to Run.prepared. Nothing is prepared (FALSE) when the outbox has nothing after it, a batch that
 * needs its files uploaded first, one with a record over 1 MiB or over the body limit, or when
 * anything fails: that batch then waits for the pending one's acknowledgement and goes as before. */
static gboolean
prepare_after (GTask     *task,
               GPtrArray *in_flight)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_auto(IcwPushState) state = { NULL, };
  g_autofree char *seq = NULL;
  g_autofree char *next_key = NULL;
  g_autofree char *next_seq = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean again;
  gint64 max_seq = 0;

  icw_sync_client_prepared_clear (run);
  icw_sync_client_push_state_init (self, &state);
  seq = icw_store_sync_state_get (self->store, state.seq);
  next_key = icw_store_sync_state_get (self->store, state.next_key);
  next_seq = icw_store_sync_state_get (self->store, state.next_seq);
  if (seq == NULL)
    return FALSE;
  again = next_key != NULL && next_seq != NULL;
  if (again)
    {
      batch = icw_store_outbox_batch_after (self->store, G_MAXUINT, g_ascii_strtoll (seq, NULL, 10),
                                            g_ascii_strtoll (next_seq, NULL, 10), NULL, &max_seq, &error);
      key = g_steal_pointer (&next_key);
    }
  else
    {
      g_autoptr(GHashTable) stop_at = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < in_flight->len; i++)
        g_hash_table_add (stop_at, ((IcwOutboxChange *) in_flight->pdata[i])->id);
      batch = icw_store_outbox_batch_after (self->store, run->batch_limit > 0 ? run->batch_limit : self->batch_size,
                                            g_ascii_strtoll (seq, NULL, 10), 0, stop_at, &max_seq, &error);
      key = g_uuid_string_random ();
    }
  if (batch == NULL || batch->len == 0 || batch_has_files (batch) || icw_sync_find_oversize (batch) != NULL)
    return FALSE;
  body = push_body (key, batch);
  if (!again && g_bytes_get_size (body) > ICW_SYNC_JSON_MAX_BODY)
    return FALSE;
  if (!again)
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);

      /* Its key and last seq are durable before it goes, as every batch's. */
      if (!icw_store_begin_batch (self->store, &error))
        return FALSE;
      if (!icw_store_sync_state_set (self->store, state.next_seq, max_text, &error) ||
          !icw_store_sync_state_set (self->store, state.next_key, key, &error) ||
          !icw_store_commit_batch (self->store, &error))
        {
          icw_store_rollback_batch (self->store);
          return FALSE;
        }
    }
  run->prepared = g_steal_pointer (&batch);
  run->prepared_body = g_steal_pointer (&body);
  run->prepared_key = g_steal_pointer (&key);
  run->prepared_after = g_steal_pointer (&seq);
  return TRUE;
}

/* The batch prepared is still the one the sync state says comes next: the pending batch it was
 * read after is still the oldest, and its key is next-key (an answer with "retry", a 413 or a 422
 * forgets that key; the batch is then read again when it may go). */
static gboolean
prepared_current (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_auto(IcwPushState) state = { NULL, };
  g_autofree char *seq = NULL;
  g_autofree char *next_key = NULL;

  if (run->prepared == NULL)
    return FALSE;
  icw_sync_client_push_state_init (self, &state);
  seq = icw_store_sync_state_get (self->store, state.seq);
  next_key = icw_store_sync_state_get (self->store, state.next_key);
  return g_strcmp0 (seq, run->prepared_after) == 0 && g_strcmp0 (next_key, run->prepared_key) == 0;
}

/* While the server handles the batch in flight (Run.batch, the oldest pending one, its body
 * written): the batch after it is prepared, so that it goes the moment that batch's answer says it
 * may (docs/sync-protocol.md, "The next batch prepared while the server handles the one before"). */
gboolean
icw_sync_client_prepare_next (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->pulling || run->fetch_key != NULL || run->target_batch != NULL || run->answered != NULL ||
      run->batch == NULL || run->batch->len == 0 || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;
  return prepared_current (task) || prepare_after (task, run->batch);
}

/* The batch after the answered one (Run.answered, still the oldest pending) sent now: the one
 * prepared while the server handled the answered one, or, when none was (or it is no longer the
 * next: its key forgotten), one prepared now (prepare_after). Nothing goes ahead (FALSE) when
 * nothing may: the answered batch is then acknowledged first and the run goes on as before. Never
 * fails the run. */
gboolean
icw_sync_client_send_ahead (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;

  if (run->answered == NULL || run->answered->len == 0 ||
      g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;
  if (!prepared_current (task) && !prepare_after (task, run->answered))
    return FALSE;
  msg = icw_sync_request_new (self->url, "/v1/push", self->token, &error);
  if (msg == NULL)
    return FALSE;
  g_clear_pointer (&run->batch, g_ptr_array_unref);
  run->batch = g_steal_pointer (&run->prepared);
  g_clear_pointer (&run->body, g_bytes_unref);
  run->body = g_steal_pointer (&run->prepared_body);
  icw_sync_client_prepared_clear (run);
  icw_sync_client_set_request (run, "POST", g_strdup ("/v1/push"));
  g_clear_object (&run->msg);
  run->msg = g_steal_pointer (&msg);
  send_message (task);
  return TRUE;
}

/* The next record whose server version the user asked back (Discard My Change), or FALSE. */
static gboolean
fetch_next (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_auto(GStrv) keys = icw_store_sync_state_keys (self->store, ICW_SYNC_REFETCH_PREFIX);
  g_auto(GStrv) parts = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *id = NULL;

  g_clear_pointer (&run->fetch_key, g_free);
  if (keys == NULL || keys[0] == NULL)
    return FALSE;
  run->fetch_key = g_strdup (keys[0]);
  parts = g_strsplit (keys[0] + strlen (ICW_SYNC_REFETCH_PREFIX), " ", 2);
  kind = g_uri_escape_string (parts[0], NULL, FALSE);
  id = g_uri_escape_string (parts[1] != NULL ? parts[1] : "", NULL, FALSE);
  icw_sync_client_set_request (run, "GET", g_strdup_printf ("/v1/records/%s/%s", kind, id));
  icw_sync_client_send_request (task);
  return TRUE;
}

/* The next request: push batches while the outbox has changes, the records asked back, then the
 * pull pages. */
void
icw_sync_client_step (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  g_clear_pointer (&run->body, g_bytes_unref);
  g_clear_pointer (&run->path, g_free);
  if (!run->pulling)
    {
      if (push_next (task) || icw_sync_client_push_targets (task))
        return;
      if (!(run->mode & ICW_SYNC_PULL))
        {
          icw_sync_client_finish_run (task);
          return;
        }
      run->pulling = TRUE;
    }
  if (fetch_next (task))
    return;

  {
    g_autofree char *cursor_key = icw_sync_client_state_key (self, "cursor");
    g_autofree char *cursor = icw_store_sync_state_get (self->store, cursor_key);

    /* The pages held were applied before anything that comes here (a record asked back, a
     * resync): the store's cursor is the pull's. */
    g_warn_if_fail (run->held == NULL);
    icw_sync_client_request_page (task, cursor);
  }
}

void
icw_sync_client_run_async (IcwSyncClient       *self,
                           IcwSyncMode          mode,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  g_return_if_fail (ICW_IS_SYNC_CLIENT (self));

  run->mode = mode;
  run->pulling = !(mode & ICW_SYNC_PUSH);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_set_source_tag (task, icw_sync_client_run_async);
  icw_sync_client_step (task);
}

gboolean
icw_sync_client_run_finish (IcwSyncClient  *self,
                            GAsyncResult   *result,
                            IcwSyncReport  *report,
                            GError        **error)
{
  Run *run = g_task_get_task_data (G_TASK (result));

  if (report != NULL)
    *report = run->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  GMainLoop     *loop;
  gboolean       ok;
  IcwSyncReport *report;
  GError       **error;
} Waiter;

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Waiter *waiter = data;

  waiter->ok = icw_sync_client_run_finish (ICW_SYNC_CLIENT (source), result, waiter->report, waiter->error);
  g_main_loop_quit (waiter->loop);
}

gboolean
icw_sync_client_run (IcwSyncClient  *self,
                     IcwSyncMode     mode,
                     IcwSyncReport  *report,
                     GError        **error)
{
  /* The calling thread's context, where the session and the run's timeouts are. */
  g_autoptr(GMainLoop) loop = g_main_loop_new (g_main_context_get_thread_default (), FALSE);
  IcwSyncReport local = { 0, };
  Waiter waiter = { loop, FALSE, report != NULL ? report : &local, error };

  icw_sync_client_run_async (self, mode, NULL, run_done, &waiter);
  g_main_loop_run (loop);
  return waiter.ok;
}
