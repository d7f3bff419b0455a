/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server.c: the reference server's HTTP side: authentication by bearer token, the scope
 * derived from the token and from what the server stores (never from the client), the routing of
 * POST /v1/push (icw-sync-server-push.c), GET /v1/pull in pages, GET /v1/token, GET /v1/records,
 * the size limit, TLS, and the faults the tests inject. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icw-attachment.h"
#include "icw-json-reader.h"
#include "icw-store-check.h"
#include "icw-store-sync.h"
#include "icw-sync-json.h"
#include "icw-sync-server-private.h"

#define MAX_PAGE ICW_SYNC_JSON_MAX_PAGE
#define DEFAULT_PAGE 100
/* A page's text stays under this (unless its first record alone is larger), well within what a
 * client reads of an answer (twice the body limit, 16 MiB). */
#define PAGE_BUDGET ICW_SYNC_JSON_MAX_BODY

G_DEFINE_FINAL_TYPE (IcwSyncServer, icw_sync_server, G_TYPE_OBJECT)

static void remove_scratch (IcwSyncServer *self);

static void
icw_sync_server_finalize (GObject *object)
{
  IcwSyncServer *self = ICW_SYNC_SERVER (object);

  icw_server_push_rows_drop (self);
  if (self->store != NULL)
    icw_server_group_flush (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->store, icw_server_store_close);
  g_clear_object (&self->access_log);
  g_clear_pointer (&self->fault_path, g_free);
  icw_sync_timeout_clear (&self->purge_source);
  g_clear_pointer (&self->auth_failures, g_hash_table_unref);
  remove_scratch (self);
  G_OBJECT_CLASS (icw_sync_server_parent_class)->finalize (object);
}

static void
icw_sync_server_class_init (IcwSyncServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icw_sync_server_finalize;
}

static void
icw_sync_server_init (IcwSyncServer *self)
{
  self->auth_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->idle_timeout = 60;
  self->request_deadline = 120;
  self->auth_rate = 10;
  self->auth_burst = 20;
  self->blob_limit = ICW_ATTACHMENT_MAX_SIZE;
  self->max_changes = ICW_SYNC_JSON_MAX_CHANGES;
}

/* Never trusts its body: a NULL (json generation failed) or text that is not UTF-8 is a 500, logged. */
void
icw_server_respond_json (SoupServerMessage *msg,
                         guint              status,
                         const char        *body)
{
  static const char failure[] = "{\"error\":\"internal\",\"message\":\"The server could not write its answer\"}";

  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_warning ("icw serve: an answer to %s could not be written; answering 500",
                 g_uri_get_path (soup_server_message_get_uri (msg)));
      status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
      body = failure;
    }
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

void
icw_server_respond_checked_json (SoupServerMessage *msg,
                                 guint              status,
                                 char              *body,
                                 gsize              length)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, length);
}

/* An error's body: its code and message, and the server's limit of changes a push when it is the
 * reason (max_changes > 0: "too-many-changes"). */
