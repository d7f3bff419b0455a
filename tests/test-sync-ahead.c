/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-ahead.c: the next push batch is sent before the last one's answer is acknowledged
 * (issue 20; docs/sync-protocol.md, "The next batch sent before the last one is acknowledged"),
 * and nothing is lost or applied twice for it. An update hook on every SQLite connection sees the
 * first outbox row an acknowledgement deletes, and then reads the client's sync state through a
 * connection of its own: the next batch's key is committed by then. The sync-ahead-helper program
 * pushes the same database in a process of its own and kills itself (SIGKILL) inside an
 * acknowledgement, after the next batch went: the next run sends both batches again under their
 * keys, and the server and the client end with each record once, at the same revision; or once
 * the next batch's key is committed, before it went (prepared while the server handled the one
 * before). The server, on SQLite, holds its first write until the client has prepared the next
 * batch; a server on loopback answers "retry" once it is prepared. The real server on loopback, the
 * real client and stores. */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "icw-organization.h"
#include "icw-store-sync.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

#define BATCH 2

typedef struct {
  IcwTestSyncFixture sync;
  char *a_path;
  GPtrArray *ids;   /* the organizations saved in a */
} Fixture;

/* The hook's state: armed for the database at watched_path. */
static char *watched_path;
static gboolean delete_seen;
static gboolean next_key_at_first_delete;
/* The server's database, watched while the client at client_path pushes from a process of its
 * own: at the server's first write, the client's sync state is read until it has a next-key. */
static const char *server_path;
static const char *client_path;
static gboolean server_write_seen;
static gboolean next_key_while_server_busy;

/* How many keys of the sync state at path start with prefix, read through a connection of its own
 * (the client's may be inside its transaction). */
static gint64
count_rows (const char *path,
            const char *sql,
            const char *parameter)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (parameter != NULL)
        sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static gint64
count_state (const char *path,
             const char *prefix)
{
  return count_rows (path, "SELECT count(*) FROM sync_state WHERE substr(key, 1, length(?1)) = ?1", prefix);
}

/* The organizations in b's database. */
static gint64
count_organizations_in_b (Fixture *f)
{
  g_autofree char *b_path = g_build_filename (f->sync.dir, "b.db", NULL);

  return count_rows (b_path, "SELECT count(*) FROM organizations", NULL);
}

/* Inside the server's first write: the client's sync state, read until it holds a next-key (or
 * 10 s passed), while the server waits. */
static void
hold_server_until_next_key (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  server_write_seen = TRUE;
  while (!(next_key_while_server_busy = count_state (client_path, "next-key ") == 1) &&
         g_get_monotonic_time () < deadline)
    g_usleep (2000);
}

static void
on_update (void          *data,
           int            op,
           const char    *database,
           const char    *table,
           sqlite3_int64  rowid)
{
  if (server_path != NULL && !server_write_seen &&
      g_strcmp0 (sqlite3_db_filename (data, "main"), server_path) == 0)
    hold_server_until_next_key ();
  if (watched_path == NULL || delete_seen || op != SQLITE_DELETE || g_strcmp0 (table, "outbox") != 0)
    return;
  delete_seen = TRUE;
  next_key_at_first_delete = count_state (watched_path, "next-key ") == 1;
}

static int
watch_connection (sqlite3                           *db,
                  const char                       **message,
                  const struct sqlite3_api_routines *api)
{
  sqlite3_update_hook (db, on_update, db);
  return SQLITE_OK;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  icw_test_sync_fixture_set_up (&f->sync, "icw-sync-ahead-XXXXXX");
  f->a_path = g_build_filename (f->sync.dir, "a.db", NULL);
  f->ids = g_ptr_array_new_with_free_func (g_free);
  watched_path = NULL;
  delete_seen = FALSE;
  next_key_at_first_delete = FALSE;
  server_path = NULL;
  client_path = NULL;
  server_write_seen = FALSE;
  next_key_while_server_busy = FALSE;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  watched_path = NULL;
  g_ptr_array_unref (f->ids);
  g_free (f->a_path);
  icw_test_sync_fixture_tear_down (&f->sync);
}

