/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-token.h: the user's sync token, kept in the keyring through libsecret under the schema
 * "org.mfginnovation.Workbench.Token" keyed by the server's URL; never in the database or in
 * settings. ICW_TOKEN in the environment overrides the keyring (scripts, tests). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *icw_sync_token_lookup (const char    *server_url,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  icw_sync_token_store  (const char    *server_url,
                                 const char    *token,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  icw_sync_token_clear  (const char    *server_url,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