void
icw_server_respond_error_body (SoupServerMessage *msg,
                               guint              status,
                               const char        *code,
                               const char        *message,
                               guint              max_changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  /* A parser's message may quote the client's bytes: invalid UTF-8 there would turn a 400 into a
   * 500, which clients retry for ever. */
  g_autofree char *text = g_utf8_make_valid (message, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, text);
  if (max_changes > 0)
    {
      json_builder_set_member_name (builder, "max_changes");
      json_builder_add_int_value (builder, max_changes);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  icw_server_respond_json (msg, status, body);
}

void
icw_server_respond_error (SoupServerMessage *msg,
                          guint              status,
                          const char        *code,
                          const char        *message)
{
  icw_server_respond_error_body (msg, status, code, message, 0);
}

#define respond_json icw_server_respond_json
#define respond_error icw_server_respond_error

/* Stored text the server can send as it is: one JSON object, as the strict check of every body
 * the server takes would find it (an opening brace, then icw_sync_json_check's grammar and limits;
 * icw_json_is_object checks the same in one pass without allocating), without building a tree. */
static gboolean
stored_object_text (const char *text)
{
  return text != NULL && icw_json_is_object (text, strlen (text));
}

/* The stored record as a change object of a pull page or a record answer, its stored text spliced
 * in as it is (parsing it into a tree and writing the tree out again was a fifth of a pull's
 * instructions; docs/performance.md). FALSE, logged and nothing written, when the stored payload
 * is not JSON the server can send, so that one bad row never stops a pull. Everything written is
 * UTF-8 (the stored texts by stored_object_text, kind and ID here, the rest ASCII), so that a page
 * of such changes needs no second check of the whole (icw_server_respond_checked_json). */
static gboolean
append_stored_change (GString         *out,
                      IcwServerRecord *record)
{
  if (!stored_object_text (record->payload) || !g_utf8_validate (record->kind, -1, NULL) ||
      !g_utf8_validate (record->id, -1, NULL))
    {
      g_warning ("icw serve: the stored record %s (%s, revision %" G_GINT64_FORMAT ") is not valid JSON; "
                 "it is skipped", record->id, record->kind, record->seq);
      return FALSE;
    }
  g_string_append (out, "{\"kind\":");
  icw_sync_json_append_string (out, record->kind);
  g_string_append (out, ",\"id\":");
  icw_sync_json_append_string (out, record->id);
  g_string_append_printf (out, ",\"revision\":\"%" G_GINT64_FORMAT "\",\"deleted\":%s,\"record\":",
                          record->seq, record->deleted ? "true" : "false");
  g_string_append (out, record->payload);
  if (stored_object_text (record->review))
    {
      g_string_append (out, ",\"review\":");
      g_string_append (out, record->review);
    }
  g_string_append_c (out, '}');
  return TRUE;
}

/* What a stored record adds to a page, near enough: its texts and the change's members. */
static gsize
page_cost (IcwServerRecord *record)
{
  return (record->payload != NULL ? strlen (record->payload) : 0) +
         (record->review != NULL ? strlen (record->review) : 0) + strlen (record->id) + strlen (record->kind) + 128;
}

static void
handle_pull (IcwSyncServer     *self,
             SoupServerMessage *msg,
             IcwServerToken    *token,
             GHashTable        *query)
{
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *limit_text = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GString *page;
  g_autofree char *next = NULL;
  guint64 limit = DEFAULT_PAGE;
  gint64 after = 0;
  gboolean more;
  gsize length;
  guint n;

  if ((cursor != NULL && *cursor != '\0' && !icw_sync_json_is_decimal (cursor)) ||
      (limit_text != NULL && (!g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_PAGE, &limit, NULL))))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-request", _("The cursor or the limit is not valid"));
      return;
    }
  if (cursor != NULL && *cursor != '\0')
    after = g_ascii_strtoll (cursor, NULL, 10);
  if (cursor != NULL && *cursor != '\0' && after < icw_server_db_horizon (self))
    {
      respond_error (msg, SOUP_STATUS_GONE, "gone", _("The cursor is older than the tombstones kept; pull everything again"));
      return;
    }
  records = icw_server_db_pull (self, token, after, limit, &error);
  if (records == NULL)
    {
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
      return;
    }
  /* The page is written as text, each record's stored text spliced in (no tree). It ends at the
   * limit, or before the record that would take it over the size a client reads (the record
   * limit bounds one record, so a page of 500 large records still reaches every client whole). */
  page = g_string_sized_new (4096);
  g_string_append (page, "{\"changes\":[");
  for (n = 0; n < records->len && n < limit; n++)
    {
      IcwServerRecord *record = records->pdata[n];
      gsize before = page->len;

      if (n > 0 && before + page_cost (record) > PAGE_BUDGET)
        break;
      if (before > strlen ("{\"changes\":["))
        g_string_append_c (page, ',');
      if (!append_stored_change (page, record))
        g_string_truncate (page, before);   /* logged; the cursor still moves past it */
    }
  more = n < records->len;
  next = g_strdup_printf ("%" G_GINT64_FORMAT, n > 0 ? ((IcwServerRecord *) records->pdata[n - 1])->seq : after);
  g_string_append_printf (page, "],\"cursor\":\"%s\",\"has_more\":%s}", next, more ? "true" : "false");
  self->served += n;
  /* ASCII and what append_stored_change checked: sent without a second pass over the page. */
  length = page->len;
  icw_server_respond_checked_json (msg, SOUP_STATUS_OK, g_string_free (page, FALSE), length);
}

