/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-role.c: one GET /v1/token with a timeout, read into a role and a province; nothing is
 * stored. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "icw-sync-error.h"
#include "icw-sync-request.h"
#include "icw-sync-role.h"

#define ROLE_TIMEOUT_S 30

typedef struct {
  IcwSyncRole role;
  char *province;
} RoleAnswer;

static void
role_answer_free (gpointer data)
{
  RoleAnswer *answer = data;

  g_free (answer->province);
  g_free (answer);
}

IcwSyncRole
icw_sync_role_parse (const char  *json,
                     gssize       length,
                     char       **province)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *role;

  if (province != NULL)
    *province = NULL;
  if (json == NULL || !json_parser_load_from_data (parser, json, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return ICW_SYNC_ROLE_UNKNOWN;
  object = json_node_get_object (json_parser_get_root (parser));
  role = json_object_get_string_member_with_default (object, "role", "");
  if (g_str_equal (role, "administrator"))
    return ICW_SYNC_ROLE_ADMINISTRATOR;
  if (!g_str_equal (role, "reviewer"))
    return ICW_SYNC_ROLE_UNKNOWN;
  if (province != NULL)
    *province = g_strdup (json_object_get_string_member_with_default (object, "province", NULL));
  return ICW_SYNC_ROLE_REVIEWER;
}

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  RoleAnswer *answer;
  gsize length = 0;
  const char *data;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, ICW_SYNC_ERROR, ICW_SYNC_ERROR_HTTP,
                               _("The server did not say what the token is (status %u)."),
                               soup_message_get_status (message));
      return;
    }
  answer = g_new0 (RoleAnswer, 1);
  data = g_bytes_get_data (body, &length);
  answer->role = icw_sync_role_parse (data, (gssize) length, &answer->province);
  g_task_return_pointer (task, answer, role_answer_free);
}

void
icw_sync_role_fetch_async (const char          *server_url,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  if (server_url == NULL || token == NULL)
    {
      g_task_return_new_error (task, ICW_SYNC_ERROR, ICW_SYNC_ERROR_NO_TOKEN, "%s",
                               _("Sign in to a sync server first."));
      g_object_unref (task);
      return;
    }
  message = icw_sync_request_new (server_url, "/v1/token", token, &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  session = soup_session_new_with_options ("timeout", ROLE_TIMEOUT_S, NULL);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, cancellable, on_answer, task);
}

IcwSyncRole
icw_sync_role_fetch_finish (GAsyncResult  *result,
                            char         **province,
                            GError       **error)
{
  g_autofree RoleAnswer *answer = g_task_propagate_pointer (G_TASK (result), error);
  IcwSyncRole role;

  if (province != NULL)
    *province = NULL;
  if (answer == NULL)
    return ICW_SYNC_ROLE_UNKNOWN;
  role = answer->role;
  if (province != NULL)
    *province = g_steal_pointer (&answer->province);
  else
    g_free (answer->province);
  return role;
}
