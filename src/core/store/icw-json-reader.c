/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-reader.c: JSON read in place (icw-json-reader.h). Reading a value checks its syntax
 * to its end (a container is skipped whole, so its end is known); walking a container then reads
 * its members one by one. No allocation except a string copied out. */
#include "config.h"

#include <string.h>

#include "icw-json-reader.h"

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

static gboolean read_value (const char **pp, const char *end, guint depth, IcwJsonValue *value);

static gboolean
read_string (const char  **pp,
             const char   *end,
             IcwJsonValue *value)
{
  const char *p = *pp + 1;

  value->type = ICW_JSON_STRING;
  value->start = *pp;
  value->escaped = FALSE;
  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c == '"')
        {
          *pp = value->end = p + 1;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          value->escaped = TRUE;
          if (++p >= end || strchr ("\"\\/bfnrtu", *p) == NULL || *p == '\0')
            return FALSE;
          if (*p == 'u')
            {
              if (end - p < 5)
                return FALSE;
              for (int i = 1; i <= 4; i++)
                if (!g_ascii_isxdigit (p[i]))
                  return FALSE;
              p += 4;
            }
        }
      p++;
    }
  return FALSE;
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

static gboolean
read_number (const char  **pp,
             const char   *end,
             IcwJsonValue *value)
{
  const char *p = *pp, *after;

  value->type = ICW_JSON_INTEGER;
  value->start = p;
  if (*p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if ((after = skip_digits (p, end)) == p)
    return FALSE;
  else
    p = after;
  if (p < end && *p == '.')
    {
      value->type = ICW_JSON_NUMBER;
      p++;
      if ((after = skip_digits (p, end)) == p)
        return FALSE;
      p = after;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      value->type = ICW_JSON_NUMBER;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if ((after = skip_digits (p, end)) == p)
        return FALSE;
      p = after;
    }
  *pp = value->end = p;
  return TRUE;
}

static gboolean
read_literal (const char  **pp,
              const char   *end,
              const char   *word,
              IcwJsonType   type,
              IcwJsonValue *value)
{
  gsize len = strlen (word);

  if ((gsize) (end - *pp) < len || memcmp (*pp, word, len) != 0)
    return FALSE;
  value->type = type;
  value->start = *pp;
  *pp = value->end = *pp + len;
  return TRUE;
}

static int iter_next (IcwJsonIter *iter, guint depth, IcwJsonValue *name, IcwJsonValue *value);

static gboolean
read_container (const char  **pp,
                const char   *end,
                guint         depth,
                IcwJsonValue *value)
{
  IcwJsonIter iter = { *pp + 1, end, TRUE, **pp == '{' };
  IcwJsonValue name, member;
  int more;

  if (depth >= ICW_JSON_READER_MAX_DEPTH)
    return FALSE;
  value->type = iter.object ? ICW_JSON_OBJECT : ICW_JSON_ARRAY;
  value->start = *pp;
  while ((more = iter_next (&iter, depth + 1, iter.object ? &name : NULL, &member)) > 0)
    ;
  if (more < 0)
    return FALSE;
  *pp = value->end = iter.p;
  return TRUE;
}

static gboolean
read_value (const char  **pp,
            const char   *end,
            guint         depth,
            IcwJsonValue *value)
{
  *pp = skip_space (*pp, end);
  if (*pp >= end)
    return FALSE;
  value->escaped = FALSE;
  switch (**pp)
    {
    case '"': return read_string (pp, end, value);
    case '{': case '[': return read_container (pp, end, depth, value);
    case 't': return read_literal (pp, end, "true", ICW_JSON_TRUE, value);
    case 'f': return read_literal (pp, end, "false", ICW_JSON_FALSE, value);
    case 'n': return read_literal (pp, end, "null", ICW_JSON_NULL, value);
    default:
      if (**pp == '-' || g_ascii_isdigit (**pp))
        return read_number (pp, end, value);
      return FALSE;
    }
}

/* iter->p is after the opening bracket or after the previous member; at the end it is left after
 * the closing bracket. */
static int
iter_next (IcwJsonIter  *iter,
           guint         depth,
           IcwJsonValue *name,
           IcwJsonValue *value)
{
  char close = iter->object ? '}' : ']';
  const char *p = skip_space (iter->p, iter->end);

  if (p >= iter->end)
    return -1;
  if (*p == close)
    {
      iter->p = p + 1;
      return 0;
    }
  if (!iter->first)
    {
      if (*p != ',')
        return -1;
      p = skip_space (p + 1, iter->end);
    }
  iter->first = FALSE;
  if (iter->object)
    {
      IcwJsonValue local;
      IcwJsonValue *key = name != NULL ? name : &local;

      if (p >= iter->end || *p != '"' || !read_string (&p, iter->end, key))
        return -1;
      p = skip_space (p, iter->end);
      if (p >= iter->end || *p != ':')
        return -1;
      p++;
    }
  else if (name != NULL)
    {
      name->type = ICW_JSON_NULL;
      name->start = name->end = NULL;
    }
  if (!read_value (&p, iter->end, depth, value))
    return -1;
  iter->p = p;
  return 1;
}

gboolean
icw_json_read_document (const char   *text,
                        gsize         length,
                        IcwJsonValue *value)
{
  const char *p = text, *end = text + length;

  if (!read_value (&p, end, 0, value))
    return FALSE;
  return skip_space (p, end) == end;
}

void
icw_json_iter_init (IcwJsonIter        *iter,
                    const IcwJsonValue *container)
{
  g_return_if_fail (container->type == ICW_JSON_OBJECT || container->type == ICW_JSON_ARRAY);
  iter->p = container->start + 1;
  iter->end = container->end;
  iter->first = TRUE;
  iter->object = container->type == ICW_JSON_OBJECT;
}

int
icw_json_iter_next (IcwJsonIter  *iter,
                    IcwJsonValue *name,
                    IcwJsonValue *value)
{
  /* The container was read whole before: its members are within the depth limit already. */
  return iter_next (iter, 1, name, value);
}

const char *
icw_json_string_raw (const IcwJsonValue *string,
                     gsize              *length)
{
  if (string->type != ICW_JSON_STRING || string->escaped)
    return NULL;
  *length = (gsize) (string->end - string->start) - 2;
  return string->start + 1;
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    value = value * 16 + g_ascii_xdigit_value (p[i]);
  return value;
}

char *
icw_json_string_dup (const IcwJsonValue *string)
{
  const char *p = string->start + 1, *end = string->end - 1;
  GString *out;

  g_return_val_if_fail (string->type == ICW_JSON_STRING, NULL);
  if (!string->escaped)
    return g_strndup (p, end - p);
  out = g_string_sized_new (end - p);
  while (p < end)
    {
      const char *backslash = memchr (p, '\\', end - p);
      gunichar c;

      if (backslash == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, backslash - p);
      p = backslash + 1;
      switch (*p)
        {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          c = hex4 (p + 1);
          p += 4;
          if (c >= 0xDC00 && c <= 0xDFFF)
            goto bad;   /* a low surrogate alone */
          if (c >= 0xD800 && c <= 0xDBFF)
            {
              gunichar low;

              if (end - p < 7 || p[1] != '\\' || p[2] != 'u' ||
                  (low = hex4 (p + 3)) < 0xDC00 || low > 0xDFFF)
                goto bad;   /* a high surrogate alone */
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          if (c == 0)
            goto bad;   /* the string would end early in C and in SQLite's text */
          break;
        default: c = (guchar) *p; break;   /* " \ / */
        }
      g_string_append_unichar (out, c);
      p++;
    }
  return g_string_free (out, FALSE);

bad:
  g_string_free (out, TRUE);
  return NULL;
}

gboolean
icw_json_string_equal (const IcwJsonValue *string,
                       const char         *text)
{
  g_autofree char *copy = NULL;
  gsize length;
  const char *raw;

  if (string->type != ICW_JSON_STRING)
    return FALSE;
  if ((raw = icw_json_string_raw (string, &length)) != NULL)
    return strlen (text) == length && memcmp (raw, text, length) == 0;
  copy = icw_json_string_dup (string);
  return copy != NULL && strcmp (copy, text) == 0;
}

gboolean
icw_json_integer (const IcwJsonValue *value,
                  gint64             *out)
{
  char buffer[32];
  gsize length = value->end - value->start;

  if (value->type != ICW_JSON_INTEGER || length >= sizeof buffer)
    return FALSE;
  memcpy (buffer, value->start, length);
  buffer[length] = '\0';
  return g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, out, NULL);
}
