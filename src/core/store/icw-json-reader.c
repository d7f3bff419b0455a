/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-reader.c: JSON read in place (icw-json-reader.h). A scalar is read (and its syntax
 * checked) when the walk reaches it; a container member is left where it starts until it is
 * entered or skipped whole. No allocation except a string copied out. */
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

static gboolean
read_string (const char  **pp,
             const char   *end,
             IcwJsonValue *value)
{
  const char *p = *pp + 1;

  value->type = ICW_JSON_STRING;
  value->start = *pp;
  value->escaped = FALSE;
  for (;;)
    {
      guchar c;

      /* The common bytes first: eight at a time while they are plain, then one by one up to
       * the byte that stops the string. */
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          if (icw_json_word_may_stop_string (word))
            break;
          p += 8;
        }
      while (p < end && (c = (guchar) *p) != '"' && c != '\\' && c >= 0x20)
        p++;
      if (p >= end)
        return FALSE;
      c = (guchar) *p;
      if (c == '"')
        break;
      if (c < 0x20)
        return FALSE;
      /* A backslash: one of the escapes, \u with four hexadecimal digits. */
      value->escaped = TRUE;
      if (++p >= end)
        return FALSE;
      switch (*p)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p++;
          break;
        case 'u':
          if (end - p < 5 || !g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]) ||
              !g_ascii_isxdigit (p[3]) || !g_ascii_isxdigit (p[4]))
            return FALSE;
          p += 5;
          break;
        default:
          return FALSE;
        }
    }
  if ((gsize) (p - value->start - 1) > ICW_JSON_READER_MAX_STRING)
    return FALSE;
  *pp = value->end = p + 1;
  return TRUE;
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
  if (value->type == ICW_JSON_INTEGER)
    {
      /* Within 64 bits: up to 18 digits always; 19 compared; more never. */
      const char *digits = value->start + (*value->start == '-');
      gsize n = p - digits;

      if (n > 19 || (n == 19 && memcmp (digits, *value->start == '-' ? "9223372036854775808" : "9223372036854775807", 19) > 0))
        return FALSE;
    }
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

static int iter_next (IcwJsonIter *iter, IcwJsonValue *name, IcwJsonValue *value);

/* Skips the container at *pp whole; depth is its own depth (the outermost is 1). */
static gboolean
read_container (const char  **pp,
                const char   *end,
                guint         depth,
                IcwJsonValue *value)
{
  IcwJsonIter iter = { *pp + 1, end, depth, TRUE, **pp == '{', FALSE };
  IcwJsonValue name, member;
  int more;

  if (depth > ICW_JSON_READER_MAX_DEPTH)
    return FALSE;
  value->type = iter.object ? ICW_JSON_OBJECT : ICW_JSON_ARRAY;
  value->start = *pp;
  while ((more = iter_next (&iter, iter.object ? &name : NULL, &member)) > 0)
    ;
  if (more < 0)
    return FALSE;
  *pp = value->end = iter.p;
  return TRUE;
}

/* A scalar is read whole; a container is only typed (its end NULL), *pp left at its bracket. */
static gboolean
read_value (const char  **pp,
            const char   *end,
            IcwJsonValue *value)
{
  *pp = skip_space (*pp, end);
  if (*pp >= end)
    return FALSE;
  value->escaped = FALSE;
  switch (**pp)
    {
    case '"': return read_string (pp, end, value);
    case '{': case '[':
      value->type = **pp == '{' ? ICW_JSON_OBJECT : ICW_JSON_ARRAY;
      value->start = *pp;
      value->end = NULL;
      return TRUE;
    case 't': return read_literal (pp, end, "true", ICW_JSON_TRUE, value);
    case 'f': return read_literal (pp, end, "false", ICW_JSON_FALSE, value);
    case 'n': return read_literal (pp, end, "null", ICW_JSON_NULL, value);
    default:
      if (**pp == '-' || g_ascii_isdigit (**pp))
        return read_number (pp, end, value);
      return FALSE;
    }
}

/* iter->p is after the opening bracket or after the previous member (or at a container member
 * still pending); at the end it is left after the closing bracket. */
static int
iter_next (IcwJsonIter  *iter,
           IcwJsonValue *name,
           IcwJsonValue *value)
{
  char close = iter->object ? '}' : ']';
  const char *p = iter->p;

  if (iter->pending)
    {
      IcwJsonValue skipped;

      iter->pending = FALSE;
      if (!read_container (&p, iter->end, iter->depth + 1, &skipped))
        return -1;
    }
  p = skip_space (p, iter->end);
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
  if (!read_value (&p, iter->end, value))
    return -1;
  iter->pending = value->end == NULL;
  iter->p = p;
  return 1;
}

gboolean
icw_json_iter_init_text (IcwJsonIter *iter,
                         const char  *text,
                         gsize        length)
{
  const char *end = text + length;
  const char *p = skip_space (text, end);

  if (p >= end || (*p != '{' && *p != '['))
    return FALSE;
  iter->p = p + 1;
  iter->end = end;
  iter->depth = 1;
  iter->first = TRUE;
  iter->object = *p == '{';
  iter->pending = FALSE;
  return TRUE;
}

