/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-sign-in.c: the keyring read in a thread, and a token checked with one GET
 * /v1/pull?limit=1 (200: the server knows it; 401: it does not) before the keyring keeps it.
 * The request has a timeout; nothing of the pulled page is written. */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "icw-sync-client.h"
#include "icw-sync-request.h"
#include "icw-sync-sign-in.h"
#include "icw-sync-token.h"

#define CHECK_TIMEOUT_S 30

static void
lookup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *token = icw_sync_token_lookup (task_data, cancellable, &error);

  if (token != NULL)
    g_task_return_pointer (task, token, g_free);
  else
    g_task_return_error (task, error);
}

void
icw_sync_sign_in_lookup_async (const char          *server_url,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, g_strdup (server_url), g_free);
  g_task_run_in_thread (task, lookup_thread);
}

char *
icw_sync_sign_in_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char *url;
  char *token;
  char *warning;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_free (check->url);
  g_free (check->token);
  g_free (check->warning);
  g_free (check);
}

/* The keyring may be slow or missing: in a thread, and a failure leaves the token for this
 * session only (never written anywhere in clear). */
static void
store_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;
  g_autoptr(GError) error = NULL;

  if (!icw_sync_token_store (check->url, check->token, NULL, &error))
    check->warning = g_strdup_printf (_("The keyring could not keep the token (%s): you will have to sign in again next time."),
                                      error->message);
  g_task_return_boolean (task, TRUE);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status;

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE,
                                 _("The server at %s could not be reached: %s"), check->url, error->message);
      return;
    }
  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_task_return_new_error (task, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED,
                             _("The server does not accept this token. Check that it was copied whole, or ask the server's administrator for a new one."));
  else if (status != SOUP_STATUS_OK)
    g_task_return_new_error (task, ICW_SYNC_ERROR, ICW_SYNC_ERROR_HTTP,
                             _("The server at %s answered with status %u: it may not be a sync server."),
                             check->url, status);
  else
    /* The answer waits for the keyring, then the caller's callback runs. */
    g_task_run_in_thread (task, store_thread);
}

void
icw_sync_sign_in_check_async (IcwStore            *store,
                              const char          *server_url,
                              const char          *token,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncClient) client = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  Check *check = g_new0 (Check, 1);

  check->url = g_strdup (server_url);
  check->token = g_strdup (token);
  g_task_set_task_data (task, check, check_free);
  if (server_url == NULL || *server_url == '\0')
    {
      g_task_return_new_error (task, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, "%s",
                               _("Enter the address of the sync server."));
      g_object_unref (task);
      return;
    }
  if (token == NULL || *token == '\0')
    {
      g_task_return_new_error (task, ICW_SYNC_ERROR, ICW_SYNC_ERROR_NO_TOKEN, "%s",
                               _("Paste the token that the server's administrator gave you."));
      g_object_unref (task);
      return;
    }
  /* The client checks the address as every sync does (https, or plain http to this machine). */
  client = icw_sync_client_new (store, server_url, token, &error);
  if (client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  message = icw_sync_request_new (server_url, "/v1/pull?limit=1", token, &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  session = soup_session_new_with_options ("timeout", CHECK_TIMEOUT_S, NULL);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, cancellable, on_checked, task);
}

gboolean
icw_sync_sign_in_check_finish (GAsyncResult  *result,
                               char         **warning,
                               GError       **error)
{
  Check *check = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (warning != NULL)
    *warning = g_strdup (check->warning);
  return TRUE;
}
