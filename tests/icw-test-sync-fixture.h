/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-test-sync-fixture.h: what the window's sync tests share: a reference server on loopback with
 * an administrator's token for one center, two client databases, the keyring in a file and the
 * sync settings reset; and the main-loop helpers that wait for the sync controller. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "icw-center.h"
#include "icw-store.h"
#include "icw-sync-client.h"
#include "icw-sync-controller.h"
#include "icw-sync-server.h"

G_BEGIN_DECLS

/* The reference server on loopback, on a database of its own in a temporary folder of its own,
 * where a test's client databases go too (icw_test_open_store_in): how the tests of the server
 * and the client start. */
typedef struct {
  char          *dir;
  char          *location;  /* the server's database (icw_test_server_location) */
  IcwSyncServer *server;
  char          *url;
} IcwTestServer;

/* tmpl names the temporary folder, as for icw_test_make_tmp_dir. */
void      icw_test_server_start      (IcwTestServer      *s,
                                      const char         *tmpl);
/* Stops the server and removes the folder (close the test's stores first). */
void      icw_test_server_stop       (IcwTestServer      *s);
/* A new token of ROLE ("admin", "reviewer") for SCOPE (a center's ID, a province). */
char     *icw_test_server_add_token  (IcwTestServer      *s,
                                      const char         *role,
                                      const char         *scope);

/* A sync both ways of STORE with the server at URL as TOKEN, asserted to end without an error, a
 * conflict or a refused change. */
IcwSyncReport icw_test_sync_both     (IcwStore           *store,
                                      const char         *url,
                                      const char         *token);

typedef struct {
  char *dir;
  IcwSyncServer *server;
  char *url;
  char *location;           /* the server's database (icw_test_server_location) */
  char *admin;
  IcwStore *a;
  IcwStore *b;
  IcwCenter *center;        /* in a */
  GSettings *settings;
} IcwTestSyncFixture;

/* The server's database for a test: with ICW_TEST_SERVER_BACKEND=postgresql (tests/with-pg.sh) a
 * new database in the cluster ICW_TEST_PG names, as a conninfo; otherwise dir/server.db. */
char *icw_test_server_location       (const char         *dir);
/* Whether the tests' server runs on PostgreSQL. */
gboolean icw_test_server_is_pg       (void);
/* Runs SQL on the server's database behind the server's back (a bad row, a revoked token):
 * sqlite_sql on a SQLite file, pg_sql (NULL: the same) on PostgreSQL. */
void  icw_test_server_exec           (const char         *location,
                                      const char         *sqlite_sql,
                                      const char         *pg_sql);

/* Raw HTTP to the reference server on loopback, answered on this same main context: METHOD on
 * URL + PATH with TOKEN as the bearer (NULL: none) and BODY as JSON (NULL: none); the answer's
 * JSON in ANSWER when asked for (NULL when it is not JSON). Returns the HTTP status. */
guint icw_test_server_request        (SoupSession        *session,
                                      const char         *url,
                                      const char         *method,
                                      const char         *path,
                                      const char         *token,
                                      const char         *body,
                                      JsonNode          **answer);

/* tmpl names the temporary folder, as for icw_test_make_tmp_dir. */
void icw_test_sync_fixture_set_up    (IcwTestSyncFixture *f,
                                      const char         *tmpl);
void icw_test_sync_fixture_tear_down (IcwTestSyncFixture *f);

/* Runs what the main loop has ready. */
void icw_test_iterate                (void);
/* Runs the main loop until the controller reaches the state, or fails after 20 s. */
void icw_test_wait_sync_state        (IcwSyncController  *controller,
                                      IcwSyncState        state);

G_END_DECLS
