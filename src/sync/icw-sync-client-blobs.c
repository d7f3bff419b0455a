/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-client-blobs.c: attachments' files on the way to and from the server
 * (docs/sync-protocol.md, "Attachments' files"). Before a push batch goes, the file of every
 * attachment in it is uploaded unless the server has it: the client asks how much the server
 * has and sends the rest in parts, so an upload cut off resumes where it stopped. After a pull,
 * the files of attachments this database has no file for are downloaded and checked against
 * their SHA-256 before they are written. The transfers run in a worker thread with a session of
 * its own (blocking requests, the same attempts as the rest of a run) while the run's main
 * context goes on; the store is read and written on the run's thread only. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-sync-client-private.h"
#include "icw-sync-json.h"
#include "icw-sync-request.h"

#define DEFAULT_PART (1024 * 1024)

typedef struct {
  char   *id;
  char   *name;
  char   *sha256;
  gint64  size;
  GBytes *content;   /* to upload; or downloaded */
} FileJob;

typedef struct {
  char       *url;
  char       *token;
  guint       max_attempts;
  guint       base_delay_ms;
  gsize       part;
  GPtrArray  *files;
  guint       retries;
  guint       done;
  SoupSession *session;
} Transfer;

static void
file_job_free (FileJob *job)
{
  g_free (job->id);
  g_free (job->name);
  g_free (job->sha256);
  g_clear_pointer (&job->content, g_bytes_unref);
  g_free (job);
}

static void
transfer_free (Transfer *transfer)
{
  g_free (transfer->url);
  g_free (transfer->token);
  g_ptr_array_unref (transfer->files);
  g_clear_object (&transfer->session);
  g_free (transfer);
}

static Transfer *
transfer_new (IcwSyncClient *self)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->url = g_strdup (self->url);
  transfer->token = g_strdup (self->token);
  transfer->max_attempts = MAX (self->max_attempts, 1);
  transfer->base_delay_ms = self->base_delay_ms;
  transfer->part = self->blob_part > 0 ? self->blob_part : DEFAULT_PART;
  transfer->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_job_free);
  return transfer;
}

/* A request for path on the transfer's server; the address was checked when the client was
 * made, so this does not fail. */
static SoupMessage *
new_message (Transfer   *transfer,
             const char *method,
             const char *path)
{
  SoupMessage *msg = icw_sync_request_new (transfer->url, path, transfer->token, NULL);

  soup_message_set_method (msg, method);
  return msg;
}

/* The answer's body, at most limit bytes (NULL with error past it, or on a transport error). */
static GBytes *
send_read (Transfer     *transfer,
           SoupMessage  *msg,
           gsize         limit,
           GError      **error)
{
  g_autoptr(GInputStream) stream = soup_session_send (transfer->session, msg, NULL, error);
  g_autoptr(GByteArray) all = g_byte_array_new ();
  guint8 buffer[16384];

  if (stream == NULL)
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (all->len + (gsize) n > limit)
        {
          g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE, _("The server's answer is too large"));
          return NULL;
        }
      g_byte_array_append (all, buffer, n);
    }
  g_input_stream_close (stream, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

static JsonObject *
answer_object (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  if (data == NULL || !json_parser_load_from_data (parser, data, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

typedef enum { PART_SENT, PART_RETRY, PART_REFUSED } PartResult;

/* A token the server does not know ends the run as the other requests do. */
static PartResult
refuse_unauthorized (GError **error)
{
  g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED,
               _("The server does not accept the token: sign in again. Nothing was lost: the changes wait to be sent."));
  return PART_REFUSED;
}

/* What the server says it has of the file (PART_SENT), or a failure to retry. */
static PartResult
ask_status (Transfer    *transfer,
            const char  *sha256,
            gboolean    *complete,
            gint64      *received,
            GError     **error)
{
  g_autofree char *path = g_strdup_printf ("/v1/blobs/%s/status", sha256);
  g_autoptr(SoupMessage) msg = new_message (transfer, "GET", path);
  g_autoptr(GBytes) body = send_read (transfer, msg, 4096, error);
  g_autoptr(JsonObject) object = NULL;

  if (body == NULL)
    return PART_RETRY;
  if (soup_message_get_status (msg) == SOUP_STATUS_UNAUTHORIZED)
    return refuse_unauthorized (error);
  object = answer_object (body);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK || object == NULL)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_HTTP, _("The server answered %u to a file's status"),
                   soup_message_get_status (msg));
      return PART_RETRY;
    }
  *complete = json_object_get_boolean_member_with_default (object, "complete", FALSE);
  *received = json_object_get_int_member_with_default (object, "received", 0);
  return PART_SENT;
}

/* The server's message in an error answer, or the status. */
static char *
server_message (SoupMessage *msg,
                GBytes      *body)
{
  g_autoptr(JsonObject) object = body != NULL ? answer_object (body) : NULL;
  const char *text = object != NULL ? json_object_get_string_member_with_default (object, "message", NULL) : NULL;

  return text != NULL ? g_utf8_make_valid (text, -1) : g_strdup_printf ("HTTP %u", soup_message_get_status (msg));
}

