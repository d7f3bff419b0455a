/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-sync-json.c: a libFuzzer target for the validation of the server's answers
 * (src/sync/icw-sync-json*.c). The first byte chooses a push answer (with 0 to 127 changes sent)
 * or a pull answer; the rest is the body. Properties checked, beyond "no crash, no leak" (ASan):
 * - text the strict scanner accepts, json-glib parses into an object;
 * - an answer that passes validation can be read the way the client reads it (json-glib's
 *   accessors, whose criticals are made fatal here) without a wrong type anywhere;
 * - the client's pull page reader (icw-sync-pull-page.c, in place, no tree) takes exactly the pull
 *   answers the scanner and the validator take, and refuses the others with the same message, an
 *   escape that stands for no text (a lone surrogate, \u0000) wherever it stands included;
 * - the client's push answer reader (icw-sync-push-answer.c, in place, no tree) takes an answer
 *   only when the scanner and the validator take it too, every result "applied" to the batch's
 *   change at its place, with the revision it gives; its batch has the ids of the answer's results
 *   (so that it can take one), then ids of its own (so that it must refuse).
 * Build: meson setup -Dfuzz=true with CC=clang; see docs/fuzzing.md. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "icw-sync-client-private.h"
#include "icw-sync-json.h"
#include "icw-sync-pull-page.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical from json-glib means the client would act on a member of the wrong type. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* What icw-sync-client.c reads from a push answer once it passed. */
static void
read_push (JsonNode *root,
           guint     n_changes)
{
  JsonArray *results = json_object_get_array_member (json_node_get_object (root), "results");

  g_assert (json_array_get_length (results) == n_changes);
  for (guint i = 0; i < n_changes; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (result, "status");

      g_assert (json_object_get_string_member (result, "id") != NULL);
      if (g_str_equal (status, "applied") || g_str_equal (status, "conflict"))
        g_assert (json_object_get_string_member (result, "revision") != NULL);
      if (g_str_equal (status, "conflict"))
        {
          g_autofree char *record = json_to_string (json_object_get_member (result, "record"), FALSE);

          (void) json_object_get_boolean_member (result, "deleted");
          g_assert (record != NULL && record[0] == '{');
        }
      if (g_str_equal (status, "rejected"))
        g_assert (json_object_get_string_member (result, "reason") != NULL);
    }
}

/* What icw-sync-client.c reads from a pull answer once it passed. */
static void
read_pull (JsonNode *root)
{
  JsonObject *page = json_node_get_object (root);
  JsonArray *changes = json_object_get_array_member (page, "changes");

  (void) json_object_get_boolean_member (page, "has_more");
  g_assert (json_object_get_string_member (page, "cursor") != NULL);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *record = json_object_get_object_member (change, "record");
      g_autofree char *text = json_to_string (json_object_get_member (change, "record"), FALSE);

      g_assert (json_object_get_string_member (change, "kind") != NULL);
      g_assert (json_object_get_string_member (change, "revision") != NULL);
      (void) json_object_get_boolean_member (change, "deleted");
      g_assert (g_str_equal (json_object_get_string_member (change, "id"),
                             json_object_get_string_member (record, "id")));
      g_assert (text != NULL);
    }
}

static void
free_change (gpointer data)
{
  IcwOutboxChange *change = data;

  g_free (change->id);
  g_free (change);
}

/* What the client sends with a push of n changes: only the ids matter to the answer's reader. An
 * id is the answer's result's at that place when it has one as a string, else its own. */
static GPtrArray *
push_batch (JsonNode *tree,
            guint     n_changes,
            gboolean  answer_ids)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func (free_change);
  JsonObject *root = tree != NULL ? json_node_get_object (tree) : NULL;
  JsonNode *member = root != NULL ? json_object_get_member (root, "results") : NULL;
  JsonArray *results = member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

  for (guint i = 0; i < n_changes; i++)
    {
      IcwOutboxChange *change = g_new0 (IcwOutboxChange, 1);
      JsonNode *element = results != NULL && i < json_array_get_length (results)
                          ? json_array_get_element (results, i) : NULL;
      JsonNode *id = element != NULL && JSON_NODE_HOLDS_OBJECT (element)
                     ? json_object_get_member (json_node_get_object (element), "id") : NULL;

      if (answer_ids && id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        change->id = g_strdup (json_node_get_string (id));
      else
        change->id = g_strdup_printf ("change-%u", i);
      g_ptr_array_add (batch, change);
    }
  return batch;
}

/* The push answer's reader against the scanner and the validator (the client reads an answer of
 * up to twice the body limit, icw-sync-client-answer.c). */
static void
check_push_reader (const char *body,
                   gsize       length,
                   guint       n_changes)
{
  g_autoptr(JsonNode) tree = icw_sync_json_parse_object (body, length, ICW_SYNC_JSON_MAX_BODY * 2, NULL);
  gboolean valid = tree != NULL && icw_sync_json_validate_push_response (tree, n_changes, NULL);

  for (int answer_ids = 1; answer_ids >= 0; answer_ids--)
    {
      g_autoptr(GPtrArray) batch = push_batch (tree, n_changes, answer_ids);
      g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_free);
      JsonArray *results;

      if (!icw_sync_read_push_applied (body, length, batch, revisions))
        continue;
      g_assert (valid);
      g_assert (revisions->len == n_changes);
      results = json_object_get_array_member (json_node_get_object (tree), "results");
      for (guint i = 0; i < n_changes; i++)
        {
          JsonObject *result = json_array_get_object_element (results, i);

          g_assert (g_str_equal (json_object_get_string_member (result, "status"), "applied"));
          g_assert (g_str_equal (json_object_get_string_member (result, "id"),
                                 ((IcwOutboxChange *) batch->pdata[i])->id));
          g_assert (g_str_equal (json_object_get_string_member (result, "revision"), revisions->pdata[i]));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *body;
  gsize length;
  gboolean push;
  guint n_changes;

  if (size < 1)
    return 0;
  push = (data[0] & 0x80) == 0;
  n_changes = data[0] & 0x7f;
  body = (const char *) data + 1;
  length = size - 1;

  if (push)
    check_push_reader (body, length, n_changes);
  else
    {
      g_autoptr(GError) tree_error = NULL;
      g_autoptr(GError) page_error = NULL;
      g_autoptr(JsonNode) tree = icw_sync_json_parse_object (body, length, ICW_SYNC_JSON_MAX_BODY * 2, &tree_error);
      gboolean tree_ok = tree != NULL && icw_sync_json_validate_pull_response (tree, &tree_error);
      g_autoptr(IcwPullPage) page = icw_sync_pull_page_read (body, length, &page_error);

      g_assert (tree_ok == (page != NULL));
      g_assert (tree_ok || g_str_equal (tree_error->message, page_error->message));
    }

  root = icw_sync_json_parse_object (body, length, ICW_SYNC_JSON_MAX_BODY, &error);
  if (root == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }
  g_assert (error == NULL && JSON_NODE_HOLDS_OBJECT (root));

  if (push)
    {
      if (icw_sync_json_validate_push_response (root, n_changes, &error))
        read_push (root, n_changes);
      else
        g_assert (error != NULL);
    }
  else
    {
      if (icw_sync_json_validate_pull_response (root, &error))
        read_pull (root);
      else
        g_assert (error != NULL);
    }
  return 0;
}
