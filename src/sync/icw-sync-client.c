/* icw-sync-client.c: one sync run as a chain of asynchronous steps on a GTask: push batches
 * until the outbox is empty, then pull pages until the server has no more. Each answer is
 * validated whole and applied in one store transaction (a push batch's results with the pending
 * key cleared; a page with its cursor). The idempotency key is stored before its batch is sent,
 * so a batch whose answer was lost goes again with the same key. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-client-private.h"
#include "icw-sync-json.h"
#include "icw-sync-request.h"

struct _IcwSyncClient
{
  GObject      parent_instance;
  IcwStore    *store;
  char        *url;
  char        *token;
  SoupSession *session;
  guint        batch_size, page_size, max_attempts, base_delay_ms, max_delay_ms;
  guint        deadline_ms;
};

G_DEFINE_FINAL_TYPE (IcwSyncClient, icw_sync_client, G_TYPE_OBJECT)

typedef struct {
  IcwSyncMode   mode;
  IcwSyncReport report;
  gboolean      pulling;
  gboolean      resynced;
  guint         attempt;
  GPtrArray    *batch;       /* IcwOutboxChange of the push in flight */
  guint         batch_limit; /* changes per batch: halved after a 413 */
  char         *sent_cursor; /* the cursor of the pull in flight */
  char         *fetch_key;   /* the refetch entry of the record being fetched */
  GError       *push_error;  /* a whole batch refused (403): told after the pull */
  void        (*resume) (GTask *task);   /* what a wait for a backoff ends with */
  char         *method;
  char         *uri;
  GBytes       *body;
  SoupMessage  *msg;
  guint         wait_id;
  gulong        network_id;
} Run;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->batch, g_ptr_array_unref);
  g_free (run->method);
  g_free (run->uri);
  g_free (run->sent_cursor);
  g_free (run->fetch_key);
  g_clear_error (&run->push_error);
  g_clear_pointer (&run->body, g_bytes_unref);
  g_clear_object (&run->msg);
  g_clear_handle_id (&run->wait_id, g_source_remove);
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
  self->batch_size = 100;
  self->page_size = 100;
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
  self->batch_size = CLAMP (batch_size, 1, 200);
  self->page_size = CLAMP (page_size, 1, 500);
  self->max_attempts = MAX (max_attempts, 1);
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = MAX (max_delay_ms, base_delay_ms);
  g_object_set (self->session, "timeout", MAX (timeout_s, 1), NULL);
}

void
icw_sync_client_set_deadline (IcwSyncClient *self,
                              guint          deadline_ms)
{
  g_return_if_fail (ICW_IS_SYNC_CLIENT (self));
  self->deadline_ms = MAX (deadline_ms, 1);
}

/* The client's state is per server: a database may sync with another server later. */
static char *
state_key (IcwSyncClient *self,
           const char    *name)
{
  return g_strdup_printf ("%s %s", name, self->url);
}

static void step (GTask *task);
static void send_request (GTask *task);

static void
fail (GTask  *task,
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

  run->wait_id = 0;
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

  if (available && run->wait_id != 0)
    {
      g_clear_handle_id (&run->wait_id, g_source_remove);
      retry_now (data);
    }
}

/* Capped exponential backoff with full jitter; a Retry-After the server asks for is honoured up
 * to the cap. */
static void
retry_later (GTask      *task,
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
      fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE,
                               _("The server could not be reached after %u attempts: %s"),
                               run->attempt, why));
      return;
    }
  run->resume = resume;
  if (retry_after_s > 0)
    delay = MAX (delay, MIN ((guint64) retry_after_s * 1000, (guint64) self->max_delay_ms));
  run->wait_id = g_timeout_add ((guint) delay, retry_now, task);
  run->network_id = g_signal_connect (g_network_monitor_get_default (), "network-changed",
                                      G_CALLBACK (network_changed), task);
}

