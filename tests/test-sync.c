/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync.c: the sync principles of DESIGN.md against the real reference server on loopback
 * (IcwSyncServer on 127.0.0.1, an ephemeral port) with real SQLite stores on both sides. Faults
 * are injected by the server's test hook (icw_sync_server_inject_fault): DROP_AFTER_COMMIT handles
 * the request, commits, then steals the connection and closes it unanswered. */
#include "config.h"

#include <libsoup/soup.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-store-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-server.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

typedef struct {
  char          *dir;
  IcwSyncServer *server;
  char          *url;
  char          *location;   /* the server's database (icw_test_server_location) */
  IcwCenter     *center;     /* saved in store a */
  char          *admin;      /* the token of center's administrator */
  IcwStore      *a;
  IcwStore      *b;
} Fixture;

static IcwStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  return icw_test_open_store (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  f->dir = icw_test_make_tmp_dir ("icw-sync-XXXXXX", NULL);
  f->location = icw_test_server_location (f->dir);
  f->server = icw_sync_server_new (f->location, &error);
  g_assert_no_error (error);
  g_assert_true (icw_sync_server_listen (f->server, "127.0.0.1", 0, NULL, NULL, &error));
  g_assert_no_error (error);
  f->url = icw_sync_server_get_url (f->server);
  f->a = open_store (f, "a.db");
  f->b = open_store (f, "b.db");
  f->center = icw_center_new ();
  icw_center_set_name (f->center, "齐鲁智能传感器制造业创新中心");
  icw_center_set_province (f->center, "山东");
  icw_test_save (f->a, f->center);
  f->admin = icw_sync_server_add_token (f->server, "admin", icw_record_get_id (ICW_RECORD (f->center)), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->center);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->server);
  g_free (f->url);
  g_free (f->location);
  g_free (f->admin);
  icw_test_clear_tmp_dir (&f->dir, NULL);
}

static IcwSyncClient *
client (Fixture    *f,
        IcwStore   *store,
        const char *token)
{
  g_autoptr(GError) error = NULL;
  IcwSyncClient *c = icw_sync_client_new (store, f->url, token, &error);

  g_assert_no_error (error);
  /* Short waits keep the suite fast; the cap still lets a Retry-After of 1 s be honoured. */
  icw_sync_client_set_limits (c, 2, 2, 4, 10, 1500, 5);
  return c;
}

static IcwSyncReport
sync_ok (Fixture     *f,
         IcwStore    *store,
         IcwSyncMode  mode)
{
  g_autoptr(IcwSyncClient) c = client (f, store, f->admin);
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };

  g_assert_true (icw_sync_client_run (c, mode, &report, &error));
  g_assert_no_error (error);
  return report;
}

static IcwApplication *
save_application (Fixture    *f,
                  const char *title)
{
  IcwApplication *application = icw_application_new ();

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (f->center)));
  icw_application_set_title (application, title);
  icw_test_save (f->a, application);
  return application;
}

/* The server commits the batch, then the connection drops: the retry with the same key is
 * answered from the stored results, and nothing is applied twice. */
static void
test_commit_then_drop (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "济南智能传感研究院", NULL);
  IcwSyncReport report;

  icw_sync_server_inject_fault (f->server, ICW_SYNC_FAULT_DROP_AFTER_COMMIT, "/v1/push", 1, 0);
  report = sync_ok (f, f->a, ICW_SYNC_PUSH);
  g_assert_cmpuint (report.retries, >=, 1);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 2);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  g_assert_nonnull (icw_record_get_revision (ICW_RECORD (org)));
  g_assert_nonnull (icw_record_get_revision (ICW_RECORD (f->center)));
}

/* A batch in flight (the server applied it, the answer was lost, the client gave up keeping its
 * key and last seq) while the user edits a record of it: the edit is a row of its own, not folded
 * into the row the server applied (the read mark, schema 27), so the next run sends the batch again
 * as it was (answered from the stored results) and the edit after it, and the server ends with the
 * edit. Folded into the batch's row, the batch sent again differed from the body the server had
 * stored under its key (422), and the run failed. */
