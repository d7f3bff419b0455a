/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-shares.h: integer arithmetic of shares in basis points (10000 = 100%), with no floating
 * point: the total and the remainder of a list of shares, an equal split and a split in
 * proportion to contributions, both by the largest remainder so that the shares always total
 * exactly 100.00%. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sum of the shares (each 0…10000, so no overflow for any realistic number of parties). */
gint64   icw_shares_total              (const gint64  *shares,
                                        guint          n);
/* 10000 minus the total: what is left to give, negative when the shares exceed 100%. */
gint64   icw_shares_remainder          (const gint64  *shares,
                                        guint          n);

/* Splits 10000 among n parties: each gets 10000 / n and the first 10000 % n get one more
 * (three parties: 3334, 3333, 3333). Fails for n = 0 or n > 10000. */
gboolean icw_shares_split_equally      (guint          n,
                                        gint64        *out,
                                        GError       **error);
/* Splits 10000 in proportion to the contributions (fen, not negative), by the largest remainder:
 * each gets the whole part of 10000 × c / total, and the basis points left over go one each to
 * the largest fractional parts, earlier parties first on a tie. Exact for any gint64
 * contributions (128-bit products). Fails when every contribution is zero or one is negative;
 * the message names the party by its 1-based position. */
gboolean icw_shares_split_by_contribution (const gint64 *contributions,
                                           guint         n,
                                           gint64       *out,
                                           GError      **error);

G_END_DECLS
