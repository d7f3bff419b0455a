/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-body-reader.c: the push body's reader (icw-sync-body-reader.c) against the strict scanner and
 * json-glib's parser it replaces on the server: for valid input the same tree (member order,
 * duplicate members, escapes, surrogate pairs, numbers at the limits), for hostile input the same
 * refusal with the same message (truncated, deep nesting, bad UTF-8, huge numbers, control
 * characters, NUL, a second document, a body over the limit); the byte range of each record; the
 * digest of the bytes with the whitespace between tokens left out; a push's answer read in place
 * by the client (icw-sync-push-answer.c) only when the tree and the validator say the same. */
#include "config.h"

#include <string.h>

#include "icw-json-reader.h"
#include "icw-sync-body-reader.h"
#include "icw-sync-client-private.h"
#include "icw-sync-error.h"
#include "icw-sync-json.h"

static void
assert_same_tree (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) expected = icw_sync_json_parse_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, &error);
  g_autoptr(JsonNode) got = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *got_text = NULL;

  g_assert_no_error (error);
  got = icw_json_read_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_true (json_node_is_immutable (got));
  expected_text = json_to_string (expected, FALSE);
  got_text = json_to_string (got, FALSE);
  g_assert_cmpstr (got_text, ==, expected_text);
  g_assert_true (json_node_equal (got, expected));
}

static void
assert_same_refusal (const char *text,
                     gsize       length)
{
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) got = NULL;
  g_autoptr(JsonNode) a = icw_sync_json_parse_object (text, length, ICW_SYNC_JSON_MAX_BODY, &expected);
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  g_assert_null (a);
  g_assert_nonnull (expected);
  b = icw_json_read_object (text, length, ICW_SYNC_JSON_MAX_BODY, 2, spans, NULL, &got);
  g_assert_null (b);
  g_assert_nonnull (got);
  g_assert_cmpuint (got->domain, ==, expected->domain);
  g_assert_cmpint (got->code, ==, expected->code);
  g_assert_cmpstr (got->message, ==, expected->message);
  g_assert_cmpuint (g_hash_table_size (spans), ==, 0);

  /* The thin tree (the objects at the span depth not built but their members read) refuses the
   * same, with the same message. */
  g_clear_error (&got);
  b = icw_json_read_object_thin (text, length, ICW_SYNC_JSON_MAX_BODY, 2, spans, NULL, &got);
  g_assert_null (b);
  g_assert_nonnull (got);
  g_assert_cmpint (got->code, ==, expected->code);
  g_assert_cmpstr (got->message, ==, expected->message);
  g_assert_cmpuint (g_hash_table_size (spans), ==, 0);
}

static void
test_same_tree (void)
{
  assert_same_tree ("{}");
  assert_same_tree ("{\"a\":[]}");
  assert_same_tree ("  {\n \"b\" : 1 ,\t\"a\" : [ true , false , null , \"x\" ] }\r\n");
  assert_same_tree ("{\"i\":9223372036854775807,\"j\":-9223372036854775808,\"z\":0,\"m\":-0}");
  assert_same_tree ("{\"f\":1.5,\"e\":1e2,\"E\":-2.5E-3,\"big\":1e400,\"frac\":0.1}");
  assert_same_tree ("{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"u\":\"\\u4e2d\\u6587\",\"pair\":\"\\ud83d\\ude00\"}");
  assert_same_tree ("{\"名称\":\"齐鲁智能传感器制造业创新中心\",\"emoji\":\"😀\"}");
  /* Duplicate members: json-glib's rule, whatever it is, holds. */
  assert_same_tree ("{\"a\":1,\"b\":2,\"a\":3}");
  assert_same_tree ("{\"a\":{\"x\":1},\"a\":\"text\"}");
  assert_same_tree ("{\"nested\":{\"deeper\":[{\"k\":[1,[2,[3]]]}]}}");
  assert_same_tree ("{\"idempotency_key\":\"key-00000001-abcdefgh\",\"changes\":[{\"kind\":\"organization\","
                    "\"id\":\"o1\",\"op\":\"upsert\",\"base_revision\":null,\"record\":{\"id\":\"o1\",\"name\":\"甲\","
                    "\"top_ten\":0,\"credit_code\":null}}]}");
}

/* A literal, NULs and all. */
#define REFUSED(literal) assert_same_refusal ((literal), sizeof (literal) - 1)