static void
test_edit_while_batch_in_flight (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(IcwOrganization) org = icw_test_save_organization (f->a, "济南智能传感研究院", NULL);
  g_autoptr(IcwSyncClient) once = client (f, f->a, f->admin);
  g_autoptr(IcwRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pending = NULL;
  IcwSyncReport report = { 0, };

  icw_sync_client_set_limits (once, 200, 200, 1, 10, 1500, 5);
  icw_sync_server_inject_fault (f->server, ICW_SYNC_FAULT_DROP_AFTER_COMMIT, "/v1/push", 1, 0);
  g_assert_false (icw_sync_client_run (once, ICW_SYNC_PUSH, &report, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 2);
  pending = icw_store_sync_state_keys (f->a, "pending-key");
  g_assert_cmpuint (g_strv_length (pending), ==, 1);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 2);

  icw_organization_set_legal_representative (org, "王芳");
  icw_test_save (f->a, org);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 3);

  report = sync_ok (f, f->a, ICW_SYNC_PUSH);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 3);
  sync_ok (f, f->b, ICW_SYNC_PULL);
  theirs = icw_store_lookup (f->b, ICW_RECORD_KIND_ORGANIZATION, icw_record_get_id (ICW_RECORD (org)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icw_organization_get_legal_representative (ICW_ORGANIZATION (theirs)), ==, "王芳");
}

typedef struct {
  guint    pending;
  gboolean ok[3];
} Pushes;

static void
push_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Pushes *pushes = data;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report = { 0, };
  guint index = GPOINTER_TO_UINT (g_object_get_data (source, "index"));

  pushes->ok[index] = icw_sync_client_run_finish (ICW_SYNC_CLIENT (source), result, &report, &error) &&
                      report.pushed >= 1 && report.rejected == 0;
  g_assert_no_error (error);
  pushes->pending--;
}

static char *
push_body (const char *key,
           const char *changes)
{
  return g_strdup_printf ("{\"idempotency_key\":\"%s\",\"changes\":[%s]}", key, changes);
}

/* Group commit (docs/performance.md): pushes that arrive together are applied in one writing
 * transaction. The server's window is widened so that three clients' pushes and two raw ones meet
 * in one group: one push whose record the storage refuses (a trigger behind the server's back) is
 * answered 503 and undone alone, a push with a refused change and an applied one is answered
 * change by change as before, and everything else commits once (on both backends). */
