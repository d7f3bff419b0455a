/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-score-sync.c: the grade a reviewer records goes through sync like an acceptance. Against
 * the real reference server on loopback (SQLite, or PostgreSQL as test score-sync-pg): only a
 * reviewer of the center's province sets a report's grade, only with the acceptance of a
 * submitted report, and a 不合格's 整改 is due a year after the day it was graded; then, through
 * two workbenches (real SQLite stores and the sync client), a reviewer's acceptance with a grade
 * reaches the administrator's database and the center's history of grades. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "icw-center.h"
#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-report.h"
#include "icw-score-filing.h"
#include "icw-score-history.h"
#include "icw-store-reports.h"
#include "icw-sync-client.h"
#include "icw-sync-server.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

#define CENTER "c0000000-0000-4000-8000-000000000001"
#define REPORT "e0000000-0000-4000-8000-000000000001"

typedef struct {
  IcwTestServer  srv;
  char          *admin;
  char          *reviewer;
  char          *other_reviewer;
  SoupSession   *session;
  guint          n_key;
} Fixture;

static guint
request (Fixture     *f,
         const char  *method,
         const char  *path,
         const char  *token,
         const char  *body,
         JsonNode   **answer)
{
  return icw_test_server_request (f->session, f->srv.url, method, path, token, body, answer);
}

/* One change with a fresh key: "applied:REVISION", or the refusal's "code field". */
static char *
push (Fixture    *f,
      const char *token,
      const char *kind,
      const char *id,
      const char *base,
      const char *record)
{
  g_autofree char *body = g_strdup_printf ("{\"idempotency_key\":\"key-%08u-abcdefgh\",\"changes\":[{\"kind\":\"%s\",\"id\":\"%s\","
                                           "\"op\":\"upsert\",\"base_revision\":%s,\"record\":%s}]}",
                                           ++f->n_key, kind, id, base != NULL ? base : "null", record);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *result;
  guint status = request (f, "POST", "/v1/push", token, body, &answer);

  if (status != 200)
    return g_strdup_printf ("%u", status);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "results"), 0);
  if (g_str_equal (json_object_get_string_member (result, "status"), "rejected"))
    return g_strdup_printf ("%s %s", json_object_get_string_member (result, "code"),
                            json_object_get_string_member_with_default (result, "field", "-"));
  return g_strdup_printf ("%s:%s", json_object_get_string_member (result, "status"),
                          json_object_get_string_member (result, "revision"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *code = NULL;

  icw_test_server_start (&f->srv, "icw-score-sync-XXXXXX");
  f->admin = icw_test_server_add_token (&f->srv, "admin", CENTER);
  f->reviewer = icw_test_server_add_token (&f->srv, "reviewer", "湖南");
  f->other_reviewer = icw_test_server_add_token (&f->srv, "reviewer", "安徽");
  f->session = soup_session_new_with_options ("timeout", 10, NULL);
  code = push (f, f->admin, "center", CENTER, NULL,
               "{\"id\":\"" CENTER "\",\"name\":\"湘中心\",\"province\":\"湖南\",\"status\":\"recognized\","
               "\"recognized_on\":\"2024-06-01\"}");
  g_assert_true (g_str_has_prefix (code, "applied"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_free (f->admin);
  g_free (f->reviewer);
  g_free (f->other_reviewer);
  icw_test_server_stop (&f->srv);
}

#define RECORD(status, grade, graded_on, due) \
  "{\"id\":\"" REPORT "\",\"center_id\":\"" CENTER "\",\"lineage_id\":\"" REPORT "\",\"version\":1," \
  "\"year\":2026,\"kind\":\"annual-assessment\",\"status\":\"" status "\",\"reviewer_comments\":null," \
  "\"grade\":\"" grade "\",\"graded_on\":" graded_on ",\"rectify_due\":" due "}"

static void
expect (Fixture    *f,
        const char *token,
        const char *base,
        const char *record,
        const char *result)
{
  g_autofree char *got = push (f, token, "report", REPORT, base, record);

  g_assert_cmpstr (got, ==, result);
}

static void
test_grade_authority (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *record;

  /* The administrator grades nothing, not even a draft of its own. */
  expect (f, f->admin, NULL, RECORD ("draft", "pass", "\"2027-03-15\"", "null"), "forbidden-change grade");
  expect (f, f->admin, NULL, RECORD ("draft", "none", "null", "null"), "applied:2");
  expect (f, f->admin, "\"2\"", RECORD ("ready", "none", "null", "null"), "applied:3");
  expect (f, f->admin, "\"3\"", RECORD ("draft", "none", "\"2027-03-15\"", "null"), "forbidden-change graded_on");
  expect (f, f->admin, "\"3\"", RECORD ("submitted", "none", "null", "null"), "applied:4");
  expect (f, f->admin, "\"4\"", RECORD ("submitted", "excellent", "\"2027-03-15\"", "null"), "forbidden-change grade");

  /* A reviewer grades only with the acceptance, and gives a well-formed outcome. */
  expect (f, f->reviewer, "\"4\"", RECORD ("returned", "pass", "\"2027-03-15\"", "null"), "forbidden-change grade");
  expect (f, f->reviewer, "\"4\"", RECORD ("accepted", "fail", "null", "\"2028-03-15\""), "invalid-record graded_on");
  expect (f, f->reviewer, "\"4\"", RECORD ("accepted", "fail", "\"2027-03-15\"", "null"), "invalid-record rectify_due");
  expect (f, f->reviewer, "\"4\"", RECORD ("accepted", "fail", "\"2027-03-15\"", "\"2028-03-14\""), "invalid-record rectify_due");
  expect (f, f->reviewer, "\"4\"", RECORD ("accepted", "pass", "\"2027-03-15\"", "\"2028-03-15\""), "invalid-record rectify_due");
  /* A reviewer of another province does not decide this center's report. */
  {
    g_autofree char *other = push (f, f->other_reviewer, "report", REPORT, "\"4\"",
                                   RECORD ("accepted", "pass", "\"2027-03-15\"", "null"));

    g_assert_false (g_str_has_prefix (other, "applied"));
  }
  expect (f, f->reviewer, "\"4\"", RECORD ("accepted", "fail", "\"2027-03-15\"", "\"2028-03-15\""), "applied:5");
  /* Once accepted, the grade stays as recorded. */
  expect (f, f->reviewer, "\"5\"", RECORD ("accepted", "pass", "\"2027-03-16\"", "null"), "forbidden-change status");

  g_assert_cmpuint (request (f, "GET", "/v1/records/report/" REPORT, f->admin, NULL, &answer), ==, 200);
  record = json_object_get_object_member (json_node_get_object (answer), "record");
  g_assert_cmpstr (json_object_get_string_member (record, "grade"), ==, "fail");
  g_assert_cmpstr (json_object_get_string_member (record, "rectify_due"), ==, "2028-03-15");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer), "review"),
                                                  "status"), ==, "accepted");
}

