/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sqlite-locks.h: SQLite's locks kept against close() elsewhere in the process (see the .c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the process's SQLite connections lock with open file description locks. */
gboolean icw_sqlite_locks_installed (void);

G_END_DECLS