static IcwSyncClient *
new_client (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  IcwSyncClient *client = icw_sync_client_new (f->sync.a, f->sync.url, f->sync.admin, &error);

  g_assert_no_error (error);
  icw_sync_client_set_limits (client, BATCH, 100, 2, 10, 100, 10);
  return client;
}

static void
save_organizations (Fixture *f,
                    guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("济南先进动力研究院%02u", f->ids->len);
      g_autoptr(IcwOrganization) organization = icw_test_save_organization (f->sync.a, name, NULL);

      g_ptr_array_add (f->ids, g_strdup (icw_record_get_id (ICW_RECORD (organization))));
    }
}

/* A push of a's outbox from this process, without an error, a conflict or a refusal. */
static void
push_all (Fixture *f)
{
  g_autoptr(IcwSyncClient) client = new_client (f);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.conflicts, ==, 0);
  g_assert_cmpuint (report.rejected, ==, 0);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "pending-"), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "next-"), ==, 0);
}

/* Every organization saved in a is on the server once, at the revision a holds: b pulls them. */
static void
assert_server_has_all (Fixture *f)
{
  icw_test_sync_both (f->sync.b, f->sync.url, f->sync.admin);
  for (guint i = 0; i < f->ids->len; i++)
    {
      g_autofree char *mine = icw_store_local_revision (f->sync.a, ICW_RECORD_KIND_ORGANIZATION, f->ids->pdata[i]);
      g_autofree char *theirs = icw_store_local_revision (f->sync.b, ICW_RECORD_KIND_ORGANIZATION, f->ids->pdata[i]);

      g_assert_nonnull (mine);
      g_assert_cmpstr (mine, ==, theirs);
    }
  g_assert_cmpint (count_organizations_in_b (f), ==, f->ids->len);
}

/* A batch's answer holds a conflict while the next batch is on its way: the conflict is kept as
 * it is without the batch after it, the other changes are applied. */
static void
test_conflict_while_next_in_flight (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(IcwSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) theirs = NULL;
  g_autoptr(IcwRecord) mine = NULL;
  IcwSyncReport report = { 0, };

  save_organizations (f, 1);
  push_all (f);
  /* b changes the organization on the server; a changes it too, on the revision before. */
  icw_test_sync_both (f->sync.b, f->sync.url, f->sync.admin);
  theirs = icw_store_find_by_name (f->sync.b, ICW_RECORD_KIND_ORGANIZATION, "济南先进动力研究院00", &error);
  g_assert_no_error (error);
  icw_organization_set_name (ICW_ORGANIZATION (theirs), "济南先进动力研究院（乙）");
  icw_test_save (f->sync.b, theirs);
  icw_test_sync_both (f->sync.b, f->sync.url, f->sync.admin);
  mine = icw_store_find_by_name (f->sync.a, ICW_RECORD_KIND_ORGANIZATION, "济南先进动力研究院00", &error);
  g_assert_no_error (error);
  icw_organization_set_name (ICW_ORGANIZATION (mine), "济南先进动力研究院（甲）");
  icw_test_save (f->sync.a, mine);
  /* Then 5 new ones: batches of 2, the conflict in the first. */
  save_organizations (f, 5);

  watched_path = f->a_path;
  client = new_client (f);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  /* The second batch's key was committed, and the batch sent, before the conflict was recorded. */
  g_assert_true (delete_seen);
  g_assert_true (next_key_at_first_delete);
  g_assert_cmpuint (report.conflicts, ==, 1);
  g_assert_cmpuint (report.pushed, ==, 5);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 0);
  g_assert_cmpint (icw_store_count_conflicts (f->sync.a), ==, 1);
  g_assert_cmpint (count_state (f->a_path, "pending-"), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "next-"), ==, 0);
  watched_path = NULL;
  /* The five new ones are on the server (b pulls them), the changed one as b left it. */
  icw_test_sync_both (f->sync.b, f->sync.url, f->sync.admin);
  g_assert_cmpint (count_organizations_in_b (f), ==, 6);
}

static void
child_exited (GPid     pid,
              gint     status,
              gpointer data)
{
  gint *out = data;

  *out = status;
  g_spawn_close_pid (pid);
}

