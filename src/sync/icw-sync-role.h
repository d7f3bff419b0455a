/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-role.h: what the signed-in token is, asked of the server (GET /v1/token,
 * docs/sync-protocol.md): an administrator's of one center or a reviewer's of one province. The
 * window shows a reviewer's workspace for a reviewer's token. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  ICW_SYNC_ROLE_UNKNOWN,        /* not asked yet, or the server did not say */
  ICW_SYNC_ROLE_ADMINISTRATOR,
  ICW_SYNC_ROLE_REVIEWER,
} IcwSyncRole;

/* Reads the server's answer (length -1: NUL-terminated); ICW_SYNC_ROLE_UNKNOWN for anything else. *province (a reviewer's
 * GB/T 2260 code) may be NULL. */
IcwSyncRole icw_sync_role_parse        (const char           *json,
                                        gssize                length,
                                        char                **province);
void        icw_sync_role_fetch_async  (const char           *server_url,
                                        const char           *token,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
IcwSyncRole icw_sync_role_fetch_finish (GAsyncResult         *result,
                                        char                **province,
                                        GError              **error);

G_END_DECLS
