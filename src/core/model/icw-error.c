/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-error.c: the error domain of the core library. */
#include "config.h"

#include "icw-error.h"

G_DEFINE_QUARK (icw-error-quark, icw_error)