/* One part from *received on; *received gets what the server then has. */
static PartResult
send_part (Transfer  *transfer,
           FileJob   *job,
           gint64    *received,
           gboolean  *complete,
           GError   **error)
{
  gsize size = g_bytes_get_size (job->content);
  gsize end = MIN (size, (gsize) *received + transfer->part);
  g_autofree char *path = g_strdup_printf ("/v1/blobs/%s", job->sha256);
  g_autoptr(SoupMessage) msg = new_message (transfer, "PUT", path);
  g_autoptr(GBytes) slice = g_bytes_new_from_bytes (job->content, *received, end - *received);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *message = NULL;
  guint status;

  soup_message_headers_set_content_range (soup_message_get_request_headers (msg), *received, end - 1, size);
  soup_message_set_request_body_from_bytes (msg, "application/octet-stream", slice);
  body = send_read (transfer, msg, 4096, error);
  if (body == NULL)
    return PART_RETRY;
  status = soup_message_get_status (msg);
  object = answer_object (body);
  if ((status == SOUP_STATUS_OK || status == SOUP_STATUS_CONFLICT) && object != NULL &&
      json_object_has_member (object, "received"))
    {
      *received = json_object_get_int_member_with_default (object, "received", 0);
      *complete = json_object_get_boolean_member_with_default (object, "complete", FALSE);
      return PART_SENT;
    }
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return refuse_unauthorized (error);
  message = server_message (msg, body);
  if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE || status == SOUP_STATUS_UNPROCESSABLE_ENTITY ||
      status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_BAD_REQUEST)
    {
      g_set_error (error, ICW_SYNC_ERROR,
                   status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE ? ICW_SYNC_ERROR_TOO_LARGE : ICW_SYNC_ERROR_HTTP,
                   _("The file of the attachment “%s” was not sent: %s"), job->name, message);
      return PART_REFUSED;
    }
  g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_HTTP, "%s", message);
  return PART_RETRY;
}

static void
pause_before_retry (Transfer *transfer,
                    guint     failures)
{
  transfer->retries++;
  g_usleep (MIN ((gulong) transfer->base_delay_ms * 1000 * failures, 2000000));
}

static gboolean
upload_file (Transfer  *transfer,
             FileJob   *job,
             GError   **error)
{
  gboolean complete = FALSE;
  gboolean known = FALSE;
  gint64 received = 0;
  guint failures = 0;

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      PartResult result = known ? PART_SENT : ask_status (transfer, job->sha256, &complete, &received, &local);

      if (result == PART_SENT)
        {
          known = TRUE;
          if (complete)
            return TRUE;
          result = send_part (transfer, job, &received, &complete, &local);
          if (result == PART_SENT)
            {
              failures = 0;
              continue;
            }
        }
      if (result == PART_REFUSED)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* Cut off: ask again how much arrived, and go on from there. */
      known = FALSE;
      if (++failures >= transfer->max_attempts)
        {
          g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE,
                       _("The server could not be reached after %u attempts: %s"), failures, local->message);
          return FALSE;
        }
      pause_before_retry (transfer, failures);
    }
}

/* One file into job->content, or nothing when the server has none to give (it stays "not yet
 * downloaded"); FALSE with error when the server could not be reached. */
static gboolean
download_file (Transfer  *transfer,
               FileJob   *job,
               GError   **error)
{
  g_autofree char *escaped = g_uri_escape_string (job->id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1/blobs/%s?attachment=%s", job->sha256, escaped);
  guint failures = 0;

  for (;;)
    {
      g_autoptr(SoupMessage) msg = new_message (transfer, "GET", path);
      g_autoptr(GError) local = NULL;
      g_autoptr(GBytes) body = send_read (transfer, msg, MAX ((gsize) job->size, 4096), &local);
      guint status = body != NULL ? soup_message_get_status (msg) : 0;

      if (status == SOUP_STATUS_OK)
        {
          job->content = g_steal_pointer (&body);
          return TRUE;
        }
      if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_FORBIDDEN)
        return TRUE;
      if (status == SOUP_STATUS_UNAUTHORIZED)
        return refuse_unauthorized (error) == PART_SENT;
      if (local != NULL && g_error_matches (local, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE))
        {
          g_autofree char *size = g_format_size_full (job->size, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                       _("The server sent more than the %s of the attachment “%s”"), size, job->name);
          return FALSE;
        }
      if (++failures >= transfer->max_attempts)
        {
          g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE,
                       _("The file of the attachment “%s” could not be downloaded: %s"), job->name,
                       local != NULL ? local->message : soup_message_get_reason_phrase (msg));
          return FALSE;
        }
      pause_before_retry (transfer, failures);
    }
}

