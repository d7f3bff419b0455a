/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-body-reader.c: a push body read in one pass (icw-sync-body-reader.h). The checks are those of
 * the strict scanner in icw-sync-json.c, in the same order and with the same messages (one RFC
 * 8259 value, UTF-8, the depth, each string's length, 64-bit integers), so that a body either
 * fails here exactly as it failed there or gives the tree json-glib's parser gave for it. The
 * tree is built with json-glib's own object and array calls, so that duplicate members, the
 * member order and the values' types are what its parser makes of them; the difference is the
 * cost: json-glib's parser reads through a GScanner character by character, and with the strict
 * scan before it a push body was read twice (docs/performance.md, issue 20). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "icw-json-reader.h"
#include "icw-sync-body-reader.h"
#include "icw-sync-error.h"
#include "icw-sync-json.h"

typedef struct {
  const char *start;
  const char *p;
  const char *end;
  guint       depth;
  guint       span_depth;
  GHashTable *spans;
  IcwSyncDigest *digest;
  const char *run;      /* the first byte not yet given to the digest */
  GString    *text;     /* a string's decoded text, reused */
  GError    **error;
  gboolean    thin;     /* the objects at span_depth keep only their "id" */
  guint       discard;  /* inside a value read and checked but not built */
  GArray     *envelopes;  /* a push's changes read flat (icw_json_read_push), or NULL */
  gboolean    in_changes; /* the value read next is the root's "changes" */
  guint       changes_seen;
  gboolean    not_flat;   /* a change that is not in the plain form: read the tree instead */
} Reader;

/* What a value read but not built stands for (never dereferenced). */
static char discarded;
#define DISCARDED ((JsonNode *) &discarded)

static gboolean
fail (Reader     *r,
      const char *what)
{
  g_set_error (r->error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
               _("The JSON is not valid at byte %lu: %s"),
               (unsigned long) (r->p - r->start), what);
  return FALSE;
}

static void
skip_space (Reader *r)
{
  const char *from = r->p;

  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
  if (r->digest != NULL && r->p > from)
    {
      icw_sync_digest_update (r->digest, r->run, from - r->run);
      r->run = r->p;
    }
}

/* A string at r->p (its opening quote), decoded into r->text (left as it was for a discarded
 * string without escapes: nothing reads it). */
static gboolean
read_string (Reader *r)
{
  const char *start = ++r->p;
  /* Where the limit is passed: a run of plain bytes is skipped up to it at once. */
  const char *limit = (gsize) (r->end - start) > ICW_SYNC_JSON_MAX_STRING
                      ? start + ICW_SYNC_JSON_MAX_STRING + 1 : r->end;
  gboolean escaped = FALSE;

  while (r->p < r->end && *r->p != '"')
    {
      guchar c;

      /* Bytes that are neither a quote, a backslash nor a control character, in one loop; the
       * checks below see the byte that stopped it, at the same place as byte by byte. */
      while (limit - r->p >= 8)
        {
          guint64 word;

          memcpy (&word, r->p, 8);
          if (icw_json_word_may_stop_string (word))
            break;
          r->p += 8;
        }
      while (r->p < limit && (guchar) *r->p >= 0x20 && *r->p != '"' && *r->p != '\\')
        r->p++;
      if ((gsize) (r->p - start) > ICW_SYNC_JSON_MAX_STRING)
        return fail (r, _("a string longer than the limit"));
      if (r->p >= r->end || *r->p == '"')
        break;
      c = *r->p;

      if (c < 0x20)
        return fail (r, _("a control character in a string"));
      if (c == '\\')
        {
          escaped = TRUE;
          r->p++;
          if (r->p >= r->end || strchr ("\"\\/bfnrtu", *r->p) == NULL)
            return fail (r, _("a bad escape in a string"));
          if (*r->p == 'u')
            {
              for (int i = 1; i <= 4; i++)
                if (r->p + i >= r->end || !g_ascii_isxdigit (r->p[i]))
                  return fail (r, _("a bad escape in a string"));
              r->p += 4;
            }
        }
      r->p++;
      if ((gsize) (r->p - start) > ICW_SYNC_JSON_MAX_STRING)
        return fail (r, _("a string longer than the limit"));
    }
  if (r->p >= r->end)
    return fail (r, _("a string without its end"));
  /* A discarded string's text is not kept; its escapes are still checked. */
  if (!escaped && r->discard > 0)
    ;
  else if (!escaped)
    {
      g_string_truncate (r->text, 0);
      g_string_append_len (r->text, start, r->p - start);
    }
  else if (g_string_truncate (r->text, 0), !icw_json_unescape (r->text, start, r->p))
    {
      /* The rule of every reader (icw-json-reader.h), at the string's opening quote. */
      r->p = start - 1;
      return fail (r, _("an escape that stands for no text (a lone surrogate or \\u0000)"));
    }
  r->p++;
  return TRUE;
}

static gboolean
read_digits (Reader *r)
{
  const char *start = r->p;

  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return r->p > start;
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p;
  gboolean integer = TRUE;
  char small[64];
  g_autofree char *large = NULL;
  const char *text;
  gsize length;
  JsonNode *node;

  if (*r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (!read_digits (r))
    return fail (r, _("a bad number")), NULL;
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      integer = FALSE;
      if (!read_digits (r))
        return fail (r, _("a bad number")), NULL;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      integer = FALSE;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!read_digits (r))
        return fail (r, _("a bad number")), NULL;
    }
  length = r->p - start;
  if (integer)
    {
      gint64 value;

      /* No leading zeros in JSON: more than 20 characters never fit 64 bits. */
      if (length > 20 || !icw_json_parse_int64 (start, length, &value))
        return fail (r, _("an integer too large")), NULL;
      if (r->discard > 0)
        return DISCARDED;
      node = json_node_alloc ();
      return json_node_init_int (node, value);
    }
  if (r->discard > 0)
    return DISCARDED;
  if (length < sizeof small)
    {
      memcpy (small, start, length);
      small[length] = '\0';
      text = small;
    }
  else
    text = large = g_strndup (start, length);
  node = json_node_alloc ();
  return json_node_init_double (node, g_ascii_strtod (text, NULL));
}

