/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-error.c: the error domain of the sync layer. */
#include "config.h"

#include "icw-sync-error.h"

G_DEFINE_QUARK (icw-sync-error-quark, icw_sync_error)