static void
test_same_refusal (void)
{
  g_autofree char *deep = NULL;
  g_autofree char *huge = NULL;
  GString *text;

  REFUSED ("");
  REFUSED ("   ");
  REFUSED ("{\"a\":1");
  REFUSED ("{\"a\":\"unterminated");
  REFUSED ("{\"a\":");
  REFUSED ("{\"a\" 1}");
  REFUSED ("{\"a\":1,}");
  REFUSED ("{a:1}");
  REFUSED ("{'a':1}");
  REFUSED ("{\"a\":1}{\"b\":2}");
  REFUSED ("var x = {\"a\":1};");
  REFUSED ("[1,2]");
  REFUSED ("\"text\"");
  REFUSED ("{\"a\":99999999999999999999}");
  REFUSED ("{\"a\":-9223372036854775809}");
  REFUSED ("{\"a\":123456789012345678901234567890}");
  REFUSED ("{\"a\":01}");
  REFUSED ("{\"a\":1.}");
  REFUSED ("{\"a\":-}");
  REFUSED ("{\"a\":1e}");
  REFUSED ("{\"a\":tru}");
  REFUSED ("{\"a\":\"\\x\"}");
  REFUSED ("{\"a\":\"\\u12g4\"}");
  REFUSED ("{\"a\":\"tab\there\"}");
  REFUSED ("{\"a\":\"bad \xff utf-8\"}");
  REFUSED ("{\"a\":\"\xc3\"}");
  REFUSED ("{\"a\":\"nul\0here\"}");
  REFUSED ("{\"a\":1}\0");
  /* Escapes that stand for no text: refused by both with one message (test_no_text below). */
  REFUSED ("{\"a\":\"\\ud800\"}");
  REFUSED ("{\"a\":\"x\\udc00y\"}");
  REFUSED ("{\"a\\ud800\":1}");
  REFUSED ("{\"a\":[\"ok\",\"nul\\u0000byte\"]}");

  text = g_string_new (NULL);
  for (guint i = 0; i < ICW_SYNC_JSON_MAX_DEPTH + 1; i++)
    g_string_append (text, "{\"a\":");
  g_string_append (text, "1");
  for (guint i = 0; i < ICW_SYNC_JSON_MAX_DEPTH + 1; i++)
    g_string_append_c (text, '}');
  deep = g_string_free (text, FALSE);
  assert_same_refusal (deep, strlen (deep));

  text = g_string_new ("{\"a\":\"");
  for (guint i = 0; i < ICW_SYNC_JSON_MAX_STRING + 10; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}");
  huge = g_string_free (text, FALSE);
  assert_same_refusal (huge, strlen (huge));

  /* A string's plain bytes are skipped in one run (read_string): what stops the run is refused
   * at its own byte, and the limit at the same byte as byte by byte, escapes and all. */
  REFUSED ("{\"a\":\"a run of plain bytes, then a control \x01 in it\"}");
  REFUSED ("{\"a\":\"plain, an escape \\n, plain, a backslash at the end \\\"}");
  for (guint variant = 0; variant < 4; variant++)
    {
      static const char *const tails[] = { "\x01\"}", "\\u0041\"}", "y\\n\"}", "\\nyy\"}" };
      g_autofree char *at_limit = NULL;

      text = g_string_new ("{\"a\":\"");
      for (guint i = 0; i < ICW_SYNC_JSON_MAX_STRING - (variant < 2 ? 0 : 1); i++)
        g_string_append_c (text, 'x');
      g_string_append (text, tails[variant]);
      at_limit = g_string_free (text, FALSE);
      assert_same_refusal (at_limit, strlen (at_limit));
    }
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "{\"a\":\"0123456789\"}";
  g_autoptr(JsonNode) root = icw_json_read_object (text, strlen (text), 10, 0, NULL, NULL, &error);

  g_assert_null (root);
  g_assert_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE);
}

