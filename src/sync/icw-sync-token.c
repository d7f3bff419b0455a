/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-token.c: the token in the keyring (libsecret). Without a keyring (no Secret Service,
 * no portal) the lookup fails and the caller asks the user to sign in again: the token is never
 * written anywhere in clear. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "icw-sync-error.h"
#include "icw-sync-token.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "org.mfginnovation.Workbench.Token", SECRET_SCHEMA_NONE,
    { { "server", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  return &schema;
}

char *
icw_sync_token_lookup (const char    *server_url,
                       GCancellable  *cancellable,
                       GError       **error)
{
  const char *env = g_getenv ("ICW_TOKEN");
  g_autoptr(GError) local_error = NULL;
  char *secret;
  char *token;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  secret = secret_password_lookup_sync (token_schema (), cancellable, &local_error,
                                        "server", server_url, NULL);
  if (secret == NULL)
    {
      if (local_error != NULL)
        g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_NO_TOKEN,
                     _("No token for %s: the keyring could not be read (%s). Sign in again, or set ICW_TOKEN."),
                     server_url, local_error->message);
      else
        g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_NO_TOKEN,
                     _("No token for %s in the keyring. Sign in again, or set ICW_TOKEN."), server_url);
      return NULL;
    }
  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}

gboolean
icw_sync_token_store (const char    *server_url,
                      const char    *token,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *label = g_strdup_printf (_("Innovation Center Workbench token for %s"), server_url);

  return secret_password_store_sync (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                                     cancellable, error, "server", server_url, NULL);
}

gboolean
icw_sync_token_clear (const char    *server_url,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!secret_password_clear_sync (token_schema (), cancellable, &local_error, "server", server_url, NULL) &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
