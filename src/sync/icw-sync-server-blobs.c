/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-blobs.c: attachments' files on the reference server, addressed by their
 * SHA-256 (docs/sync-protocol.md, "Attachments' files"): GET /v1/blobs/SHA/status says how much
 * the server has, PUT /v1/blobs/SHA with Content-Range adds the part that starts where the
 * received ones end (so a cut upload resumes), the file is verified when its last part arrives
 * (a wrong hash drops it), and GET /v1/blobs/SHA?attachment=ID gives it to a token that may read
 * that attachment. Files over the server's limit are refused before anything is stored. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-attachment.h"
#include "icw-database.h"
#include "icw-sync-server-private.h"

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static void
respond_status (SoupServerMessage *msg,
                guint              status,
                const char        *sha256,
                gboolean           complete,
                gint64             received,
                gint64             total)
{
  g_autofree char *body = g_strdup_printf ("{\"sha256\":\"%s\",\"complete\":%s,\"received\":%" G_GINT64_FORMAT
                                           ",\"size\":%" G_GINT64_FORMAT "}",
                                           sha256, complete ? "true" : "false", received, total);

  icw_server_respond_json (msg, status, body);
}

static void
handle_status (IcwSyncServer     *self,
               SoupServerMessage *msg,
               const char        *sha256)
{
  g_autoptr(GError) error = NULL;
  gboolean complete;
  gint64 received, total;

  if (!self->store->klass->blob_status (self->store, sha256, &complete, &received, &total, &error))
    icw_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
  else
    respond_status (msg, SOUP_STATUS_OK, sha256, complete, received, total);
}

/* The part in its transaction: 0 when stored, else the HTTP status already answered. A part that
 * completes the file is verified; *mismatch gets the hash the file really has. */
static guint
store_part (IcwSyncServer     *self,
            SoupServerMessage *msg,
            const char        *sha256,
            goffset            start,
            goffset            total,
            GBytes            *data,
            char             **mismatch,
            GError           **error)
{
  IcwServerStore *store = self->store;
  g_autofree char *now = icw_database_now ();
  gboolean complete;
  gint64 received, had_total;

  if (!store->klass->blob_status (store, sha256, &complete, &received, &had_total, error))
    return SOUP_STATUS_SERVICE_UNAVAILABLE;
  if (complete)
    {
      respond_status (msg, SOUP_STATUS_OK, sha256, TRUE, received, received);
      return SOUP_STATUS_OK;
    }
  if (received > 0 && had_total != total)
    {
      /* Another size for the same hash: one of the two is wrong; start again. */
      if (!store->klass->blob_finish (store, sha256, NULL, now, error))
        return SOUP_STATUS_SERVICE_UNAVAILABLE;
      received = 0;
    }
  if (start != received)
    {
      respond_status (msg, SOUP_STATUS_CONFLICT, sha256, FALSE, received, had_total);
      return SOUP_STATUS_CONFLICT;
    }
  if (!store->klass->blob_add_part (store, sha256, total, start, data, now, error))
    return SOUP_STATUS_SERVICE_UNAVAILABLE;
  if (start + (goffset) g_bytes_get_size (data) == total)
    {
      g_autoptr(GBytes) whole = store->klass->blob_parts (store, sha256, error);
      g_autofree char *actual = NULL;

      if (whole == NULL || (error != NULL && *error != NULL))
        return SOUP_STATUS_SERVICE_UNAVAILABLE;
      actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, whole);
      if (g_bytes_get_size (whole) != (gsize) total || !g_str_equal (actual, sha256))
        {
          *mismatch = g_steal_pointer (&actual);
          if (!store->klass->blob_finish (store, sha256, NULL, now, error))
            return SOUP_STATUS_SERVICE_UNAVAILABLE;
          return 0;
        }
      if (!store->klass->blob_finish (store, sha256, whole, now, error))
        return SOUP_STATUS_SERVICE_UNAVAILABLE;
      complete = TRUE;
    }
  respond_status (msg, SOUP_STATUS_OK, sha256, complete, start + g_bytes_get_size (data), total);
  return 0;
}