static void
handle_get (IcwSyncServer     *self,
            SoupServerMessage *msg,
            IcwServerToken    *token,
            const char        *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);   /* "", "v1", "records", kind, id */
  g_autoptr(IcwServerRecord) record = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_strv_length (parts) != 5 || (record = icw_server_db_record (self, parts[4])) == NULL ||
      !g_str_equal (record->kind, parts[3]))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is no such record"));
      return;
    }
  if (!icw_server_may_read (self, token, record->center_id))
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", _("The record is outside what this token may read"));
      return;
    }
  if (!append_stored_change (text, record))
    {
      respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal", "The stored record cannot be sent");
      return;
    }
  respond_json (msg, SOUP_STATUS_OK, text->str);
}

/* GET /v1/token: what the token is, so that a client can show a reviewer's workspace. */
static void
handle_token (SoupServerMessage *msg,
              IcwServerToken    *token)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, token->reviewer ? "reviewer" : "administrator");
  json_builder_set_member_name (builder, "province");
  if (token->reviewer && token->province != NULL)
    json_builder_add_string_value (builder, token->province);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "center_id");
  if (!token->reviewer && token->center_id != NULL)
    json_builder_add_string_value (builder, token->center_id);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  respond_json (msg, SOUP_STATUS_OK, text);
}

static gboolean
take_fault (IcwSyncServer *self,
            const char    *path,
            IcwSyncFault   fault)
{
  if (self->fault != fault || self->fault_count == 0 || !g_str_has_prefix (path, self->fault_path))
    return FALSE;
  self->fault_count--;
  return TRUE;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  IcwSyncServer *self = user_data;
  g_autoptr(IcwServerToken) token = NULL;
  const char *method = soup_server_message_get_method (msg);
  gboolean drop = take_fault (self, path, ICW_SYNC_FAULT_DROP_AFTER_COMMIT);
  gboolean push = g_str_equal (path, "/v1/push") && g_str_equal (method, "POST");
  gint64 started = g_get_monotonic_time ();

  self->requests++;
  /* Only pushes join the open group; every other request reads or writes after it is durable.
   * A push whose answer a test drops commits on its own. */
  if (!push || drop)
    icw_server_group_flush (self);
  if (g_str_equal (path, "/v1/health") && g_str_equal (method, "GET"))
    {
      icw_server_handle_health (self, msg);
      icw_server_log_access (self, msg, path, NULL, started);
      return;
    }
  if (take_fault (self, path, ICW_SYNC_FAULT_503) || take_fault (self, path, ICW_SYNC_FAULT_429))
    {
      g_autofree char *after = g_strdup_printf ("%u", self->retry_after);
      gboolean busy = self->fault == ICW_SYNC_FAULT_503;

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", after);
      respond_error (msg, busy ? SOUP_STATUS_SERVICE_UNAVAILABLE : 429, busy ? "unavailable" : "slow-down",
                     _("Please try again later"));
      icw_server_log_access (self, msg, path, NULL, started);
      return;
    }
  if (soup_server_message_get_request_body (msg)->length > ICW_SYNC_JSON_MAX_BODY)
    {
      respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large", _("The request is too large"));
      icw_server_log_access (self, msg, path, NULL, started);
      return;
    }
  token = icw_server_authenticate (self, msg);
  if (token == NULL)
    respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized", _("The token is missing or not known"));
  else if (push)
    {
      self->group_bypass = drop;
      icw_server_handle_push (self, msg, token);
      self->group_bypass = FALSE;
      /* Waiting in the group: logged when answered. */
      if (icw_server_group_log_later (self, msg, path, &token, started))
        return;
    }
  else if (g_str_equal (path, "/v1/pull") && g_str_equal (method, "GET"))
    handle_pull (self, msg, token, query);
  else if (g_str_equal (path, "/v1/token") && g_str_equal (method, "GET"))
    handle_token (msg, token);
  else if (g_str_has_prefix (path, "/v1/records/") && g_str_equal (method, "GET"))
    handle_get (self, msg, token, path);
  else if (g_str_has_prefix (path, "/v1/blobs/"))
    icw_server_handle_blob (self, msg, token, path, query);
  else
    respond_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is no such endpoint"));
  icw_server_log_access (self, msg, path, token, started);

  /* The answer is lost after the commit: the client must retry with the same key. */
  if (drop)
    {
      GIOStream *stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
}

static void
request_started (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  icw_server_watch_request (user_data, msg);
}

static gboolean
open_scratch (IcwSyncServer  *self,
              GError        **error)
{
  g_autofree char *path = NULL;

  self->scratch_dir = g_dir_make_tmp ("icw-serve-XXXXXX", error);
  if (self->scratch_dir == NULL)
    return FALSE;
  path = g_build_filename (self->scratch_dir, "check.db", NULL);
  /* Never synced (synchronous=OFF): the file is made new at every start in a folder of its own
   * and removed at the end, and only the checks of the running server read it, through this
   * connection; a crash or a power cut loses nothing that anyone reads again. Its schema's
   * migrations synced it 66 times at each start. */
  self->scratch = icw_store_open_scratch (path, error);
  return self->scratch != NULL && icw_store_check_prepare_scratch (self->scratch, error);
}

static void
remove_scratch (IcwSyncServer *self)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (self->references); i++)
    g_clear_pointer (&self->references[i], g_array_unref);
  g_clear_object (&self->scratch);
  if (self->scratch_dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("check.db", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (self->scratch_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->scratch_dir);
  g_clear_pointer (&self->scratch_dir, g_free);
}

IcwSyncServer *
icw_sync_server_new (const char  *location,
                     GError     **error)
{
  g_autoptr(IcwSyncServer) self = g_object_new (ICW_TYPE_SYNC_SERVER, NULL);

  if (icw_server_store_is_postgresql (location))
    self->store = icw_server_store_open_pg (location, error);
  else
    self->store = icw_server_store_open_sqlite (location, error);
  if (self->store == NULL || !open_scratch (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
icw_sync_server_get_backend (IcwSyncServer *self)
{
  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), NULL);
  return self->store->klass->name;
}

gboolean
icw_sync_server_listen (IcwSyncServer  *self,
                        const char     *address,
                        guint           port,
                        const char     *cert_file,
                        const char     *key_file,
                        GError        **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocket) socket = NULL;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), FALSE);

  if (cert_file != NULL || key_file != NULL)
    {
      certificate = g_tls_certificate_new_from_files (cert_file, key_file, error);
      if (certificate == NULL)
        return FALSE;
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  inet = g_inet_address_new_from_string (address != NULL ? address : "127.0.0.1");
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not an IP address"), address);
      return FALSE;
    }
  self->soup = soup_server_new ("server-header", "icw-serve", "tls-certificate", certificate, NULL);
  soup_server_add_handler (self->soup, "/v1", handle, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started), self);
  socket = icw_server_listen_socket (inet, port, error);
  if (socket == NULL || !soup_server_listen_socket (self->soup, socket, options, error))
    return FALSE;
  icw_server_start_purge (self);
  return TRUE;
}

