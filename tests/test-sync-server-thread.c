/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-server-thread.c: the reference server run in a thread with a main context of its own,
 * which only that thread runs (as a program embedding the server may run it), on loopback with
 * raw HTTP from the test's thread, which runs no main context at all. A push is answered (its
 * group commit runs on the server's context) and a request trickling in is cut off at its
 * deadline. Both timers were once attached to the process's global context, which nothing runs
 * here: the push was never answered and the trickle never cut off. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "icw-sync-server.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

#define CENTER "c0000000-0000-4000-8000-000000000001"

typedef struct {
  char         *dir;
  char         *location;
  GMainContext *context;   /* the server's, run by its thread only */
  GThread      *thread;
  char         *token;     /* set by the server's thread before ready */
  guint16       port;
  gint          ready;
  gint          stop;
} ServerThread;

static gpointer
serve (gpointer data)
{
  ServerThread *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwSyncServer) server = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;

  g_main_context_push_thread_default (t->context);
  server = icw_sync_server_new (t->location, &error);
  g_assert_no_error (error);
  /* A request's headers and body get 2 s to arrive; a connection may be idle for 60 s. */
  icw_sync_server_set_limits (server, 60, 2, 10, 20);
  g_assert_true (icw_sync_server_listen (server, "127.0.0.1", 0, NULL, NULL, &error));
  g_assert_no_error (error);
  t->token = icw_sync_server_add_token (server, "admin", CENTER, &error);
  g_assert_no_error (error);
  url = icw_sync_server_get_url (server);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  t->port = g_uri_get_port (uri);
  g_atomic_int_set (&t->ready, 1);
  while (!g_atomic_int_get (&t->stop))
    g_main_context_iteration (t->context, TRUE);
  g_clear_object (&server);
  while (g_main_context_iteration (t->context, FALSE))
    ;
  g_main_context_pop_thread_default (t->context);
  return NULL;
}

static void
start_server (ServerThread *t)
{
  t->dir = icw_test_make_tmp_dir ("icw-server-thread-XXXXXX", NULL);
  t->location = icw_test_server_location (t->dir);
  t->context = g_main_context_new ();
  t->thread = g_thread_new ("sync-server", serve, t);
  while (!g_atomic_int_get (&t->ready))
    g_usleep (1000);
}

static void
stop_server (ServerThread *t)
{
  g_atomic_int_set (&t->stop, 1);
  g_main_context_wakeup (t->context);
  g_thread_join (t->thread);
  g_main_context_unref (t->context);
  g_free (t->token);
  g_free (t->location);
  icw_test_clear_tmp_dir (&t->dir, NULL);
}

/* A blocking connection whose reads and writes give up after 10 s. */
static GSocketConnection *
connect_raw (ServerThread *t)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", t->port, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

/* The server's whole answer to a request sent at once (Connection: close), or what came before
 * the 10 s timeout. */
static char *
exchange (ServerThread *t,
          const char   *request)
{
  g_autoptr(GSocketConnection) connection = connect_raw (t);
  GSocket *socket = g_socket_connection_get_socket (connection);
  GString *answer = g_string_new (NULL);
  char buffer[4096];
  gssize got;

  g_assert_cmpint (g_socket_send (socket, request, strlen (request), NULL, NULL), ==, (gssize) strlen (request));
  while ((got = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (answer, buffer, got);
  return g_string_free (answer, FALSE);
}

static void
test_push_answered (void)
{
  ServerThread t = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *request = NULL;
  g_autofree char *answer = NULL;

  start_server (&t);
  body = g_strdup ("{\"idempotency_key\":\"key-00000001-abcdefgh\",\"changes\":[{\"kind\":\"center\",\"id\":\"" CENTER "\","
                   "\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"" CENTER "\",\"name\":\"甲中心\","
                   "\"province\":\"山东\"}}]}");
  request = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                             "Content-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s",
                             t.token, strlen (body), body);
  answer = exchange (&t, request);
  g_test_message ("the push's answer: %s", answer);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
  g_assert_nonnull (strstr (answer, "\"status\":\"applied\""));
  stop_server (&t);
}

/* A body trickling in, a byte every 0.3 s (never idle), is cut off at the 2 s deadline. */
static void
test_deadline (void)
{
  ServerThread t = { 0 };
  g_autofree char *headers = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  GSocket *socket;
  gint64 start;
  gboolean closed = FALSE;
  double seconds;

  start_server (&t);
  headers = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                             "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{", t.token);
  connection = connect_raw (&t);
  socket = g_socket_connection_get_socket (connection);
  start = g_get_monotonic_time ();
  g_assert_cmpint (g_socket_send (socket, headers, strlen (headers), NULL, NULL), ==, (gssize) strlen (headers));
  /* Not a timed assertion: a bound on a wait that otherwise never ends. */
  while (!closed && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    {
      char buffer[512];

      if (g_socket_condition_timed_wait (socket, G_IO_IN, 300 * 1000, NULL, NULL))
        closed = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL) <= 0;
      else
        g_socket_send (socket, "x", 1, NULL, NULL);
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("a body trickling in: %s after %.1f s", closed ? "closed" : "still open", seconds);
  g_assert_true (closed);
  g_assert_cmpfloat (seconds, >=, 1.5);
  stop_server (&t);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync-server-thread/push-answered", test_push_answered);
  g_test_add_func ("/sync-server-thread/deadline", test_deadline);
  return g_test_run ();
}
