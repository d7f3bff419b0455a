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
#include "icw-sync-json.h"

struct _IcwSyncClient
{
  GObject      parent_instance;
  IcwStore    *store;
  char        *url;
  char        *token;
  SoupSession *session;
  guint        batch_size, page_size, max_attempts, base_delay_ms, max_delay_ms;
};

G_DEFINE_FINAL_TYPE (IcwSyncClient, icw_sync_client, G_TYPE_OBJECT)

typedef struct {
  IcwSyncMode   mode;
  IcwSyncReport report;
  gboolean      pulling;
  gboolean      resynced;
  guint         attempt;
  GPtrArray    *batch;       /* IcwOutboxChange of the push in flight */
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
  send_request (task);
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
             const char *why)
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
  if (retry_after_s > 0)
    delay = MAX (delay, MIN ((guint64) retry_after_s * 1000, (guint64) self->max_delay_ms));
  run->wait_id = g_timeout_add ((guint) delay, retry_now, task);
  run->network_id = g_signal_connect (g_network_monitor_get_default (), "network-changed",
                                      G_CALLBACK (network_changed), task);
}

static gboolean
push_results (GTask     *task,
              JsonNode  *root,
              GError   **error)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  JsonArray *results;
  g_autofree char *key = state_key (self, "pending-key");
  g_autofree char *seq = state_key (self, "pending-seq");
  gboolean ok = TRUE;

  if (!icw_sync_json_validate_push_response (root, run->batch->len, error))
    return FALSE;
  results = json_object_get_array_member (json_node_get_object (root), "results");
  for (guint i = 0; i < run->batch->len; i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (results, i), "id"),
                   ((IcwOutboxChange *) run->batch->pdata[i])->id) != 0)
      {
        g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The server answered another change"));
        return FALSE;
      }

  if (!icw_store_begin_batch (self->store, error))
    return FALSE;
  for (guint i = 0; ok && i < run->batch->len; i++)
    {
      IcwOutboxChange *change = run->batch->pdata[i];
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (result, "status");

      if (g_str_equal (status, "applied"))
        {
          ok = icw_store_ack_change (self->store, change->kind, change->id, change->max_seq,
                                     json_object_get_string_member (result, "revision"), error);
          run->report.pushed++;
        }
      else if (g_str_equal (status, "conflict"))
        {
          g_autofree char *theirs = json_to_string (json_object_get_member (result, "record"), FALSE);

          ok = icw_store_add_conflict (self->store, change->kind, change->id, change->max_seq, theirs,
                                       json_object_get_string_member (result, "revision"),
                                       json_object_get_boolean_member (result, "deleted"), NULL, error);
          run->report.conflicts++;
        }
      else if (g_str_equal (status, "rejected"))
        {
          ok = icw_store_add_conflict (self->store, change->kind, change->id, change->max_seq, NULL, NULL,
                                       FALSE, json_object_get_string_member (result, "reason"), error);
          run->report.rejected++;
        }
    }
  ok = ok && icw_store_sync_state_set (self->store, key, NULL, error) &&
       icw_store_sync_state_set (self->store, seq, NULL, error);
  if (!ok)
    {
      icw_store_rollback_batch (self->store);
      return FALSE;
    }
  return icw_store_commit_batch (self->store, error);
}