static void
finish_run (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  /* A batch refused whole did not stop the pull; its error is told now. */
  if (run->push_error != NULL)
    fail (task, g_steal_pointer (&run->push_error));
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
  g_autofree char *key_name = state_key (self, "pending-key");
  g_autofree char *seq_name = state_key (self, "pending-seq");

  icw_store_sync_state_set (self->store, key_name, NULL, NULL);
  icw_store_sync_state_set (self->store, seq_name, NULL, NULL);
}

/* 413: the batch goes again in halves; a single change still too large is refused locally. */
static void
split_batch (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *key_name = state_key (self, "pending-key");
  g_autofree char *seq_name = state_key (self, "pending-seq");
  g_autoptr(GError) error = NULL;

  if (run->batch->len > 1)
    {
      run->batch_limit = run->batch->len / 2;
      forget_pending_key (task);   /* nothing was applied: the smaller batch gets a key of its own */
    }
  else if (!icw_sync_reject_too_large (self->store, run->batch->pdata[0], key_name, seq_name,
                                      &run->report, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  step (task);
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
        fail (task, g_steal_pointer (&error));
      else
        step (task);
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
        retry_later (task, (guint) seconds, why, send_request);
        return;
      }
    case 401:
      fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED,
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
            step (task);
          else
            finish_run (task);
          return;
        }
      fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_FORBIDDEN,
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
          g_autofree char *cursor_key = state_key (self, "cursor");

          /* A full resync: the cursor goes, the outbox stays. */
          run->resynced = TRUE;
          if (!icw_store_sync_state_set (self->store, cursor_key, NULL, &error))
            fail (task, g_steal_pointer (&error));
          else
            step (task);
          return;
        }
      break;
    default:
      break;
    }
  fail (task, g_error_new (ICW_SYNC_ERROR, status == 413 ? ICW_SYNC_ERROR_TOO_LARGE : ICW_SYNC_ERROR_HTTP,
                           _("The server answered %u %s"), status, soup_message_get_reason_phrase (run->msg)));
}

static void
on_body (GTask  *task,
         GBytes *bytes)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *key_name = state_key (self, "pending-key");
  g_autofree char *seq_name = state_key (self, "pending-seq");
  g_autofree char *cursor_key = state_key (self, "cursor");
  gboolean more = FALSE;
  guint n_retry = 0, n_done = 0;

  root = icw_sync_json_parse_object (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     ICW_SYNC_JSON_MAX_BODY * 2, &error);
  if (root != NULL && run->fetch_key != NULL)
    {
      if (!icw_sync_apply_fetched (self->store, root, run->fetch_key, &run->report, &error))
        fail (task, g_steal_pointer (&error));
      else
        step (task);
      return;
    }
  if (root == NULL ||
      !(run->pulling ? icw_sync_apply_pull_page (self->store, root, run->sent_cursor, cursor_key,
                                                 &run->report, &more, &error)
                     : icw_sync_apply_push_results (self->store, run->batch, root, key_name, seq_name,
                                                    &run->report, &n_retry, &n_done, &error)))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  if (n_retry > 0)
    {
      /* "retry" is the server saying it is busy: the same backoff as a 503. Progress resets it. */
      g_autofree char *why = g_strdup (_("the server asked to send the changes again later"));

      if (n_done > 0)
        run->attempt = 0;
      retry_later (task, 0, why, step);
      return;
    }
  run->attempt = 0;
  if (run->pulling && !more)
    {
      finish_run (task);
      return;
    }
  step (task);
}

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = icw_sync_request_send_finish (result, &error);
  guint status;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TLS) ||
          g_error_matches (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID))
        fail (task, g_steal_pointer (&error));
      else
        retry_later (task, 0, error->message, send_request);
      return;
    }
  status = soup_message_get_status (run->msg);
  if (status != 200)
    on_status (task, status);
  else
    on_body (task, bytes);
}

static void
send_request (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", self->token);
  g_autoptr(GError) error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&run->msg);
  run->msg = soup_message_new (run->method, run->uri);
  soup_message_headers_replace (soup_message_get_request_headers (run->msg), "Authorization", auth);
  if (run->body != NULL)
    soup_message_set_request_body_from_bytes (run->msg, "application/json", run->body);
  icw_sync_request_send_async (self->session, run->msg, ICW_SYNC_JSON_MAX_BODY * 2, self->deadline_ms,
                               g_task_get_cancellable (task), on_response, task);
}

