/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-server-text.c: text in a pushed batch that is not Unicode, marked before json-glib
 * reads it, so that it is refused with the one change that holds it (`invalid-text`) instead of
 * failing the whole batch. json-glib 1.6 cannot parse some lone surrogate escapes ("\udc00"), lets
 * others through as invalid UTF-8 ("a\ud800b"), and cuts a string at "\u0000"; the strict scanner
 * refuses raw invalid UTF-8 anywhere. Inside strings, each of these becomes the escape of U+FFFF, a
 * noncharacter that the server's record check refuses as text (icw-sync-server-check.c). Outside
 * strings nothing changes: a broken document is still a 400. A body with no escape \uXXXX is read
 * as it came (icw_server_text_may_be_bad): marking could change nothing in it if it is UTF-8. */
#include "config.h"

#include <string.h>

#include "icw-sync-server-private.h"

#define MARK "\\uffff"

static gboolean
hex4 (const char *p,
      gsize       available,
      guint      *value)
{
  *value = 0;
  if (available < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  return TRUE;
}

/* The length of the escape at p (a backslash) and whether it stands for no Unicode text. */
static gsize
escape_length (const char *p,
               gsize       available,
               gboolean   *bad)
{
  guint unit, low;

  *bad = FALSE;
  if (available < 2 || p[1] != 'u' || !hex4 (p + 2, available - 2, &unit))
    return MIN (available, 2);   /* another escape, or a broken one: the scanner judges it */
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      if (available >= 12 && p[6] == '\\' && p[7] == 'u' && hex4 (p + 8, available - 8, &low) &&
          low >= 0xdc00 && low <= 0xdfff)
        return 12;
      *bad = TRUE;
    }
  else if ((unit >= 0xdc00 && unit <= 0xdfff) || unit == 0)
    *bad = TRUE;
  return 6;
}

/* The length of the raw character at p (not ASCII), or 0 when it is not UTF-8. */
static gsize
char_length (const char *p,
             gsize       available)
{
  gunichar c = g_utf8_get_char_validated (p, available);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 0;
  return g_utf8_next_char (p) - p;
}

static void
mark (GString   **out,
      const char *data,
      gsize      *copied,
      gsize       at,
      gsize       length)
{
  if (*out == NULL)
    *out = g_string_sized_new (length + 64);
  g_string_append_len (*out, data + *copied, at - *copied);
  g_string_append (*out, MARK);
  *copied = at + length;
}

char *
icw_server_mark_bad_text (const char *data,
                          gsize       length,
                          gsize      *out_length)
{
  GString *out = NULL;
  gboolean in_string = FALSE;
  gsize copied = 0;
  gsize i = 0;

  while (i < length)
    {
      guchar c = data[i];
      gboolean bad = FALSE;
      gsize step = 1;

      if (c == '"')
        in_string = !in_string;
      else if (in_string && c == '\\')
        step = escape_length (data + i, length - i, &bad);
      else if (in_string && c >= 0x80 && (step = char_length (data + i, length - i)) == 0)
        {
          step = 1;
          bad = TRUE;
        }
      if (bad)
        mark (&out, data, &copied, i, step);
      i += step;
    }
  if (out == NULL)
    return NULL;
  g_string_append_len (out, data + copied, length - copied);
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
icw_server_text_may_be_bad (const char *data,
                            gsize       length,
                            gboolean    raw_mark)
{
  const char *end = data + length;
  const char *p = data;

  /* An escape's backslash and the letter after it; "\\\\u" (a backslash, then u) is skipped whole. */
  while (p < end && (p = memchr (p, '\\', end - p)) != NULL)
    {
      if (p + 1 < end && p[1] == 'u')
        return TRUE;
      p += 2;
    }
  if (!raw_mark)
    return FALSE;
  /* U+FFFF is EF BF BF; EF also begins the fullwidth forms (（）), so each is looked at. */
  for (p = data; p < end && (p = memchr (p, 0xef, end - p)) != NULL; p++)
    if (end - p >= 3 && (guchar) p[1] == 0xbf && (guchar) p[2] == 0xbf)
      return TRUE;
  return FALSE;
}