static gboolean
pull_page (GTask     *task,
           JsonNode  *root,
           gboolean  *more,
           GError   **error)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *cursor_key = state_key (self, "cursor");
  JsonObject *page;
  JsonArray *changes;
  gboolean ok = TRUE;

  if (!icw_sync_json_validate_pull_response (root, error))
    return FALSE;
  page = json_node_get_object (root);
  changes = json_object_get_array_member (page, "changes");
  *more = json_object_get_boolean_member (page, "has_more");

  if (!icw_store_begin_batch (self->store, error))
    return FALSE;
  for (guint i = 0; ok && i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *id = json_object_get_string_member (change, "id");
      const char *revision = json_object_get_string_member (change, "revision");
      gboolean deleted = json_object_get_boolean_member (change, "deleted");
      g_autofree char *record = json_to_string (json_object_get_member (change, "record"), FALSE);
      g_autofree char *local = NULL;
      IcwRecordKind kind;

      if (!icw_record_kind_from_key (json_object_get_string_member (change, "kind"), &kind))
        continue;   /* a kind of a newer version */
      local = icw_store_local_revision (self->store, kind, id);
      if (g_strcmp0 (local, revision) == 0)
        continue;   /* what we have (our own push coming back) */
      /* Never over unsent edits: both versions are kept for the user. */
      if (icw_store_outbox_has_record (self->store, id) || icw_store_conflict_has_record (self->store, id))
        {
          /* A record already in conflict gets the server's newer version into its conflict. */
          if (!icw_store_conflict_has_record (self->store, id))
            run->report.conflicts++;
          ok = icw_store_add_conflict (self->store, kind, id, 0, record, revision, deleted, NULL, error);
          continue;
        }
      ok = icw_store_apply_remote (self->store, kind, record, revision, deleted, error);
      run->report.pulled++;
    }
  ok = ok && icw_store_sync_state_set (self->store, cursor_key,
                                       json_object_get_string_member (page, "cursor"), error);
  if (!ok)
    {
      icw_store_rollback_batch (self->store);
      return FALSE;
    }
  return icw_store_commit_batch (self->store, error);
}

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonNode) root = NULL;
  guint status;
  const char *retry_after;
  gboolean more = FALSE;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (task, g_steal_pointer (&error));
      else
        retry_later (task, 0, error->message);
      return;
    }
  status = soup_message_get_status (run->msg);
  retry_after = soup_message_headers_get_one (soup_message_get_response_headers (run->msg), "Retry-After");
  switch (status)
    {
    case 200:
      break;
    case 429: case 500: case 502: case 503: case 504:
      {
        guint64 seconds = 0;
        g_autofree char *why = g_strdup_printf (_("the server answered %u"), status);

        if (retry_after != NULL)
          g_ascii_string_to_unsigned (retry_after, 10, 0, 3600, &seconds, NULL);
        retry_later (task, (guint) seconds, why);
        return;
      }
    case 401:
      fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED,
                               _("The server does not accept the token: sign in again. Nothing was lost: the changes wait to be sent.")));
      return;
    case 403:
      fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_FORBIDDEN,
                               _("The server refused: a change is outside what this account may see or change. Nothing was applied; the changes wait to be sent.")));
      return;
    case 410:
      if (run->pulling && !run->resynced)
        {
          IcwSyncClient *self = g_task_get_source_object (task);
          g_autofree char *cursor_key = state_key (self, "cursor");

          /* A full resync: the cursor goes, the outbox stays. */
          run->resynced = TRUE;
          if (!icw_store_sync_state_set (self->store, cursor_key, NULL, &error))
            fail (task, g_steal_pointer (&error));
          else
            step (task);
          return;
        }
      G_GNUC_FALLTHROUGH;
    default:
      fail (task, g_error_new (ICW_SYNC_ERROR, status == 413 ? ICW_SYNC_ERROR_TOO_LARGE : ICW_SYNC_ERROR_HTTP,
                               _("The server answered %u %s"), status,
                               soup_message_get_reason_phrase (run->msg)));
      return;
    }

  run->attempt = 0;
  root = icw_sync_json_parse_object (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     ICW_SYNC_JSON_MAX_BODY * 2, &error);
  if (root == NULL ||
      !(run->pulling ? pull_page (task, root, &more, &error) : push_results (task, root, &error)))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  if (run->pulling && !more)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  step (task);
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
  soup_session_send_and_read_async (self->session, run->msg, G_PRIORITY_DEFAULT,
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

/* The next request: a push batch while the outbox has one, then the pull pages. */
static void
step (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&run->body, g_bytes_unref);
  g_clear_pointer (&run->uri, g_free);
  if (!run->pulling)
    {
      g_autofree char *key_name = state_key (self, "pending-key");
      g_autofree char *seq_name = state_key (self, "pending-seq");
      g_autofree char *key = icw_store_sync_state_get (self->store, key_name);
      g_autofree char *seq = icw_store_sync_state_get (self->store, seq_name);
      gint64 max_seq = 0;

      g_clear_pointer (&run->batch, g_ptr_array_unref);
      /* A batch whose answer never came goes again, the same, with the same key. */
      run->batch = icw_store_outbox_batch (self->store, self->batch_size,
                                           key != NULL && seq != NULL ? g_ascii_strtoll (seq, NULL, 10) : 0,
                                           &max_seq, &error);
      if (run->batch == NULL)
        {
          fail (task, g_steal_pointer (&error));
          return;
        }
      if (run->batch->len > 0)
        {
          if (key == NULL)
            {
              g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_seq);

              key = g_uuid_string_random ();
              if (!icw_store_sync_state_set (self->store, seq_name, max_text, &error) ||
                  !icw_store_sync_state_set (self->store, key_name, key, &error))
                {
                  fail (task, g_steal_pointer (&error));
                  return;
                }
            }
          g_free (run->method);
          run->method = g_strdup ("POST");
          run->uri = g_strconcat (self->url, "/v1/push", NULL);
          run->body = push_body (key, run->batch);
          send_request (task);
          return;
        }
      if (key != NULL && (!icw_store_sync_state_set (self->store, key_name, NULL, &error) ||
                          !icw_store_sync_state_set (self->store, seq_name, NULL, &error)))
        {
          fail (task, g_steal_pointer (&error));
          return;
        }
      if (!(run->mode & ICW_SYNC_PULL))
        {
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }
      run->pulling = TRUE;
    }

  {
    g_autofree char *cursor_key = state_key (self, "cursor");
    g_autofree char *cursor = icw_store_sync_state_get (self->store, cursor_key);
    g_autofree char *escaped = g_uri_escape_string (cursor != NULL ? cursor : "", NULL, FALSE);

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
