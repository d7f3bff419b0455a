/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-hostile.c: the reference server against a hostile administrator, a careless reviewer
 * and a rude client (issue 13), on loopback with raw HTTP: hostile records refused per change
 * and the server still serving the center's pulls; review authority; an idempotency key reused
 * with another batch; the token checked before a body is read; failed authentications limited;
 * keys purged; a bad stored row not stopping a province's pull; idle and slow connections
 * dropped; large chunked uploads not buffered (RSS measured); tombstones purged, and 410 past them. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "icw-sync-server.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

#define CENTER "c0000000-0000-4000-8000-000000000001"
#define OTHER "c0000000-0000-4000-8000-000000000002"

typedef struct {
  char          *dir;
  IcwSyncServer *server;
  char          *url;
  char          *location;   /* the server's database (icw_test_server_location) */
  char          *admin;
  char          *other_admin;
  char          *reviewer;
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
  return icw_test_server_request (f->session, f->url, method, path, token, body, answer);
}

/* Pushes one change with a fresh key; returns the result object's code (or status). */
static char *
push_one (Fixture    *f,
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
  guint status;

  status = request (f, "POST", "/v1/push", token, body, &answer);
  if (status != 200)
    {
      g_autofree char *text = answer != NULL ? json_to_string (answer, FALSE) : NULL;
      return g_strdup_printf ("%u %s", status, text);
    }
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "results"), 0);
  if (g_str_equal (json_object_get_string_member (result, "status"), "rejected"))
    return g_strdup (json_object_get_string_member (result, "code"));
  if (json_object_has_member (result, "revision"))
    return g_strdup_printf ("%s:%s", json_object_get_string_member (result, "status"),
                            json_object_get_string_member (result, "revision"));
  return g_strdup (json_object_get_string_member (result, "status"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  f->dir = icw_test_make_tmp_dir ("icw-hostile-XXXXXX", NULL);
  f->location = icw_test_server_location (f->dir);
  f->server = icw_sync_server_new (f->location, &error);
  g_assert_no_error (error);
  g_assert_true (icw_sync_server_listen (f->server, "127.0.0.1", 0, NULL, NULL, &error));
  f->url = icw_sync_server_get_url (f->server);
  f->admin = icw_sync_server_add_token (f->server, "admin", CENTER, &error);
  f->other_admin = icw_sync_server_add_token (f->server, "admin", OTHER, &error);
  f->reviewer = icw_sync_server_add_token (f->server, "reviewer", "山东", &error);
  g_assert_no_error (error);
  f->session = soup_session_new_with_options ("timeout", 10, NULL);
  code = push_one (f, f->admin, "center", CENTER, NULL, "{\"id\":\"" CENTER "\",\"name\":\"甲中心\",\"province\":\"山东\"}");
  g_assert_true (g_str_has_prefix (code, "applied"));
  g_free (code);
  code = push_one (f, f->other_admin, "center", OTHER, NULL, "{\"id\":\"" OTHER "\",\"name\":\"乙中心\",\"province\":\"山东\"}");
  g_assert_true (g_str_has_prefix (code, "applied"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->server);
  g_free (f->url);
  g_free (f->location);
  g_free (f->admin);
  g_free (f->other_admin);
  g_free (f->reviewer);
  icw_test_clear_tmp_dir (&f->dir, NULL);
}

static guint
pull_count (Fixture    *f,
            const char *token)
{
  g_autoptr(JsonNode) answer = NULL;

  g_assert_cmpuint (request (f, "GET", "/v1/pull?limit=500", token, NULL, &answer), ==, 200);
  return json_array_get_length (json_object_get_array_member (json_node_get_object (answer), "changes"));
}

static void
expect (Fixture    *f,
        const char *token,
        const char *kind,
        const char *id,
        const char *record,
        const char *code)
{
  g_autofree char *got = push_one (f, token, kind, id, NULL, record);

  g_assert_cmpstr (got, ==, code);
}

#define ORG "00000000-0000-4000-8000-0000000000"

/* A client of before issue 15 pushes a member in the role "user": refused, naming the role and
 * saying what to do; the same member as an ordinary one is applied. */
static void
test_member_role_user (Fixture       *f,
                       gconstpointer  data)
{
#define MEMBER "{\"id\":\"" ORG "21\",\"center_id\":\"" CENTER "\",\"organization_id\":\"" ORG "20\",\"role\":\"%s\"}"
  g_autofree char *user = g_strdup_printf (MEMBER, "user");
  g_autofree char *ordinary = g_strdup_printf (MEMBER, "ordinary");
#undef MEMBER
  g_autofree char *body = g_strdup_printf ("{\"idempotency_key\":\"key-role-user-abcdefgh\",\"changes\":[{\"kind\":\"alliance-member\","
                                           "\"id\":\"" ORG "21\",\"op\":\"upsert\",\"base_revision\":null,\"record\":%s}]}", user);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *org_code = push_one (f, f->admin, "organization", ORG "20", NULL,
                                        "{\"id\":\"" ORG "20\",\"name\":\"测试汽车有限公司\"}");
  g_autofree char *member_code = NULL;
  JsonObject *result;

  g_assert_true (g_str_has_prefix (org_code, "applied"));
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, body, &answer), ==, 200);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, "invalid-record");
  g_assert_cmpstr (json_object_get_string_member (result, "field"), ==, "role");
  g_assert_nonnull (strstr (json_object_get_string_member (result, "reason"), "user enterprise (用户企业) is marked on its organization"));
  member_code = push_one (f, f->admin, "alliance-member", ORG "21", NULL, ordinary);
  g_assert_true (g_str_has_prefix (member_code, "applied"));
}