/* Each record's bytes as sent, found by its object; nothing at other depths. */
static void
test_spans (void)
{
  const char *text = "{ \"changes\" : [ {\"id\":\"a\", \"record\" : {\"id\":\"a\",\"n\":{\"x\":1}} },"
                     "{\"id\":\"b\",\"record\":{ \"id\" : \"b\" , \"s\":\"}\" }}]}";
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = icw_json_read_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, 4, spans, NULL, &error);
  JsonArray *changes;
  const char *expected[] = { "{\"id\":\"a\",\"n\":{\"x\":1}}", "{ \"id\" : \"b\" , \"s\":\"}\" }" };

  g_assert_no_error (error);
  changes = json_object_get_array_member (json_node_get_object (root), "changes");
  g_assert_cmpuint (g_hash_table_size (spans), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *record = json_object_get_object_member (json_array_get_object_element (changes, i), "record");
      IcwJsonSpan *span = g_hash_table_lookup (spans, record);
      g_autofree char *bytes = NULL;

      g_assert_nonnull (span);
      bytes = g_strndup (text + span->offset, span->length);
      g_assert_cmpstr (bytes, ==, expected[i]);
    }
}

/* A push's thin tree: each record keeps its "id" alone, with the same span as in the full tree;
 * a bad value deep in a record is still refused with the full reader's message. */
static void
test_thin (void)
{
  const char *text = "{ \"changes\" : [ {\"id\":\"a\", \"record\" : {\"n\":{\"x\":[1,true,null]},\"id\":\"a\",\"id\":\"a2\"} },"
                     "{\"id\":\"b\",\"record\":{ \"id\" : \"b\" , \"s\":\"}\" }}]}";
  const char *expected[] = { "{\"n\":{\"x\":[1,true,null]},\"id\":\"a\",\"id\":\"a2\"}", "{ \"id\" : \"b\" , \"s\":\"}\" }" };
  const char *ids[] = { "a2", "b" };
  const char *bad = "{\"changes\":[{\"record\":{\"id\":\"a\",\"n\":{\"x\":[99999999999999999999]}}}]}";
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(JsonNode) root = icw_json_read_object_thin (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, 4, spans, NULL, &error);
  g_autoptr(JsonNode) full = NULL;
  JsonArray *changes;

  g_assert_no_error (error);
  changes = json_object_get_array_member (json_node_get_object (root), "changes");
  g_assert_cmpuint (g_hash_table_size (spans), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *record = json_object_get_object_member (json_array_get_object_element (changes, i), "record");
      IcwJsonSpan *span = g_hash_table_lookup (spans, record);
      g_autofree char *bytes = NULL;

      g_assert_cmpuint (json_object_get_size (record), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (record, "id"), ==, ids[i]);
      g_assert_nonnull (span);
      bytes = g_strndup (text + span->offset, span->length);
      g_assert_cmpstr (bytes, ==, expected[i]);
    }

  full = icw_json_read_object (bad, strlen (bad), ICW_SYNC_JSON_MAX_BODY, 0, NULL, NULL, &expected_error);
  g_assert_null (full);
  g_assert_nonnull (expected_error);
  g_clear_pointer (&root, json_node_unref);
  g_hash_table_remove_all (spans);
  root = icw_json_read_object_thin (bad, strlen (bad), ICW_SYNC_JSON_MAX_BODY, 4, spans, NULL, &error);
  g_assert_null (root);
  g_assert_error (error, expected_error->domain, expected_error->code);
  g_assert_cmpstr (error->message, ==, expected_error->message);
  g_assert_cmpuint (g_hash_table_size (spans), ==, 0);
}