static void
set_status (IcwStore             *store,
            IcwReport            *report,
            IcwApplicationStatus  status)
{
  g_autoptr(GError) error = NULL;

  icw_report_set_status (report, status);
  g_assert_true (icw_store_save (store, ICW_RECORD (report), &error));
  g_assert_no_error (error);
}

/* An administrator files a report from one workbench; a reviewer of the province accepts it from
 * another with 不合格; the grade, its day and the 整改 due a year later come back to the
 * administrator's database and into the center's history of grades. */
static void
test_grade_through_workbenches (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(IcwStore) a = icw_test_open_store_in (f->srv.dir, "admin.db");
  g_autoptr(IcwStore) b = icw_test_open_store_in (f->srv.dir, "reviewer.db");
  g_autoptr(IcwReport) filed = NULL;
  g_autoptr(IcwRecord) seen = NULL;
  g_autoptr(IcwRecord) back = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const IcwGradeEntry *entry;
  GDate graded, due, day;

  icw_test_sync_both (a, f->srv.url, f->admin);
  filed = icw_store_create_report (a, CENTER, 2026, ICW_REPORT_KIND_ANNUAL_ASSESSMENT, &error);
  g_assert_no_error (error);
  /* The administrator cannot grade it, not even before sending it. */
  icw_report_set_grade (filed, ICW_REPORT_GRADE_EXCELLENT);
  g_assert_false (icw_store_save (a, ICW_RECORD (filed), &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);
  icw_report_set_grade (filed, ICW_REPORT_GRADE_NONE);
  set_status (a, filed, ICW_APPLICATION_STATUS_READY);
  set_status (a, filed, ICW_APPLICATION_STATUS_SUBMITTED);
  icw_test_sync_both (a, f->srv.url, f->admin);

  /* The reviewer's workbench: accepted with 不合格 on a day of its choosing. */
  icw_test_sync_both (b, f->srv.url, f->reviewer);
  seen = icw_store_lookup (b, ICW_RECORD_KIND_REPORT, icw_record_get_id (ICW_RECORD (filed)), &error);
  g_assert_no_error (error);
  g_date_clear (&graded, 1);
  g_date_set_dmy (&graded, 15, 3, 2027);
  g_assert_true (icw_rectification_due (ICW_REPORT_GRADE_FAIL, &graded, &due));
  g_object_set (seen, "grade", (guint) ICW_REPORT_GRADE_FAIL, "graded-on", "2027-03-15", "rectify-due", "2028-03-15", NULL);
  g_assert_true (icw_lifecycle_accept (b, seen, "", &error));
  g_assert_no_error (error);
  icw_test_sync_both (b, f->srv.url, f->reviewer);

  icw_test_sync_both (a, f->srv.url, f->admin);
  back = icw_store_lookup (a, ICW_RECORD_KIND_REPORT, icw_record_get_id (ICW_RECORD (filed)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (icw_report_get_status (ICW_REPORT (back)), ==, ICW_APPLICATION_STATUS_ACCEPTED);
  g_assert_cmpint (icw_report_get_grade (ICW_REPORT (back)), ==, ICW_REPORT_GRADE_FAIL);
  g_assert_cmpstr (icw_report_get_rectify_due (ICW_REPORT (back)), ==, "2028-03-15");

  history = icw_score_grade_history (a, CENTER);
  g_assert_cmpuint (history->len, ==, 1);
  entry = history->pdata[0];
  g_assert_cmpint (entry->year, ==, 2026);
  g_assert_cmpint (entry->grade, ==, ICW_REPORT_GRADE_FAIL);
  g_assert_cmpstr (entry->graded_on, ==, "2027-03-15");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 14, 3, 2028);
  g_assert_true (icw_grade_entry_rectifying (entry, &day));
  g_date_set_dmy (&day, 15, 3, 2028);
  g_assert_false (icw_grade_entry_rectifying (entry, &day));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  /* No desktop's proxy settings: the server is on loopback. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/score-sync/grade-authority", Fixture, NULL, fixture_set_up, test_grade_authority, fixture_tear_down);
  g_test_add ("/score-sync/through-workbenches", Fixture, NULL, fixture_set_up, test_grade_through_workbenches, fixture_tear_down);
  return g_test_run ();
}