/* The helper's exit status once it ended (kill_at: as sync-ahead-helper takes it). */
static gint
run_helper (Fixture    *f,
            const char *kill_at)
{
  const char *builddir = g_getenv ("ICW_TEST_BUILDDIR");
  g_autofree char *helper = g_build_filename (builddir != NULL ? builddir : ".", "sync-ahead-helper", NULL);
  g_autofree char *batch = g_strdup_printf ("%u", BATCH);
  const char *argv[] = { helper, f->a_path, f->sync.url, f->sync.admin, batch, kill_at, NULL };
  g_autoptr(GError) error = NULL;
  gint status = -1;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GPid pid;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited, &status);
  while (status == -1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return status;
}

/* sync-ahead-helper pushes a in a process of its own and kills itself at the kill_at-th outbox row
 * an acknowledgement deletes ("prepared": once a next batch's key is committed); the server goes
 * on in this process meanwhile. */
static void
push_and_kill (Fixture    *f,
               const char *kill_at)
{
  gint status = run_helper (f, kill_at);

  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

/* Killed between the second batch sent and the first acknowledged: both are pending, the first's
 * rows and the second's still in the outbox; the next run sends both again under their keys (the
 * server answers from what it stored, a changed body would be 422) and acknowledges them. */
static void
test_killed_between_next_sent_and_ack (Fixture       *f,
                                       gconstpointer  data)
{
  save_organizations (f, 6);   /* with the center, 7 changes: 4 batches */
  push_and_kill (f, "1");
  g_assert_cmpint (count_state (f->a_path, "pending-key "), ==, 1);
  g_assert_cmpint (count_state (f->a_path, "next-key "), ==, 1);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 7);
  push_all (f);
  assert_server_has_all (f);
}

/* Killed inside the second batch's acknowledgement, the third sent: the second's answer is lost.
 * The second is pending after the first's last row (pending-from), the third next; the next run
 * sends the second again exactly (its rows only) and the third. */
static void
test_answer_lost_recovered (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *kill_at = g_strdup_printf ("%u", BATCH + 1);

  save_organizations (f, 6);
  push_and_kill (f, kill_at);
  g_assert_cmpint (count_state (f->a_path, "pending-key "), ==, 1);
  g_assert_cmpint (count_state (f->a_path, "pending-from "), ==, 1);
  g_assert_cmpint (count_state (f->a_path, "next-key "), ==, 1);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 7 - BATCH);
  /* An edit while nothing runs goes after them, in a batch of its own. */
  save_organizations (f, 1);
  push_all (f);
  assert_server_has_all (f);
}

/* The batch after the first is prepared (its key committed) while the server handles the first:
 * the server, in this process, holds its first write until a's sync state has a next-key (the
 * client pushes from a process of its own). The server on SQLite only: on PostgreSQL its writes
 * are not seen here. */
static void
test_next_prepared_while_server_handles (Fixture       *f,
                                         gconstpointer  data)
{
  if (!g_str_has_suffix (f->sync.location, ".db"))
    {
      g_test_skip ("the server's writes are seen only on SQLite");
      return;
    }
  save_organizations (f, 6);
  server_path = f->sync.location;
  client_path = f->a_path;
  g_assert_cmpint (run_helper (f, "0"), ==, 0);
  server_path = NULL;
  g_assert_true (server_write_seen);
  g_assert_true (next_key_while_server_busy);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "pending-"), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "next-"), ==, 0);
  assert_server_has_all (f);
}

/* Killed once the second batch's key is committed, before that batch went (prepared while the
 * server handled the first, or at its answer): both keys pending, every row in the outbox. The
 * next run sends the first again under its key and the second under the key it was prepared
 * with, which the server has never seen: each record once, at the revision a holds. */
static void
test_killed_after_next_prepared (Fixture       *f,
                                 gconstpointer  data)
{
  save_organizations (f, 6);
  push_and_kill (f, "prepared");
  g_assert_cmpint (count_state (f->a_path, "pending-key "), ==, 1);
  g_assert_cmpint (count_state (f->a_path, "pending-from "), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "next-key "), ==, 1);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 7);
  save_organizations (f, 1);
  push_all (f);
  assert_server_has_all (f);
}

/* A server on loopback that answers the first push with "retry" for every change, once a's sync
 * state holds the next batch's key (prepared while it "handles" the first), and "applied" to every
 * push after it; it keeps the changes' IDs of each request. */
