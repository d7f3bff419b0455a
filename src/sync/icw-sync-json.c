/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-json.c: untrusted JSON, checked strictly before and after json-glib parses it. The
 * scanner accepts exactly one RFC 8259 value (objects, arrays, double-quoted strings, numbers,
 * literals) with limits on the size, the depth, each string's length and the integers' range, so
 * that json-glib's leniencies (assignments, single quotes, concatenated documents, empty input,
 * wrapped integers, lone surrogate escapes) never reach it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-json-reader.h"
#include "icw-sync-error.h"
#include "icw-sync-json.h"

typedef struct {
  const char *start;
  const char *p;
  const char *end;
  guint       depth;
  GString    *text;   /* set where a tree is built: each escaped string decoded to check it */
  GError    **error;
} Scanner;

static gboolean
fail (Scanner    *s,
      const char *what)
{
  g_set_error (s->error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
               _("The JSON is not valid at byte %lu: %s"),
               (unsigned long) (s->p - s->start), what);
  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean scan_value (Scanner *s);

static gboolean
scan_string (Scanner *s)
{
  const char *start = ++s->p;
  gboolean escaped = FALSE;

  while (s->p < s->end && *s->p != '"')
    {
      guchar c = *s->p;

      if (c < 0x20)
        return fail (s, _("a control character in a string"));
      if (c == '\\')
        {
          escaped = TRUE;
          s->p++;
          if (s->p >= s->end || strchr ("\"\\/bfnrtu", *s->p) == NULL)
            return fail (s, _("a bad escape in a string"));
          if (*s->p == 'u')
            {
              for (int i = 1; i <= 4; i++)
                if (s->p + i >= s->end || !g_ascii_isxdigit (s->p[i]))
                  return fail (s, _("a bad escape in a string"));
              s->p += 4;
            }
        }
      s->p++;
      if ((gsize) (s->p - start) > ICW_SYNC_JSON_MAX_STRING)
        return fail (s, _("a string longer than the limit"));
    }
  if (s->p >= s->end)
    return fail (s, _("a string without its end"));
  if (escaped && s->text != NULL)
    {
      /* json-glib 1.6 fails on some lone surrogates, lets others through as invalid UTF-8 and
       * cuts a string at \u0000: refused here by the rule of every reader (icw-json-reader.h),
       * with the body reader's message, at the string's opening quote. */
      g_string_truncate (s->text, 0);
      if (!icw_json_unescape (s->text, start, s->p))
        {
          s->p = start - 1;
          return fail (s, _("an escape that stands for no text (a lone surrogate or \\u0000)"));
        }
    }
  s->p++;
  return TRUE;
}

static gboolean
scan_digits (Scanner *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return s->p > start;
}

static gboolean
scan_number (Scanner *s)
{
  const char *start = s->p;
  gboolean integer = TRUE;

  if (*s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!scan_digits (s))
    return fail (s, _("a bad number"));
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      integer = FALSE;
      if (!scan_digits (s))
        return fail (s, _("a bad number"));
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      integer = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return fail (s, _("a bad number"));
    }
  if (integer)
    {
      g_autofree char *text = g_strndup (start, s->p - start);
      gint64 value;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return fail (s, _("an integer too large"));
    }
  return TRUE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return fail (s, _("an unexpected character"));
  s->p += len;
  return TRUE;
}

static gboolean
scan_container (Scanner *s,
                char     close)
{
  gboolean first = TRUE;

  if (++s->depth > ICW_SYNC_JSON_MAX_DEPTH)
    return fail (s, _("nested too deeply"));
  s->p++;
  for (;;)
    {
      skip_space (s);
      if (s->p < s->end && *s->p == close && first)
        break;
      if (close == '}')
        {
          if (s->p >= s->end || *s->p != '"')
            return fail (s, _("a member name that is not a double-quoted string"));
          if (!scan_string (s))
            return FALSE;
          skip_space (s);
          if (s->p >= s->end || *s->p != ':')
            return fail (s, _("a missing colon"));
          s->p++;
        }
      if (!scan_value (s))
        return FALSE;
      skip_space (s);
      first = FALSE;
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          continue;
        }
      if (s->p < s->end && *s->p == close)
        break;
      return fail (s, _("a missing comma or bracket"));
    }
  s->p++;
  s->depth--;
  return TRUE;
}

