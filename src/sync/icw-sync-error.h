/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-error.h: the error domain of the sync layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICW_SYNC_ERROR (icw_sync_error_quark ())

typedef enum {
  ICW_SYNC_ERROR_INVALID,        /* JSON that breaks the protocol; the message names the member */
  ICW_SYNC_ERROR_UNAUTHORIZED,   /* 401: no token, or one the server does not know */
  ICW_SYNC_ERROR_FORBIDDEN,      /* 403: outside the token's scope */
  ICW_SYNC_ERROR_GONE,           /* 410: the cursor is older than the tombstone horizon */
  ICW_SYNC_ERROR_TOO_LARGE,      /* 413 */
  ICW_SYNC_ERROR_UNAVAILABLE,    /* retries used up (network, 429, 5xx) */
  ICW_SYNC_ERROR_HTTP,           /* another status */
  ICW_SYNC_ERROR_INSECURE,       /* plain http to a host other than loopback */
  ICW_SYNC_ERROR_NO_TOKEN,       /* neither ICW_TOKEN nor the keyring has a token */
  ICW_SYNC_ERROR_TLS,            /* the server's certificate is not trusted: never retried */
  ICW_SYNC_ERROR_DEADLINE,       /* a request took longer than its total deadline */
} IcwSyncError;

GQuark icw_sync_error_quark (void);

G_END_DECLS