typedef struct {
  Fixture    *f;
  GPtrArray  *requests;   /* each request's IDs, space-separated */
  gboolean    prepared_before_answer;
  gint64      deadline;
} RetryServer;

typedef struct {
  RetryServer       *server;
  SoupServerMessage *msg;
  char              *answer;
} HeldAnswer;

static gboolean
answer_when_prepared (gpointer data)
{
  HeldAnswer *held = data;
  gboolean prepared = count_state (held->server->f->a_path, "next-key ") == 1;

  if (!prepared && g_get_monotonic_time () < held->server->deadline)
    return G_SOURCE_CONTINUE;
  held->server->prepared_before_answer = prepared;
  soup_server_message_set_status (held->msg, 200, NULL);
  soup_server_message_set_response (held->msg, "application/json", SOUP_MEMORY_COPY, held->answer, strlen (held->answer));
  soup_server_message_unpause (held->msg);
  g_object_unref (held->msg);
  g_free (held->answer);
  g_free (held);
  return G_SOURCE_REMOVE;
}

static void
retry_first (SoupServer        *soup,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           data)
{
  RetryServer *server = data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) json = g_string_new ("{\"results\":[");
  g_autoptr(GString) ids = g_string_new (NULL);
  gboolean first = server->requests->len == 0;
  JsonArray *changes;

  g_assert_true (json_parser_load_from_data (parser, body->data, body->length, NULL));
  changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (changes, i), "id");

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", id);
      if (first)
        g_string_append_printf (json, "%s{\"id\":\"%s\",\"status\":\"retry\"}", i > 0 ? "," : "", id);
      else
        g_string_append_printf (json, "%s{\"id\":\"%s\",\"status\":\"applied\",\"revision\":\"r%u-%u\"}",
                                i > 0 ? "," : "", id, server->requests->len, i);
    }
  g_string_append (json, "]}");
  g_ptr_array_add (server->requests, g_string_free (g_steal_pointer (&ids), FALSE));
  if (first)
    {
      HeldAnswer *held = g_new0 (HeldAnswer, 1);

      held->server = server;
      held->msg = g_object_ref (msg);
      held->answer = g_string_free (g_steal_pointer (&json), FALSE);
      server->deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      soup_server_message_pause (msg);
      g_timeout_add (5, answer_when_prepared, held);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json->str, json->len);
}

/* The first batch's answer asks for every change again while the second batch is prepared: the
 * first batch goes again, whole and first; the prepared one's key is forgotten (never sent) and its
 * rows go after it under a new key. */
static void
test_retry_while_next_prepared (Fixture       *f,
                                gconstpointer  data)
{
  RetryServer server = { f, g_ptr_array_new_with_free_func (g_free), FALSE, 0 };
  g_autoptr(SoupServer) soup = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncClient) client = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;
  IcwSyncReport report = { 0, };
  gint64 waiting;

  save_organizations (f, 5);
  waiting = icw_store_count_outbox (f->sync.a);
  soup_server_add_handler (soup, "/v1/push", retry_first, &server, NULL);
  g_assert_true (soup_server_listen_local (soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (soup);
  url = g_uri_to_string (uris->data);
  client = icw_sync_client_new (f->sync.a, url, "token", &error);
  g_assert_no_error (error);
  icw_sync_client_set_limits (client, BATCH, 100, 3, 10, 100, 10);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_true (server.prepared_before_answer);
  /* The first batch, then the same changes again, then the rest: every change once after. */
  g_assert_cmpuint (server.requests->len, ==, 1 + (waiting + BATCH - 1) / BATCH);
  g_assert_cmpstr (server.requests->pdata[1], ==, server.requests->pdata[0]);
  g_assert_cmpuint (report.pushed, ==, waiting);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "pending-"), ==, 0);
  g_assert_cmpint (count_state (f->a_path, "next-"), ==, 0);
  g_ptr_array_unref (server.requests);
}

/* A proxy on loopback in front of the server that counts the connections made through it. */
typedef struct {
  GSocketService *service;
  GSocketClient  *connector;
  char           *target;   /* the server's host:port */
  guint           connections;
} CountingProxy;

static void
proxy_spliced (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_io_stream_splice_finish (result, NULL);
}

