/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-database.c: the storage rules of DESIGN.md. A database is checked before anything is written
 * to it: a file of another program or of a newer schema is refused and left byte-for-byte as it
 * was. Then WAL, synchronous=FULL, foreign keys and a busy timeout are set and verified, and the
 * migrations run, each after a VACUUM INTO backup and inside one BEGIN IMMEDIATE transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-schema.h"
#include "icw-sqlite-locks.h"

#define BUSY_TIMEOUT_MS 5000

void
icw_database_set_error (GError  **error,
                        sqlite3  *db,
                        int       rc)
{
  int code = ICW_ERROR_DATABASE;

  if (rc == SQLITE_NOTADB)
    code = ICW_ERROR_NOT_WORKBENCH;
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = ICW_ERROR_INVALID;

  g_set_error (error, ICW_ERROR, code, _("The database reported an error: %s"),
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
icw_database_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      icw_database_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_database_begin (sqlite3  *db,
                    GError  **error)
{
  return icw_database_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
icw_database_commit (sqlite3  *db,
                     GError  **error)
{
  if (!icw_database_exec (db, "COMMIT", error))
    {
      /* A failed COMMIT may leave the transaction open; undo it so the next write starts clean. */
      icw_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

void
icw_database_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
icw_database_prepare (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      icw_database_set_error (error, db, rc);
      return NULL;
    }
  return stmt;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = icw_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      icw_database_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_text_equals (sqlite3     *db,
                   const char  *sql,
                   const char  *expected,
                   GError     **error)
{
  sqlite3_stmt *stmt = icw_database_prepare (db, sql, error);
  gboolean same;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  same = rc == SQLITE_ROW &&
         g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
  sqlite3_finalize (stmt);
  if (!same)
    g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE,
                 _("The database could not be set up safely (%s)"), sql);
  return same;
}

int
icw_database_user_version (sqlite3 *db)
{
  int version = -1;

  query_int (db, "PRAGMA user_version", &version, NULL);
  return version;
}

/* VALUE (0 <= VALUE < 10^WIDTH) as WIDTH decimal digits, zero-padded, at P; returns the end. */
static char *
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    p[i] = (char) ('0' + value % 10);
  return p + width;
}

/* What g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ") writes, without a GDateTime and its
 * format parser: every save stamps its row and its outbox entry (issue 20: one edit near a bare
 * UPDATE). */
char *
icw_database_now (void)
{
  gint64 us = g_get_real_time ();
  time_t seconds = (time_t) (us / G_USEC_PER_SEC);
  struct tm tm;
  char text[40];

  gmtime_r (&seconds, &tm);
  /* The digits written by hand: g_snprintf's format parsing was most of what this cost, once a
   * save (issue 20). A year outside 0–9999 (a clock gone wrong) keeps g_snprintf's spelling. */
  if (tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999 || us < 0)
    g_snprintf (text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int) (us % G_USEC_PER_SEC));
  else
    {
      char *p = text;

      p = put_digits (p, tm.tm_year + 1900, 4);
      *p++ = '-';
      p = put_digits (p, tm.tm_mon + 1, 2);
      *p++ = '-';
      p = put_digits (p, tm.tm_mday, 2);
      *p++ = 'T';
      p = put_digits (p, tm.tm_hour, 2);
      *p++ = ':';
      p = put_digits (p, tm.tm_min, 2);
      *p++ = ':';
      p = put_digits (p, tm.tm_sec, 2);
      *p++ = '.';
      p = put_digits (p, (int) (us % G_USEC_PER_SEC), 6);
      *p++ = 'Z';
      *p = '\0';
    }
  return g_strdup (text);
}

/* Refuses, before anything is written, a file that is not ours or is newer than we understand. */
static gboolean
check_identity (sqlite3                 *db,
                const char              *path,
                const IcwDatabaseSchema *schema,
                int                     *version,
                GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  int app_id = 0, tables = 0;

  if (!query_int (db, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int (db, "PRAGMA user_version", version, &local_error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master", &tables, &local_error))
    {
      /* Only "not a database" says what the file is; busy or unreadable says nothing about it. */
      if (g_error_matches (local_error, ICW_ERROR, ICW_ERROR_NOT_WORKBENCH))
        g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_WORKBENCH,
                     _("“%s” is not a database that Innovation Center Workbench can open"), path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((app_id != 0 && app_id != (int) schema->application_id) || (app_id == 0 && tables > 0))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_WORKBENCH,
                   _("“%s” belongs to another program; it was not changed"), path);
      return FALSE;
    }

  if (*version > schema->latest_version)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_FUTURE_DATABASE,
                   _("“%s” was written by a newer version of Innovation Center Workbench "
                     "(schema %d; this version knows up to %d). Please update the program. "
                     "The database was not changed."),
                   path, *version, schema->latest_version);
      return FALSE;
    }

  return TRUE;
}

/* A file that does not start with SQLite's magic string is not a database, whatever SQLite makes
 * of it (it takes a file of one byte for an empty database, and would write over it). The header is
 * read through the connection's own file handle: a descriptor of the database opened and closed
 * anywhere else in the process would drop the process's locks on it (see icw-sqlite-locks.c). */
static gboolean
check_magic (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[sizeof magic];
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL ||
      file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, _("Could not open “%s”: %s"),
                   path, sqlite3_errmsg (db));
      return FALSE;
    }
  /* The unix VFS reports a file of one byte as empty (a work-around of its own): reading that
   * byte tells the two apart. */
  if (size == 0 && file->pMethods->xRead (file, header, 1, 0) != SQLITE_OK)
    return TRUE;   /* empty: a new database */
  if (size >= (sqlite3_int64) sizeof header &&
      file->pMethods->xRead (file, header, sizeof header, 0) == SQLITE_OK &&
      memcmp (header, magic, sizeof magic) == 0)
    return TRUE;

  g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_WORKBENCH,
               _("“%s” is not a database that Innovation Center Workbench can open"), path);
  return FALSE;
}

