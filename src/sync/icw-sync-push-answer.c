/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-push-answer.c: a push's answer read in place, without a tree, when it is the common
 * one: every change applied. The text is walked once with icw-json-reader.h (its grammar and
 * limits are the strict check's, icw_json_is_object); the answer is taken only when it is plain:
 * no backslash anywhere, the root's "results" given once, an array with one object per change of
 * the batch, each with "id", "status" and "revision" given once as strings, the id the change's
 * at its place, the status "applied", id and revision within the validator's limits
 * (icw-sync-json.h). Anything else (a conflict, a refusal, a retry, a member twice, an escape, a
 * fault) is left to the tree and the validator (icw_sync_json_validate_push_response), so that
 * every error and its message stays theirs: such an answer costs one more walk. */
#include "config.h"

#include <string.h>

#include "icw-json-reader.h"
#include "icw-sync-client-private.h"
#include "icw-sync-json.h"

/* The value as a string without escapes of at most max_length bytes, or NULL. */
static const char *
plain_string (const IcwJsonValue *value,
              gsize               max_length,
              gsize              *length)
{
  const char *text = icw_json_string_raw (value, length);

  return text != NULL && *length <= max_length ? text : NULL;
}

/* One result, entered here: TRUE when it is plain and applied to change, its revision added to
 * revisions (newly allocated). */
static gboolean
read_applied (IcwJsonIter           *results,
              const IcwOutboxChange *change,
              GPtrArray             *revisions)
{
  IcwJsonValue id = { ICW_JSON_NULL, }, status = { ICW_JSON_NULL, }, revision = { ICW_JSON_NULL, };
  IcwJsonValue name, member;
  IcwJsonIter iter;
  const char *text;
  gsize length;
  int more;

  if (!icw_json_iter_enter (results, &iter))
    return FALSE;
  while ((more = icw_json_iter_next (&iter, &name, &member)) > 0)
    {
      IcwJsonValue *slot = icw_json_string_equal (&name, "id") ? &id
                           : icw_json_string_equal (&name, "status") ? &status
                           : icw_json_string_equal (&name, "revision") ? &revision : NULL;

      if (slot == NULL)
        continue;   /* another member: its syntax is checked as the walk skips it */
      if (slot->type != ICW_JSON_NULL || member.type != ICW_JSON_STRING)
        return FALSE;   /* given twice (the tree keeps the last), or not a string */
      *slot = member;
    }
  if (more < 0)
    return FALSE;
  icw_json_iter_leave (results, &iter, NULL);
  if ((text = plain_string (&id, ICW_SYNC_JSON_MAX_ID, &length)) == NULL ||
      strlen (change->id) != length || memcmp (text, change->id, length) != 0)
    return FALSE;
  if ((text = plain_string (&status, strlen ("applied"), &length)) == NULL ||
      length != strlen ("applied") || memcmp (text, "applied", length) != 0)
    return FALSE;
  if ((text = plain_string (&revision, ICW_SYNC_JSON_MAX_REVISION, &length)) == NULL)
    return FALSE;
  g_ptr_array_add (revisions, g_strndup (text, length));
  return TRUE;
}

gboolean
icw_sync_read_push_applied (const char *data,
                            gsize       length,
                            GPtrArray  *batch,
                            GPtrArray  *revisions)
{
  IcwJsonValue name, member;
  IcwJsonIter iter;
  gboolean seen = FALSE;
  int more;

  g_ptr_array_set_size (revisions, 0);
  /* Without a backslash no string holds an escape: none can stand for text the strict reader
   * refuses (a lone surrogate, \u0000) nor spell a member's name another way. */
  if (length > ICW_SYNC_JSON_MAX_BODY * 2 || memchr (data, '\\', length) != NULL ||
      !g_utf8_validate_len (data, length, NULL) ||
      !icw_json_iter_init_text (&iter, data, length) || !iter.object)
    return FALSE;
  while ((more = icw_json_iter_next (&iter, &name, &member)) > 0)
    {
      IcwJsonIter results;
      IcwJsonValue element;
      int more_results;

      if (!icw_json_string_equal (&name, "results"))
        continue;
      if (seen || member.type != ICW_JSON_ARRAY || !icw_json_iter_enter (&iter, &results))
        return FALSE;
      seen = TRUE;
      while ((more_results = icw_json_iter_next (&results, NULL, &element)) > 0)
        if (revisions->len >= batch->len || element.type != ICW_JSON_OBJECT ||
            !read_applied (&results, batch->pdata[revisions->len], revisions))
          return FALSE;
      if (more_results < 0)
        return FALSE;
      icw_json_iter_leave (&iter, &results, NULL);
    }
  return more == 0 && icw_json_iter_at_end (&iter) && seen && revisions->len == batch->len;
}