/* The digest leaves out the whitespace between tokens, never inside strings. */
static void
test_digest (void)
{
  const char *spaced = " {\n  \"a\" : \"x y\",\t\"b\" : [ 1 , 2 ]\r\n} ";
  const char *compact = "{\"a\":\"x y\",\"b\":[1,2]}";
  const char *other = "{\"a\":\"xy\",\"b\":[1,2]}";
  g_autoptr(IcwSyncDigest) digest = icw_sync_digest_new ();
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, compact, -1);
  g_autofree char *different = g_compute_checksum_for_string (G_CHECKSUM_SHA256, other, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = icw_json_read_object (spaced, strlen (spaced), ICW_SYNC_JSON_MAX_BODY, 0, NULL, digest, &error);
  g_autoptr(IcwSyncDigest) again = icw_sync_digest_new ();
  g_autoptr(JsonNode) b = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpstr (icw_sync_digest_get_string (digest), ==, expected);
  b = icw_json_read_object (compact, strlen (compact), ICW_SYNC_JSON_MAX_BODY, 0, NULL, again, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
  g_assert_cmpstr (icw_sync_digest_get_string (again), ==, expected);
  g_assert_cmpstr (icw_sync_digest_get_string (again), ==, expected);   /* asked twice: the same */
  g_assert_cmpstr (expected, !=, different);
}

/* The digest (GnuTLS) is GLib's SHA-256 of the same bytes, whatever the pieces it is fed in:
 * every length around the 64-byte blocks, empty pieces, and 1 MiB in random pieces. */
static void
test_digest_is_sha256 (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  gsize size = 1 << 20;
  g_autofree guchar *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) g_rand_int_range (rand, 0, 256);
  for (gsize length = 0; length <= size; length = length < 300 ? length + 1 : length * 4)
    {
      g_autoptr(IcwSyncDigest) digest = icw_sync_digest_new ();
      g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
      gsize at = 0;

      while (at < length)
        {
          gsize piece = (gsize) g_rand_int_range (rand, 0, 200) * (length > 4096 ? 97 : 1);

          piece = MIN (piece, length - at);
          icw_sync_digest_update (digest, data + at, piece);
          at += piece;
        }
      g_assert_cmpstr (icw_sync_digest_get_string (digest), ==, expected);
    }
  {
    g_autoptr(IcwSyncDigest) whole = icw_sync_digest_new ();
    g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

    icw_sync_digest_update (whole, data, size);
    g_assert_cmpstr (icw_sync_digest_get_string (whole), ==, expected);
  }
}

/* The same strings fed to the three readers: the reader in place (icw_json_string_dup, a pull
 * page's records), the body reader, and the strict check with json-glib's parser. An escape that
 * stands for no text (a lone surrogate, \u0000) is refused by all three, by the two that build a
 * tree with one message at the string's byte; every other string comes out the same text. */
static void
test_no_text (void)
{
  const char *hostile[] = { "\\ud800", "a\\ud800b", "\\udc00", "x\\udfff", "\\ud800\\u0041",
                            "\\udbff\\udbff", "\\udc00\\ud800", "end\\ud83d", "\\ud83d\\n\\ude00",
                            "nul\\u0000byte", "\\u0000", "测\\ud800试" };
  const char *fine[] = { "plain", "\\u4e2d\\u6587", "\\ud83d\\ude00", "\\uD83D\\uDE00x", "\\udbff\\udfff",
                         "\\uffff", "\\u0001\\\"\\\\\\/\\b\\f\\n\\r\\t", "测\\u8bd5" };

  for (guint i = 0; i < G_N_ELEMENTS (hostile) + G_N_ELEMENTS (fine); i++)
    {
      gboolean refused = i < G_N_ELEMENTS (hostile);
      const char *string = refused ? hostile[i] : fine[i - G_N_ELEMENTS (hostile)];
      g_autofree char *text = g_strdup_printf ("{\"k\":1,\"a\":\"%s\"}", string);
      g_autofree char *in_place = NULL;
      g_autofree char *message = g_strdup_printf ("The JSON is not valid at byte %d: an escape that stands for "
                                                  "no text (a lone surrogate or \\u0000)", 11);
      g_autoptr(GError) body_error = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(JsonNode) body = icw_json_read_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, 0, NULL, NULL, &body_error);
      g_autoptr(JsonNode) parsed = icw_sync_json_parse_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, &parse_error);
      IcwJsonIter iter;
      IcwJsonValue name, value;

      /* The reader in place walks to the member and copies the string out. */
      g_assert_true (icw_sync_json_check (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, NULL));
      g_assert_true (icw_json_iter_init_text (&iter, text, strlen (text)));
      g_assert_cmpint (icw_json_iter_next (&iter, &name, &value), ==, 1);
      g_assert_cmpint (icw_json_iter_next (&iter, &name, &value), ==, 1);
      g_assert_true (icw_json_string_equal (&name, "a"));
      in_place = icw_json_string_dup (&value);
      if (refused)
        {
          g_test_message ("refused: %s", string);
          g_assert_null (in_place);
          g_assert_null (body);
          g_assert_null (parsed);
          g_assert_error (body_error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
          g_assert_error (parse_error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID);
          g_assert_cmpstr (body_error->message, ==, message);
          g_assert_cmpstr (parse_error->message, ==, message);
        }
      else
        {
          g_assert_nonnull (in_place);
          g_assert_true (g_utf8_validate (in_place, -1, NULL));
          g_assert_no_error (body_error);
          g_assert_no_error (parse_error);
          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "a"), ==, in_place);
          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (parsed), "a"), ==, in_place);
        }
    }
}