static void
test_group_commit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IcwStore) c = open_store (f, "c.db");
  g_autoptr(IcwStore) d = open_store (f, "d.db");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *boom = g_uuid_string_random ();
  g_autofree char *good = g_uuid_string_random ();
  g_autofree char *orphan = g_uuid_string_random ();
  g_autofree char *boom_body = NULL;
  g_autofree char *mixed_body = NULL;
  g_autofree char *trigger = NULL;
  IcwStore *stores[] = { f->a, f->b, c };
  IcwSyncClient *clients[3] = { NULL, };
  Pushes pushes = { G_N_ELEMENTS (stores), { FALSE, } };
  IcwSyncReport pulled;
  JsonArray *results;
  gboolean pg = icw_test_server_is_pg ();

  trigger = pg ? g_strdup_printf ("CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                  "IF NEW.id = '%s' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$; "
                                  "CREATE TRIGGER boom BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION boom();", boom)
               : g_strdup_printf ("CREATE TRIGGER boom BEFORE INSERT ON records WHEN NEW.id = '%s' "
                                  "BEGIN SELECT RAISE(ABORT, 'boom'); END;", boom);
  icw_test_server_exec (f->location, trigger, trigger);
  icw_sync_server_set_group_window (f->server, 1500);

  g_object_unref (icw_test_save_organization (f->a, "济南智能传感研究院", NULL));
  g_object_unref (icw_test_save_organization (f->b, "青岛海洋传感器有限公司", NULL));
  g_object_unref (icw_test_save_organization (c, "淄博新材料有限公司", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      clients[i] = client (f, stores[i], f->admin);
      g_object_set_data (G_OBJECT (clients[i]), "index", GUINT_TO_POINTER (i));
      icw_sync_client_run_async (clients[i], ICW_SYNC_PUSH, NULL, push_done, &pushes);
    }

  /* The storage refuses this push's record: 503 for it alone, whenever it comes in the group. */
  {
    g_autofree char *change = g_strdup_printf ("{\"kind\":\"organization\",\"id\":\"%s\",\"op\":\"upsert\","
                                               "\"base_revision\":null,\"record\":{\"id\":\"%s\",\"name\":\"爆\"}}",
                                               boom, boom);
    boom_body = push_body ("group-commit-boom-0001", change);
  }
  g_assert_cmpuint (icw_test_server_request (session, f->url, "POST", "/v1/push", f->admin, boom_body, NULL), ==, 503);
  /* A refused change beside an applied one: answered change by change once the group commits. */
  {
    g_autofree char *changes = g_strdup_printf ("{\"kind\":\"organization\",\"id\":\"%s\",\"op\":\"upsert\","
                                                "\"base_revision\":null,\"record\":{\"id\":\"%s\",\"name\":\"好\"}},"
                                                "{\"kind\":\"platform\",\"id\":\"%s\",\"op\":\"upsert\","
                                                "\"base_revision\":null,\"record\":{\"id\":\"%s\",\"name\":\"孤儿平台\","
                                                "\"organization_id\":\"00000000-0000-4000-8000-000000000000\"}}",
                                                good, good, orphan, orphan);
    mixed_body = push_body ("group-commit-mixed-001", changes);
  }
  g_assert_cmpuint (icw_test_server_request (session, f->url, "POST", "/v1/push", f->admin, mixed_body, &answer), ==, 200);
  results = json_object_get_array_member (json_node_get_object (answer), "results");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "status"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "status"), ==, "rejected");

  while (pushes.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      g_assert_true (pushes.ok[i]);
      g_assert_cmpint (icw_store_count_outbox (stores[i]), ==, 0);
      g_clear_object (&clients[i]);
    }
  /* The center and three organizations by the clients, one by the raw push; four pushes answered
   * 200 and one commit. */
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 5);
  g_assert_cmpuint (icw_sync_server_get_commits (f->server), ==, 1);

  /* Durable and in order: a new database pulls exactly what was applied, and not the refused. */
  pulled = sync_ok (f, d, ICW_SYNC_PULL);
  g_assert_cmpuint (pulled.pulled, ==, 5);
  g_assert_null (icw_store_lookup (d, ICW_RECORD_KIND_ORGANIZATION, boom, NULL));
  /* The refused push goes again after the trigger is gone: its key was not kept. */
  icw_test_server_exec (f->location, "DROP TRIGGER boom", "DROP TRIGGER boom ON records");
  g_clear_pointer (&answer, json_node_unref);
  g_assert_cmpuint (icw_test_server_request (session, f->url, "POST", "/v1/push", f->admin, boom_body, &answer), ==, 200);
}

/* A push's rows read and written together (SQLite: one read of the batch's records, multi-row
 * upserts at its end; PostgreSQL one at a time): a change sees what an earlier change of the same
 * push stored, the same record twice with the same text is applied once, a child finds its parent
 * from the same push, a conflict shows the state stored a change before, and revisions follow the
 * changes' order. */
static const char *
result_status (JsonNode *answer,
               guint     i)
{
  JsonArray *results = json_object_get_array_member (json_node_get_object (answer), "results");

  return json_object_get_string_member (json_array_get_object_element (results, i), "status");
}

static const char *
result_revision (JsonNode *answer,
                 guint     i)
{
  JsonArray *results = json_object_get_array_member (json_node_get_object (answer), "results");

  return json_object_get_string_member (json_array_get_object_element (results, i), "revision");
}

