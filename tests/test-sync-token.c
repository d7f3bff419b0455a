/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-token.c: the sync token in the keyring (src/sync/icw-sync-token.c) through libsecret's
 * file backend (SECRET_BACKEND=file, a keyring file in the test's own directory; no daemon):
 * store, look up, clear, one token per server, ICW_TOKEN overriding the keyring, and the token
 * never written in clear into the keyring file. */
#include "config.h"

#include <glib/gstdio.h>

#include "icw-sync-error.h"
#include "icw-sync-token.h"
#include "icw-test-util.h"

#define SERVER_A "https://sync.example.org"
#define SERVER_B "https://review.example.org:8443"
#define TOKEN_A "icw_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define TOKEN_B "icw_fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"

static char *keyring_path;

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_unsetenv ("ICW_TOKEN");
  g_assert_true (icw_sync_token_store (SERVER_A, TOKEN_A, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icw_sync_token_store (SERVER_B, TOKEN_B, NULL, &error));
  g_assert_no_error (error);

  token = icw_sync_token_lookup (SERVER_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN_A);
  g_clear_pointer (&token, g_free);
  token = icw_sync_token_lookup (SERVER_B, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN_B);
  g_clear_pointer (&token, g_free);

  /* The keyring file exists and holds the tokens encrypted, not in clear. */
  g_assert_true (g_file_get_contents (keyring_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_null (g_strstr_len (contents, length, "0123456789abcdef"));

  /* Storing again replaces: one token per server. */
  g_assert_true (icw_sync_token_store (SERVER_A, TOKEN_B, NULL, &error));
  token = icw_sync_token_lookup (SERVER_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN_B);
  g_clear_pointer (&token, g_free);

  /* Cleared: the lookup fails with NO_TOKEN and a message naming the server; the other stays. */
  g_assert_true (icw_sync_token_clear (SERVER_A, NULL, &error));
  g_assert_no_error (error);
  token = icw_sync_token_lookup (SERVER_A, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_NO_TOKEN);
  icw_test_assert_message_contains (error, SERVER_A, "lookup after clear");
  icw_test_assert_message_contains (error, "ICW_TOKEN", "lookup after clear");
  g_clear_error (&error);
  token = icw_sync_token_lookup (SERVER_B, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN_B);

  /* Clearing what is not there is no error. */
  g_assert_true (icw_sync_token_clear (SERVER_A, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icw_sync_token_clear (SERVER_B, NULL, &error));
  g_assert_no_error (error);
}

static void
test_environment_overrides (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_true (icw_sync_token_store (SERVER_A, TOKEN_A, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("ICW_TOKEN", "icw_from-the-environment", TRUE);
  token = icw_sync_token_lookup (SERVER_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "icw_from-the-environment");
  g_clear_pointer (&token, g_free);
  /* Even for a server the keyring has nothing for. */
  token = icw_sync_token_lookup (SERVER_B, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "icw_from-the-environment");
  g_clear_pointer (&token, g_free);

  /* An empty ICW_TOKEN is no token: the keyring answers. */
  g_setenv ("ICW_TOKEN", "", TRUE);
  token = icw_sync_token_lookup (SERVER_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN_A);
  g_clear_pointer (&token, g_free);

  g_unsetenv ("ICW_TOKEN");
  token = icw_sync_token_lookup (SERVER_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN_A);
  g_assert_true (icw_sync_token_clear (SERVER_A, NULL, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* libsecret reads these when first used: no Secret Service, no D-Bus. */
  dir = icw_test_make_tmp_dir ("icw-sync-token-XXXXXX", NULL);
  keyring_path = g_build_filename (dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);

  g_test_add_func ("/sync/token/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/sync/token/environment-overrides", test_environment_overrides);
  status = g_test_run ();
  g_free (keyring_path);
  icw_test_clear_tmp_dir (&dir, NULL);
  return status;
}