/* A push's changes read flat (icw_json_read_push): for a plain push, each envelope is what the
 * tree holds (the last of a record's repeated members aside: a plain change has none), the
 * record's span is the tree's and the digest the same; a change that is not plain (a member
 * twice, of another type, a record that is not an object, "changes" twice, an element that is
 * not an object) says so, for the server to read the tree; a fault is the tree's fault. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

static void
assert_flat_push (const char *text,
                  gboolean    expect_plain)
{
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GArray) envelopes = icw_push_envelopes_new ();
  g_autoptr(IcwSyncDigest) tree_digest = icw_sync_digest_new ();
  g_autoptr(IcwSyncDigest) flat_digest = icw_sync_digest_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tree = icw_json_read_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, 4, spans, tree_digest, &error);
  g_autoptr(JsonNode) flat = NULL;
  gboolean plain = !expect_plain;
  JsonArray *changes;

  g_assert_no_error (error);
  flat = icw_json_read_push (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, envelopes, &plain, flat_digest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flat);
  g_assert_cmpstr (icw_sync_digest_get_string (flat_digest), ==, icw_sync_digest_get_string (tree_digest));
  g_assert_cmpint (plain, ==, expect_plain);
  if (!plain)
    return;
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (flat), "changes")), ==, 0);
  changes = json_object_get_array_member (json_node_get_object (tree), "changes");
  g_assert_cmpuint (envelopes->len, ==, json_array_get_length (changes));
  for (guint i = 0; i < envelopes->len; i++)
    {
      const IcwPushEnvelope *envelope = &g_array_index (envelopes, IcwPushEnvelope, i);
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *record = json_object_get_object_member (change, "record");
      IcwJsonSpan *span = g_hash_table_lookup (spans, record);

      g_assert_cmpstr (envelope->kind, ==, string_member (change, "kind"));
      g_assert_cmpstr (envelope->id, ==, string_member (change, "id"));
      g_assert_cmpstr (envelope->op, ==, string_member (change, "op"));
      g_assert_cmpstr (envelope->base_revision, ==, string_member (change, "base_revision"));
      g_assert_cmpstr (envelope->record_id, ==, string_member (record, "id"));
      g_assert_cmpuint (envelope->record.offset, ==, span->offset);
      g_assert_cmpuint (envelope->record.length, ==, span->length);
    }
}

static void
assert_flat_refusal (const char *text)
{
  g_autoptr(GArray) envelopes = icw_push_envelopes_new ();
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tree = icw_json_read_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, 0, NULL, NULL, &expected);
  g_autoptr(JsonNode) flat = NULL;
  gboolean plain = TRUE;

  g_assert_null (tree);
  flat = icw_json_read_push (text, strlen (text), ICW_SYNC_JSON_MAX_BODY, envelopes, &plain, NULL, &error);
  g_assert_null (flat);
  g_assert_false (plain);
  g_assert_error (error, expected->domain, expected->code);
  g_assert_cmpstr (error->message, ==, expected->message);
}

static void
test_flat_push (void)
{
  assert_flat_push ("{\"idempotency_key\":\"k\", \"changes\" : [ {\"kind\":\"organization\",\"id\":\"a\",\"op\":\"upsert\","
                    "\"base_revision\":null,\"record\" : {\"n\":{\"id\":[1,true]},\"id\":\"a\"}, \"extra\":[{\"id\":1}] },"
                    "{ \"op\" : \"delete\" , \"base_revision\":\"7\",\"record\":{ \"id\" : \"b\\u00e9\\\"\" , \"s\":\"}\" },"
                    "\"id\":\"b\\u00e9\\\"\",\"kind\":\"center\"},{\"record\":{}}], \"other\":[{\"kind\":1}]}", TRUE);
  assert_flat_push ("{\"changes\":[]}", TRUE);
  /* Not plain: the tree decides. */
  assert_flat_push ("{\"changes\":[{\"op\":\"delete\",\"op\":\"upsert\",\"record\":{\"id\":\"a\"}}]}", FALSE);
  assert_flat_push ("{\"changes\":[{\"kind\":null,\"record\":{\"id\":\"a\"}}]}", FALSE);
  assert_flat_push ("{\"changes\":[{\"id\":\"a\",\"base_revision\":7,\"record\":{\"id\":\"a\"}}]}", FALSE);
  assert_flat_push ("{\"changes\":[{\"id\":\"a\",\"record\":[{\"id\":\"a\"}]}]}", FALSE);
  assert_flat_push ("{\"changes\":[{\"id\":\"a\",\"record\":{\"id\":\"a\"},\"record\":{\"id\":\"b\"}}]}", FALSE);
  assert_flat_push ("{\"changes\":[{\"id\":\"a\",\"record\":{\"id\":\"a\",\"id\":\"b\"}}]}", FALSE);
  assert_flat_push ("{\"changes\":[{\"id\":\"a\",\"record\":{\"id\":1}}]}", FALSE);
  assert_flat_push ("{\"changes\":[{\"id\":\"a\"},7]}", FALSE);
  assert_flat_push ("{\"changes\":[],\"changes\":[{\"id\":\"a\"}]}", FALSE);
  assert_flat_push ("{\"changes\":{\"id\":\"a\"}}", FALSE);
  assert_flat_push ("{\"key\":\"k\"}", FALSE);
  /* A fault inside a change read flat: the tree's message. */
  assert_flat_refusal ("{\"changes\":[{\"id\":\"a\",\"record\":{\"id\":\"a\",\"n\":[99999999999999999999]}}]}");
  assert_flat_refusal ("{\"changes\":[{\"id\":\"a\" \"record\":{}}]}");
  assert_flat_refusal ("{\"changes\":[{\"id\":\"a\",\"record\":{\"id\" 1}}]}");
  assert_flat_refusal ("{\"changes\":[{\"id\":\"a\",}]}");
  assert_flat_refusal ("{\"changes\":[{id:\"a\"}]}");
  assert_flat_refusal ("{\"changes\":[{\"base_revision\":nul}]}");
  assert_flat_refusal ("{\"changes\":[{\"id\":\"a\",\"record\":{\"id\":\"\\ud800\"}}]}");
  assert_flat_refusal ("{\"changes\":[{\"id\":\"a\",\"record\":{\"id\":\"a\"}}]} x");
}