static JsonNode *
read_literal (Reader     *r,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail (r, _("an unexpected character")), NULL;
  r->p += len;
  if (r->discard > 0)
    return DISCARDED;
  if (word[0] == 'n')
    return json_node_init_null (json_node_alloc ());
  return json_node_init_boolean (json_node_alloc (), word[0] == 't');
}

static JsonNode *read_value (Reader *r);

/* A value read and checked, not built. */
static gboolean
skip_value (Reader *r)
{
  JsonNode *value;

  r->discard++;
  value = read_value (r);
  r->discard--;
  return value != NULL;
}

/* A member's name at r->p, into r->text, and its colon; the messages of read_container. */
static gboolean
read_member_name (Reader *r)
{
  if (r->p >= r->end || *r->p != '"')
    return fail (r, _("a member name that is not a double-quoted string"));
  if (!read_string (r))
    return FALSE;
  skip_space (r);
  if (r->p >= r->end || *r->p != ':')
    return fail (r, _("a missing colon"));
  r->p++;
  skip_space (r);
  return TRUE;
}

/* After a member or an element: TRUE with *more set, or FALSE at a fault (read_container's). */
static gboolean
read_separator (Reader   *r,
                char      close,
                gboolean *more)
{
  skip_space (r);
  if (r->p < r->end && *r->p == ',')
    {
      r->p++;
      *more = TRUE;
      return TRUE;
    }
  if (r->p < r->end && *r->p == close)
    {
      *more = FALSE;
      return TRUE;
    }
  return fail (r, _("a missing comma or bracket"));
}