static void
test_hostile_records (Fixture       *f,
                      gconstpointer  data)
{
  expect (f, f->admin, "organization", ORG "01", "{\"id\":\"" ORG "01\",\"name\":\"n\",\"rd_intensity_1\":1e400}", "invalid-record");
  expect (f, f->admin, "organization", ORG "03", "{\"id\":\"" ORG "03\",\"name\":\"n\",\"top_ten\":\"yes\"}", "invalid-record");
  expect (f, f->admin, "organization", ORG "04", "{\"id\":\"" ORG "04\",\"name\":\"n\",\"center_id\":\"" CENTER "\"}", "invalid-record");
  expect (f, f->admin, "organization", ORG "05", "{\"id\":\"" ORG "05\",\"name\":\"   \"}", "invalid-record");
  expect (f, f->admin, "organization", ORG "06", "{\"id\":\"" ORG "06\",\"name\":\"n\",\"rd_base_year\":99999999999}", "invalid-record");
  /* The catalogue's field checks, as a save or icw doctor runs them: a credit code whose check
   * character is wrong, a date that is not one, a structured part of the wrong shape. */
  expect (f, f->admin, "organization", ORG "13", "{\"id\":\"" ORG "13\",\"name\":\"n\",\"credit_code\":\"91370000000000000X\"}", "invalid-record");
  expect (f, f->admin, "application", ORG "14", "{\"id\":\"" ORG "14\",\"center_id\":\"" CENTER "\",\"lineage_id\":\"" ORG "14\",\"version\":1,\"call_deadline\":\"2026-02-30\"}", "invalid-record");
  expect (f, f->admin, "application", ORG "15", "{\"id\":\"" ORG "15\",\"center_id\":\"" CENTER "\",\"lineage_id\":\"" ORG "15\",\"version\":1,\"roadmap\":\"{\\\"not\\\":\\\"a list\\\"}\"}", "invalid-record");
  expect (f, f->admin, "organization", CENTER, "{\"id\":\"" CENTER "\",\"name\":\"n\"}", "kind-mismatch");
  expect (f, f->admin, "center", OTHER, "{\"id\":\"" OTHER "\",\"name\":\"n\"}", "id-taken");
  expect (f, f->admin, "platform", ORG "07", "{\"id\":\"" ORG "07\",\"organization_id\":\"" ORG "99\",\"kind\":\"key-lab\",\"name\":\"p\"}", "missing-parent");
  expect (f, f->admin, "application", ORG "08", "{\"id\":\"" ORG "08\",\"center_id\":\"" OTHER "\",\"lineage_id\":\"" ORG "08\",\"version\":1}", "foreign-reference");
  /* An organization of the other center cannot be linked. */
  expect (f, f->other_admin, "organization", ORG "10", "{\"id\":\"" ORG "10\",\"name\":\"乙的单位\"}", "applied:3");
  expect (f, f->admin, "shareholder", ORG "11", "{\"id\":\"" ORG "11\",\"center_id\":\"" CENTER "\",\"organization_id\":\"" ORG "10\",\"contribution\":\"money\",\"amount_fen\":1,\"share_bp\":1}", "foreign-reference");
  expect (f, f->admin, "shareholder", ORG "12", "{\"id\":\"" ORG "12\",\"center_id\":\"" CENTER "\",\"organization_id\":\"" ORG "10\",\"contribution\":\"money\",\"share_bp\":20000}", "invalid-record");

  /* Alive, and both centers and the reviewer still pull. */
  g_assert_cmpuint (pull_count (f, f->admin), ==, 1);
  g_assert_cmpuint (pull_count (f, f->other_admin), ==, 2);
  g_assert_cmpuint (pull_count (f, f->reviewer), ==, 3);
}

/* Text that is not Unicode inside one record (lone surrogates, which json-glib either cannot
 * parse or lets through as invalid UTF-8; a NUL, at which it cuts the string; raw invalid UTF-8;
 * U+FFFF, the server's mark for all of these) is refused with its change as invalid-text: the
 * other change of the batch is applied, and a surrogate pair is text like any other. */
static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = { "\\ud800", "a\\ud800b", "\\udc00", "\\ud800\\u0041", "nul\\u0000byte", "\xff\xfe",
                          "\xed\xa0\x80", "\xc0\x80", "\\uffff" };
  g_autoptr(JsonNode) answer = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"idempotency_key\":\"key-text-%02u-0123456789\",\"changes\":["
                                               "{\"kind\":\"organization\",\"id\":\"" ORG "5%u\",\"op\":\"upsert\",\"base_revision\":null,"
                                               "\"record\":{\"id\":\"" ORG "5%u\",\"name\":\"%s\"}},"
                                               "{\"kind\":\"organization\",\"id\":\"" ORG "6%u\",\"op\":\"upsert\",\"base_revision\":null,"
                                               "\"record\":{\"id\":\"" ORG "6%u\",\"name\":\"\\ud83d\\ude00 %u\"}}]}",
                                               i, i, i, names[i], i, i, i);
      g_autoptr(JsonNode) push = NULL;
      JsonArray *results;
      JsonObject *refused;

      g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, body, &push), ==, 200);
      results = json_object_get_array_member (json_node_get_object (push), "results");
      refused = json_array_get_object_element (results, 0);
      g_assert_cmpstr (json_object_get_string_member (refused, "status"), ==, "rejected");
      g_assert_cmpstr (json_object_get_string_member (refused, "code"), ==, "invalid-text");
      g_assert_cmpstr (json_object_get_string_member (refused, "field"), ==, "name");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "status"), ==, "applied");
    }
  /* In a member's name too. */
  expect (f, f->admin, "organization", ORG "70", "{\"id\":\"" ORG "70\",\"name\":\"n\",\"x\\ud800\":1}", "invalid-text");
  /* Outside strings nothing is marked: a broken document is still a 400. */
  {
    g_autofree char *got = push_one (f, f->admin, "organization", ORG "71", NULL, "{\"id\":\"" ORG "71\",\"name\":\"n\"}\xff");
    g_assert_true (g_str_has_prefix (got, "400 "));
  }
  g_assert_cmpuint (request (f, "GET", "/v1/records/organization/" ORG "60", f->admin, NULL, &answer), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer), "record"), "name"),
                   ==, "😀 0");
  g_assert_cmpuint (pull_count (f, f->admin), ==, 1 + G_N_ELEMENTS (names));
}

/* The same refusals in a batch that holds no escape \uXXXX at all, which the server reads without
 * marking first (handle_push): raw invalid UTF-8 in a string makes that read fail, and the marked
 * body is read instead; a raw U+FFFF, valid UTF-8, is found by the record's check. */
static void
test_hostile_raw_text (Fixture       *f,
                       gconstpointer  data)
{
  const char *names[] = { "\xff\xfe", "\xed\xa0\x80", "\xc0\x80", "\xef\xbf\xbf", "（\xef\xbf\xbf）", "a\\\\ud800" };
  const char *codes[] = { "invalid-text", "invalid-text", "invalid-text", "invalid-text", "invalid-text", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"idempotency_key\":\"key-raw-%02u-0123456789\",\"changes\":["
                                               "{\"kind\":\"organization\",\"id\":\"" ORG "5%u\",\"op\":\"upsert\",\"base_revision\":null,"
                                               "\"record\":{\"id\":\"" ORG "5%u\",\"name\":\"%s\"}},"
                                               "{\"kind\":\"organization\",\"id\":\"" ORG "6%u\",\"op\":\"upsert\",\"base_revision\":null,"
                                               "\"record\":{\"id\":\"" ORG "6%u\",\"name\":\"（plain）\\n %u\"}}]}",
                                               i, i, i, names[i], i, i, i);
      g_autoptr(JsonNode) push = NULL;
      JsonArray *results;
      JsonObject *first;

      g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, body, &push), ==, 200);
      results = json_object_get_array_member (json_node_get_object (push), "results");
      first = json_array_get_object_element (results, 0);
      if (codes[i] != NULL)
        {
          g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "rejected");
          g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, codes[i]);
          g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "name");
        }
      else   /* an escaped backslash before "u" is no escape: plain text */
        g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "applied");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "status"), ==, "applied");
    }
  /* Outside strings nothing is marked: a broken document without escapes is still a 400. */
  {
    g_autofree char *got = push_one (f, f->admin, "organization", ORG "72", NULL, "{\"id\":\"" ORG "72\",\"name\":\"n\"}\xff");
    g_assert_true (g_str_has_prefix (got, "400 "));
  }
  g_assert_cmpuint (pull_count (f, f->admin), ==, 1 + G_N_ELEMENTS (names) + 1);
}

