/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-controller.c: the window's sync controller against the real reference server on
 * loopback, with real SQLite stores on both sides and the keyring's file backend, without a
 * display. Its states: sign-in required before signing in and after a refused token; synced after
 * signing in and after an edit (debounced, no call to sync); needs attention when a sync keeps a
 * conflict; sign-in required when the server revokes the token, the outbox kept. And a refusal's
 * text in the conflict fields' words. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-application.h"
#include "icw-center.h"
#include "icw-conflict-fields.h"
#include "icw-store-sync.h"
#include "icw-store-targets-sync.h"
#include "icw-sync-client.h"
#include "icw-sync-controller.h"
#include "icw-sync-error.h"
#include "icw-sync-refusal.h"
#include "icw-sync-server.h"
#include "icw-sync-token.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

typedef IcwTestSyncFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  icw_test_sync_fixture_set_up (f, "icw-sync-controller-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  icw_test_sync_fixture_tear_down (f);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!icw_sync_controller_sign_in_finish (ICW_SYNC_CONTROLLER (source), result, error) && *error == NULL)
    g_error ("sign-in failed without an error");
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "signed in");  /* a marker: done */
}

/* Signs in and returns NULL on success, else the error. */
static GError *
sign_in (IcwSyncController *controller,
         const char        *url,
         const char        *token)
{
  GError *error = NULL;

  icw_sync_controller_sign_in_async (controller, url, token, NULL, on_signed_in, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  return error;
}

static void
rename_center (IcwStore   *store,
               const char *id,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) record = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  icw_center_set_name (ICW_CENTER (record), name);
  icw_test_save (store, record);
}

static void
revoke_tokens (Fixture *f)
{
  icw_test_server_exec (f->location, "UPDATE tokens SET revoked = 1", NULL);
}

static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(IcwSyncController) a = icw_sync_controller_new (f->a, f->settings);
  g_autoptr(IcwSyncController) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *description = NULL;
  const char *id = icw_record_get_id (ICW_RECORD (f->center));

  /* Not signed in: nothing happens, and the description says so. */
  g_assert_cmpint (icw_sync_controller_get_state (a), ==, ICW_SYNC_STATE_SIGN_IN_REQUIRED);
  g_assert_false (icw_sync_controller_is_signed_in (a));

  /* A token the server does not know is refused before it is kept. */
  error = sign_in (a, f->url, "icw_not-a-token-the-server-issued");
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_null (icw_sync_token_lookup (f->url, NULL, NULL));
  g_assert_cmpint (icw_sync_controller_get_state (a), ==, ICW_SYNC_STATE_SIGN_IN_REQUIRED);
  /* Plain http to another machine is refused too, naming the address. */
  error = sign_in (a, "http://sync.example.org", f->admin);
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INSECURE);
  g_clear_error (&error);

  /* The administrator's token: kept in the keyring, then the first sync. */
  g_assert_null (sign_in (a, f->url, f->admin));
  stored = icw_sync_token_lookup (f->url, NULL, NULL);
  g_assert_cmpstr (stored, ==, f->admin);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SYNCED);
  g_assert_cmpint (icw_sync_controller_get_last_sync (a), >, 0);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);
  g_assert_cmpint (icw_sync_server_get_applied (f->server), >=, 1);

  /* A second instance finds the server in settings and the token in the keyring, and pulls. */
  b = icw_sync_controller_new (f->b, f->settings);
  icw_test_wait_sync_state (b, ICW_SYNC_STATE_SYNCED);
  g_assert_nonnull (icw_store_lookup (f->b, ICW_RECORD_KIND_CENTER, id, NULL));

  /* An edit in a goes out by itself after the pause. */
  icw_sync_controller_set_delay (a, 50);
  rename_center (f->a, id, "齐鲁智能传感器创新中心（甲）");
  g_assert_cmpint (icw_store_count_outbox (f->a), >, 0);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SYNCING);
  /* "Syncing…" ends its sentence: no full stop after the ellipsis. */
  description = icw_sync_controller_describe (a);
  g_assert_true (g_str_has_prefix (description, "Syncing… Last synced ") ||
                 g_str_has_prefix (description, "Syncing…:"));
  g_clear_pointer (&description, g_free);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SYNCED);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);

  /* The same field changed in b: its sync keeps a conflict and asks for attention. */
  icw_sync_controller_set_delay (b, 60000);
  rename_center (f->b, id, "齐鲁智能传感器创新中心（乙）");
  icw_sync_controller_sync_now (b);
  icw_test_wait_sync_state (b, ICW_SYNC_STATE_NEEDS_ATTENTION);
  g_assert_cmpuint (icw_sync_controller_get_n_conflicts (b), ==, 1);
  description = icw_sync_controller_describe (b);
  g_assert_true (g_str_has_prefix (description, "Needs attention: 1 conflict to resolve."));

  /* The server revokes the token: sign-in required, the edit still in the outbox. */
  revoke_tokens (f);
  icw_sync_controller_set_delay (a, 60000);
  rename_center (f->a, id, "齐鲁智能传感器创新中心（丙）");
  icw_sync_controller_sync_now (a);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SIGN_IN_REQUIRED);
  g_assert_cmpint (icw_store_count_outbox (f->a), >, 0);
  g_assert_nonnull (icw_sync_controller_get_message (a));

  /* Signing out removes the token from the keyring. */
  g_assert_true (icw_sync_controller_sign_out (a, &error));
  g_assert_no_error (error);
  g_assert_null (icw_sync_token_lookup (f->url, NULL, NULL));
  icw_sync_controller_shutdown (b);
}

