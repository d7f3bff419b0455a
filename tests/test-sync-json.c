/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-json.c: hostile JSON against the sync layer's checks: json-glib 1.6's leniencies
 * (assignment, single quotes, concatenated documents, empty input, wrapped integers), wrong
 * member types, numbers where strings are required, and 10 MB strings; the client's pull page
 * reader (read in place, icw-sync-pull-page.c) against the parse and validator it replaced, on
 * hostile pages and on every truncation and many mutations of a good one. */
#include "config.h"

#include <string.h>

#include "icw-json-reader.h"
#include "icw-sync-error.h"
#include "icw-sync-json.h"
#include "icw-sync-pull-page.h"

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

/* The page reader the client uses (no tree) must take exactly the pages the parse and the
 * validator take, and refuse the others with the same message. */
static void
assert_same_verdict (const char *text,
                     gsize       length)
{
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) page_error = NULL;
  g_autoptr(JsonNode) root = icw_sync_json_parse_object (text, length, ICW_SYNC_JSON_MAX_BODY * 2, &tree_error);
  gboolean tree_ok = root != NULL && icw_sync_json_validate_pull_response (root, &tree_error);
  g_autoptr(IcwPullPage) page = icw_sync_pull_page_read (text, length, &page_error);
  const char *first = text;

  /* The server's check of a stored record (one object) against the strict check it replaced. */
  while (first < text + length && strchr (" \t\n\r", *first) != NULL && *first != '\0')
    first++;
  if (icw_json_is_object (text, length) !=
      (first < text + length && *first == '{' && icw_sync_json_check (text, length, G_MAXSIZE, NULL)))
    g_error ("icw_json_is_object disagrees with the strict check: %.*s", (int) length, text);

  if (tree_ok != (page != NULL))
    g_error ("the page reader %s what the validator %s: %.*s", page != NULL ? "accepts" : "refuses",
             tree_ok ? "accepts" : "refuses", (int) length, text);
  if (!tree_ok)
    {
      g_assert_error (page_error, ICW_SYNC_ERROR, tree_error->code);
      g_assert_cmpstr (page_error->message, ==, tree_error->message);
      return;
    }
  {
    JsonObject *object = json_node_get_object (root);
    JsonArray *changes = json_object_get_array_member (object, "changes");

    g_assert_cmpstr (page->cursor, ==, json_object_get_string_member (object, "cursor"));
    g_assert_cmpint (page->has_more, ==, json_object_get_boolean_member (object, "has_more"));
    g_assert_cmpuint (page->changes->len, ==, json_array_get_length (changes));
    for (guint i = 0; i < page->changes->len; i++)
      {
        IcwPulledChange *change = &g_array_index (page->changes, IcwPulledChange, i);
        JsonObject *expected = json_array_get_object_element (changes, i);
        g_autofree char *record = g_strndup (change->record.start, change->record.end - change->record.start);
        g_autoptr(JsonNode) parsed = json_from_string (record, NULL);

        g_assert_cmpstr (change->kind, ==, json_object_get_string_member (expected, "kind"));
        g_assert_cmpstr (change->id, ==, json_object_get_string_member (expected, "id"));
        g_assert_cmpstr (change->revision, ==, json_object_get_string_member (expected, "revision"));
        g_assert_cmpint (change->deleted, ==, json_object_get_boolean_member (expected, "deleted"));
        /* The record's bytes are the record: the same value as the tree's. */
        g_assert_true (json_node_equal (parsed, json_object_get_member (expected, "record")));
      }
  }
}