#define APP "a0000000-0000-4000-8000-000000000001"
#define APP_RECORD(status, comments, title) \
  "{\"id\":\"" APP "\",\"center_id\":\"" CENTER "\",\"lineage_id\":\"" APP "\",\"version\":1," \
  "\"status\":\"" status "\",\"reviewer_comments\":" comments ",\"title\":\"" title "\"}"

static void
test_review_authority (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *review;

  expect (f, f->admin, "application", APP, APP_RECORD ("accepted", "\"经审核，同意。\"", "t"), "forbidden-change");
  expect (f, f->admin, "application", APP, APP_RECORD ("returned", "null", "t"), "forbidden-change");
  expect (f, f->admin, "application", APP, APP_RECORD ("draft", "\"自己写的意见\"", "t"), "forbidden-change");
  r1 = push_one (f, f->admin, "application", APP, NULL, APP_RECORD ("draft", "null", "t"));
  g_assert_cmpstr (r1, ==, "applied:3");
  r2 = push_one (f, f->admin, "application", APP, "\"3\"", APP_RECORD ("ready", "null", "t"));
  r3 = push_one (f, f->admin, "application", APP, "\"4\"", APP_RECORD ("submitted", "null", "t"));
  g_assert_cmpstr (r3, ==, "applied:5");
  g_free (r3);
  r3 = push_one (f, f->admin, "application", APP, "\"5\"", APP_RECORD ("submitted", "null", "changed"));
  g_assert_cmpstr (r3, ==, "locked-document");
  g_free (r3);
  r3 = push_one (f, f->admin, "application", APP, "\"5\"", APP_RECORD ("accepted", "null", "t"));
  g_assert_cmpstr (r3, ==, "forbidden-change");
  r4 = push_one (f, f->reviewer, "application", APP, "\"5\"", APP_RECORD ("accepted", "\"同意\"", "changed"));
  g_assert_cmpstr (r4, ==, "forbidden-change");
  g_free (r4);
  r4 = push_one (f, f->reviewer, "application", APP, "\"5\"", APP_RECORD ("accepted", "\"同意\"", "t"));
  g_assert_cmpstr (r4, ==, "applied:6");

  g_assert_cmpuint (request (f, "GET", "/v1/records/application/" APP, f->admin, NULL, &answer), ==, 200);
  review = json_object_get_object_member (json_node_get_object (answer), "review");
  g_assert_nonnull (review);
  g_assert_cmpstr (json_object_get_string_member (review, "status"), ==, "accepted");
  g_assert_cmpstr (json_object_get_string_member (review, "province"), ==, "370000");
  g_assert_nonnull (json_object_get_string_member (review, "recorded_at"));
}

#define REPORT "b0000000-0000-4000-8000-000000000001"
#define REPORT_RECORD(status, grade, comments) \
  "{\"id\":\"" REPORT "\",\"center_id\":\"" CENTER "\",\"lineage_id\":\"" REPORT "\",\"version\":1," \
  "\"year\":2025,\"kind\":\"annual-assessment\",\"status\":\"" status "\",\"reviewer_comments\":" comments "," \
  "\"grade\":\"" grade "\"}"

/* A report's grade is the reviewer's outcome (issue 16): an administrator sets it neither on a new
 * report nor on a filed one; the reviewer records it with the acceptance. */
static void
test_report_grade_authority (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL, *r5 = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *record;

  expect (f, f->admin, "report", REPORT, REPORT_RECORD ("draft", "excellent", "null"), "forbidden-change");
  expect (f, f->admin, "report", REPORT, REPORT_RECORD ("draft", "bad-grade", "null"), "invalid-record");
  r1 = push_one (f, f->admin, "report", REPORT, NULL, REPORT_RECORD ("draft", "none", "null"));
  g_assert_true (g_str_has_prefix (r1, "applied:"));
  r2 = push_one (f, f->admin, "report", REPORT, "\"3\"", REPORT_RECORD ("submitted", "none", "null"));
  g_assert_true (g_str_has_prefix (r2, "applied:"));
  r3 = push_one (f, f->admin, "report", REPORT, "\"4\"", REPORT_RECORD ("submitted", "good", "null"));
  g_assert_cmpstr (r3, ==, "forbidden-change");
  r4 = push_one (f, f->reviewer, "report", REPORT, "\"4\"", REPORT_RECORD ("submitted", "good", "null"));
  g_assert_cmpstr (r4, ==, "forbidden-change");
  r5 = push_one (f, f->reviewer, "report", REPORT, "\"4\"", REPORT_RECORD ("accepted", "fail", "\"不合格，限期整改\""));
  g_assert_true (g_str_has_prefix (r5, "applied:"));
  g_assert_cmpuint (request (f, "GET", "/v1/records/report/" REPORT, f->admin, NULL, &answer), ==, 200);
  record = json_object_get_object_member (json_node_get_object (answer), "record");
  g_assert_cmpstr (json_object_get_string_member (record, "grade"), ==, "fail");
  g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "accepted");
}

#define APP2 "a0000000-0000-4000-8000-000000000002"
#define APP2_RECORD(status, title) \
  "{\"id\":\"" APP2 "\",\"center_id\":\"" CENTER "\",\"lineage_id\":\"" APP2 "\",\"version\":1," \
  "\"status\":\"" status "\",\"reviewer_comments\":null,\"title\":\"" title "\"}"
#define APP3 "a0000000-0000-4000-8000-000000000003"
#define APP3_RECORD(status, title) \
  "{\"id\":\"" APP3 "\",\"center_id\":\"" CENTER "\",\"lineage_id\":\"" APP3 "\",\"version\":1," \
  "\"status\":\"" status "\",\"reviewer_comments\":null,\"title\":\"" title "\"}"

/* Steps made offline arrive folded (the outbox keeps a record's latest state): a document made,
 * marked ready and submitted before the first sync arrives new and submitted, and a draft marked
 * ready and submitted between two syncs arrives as draft → submitted. Both are the owner's own
 * steps and are applied; the owner's change to returned or accepted, folded or not, is not. */