/* An acceptance pulled by the controller carries the application's targets (after the run's push);
 * the controller sends them by itself with another run, as it does for edits left in the outbox. */
static void
test_carried_targets_go_out (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(IcwSyncController) a = icw_sync_controller_new (f->a, f->settings);
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) pushed = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autofree char *reviewer = icw_sync_server_add_token (f->server, "reviewer", "山东", &error);
  g_autofree char *path = NULL;
  g_autofree char *record = NULL;
  g_autofree char *body = NULL;
  const char *ids[] = { icw_record_get_id (ICW_RECORD (f->center)), NULL };
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_null (sign_in (a, f->url, f->admin));
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SYNCED);
  icw_sync_controller_set_delay (a, 60000);
  icw_application_set_center_id (application, ids[0]);
  icw_application_set_title (application, "验收认定申请");
  icw_application_set_indicators (application, "[{\"name\": \"发明专利\", \"unit\": \"项\", \"years\": [{\"year\": 2026, \"target\": 8}]}]");
  icw_test_save (f->a, application);
  icw_application_set_status (application, ICW_APPLICATION_STATUS_READY);
  icw_test_save (f->a, application);
  icw_application_set_status (application, ICW_APPLICATION_STATUS_SUBMITTED);
  icw_test_save (f->a, application);
  icw_sync_controller_sync_now (a);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SYNCING);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SYNCED);
  g_assert_cmpint (icw_store_count_outbox (f->a), ==, 0);

  /* The reviewer accepts (a raw push with the reviewer's token). */
  path = g_strdup_printf ("/v1/records/application/%s", icw_record_get_id (ICW_RECORD (application)));
  g_assert_cmpuint (icw_test_server_request (session, f->url, "GET", path, reviewer, NULL, &answer), ==, 200);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (answer), "record"), "status", "accepted");
  record = json_to_string (json_object_get_member (json_node_get_object (answer), "record"), FALSE);
  body = g_strdup_printf ("{\"idempotency_key\":\"key-accept-controller-1\",\"changes\":[{\"kind\":\"application\",\"id\":\"%s\","
                          "\"op\":\"upsert\",\"base_revision\":\"%s\",\"record\":%s}]}",
                          icw_record_get_id (ICW_RECORD (application)),
                          json_object_get_string_member (json_node_get_object (answer), "revision"), record);
  g_assert_cmpuint (icw_test_server_request (session, f->url, "POST", "/v1/push", reviewer, body, &pushed), ==, 200);

  /* One sync asked for: it pulls the acceptance, carries, and a second run pushes the version. */
  icw_sync_controller_sync_now (a);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_SYNCING);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (;;)
    {
      g_clear_pointer (&versions, g_ptr_array_unref);
      versions = icw_store_target_versions_to_push (f->a, 10, NULL);
      if (icw_sync_controller_get_state (a) == ICW_SYNC_STATE_SYNCED && versions->len == 0)
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("the carried targets were not sent (%u waiting, state %d)", versions->len,
                 icw_sync_controller_get_state (a));
      g_main_context_iteration (NULL, TRUE);
    }
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = icw_store_collect_target_versions (f->a, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  icw_sync_controller_shutdown (a);
}

/* A server that cannot be reached: the description is whole sentences, the error's message (which
 * ends without a full stop) then the last sync ("… Connection refused. Never synced."). */
static void
test_offline_description (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(IcwSyncController) a = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *description = NULL;

  g_settings_set_string (f->settings, "sync-server-url", "http://127.0.0.1:9");
  g_setenv ("ICW_TOKEN", f->admin, TRUE);
  a = icw_sync_controller_new (f->a, f->settings);
  icw_test_wait_sync_state (a, ICW_SYNC_STATE_OFFLINE);
  detail = icw_sync_controller_describe_detail (a);
  description = icw_sync_controller_describe (a);
  g_assert_nonnull (icw_sync_controller_get_message (a));
  g_assert_true (g_str_has_suffix (detail, ". Never synced."));
  g_assert_false (g_str_has_suffix (detail, ".. Never synced."));
  g_assert_true (g_str_has_prefix (description, "Offline: "));
  g_assert_true (g_str_has_suffix (description, detail));
  g_unsetenv ("ICW_TOKEN");
  icw_sync_controller_shutdown (a);
}

/* The labels of the grid marked as differing, in order. */
static void
test_refusal_text (void)
{
  g_autofree char *text = icw_conflict_refusal_text (icw_sync_refusal_reason ("a-code-of-later"),
                                                     "Said by the server", ICW_RECORD_KIND_ORGANIZATION, NULL);

  g_assert_cmpstr (text, ==, "The server refused your change: Said by the server");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  /* The desktop's proxy settings are not in the test environment; loopback needs none. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sync-controller/states", Fixture, NULL, fixture_set_up, test_states, fixture_tear_down);
  g_test_add ("/sync-controller/carried-targets-go-out", Fixture, NULL, fixture_set_up, test_carried_targets_go_out,
              fixture_tear_down);
  g_test_add ("/sync-controller/offline-description", Fixture, NULL, fixture_set_up, test_offline_description,
              fixture_tear_down);
  g_test_add_func ("/sync-controller/refusal-text", test_refusal_text);
  return g_test_run ();
}