/* A scratch database (icw_database_open_scratch) is synchronous=OFF from the first write (the
 * switch to WAL would otherwise sync): SQLite then never syncs it, neither at a commit nor at a
 * checkpoint. */
static gboolean
apply_settings (sqlite3     *db,
                gboolean     scratch,
                GError     **error)
{
  return (!scratch || icw_database_exec (db, "PRAGMA synchronous = OFF", error)) &&
         query_text_equals (db, "PRAGMA journal_mode = WAL", "wal", error) &&
         icw_database_exec (db, scratch ? "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON"
                                        : "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error) &&
         query_text_equals (db, "PRAGMA synchronous", scratch ? "0" : "2", error) &&
         query_text_equals (db, "PRAGMA foreign_keys", "1", error);
}

/* The storage rules' synchronous=FULL, or NORMAL for a transaction whose every row can be fetched
 * again (a pull page with its cursor: docs/sync-protocol.md, "Durability of a pull page"). In WAL
 * mode, which apply_settings makes sure of, NORMAL keeps the file consistent and skips only the
 * commit's fsync of the WAL: a power cut may undo the last such commits, never a part of one, and
 * the next commit under FULL syncs the WAL with every frame before it. SQLite takes the level at
 * the PRAGMA's preparation and refuses it inside a transaction, so it is run, not cached, and
 * read back. */
gboolean
icw_database_set_synchronous (sqlite3   *db,
                              gboolean   full,
                              GError   **error)
{
  return icw_database_exec (db, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", error) &&
         query_text_equals (db, "PRAGMA synchronous", full ? "2" : "1", error);
}

static gboolean
backup_before_migration (sqlite3     *db,
                         const char  *path,
                         int          version,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *backup = g_strdup_printf ("%s.v%d-%s.backup", path, version, stamp);
  char *sql;
  gboolean ok;

  /* A second migration in the same second reuses the name: VACUUM INTO needs it free. */
  g_unlink (backup);
  /* Quoted by SQLite, and so freed by SQLite: its allocations are not GLib's. */
  sql = sqlite3_mprintf ("VACUUM INTO %Q", backup);
  if (sql == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, _("Out of memory"));
      return FALSE;
    }
  ok = icw_database_exec (db, sql, error);
  sqlite3_free (sql);
  if (!ok)
    {
      g_prefix_error (error, _("Could not back up the database before upgrading it: "));
      return FALSE;
    }
  return TRUE;
}

/* No row points at a record that is not there (PRAGMA foreign_key_check answers no row). */
static gboolean
foreign_keys_hold (sqlite3  *db,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE,
                 _("a row of “%s” points at a record of “%s” that is not there"),
                 (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 2));
  else if (rc != SQLITE_DONE)
    g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
migrate (sqlite3                 *db,
         const char              *path,
         const IcwDatabaseSchema *schema,
         int                      from,
         GError                 **error)
{
  for (int v = from + 1; v <= schema->latest_version; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v);

      /* A database created by this call has nothing to back up; an older one is copied once,
       * as the user had it, before the first of its migrations. */
      if (from > 0 && v == from + 1 && !backup_before_migration (db, path, from, error))
        return FALSE;

      /* SQLite's procedure for changing a table (https://sqlite.org/lang_altertable.html,
       * "making other kinds of table schema changes"): foreign keys off outside the transaction
       * (a table rebuilt and renamed keeps the rows that point at it), and checked before the
       * commit; on again whatever happens. */
      if (!icw_database_exec (db, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      if (!icw_database_begin (db, error))
        {
          icw_database_exec (db, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (!icw_database_exec (db, schema->migrations[v], error) ||
          !foreign_keys_hold (db, error) ||
          !icw_database_exec (db, set_version, error) ||
          !icw_database_commit (db, error))
        {
          icw_database_rollback (db);
          icw_database_exec (db, "PRAGMA foreign_keys = ON", NULL);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), v);
          return FALSE;
        }
      if (!icw_database_exec (db, "PRAGMA foreign_keys = ON", error))
        return FALSE;
    }
  return TRUE;
}

static sqlite3 *open_schema (const char              *path,
                              const IcwDatabaseSchema *schema,
                              gboolean                 scratch,
                              GError                 **error);

static sqlite3 *
open_workbench (const char  *path,
                gboolean     scratch,
                GError     **error)
{
  IcwDatabaseSchema schema = { ICW_SCHEMA_APPLICATION_ID, NULL, 0 };
  const char **list = g_new0 (const char *, icw_schema_latest_version () + 1);
  sqlite3 *db;

  for (int v = 1; v <= icw_schema_latest_version (); v++)
    list[v] = icw_schema_migration (v);
  schema.migrations = list;
  schema.latest_version = icw_schema_latest_version ();
  db = open_schema (path, &schema, scratch, error);
  g_free (list);
  return db;
}

sqlite3 *
icw_database_open (const char  *path,
                   GError     **error)
{
  return open_workbench (path, FALSE, error);
}

sqlite3 *
icw_database_open_scratch (const char  *path,
                           GError     **error)
{
  return open_workbench (path, TRUE, error);
}

/* Opens a database of the given schema (the workbench's, or the sync server's) under the same
 * storage rules. */
sqlite3 *
icw_database_open_schema (const char              *path,
                          const IcwDatabaseSchema *schema,
                          GError                 **error)
{
  return open_schema (path, schema, FALSE, error);
}

static sqlite3 *
open_schema (const char              *path,
             const IcwDatabaseSchema *schema,
             gboolean                 scratch,
             GError                 **error)
{
  g_autofree char *wal = NULL;
  gboolean had_wal;
  sqlite3 *db = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* Every connection of the process must lock as icw-sqlite-locks.c does (it is installed before
   * main() runs; this also keeps its object linked into every program that opens a database). */
  if (!icw_sqlite_locks_installed ())
    g_debug ("SQLite locks are plain POSIX locks in this process");

  wal = g_strconcat (path, "-wal", NULL);
  had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, _("Could not open “%s”: %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  if (!check_magic (db, path, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  /* Closing the last connection to a database in WAL mode checkpoints its -wal file into it: a
   * newer version's database with changes still in its -wal would be rewritten by a refusal. So
   * until the file is known to be ours, closing does not checkpoint. (Without a -wal to begin
   * with there is nothing to checkpoint, and the -wal and -shm that reading made are removed.) */
  if (had_wal)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (!check_identity (db, path, schema, &version, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  if (had_wal)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!apply_settings (db, scratch, error) ||
      !migrate (db, path, schema, version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}