static gboolean
scan_value (Scanner *s)
{
  skip_space (s);
  if (s->p >= s->end)
    return fail (s, _("the input ends early"));
  switch (*s->p)
    {
    case '{': return scan_container (s, '}');
    case '[': return scan_container (s, ']');
    case '"': return scan_string (s);
    case 't': return scan_literal (s, "true");
    case 'f': return scan_literal (s, "false");
    case 'n': return scan_literal (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s);
      return fail (s, _("an unexpected character"));
    }
}

static gboolean
check (const char  *data,
       gsize        length,
       gsize        max_length,
       GString     *text,
       GError     **error)
{
  Scanner s = { data, data, data + length, 0, text, error };

  if (length > max_length)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_TOO_LARGE,
                   _("The JSON is larger than the limit of %lu bytes"), (unsigned long) max_length);
      return FALSE;
    }
  if (length > 0 && !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The JSON is not valid UTF-8"));
      return FALSE;
    }
  if (!scan_value (&s))
    return FALSE;
  skip_space (&s);
  if (s.p != s.end)
    return fail (&s, _("something follows the JSON value"));
  return TRUE;
}

/* The strings' escapes are left to the reader that walks the text in place (icw-json-reader.h),
 * which refuses a string that stands for no text where it copies it out, naming the member. */
gboolean
icw_sync_json_check (const char  *data,
                     gsize        length,
                     gsize        max_length,
                     GError     **error)
{
  return check (data, length, max_length, NULL, error);
}

gboolean
icw_sync_json_check_as_tree (const char  *data,
                             gsize        length,
                             gsize        max_length,
                             GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  return check (data, length, max_length, text, error);
}

JsonNode *
icw_sync_json_parse_object (const char  *data,
                            gsize        length,
                            gsize        max_length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonNode *root;

  if (!check (data, length, max_length, text, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error) ||
      json_parser_has_assignment (parser, NULL))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The JSON is not valid: %s"),
                   local_error != NULL ? local_error->message : "var");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID, _("The JSON is not an object"));
      return NULL;
    }
  return json_node_ref (root);
}

typedef enum { WANT_STRING, WANT_ARRAY, WANT_OBJECT, WANT_BOOLEAN } Want;

/* One whole sentence per type: never a type's name slotted into a sentence. */
static gboolean
wrong_type (GError    **error,
            const char *member,
            Want        want)
{
  switch (want)
    {
    case WANT_STRING:
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not a string"), member);
      break;
    case WANT_ARRAY:
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not an array"), member);
      break;
    case WANT_OBJECT:
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not an object"), member);
      break;
    case WANT_BOOLEAN:
    default:
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is missing or is not true or false"), member);
      break;
    }
  return FALSE;
}

const char *
icw_sync_json_string (JsonObject  *object,
                      const char  *member,
                      gboolean     nullable,
                      gsize        max_length,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (nullable && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      wrong_type (error, member, WANT_STRING);
      return NULL;
    }
  if (strlen (json_node_get_string (node)) > max_length)
    {
      g_set_error (error, ICW_SYNC_ERROR, ICW_SYNC_ERROR_INVALID,
                   _("The member “%s” is longer than %lu bytes"), member, (unsigned long) max_length);
      return NULL;
    }
  return json_node_get_string (node);
}

JsonArray *
icw_sync_json_array (JsonObject  *object,
                     const char  *member,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (error, member, WANT_ARRAY);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
icw_sync_json_object (JsonObject  *object,
                      const char  *member,
                      gboolean     nullable,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (nullable && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (error, member, WANT_OBJECT);
      return NULL;
    }
  return json_node_get_object (node);
}

gboolean
icw_sync_json_boolean (JsonObject  *object,
                       const char  *member,
                       gboolean    *value,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (error, member, WANT_BOOLEAN);
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* Revisions and cursors of the reference server are decimal; other servers' need only be strings. */
gboolean
icw_sync_json_is_decimal (const char *text)
{
  if (text == NULL || *text == '\0' || strlen (text) > 18)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A JSON string literal of text (UTF-8 from the store): quotes, backslashes and control
 * characters escaped. */
void
icw_sync_json_append_string (GString    *out,
                             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}