static GBytes *
push_body (const char *key,
           GPtrArray  *batch)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "idempotency_key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < batch->len; i++)
    {
      IcwOutboxChange *change = batch->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, icw_record_kind_to_key (change->kind));
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, change->id);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, change->op);
      json_builder_set_member_name (builder, "base_revision");
      if (change->base_revision != NULL)
        json_builder_add_string_value (builder, change->base_revision);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "record");
      json_builder_add_value (builder, json_from_string (change->payload, NULL));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

/* The next push batch, unless the outbox is empty (FALSE). A batch over the body limit is halved
 * before it goes; a batch whose answer never came goes again, the same, with the same key. */
static gboolean
push_next (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *key_name = state_key (self, "pending-key");
  g_autofree char *seq_name = state_key (self, "pending-seq");
  g_autofree char *key = icw_store_sync_state_get (self->store, key_name);
  g_autofree char *seq = icw_store_sync_state_get (self->store, seq_name);
  gboolean pending = key != NULL && seq != NULL;
  g_autoptr(GError) error = NULL;
  gint64 max_seq = 0;

  for (;;)
    {
      g_clear_pointer (&run->batch, g_ptr_array_unref);
      g_clear_pointer (&run->body, g_bytes_unref);
      run->batch = icw_store_outbox_batch (self->store, run->batch_limit > 0 ? run->batch_limit : self->batch_size,
                                           pending ? g_ascii_strtoll (seq, NULL, 10) : 0, &max_seq, &error);
      if (run->batch == NULL)
        {
          fail (task, g_steal_pointer (&error));
          return TRUE;
        }
      if (run->batch->len == 0)
        break;
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
      if (key != NULL && (!icw_store_sync_state_set (self->store, key_name, NULL, &error) ||
                          !icw_store_sync_state_set (self->store, seq_name, NULL, &error)))
        {
          fail (task, g_steal_pointer (&error));
          return TRUE;
        }
      return FALSE;
    }
  if (!pending)
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);

      if (!icw_store_sync_state_set (self->store, seq_name, max_text, &error) ||
          !icw_store_sync_state_set (self->store, key_name, key, &error))
        {
          fail (task, g_steal_pointer (&error));
          return TRUE;
        }
    }
  g_free (run->method);
  run->method = g_strdup ("POST");
  run->uri = g_strconcat (self->url, "/v1/push", NULL);
  send_request (task);
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
  g_free (run->method);
  run->method = g_strdup ("GET");
  run->uri = g_strdup_printf ("%s/v1/records/%s/%s", self->url, kind, id);
  send_request (task);
  return TRUE;
}

/* The next request: push batches while the outbox has changes, the records asked back, then the
 * pull pages. */
static void
step (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  g_clear_pointer (&run->body, g_bytes_unref);
  g_clear_pointer (&run->uri, g_free);
  if (!run->pulling)
    {
      if (push_next (task))
        return;
      if (!(run->mode & ICW_SYNC_PULL))
        {
          finish_run (task);
          return;
        }
      run->pulling = TRUE;
    }
  if (fetch_next (task))
    return;

  {
    g_autofree char *cursor_key = state_key (self, "cursor");
    g_autofree char *cursor = icw_store_sync_state_get (self->store, cursor_key);
    g_autofree char *escaped = g_uri_escape_string (cursor != NULL ? cursor : "", NULL, FALSE);

    g_free (run->sent_cursor);
    run->sent_cursor = g_strdup (cursor);
    g_free (run->method);
    run->method = g_strdup ("GET");
    run->uri = g_strdup_printf ("%s/v1/pull?cursor=%s&limit=%u", self->url, escaped, self->page_size);
    send_request (task);
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
  step (task);
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
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  IcwSyncReport local = { 0, };
  Waiter waiter = { loop, FALSE, report != NULL ? report : &local, error };

  icw_sync_client_run_async (self, mode, NULL, run_done, &waiter);
  g_main_loop_run (loop);
  return waiter.ok;
}
