/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-digest.c: a push body's digest when GnuTLS refuses a piece (icw-sync-digest.h). GnuTLS
 * refuses only on a broken handle or in a failed FIPS state, which a test cannot bring about; so
 * this program defines gnutls_hash itself (the executable's symbol comes before the library's),
 * passing every call to GnuTLS's own except while `refusing` is set. Checked: no digest rather
 * than a digest of part of the bytes, and the server answering 503 with nothing applied, then
 * applying the same batch once GnuTLS answers again. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "config.h"

#include <dlfcn.h>
#include <gnutls/crypto.h>
#include <string.h>

#include "icw-sync-digest.h"
#include "icw-test-sync-fixture.h"
#include "icw-test-util.h"

#define CENTER "c0000000-0000-4000-8000-000000000001"

static gint refusing;
static gint refused;

int
gnutls_hash (gnutls_hash_hd_t handle,
             const void      *text,
             size_t           textlen)
{
  static int (*real) (gnutls_hash_hd_t, const void *, size_t);

  if (real == NULL)
    real = (int (*) (gnutls_hash_hd_t, const void *, size_t)) dlsym (RTLD_NEXT, "gnutls_hash");
  g_assert_nonnull (real);
  if (g_atomic_int_get (&refusing))
    {
      g_atomic_int_inc (&refused);
      return GNUTLS_E_INVALID_REQUEST;
    }
  return real (handle, text, textlen);
}

/* One piece refused among others: no digest, asked once or twice; the next digest is whole again. */
static void
test_refused_piece (void)
{
  const char *pieces[] = { "{\"idempotency_key\":", "\"key-1\",", "\"changes\":[]}" };
  g_autofree char *whole = g_strconcat (pieces[0], pieces[1], pieces[2], NULL);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, whole, -1);
  g_autoptr(IcwSyncDigest) digest = icw_sync_digest_new ();
  g_autoptr(IcwSyncDigest) again = icw_sync_digest_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_atomic_int_set (&refusing, i == 1);
      icw_sync_digest_update (digest, pieces[i], strlen (pieces[i]));
    }
  g_atomic_int_set (&refusing, FALSE);
  g_assert_cmpint (g_atomic_int_get (&refused), >=, 1);
  g_assert_null (icw_sync_digest_get_string (digest));
  g_assert_null (icw_sync_digest_get_string (digest));

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    icw_sync_digest_update (again, pieces[i], strlen (pieces[i]));
  g_assert_cmpstr (icw_sync_digest_get_string (again), ==, expected);
}

static guint
pull_count (SoupSession *session,
            const char  *url,
            const char  *token)
{
  g_autoptr(JsonNode) answer = NULL;

  g_assert_cmpuint (icw_test_server_request (session, url, "GET", "/v1/pull?limit=500", token, NULL, &answer), ==, 200);
  return json_array_get_length (json_object_get_array_member (json_node_get_object (answer), "changes"));
}

/* The server without the batch's digest: 503, nothing applied, the key not taken; the same batch
 * sent again once GnuTLS answers is applied, and a third time is a replay of that answer. */
static void
test_push_unavailable (void)
{
  const char *body = "{\"idempotency_key\":\"digest-key-0123456789\",\"changes\":[{\"kind\":\"center\",\"id\":\"" CENTER "\","
                     "\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"" CENTER "\",\"name\":\"甲中心\",\"province\":\"山东\"}}]}";
  IcwTestServer server = { 0 };
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autofree char *admin = NULL;
  g_autoptr(JsonNode) refused_answer = NULL;
  g_autoptr(JsonNode) applied = NULL;
  g_autoptr(JsonNode) replayed = NULL;
  g_autofree char *applied_text = NULL;
  g_autofree char *replayed_text = NULL;
  JsonObject *result;

  icw_test_server_start (&server, "icw-digest-XXXXXX");
  admin = icw_test_server_add_token (&server, "admin", CENTER);

  g_atomic_int_set (&refused, 0);
  g_atomic_int_set (&refusing, TRUE);
  g_assert_cmpuint (icw_test_server_request (session, server.url, "POST", "/v1/push", admin, body, &refused_answer), ==, 503);
  g_atomic_int_set (&refusing, FALSE);
  g_assert_cmpint (g_atomic_int_get (&refused), >=, 1);
  g_assert_nonnull (refused_answer);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (refused_answer), "error"), ==, "unavailable");
  g_assert_cmpuint (pull_count (session, server.url, admin), ==, 0);

  g_assert_cmpuint (icw_test_server_request (session, server.url, "POST", "/v1/push", admin, body, &applied), ==, 200);
  result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (applied), "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  g_assert_cmpuint (pull_count (session, server.url, admin), ==, 1);
  g_assert_cmpuint (icw_test_server_request (session, server.url, "POST", "/v1/push", admin, body, &replayed), ==, 200);
  applied_text = json_to_string (applied, FALSE);
  replayed_text = json_to_string (replayed, FALSE);
  g_assert_cmpstr (replayed_text, ==, applied_text);
  g_assert_cmpuint (pull_count (session, server.url, admin), ==, 1);

  icw_test_server_stop (&server);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync-digest/refused-piece", test_refused_piece);
  g_test_add_func ("/sync-digest/push-unavailable", test_push_unavailable);
  return g_test_run ();
}