static void
test_owner_steps_folded (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL;

  r1 = push_one (f, f->admin, "application", APP2, NULL, APP2_RECORD ("submitted", "t"));
  g_assert_cmpstr (r1, ==, "applied:3");
  r2 = push_one (f, f->admin, "application", APP3, NULL, APP3_RECORD ("draft", "t"));
  g_assert_cmpstr (r2, ==, "applied:4");
  r3 = push_one (f, f->admin, "application", APP3, "\"4\"", APP3_RECORD ("submitted", "edited then submitted"));
  g_assert_cmpstr (r3, ==, "applied:5");
  r4 = push_one (f, f->admin, "application", APP3, "\"5\"", APP3_RECORD ("draft", "edited then submitted"));
  g_assert_cmpstr (r4, ==, "forbidden-change");   /* submitted: only a reviewer moves it on */
}

/* The code and field of a refusal ("invalid-record reviewer_comments"), or the result as push_one
 * gives it. */
static char *
push_field (Fixture    *f,
            const char *token,
            const char *base,
            const char *record)
{
  g_autofree char *body = g_strdup_printf ("{\"idempotency_key\":\"key-%08u-abcdefgh\",\"changes\":[{\"kind\":\"application\","
                                           "\"id\":\"" APP "\",\"op\":\"upsert\",\"base_revision\":%s,\"record\":%s}]}",
                                           ++f->n_key, base != NULL ? base : "null", record);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *result;

  g_assert_cmpuint (request (f, "POST", "/v1/push", token, body, &answer), ==, 200);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "results"), 0);
  if (!g_str_equal (json_object_get_string_member (result, "status"), "rejected"))
    return g_strdup_printf ("%s:%s", json_object_get_string_member (result, "status"),
                            json_object_get_string_member (result, "revision"));
  return g_strdup_printf ("%s %s", json_object_get_string_member (result, "code"),
                          json_object_get_string_member_with_default (result, "field", "-"));
}

#define COMMENTS(items) "\"{\\\"format\\\":\\\"icw-review-comments\\\",\\\"version\\\":1,\\\"comments\\\":[" items "]}\""
#define COMMENT(kind, key, outcome) \
  "{\\\"anchor_kind\\\":\\\"" kind "\\\",\\\"anchor_key\\\":" key ",\\\"text\\\":\\\"请补充\\\"," \
  "\\\"author\\\":\\\"李华\\\",\\\"at\\\":\\\"2026-12-07T03:00:00Z\\\",\\\"outcome\\\":" outcome "}"
#define RISKS_RETURNED COMMENTS (COMMENT ("section", "\\\"risks\\\"", "\\\"returned\\\""))

/* Reviewers' comments (docs/sync-protocol.md, "Review authority"): a comment list is checked as
 * the store checks it, a return needs a comment, each comment is of the outcome recorded, and the
 * list comes back as it was sent. */
static void
test_review_comments (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *got = NULL;
  JsonObject *record;

  /* Nobody stores an invalid list, an administrator no list at all. */
  got = push_field (f, f->admin, NULL, APP_RECORD ("draft", COMMENTS (COMMENT ("section", "\\\"risk\\\"", "null")), "t"));
  g_assert_cmpstr (got, ==, "invalid-record reviewer_comments");
  g_free (got);
  got = push_field (f, f->admin, NULL, APP_RECORD ("draft", RISKS_RETURNED, "t"));
  g_assert_cmpstr (got, ==, "forbidden-change reviewer_comments");
  g_free (got);
  g_free (push_field (f, f->admin, NULL, APP_RECORD ("draft", "null", "t")));
  g_free (push_field (f, f->admin, "\"3\"", APP_RECORD ("ready", "null", "t")));
  got = push_field (f, f->admin, "\"4\"", APP_RECORD ("submitted", "null", "t"));
  g_assert_cmpstr (got, ==, "applied:5");
  g_free (got);

  /* A return without a comment, with an empty one, with another outcome's, or anchored to a
   * field the application does not have. */
  got = push_field (f, f->reviewer, "\"5\"", APP_RECORD ("returned", "null", "t"));
  g_assert_cmpstr (got, ==, "invalid-record reviewer_comments");
  g_free (got);
  got = push_field (f, f->reviewer, "\"5\"", APP_RECORD ("returned", "\"  \"", "t"));
  g_assert_cmpstr (got, ==, "invalid-record reviewer_comments");
  g_free (got);
  got = push_field (f, f->reviewer, "\"5\"", APP_RECORD ("returned", COMMENTS (COMMENT ("document", "null", "\\\"accepted\\\"")), "t"));
  g_assert_cmpstr (got, ==, "invalid-record reviewer_comments");
  g_free (got);
  got = push_field (f, f->reviewer, "\"5\"", APP_RECORD ("returned", COMMENTS (COMMENT ("field", "\\\"ownership\\\"", "null")), "t"));
  g_assert_cmpstr (got, ==, "invalid-record reviewer_comments");
  g_free (got);
  got = push_field (f, f->reviewer, "\"5\"", APP_RECORD ("returned", RISKS_RETURNED, "t"));
  g_assert_cmpstr (got, ==, "applied:6");

  g_assert_cmpuint (request (f, "GET", "/v1/records/application/" APP, f->admin, NULL, &answer), ==, 200);
  record = json_object_get_object_member (json_node_get_object (answer), "record");
  g_assert_nonnull (strstr (json_object_get_string_member (record, "reviewer_comments"), "\"anchor_key\":\"risks\""));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer), "review"), "status"),
                   ==, "returned");
}

/* The key is bound to the batch's bytes with the whitespace between tokens left out (issue 20), or
 * to the batch as json-glib writes it (the hash kept before): the same batch spaced out, or with
 * an escape for a character, is answered with the stored answer; another record is a 422. */
