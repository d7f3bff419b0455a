/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-targets-sync.c: the 任务书's versions through sync (docs/sync-protocol.md, "Target
 * versions"), against the real reference server on loopback (SQLite, or PostgreSQL as test
 * targets-sync-pg) with two workbenches (real SQLite stores and the sync client): an
 * administrator's version reaches the reviewer's workbench and a reviewer's the administrator's,
 * whole and once, also when the center changed after its targets (the server then sends the
 * targets first); an acceptance arriving by pull carries the application's targets, once; a
 * reviewer accepting on its workbench carries them too, and the administrator's workbench then
 * keeps that one version rather than a second. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-lifecycle.h"
#include "icw-store-targets-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-server.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

#define CENTER "c0000000-0000-4000-8000-000000000001"

#define INDICATORS \
  "[{\"area\": \"collaboration\", \"name\": \"联盟成员单位\", \"unit\": \"家\", \"baseline_value\": 10," \
  "  \"years\": [{\"year\": 2024, \"target\": 12}, {\"year\": 2025, \"target\": 14.5}]}]"

typedef struct {
  IcwTestServer  srv;
  char          *admin;
  char          *reviewer;
  SoupSession   *session;
  IcwStore      *a;   /* the administrator's workbench */
  IcwStore      *b;   /* the reviewer's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;

  icw_test_server_start (&f->srv, "icw-targets-sync-XXXXXX");
  f->admin = icw_test_server_add_token (&f->srv, "admin", CENTER);
  f->reviewer = icw_test_server_add_token (&f->srv, "reviewer", "山东");
  f->session = soup_session_new_with_options ("timeout", 10, NULL);
  g_assert_cmpuint (icw_test_server_request (f->session, f->srv.url, "POST", "/v1/push", f->admin,
                                             "{\"idempotency_key\":\"key-center-0000000001\",\"changes\":[{\"kind\":\"center\","
                                             "\"id\":\"" CENTER "\",\"op\":\"upsert\",\"base_revision\":null,\"record\":"
                                             "{\"id\":\"" CENTER "\",\"name\":\"鲁中心\",\"province\":\"山东\","
                                             "\"status\":\"recognized\",\"recognized_on\":\"2023-03-28\"}}]}", &answer), ==, 200);
  f->a = icw_test_open_store_in (f->srv.dir, "admin.db");
  f->b = icw_test_open_store_in (f->srv.dir, "reviewer.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->session);
  g_free (f->admin);
  g_free (f->reviewer);
  icw_test_server_stop (&f->srv);
}

static GPtrArray *
versions (IcwStore *store)
{
  g_autoptr(GError) error = NULL;
  const char *ids[] = { CENTER, NULL };
  GPtrArray *all = icw_store_collect_target_versions (store, ids, &error);

  g_assert_no_error (error);
  return all;
}

static guint
to_push (IcwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = icw_store_target_versions_to_push (store, 100, &error);

  g_assert_no_error (error);
  return pending->len;
}

static void
assert_same (IcwTargetSet *x,
             IcwTargetSet *y)
{
  g_assert_cmpstr (x->id, ==, y->id);
  g_assert_cmpint (x->version, ==, y->version);
  g_assert_cmpstr (x->application_id, ==, y->application_id);
  g_assert_cmpint (x->first_year, ==, y->first_year);
  g_assert_cmpint (x->last_year, ==, y->last_year);
  g_assert_cmpstr (x->changed_by, ==, y->changed_by);
  g_assert_cmpstr (x->changed_at, ==, y->changed_at);
  g_assert_cmpstr (x->reason, ==, y->reason);
  g_assert_cmpuint (x->targets->len, ==, y->targets->len);
  for (guint i = 0; i < x->targets->len; i++)
    {
      IcwTarget *s = x->targets->pdata[i];
      IcwTarget *t = y->targets->pdata[i];

      g_assert_cmpstr (s->indicator_key, ==, t->indicator_key);
      g_assert_cmpstr (s->unit, ==, t->unit);
      g_assert_cmpint (s->year, ==, t->year);
      g_assert_cmpfloat (s->target, ==, t->target);
      g_assert_cmpint (s->has_baseline, ==, t->has_baseline);
      g_assert_cmpfloat (s->baseline, ==, t->baseline);
    }
}

static GPtrArray *
rows (const char *key,
      double      first,
      double      second)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_free);
  IcwTarget *t = icw_target_new (key, 2025, first);

  t->unit = g_strdup ("项");
  g_ptr_array_add (targets, t);
  t = icw_target_new (key, 2026, second);
  t->unit = g_strdup ("项");
  t->has_baseline = TRUE;
  t->baseline = 3;
  g_ptr_array_add (targets, t);
  return targets;
}

/* An administrator's version reaches the reviewer, a reviewer's the administrator: whole, once. */
static void
test_both_ways (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) first = rows ("发明专利", 4, 6.5);
  g_autoptr(GPtrArray) second = rows ("发明专利", 5, 8);
  g_autoptr(GPtrArray) in_a = NULL;
  g_autoptr(GPtrArray) in_b = NULL;
  g_autoptr(IcwRecord) center = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report;

  icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpint (icw_store_save_targets (f->a, CENTER, first, "王敏", "任务书初版", &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (to_push (f->a), ==, 1);
  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpuint (report.pushed, ==, 1);
  g_assert_cmpuint (to_push (f->a), ==, 0);

  /* The center changed after its targets: the server now sends the targets before the center, and
   * the version waits for it. */
  center = icw_store_lookup (f->a, ICW_RECORD_KIND_CENTER, CENTER, &error);
  g_assert_no_error (error);
  icw_center_set_name (ICW_CENTER (center), "鲁中心（改名）");
  icw_test_save (f->a, center);
  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpuint (report.pushed, ==, 1);

  report = icw_test_sync_both (f->b, f->srv.url, f->reviewer);
  g_assert_cmpuint (report.pulled, ==, 2);
  in_a = versions (f->a);
  in_b = versions (f->b);
  g_assert_cmpuint (in_b->len, ==, 1);
  assert_same (in_a->pdata[0], in_b->pdata[0]);
  g_assert_cmpuint (to_push (f->b), ==, 0);

  /* The reviewer's change of the targets, a version of its own. */
  g_assert_cmpint (icw_store_save_targets (f->b, CENTER, second, "省厅李审", "评审调整", &error), ==, 2);
  g_assert_no_error (error);
  report = icw_test_sync_both (f->b, f->srv.url, f->reviewer);
  g_assert_cmpuint (report.pushed, ==, 1);
  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpuint (report.pulled, ==, 1);
  g_clear_pointer (&in_a, g_ptr_array_unref);
  g_clear_pointer (&in_b, g_ptr_array_unref);
  in_a = versions (f->a);
  in_b = versions (f->b);
  g_assert_cmpuint (in_a->len, ==, 2);
  g_assert_cmpuint (in_b->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_same (in_a->pdata[i], in_b->pdata[i]);
  g_assert_cmpstr (((IcwTargetSet *) in_a->pdata[1])->changed_by, ==, "省厅李审");

  /* Again, both ways: nothing new, nothing twice. */
  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpuint (report.pushed + report.pulled, ==, 0);
  report = icw_test_sync_both (f->b, f->srv.url, f->reviewer);
  g_assert_cmpuint (report.pushed + report.pulled, ==, 0);
  g_clear_pointer (&in_a, g_ptr_array_unref);
  in_a = versions (f->a);
  g_assert_cmpuint (in_a->len, ==, 2);
}

/* An application of the center with the 绩效目标表 above, submitted from the administrator's
 * workbench and synced. */
static IcwApplication *
submit_application (Fixture *f)
{
  g_autoptr(IcwApplication) application = icw_application_new ();

  icw_test_sync_both (f->a, f->srv.url, f->admin);
  icw_application_set_center_id (application, CENTER);
  icw_application_set_kind (application, ICW_APPLICATION_KIND_ACCEPTANCE);
  icw_application_set_title (application, "验收认定申请");
  icw_application_set_indicators (application, INDICATORS);
  icw_test_save (f->a, application);
  icw_application_set_status (application, ICW_APPLICATION_STATUS_READY);
  icw_test_save (f->a, application);
  icw_application_set_status (application, ICW_APPLICATION_STATUS_SUBMITTED);
  icw_test_save (f->a, application);
  icw_test_sync_both (f->a, f->srv.url, f->admin);
  return g_steal_pointer (&application);
}

/* A reviewer accepts outside any workbench (a raw push): the administrator's workbench pulls the
 * acceptance and carries the targets itself, once, and pushes that version. */
static void
test_carry_on_pull (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IcwApplication) application = submit_application (f);
  const char *id = icw_record_get_id (ICW_RECORD (application));
  g_autofree char *path = g_strdup_printf ("/v1/records/application/%s", id);
  g_autofree char *record_text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected_id = icw_target_version_id_for_application (id);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) pushed = NULL;
  g_autoptr(GPtrArray) in_a = NULL;
  g_autoptr(GPtrArray) in_b = NULL;
  JsonObject *record;
  IcwSyncReport report;

  g_assert_cmpuint (icw_test_server_request (f->session, f->srv.url, "GET", path, f->reviewer, NULL, &answer), ==, 200);
  record = json_object_get_object_member (json_node_get_object (answer), "record");
  json_object_set_string_member (record, "status", "accepted");
  record_text = json_to_string (json_object_get_member (json_node_get_object (answer), "record"), FALSE);
  body = g_strdup_printf ("{\"idempotency_key\":\"key-accept-000000001\",\"changes\":[{\"kind\":\"application\",\"id\":\"%s\","
                          "\"op\":\"upsert\",\"base_revision\":\"%s\",\"record\":%s}]}",
                          id, json_object_get_string_member (json_node_get_object (answer), "revision"), record_text);
  g_assert_cmpuint (icw_test_server_request (f->session, f->srv.url, "POST", "/v1/push", f->reviewer, body, &pushed), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (json_node_get_object (pushed), "results"), 0), "status"), ==, "applied");

  g_assert_cmpuint (to_push (f->a), ==, 0);
  icw_test_sync_both (f->a, f->srv.url, f->admin);
  in_a = versions (f->a);
  g_assert_cmpuint (in_a->len, ==, 1);
  g_assert_cmpstr (((IcwTargetSet *) in_a->pdata[0])->id, ==, expected_id);
  g_assert_cmpstr (((IcwTargetSet *) in_a->pdata[0])->application_id, ==, id);
  g_assert_cmpuint (((IcwTargetSet *) in_a->pdata[0])->targets->len, ==, 2);
  /* Carried after the push of this run: it goes at the next, and is carried no second time. */
  g_assert_cmpuint (to_push (f->a), ==, 1);
  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpuint (report.pushed, ==, 1);
  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpuint (report.pushed + report.pulled, ==, 0);
  g_clear_pointer (&in_a, g_ptr_array_unref);
  in_a = versions (f->a);
  g_assert_cmpuint (in_a->len, ==, 1);

  /* The reviewer's workbench has it from the server, the same. */
  icw_test_sync_both (f->b, f->srv.url, f->reviewer);
  in_b = versions (f->b);
  g_assert_cmpuint (in_b->len, ==, 1);
  assert_same (in_a->pdata[0], in_b->pdata[0]);
}

