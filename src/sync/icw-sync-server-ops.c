/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-ops.c: what the operators of the reference server see: the health endpoint
 * (GET /v1/health, no token: 200 when the database answers, 503 when it does not) and the
 * structured access log (one JSON object a line: time, client address, method, path, status,
 * milliseconds, backend, role and scope of the token; never the token or its hash). */
#include "config.h"

#include <gio/gunixoutputstream.h>
#include <string.h>

#include "icw-database.h"
#include "icw-sync-server-private.h"

gboolean
icw_sync_server_open_access_log (IcwSyncServer  *self,
                                 const char     *path,
                                 GError        **error)
{
  g_return_val_if_fail (ICW_IS_SYNC_SERVER (self), FALSE);

  g_clear_object (&self->access_log);
  if (g_str_equal (path, "-"))
    self->access_log = g_unix_output_stream_new (2, FALSE);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      self->access_log = G_OUTPUT_STREAM (g_file_append_to (file, G_FILE_CREATE_NONE, NULL, error));
    }
  return self->access_log != NULL;
}

void
icw_server_log_access (IcwSyncServer     *self,
                       SoupServerMessage *msg,
                       const char        *path,
                       IcwServerToken    *token,
                       gint64             started)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_path = NULL;
  const char *host;

  if (self->access_log == NULL)
    return;
  builder = json_builder_new ();
  now = icw_database_now ();
  host = soup_server_message_get_remote_host (msg);
  clean_path = g_utf8_make_valid (path, -1);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "client");
  json_builder_add_string_value (builder, host != NULL ? host : "");
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, soup_server_message_get_method (msg));
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, clean_path);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, soup_server_message_get_status (msg));
  json_builder_set_member_name (builder, "ms");
  json_builder_add_double_value (builder, (g_get_monotonic_time () - started) / 1000.0);
  json_builder_set_member_name (builder, "backend");
  json_builder_add_string_value (builder, self->store->klass->name);
  json_builder_set_member_name (builder, "role");
  if (token != NULL)
    json_builder_add_string_value (builder, token->reviewer ? "reviewer" : "admin");
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "scope");
  if (token != NULL)
    json_builder_add_string_value (builder, token->reviewer ? token->province : token->center_id);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  {
    g_autofree char *object = json_to_string (root, FALSE);

    line = g_strconcat (object, "\n", NULL);
  }
  if (!g_output_stream_write_all (self->access_log, line, strlen (line), NULL, NULL, NULL) ||
      !g_output_stream_flush (self->access_log, NULL, NULL))
    {
      g_warning ("icw serve: the access log cannot be written; it is closed");
      g_clear_object (&self->access_log);
    }
}

void
icw_server_handle_health (IcwSyncServer     *self,
                          SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gboolean ok = self->store->klass->ping (self->store, &error);

  if (!ok)
    g_warning ("icw serve: the health check failed: %s", error->message);
  body = g_strdup_printf ("{\"status\":\"%s\",\"backend\":\"%s\"}", ok ? "ok" : "unavailable", self->store->klass->name);
  icw_server_respond_json (msg, ok ? SOUP_STATUS_OK : SOUP_STATUS_SERVICE_UNAVAILABLE, body);
}
