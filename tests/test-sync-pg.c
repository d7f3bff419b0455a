/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-pg.c: the server's PostgreSQL storage under concurrent commits, with deliberately
 * interleaved transactions on two libpq connections (tests/with-pg.sh gives the cluster): a
 * writing transaction that starts while another holds sequence numbers not yet committed waits
 * for it (the write lock), so sequence numbers commit in order and a pull between the two never
 * sees the later one without the earlier one; the schema's version; a database that is not a
 * server's is refused. */
#include "config.h"

#include <libpq-fe.h>

#include "icw-error.h"
#include "icw-sync-server-store.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

typedef struct {
  char           *dir;
  char           *location;
  IcwServerStore *a;
  IcwServerStore *b;
  IcwServerStore *reader;
  PGconn         *watch;   /* a raw connection that looks at pg_locks */
} Fixture;

static IcwServerStore *
open_store (const char *location)
{
  g_autoptr(GError) error = NULL;
  IcwServerStore *store = icw_server_store_open_pg (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = icw_test_make_tmp_dir ("icw-pg-XXXXXX", NULL);
  f->location = icw_test_server_location (f->dir);
  f->a = open_store (f->location);
  f->b = open_store (f->location);
  f->reader = open_store (f->location);
  f->watch = PQconnectdb (f->location);
  g_assert_cmpint (PQstatus (f->watch), ==, CONNECTION_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  PQfinish (f->watch);
  icw_server_store_close (f->a);
  icw_server_store_close (f->b);
  icw_server_store_close (f->reader);
  g_free (f->location);
  icw_test_clear_tmp_dir (&f->dir, NULL);
}

static gint64
watch_int (Fixture    *f,
           const char *sql)
{
  PGresult *result = PQexec (f->watch, sql);
  gint64 value;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

/* Waits until n connections wait for an advisory lock (fails after 20 s). */
static void
wait_for_waiters (Fixture *f,
                  gint64   n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (watch_int (f, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
}

static gint64
put (IcwServerStore *store,
     const char     *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = g_strdup_printf ("{\"id\":\"%s\",\"center_id\":\"C\"}", id);
  gint64 seq = store->klass->put (store, "shareholder", id, "C", NULL, FALSE, payload, NULL,
                                  "2026-12-07T00:00:00.000000Z", &error);

  g_assert_no_error (error);
  g_assert_cmpint (seq, >, 0);
  return seq;
}

static GPtrArray *
pull (IcwServerStore *store,
      gint64          after)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = store->klass->pull (store, FALSE, "C", after, 100, &error);

  g_assert_no_error (error);
  return records;
}

typedef struct {
  IcwServerStore *store;
  gint64          seq;
  gint            done;
} Writer;

static gpointer
write_y (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (writer->store->klass->begin (writer->store, &error));
  writer->seq = put (writer->store, "Y");
  g_assert_true (writer->store->klass->commit (writer->store, &error));
  g_atomic_int_set (&writer->done, 1);
  return NULL;
}

/* A holds X uncommitted; B starts a writing transaction for Y meanwhile. B waits for A's lock,
 * so Y cannot commit before X with a higher sequence number: a pull made between them sees
 * nothing, and one made after both sees X then Y; a cursor taken after the first pull misses
 * neither. */
static void
test_interleaved_commits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  Writer writer = { f->b, 0, 0 };
  GThread *thread;
  gint64 x;

  g_assert_true (f->a->klass->begin (f->a, &error));
  x = put (f->a, "X");
  thread = g_thread_new ("writer-b", write_y, &writer);
  /* B is inside its BEGIN, waiting for the lock A holds: the interleaving is certain, not timed. */
  wait_for_waiters (f, 1);
  g_assert_cmpint (g_atomic_int_get (&writer.done), ==, 0);

  before = pull (f->reader, 0);
  g_assert_cmpuint (before->len, ==, 0);

  g_assert_true (f->a->klass->commit (f->a, &error));
  g_thread_join (thread);
  g_assert_cmpint (writer.done, ==, 1);
  g_assert_cmpint (writer.seq, >, x);

  after = pull (f->reader, 0);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (((IcwServerRecord *) after->pdata[0])->id, ==, "X");
  g_assert_cmpstr (((IcwServerRecord *) after->pdata[1])->id, ==, "Y");
}

/* The same, with the reader's cursor advanced between the commits: A (X) commits, the reader
 * pulls and stores X's sequence as its cursor while B (Y) is waiting for nothing, then B; the
 * next pull from that cursor returns Y. And when B is the one that began first, A waits. */
static void
test_cursor_between_commits (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  Writer writer = { f->b, 0, 0 };
  GThread *thread;
  gint64 x;
  gint64 cursor;

  g_assert_true (f->a->klass->begin (f->a, &error));
  x = put (f->a, "X");
  thread = g_thread_new ("writer-b", write_y, &writer);
  wait_for_waiters (f, 1);
  g_assert_true (f->a->klass->commit (f->a, &error));
  /* The reader may pull now, before or after B's commit: either way nothing is skipped. */
  first = pull (f->reader, 0);
  g_assert_cmpuint (first->len, >=, 1);
  g_assert_cmpint (((IcwServerRecord *) first->pdata[0])->seq, ==, x);
  cursor = ((IcwServerRecord *) first->pdata[first->len - 1])->seq;
  g_thread_join (thread);
  second = pull (f->reader, cursor);
  g_assert_cmpuint (first->len + second->len, ==, 2);
}

/* The idempotency key is unique per token: a second insert of the same key (as if another
 * process had stored it meanwhile) is ICW_ERROR_DUPLICATE, and the first answer stays. */
static void
test_key_unique (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *response = NULL;
  const char *now = "2026-12-07T00:00:00.000000Z";

  g_assert_true (f->a->klass->begin (f->a, &error));
  g_assert_true (f->a->klass->remember (f->a, "T", "key-0123456789abcdef", "H", "{\"results\":[1]}", now, &error));
  g_assert_true (f->a->klass->commit (f->a, &error));
  g_assert_true (f->b->klass->begin (f->b, &error));
  g_assert_false (f->b->klass->remember (f->b, "T", "key-0123456789abcdef", "H", "{\"results\":[2]}", now, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE);
  f->b->klass->rollback (f->b);
  response = f->reader->klass->replay (f->reader, "T", "key-0123456789abcdef", &hash);
  g_assert_cmpstr (response, ==, "{\"results\":[1]}");
}

/* The schema has its version; a newer one, or a database of something else, is refused. */
static void
test_schema_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = icw_test_server_location (f->dir);
  IcwServerStore *store;
  PGconn *conn;
  PGresult *result;

  g_assert_cmpint (watch_int (f, "SELECT version FROM icw_schema"), ==, icw_server_store_pg_latest_version ());
  PQclear (PQexec (f->watch, "UPDATE icw_schema SET version = version + 1"));
  store = icw_server_store_open_pg (f->location, &error);
  g_assert_null (store);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_FUTURE_DATABASE);
  g_clear_error (&error);
  PQclear (PQexec (f->watch, "UPDATE icw_schema SET version = version - 1"));

  conn = PQconnectdb (other);
  result = PQexec (conn, "CREATE TABLE payroll (id integer)");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
  store = icw_server_store_open_pg (other, &error);
  g_assert_null (store);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_NOT_WORKBENCH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!icw_test_server_is_pg ())
    {
      g_printerr ("test-sync-pg runs under tests/with-pg.sh (ICW_TEST_SERVER_BACKEND=postgresql)\n");
      return 1;
    }
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync-pg/interleaved-commits", test_interleaved_commits);
  ADD ("/sync-pg/cursor-between-commits", test_cursor_between_commits);
  ADD ("/sync-pg/key-unique", test_key_unique);
  ADD ("/sync-pg/schema-version", test_schema_version);
  return g_test_run ();
}