static void
proxy_connected (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GSocketConnection) incoming = data;
  g_autoptr(GSocketConnection) outgoing = g_socket_client_connect_to_host_finish (G_SOCKET_CLIENT (source), result, NULL);

  if (outgoing != NULL)
    g_io_stream_splice_async (G_IO_STREAM (incoming), G_IO_STREAM (outgoing), G_IO_STREAM_SPLICE_CLOSE_STREAM1 |
                              G_IO_STREAM_SPLICE_CLOSE_STREAM2, G_PRIORITY_DEFAULT, NULL, proxy_spliced, NULL);
}

static gboolean
proxy_incoming (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source,
                gpointer           data)
{
  CountingProxy *proxy = data;

  proxy->connections++;
  g_socket_client_connect_to_host_async (proxy->connector, proxy->target, 0, NULL, proxy_connected,
                                         g_object_ref (connection));
  return TRUE;
}

/* The proxy's URL, in front of the server at server_url (http://127.0.0.1:PORT/). */
static char *
counting_proxy_start (CountingProxy *proxy,
                      const char    *server_url)
{
  g_autoptr(GUri) uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_assert_nonnull (uri);
  proxy->target = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  proxy->connector = g_socket_client_new ();
  proxy->service = g_socket_service_new ();
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (proxy->service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (proxy->service, "incoming", G_CALLBACK (proxy_incoming), proxy);
  g_socket_service_start (proxy->service);
  return g_strdup_printf ("http://127.0.0.1:%u/", port);
}

static void
counting_proxy_stop (CountingProxy *proxy)
{
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_clear_object (&proxy->service);
  g_clear_object (&proxy->connector);
  g_clear_pointer (&proxy->target, g_free);
}

/* A push of several batches keeps its connection: a new one a batch (libsoup's rule for a POST not
 * marked idempotent) would add a connect, and GIO's resolver, to every batch. */
static void
test_batches_share_a_connection (Fixture       *f,
                                 gconstpointer  data)
{
  CountingProxy proxy = { NULL, };
  g_autofree char *url = counting_proxy_start (&proxy, f->sync.url);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncClient) client = NULL;
  IcwSyncReport report = { 0, };
  gint64 waiting;

  save_organizations (f, 4 * BATCH);
  waiting = icw_store_count_outbox (f->sync.a);
  g_assert_cmpint (waiting, >=, 4 * BATCH);
  client = icw_sync_client_new (f->sync.a, url, f->sync.admin, &error);
  g_assert_no_error (error);
  icw_sync_client_set_limits (client, BATCH, 100, 2, 10, 100, 10);
  g_assert_true (icw_sync_client_run (client, ICW_SYNC_PUSH, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.pushed, ==, waiting);
  g_assert_cmpint (icw_store_count_outbox (f->sync.a), ==, 0);
  g_assert_cmpuint (proxy.connections, ==, 1);
  counting_proxy_stop (&proxy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sqlite3_auto_extension ((void (*) (void)) watch_connection);
  g_test_add ("/sync-ahead/conflict-while-next-in-flight", Fixture, NULL, fixture_set_up,
              test_conflict_while_next_in_flight, fixture_tear_down);
  g_test_add ("/sync-ahead/killed-between-next-sent-and-ack", Fixture, NULL, fixture_set_up,
              test_killed_between_next_sent_and_ack, fixture_tear_down);
  g_test_add ("/sync-ahead/answer-lost-recovered", Fixture, NULL, fixture_set_up,
              test_answer_lost_recovered, fixture_tear_down);
  g_test_add ("/sync-ahead/next-prepared-while-server-handles", Fixture, NULL, fixture_set_up,
              test_next_prepared_while_server_handles, fixture_tear_down);
  g_test_add ("/sync-ahead/killed-after-next-prepared", Fixture, NULL, fixture_set_up,
              test_killed_after_next_prepared, fixture_tear_down);
  g_test_add ("/sync-ahead/retry-while-next-prepared", Fixture, NULL, fixture_set_up,
              test_retry_while_next_prepared, fixture_tear_down);
  g_test_add ("/sync-ahead/batches-share-a-connection", Fixture, NULL, fixture_set_up,
              test_batches_share_a_connection, fixture_tear_down);
  return g_test_run ();
}
