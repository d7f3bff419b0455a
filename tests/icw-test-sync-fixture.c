/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-test-sync-fixture.c: the reference server, the two client databases and the main-loop
 * helpers that the window's sync tests share (see the header). */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

gboolean
icw_test_server_is_pg (void)
{
  return g_strcmp0 (g_getenv ("ICW_TEST_SERVER_BACKEND"), "postgresql") == 0;
}

#ifdef ICW_TEST_HAVE_PG
#include <libpq-fe.h>

static PGconn *
pg_connect (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to the tests' PostgreSQL cluster (%s): %s", conninfo, PQerrorMessage (conn));
  return conn;
}

static void
pg_exec (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
}
#else
/* A build without PostgreSQL (meson -Dpostgresql=disabled) has no pg tests; asking for the
 * backend anyway is the test run's mistake. */
typedef struct _PGconn PGconn;

static PGconn *
pg_connect (const char *conninfo)
{
  g_error ("ICW_TEST_SERVER_BACKEND=postgresql in a build without PostgreSQL (meson -Dpostgresql)");
  return NULL;
}

static void
pg_exec (PGconn     *conn,
         const char *sql)
{
}

#define PQfinish(conn) ((void) (conn))
#endif

char *
icw_test_server_location (const char *dir)
{
  const char *cluster = g_getenv ("ICW_TEST_PG");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  PGconn *conn;

  if (!icw_test_server_is_pg ())
    return g_build_filename (dir, "server.db", NULL);
  if (cluster == NULL || *cluster == '\0')
    g_error ("ICW_TEST_SERVER_BACKEND=postgresql needs ICW_TEST_PG, the conninfo of a cluster (tests/with-pg.sh)");
  /* A new database for every test; the cluster is thrown away after the suite. */
  name = g_strdup_printf ("icw_test_%08x%08x", g_random_int (), g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  conn = pg_connect (cluster);
  pg_exec (conn, sql);
  PQfinish (conn);
  /* In a conninfo the last value of a keyword wins. */
  return g_strdup_printf ("%s dbname=%s", cluster, name);
}

void
icw_test_server_exec (const char *location,
                      const char *sqlite_sql,
                      const char *pg_sql)
{
  if (icw_test_server_is_pg ())
    {
      PGconn *conn = pg_connect (location);

      pg_exec (conn, pg_sql != NULL ? pg_sql : sqlite_sql);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *db = icw_test_db_open (location, SQLITE_OPEN_READWRITE, NULL);
      char *message = NULL;

      if (sqlite3_exec (db, sqlite_sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", sqlite_sql, message);
      sqlite3_close (db);
    }
}

void
icw_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
icw_test_wait_sync_state (IcwSyncController *controller,
                          IcwSyncState       state)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (icw_sync_controller_get_state (controller) != state)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the sync state is %d (%s), not %d", icw_sync_controller_get_state (controller),
                 icw_sync_controller_get_message (controller), state);
      g_main_context_iteration (NULL, TRUE);
    }
}

void
icw_test_server_start (IcwTestServer *s,
                       const char    *tmpl)
{
  g_autoptr(GError) error = NULL;

  s->dir = icw_test_make_tmp_dir (tmpl, NULL);
  s->location = icw_test_server_location (s->dir);
  s->server = icw_sync_server_new (s->location, &error);
  g_assert_no_error (error);
  g_assert_true (icw_sync_server_listen (s->server, "127.0.0.1", 0, NULL, NULL, &error));
  g_assert_no_error (error);
  s->url = icw_sync_server_get_url (s->server);
}

void
icw_test_server_stop (IcwTestServer *s)
{
  g_clear_object (&s->server);
  g_clear_pointer (&s->url, g_free);
  g_clear_pointer (&s->location, g_free);
  icw_test_clear_tmp_dir (&s->dir, NULL);
}

char *
icw_test_server_add_token (IcwTestServer *s,
                           const char    *role,
                           const char    *scope)
{
  g_autoptr(GError) error = NULL;
  char *token = icw_sync_server_add_token (s->server, role, scope, &error);

  g_assert_no_error (error);
  return token;
}

IcwSyncReport
icw_test_sync_both (IcwStore   *store,
                    const char *url,
                    const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncClient) client = icw_sync_client_new (store, url, token, &error);
  IcwSyncReport report = { 0, };

  g_assert_no_error (error);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_BOTH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.conflicts, ==, 0);
  g_assert_cmpuint (report.rejected, ==, 0);
  return report;
}

void
icw_test_sync_fixture_set_up (IcwTestSyncFixture *f,
                              const char         *tmpl)
{
  IcwTestServer s = { NULL, };
  g_autofree char *keyring = NULL;

  icw_test_server_start (&s, tmpl);
  f->dir = s.dir;
  f->location = s.location;
  f->server = s.server;
  f->url = s.url;
  keyring = g_build_filename (f->dir, "test.keyring", NULL);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_unsetenv ("ICW_TOKEN");
  f->a = icw_test_open_store_in (f->dir, "a.db");
  f->b = icw_test_open_store_in (f->dir, "b.db");
  f->center = icw_center_new ();
  icw_center_set_name (f->center, "齐鲁智能传感器制造业创新中心");
  icw_center_set_province (f->center, "山东");
  icw_test_save (f->a, f->center);
  f->admin = icw_test_server_add_token (&s, "admin", icw_record_get_id (ICW_RECORD (f->center)));
  f->settings = g_settings_new ("org.mfginnovation.Workbench");
  g_settings_reset (f->settings, "sync-server-url");
  g_settings_reset (f->settings, "last-sync");
}

void
icw_test_sync_fixture_tear_down (IcwTestSyncFixture *f)
{
  icw_test_iterate ();
  g_clear_object (&f->settings);
  g_clear_object (&f->center);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_free (f->admin);
  icw_test_server_stop (&(IcwTestServer) { f->dir, f->location, f->server, f->url });
  f->dir = f->location = f->url = NULL;
  f->server = NULL;
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

guint
icw_test_server_request (SoupSession  *session,
                         const char   *url,
                         const char   *method,
                         const char   *path,
                         const char   *token,
                         const char   *body,
                         JsonNode    **answer)
{
  g_autofree char *uri = g_strconcat (url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  if (token != NULL)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request_body = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
    }
  /* Asynchronous: the server answers on this same main context. */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  bytes = soup_session_send_and_read_finish (session, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  return soup_message_get_status (msg);
}