static void
test_rows_of_one_push (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *org = g_uuid_string_random ();
  g_autofree char *platform = g_uuid_string_random ();
  g_autofree char *changes = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  JsonObject *conflict;
  gint64 revisions[3];

  changes = g_strdup_printf ("{\"kind\":\"organization\",\"id\":\"%s\",\"op\":\"upsert\",\"base_revision\":null,"
                             "\"record\":{\"id\":\"%s\",\"name\":\"甲\"}},"
                             "{\"kind\":\"organization\",\"id\":\"%s\",\"op\":\"upsert\",\"base_revision\":null,"
                             "\"record\":{\"id\":\"%s\",\"name\":\"甲\"}},"
                             "{\"kind\":\"platform\",\"id\":\"%s\",\"op\":\"upsert\",\"base_revision\":null,"
                             "\"record\":{\"id\":\"%s\",\"name\":\"平台\",\"organization_id\":\"%s\"}},"
                             "{\"kind\":\"organization\",\"id\":\"%s\",\"op\":\"upsert\",\"base_revision\":null,"
                             "\"record\":{\"id\":\"%s\",\"name\":\"乙\"}}",
                             org, org, org, org, platform, platform, org, org, org);
  body = push_body ("rows-of-one-push-0001", changes);
  g_assert_cmpuint (icw_test_server_request (session, f->url, "POST", "/v1/push", f->admin, body, &answer), ==, 200);
  g_assert_cmpstr (result_status (answer, 0), ==, "applied");
  g_assert_cmpstr (result_status (answer, 1), ==, "applied");
  g_assert_cmpstr (result_revision (answer, 1), ==, result_revision (answer, 0));
  g_assert_cmpstr (result_status (answer, 2), ==, "applied");
  g_assert_cmpint (g_ascii_strtoll (result_revision (answer, 2), NULL, 10), >, g_ascii_strtoll (result_revision (answer, 0), NULL, 10));
  g_assert_cmpstr (result_status (answer, 3), ==, "conflict");
  conflict = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "results"), 3);
  g_assert_cmpstr (json_object_get_string_member (conflict, "revision"), ==, result_revision (answer, 0));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (conflict, "record"), "name"), ==, "甲");
  first = g_strdup (result_revision (answer, 0));
  revisions[0] = g_ascii_strtoll (first, NULL, 10);
  revisions[1] = g_ascii_strtoll (result_revision (answer, 2), NULL, 10);

  /* Stored as answered; the next push builds on the revision given. */
  path = g_strdup_printf ("/v1/records/organization/%s", org);
  g_assert_cmpuint (icw_test_server_request (session, f->url, "GET", path, f->admin, NULL, &record), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (record), "revision"), ==, first);
  g_clear_pointer (&changes, g_free);
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&answer, json_node_unref);
  changes = g_strdup_printf ("{\"kind\":\"organization\",\"id\":\"%s\",\"op\":\"upsert\",\"base_revision\":\"%s\","
                             "\"record\":{\"id\":\"%s\",\"name\":\"丙\"}}", org, first, org);
  body = push_body ("rows-of-one-push-0002", changes);
  g_assert_cmpuint (icw_test_server_request (session, f->url, "POST", "/v1/push", f->admin, body, &answer), ==, 200);
  g_assert_cmpstr (result_status (answer, 0), ==, "applied");
  revisions[2] = g_ascii_strtoll (result_revision (answer, 0), NULL, 10);
  g_assert_cmpint (revisions[2], >, revisions[1]);
  g_clear_pointer (&record, json_node_unref);
  g_assert_cmpuint (icw_test_server_request (session, f->url, "GET", path, f->admin, NULL, &record), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (record), "record"), "name"), ==, "丙");
}

static void
test_backoff (Fixture       *f,
              gconstpointer  data)
{
  IcwSyncFault faults[] = { ICW_SYNC_FAULT_503, ICW_SYNC_FAULT_429 };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(IcwOrganization) org G_GNUC_UNUSED = icw_test_save_organization (f->a, i == 0 ? "甲" : "乙", NULL);
      gint64 start = g_get_monotonic_time ();
      IcwSyncReport report;

      icw_sync_server_inject_fault (f->server, faults[i], "/v1/push", 1, 1);
      report = sync_ok (f, f->a, ICW_SYNC_PUSH);
      /* Retry-After: 1 is honoured although the backoff's base is 10 ms. */
      g_assert_cmpint (g_get_monotonic_time () - start, >=, 950 * 1000);
      g_assert_cmpuint (report.retries, ==, 1);
      g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
    }
}

static void
test_unauthorized_keeps_outbox (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(IcwSyncClient) c = client (f, f->a, "icw_not-a-token");
  g_autoptr(GError) error = NULL;
  gint64 before = icw_store_count_outbox (f->a);

  g_assert_cmpint (before, >, 0);
  g_assert_false (icw_sync_client_run (c, ICW_SYNC_BOTH, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, before);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 0);
}

