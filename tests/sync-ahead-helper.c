/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync-ahead-helper.c: the program that test-sync-ahead starts and that kills itself inside a push.
 * It opens the store at DB and pushes its outbox to URL as TOKEN in batches of BATCH changes; an
 * update hook on every SQLite connection it opens counts the outbox rows deleted, and at the
 * KILL_AT-th (a batch's acknowledgement, before its transaction commits) the process sends itself
 * SIGKILL. It exits normally only when no such row was deleted: the test then fails. */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include "icw-store.h"
#include "icw-sync-client.h"

static guint64 kill_at;
static guint64 deleted;

static void
on_update (void          *data,
           int            op,
           const char    *database,
           const char    *table,
           sqlite3_int64  rowid)
{
  if (op == SQLITE_DELETE && g_strcmp0 (table, "outbox") == 0 && ++deleted >= kill_at)
    kill (getpid (), SIGKILL);
}

static int
watch_connection (sqlite3                           *db,
                  const char                       **message,
                  const struct sqlite3_api_routines *api)
{
  sqlite3_update_hook (db, on_update, NULL);
  return SQLITE_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwSyncClient) client = NULL;

  if (argc != 6)
    {
      g_printerr ("usage: sync-ahead-helper DB URL TOKEN BATCH KILL_AT\n");
      return 2;
    }
  kill_at = g_ascii_strtoull (argv[5], NULL, 10);
  sqlite3_auto_extension ((void (*) (void)) watch_connection);
  store = icw_store_open (argv[1], &error);
  if (store != NULL)
    client = icw_sync_client_new (store, argv[2], argv[3], &error);
  if (client == NULL)
    {
      g_printerr ("sync-ahead-helper: %s\n", error->message);
      return 1;
    }
  icw_sync_client_set_limits (client, (guint) g_ascii_strtoull (argv[4], NULL, 10), 100, 2, 10, 100, 10);
  if (!icw_sync_client_run (client, ICW_SYNC_PUSH, NULL, &error))
    {
      g_printerr ("sync-ahead-helper: %s\n", error->message);
      return 1;
    }
  g_printerr ("sync-ahead-helper: the push ended without deleting outbox row %" G_GUINT64_FORMAT "\n", kill_at);
  return 3;
}
