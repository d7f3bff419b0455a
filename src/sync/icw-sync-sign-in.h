/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-sign-in.h: what signing in to a sync server takes, off the main loop: the token looked
 * up in the keyring in a thread, and a new token checked against the server (one small pull)
 * before it is stored in the keyring. Used by IcwSyncController only. */
#pragma once

#include <gio/gio.h>

#include "icw-store.h"

G_BEGIN_DECLS

void      icw_sync_sign_in_lookup_async  (const char           *server_url,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
char     *icw_sync_sign_in_lookup_finish (GAsyncResult         *result,
                                          GError              **error);

/* On success *warning is set when the keyring could not keep the token (it is then good for
 * this session only). */
void      icw_sync_sign_in_check_async   (IcwStore             *store,
                                          const char           *server_url,
                                          const char           *token,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  icw_sync_sign_in_check_finish  (GAsyncResult         *result,
                                          char                **warning,
                                          GError              **error);

G_END_DECLS