/* A push whose changes were applied but whose batch could not be kept (its idempotency key not
 * stored: a trigger refuses it behind the server's back) is undone, and so is its count: the
 * server's applied counter says 0, not the changes of every attempt. */
static void
test_failed_push_not_counted (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(IcwSyncClient) c = client (f, f->a, f->admin);
  g_autoptr(GError) error = NULL;
  gint64 before = icw_store_count_outbox (f->a);

  g_assert_cmpint (before, >, 0);
  icw_test_server_exec (f->location,
                        "CREATE TRIGGER icw_test_refuse BEFORE INSERT ON idempotency "
                        "BEGIN SELECT RAISE (FAIL, 'refused by the test'); END",
                        "CREATE FUNCTION icw_test_refuse () RETURNS trigger LANGUAGE plpgsql AS "
                        "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$; "
                        "CREATE TRIGGER icw_test_refuse BEFORE INSERT ON idempotency "
                        "FOR EACH ROW EXECUTE FUNCTION icw_test_refuse ()");
  g_assert_false (icw_sync_client_run (c, ICW_SYNC_PUSH, NULL, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAVAILABLE);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, 0);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, before);

  /* Once the trigger is gone (the server's open group ended first: it runs on this thread), the
   * same batch is applied once and counted once. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  icw_test_server_exec (f->location, "DROP TRIGGER icw_test_refuse", "DROP TRIGGER icw_test_refuse ON idempotency");
  sync_ok (f, f->a, ICW_SYNC_PUSH);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), ==, before);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
}

/* Two clients edit the same application at once: the second push has a stale base revision and
 * becomes a kept conflict with both versions; keeping both sends both to the server. */
