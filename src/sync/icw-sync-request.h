/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-request.h: the sync client's authorized request, and one HTTP exchange of it, bounded whatever the server does: a
 * total deadline (a GCancellable cancelled by a timeout source, besides the session's idle
 * timeout), the body read in chunks after decompression with a cap (a huge or inflating answer
 * stops early), and a TLS failure told apart from a server that cannot be reached. */
#pragma once

#include <libsoup/soup.h>

#include "icw-sync-source.h"

G_BEGIN_DECLS

/* A GET request for path (which starts with "/") on the server at server_url (with or without a
 * trailing slash), carrying token as its bearer credential; soup_message_set_method changes the
 * method. NULL with ICW_SYNC_ERROR_INVALID when the two do not make an address. */
SoupMessage *icw_sync_request_new (const char  *server_url,
                                   const char  *path,
                                   const char  *token,
                                   GError     **error);

/* Sends msg. The body is read only for a 2xx status and a 400 (an empty GBytes otherwise). Errors:
 * ICW_SYNC_ERROR_DEADLINE (the deadline passed), ICW_SYNC_ERROR_TLS (the certificate),
 * ICW_SYNC_ERROR_INVALID (the answer is over max_body), G_IO_ERROR_CANCELLED (the caller
 * cancelled), or the transport's own error. */
void    icw_sync_request_send_async  (SoupSession         *session,
                                      SoupMessage         *msg,
                                      gsize                max_body,
                                      guint                deadline_ms,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GBytes *icw_sync_request_send_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
