/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-limits.c: the reference server's defences before a request reaches its handler
 * (docs/sync-protocol.md, "Errors and limits"): the token is checked when the headers have
 * arrived, so no body is read for a request without a valid one; failed authentications are
 * limited per client address by a token bucket (429 with Retry-After); a body over the limit is
 * refused from its Content-Length, and a chunked one is counted as it arrives and cut off past
 * the limit; a connection idle too long, or a request whose headers and body take too long, is
 * dropped; the listening socket has a large backlog; tombstones and keys are purged at start and
 * every hour. */
#include "config.h"

#include <string.h>

#include "icw-sync-json.h"
#include "icw-sync-server-private.h"

#define PURGE_INTERVAL 3600
#define LISTEN_BACKLOG 1024
#define MAX_TRACKED_ADDRESSES 10000

typedef struct {
  double tokens;
  gint64 last;   /* monotonic µs */
} IcwAuthBucket;

IcwServerToken *
icw_server_authenticate (IcwSyncServer     *self,
                         SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  if (header == NULL || !g_str_has_prefix (header, "Bearer ") || strlen (header) > 512)
    return NULL;
  return icw_server_db_token (self, header + strlen ("Bearer "));
}

/* TRUE when the address may fail once more now. */
static gboolean
take_auth_failure (IcwSyncServer     *self,
                   SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);
  gint64 now = g_get_monotonic_time ();
  IcwAuthBucket *bucket;

  if (host == NULL)
    host = "";
  if (g_hash_table_size (self->auth_failures) > MAX_TRACKED_ADDRESSES)
    g_hash_table_remove_all (self->auth_failures);
  bucket = g_hash_table_lookup (self->auth_failures, host);
  if (bucket == NULL)
    {
      bucket = g_new0 (IcwAuthBucket, 1);
      bucket->tokens = self->auth_burst;
      bucket->last = now;
      g_hash_table_insert (self->auth_failures, g_strdup (host), bucket);
    }
  bucket->tokens = MIN ((double) self->auth_burst,
                        bucket->tokens + (now - bucket->last) * (double) self->auth_rate / G_USEC_PER_SEC);
  bucket->last = now;
  if (bucket->tokens < 1.0)
    return FALSE;
  bucket->tokens -= 1.0;
  return TRUE;
}

/* The answer is set before the body is read: libsoup then reads no body and closes the
 * connection after answering. */
static void
refuse_early (SoupServerMessage *msg,
              guint              status,
              const char        *code,
              const char        *message)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  /* libsoup still reads a chunked body it was not told the length of: it is discarded, not kept. */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  icw_server_respond_error (msg, status, code, message);
}

/* Closed, not only shut down: after a shutdown Linux keeps accepting the client's bytes until the
 * window fills, and the client then hangs in a write until the idle timeout. */
static void
drop_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL && !g_socket_is_closed (socket))
    {
      g_socket_shutdown (socket, TRUE, TRUE, NULL);
      g_socket_close (socket, NULL);
    }
}

/* A chunked body counted as it arrives: past the limit the connection is cut, since an answer
 * cannot be sent in the middle of reading the request. */
static void
got_chunk (SoupServerMessage *msg,
           GBytes            *chunk,
           gpointer           user_data)
{
  if (soup_server_message_get_request_body (msg)->length > ICW_SYNC_JSON_MAX_BODY)
    {
      g_message ("icw serve: a request body from %s went over the limit; the connection is closed",
                 soup_server_message_get_remote_host (msg));
      soup_message_body_truncate (soup_server_message_get_request_body (msg));
      drop_connection (msg);
    }
}