void
icw_json_iter_init (IcwJsonIter        *iter,
                    const IcwJsonValue *container)
{
  g_return_if_fail ((container->type == ICW_JSON_OBJECT || container->type == ICW_JSON_ARRAY) &&
                    container->end != NULL);
  iter->p = container->start + 1;
  iter->end = container->end;
  iter->depth = 1;
  iter->first = TRUE;
  iter->object = container->type == ICW_JSON_OBJECT;
  iter->pending = FALSE;
}

int
icw_json_iter_next (IcwJsonIter  *iter,
                    IcwJsonValue *name,
                    IcwJsonValue *value)
{
  return iter_next (iter, name, value);
}

gboolean
icw_json_iter_enter (IcwJsonIter *iter,
                     IcwJsonIter *child)
{
  g_return_val_if_fail (iter->pending, FALSE);

  if (iter->depth + 1 > ICW_JSON_READER_MAX_DEPTH)
    return FALSE;
  child->p = iter->p + 1;
  child->end = iter->end;
  child->depth = iter->depth + 1;
  child->first = TRUE;
  child->object = *iter->p == '{';
  child->pending = FALSE;
  iter->pending = FALSE;
  return TRUE;
}

void
icw_json_iter_leave (IcwJsonIter       *iter,
                     const IcwJsonIter *child,
                     IcwJsonValue      *value)
{
  iter->p = child->p;
  if (value != NULL)
    value->end = child->p;
}

gboolean
icw_json_iter_at_end (const IcwJsonIter *iter)
{
  return !iter->pending && skip_space (iter->p, iter->end) == iter->end;
}

gboolean
icw_json_is_object (const char *text,
                    gsize       length)
{
  IcwJsonIter iter;
  IcwJsonValue name, value;
  int more;

  if (!icw_json_iter_init_text (&iter, text, length) || !iter.object || !g_utf8_validate_len (text, length, NULL))
    return FALSE;
  while ((more = icw_json_iter_next (&iter, &name, &value)) > 0)
    ;
  return more == 0 && icw_json_iter_at_end (&iter);
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

/* The \u escape at p (its backslash; the grammar checked its four digits) as a character, p moved
 * to its last digit, or to a surrogate pair's second one; FALSE when it stands for no text. */
static gboolean
unescape_u (const char **p,
            const char  *to,
            gunichar    *c)
{
  const char *u = *p + 1;

  *c = hex4 (u + 1);
  u += 4;
  if (*c >= 0xDC00 && *c <= 0xDFFF)
    return FALSE;   /* a low surrogate alone */
  if (*c >= 0xD800 && *c <= 0xDBFF)
    {
      gunichar low;

      if (to - u < 7 || u[1] != '\\' || u[2] != 'u' ||
          (low = hex4 (u + 3)) < 0xDC00 || low > 0xDFFF)
        return FALSE;   /* a high surrogate alone */
      *c = 0x10000 + ((*c - 0xD800) << 10) + (low - 0xDC00);
      u += 6;
    }
  *p = u;
  /* \u0000: the string would end early in C and in SQLite's text. */
  return *c != 0;
}

gboolean
icw_json_unescape (GString    *out,
                   const char *from,
                   const char *to)
{
  const char *p = from;

  while (p < to)
    {
      const char *backslash = memchr (p, '\\', to - p);
      gunichar c;

      if (backslash == NULL)
        {
          g_string_append_len (out, p, to - p);
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
          p--;
          if (!unescape_u (&p, to, &c))
            return FALSE;
          break;
        default: c = (guchar) *p; break;   /* " \ / */
        }
      g_string_append_unichar (out, c);
      p++;
    }
  return TRUE;
}

gboolean
icw_json_escapes_stand_for_text (const char *from,
                                 const char *to)
{
  const char *p = from;

  /* Each backslash of JSON text starts an escape inside a string: \u and four digits (two escapes
   * for a surrogate pair), or two bytes. */
  while (p < to && (p = memchr (p, '\\', to - p)) != NULL)
    {
      gunichar c;

      if (to - p >= 6 && p[1] == 'u')
        {
          if (!unescape_u (&p, to, &c))
            return FALSE;
          p++;
        }
      else
        p += 2;
    }
  return TRUE;
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
  if (!icw_json_unescape (out, p, end))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
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
icw_json_parse_int64 (const char *text,
                      gsize       length,
                      gint64     *out)
{
  gboolean negative = length > 0 && text[0] == '-';
  guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  guint64 value = 0;
  gsize i = negative ? 1 : 0;

  if (i == length)
    return FALSE;
  for (; i < length; i++)
    {
      guint digit = (guchar) text[i] - '0';

      if (digit > 9 || value > (limit - digit) / 10)
        return FALSE;
      value = value * 10 + digit;
    }
  /* -2^63 is the one value whose magnitude is not a gint64. */
  *out = negative ? (gint64) (0 - value) : (gint64) value;
  return TRUE;
}

gboolean
icw_json_integer (const IcwJsonValue *value,
                  gint64             *out)
{
  if (value->type != ICW_JSON_INTEGER)
    return FALSE;
  return icw_json_parse_int64 (value->start, value->end - value->start, out);
}
