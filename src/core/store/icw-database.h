/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-database.h: opening the SQLite file under the storage rules, migrations, transactions and
 * error reporting. Only the store (icw-store*.c) uses it. */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* A schema: the application_id stamped in the file and its migrations (migrations[v] turns
 * version v-1 into v; migrations[0] is unused). */
typedef struct {
  guint32             application_id;
  const char *const  *migrations;
  int                 latest_version;
} IcwDatabaseSchema;

sqlite3  *icw_database_open          (const char  *path,
                                      GError     **error);
/* A new workbench database that is thrown away after use (the sync server's check.db): its
 * schema as icw_database_open makes it, but synchronous=OFF, so that nothing is ever synced: a
 * crash may leave it corrupt, which does not matter since nothing reads it again. */
sqlite3  *icw_database_open_scratch  (const char  *path,
                                      GError     **error);
sqlite3  *icw_database_open_schema   (const char              *path,
                                      const IcwDatabaseSchema *schema,
                                      GError                 **error);
gboolean  icw_database_exec          (sqlite3     *db,
                                      const char  *sql,
                                      GError     **error);
gboolean  icw_database_begin         (sqlite3     *db,
                                      GError     **error);
gboolean  icw_database_commit        (sqlite3     *db,
                                      GError     **error);
void      icw_database_rollback      (sqlite3     *db);
gboolean  icw_database_set_synchronous (sqlite3  *db,
                                        gboolean  full,
                                        GError  **error);
sqlite3_stmt *icw_database_prepare   (sqlite3     *db,
                                      const char  *sql,
                                      GError     **error);
void      icw_database_set_error     (GError     **error,
                                      sqlite3     *db,
                                      int          rc);
int       icw_database_user_version  (sqlite3     *db);
char     *icw_database_now           (void);

G_END_DECLS