static void
test_page_reader (void)
{
  const char *pages[] = {
    "{\"changes\": [], \"cursor\": 12, \"has_more\": false}",
    "{\"changes\": [], \"cursor\": \"12\", \"has_more\": \"no\"}",
    "{\"changes\": {}, \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [1], \"cursor\": \"12\", \"has_more\": false}",
    "{\"cursor\": \"12\", \"has_more\": false}",
    "[{\"changes\": [], \"cursor\": \"12\", \"has_more\": false}]",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": 5, \"deleted\": false, \"record\": {\"id\": \"a\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"id\": \"b\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": 0, \"record\": {\"id\": \"a\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": \"x\"}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": [{\"id\": \"a\"}]}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"name\": \"x\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"id\": \"a\", \"name\": \"\xe4\xb8\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"id\": \"a\", \"name\": \"\xc0\xaf\"}}], \"cursor\": \"12\", \"has_more\": false}",
    /* Good: escapes in names and values, duplicates (the last one counts), members in any order,
     * unknown members, nesting, whitespace. */
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"id\": \"a\"}}], \"cursor\": \"12\", \"has_more\": false}",
    (" { \"has_more\" : true ,\"cursor\":\"1\\u0032\", \"extra\": {\"changes\": 5}, \"changes\" : [ { \"record\" : { \"i\\u0064\" : \"\\u4e2d\\\"\", \"x\": [1, {\"y\": null}] }, "
     "\"deleted\": true, \"revision\": \"7\", \"id\": \"\\u4e2d\\\"\", \"kind\": \"organization\" } ] } "),
    "{\"changes\": [{\"kind\": \"x\", \"id\": \"a\", \"id\": \"b\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"id\": \"b\"}}], \"cursor\": \"12\", \"has_more\": false, \"has_more\": true}",
    "{\"changes\": [{\"kind\": \"x\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"record\": {\"id\": \"a\", \"id\": \"c\"}}], \"cursor\": \"12\", \"has_more\": false}",
  };
  const char *good = "{\"changes\":[{\"kind\":\"organization\",\"id\":\"o1\",\"revision\":\"5\",\"deleted\":false,"
                     "\"record\":{\"id\":\"o1\",\"name\":\"济南\\u534e\\n\",\"founded\":2019,\"listed\":true,"
                     "\"parts\":[{\"a\":-1.5e3}],\"deleted_at\":null}},{\"kind\":\"center\",\"id\":\"c\\\\1\","
                     "\"revision\":\"6\",\"deleted\":true,\"record\":{\"id\":\"c\\\\1\"}}],\"cursor\":\"6\",\"has_more\":true}";
  gsize good_length = strlen (good);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  g_autofree char *copy = g_malloc (good_length + 1);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    assert_same_verdict (pages[i], strlen (pages[i]));
  /* The limits: integers at the edges of 64 bits, nesting at the depth limit and past it, a string
   * at its limit and past it. */
  {
    const char *numbers[] = { "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                              "-9223372036854775809", "19223372036854775807", "-0", "0.5e-3", "01", "1.", "-", "1e" };
    const gsize sizes[] = { 1024 * 1024, 1024 * 1024 + 1 };

    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autofree char *text = g_strdup_printf ("{\"changes\": [{\"kind\": \"x\", \"id\": \"a\", \"revision\": \"5\", "
                                                 "\"deleted\": false, \"record\": {\"id\": \"a\", \"n\": %s}}], "
                                                 "\"cursor\": \"12\", \"has_more\": false}", numbers[i]);
        assert_same_verdict (text, strlen (text));
      }
    for (guint depth = 60; depth <= 66; depth++)
      {
        g_autoptr(GString) text = g_string_new ("{\"changes\": [{\"kind\": \"x\", \"id\": \"a\", \"revision\": \"5\", "
                                                "\"deleted\": false, \"record\": {\"id\": \"a\", \"n\": ");
        /* The page, the array, the change and the record are four levels already. */
        for (guint i = 4; i < depth; i++)
          g_string_append (text, i % 2 == 0 ? "[" : "{\"k\": ");
        for (guint i = depth; i > 4; i--)
          g_string_append (text, (i - 1) % 2 == 0 ? "]" : "}");
        g_string_append (text, "}}], \"cursor\": \"12\", \"has_more\": false}");
        assert_same_verdict (text->str, text->len);
      }
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autoptr(GString) text = g_string_new ("{\"changes\": [{\"kind\": \"x\", \"id\": \"a\", \"revision\": \"5\", "
                                                "\"deleted\": false, \"record\": {\"id\": \"a\", \"n\": \"");
        for (gsize k = 0; k < sizes[i]; k++)
          g_string_append_c (text, 'x');
        g_string_append (text, "\"}}], \"cursor\": \"12\", \"has_more\": false}");
        assert_same_verdict (text->str, text->len);
      }
  }
  /* A page cut off at every byte (a truncated answer), and bytes changed at random. */
  for (gsize cut = 0; cut <= good_length; cut++)
    assert_same_verdict (good, cut);
  for (guint round = 0; round < 4000; round++)
    {
      static const char alphabet[] = "{}[]\",:\\ 0-.eE1nulltrufase\xff\xe4\x01u";

      memcpy (copy, good, good_length + 1);
      for (guint k = 0; k < 1 + round % 3; k++)
        copy[g_rand_int_range (rand, 0, (gint32) good_length)] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      assert_same_verdict (copy, good_length);
    }
}

/* An escape that stands for no text (a lone surrogate, \u0000) is refused wherever it stands, as
 * the tree refuses it: in a member the reader skips, in a member's name, in a record's value, and
 * before a fault further on; a surrogate pair and an escaped backslash before "u" are text. */
static void
test_page_reader_no_text (void)
{
  const char *refused[] = {
    "{\"changes\": [], \"cursor\": \"12\", \"has_more\": false, \"x\": \"\\ud800\"}",
    "{\"changes\": [], \"cursor\": \"12\", \"has_more\": false, \"x\\u0000\": 1}",
    "{\"x\": [1, {\"y\": \"a\\udc00b\"}], \"changes\": [], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, \"note\": \"\\ud800\\n\", "
    "\"record\": {\"id\": \"a\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, "
    "\"record\": {\"id\": \"a\", \"name\": \"\\u4e2d\\ud800\"}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, "
    "\"record\": {\"id\": \"a\", \"parts\": [{\"t\": \"\\u0000\"}]}}], \"cursor\": \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, "
    "\"record\": {\"id\": \"a\", \"name\": \"\\udbff\\\\udc00\"}}], \"cursor\": \"12\", \"has_more\": false}",
    /* The tree names the escape, not the missing colon after it, nor the change that is not valid. */
    "{\"changes\": [], \"x\": \"\\ud800\", \"cursor\" \"12\", \"has_more\": false}",
    "{\"changes\": [{\"kind\": 5}], \"cursor\": \"12\", \"has_more\": false, \"x\": \"\\ud800\"}",
  };
  const char *taken[] = {
    "{\"changes\": [], \"cursor\": \"12\", \"has_more\": false, \"x\": \"\\ud83d\\ude00\\\\ud800\\u00e9\"}",
    "{\"changes\": [{\"kind\": \"center\", \"id\": \"a\", \"revision\": \"5\", \"deleted\": false, "
    "\"record\": {\"id\": \"a\", \"name\": \"\\\\u0000\\\\\\u4e2d\"}}], \"cursor\": \"12\", \"has_more\": false}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcwPullPage) page = icw_sync_pull_page_read (refused[i], strlen (refused[i]), &error);

      if (page != NULL)
        g_error ("the page reader accepts: %s", refused[i]);
      g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "an escape that stands for no text"));
      assert_same_verdict (refused[i], strlen (refused[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcwPullPage) page = icw_sync_pull_page_read (taken[i], strlen (taken[i]), &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
      assert_same_verdict (taken[i], strlen (taken[i]));
    }
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
  g_test_add_func ("/sync-json/page-reader", test_page_reader);
  g_test_add_func ("/sync-json/page-reader-no-text", test_page_reader_no_text);
  return g_test_run ();
}