static void
handle_put (IcwSyncServer     *self,
            SoupServerMessage *msg,
            IcwServerToken    *token,
            const char        *sha256)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) data = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(GError) error = NULL;
  g_autofree char *mismatch = NULL;
  goffset start, end, total;
  guint answered;

  if (token->reviewer)
    {
      icw_server_respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", _("A reviewer's token may not upload files"));
      return;
    }
  if (!soup_message_headers_get_content_range (headers, &start, &end, &total) || total <= 0 ||
      start < 0 || end < start || end >= total || (gsize) (end - start + 1) != g_bytes_get_size (data))
    {
      icw_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                _("A part of a file needs a Content-Range “bytes START-END/SIZE” that matches its body"));
      return;
    }
  if (total > self->blob_limit)
    {
      g_autofree char *size = g_format_size_full (total, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (self->blob_limit, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *text = g_strdup_printf (_("The file is %s; this server takes files of at most %s"), size, limit);

      icw_server_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large", text);
      return;
    }
  if (!icw_server_begin (self, &error))
    {
      icw_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  answered = store_part (self, msg, sha256, start, total, data, &mismatch, &error);
  if (error != NULL)
    {
      self->store->klass->rollback (self->store);
      icw_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  if (answered == SOUP_STATUS_CONFLICT || answered == SOUP_STATUS_OK)
    self->store->klass->rollback (self->store);
  else if (!self->store->klass->commit (self->store, &error))
    {
      icw_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  if (mismatch != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The file received has the SHA-256 %s, not %s: it was dropped; send it again"),
                                               mismatch, sha256);

      icw_server_respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "hash-mismatch", text);
    }
}

/* The attachment must be one the token may read, and name this file. */
static void
handle_download (IcwSyncServer     *self,
                 SoupServerMessage *msg,
                 IcwServerToken    *token,
                 const char        *sha256,
                 GHashTable        *query)
{
  const char *id = query != NULL ? g_hash_table_lookup (query, "attachment") : NULL;
  g_autoptr(IcwServerRecord) record = id != NULL ? icw_server_db_record (self, id) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  JsonObject *object = NULL;
  gsize length;
  const void *bytes;

  if (record == NULL || record->deleted || !g_str_equal (record->kind, "attachment"))
    {
      icw_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is no such attachment"));
      return;
    }
  if (!icw_server_may_read (self, token, record->center_id))
    {
      icw_server_respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", _("The record is outside what this token may read"));
      return;
    }
  if (json_parser_load_from_data (parser, record->payload, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    object = json_node_get_object (json_parser_get_root (parser));
  if (object == NULL || g_strcmp0 (json_object_get_string_member_with_default (object, "sha256", ""), sha256) != 0)
    {
      icw_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("The attachment has another file"));
      return;
    }
  content = self->store->klass->blob_read (self->store, sha256, &error);
  if (error != NULL)
    {
      icw_server_respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  if (content == NULL)
    {
      icw_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-uploaded", _("The server does not have this file yet"));
      return;
    }
  bytes = g_bytes_get_data (content, &length);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY, bytes, length);
}

void
icw_server_handle_blob (IcwSyncServer     *self,
                        SoupServerMessage *msg,
                        IcwServerToken    *token,
                        const char        *path,
                        GHashTable        *query)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);   /* "", "v1", "blobs", sha256 [, "status"] */
  const char *method = soup_server_message_get_method (msg);
  guint n = g_strv_length (parts);

  if (n < 4 || n > 5 || !is_sha256 (parts[3]) || (n == 5 && !g_str_equal (parts[4], "status")))
    icw_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is no such endpoint"));
  else if (n == 5 && g_str_equal (method, "GET"))
    handle_status (self, msg, parts[3]);
  else if (n == 4 && g_str_equal (method, "PUT"))
    handle_put (self, msg, token, parts[3]);
  else if (n == 4 && g_str_equal (method, "GET"))
    handle_download (self, msg, token, parts[3], query);
  else
    icw_server_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is no such endpoint"));
}

void
icw_sync_server_set_blob_limit (IcwSyncServer *self,
                                gint64         bytes)
{
  g_return_if_fail (ICW_IS_SYNC_SERVER (self));
  self->blob_limit = bytes > 0 ? bytes : ICW_ATTACHMENT_MAX_SIZE;
}