/* The batch of changes a, b (a push's answer answers them in this order). */
static GPtrArray *
answer_batch (void)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_outbox_change_free);
  const char *ids[] = { "a", "b" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      IcwOutboxChange *change = g_new0 (IcwOutboxChange, 1);

      change->id = g_strdup (ids[i]);
      g_ptr_array_add (batch, change);
    }
  return batch;
}

/* The answer read in place says applied (TRUE) or leaves it to the tree (FALSE), as expected; when
 * it says applied, the tree passes the validator with every result applied, its id and revision
 * the same. */
static void
assert_push_answer (const char *text,
                    gboolean    expect_applied)
{
  g_autoptr(GPtrArray) batch = answer_batch ();
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tree = NULL;
  gboolean applied = icw_sync_read_push_applied (text, strlen (text), batch, revisions);
  JsonArray *results;

  g_assert_cmpint (applied, ==, expect_applied);
  if (!applied)
    return;
  tree = icw_json_read_object (text, strlen (text), ICW_SYNC_JSON_MAX_BODY * 2, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (icw_sync_json_validate_push_response (tree, batch->len, &error));
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (tree), "results");
  g_assert_cmpuint (revisions->len, ==, batch->len);
  for (guint i = 0; i < batch->len; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
      g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, ((IcwOutboxChange *) batch->pdata[i])->id);
      g_assert_cmpstr (json_object_get_string_member (result, "revision"), ==, revisions->pdata[i]);
    }
}