static void
test_key_whitespace (Fixture       *f,
                     gconstpointer  data)
{
  const char *a = "{\"idempotency_key\":\"space-key-0123456789\",\"changes\":[{\"kind\":\"organization\",\"id\":\"" ORG "22\","
                  "\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"" ORG "22\",\"name\":\"甲 乙\"}}]}";
  const char *spaced = "{ \"idempotency_key\" : \"space-key-0123456789\",\n \"changes\" : [ { \"kind\":\"organization\", \"id\":\"" ORG "22\","
                       "\t\"op\":\"upsert\", \"base_revision\":null, \"record\":{ \"id\":\"" ORG "22\", \"name\":\"甲 乙\" } } ] }\r\n";
  const char *escaped = "{\"idempotency_key\":\"space-key-0123456789\",\"changes\":[{\"kind\":\"organization\",\"id\":\"" ORG "22\","
                        "\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"" ORG "22\",\"name\":\"\\u7532 乙\"}}]}";
  const char *other = "{\"idempotency_key\":\"space-key-0123456789\",\"changes\":[{\"kind\":\"organization\",\"id\":\"" ORG "22\","
                      "\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"" ORG "22\",\"name\":\"甲 丙\"}}]}";
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *again_text = NULL;

  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, a, &first), ==, 200);
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, spaced, &again), ==, 200);
  first_text = json_to_string (first, FALSE);
  again_text = json_to_string (again, FALSE);
  g_assert_cmpstr (again_text, ==, first_text);
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, escaped, &answer), ==, 200);
  g_clear_pointer (&again_text, g_free);
  again_text = json_to_string (answer, FALSE);
  g_assert_cmpstr (again_text, ==, first_text);
  g_clear_pointer (&answer, json_node_unref);
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, other, &answer), ==, 422);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "error"), ==, "idempotency-key-reused");
}

static void
test_key_reused (Fixture       *f,
                 gconstpointer  data)
{
  const char *a = "{\"idempotency_key\":\"same-key-0123456789\",\"changes\":[{\"kind\":\"organization\",\"id\":\"" ORG "20\","
                  "\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"" ORG "20\",\"name\":\"甲\"}}]}";
  const char *b = "{\"idempotency_key\":\"same-key-0123456789\",\"changes\":[{\"kind\":\"organization\",\"id\":\"" ORG "21\","
                  "\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"" ORG "21\",\"name\":\"乙\"}}]}";
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_days (g_date_time_new_now_utc (), 1);

  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, a, NULL), ==, 200);
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, a, NULL), ==, 200);
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, b, &answer), ==, 422);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "error"), ==, "idempotency-key-reused");

  /* Purged keys are forgotten: the other batch is then a new one. */
  g_assert_cmpint (icw_sync_server_purge_keys (f->server, later, &error), >=, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, b, NULL), ==, 200);
}

static void
test_auth_rate_limit (Fixture       *f,
                      gconstpointer  data)
{
  guint limited = 0;

  for (guint i = 0; i < 40; i++)
    if (request (f, "GET", "/v1/pull", "icw_wrong", NULL, NULL) == 429)
      limited++;
  g_assert_cmpuint (limited, >=, 15);
  /* A valid token is not limited. */
  g_assert_cmpuint (pull_count (f, f->admin), ==, 1);
}

/* A chunked upload without a valid token: refused from its headers (its body is discarded, not
 * buffered; libsoup answers once the chunked body ends). */
static void
test_unauthenticated_upload (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GUri) uri = g_uri_parse (f->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headers = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                                              "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                                              "4\r\n{}{}\r\n0\r\n\r\n",
                                              g_uri_get_port (uri));
  char reply[64] = { 0, };
  gssize got;

  g_socket_client_set_timeout (socket_client, 5);
  connection = g_socket_client_connect_to_host (socket_client, "127.0.0.1", g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                            headers, strlen (headers), NULL, NULL, &error));
  /* The server runs in this thread: let it answer, reading without blocking. */
  got = -1;
  for (guint i = 0; i < 3000 && got <= 0; i++)
    {
      g_clear_error (&error);
      g_main_context_iteration (NULL, FALSE);
      got = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (G_IO_STREAM (connection))),
                                                      reply, sizeof reply - 1, NULL, &error);
      if (got <= 0)
        g_usleep (1000);
    }
  g_assert_no_error (error);
  g_assert_cmpint (got, >, 12);
  g_assert_true (g_str_has_prefix (reply, "HTTP/1.1 401"));
}

#define THIRD "c0000000-0000-4000-8000-000000000003"

/* A bad row in the server's database (written by hand, or by an older server) is skipped with a
 * line in the log: the reviewer's pull of the province goes on to the other centers' records,
 * including a center that synced after the bad row was stored. */
static void
test_bad_stored_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *third = icw_sync_server_add_token (f->server, "admin", THIRD, &error);
  GLogLevelFlags old_fatal;

  g_assert_no_error (error);
  expect (f, f->admin, "organization", ORG "30", "{\"id\":\"" ORG "30\",\"name\":\"坏行一\"}", "applied:3");
  expect (f, f->admin, "organization", ORG "31", "{\"id\":\"" ORG "31\",\"name\":\"坏行二\"}", "applied:4");
  expect (f, f->other_admin, "organization", ORG "32", "{\"id\":\"" ORG "32\",\"name\":\"乙的单位\"}", "applied:5");
  /* PostgreSQL's text is always UTF-8: there the second row is cut short too. */
  icw_test_server_exec (f->location,
                        "UPDATE records SET payload = '{\"id\":' WHERE id = '" ORG "30';"
                        "UPDATE records SET payload = CAST (X'7B226964223A22FF227D' AS TEXT) WHERE id = '" ORG "31'",
                        "UPDATE records SET payload = '{\"id\":' WHERE id IN ('" ORG "30', '" ORG "31')");
  expect (f, third, "center", THIRD, "{\"id\":\"" THIRD "\",\"name\":\"丙中心\",\"province\":\"山东\"}", "applied:6");
  expect (f, third, "organization", ORG "33", "{\"id\":\"" ORG "33\",\"name\":\"丙的单位\"}", "applied:7");
  /* A stored ID that is not UTF-8 (SQLite keeps any bytes as text): the row is skipped like a bad
   * payload, not the whole page turned into a 500. PostgreSQL cannot hold it: a cut payload there. */
  expect (f, f->admin, "organization", ORG "34", "{\"id\":\"" ORG "34\",\"name\":\"坏行三\"}", "applied:8");
  icw_test_server_exec (f->location,
                        "UPDATE records SET id = CAST (X'6F7267FF' AS TEXT) WHERE id = '" ORG "34'",
                        "UPDATE records SET payload = '{\"id\":' WHERE id = '" ORG "34'");

  /* Both centers', the third center's (synced later) and the first center's own record: 5. The
   * server logs each skipped row as a warning (structured logging: g_test_expect_message cannot
   * catch it on GLib 2.74), so warnings are not fatal here. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_cmpuint (pull_count (f, f->reviewer), ==, 5);
  /* The center holding the bad rows still pulls its good one. */
  g_assert_cmpuint (pull_count (f, f->admin), ==, 1);
  g_log_set_always_fatal (old_fatal);
}

/* A page stops before the record that would take its text over the size a client reads (8 MiB
 * here, whatever the limit asked), and the next page goes on from there: three stored records of
 * 3.5 MB each (written behind the server's back) come as two pages. */