/* A string member's value kept in *text (a second one, or one of another type, makes the change
 * not plain; null is taken where nullable says so). */
static gboolean
read_envelope_string (Reader   *r,
                      char    **text,
                      gboolean *seen,
                      gboolean  nullable)
{
  if (*seen)
    r->not_flat = TRUE;
  *seen = TRUE;
  if (r->p < r->end && *r->p == '"')
    {
      if (!read_string (r))
        return FALSE;
      g_free (*text);
      *text = g_strdup (r->text->str);
      return TRUE;
    }
  if (!(nullable && r->p < r->end && *r->p == 'n'))
    r->not_flat = TRUE;
  return skip_value (r);
}

/* A change's record at r->p (its '{'): checked as strictly as read_container checks it, its
 * "id" kept and its bytes' span, nothing built. */
static gboolean
read_envelope_record (Reader         *r,
                      IcwPushEnvelope *envelope)
{
  const char *opening = r->p;
  gboolean seen_id = FALSE;
  gboolean more = TRUE;

  if (++r->depth > ICW_SYNC_JSON_MAX_DEPTH)
    return fail (r, _("nested too deeply"));
  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    more = FALSE;
  while (more)
    {
      skip_space (r);
      if (!read_member_name (r))
        return FALSE;
      if (strcmp (r->text->str, "id") == 0)
        {
          if (!read_envelope_string (r, &envelope->record_id, &seen_id, FALSE))
            return FALSE;
        }
      else if (!skip_value (r))
        return FALSE;
      if (!read_separator (r, '}', &more))
        return FALSE;
    }
  r->p++;
  r->depth--;
  envelope->record.offset = opening - r->start;
  envelope->record.length = r->p - opening;
  return TRUE;
}

/* A change of the root's "changes" at r->p (its '{'), read into r->envelopes instead of a tree:
 * kind, id, op and base_revision as strings, the record's id and span; the other members checked
 * and left. Anything else (a member twice, a member of another type) marks the push as not plain
 * (its tree is read instead, icw_json_read_push). */
static JsonNode *
read_change (Reader *r)
{
  IcwPushEnvelope envelope = { NULL, };
  gboolean seen[5] = { FALSE, };
  gboolean more = TRUE;
  gboolean ok = TRUE;

  if (++r->depth > ICW_SYNC_JSON_MAX_DEPTH)
    return fail (r, _("nested too deeply")), NULL;
  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    more = FALSE;
  while (ok && more)
    {
      const char *name;

      skip_space (r);
      if (!(ok = read_member_name (r)))
        break;
      name = r->text->str;
      if (strcmp (name, "kind") == 0)
        ok = read_envelope_string (r, &envelope.kind, &seen[0], FALSE);
      else if (strcmp (name, "id") == 0)
        ok = read_envelope_string (r, &envelope.id, &seen[1], FALSE);
      else if (strcmp (name, "op") == 0)
        ok = read_envelope_string (r, &envelope.op, &seen[2], FALSE);
      else if (strcmp (name, "base_revision") == 0)
        ok = read_envelope_string (r, &envelope.base_revision, &seen[3], TRUE);
      else if (strcmp (name, "record") == 0)
        {
          if (seen[4] || r->p >= r->end || *r->p != '{')
            {
              r->not_flat = TRUE;
              ok = skip_value (r);
            }
          else
            ok = read_envelope_record (r, &envelope);
          seen[4] = TRUE;
        }
      else
        ok = skip_value (r);
      if (ok)
        ok = read_separator (r, '}', &more);
    }
  g_array_append_val (r->envelopes, envelope);
  if (!ok)
    return NULL;
  r->p++;
  r->depth--;
  return DISCARDED;
}

