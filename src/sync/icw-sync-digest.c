/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-digest.c: SHA-256 through GnuTLS (icw-sync-digest.h). GLib's GChecksum is portable C;
 * GnuTLS picks the CPU's SHA extensions or SSSE3/AVX code at run time, about a sixth of the time
 * on a CPU with SHA-NI (docs/performance.md, issue 20). The digest is the same, so the protocol is
 * unchanged. */
#include "config.h"

#include <gnutls/crypto.h>

#include "icw-sync-digest.h"

#define SHA256_LENGTH 32

struct _IcwSyncDigest {
  gnutls_hash_hd_t hash;       /* NULL when GnuTLS refused: then fallback */
  GChecksum       *fallback;
  char             hex[SHA256_LENGTH * 2 + 1];
  gboolean         done;
  gboolean         failed;      /* GnuTLS refused a piece: no digest at all */
};

IcwSyncDigest *
icw_sync_digest_new (void)
{
  IcwSyncDigest *self = g_new0 (IcwSyncDigest, 1);

  if (gnutls_hash_init (&self->hash, GNUTLS_DIG_SHA256) < 0)
    {
      self->hash = NULL;
      self->fallback = g_checksum_new (G_CHECKSUM_SHA256);
    }
  return self;
}

void
icw_sync_digest_update (IcwSyncDigest *self,
                        const void    *data,
                        gsize          length)
{
  g_return_if_fail (self != NULL && !self->done);

  if (length == 0)
    return;
  if (self->failed)
    return;
  if (self->hash != NULL)
    {
      /* GnuTLS refuses only on a broken handle or in a failed FIPS state. GChecksum cannot take
       * over in the middle (the bytes already hashed are gone), and a digest without this piece
       * would bind the idempotency key to another batch: the digest is lost instead. */
      if (gnutls_hash (self->hash, data, length) < 0)
        self->failed = TRUE;
    }
  else
    g_checksum_update (self->fallback, data, length);
}

const char *
icw_sync_digest_get_string (IcwSyncDigest *self)
{
  static const char digits[] = "0123456789abcdef";
  guint8 value[SHA256_LENGTH];

  g_return_val_if_fail (self != NULL, NULL);

  if (self->done)
    return self->failed ? NULL : self->hex;
  self->done = TRUE;
  if (self->hash == NULL)
    {
      g_strlcpy (self->hex, g_checksum_get_string (self->fallback), sizeof self->hex);
      return self->hex;
    }
  gnutls_hash_deinit (self->hash, value);
  self->hash = NULL;
  if (self->failed)
    return NULL;
  for (guint i = 0; i < SHA256_LENGTH; i++)
    {
      self->hex[2 * i] = digits[value[i] >> 4];
      self->hex[2 * i + 1] = digits[value[i] & 0xf];
    }
  self->hex[SHA256_LENGTH * 2] = '\0';
  return self->hex;
}

void
icw_sync_digest_free (IcwSyncDigest *self)
{
  if (self == NULL)
    return;
  if (self->hash != NULL)
    gnutls_hash_deinit (self->hash, NULL);
  g_clear_pointer (&self->fallback, g_checksum_free);
  g_free (self);
}