static void
test_page_size (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *path = NULL;
  JsonObject *page;

  expect (f, f->admin, "organization", ORG "40", "{\"id\":\"" ORG "40\",\"name\":\"大行一\"}", "applied:3");
  expect (f, f->admin, "organization", ORG "41", "{\"id\":\"" ORG "41\",\"name\":\"大行二\"}", "applied:4");
  expect (f, f->admin, "organization", ORG "42", "{\"id\":\"" ORG "42\",\"name\":\"大行三\"}", "applied:5");
  /* Four strings of 875,000 bytes each (a string's limit is 1 MiB). */
  icw_test_server_exec (f->location,
                        "UPDATE records SET payload = '{\"id\":\"' || id || '\",\"a\":\"' || "
                        "replace(hex(zeroblob(437500)), '0', 'a') || '\",\"b\":\"' || replace(hex(zeroblob(437500)), '0', 'b') || "
                        "'\",\"c\":\"' || replace(hex(zeroblob(437500)), '0', 'c') || '\",\"d\":\"' || "
                        "replace(hex(zeroblob(437500)), '0', 'd') || '\"}' WHERE kind = 'organization'",
                        "UPDATE records SET payload = '{\"id\":\"' || id || '\",\"a\":\"' || repeat('a', 875000) || "
                        "'\",\"b\":\"' || repeat('b', 875000) || '\",\"c\":\"' || repeat('c', 875000) || "
                        "'\",\"d\":\"' || repeat('d', 875000) || '\"}' WHERE kind = 'organization'");

  g_assert_cmpuint (request (f, "GET", "/v1/pull?limit=500", f->admin, NULL, &first), ==, 200);
  page = json_node_get_object (first);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "changes")), ==, 3);   /* the center and two */
  g_assert_true (json_object_get_boolean_member (page, "has_more"));
  g_assert_cmpstr (json_object_get_string_member (page, "cursor"), ==, "4");
  path = g_strdup_printf ("/v1/pull?limit=500&cursor=%s", json_object_get_string_member (page, "cursor"));
  g_assert_cmpuint (request (f, "GET", path, f->admin, NULL, &second), ==, 200);
  page = json_node_get_object (second);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "changes")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (page, "changes"), 0), "id"),
                   ==, ORG "42");
  g_assert_false (json_object_get_boolean_member (page, "has_more"));
}