static JsonNode *
read_container (Reader *r,
                char    close)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonArray) array = NULL;
  const char *opening = r->p;
  gboolean first = TRUE;
  gboolean thin;
  gboolean flat_changes = r->in_changes && close == ']';
  JsonNode *node;

  r->in_changes = FALSE;
  if (++r->depth > ICW_SYNC_JSON_MAX_DEPTH)
    return fail (r, _("nested too deeply")), NULL;
  thin = r->thin && r->discard == 0 && close == '}' && r->depth == r->span_depth;
  if (r->discard > 0)
    ;   /* checked, not built */
  else if (close == '}')
    object = json_object_new ();
  else
    array = json_array_new ();
  r->p++;
  for (;;)
    {
      g_autofree char *long_name = NULL;
      char short_name[64];
      const char *name = NULL;
      JsonNode *value;
      gboolean skip;

      skip_space (r);
      if (r->p < r->end && *r->p == close && first)
        break;
      if (close == '}')
        {
          if (r->p >= r->end || *r->p != '"')
            return fail (r, _("a member name that is not a double-quoted string")), NULL;
          if (!read_string (r))
            return NULL;
          /* Kept apart from r->text, which the value reuses; a discarded member's is not kept. */
          if (r->discard > 0)
            ;
          else if (r->text->len < sizeof short_name)
            name = memcpy (short_name, r->text->str, r->text->len + 1);
          else
            name = long_name = g_strndup (r->text->str, r->text->len);
          skip_space (r);
          if (r->p >= r->end || *r->p != ':')
            return fail (r, _("a missing colon")), NULL;
          r->p++;
        }
      /* A thin record keeps its "id" (the change's checks read it); its other members are
       * checked as they are read, and read again in place by the record's own checks. */
      skip = thin && strcmp (name, "id") != 0;
      r->discard += skip;
      if (r->envelopes != NULL && name != NULL && r->depth == 1 && strcmp (name, "changes") == 0)
        {
          r->changes_seen++;
          r->in_changes = TRUE;
          skip_space (r);
          r->not_flat |= r->p >= r->end || *r->p != '[';
        }
      if (flat_changes && (skip_space (r), r->p < r->end && *r->p == '{'))
        value = read_change (r);
      else
        {
          r->not_flat |= flat_changes;
          value = read_value (r);
        }
      r->in_changes = FALSE;
      r->discard -= skip;
      if (value == NULL)
        return NULL;
      if (value == DISCARDED)
        ;
      else if (object != NULL)
        json_object_set_member (object, name, value);
      else
        json_array_add_element (array, value);
      skip_space (r);
      first = FALSE;
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == close)
        break;
      return fail (r, _("a missing comma or bracket")), NULL;
    }
  r->p++;
  if (object != NULL && r->spans != NULL && r->depth == r->span_depth)
    {
      IcwJsonSpan *span = g_new (IcwJsonSpan, 1);

      span->offset = opening - r->start;
      span->length = r->p - opening;
      g_hash_table_insert (r->spans, object, span);
    }
  r->depth--;
  if (object == NULL && array == NULL)
    return DISCARDED;
  if (object != NULL)
    node = json_node_init_object (json_node_alloc (), object);
  else
    node = json_node_init_array (json_node_alloc (), array);
  return node;
}

static JsonNode *
read_value (Reader *r)
{
  skip_space (r);
  if (r->p >= r->end)
    return fail (r, _("the input ends early")), NULL;
  switch (*r->p)
    {
    case '{': return read_container (r, '}');
    case '[': return read_container (r, ']');
    case '"':
      if (!read_string (r))
        return NULL;
      if (r->discard > 0)
        return DISCARDED;
      return json_node_init_string (json_node_alloc (), r->text->str);
    case 't': return read_literal (r, "true");
    case 'f': return read_literal (r, "false");
    case 'n': return read_literal (r, "null");
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return read_number (r);
      return fail (r, _("an unexpected character")), NULL;
    }
}

