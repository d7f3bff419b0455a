/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-refusal.h: why a server refused a change, in the user's language, from the refusal's
 * stable code (docs/sync-protocol.md); the window and `icw sync` say the same. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The translated reason of a known code, or NULL (then show the server's own reason). */
const char *icw_sync_refusal_reason (const char *code);

G_END_DECLS