static GSocketConnection *
connect_raw (Fixture *f)
{
  g_autoptr(GUri) uri = g_uri_parse (f->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_timeout (client, 5);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  return connection;
}

/* Seconds until the server closes the connection (this thread runs the server); a byte is sent
 * every `drip` ms when drip > 0, so the connection is never idle. */
static double
seconds_until_closed (GSocketConnection *connection,
                      const char        *text,
                      guint              drip)
{
  GSocket *socket = g_socket_connection_get_socket (connection);
  gint64 start = g_get_monotonic_time ();
  gint64 last_drip = start;
  char buffer[512];

  g_assert_cmpint (g_socket_send (socket, text, strlen (text), NULL, NULL), ==, (gssize) strlen (text));
  g_socket_set_blocking (socket, FALSE);
  while (g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    {
      g_autoptr(GError) error = NULL;
      gssize got;

      g_main_context_iteration (NULL, FALSE);
      got = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
      if (got == 0 || (got < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)))
        break;
      if (drip > 0 && g_get_monotonic_time () - last_drip > drip * 1000)
        {
          g_socket_send (socket, "x", 1, NULL, NULL);
          last_drip = g_get_monotonic_time ();
        }
      g_usleep (2000);
    }
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Idle and slow connections are dropped: 1 s idle and a 2 s request deadline here (60 s and
 * 120 s by default). */
static void
test_slow_connections (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *body_headers = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                                                   "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{", f->admin);
  g_autoptr(GSocketConnection) idle = NULL;
  g_autoptr(GSocketConnection) half = NULL;
  g_autoptr(GSocketConnection) drip = NULL;
  double seconds;

  icw_sync_server_set_limits (f->server, 1, 2, 10, 20);
  idle = connect_raw (f);
  seconds = seconds_until_closed (idle, "", 0);
  g_test_message ("an idle connection was closed after %.1f s", seconds);
  g_assert_cmpfloat (seconds, <, 3.5);
  half = connect_raw (f);
  seconds = seconds_until_closed (half, "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le", 0);
  g_test_message ("half a request's headers, then nothing: closed after %.1f s", seconds);
  g_assert_cmpfloat (seconds, <, 3.5);
  /* One byte of body every 0.3 s is never idle: the deadline ends it. */
  drip = connect_raw (f);
  seconds = seconds_until_closed (drip, body_headers, 300);
  g_test_message ("a body trickling in: closed after %.1f s", seconds);
  g_assert_cmpfloat (seconds, >=, 1.5);
  g_assert_cmpfloat (seconds, <, 5.0);   /* a bound: the deadline's timeout may run late */
  /* The server still serves. */
  g_assert_cmpuint (pull_count (f, f->admin), ==, 1);
}

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "\nVmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

typedef struct {
  guint16  port;
  char    *token;
  gsize    sent;
  char     reply[64];
  gint     done;
} Upload;

#define UPLOAD_CHUNK (1024 * 1024)
#define UPLOAD_TOTAL (64 * 1024 * 1024)

/* The client side of a large chunked upload, in a thread of its own (this one runs the server). */
static gpointer
upload_thread (gpointer user_data)
{
  Upload *upload = user_data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autofree char *chunk = g_malloc (UPLOAD_CHUNK);
  g_autofree char *headers = g_strdup_printf ("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%s%s"
                                              "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n",
                                              upload->token != NULL ? "Authorization: Bearer " : "",
                                              upload->token != NULL ? upload->token : "",
                                              upload->token != NULL ? "\r\n" : "");
  g_autofree char *size_line = g_strdup_printf ("%x\r\n", UPLOAD_CHUNK);
  GOutputStream *out;

  memset (chunk, ' ', UPLOAD_CHUNK);
  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", upload->port, NULL, NULL);
  g_assert_nonnull (connection);
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  if (g_output_stream_write_all (out, headers, strlen (headers), NULL, NULL, NULL))
    for (upload->sent = 0; upload->sent < UPLOAD_TOTAL; upload->sent += UPLOAD_CHUNK)
      if (!g_output_stream_write_all (out, size_line, strlen (size_line), NULL, NULL, NULL) ||
          !g_output_stream_write_all (out, chunk, UPLOAD_CHUNK, NULL, NULL, NULL) ||
          !g_output_stream_write_all (out, "\r\n", 2, NULL, NULL, NULL))
        break;   /* the server closed the connection */
  g_output_stream_write_all (out, "0\r\n\r\n", 5, NULL, NULL, NULL);
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), upload->reply,
                       sizeof upload->reply - 1, NULL, NULL);
  g_atomic_int_set (&upload->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gboolean
sample_rss (gpointer user_data)
{
  gint64 *peak = user_data;

  *peak = MAX (*peak, rss_kib ());
  return G_SOURCE_CONTINUE;
}

/* Runs an upload; returns the largest growth of this process's RSS meanwhile, in KiB. */
static gint64
upload (Fixture *f,
        Upload  *upload)
{
  g_autoptr(GUri) uri = g_uri_parse (f->url, G_URI_FLAGS_NONE, NULL);
  gint64 before = rss_kib ();
  gint64 peak = before;
  guint sampler = g_timeout_add (10, sample_rss, &peak);
  GThread *thread;

  upload->port = g_uri_get_port (uri);
  thread = g_thread_new ("upload", upload_thread, upload);

  while (!g_atomic_int_get (&upload->done))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (sampler);
  g_thread_join (thread);
  sample_rss (&peak);
  return peak - before;
}

/* 64 MiB chunked: without a token it is answered 401 and never kept; with one it is cut off past
 * the 8 MiB limit. Either way the server's memory grows by far less than the body. */
static void
test_large_chunked_upload (Fixture       *f,
                           gconstpointer  data)
{
  Upload anonymous = { 0, };
  Upload admin = { 0, .token = f->admin };
  gint64 growth;

  growth = upload (f, &anonymous);
  g_test_message ("64 MiB chunked without a token: %" G_GSIZE_FORMAT " MiB sent, RSS grew by %" G_GINT64_FORMAT
                  " KiB, answer “%.12s”", anonymous.sent >> 20, growth, anonymous.reply);
  g_assert_true (g_str_has_prefix (anonymous.reply, "HTTP/1.1 401"));
  g_assert_cmpint (growth, <, 8 * 1024);
  growth = upload (f, &admin);
  g_test_message ("64 MiB chunked with a token: %" G_GSIZE_FORMAT " MiB sent before the server closed, RSS grew by %"
                  G_GINT64_FORMAT " KiB", admin.sent >> 20, growth);
  g_assert_cmpuint (admin.sent, <, UPLOAD_TOTAL);
  g_assert_cmpint (growth, <, 24 * 1024);
  g_assert_cmpuint (pull_count (f, f->admin), ==, 1);
}

/* Tombstones older than the horizon are purged; a cursor older than the last purged tombstone
 * gets 410 and a pull from the beginning works. */
static void
test_tombstone_purge (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) later = g_date_time_add_days (g_date_time_new_now_utc (), 1);
  const char *delete = "{\"idempotency_key\":\"key-delete-0123456789\",\"changes\":[{\"kind\":\"organization\",\"id\":\"" ORG "40\","
                       "\"op\":\"delete\",\"base_revision\":\"3\",\"record\":{\"id\":\"" ORG "40\",\"name\":\"删\"}}]}";
  const char *delete_recent = "{\"idempotency_key\":\"key-delete-recent-0123\",\"changes\":[{\"kind\":\"organization\",\"id\":\"" ORG "41\","
                              "\"op\":\"delete\",\"base_revision\":\"5\",\"record\":{\"id\":\"" ORG "41\",\"name\":\"留\"}}]}";
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  expect (f, f->admin, "organization", ORG "40", "{\"id\":\"" ORG "40\",\"name\":\"删\"}", "applied:3");
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, delete, NULL), ==, 200);   /* revision 4 */
  expect (f, f->admin, "organization", ORG "41", "{\"id\":\"" ORG "41\",\"name\":\"留\"}", "applied:5");

  /* The default horizon (90 days) keeps a new tombstone. */
  g_assert_cmpint (icw_sync_server_purge_tombstones (f->server, NULL, &error), ==, 0);
  g_assert_cmpuint (request (f, "GET", "/v1/pull?cursor=3", f->admin, NULL, NULL), ==, 200);
  g_assert_cmpuint (request (f, "GET", "/v1/records/organization/" ORG "40", f->admin, NULL, NULL), ==, 200);

  g_assert_cmpint (icw_sync_server_purge_tombstones (f->server, later, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (request (f, "GET", "/v1/records/organization/" ORG "40", f->admin, NULL, NULL), ==, 404);
  g_assert_cmpuint (request (f, "GET", "/v1/pull?cursor=3", f->admin, NULL, &answer), ==, 410);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "error"), ==, "gone");
  g_assert_cmpuint (request (f, "GET", "/v1/pull?cursor=4", f->admin, NULL, NULL), ==, 200);
  /* A full resync: the center and the live organization; the purged tombstone is gone. */
  g_assert_cmpuint (pull_count (f, f->admin), ==, 2);

  /* A tombstone newer than the purge's limit stays. */
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, delete_recent, NULL), ==, 200);
  g_assert_cmpint (icw_sync_server_purge_tombstones (f->server, NULL, &error), ==, 0);
  g_assert_cmpuint (pull_count (f, f->admin), ==, 2);
}

/* The 任务书's versions (kind "target-version"): checked as the workbench checks one, added only by
 * the center's administrators and the reviewers of its province, and append-only. */
#define TV "70000000-0000-4000-8000-0000000000"
#define TV_ROWS(rows) "\"targets\":\"[" rows "]\""
#define TV_ROW(key, year, target) "{\\\"indicator_key\\\":\\\"" key "\\\",\\\"year\\\":" year ",\\\"target\\\":" target "}"
#define TV_RECORD(id, center, app, first, last, reason, rows) \
  "{\"id\":\"" id "\",\"center_id\":\"" center "\",\"version\":1,\"application_id\":" app "," \
  "\"first_year\":" first ",\"last_year\":" last ",\"changed_by\":\"王敏\",\"changed_at\":\"2026-03-01T08:00:00Z\"," \
  "\"reason\":\"" reason "\"," rows "}"
#define TV_GOOD(id, center, reason) \
  TV_RECORD (id, center, "null", "2026", "2027", reason, TV_ROWS (TV_ROW ("专利", "2026", "10") "," TV_ROW ("专利", "2027", "12.5")))