/* A reviewer accepts on its workbench: it carries the targets and pushes them with the
 * acceptance; the administrator's workbench pulls both and keeps the one version. */
static void
test_carry_on_local_accept (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(IcwApplication) application = submit_application (f);
  const char *id = icw_record_get_id (ICW_RECORD (application));
  g_autoptr(IcwRecord) seen = NULL;
  g_autoptr(GPtrArray) in_a = NULL;
  g_autoptr(GPtrArray) in_b = NULL;
  g_autoptr(GError) error = NULL;
  IcwSyncReport report;

  icw_test_sync_both (f->b, f->srv.url, f->reviewer);
  seen = icw_store_lookup (f->b, ICW_RECORD_KIND_APPLICATION, id, &error);
  g_assert_no_error (error);
  g_assert_true (icw_lifecycle_accept (f->b, seen, "同意验收。", &error));
  g_assert_no_error (error);
  in_b = versions (f->b);
  g_assert_cmpuint (in_b->len, ==, 1);
  g_assert_cmpstr (((IcwTargetSet *) in_b->pdata[0])->application_id, ==, id);
  report = icw_test_sync_both (f->b, f->srv.url, f->reviewer);
  g_assert_cmpuint (report.pushed, ==, 2);   /* the acceptance, then the version */

  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  in_a = versions (f->a);
  g_assert_cmpuint (in_a->len, ==, 1);
  assert_same (in_a->pdata[0], in_b->pdata[0]);
  g_assert_cmpuint (to_push (f->a), ==, 0);
  report = icw_test_sync_both (f->a, f->srv.url, f->admin);
  g_assert_cmpuint (report.pushed + report.pulled, ==, 0);
  g_clear_pointer (&in_a, g_ptr_array_unref);
  in_a = versions (f->a);
  g_assert_cmpuint (in_a->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  /* No desktop's proxy settings: the server is on loopback. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/targets-sync/both-ways", Fixture, NULL, fixture_set_up, test_both_ways, fixture_tear_down);
  g_test_add ("/targets-sync/carry-on-pull", Fixture, NULL, fixture_set_up, test_carry_on_pull, fixture_tear_down);
  g_test_add ("/targets-sync/carry-on-local-accept", Fixture, NULL, fixture_set_up, test_carry_on_local_accept,
              fixture_tear_down);
  return g_test_run ();
}
