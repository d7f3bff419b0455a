/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-json.c: hostile JSON against the sync layer's checks: json-glib 1.6's leniencies
 * (assignment, single quotes, concatenated documents, empty input, wrapped integers), wrong
 * member types, numbers where strings are required, and 10 MB strings. */
#include "config.h"

#include <string.h>

#include "icw-sync-error.h"
#include "icw-sync-json.h"

static void
assert_refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = icw_sync_json_parse_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, &error);

  if (root != NULL)
    g_error ("accepted: %s", text);
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
}

static void
test_quirks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) good = NULL;
  const char *text = "{\"a\": 9223372036854775807, \"b\": [true, null, \"\\u4e2d\"]}";

  assert_refused ("");
  assert_refused ("   ");
  assert_refused ("var x = {\"a\": 1};");
  assert_refused ("{'a': 1}");
  assert_refused ("{\"a\": 1}{\"b\": 2}");
  assert_refused ("{\"a\": 1} x");
  assert_refused ("{\"a\": 99999999999999999999}");
  assert_refused ("{\"a\": -9223372036854775809}");
  assert_refused ("[1, 2]");
  assert_refused ("\"text\"");
  assert_refused ("{\"a\": 1,}");
  assert_refused ("{a: 1}");
  assert_refused ("{\"a\": \"\x01\"}");
  assert_refused ("{\"a\": \"\\x\"}");
  assert_refused ("{\"a\": [1, 2}");
  assert_refused ("{\"a\": \"\xff\"}");

  good = icw_sync_json_parse_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (good);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (good), "a"), ==, G_MAXINT64);
}

static void
test_depth_and_size (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"a\":");
  g_autoptr(GString) big = g_string_new ("{\"a\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  for (int i = 0; i < 1000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str);

  /* 10 MB in one string: over the body limit, refused before parsing. */
  for (int i = 0; i < 10 * 1024 * 1024; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\"}");
  root = icw_sync_json_parse_object (big->str, big->len, ICW_SYNC_JSON_MAX_BODY, &error);
  g_assert_null (root);
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE);
  g_clear_error (&error);
  /* Under a larger body limit the string itself is over the string limit. */
  root = icw_sync_json_parse_object (big->str, big->len, 64 * 1024 * 1024, &error);
  g_assert_null (root);
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
}

static gboolean
pull_valid (const char  *text,
            GError     **error)
{
  g_autoptr(JsonNode) root = icw_sync_json_parse_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, error);

  return root != NULL && icw_sync_json_validate_pull_response (root, error);
}

static void
test_member_types (void)
{
  const char *bad[] = {
    "{\"changes\": [], \"cursor\": 12, \"has_more\": false}",
    "{\"changes\": [], \"cursor\": \"12\", \"has_more\": \"no\"}",
    "{\"changes\": {}, \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [1], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": 5, \"deleted\": false, \"record\": {\"id\": \"a\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"id\": \"b\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": 0, \"record\": {\"id\": \"a\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": \"x\"}], \"cursor\": \"12\", \"has_more\": false}",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (pull_valid (bad[i], &error))
        g_error ("accepted: %s", bad[i]);
      g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (pull_valid ("{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", "
                             "\"deleted\": false, \"record\": {\"id\": \"a\"}}], \"cursor\": \"12\", \"has_more\": false}",
                             &error));
  g_assert_no_error (error);
}

static void
test_push_response (void)
{
  const char *text = "{\"results\": [{\"id\": \"a\", \"status\": \"applied\", \"revision\": 7}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = icw_sync_json_parse_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, &error);

  g_assert_no_error (error);
  g_assert_false (icw_sync_json_validate_push_response (root, 1, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (icw_sync_json_validate_push_response (root, 2, &error));
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-json/quirks", test_quirks);
  g_test_add_func ("/sync-json/depth-and-size", test_depth_and_size);
  g_test_add_func ("/sync-json/member-types", test_member_types);
  g_test_add_func ("/sync-json/push-response", test_push_response);
  return g_test_run ();
}
