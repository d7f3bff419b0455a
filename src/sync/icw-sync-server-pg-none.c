/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-pg-none.c: the reference server's PostgreSQL storage in a build without libpq
 * (meson -Dpostgresql=disabled, as the Flatpak builds: libpq is not in the GNOME runtime, and a
 * workstation serves, if at all, from a SQLite file). Opening a PostgreSQL location says so,
 * naming what to do instead; everything else about the server is the same. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-error.h"
#include "icw-sync-server-store.h"

int
icw_server_store_pg_latest_version (void)
{
  return 0;
}

IcwServerStore *
icw_server_store_open_pg (const char  *conninfo,
                          GError     **error)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED,
               _("This build of the program has no PostgreSQL support: keep the server's data in a SQLite file (--db), or run a build made with PostgreSQL"));
  return NULL;
}