/* Whether data is valid UTF-8 without a NUL, exactly as g_utf8_validate_len says: a byte below
 * 0x80 is a character of its own (eight at a time while a word holds only such bytes, none of them
 * NUL), and a multi-byte character holds no such byte, so each run of the others is checked by
 * GLib alone. Most of a push body is ASCII. */
static gboolean
valid_utf8 (const char *data,
            gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  while (p < end)
    {
      if (*p >= 0x80)
        {
          const guchar *run = p;

          while (p < end && *p >= 0x80)
            p++;
          if (!g_utf8_validate_len ((const char *) run, p - run, NULL))
            return FALSE;
          continue;
        }
      if (*p++ == '\0')
        return FALSE;
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if ((word & 0x8080808080808080ULL) != 0 ||
              ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0)
            break;
          p += 8;
        }
    }
  return TRUE;
}

static JsonNode *
read_object (const char  *data,
             gsize        length,
             gsize        max_length,
             guint        span_depth,
             GHashTable  *spans,
             IcwSyncDigest *digest,
             gboolean     thin,
             GArray      *envelopes,
             gboolean    *plain,
             GError     **error)
{
  g_autoptr(GString) text = g_string_sized_new (256);
  Reader r = { data, data, data + length, 0, span_depth, spans, digest, data, text, error, thin, 0,
               envelopes, FALSE, 0, FALSE };
  g_autoptr(JsonNode) root = NULL;

  if (length > max_length)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE,
                   _("The JSON is larger than the limit of %lu bytes"), (unsigned long) max_length);
      return NULL;
    }
  if (!valid_utf8 (data, length))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The JSON is not valid UTF-8"));
      return NULL;
    }
  if ((root = read_value (&r)) == NULL || (skip_space (&r), r.p != r.end))
    {
      if (root != NULL)
        fail (&r, _("something follows the JSON value"));
      /* The spans of a tree that is not kept name freed objects. */
      if (spans != NULL)
        g_hash_table_remove_all (spans);
      return NULL;
    }
  if (digest != NULL)
    icw_sync_digest_update (digest, r.run, r.p - r.run);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The JSON is not an object"));
      if (spans != NULL)
        g_hash_table_remove_all (spans);
      return NULL;
    }
  json_node_seal (root);
  if (plain != NULL)
    *plain = !r.not_flat && r.changes_seen == 1;
  return g_steal_pointer (&root);
}

JsonNode *
icw_json_read_object (const char  *data,
                      gsize        length,
                      gsize        max_length,
                      guint        span_depth,
                      GHashTable  *spans,
                      IcwSyncDigest *digest,
                      GError     **error)
{
  return read_object (data, length, max_length, span_depth, spans, digest, FALSE, NULL, NULL, error);
}

JsonNode *
icw_json_read_object_thin (const char  *data,
                           gsize        length,
                           gsize        max_length,
                           guint        span_depth,
                           GHashTable  *spans,
                           IcwSyncDigest *digest,
                           GError     **error)
{
  return read_object (data, length, max_length, span_depth, spans, digest, TRUE, NULL, NULL, error);
}

JsonNode *
icw_json_read_push (const char    *data,
                    gsize          length,
                    gsize          max_length,
                    GArray        *envelopes,
                    gboolean      *plain,
                    IcwSyncDigest *digest,
                    GError       **error)
{
  JsonNode *root = read_object (data, length, max_length, 0, NULL, digest, FALSE, envelopes, plain, error);

  if (root == NULL)
    *plain = FALSE;
  return root;
}

static void
envelope_clear (gpointer data)
{
  IcwPushEnvelope *envelope = data;

  g_free (envelope->kind);
  g_free (envelope->id);
  g_free (envelope->op);
  g_free (envelope->base_revision);
  g_free (envelope->record_id);
}

GArray *
icw_push_envelopes_new (void)
{
  GArray *envelopes = g_array_new (FALSE, TRUE, sizeof (IcwPushEnvelope));

  g_array_set_clear_func (envelopes, envelope_clear);
  return envelopes;
}