static void
test_stale_base_and_two_clients (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(IcwApplication) mine = save_application (f, "原稿");
  g_autoptr(IcwApplication) theirs = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_id = NULL;
  IcwSyncConflict *conflict;
  IcwSyncReport report;

  sync_ok (f, f->a, ICW_SYNC_BOTH);
  sync_ok (f, f->b, ICW_SYNC_BOTH);
  theirs = ICW_APPLICATION (icw_store_lookup (f->b, ICW_RECORD_KIND_APPLICATION,
                                              icw_record_get_id (ICW_RECORD (mine)), &error));
  g_assert_no_error (error);

  icw_application_set_title (theirs, "B 的修改");
  icw_test_save (f->b, theirs);
  icw_application_set_title (mine, "A 的修改");
  icw_test_save (f->a, mine);
  sync_ok (f, f->b, ICW_SYNC_BOTH);
  report = sync_ok (f, f->a, ICW_SYNC_BOTH);
  g_assert_cmpuint (report.conflicts, ==, 1);

  conflicts = icw_store_list_conflicts (f->a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_true (strstr (conflict->mine, "A 的修改") != NULL);
  g_assert_true (strstr (conflict->theirs, "B 的修改") != NULL);
  g_assert_cmpstr (icw_application_get_title (mine), ==, "A 的修改");

  g_assert_true (icw_store_resolve_conflict (f->a, conflict->seq, ICW_CONFLICT_KEEP_BOTH, &copy_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (icw_application_get_title (mine), ==, "B 的修改");
  sync_ok (f, f->a, ICW_SYNC_BOTH);
  sync_ok (f, f->b, ICW_SYNC_BOTH);
  {
    g_autoptr(IcwRecord) copy = icw_store_lookup (f->b, ICW_RECORD_KIND_APPLICATION, copy_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (icw_application_get_title (ICW_APPLICATION (copy)), ==, "A 的修改");
    g_assert_cmpstr (icw_application_get_title (theirs), ==, "B 的修改");
  }
  g_assert_cmpint (icw_store_count_conflicts (f->a), ==, 0);
}

static void
test_gone_resync_keeps_edits (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(IcwOrganization) doomed = icw_test_save_organization (f->a, "将删除的单位", NULL);
  g_autoptr(IcwRecord) center_b = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  g_autoptr(GError) error = NULL;

  sync_ok (f, f->a, ICW_SYNC_BOTH);
  sync_ok (f, f->b, ICW_SYNC_BOTH);
  g_assert_true (icw_store_delete (f->a, ICW_RECORD (doomed), &error));
  g_assert_no_error (error);
  sync_ok (f, f->a, ICW_SYNC_BOTH);
  g_assert_cmpint (icw_sync_server_purge_tombstones (f->server, later, &error), ==, 1);
  g_assert_no_error (error);

  center_b = icw_store_lookup (f->b, ICW_RECORD_KIND_CENTER, icw_record_get_id (ICW_RECORD (f->center)), &error);
  g_assert_no_error (error);
  icw_center_set_name (ICW_CENTER (center_b), "未发送的名称");
  icw_test_save (f->b, center_b);

  sync_ok (f, f->b, ICW_SYNC_PULL);   /* 410, then everything again */
  g_assert_cmpstr (icw_center_get_name (ICW_CENTER (center_b)), ==, "未发送的名称");
  g_assert_cmpint (icw_store_count_outbox (f->b), ==, 1);
  g_assert_cmpint (icw_store_count_conflicts (f->b), ==, 0);
  sync_ok (f, f->b, ICW_SYNC_PUSH);
  sync_ok (f, f->a, ICW_SYNC_PULL);
  g_assert_cmpstr (icw_center_get_name (f->center), ==, "未发送的名称");
}

static void
cancel_on_reload (IcwStore     *store,
                  GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
done (GObject      *source,
      GAsyncResult *result,
      gpointer      data)
{
  GError **error = data;

  g_assert_false (icw_sync_client_run_finish (ICW_SYNC_CLIENT (source), result, NULL, error));
}

/* A pull cut off after its first page resumes from the stored cursor: every record once. */
static void
test_pull_resumes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IcwSyncClient) c = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) orgs = NULL;
  gulong handler;

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("单位 %d", i);
      g_autoptr(IcwOrganization) org G_GNUC_UNUSED = icw_test_save_organization (f->a, name, NULL);
    }
  sync_ok (f, f->a, ICW_SYNC_PUSH);

  c = client (f, f->b, f->admin);
  /* Each page in a transaction of its own: the run is cancelled once the first is committed
   * (while the next one, asked for already, is on its way). */
  icw_sync_client_set_pull_group (c, 1);
  handler = g_signal_connect (f->b, "reloaded", G_CALLBACK (cancel_on_reload), cancellable);
  icw_sync_client_run_async (c, ICW_SYNC_PULL, cancellable, done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_signal_handler_disconnect (f->b, handler);
  orgs = icw_store_list (f->b, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), <, 5);

  sync_ok (f, f->b, ICW_SYNC_PULL);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 5);
  /* Six records (the center and five organizations), each sent once. */
  g_assert_cmpint (icw_sync_server_get_served (f->server), ==, 6);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static guint
get_status (Fixture    *f,
            const char *token,
            const char *path)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autofree char *uri = g_strconcat (f->url, path, NULL);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;

  GAsyncResult *result = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  /* Asynchronous: the server answers on this same main context. */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  body = soup_session_send_and_read_finish (session, result, NULL);
  g_object_unref (result);
  return soup_message_get_status (msg);
}

