/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-digest.h: the SHA-256 of a push body's bytes as the body reader walks them (the
 * idempotency key's batch, docs/sync-protocol.md), fed in pieces and written out as GLib's
 * g_checksum_get_string writes it (64 lowercase hex digits). GnuTLS computes it, with the CPU's
 * SHA instructions where it has them; GLib's GChecksum (plain C) only if GnuTLS refuses. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IcwSyncDigest IcwSyncDigest;

IcwSyncDigest *icw_sync_digest_new    (void);
void           icw_sync_digest_update (IcwSyncDigest *self,
                                       const void    *data,
                                       gsize          length);
/* The digest of everything fed so far, as hex; the digest takes no more bytes after it. NULL when
 * GnuTLS refused a piece (then there is no digest of these bytes: the caller must not go on as if
 * it had one). */
const char    *icw_sync_digest_get_string (IcwSyncDigest *self);
void           icw_sync_digest_free   (IcwSyncDigest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwSyncDigest, icw_sync_digest_free)

G_END_DECLS
