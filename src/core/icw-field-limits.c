/* icw-field-limits.c: checking a text against the limits of its class of field (icw-field-limits.h)
 * and writing control characters visibly for the terminal. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-field-limits.h"

guint
icw_field_class_max_chars (IcwFieldClass field_class)
{
  switch (field_class)
    {
    case ICW_FIELD_NAME:
      return ICW_LIMIT_NAME_CHARS;
    case ICW_FIELD_SHORT:
      return ICW_LIMIT_SHORT_CHARS;
    case ICW_FIELD_ADDRESS:
      return ICW_LIMIT_ADDRESS_CHARS;
    case ICW_FIELD_TEXT:
      return ICW_LIMIT_TEXT_CHARS;
    default:
      g_return_val_if_reached (0);
    }
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF;
}

gunichar
icw_field_find_forbidden (const char    *text,
                          IcwFieldClass  field_class)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (field_class == ICW_FIELD_TEXT && (c == '\n' || c == '\t'))
        continue;
      if (is_control (c))
        return c;
    }
  return 0;
}

gboolean
icw_field_check (const char    *label,
                 const char    *text,
                 IcwFieldClass  field_class,
                 GError       **error)
{
  guint max = icw_field_class_max_chars (field_class);
  gunichar forbidden;
  glong length;

  g_return_val_if_fail (label != NULL, FALSE);

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s: the text is not valid UTF-8"), label);
      return FALSE;
    }
  forbidden = icw_field_find_forbidden (text, field_class);
  if (forbidden != 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   field_class == ICW_FIELD_TEXT
                   ? _("%s: it contains the control character U+%04X; only line breaks and tabs are allowed")
                   : _("%s: it contains the control character U+%04X (a line break, tab or other invisible character); type it on one line without them"),
                   label, forbidden);
      return FALSE;
    }
  length = g_utf8_strlen (text, -1);
  if (length > (glong) max)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("%s: it is longer than %u characters (it has %ld)"), label, max, length);
      return FALSE;
    }
  return TRUE;
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  switch (c)
    {
    case '\n':
      g_string_append (out, "\\n");
      break;
    case '\t':
      g_string_append (out, "\\t");
      break;
    case '\r':
      g_string_append (out, "\\r");
      break;
    default:
      g_string_append_printf (out, "\\u{%04X}", c);
    }
}

char *
icw_text_escape_controls (const char *text)
{
  GString *out;
  const char *p = text;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x{%02X}", (guchar) *p);
          p++;
          continue;
        }
      if (is_control (c))
        append_escaped (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