static void
test_push_answer (void)
{
  g_autofree char *long_revision = g_strnfill (128, '7');
  g_autofree char *too_long = g_strnfill (129, '7');
  g_autofree char *at_limit = g_strdup_printf ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"%s\"},"
                                               "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"1\"}]}", long_revision);
  g_autofree char *over_limit = g_strdup_printf ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"%s\"},"
                                                 "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"1\"}]}", too_long);

  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"41\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"42\"}]}", TRUE);
  assert_push_answer (" { \"other\" : [ {\"results\":7} ], \"results\" : [ {\"revision\":\"41\",\"x\":{\"id\":\"b\"},"
                      "\"status\":\"applied\",\"id\":\"a\"} , {\"id\":\"b\",\"status\":\"applied\",\"revision\":\"\","
                      "\"record\":null} ] } ", TRUE);
  assert_push_answer (at_limit, TRUE);
  /* Left to the tree: another status, a member twice (the tree keeps the last), an escape, the
   * wrong change or count, a member of another type or too long, a fault. */
  assert_push_answer (over_limit, FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"},"
                      "{\"id\":\"b\",\"status\":\"retry\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\",\"status\":\"retry\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\",\"revision\":\"3\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\",\"st\\u0061tus\":\"retry\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\",\"x\":\"\\ud800\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"1\"},"
                      "{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"2\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"3\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":1},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}],\"results\":[]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"},7]}", FALSE);
  assert_push_answer ("{\"results\":{\"id\":\"a\"}}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\"}]} x", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"\xff\"}]}", FALSE);
  assert_push_answer ("{\"results\":[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"},"
                      "{\"id\":\"b\",\"status\":\"applied\",\"revision\":\"2\",\"n\":[99999999999999999999]}]}", FALSE);
  assert_push_answer ("[{\"id\":\"a\",\"status\":\"applied\",\"revision\":\"1\"}]", FALSE);
}

/* The in-place reader (icw-json-reader.c) passes a string's plain bytes eight at a time: a
 * quote, a backslash, a control character or a UTF-8 byte at every place of a run, the run's
 * length around the word's, is read or refused as the strict check decides, and its text is
 * json-glib's. */
static void
test_in_place_runs (void)
{
  const char *stops[] = { "\"", "\\n", "\\u0041", "\\\"", "\x01", "\x1f", "\n", "\t", "é", "中", "\x7f", " " };

  for (guint s = 0; s < G_N_ELEMENTS (stops); s++)
    for (guint before = 0; before <= 17; before++)
      for (guint after = 0; after <= 9; after += 9)
        {
          g_autoptr(GString) text = g_string_new ("{\"a\":\"");
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autofree char *in_place = NULL;
          gboolean valid;
          IcwJsonIter iter;
          IcwJsonValue name, value;
          int step;

          for (guint i = 0; i < before; i++)
            g_string_append_c (text, 'a' + i % 26);
          g_string_append (text, stops[s]);
          for (guint i = 0; i < after; i++)
            g_string_append_c (text, 'z');
          /* A quote as the stop ends the string there; what follows it is then a bad member. */
          g_string_append (text, "\",\"b\":1}");
          /* The strict check the server's body reader makes (json-glib lets a raw control
           * character through); json-glib gives the text of a valid one. */
          valid = icw_sync_json_check (text->str, text->len, ICW_SYNC_JSON_MAX_BODY, NULL);
          g_assert_true (!valid || json_parser_load_from_data (parser, text->str, text->len, NULL));
          g_assert_true (icw_json_iter_init_text (&iter, text->str, text->len));
          step = icw_json_iter_next (&iter, &name, &value);
          if (step == 1)
            in_place = icw_json_string_dup (&value);
          while (step == 1)
            step = icw_json_iter_next (&iter, &name, &value);
          g_test_message ("%s: valid %d, read in place %d", text->str, valid, step);
          g_assert_cmpint (step == 0, ==, valid);
          if (valid)
            g_assert_cmpstr (in_place, ==, json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "a"));
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-body-reader/same-tree", test_same_tree);
  g_test_add_func ("/sync-body-reader/same-refusal", test_same_refusal);
  g_test_add_func ("/sync-body-reader/too-large", test_too_large);
  g_test_add_func ("/sync-body-reader/spans", test_spans);
  g_test_add_func ("/sync-body-reader/thin", test_thin);
  g_test_add_func ("/sync-body-reader/digest", test_digest);
  g_test_add_func ("/sync-body-reader/digest-is-sha256", test_digest_is_sha256);
  g_test_add_func ("/sync-body-reader/no-text", test_no_text);
  g_test_add_func ("/sync-body-reader/flat-push", test_flat_push);
  g_test_add_func ("/sync-body-reader/push-answer", test_push_answer);
  g_test_add_func ("/sync-body-reader/in-place-runs", test_in_place_runs);
  return g_test_run ();
}