static void
transfer_thread (GTask        *worker,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Transfer *transfer = data;
  gboolean upload = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (worker), "icw-upload"));
  GError *error = NULL;

  transfer->session = soup_session_new_with_options ("timeout", 30, NULL);
  for (guint i = 0; i < transfer->files->len; i++)
    {
      FileJob *job = transfer->files->pdata[i];

      if (!(upload ? upload_file (transfer, job, &error) : download_file (transfer, job, &error)))
        {
          g_task_return_error (worker, error);
          return;
        }
      transfer->done++;
    }
  g_task_return_boolean (worker, TRUE);
}

/* Runs the transfer in a worker thread; done (on the run's thread) gets the run's task. */
static void
start_transfer (GTask               *task,
                Transfer            *transfer,
                gboolean             upload,
                GAsyncReadyCallback  done)
{
  GTask *worker = g_task_new (g_task_get_source_object (task), NULL, done, task);

  g_object_set_data (G_OBJECT (worker), "icw-upload", GINT_TO_POINTER (upload));
  g_task_set_task_data (worker, transfer, (GDestroyNotify) transfer_free);
  g_task_run_in_thread (worker, transfer_thread);
  g_object_unref (worker);
}

static void
uploaded (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  Transfer *transfer = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  run->report.retries += transfer->retries;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      icw_sync_client_fail (task, error);
      return;
    }
  for (guint i = 0; i < transfer->files->len; i++)
    g_hash_table_add (run->files_sent, g_strdup (((FileJob *) transfer->files->pdata[i])->sha256));
  run->report.files_sent += transfer->done;
  icw_sync_client_step (task);
}

gboolean
icw_sync_client_upload_files (GTask     *task,
                              GPtrArray *batch)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  Transfer *transfer = transfer_new (self);

  if (run->files_sent == NULL)
    run->files_sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < batch->len; i++)
    {
      IcwOutboxChange *change = batch->pdata[i];
      g_autoptr(JsonParser) parser = NULL;
      g_autoptr(GBytes) content = NULL;
      JsonObject *record;
      FileJob *job;

      if (change->kind != ICW_RECORD_KIND_ATTACHMENT || g_strcmp0 (change->op, "upsert") != 0)
        continue;
      /* An attachment whose file this database never had (edited after a pull) has it on the
       * server already. */
      content = icw_store_attachment_content (self->store, change->id, NULL);
      if (content == NULL)
        continue;
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, change->payload, -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;
      record = json_node_get_object (json_parser_get_root (parser));
      job = g_new0 (FileJob, 1);
      job->id = g_strdup (change->id);
      job->name = g_strdup (json_object_get_string_member_with_default (record, "name", change->id));
      job->sha256 = g_strdup (json_object_get_string_member_with_default (record, "sha256", ""));
      job->content = g_steal_pointer (&content);
      if (g_hash_table_contains (run->files_sent, job->sha256))
        file_job_free (job);
      else
        g_ptr_array_add (transfer->files, job);
    }
  if (transfer->files->len == 0)
    {
      transfer_free (transfer);
      return FALSE;
    }
  start_transfer (task, transfer, TRUE, uploaded);
  return TRUE;
}

static void
downloaded (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GTask *task = data;
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  Transfer *transfer = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  run->report.retries += transfer->retries;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      icw_sync_client_fail (task, error);
      return;
    }
  for (guint i = 0; i < transfer->files->len; i++)
    {
      FileJob *job = transfer->files->pdata[i];
      g_autoptr(GError) local = NULL;

      if (job->content == NULL)
        continue;
      if (!icw_store_write_attachment_file (self->store, job->id, job->content, &local))
        {
          icw_sync_client_fail (task, g_error_new (ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                                                   _("The file of the attachment “%s” was not saved: %s"),
                                                   job->name, local->message));
          return;
        }
      run->report.files_received++;
    }
  icw_sync_client_finish_run (task);
}

gboolean
icw_sync_client_download_files (GTask *task)
{
  IcwSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GPtrArray) files = NULL;
  Transfer *transfer;

  if (run->files_fetched || !(run->mode & ICW_SYNC_PULL))
    return FALSE;
  run->files_fetched = TRUE;
  files = icw_store_attachments_to_download (self->store);
  if (files->len == 0)
    return FALSE;
  transfer = transfer_new (self);
  for (guint i = 0; i < files->len; i++)
    {
      IcwAttachmentFile *file = files->pdata[i];
      FileJob *job = g_new0 (FileJob, 1);

      job->id = g_strdup (file->id);
      job->name = g_strdup (file->name);
      job->sha256 = g_strdup (file->sha256);
      job->size = file->size;
      g_ptr_array_add (transfer->files, job);
    }
  start_transfer (task, transfer, FALSE, downloaded);
  return TRUE;
}

void
icw_sync_client_set_file_part (IcwSyncClient *self,
                               gsize          bytes)
{
  g_return_if_fail (ICW_IS_SYNC_CLIENT (self));
  self->blob_part = bytes;
}
