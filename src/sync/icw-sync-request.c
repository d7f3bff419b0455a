/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-request.c: the sync client's authorized request (address and bearer token made in one
 * place), and one HTTP exchange of it, bounded in time and memory. The
 * session's timeout only catches a server that goes quiet; one that trickles a byte every few
 * seconds is stopped by the deadline, a cancellable of the request cancelled by a timeout source
 * in the context the request runs in (a client in a thread with a context of its own included).
 * The body is streamed (soup_session_send_async) through the session's content decoder and read
 * in chunks, so the cap applies to what the answer inflates to, and reading stops at it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-sync-error.h"
#include "icw-sync-request.h"

#define CHUNK (64 * 1024)

typedef struct {
  SoupMessage  *msg;
  GInputStream *stream;
  GByteArray   *body;
  gsize         max_body;
  guint         deadline_ms;
  GCancellable *cancellable;   /* of this request: the caller's, and the deadline */
  GCancellable *outer;
  gulong        outer_id;
  GSource      *deadline;     /* in the context the request was sent from */
  gboolean      timed_out;
} Request;

static void
request_free (Request *request)
{
  icw_sync_timeout_clear (&request->deadline);
  if (request->outer_id != 0)
    g_cancellable_disconnect (request->outer, request->outer_id);
  g_clear_object (&request->outer);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->msg);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_free (request);
}

static gboolean
on_deadline (gpointer data)
{
  Request *request = data;

  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_outer_cancelled (GCancellable *outer,
                    gpointer      data)
{
  g_cancellable_cancel (data);
}

/* The caller learns why: its own cancellation, the deadline, the certificate, or the network. */
static void
fail (GTask  *task,
      GError *error)
{
  Request *request = g_task_get_task_data (task);

  if (request->timed_out && !g_cancellable_is_cancelled (request->outer))
    {
      g_clear_error (&error);
      error = g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_DEADLINE,
                           _("the server did not finish its answer within %u seconds"),
                           (request->deadline_ms + 999) / 1000);
    }
  else if (error->domain == G_TLS_ERROR ||
           (request->msg != NULL && soup_message_get_tls_peer_certificate_errors (request->msg) != 0))
    {
      GError *tls = g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_TLS,
                                 _("The server’s certificate is not trusted (%s). Check the address, or ask the server’s operator for a certificate this computer trusts."),
                                 error->message);
      g_clear_error (&error);
      error = tls;
    }
  if (request->stream != NULL)
    g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      icw_sync_timeout_clear (&request->deadline);
      g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&request->body)),
                             (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }
  if (request->body->len + g_bytes_get_size (chunk) > request->max_body)
    {
      fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                               _("The server’s answer is larger than %u MiB: it was not read further"),
                               (guint) (request->max_body / (1024 * 1024))));
      return;
    }
  g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (request->stream, CHUNK, G_PRIORITY_DEFAULT, request->cancellable,
                                   on_read, task);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint status;
  goffset length;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  status = soup_message_get_status (request->msg);
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (request->msg));
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) && status != SOUP_STATUS_BAD_REQUEST)
    {
      /* What an error answer says is not needed: the status decides (a 400's body is read: a
       * push of too many changes is told the server's limit there). */
      icw_sync_timeout_clear (&request->deadline);
      g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_task_return_pointer (task, g_bytes_new (NULL, 0), (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }
  /* A declared length says it at once (before decompression; the reads check the rest). */
  if (length > 0 && (guint64) length > request->max_body &&
      soup_message_headers_get_one (soup_message_get_response_headers (request->msg), "Content-Encoding") == NULL)
    {
      fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                               _("The server’s answer is larger than %u MiB: it was not read further"),
                               (guint) (request->max_body / (1024 * 1024))));
      return;
    }
  request->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (request->stream, CHUNK, G_PRIORITY_DEFAULT, request->cancellable,
                                   on_read, task);
}

SoupMessage *
icw_sync_request_new (const char  *server_url,
                      const char  *path,
                      const char  *token,
                      GError     **error)
{
  gboolean slash = g_str_has_suffix (server_url, "/") && path[0] == '/';
  g_autofree char *uri = g_strconcat (server_url, path + (slash ? 1 : 0), NULL);
  g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
  SoupMessage *msg = soup_message_new (SOUP_METHOD_GET, uri);

  if (msg == NULL)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("“%s” is not the address of a sync server (https://…)"), server_url);
      return NULL;
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
  /* Every request the client makes may be sent twice: a GET or a PUT of a file by what it is, a
   * push by its key (the server answers a key it has seen with the answer it stored). So libsoup
   * may send it on a kept-alive connection (and again on a new one if that connection had closed);
   * without the flag it opens a new connection for every POST, a connection a push batch. */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  return msg;
}

void
icw_sync_request_send_async (SoupSession         *session,
                             SoupMessage         *msg,
                             gsize                max_body,
                             guint                deadline_ms,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (session, NULL, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->msg = g_object_ref (msg);
  request->max_body = max_body;
  request->deadline_ms = deadline_ms;
  request->cancellable = g_cancellable_new ();
  request->outer = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  request->outer_id = g_cancellable_connect (request->outer, G_CALLBACK (on_outer_cancelled),
                                             request->cancellable, NULL);
  if (deadline_ms > 0)
    request->deadline = icw_sync_timeout_new (deadline_ms, on_deadline, request);
  soup_session_send_async (session, msg, G_PRIORITY_DEFAULT, request->cancellable, on_sent, task);
}

GBytes *
icw_sync_request_send_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