static void
test_target_versions (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *second = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *other_reviewer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *result;

  other_reviewer = icw_sync_server_add_token (f->server, "reviewer", "安徽", &error);
  g_assert_no_error (error);

  /* Who may add one: the center's administrators and its province's reviewers, nobody else. */
  first = push_one (f, f->admin, "target-version", TV "01", NULL, TV_GOOD (TV "01", CENTER, "初版"));
  g_assert_true (g_str_has_prefix (first, "applied:"));
  second = push_one (f, f->reviewer, "target-version", TV "02", NULL, TV_GOOD (TV "02", CENTER, "评审调整"));
  g_assert_true (g_str_has_prefix (second, "applied:"));
  expect (f, f->other_admin, "target-version", TV "03", TV_GOOD (TV "03", CENTER, "x"), "forbidden-change");
  expect (f, other_reviewer, "target-version", TV "04", TV_GOOD (TV "04", CENTER, "x"), "forbidden-change");
  expect (f, f->admin, "target-version", TV "05", TV_GOOD (TV "05", "c0000000-0000-4000-8000-000000000009", "x"), "missing-parent");

  /* Append-only: the same version again is applied as stored, any change or deletion refused. */
  again = push_one (f, f->admin, "target-version", TV "01", NULL, TV_GOOD (TV "01", CENTER, "初版"));
  g_assert_cmpstr (again, ==, first);
  expect (f, f->admin, "target-version", TV "01", TV_GOOD (TV "01", CENTER, "改过的理由"), "forbidden-change");
  expect (f, f->reviewer, "target-version", TV "01",
          TV_RECORD (TV "01", CENTER, "null", "2026", "2026", "初版", TV_ROWS (TV_ROW ("专利", "2026", "99"))), "forbidden-change");
  body = g_strdup_printf ("{\"idempotency_key\":\"key-delete-target-version\",\"changes\":[{\"kind\":\"target-version\","
                          "\"id\":\"" TV "01\",\"op\":\"delete\",\"base_revision\":\"%s\",\"record\":%s}]}",
                          first + strlen ("applied:"), TV_GOOD (TV "01", CENTER, "初版"));
  g_assert_cmpuint (request (f, "POST", "/v1/push", f->admin, body, &answer), ==, 200);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, "forbidden-change");
  g_assert_nonnull (strstr (json_object_get_string_member (result, "reason"), "never deleted"));
  /* Another kind under the ID. */
  expect (f, f->admin, "organization", TV "01", "{\"id\":\"" TV "01\",\"name\":\"抢占\"}", "kind-mismatch");

  /* Its form: the period, the rows, the numbers. */
  expect (f, f->admin, "target-version", TV "10",
          TV_RECORD (TV "10", CENTER, "null", "2026", "2027", "x", TV_ROWS (TV_ROW ("专利", "2026", "10"))), "invalid-record");
  expect (f, f->admin, "target-version", TV "11",
          TV_RECORD (TV "11", CENTER, "null", "2027", "2026", "x", TV_ROWS (TV_ROW ("专利", "2026", "10"))), "invalid-record");
  expect (f, f->admin, "target-version", TV "12",
          TV_RECORD (TV "12", CENTER, "null", "2026", "2026", "x", TV_ROWS (TV_ROW ("专利", "2026", "\\\"十\\\""))), "invalid-record");
  expect (f, f->admin, "target-version", TV "13",
          TV_RECORD (TV "13", CENTER, "null", "2026", "2026", "x", TV_ROWS (TV_ROW ("专利", "2026", "1e400"))), "invalid-record");
  expect (f, f->admin, "target-version", TV "14",
          TV_RECORD (TV "14", CENTER, "null", "2026", "2026", "x",
                     TV_ROWS (TV_ROW ("专利", "2026", "1") "," TV_ROW ("专利", "2026", "2"))), "invalid-record");
  expect (f, f->admin, "target-version", TV "15",
          TV_RECORD (TV "15", CENTER, "null", "2026", "2026", "x", TV_ROWS (TV_ROW ("", "2026", "1"))), "invalid-record");
  expect (f, f->admin, "target-version", TV "16",
          TV_RECORD (TV "16", CENTER, "null", "2026", "2026", "x", TV_ROWS ("")), "invalid-record");
  expect (f, f->admin, "target-version", TV "17",
          TV_RECORD (TV "17", CENTER, "null", "1999", "1999", "x", TV_ROWS (TV_ROW ("专利", "1999", "1"))), "invalid-record");
  expect (f, f->admin, "target-version", TV "18",
          "{\"id\":\"" TV "18\",\"center_id\":\"" CENTER "\",\"version\":1,\"first_year\":2026,\"last_year\":2026,"
          "\"changed_at\":\"yesterday\"," TV_ROWS (TV_ROW ("专利", "2026", "1")) "}", "invalid-record");
  expect (f, f->admin, "target-version", TV "19", TV_GOOD (TV "19", CENTER, "\xef\xbf\xbf"), "invalid-text");
  /* The application it was carried from: on the server, of its center. */
  expect (f, f->admin, "target-version", TV "20",
          TV_RECORD (TV "20", CENTER, "\"" ORG "99\"", "2026", "2026", "x", TV_ROWS (TV_ROW ("专利", "2026", "1"))), "missing-parent");
  foreign = push_one (f, f->other_admin, "application", ORG "98", NULL,
                      "{\"id\":\"" ORG "98\",\"center_id\":\"" OTHER "\",\"lineage_id\":\"" ORG "98\",\"version\":1}");
  g_assert_true (g_str_has_prefix (foreign, "applied:"));
  expect (f, f->admin, "target-version", TV "21",
          TV_RECORD (TV "21", CENTER, "\"" ORG "98\"", "2026", "2026", "x", TV_ROWS (TV_ROW ("专利", "2026", "1"))), "foreign-reference");

  /* What the server keeps: two versions of the center, seen by its administrator and reviewer only. */
  g_assert_cmpuint (pull_count (f, f->admin), ==, 3);
  g_assert_cmpuint (pull_count (f, f->reviewer), ==, 5);
  g_assert_cmpuint (pull_count (f, other_reviewer), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync-hostile/records", test_hostile_records);
  ADD ("/sync-hostile/member-role-user", test_member_role_user);
  ADD ("/sync-hostile/text", test_hostile_text);
  ADD ("/sync-hostile/raw-text", test_hostile_raw_text);
  ADD ("/sync-hostile/review-authority", test_review_authority);
  ADD ("/sync-hostile/report-grade-authority", test_report_grade_authority);
  ADD ("/sync-hostile/owner-steps-folded", test_owner_steps_folded);
  ADD ("/sync-hostile/review-comments", test_review_comments);
  ADD ("/sync-hostile/key-reused", test_key_reused);
  ADD ("/sync-hostile/key-whitespace", test_key_whitespace);
  ADD ("/sync-hostile/auth-rate-limit", test_auth_rate_limit);
  ADD ("/sync-hostile/unauthenticated-upload", test_unauthenticated_upload);
  ADD ("/sync-hostile/bad-stored-row", test_bad_stored_row);
  ADD ("/sync-hostile/page-size", test_page_size);
  ADD ("/sync-hostile/slow-connections", test_slow_connections);
  ADD ("/sync-hostile/large-chunked-upload", test_large_chunked_upload);
  ADD ("/sync-hostile/tombstone-purge", test_tombstone_purge);
  ADD ("/sync-hostile/target-versions", test_target_versions);
  return g_test_run ();
}
