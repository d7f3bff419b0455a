/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-shares.c: shares in basis points, split by the largest-remainder method. Products of a
 * contribution in fen and 10000 exceed 64 bits for large contributions, so the proportional split
 * computes in 128-bit integers; nothing here is floating point. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-error.h"
#include "icw-shares.h"
#include "icw-types.h"

#ifndef __SIZEOF_INT128__
#error "icw-shares.c needs a compiler with 128-bit integers (GCC or Clang on a 64-bit target)"
#endif

typedef unsigned __int128 u128;

gint64
icw_shares_total (const gint64 *shares,
                  guint         n)
{
  gint64 total = 0;

  g_return_val_if_fail (shares != NULL || n == 0, 0);

  for (guint i = 0; i < n; i++)
    total += shares[i];
  return total;
}

gint64
icw_shares_remainder (const gint64 *shares,
                      guint         n)
{
  return ICW_BASIS_POINTS_WHOLE - icw_shares_total (shares, n);
}

gboolean
icw_shares_split_equally (guint    n,
                          gint64  *out,
                          GError **error)
{
  g_return_val_if_fail (out != NULL || n == 0, FALSE);

  if (n == 0 || n > ICW_BASIS_POINTS_WHOLE)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Revenue shares: they can be split among 1 to %d parties"), ICW_BASIS_POINTS_WHOLE);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    out[i] = ICW_BASIS_POINTS_WHOLE / n + (i < ICW_BASIS_POINTS_WHOLE % n ? 1 : 0);
  return TRUE;
}

gboolean
icw_shares_split_by_contribution (const gint64 *contributions,
                                  guint         n,
                                  gint64       *out,
                                  GError      **error)
{
  g_autofree u128 *remainders = NULL;
  u128 total = 0;
  gint64 given = 0;

  g_return_val_if_fail (contributions != NULL || n == 0, FALSE);
  g_return_val_if_fail (out != NULL || n == 0, FALSE);

  for (guint i = 0; i < n; i++)
    {
      if (contributions[i] < 0)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("Contribution of party %u: it cannot be negative"), i + 1);
          return FALSE;
        }
      total += (u128) contributions[i];
    }
  if (total == 0)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           _("Contributions: every party's contribution is zero, so there is nothing to split in proportion to; enter the contributions or split equally"));
      return FALSE;
    }

  remainders = g_new (u128, n);
  for (guint i = 0; i < n; i++)
    {
      u128 scaled = (u128) contributions[i] * ICW_BASIS_POINTS_WHOLE;

      out[i] = (gint64) (scaled / total);
      remainders[i] = scaled % total;
      given += out[i];
    }

  /* Fewer than n basis points are left: one each to the largest remainders, the earlier party
   * first on a tie. */
  while (given < ICW_BASIS_POINTS_WHOLE)
    {
      guint best = G_MAXUINT;

      for (guint i = 0; i < n; i++)
        if (remainders[i] > 0 && (best == G_MAXUINT || remainders[i] > remainders[best]))
          best = i;
      g_assert (best != G_MAXUINT);
      out[best]++;
      remainders[best] = 0;
      given++;
    }
  return TRUE;
}