static void
got_headers (SoupServerMessage *msg,
             gpointer           user_data)
{
  IcwSyncServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(IcwServerToken) token = NULL;
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  gint64 started = g_get_monotonic_time ();

  if (soup_message_headers_get_content_length (headers) > ICW_SYNC_JSON_MAX_BODY)
    {
      refuse_early (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large", "The request is too large");
      icw_server_log_access (self, msg, path, NULL, started);
      return;
    }
  /* The health endpoint answers without a token (a load balancer's probe has none). */
  if (g_str_equal (path, "/v1/health") && g_str_equal (soup_server_message_get_method (msg), "GET"))
    return;
  token = icw_server_authenticate (self, msg);
  if (token == NULL)
    {
      if (!take_auth_failure (self, msg))
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
          refuse_early (msg, 429, "slow-down",
                        "Too many failed authentications from this address");
        }
      else
        refuse_early (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized", "The token is missing or not known");
      icw_server_log_access (self, msg, path, NULL, started);
      return;
    }
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk), NULL);
}

typedef struct {
  GSocket *socket;
  GSource *deadline;
} IcwRequestWatch;

static void
watch_free (IcwRequestWatch *watch)
{
  icw_sync_timeout_clear (&watch->deadline);
  g_clear_object (&watch->socket);
  g_free (watch);
}

static gboolean
deadline_passed (gpointer user_data)
{
  IcwRequestWatch *watch = user_data;

  icw_sync_timeout_clear (&watch->deadline);
  g_message ("icw serve: a request took too long to arrive; the connection is closed");
  if (!g_socket_is_closed (watch->socket))
    {
      g_socket_shutdown (watch->socket, TRUE, TRUE, NULL);
      g_socket_close (watch->socket, NULL);
    }
  return G_SOURCE_REMOVE;
}

static void
got_body (SoupServerMessage *msg,
          gpointer           user_data)
{
  IcwRequestWatch *watch = g_object_get_data (G_OBJECT (msg), "icw-request-watch");

  if (watch != NULL)
    icw_sync_timeout_clear (&watch->deadline);
}

void
icw_server_watch_request (IcwSyncServer     *self,
                          SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  IcwRequestWatch *watch;

  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers), self);
  if (socket == NULL)
    return;
  /* Idle: no byte either way for this long ends the connection (GSocket's sources time out). */
  g_socket_set_timeout (socket, self->idle_timeout);
  watch = g_new0 (IcwRequestWatch, 1);
  watch->socket = g_object_ref (socket);
  watch->deadline = icw_sync_timeout_new (self->request_deadline * 1000, deadline_passed, watch);
  /* The message is libsoup's, not a type of ours: the watch rides on it and dies with it. */
  g_object_set_data_full (G_OBJECT (msg), "icw-request-watch", watch, (GDestroyNotify) watch_free);
  g_signal_connect (msg, "got-body", G_CALLBACK (got_body), NULL);
  g_signal_connect (msg, "finished", G_CALLBACK (got_body), NULL);
}

GSocket *
icw_server_listen_socket (GInetAddress  *inet,
                          guint          port,
                          GError       **error)
{
  g_autoptr(GSocket) socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);
  g_autoptr(GSocketAddress) address = NULL;

  if (socket == NULL)
    return NULL;
  address = g_inet_socket_address_new (inet, port);
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

static gboolean
purge (gpointer user_data)
{
  IcwSyncServer *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 tombstones = icw_sync_server_purge_tombstones (self, NULL, &error);
  gint64 keys = tombstones >= 0 ? icw_sync_server_purge_keys (self, NULL, &error) : -1;
  gint64 parts = keys >= 0 ? icw_sync_server_purge_blob_parts (self, NULL, &error) : -1;

  if (parts < 0)
    g_warning ("icw serve: the purge failed: %s", error->message);
  else if (tombstones > 0 || keys > 0)
    g_message ("icw serve: purged %" G_GINT64_FORMAT " tombstones and %" G_GINT64_FORMAT " idempotency keys",
               tombstones, keys);
  if (parts > 0)
    g_message ("icw serve: dropped the parts of %" G_GINT64_FORMAT " uploads left unfinished", parts);
  return G_SOURCE_CONTINUE;
}

void
icw_server_start_purge (IcwSyncServer *self)
{
  purge (self);
  if (self->purge_source == NULL)
    self->purge_source = icw_sync_timeout_new (PURGE_INTERVAL * 1000, purge, self);
}
