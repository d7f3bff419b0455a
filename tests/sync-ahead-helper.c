/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync-ahead-helper.c: the program that test-sync-ahead starts and that kills itself inside a push.
 * It opens the store at DB and pushes its outbox to URL as TOKEN in batches of BATCH changes; an
 * update hook on every SQLite connection it opens counts the outbox rows deleted, and at the
 * KILL_AT-th (a batch's acknowledgement, before its transaction commits) the process sends itself
 * SIGKILL. KILL_AT "prepared": it kills itself once a commit has left a next batch's key in the sync
 * state (the batch after the one in flight prepared, not yet sent). It exits normally only when no
 * such point came (the test then fails), or, KILL_AT 0, when the push ended well. */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include "icw-store.h"
#include "icw-sync-client.h"

static guint64 kill_at;
static guint64 deleted;
static gboolean kill_when_prepared;

/* After each COMMIT: the process dies once the sync state holds a next-key, read through a
 * connection of its own (opened without this hook). */
static int
on_statement_done (unsigned  type,
                   void     *data,
                   void     *statement,
                   void     *nanoseconds)
{
  static gboolean checking;
  const char *sql = sqlite3_sql (statement);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (checking || sql == NULL || g_ascii_strncasecmp (sql, "COMMIT", 6) != 0)
    return 0;
  checking = TRUE;
  if (sqlite3_open_v2 (sqlite3_db_filename (sqlite3_db_handle (statement), "main"), &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM sync_state WHERE key LIKE 'next-key %'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    kill (getpid (), SIGKILL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  checking = FALSE;
  return 0;
}

static void
on_update (void          *data,
           int            op,
           const char    *database,
           const char    *table,
           sqlite3_int64  rowid)
{
  if (kill_at > 0 && op == SQLITE_DELETE && g_strcmp0 (table, "outbox") == 0 && ++deleted >= kill_at)
    kill (getpid (), SIGKILL);
}

static int
watch_connection (sqlite3                           *db,
                  const char                       **message,
                  const struct sqlite3_api_routines *api)
{
  sqlite3_update_hook (db, on_update, NULL);
  if (kill_when_prepared)
    sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, on_statement_done, NULL);
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
  kill_when_prepared = g_str_equal (argv[5], "prepared");
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
  if (kill_at == 0 && !kill_when_prepared)
    return 0;
  g_printerr ("sync-ahead-helper: the push ended without reaching %s\n", argv[5]);
  return 3;
}