char *
icw_sync_server_get_url (IcwSyncServer *self)
{
  GSList *uris;
  char *url = NULL;

  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self) && self->soup != NULL, NULL);
  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    {
      g_autofree char *text = g_uri_to_string (uris->data);
      url = g_str_has_suffix (text, "/") ? g_strndup (text, strlen (text) - 1) : g_strdup (text);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

void
icw_sync_server_inject_fault (IcwSyncServer *self,
                              IcwSyncFault   fault,
                              const char    *path,
                              guint          count,
                              guint          retry_after)
{
  self->fault = fault;
  g_free (self->fault_path);
  self->fault_path = g_strdup (path);
  self->fault_count = count;
  self->retry_after = retry_after;
}

void
icw_sync_server_set_limits (IcwSyncServer *self,
                            guint          idle_timeout,
                            guint          request_deadline,
                            guint          auth_rate,
                            guint          auth_burst)
{
  g_return_if_fail (ICW_IS_SYNC_SERVER (self));
  self->idle_timeout = idle_timeout;
  self->request_deadline = request_deadline;
  self->auth_rate = auth_rate;
  self->auth_burst = auth_burst;
}

gint64 icw_sync_server_get_applied (IcwSyncServer *self) { return self->applied; }
guint64 icw_sync_server_get_commits (IcwSyncServer *self) { return self->commits; }

void
icw_sync_server_set_max_changes (IcwSyncServer *self,
                                 guint          max_changes)
{
  g_return_if_fail (ICW_IS_SYNC_SERVER (self));
  self->max_changes = max_changes > 0 ? MIN (max_changes, ICW_SYNC_JSON_MAX_CHANGES) : ICW_SYNC_JSON_MAX_CHANGES;
}

void
icw_sync_server_set_group_window (IcwSyncServer *self,
                                  guint          window_ms)
{
  g_return_if_fail (ICW_IS_SYNC_SERVER (self));
  self->group_window_ms = window_ms;
}
gint64 icw_sync_server_get_served (IcwSyncServer *self) { return self->served; }
guint icw_sync_server_get_requests (IcwSyncServer *self) { return self->requests; }