static void
test_other_center_forbidden (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(IcwCenter) other = icw_center_new ();
  g_autoptr(IcwApplication) intruder = icw_application_new ();
  g_autoptr(IcwStore) c = open_store (f, "c.db");
  g_autoptr(IcwSyncClient) other_client = NULL;
  g_autoptr(IcwSyncClient) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_token = NULL;
  g_autofree char *path = NULL;

  icw_center_set_name (other, "另一个中心");
  icw_test_save (c, other);
  other_token = icw_sync_server_add_token (f->server, "admin", icw_record_get_id (ICW_RECORD (other)), &error);
  g_assert_no_error (error);
  other_client = client (f, c, other_token);
  g_assert_true (icw_sync_client_run (other_client, ICW_SYNC_BOTH, NULL, &error));
  g_assert_no_error (error);
  sync_ok (f, f->a, ICW_SYNC_BOTH);

  path = g_strdup_printf ("/v1/records/center/%s", icw_record_get_id (ICW_RECORD (other)));
  g_assert_cmpuint (get_status (f, f->admin, path), ==, 403);
  g_assert_cmpuint (get_status (f, other_token, path), ==, 200);

  /* Writing into the other center: refused per change (foreign-reference); the rest goes on. */
  icw_application_set_center_id (intruder, icw_record_get_id (ICW_RECORD (other)));
  icw_application_set_title (intruder, "越权");
  {
    g_autoptr(IcwRecord) copy = NULL;
    /* The other center must exist locally for the store to accept the application. */
    copy = icw_store_lookup (f->a, ICW_RECORD_KIND_CENTER, icw_record_get_id (ICW_RECORD (other)), NULL);
    g_assert_null (copy);   /* the pull did not show it to this administrator */
  }
  /* IDs are UUIDs: the store refuses any other reference. */
  icw_store_apply_remote (f->a, ICW_RECORD_KIND_CENTER,
                          "{\"id\":\"00000000-0000-4000-8000-0000000000ff\",\"name\":\"x\"}", "1", FALSE, &error);
  g_assert_no_error (error);
  icw_application_set_center_id (intruder, "00000000-0000-4000-8000-0000000000ff");
  icw_test_save (f->a, intruder);
  {
    g_autoptr(GError) local_error = NULL;

    mine = client (f, f->a, f->admin);
    g_assert_true (icw_sync_client_run (mine, ICW_SYNC_PUSH, NULL, &local_error));
    g_assert_no_error (local_error);
    g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
    g_assert_cmpint (icw_store_count_conflicts (f->a), ==, 1);
    path = g_strdup_printf ("/v1/records/application/%s", icw_record_get_id (ICW_RECORD (intruder)));
    g_assert_cmpuint (get_status (f, f->admin, path), ==, 404);
  }
}

static void
test_reviewer_cannot_edit_draft (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(IcwApplication) draft = save_application (f, "草稿");
  g_autoptr(IcwSyncClient) reviewer = NULL;
  g_autoptr(IcwRecord) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  sync_ok (f, f->a, ICW_SYNC_BOTH);
  token = icw_sync_server_add_token (f->server, "reviewer", "山东", &error);
  g_assert_no_error (error);
  reviewer = client (f, f->b, token);
  g_assert_true (icw_sync_client_run (reviewer, ICW_SYNC_BOTH, NULL, &error));
  g_assert_no_error (error);
  seen = icw_store_lookup (f->b, ICW_RECORD_KIND_APPLICATION, icw_record_get_id (ICW_RECORD (draft)), &error);
  g_assert_no_error (error);

  icw_application_set_title (ICW_APPLICATION (seen), "审核人改的");
  icw_test_save (f->b, seen);
  /* Refused per change (forbidden-change): the reviewer's sync goes on, the pull runs. */
  g_assert_true (icw_sync_client_run (reviewer, ICW_SYNC_BOTH, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_store_count_outbox (f->b), ==, 0);
  g_assert_cmpint (icw_store_count_conflicts (f->b), ==, 1);
  sync_ok (f, f->a, ICW_SYNC_PULL);
  g_assert_cmpstr (icw_application_get_title (draft), ==, "草稿");
}

int
main (int   argc,
      char *argv[])
{
  /* The desktop's proxy settings are not in the test environment; loopback needs none. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync/commit-then-drop", test_commit_then_drop);
  ADD ("/sync/edit-while-batch-in-flight", test_edit_while_batch_in_flight);
  ADD ("/sync/group-commit", test_group_commit);
  ADD ("/sync/rows-of-one-push", test_rows_of_one_push);
  ADD ("/sync/backoff-503-429", test_backoff);
  ADD ("/sync/failed-push-not-counted", test_failed_push_not_counted);
  ADD ("/sync/unauthorized-keeps-outbox", test_unauthorized_keeps_outbox);
  ADD ("/sync/stale-base-two-clients", test_stale_base_and_two_clients);
  ADD ("/sync/gone-resync-keeps-edits", test_gone_resync_keeps_edits);
  ADD ("/sync/pull-resumes", test_pull_resumes);
  ADD ("/sync/other-center-forbidden", test_other_center_forbidden);
  ADD ("/sync/reviewer-cannot-edit-draft", test_reviewer_cannot_edit_draft);
  return g_test_run ();
}
