/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-limits.c: checking a text against the limits of its class of field (icw-field-limits.h),
 * the records' text fields that have a class (from the field catalogue), and writing control characters
 * visibly for the terminal. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application.h"
#include "icw-application-sections.h"
#include "icw-error.h"
#include "icw-field-catalogue.h"
#include "icw-field-limits.h"
#include "icw-record.h"

guint
icw_field_class_max_chars (IcwFieldClass field_class)
{
  switch (field_class)
    {
    case ICW_FIELD_CLASS_NAME:
      return ICW_LIMIT_NAME_CHARS;
    case ICW_FIELD_CLASS_SHORT:
      return ICW_LIMIT_SHORT_CHARS;
    case ICW_FIELD_CLASS_ADDRESS:
    case ICW_FIELD_CLASS_LINES:
      return ICW_LIMIT_ADDRESS_CHARS;
    case ICW_FIELD_CLASS_TEXT:
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

static gboolean
allowed_in (IcwFieldClass field_class,
            gunichar      c)
{
  if (field_class != ICW_FIELD_CLASS_TEXT && field_class != ICW_FIELD_CLASS_LINES)
    return FALSE;
  return c == '\n' || c == '\t' || c == '\r';
}

IcwFieldProblem
icw_field_inspect (const char    *text,
                   IcwFieldClass  field_class,
                   gunichar      *bad,
                   glong         *length)
{
  glong n = 0;

  if (text == NULL)
    return ICW_FIELD_OK;
  if (!g_utf8_validate (text, -1, NULL))
    return ICW_FIELD_NOT_UTF8;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_control (c) && !allowed_in (field_class, c))
        {
          if (bad != NULL)
            *bad = c;
          return ICW_FIELD_CONTROL;
        }
    }
  if (length != NULL)
    *length = n;
  return n > (glong) icw_field_class_max_chars (field_class) ? ICW_FIELD_TOO_LONG : ICW_FIELD_OK;
}

gboolean
icw_field_check (const char    *label,
                 const char    *text,
                 IcwFieldClass  field_class,
                 GError       **error)
{
  gunichar bad = 0;
  glong length = 0;

  g_return_val_if_fail (label != NULL, FALSE);

  switch (icw_field_inspect (text, field_class, &bad, &length))
    {
    case ICW_FIELD_OK:
      return TRUE;
    case ICW_FIELD_NOT_UTF8:
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s: the text is not valid UTF-8"), label);
      return FALSE;
    case ICW_FIELD_CONTROL:
      if (field_class == ICW_FIELD_CLASS_TEXT || field_class == ICW_FIELD_CLASS_LINES)
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("%s: it contains the control character U+%04X; only line breaks and tabs are allowed"),
                     label, bad);
      else
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("%s: it contains the control character U+%04X (a line break, tab or other invisible character); type it on one line without them"),
                     label, bad);
      return FALSE;
    case ICW_FIELD_TOO_LONG:
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("%s: it is longer than %u characters (it has %ld)"),
                   label, icw_field_class_max_chars (field_class), length);
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

/* The limited text fields of the field catalogue (LIMIT in icw-field-catalogue.c); a property
 * has the same class in every kind that has it. */
gboolean
icw_field_class_for_property (const char    *property,
                              IcwFieldClass *field_class,
                              const char   **label)
{
  for (guint k = 0; property != NULL && k < ICW_N_RECORD_KINDS; k++)
    {
      guint n;
      const IcwColumn *fields = icw_field_catalogue ((IcwRecordKind) k, &n);

      for (guint i = 0; i < n; i++)
        if (fields[i].limited && strcmp (fields[i].property, property) == 0)
          {
            if (field_class != NULL)
              *field_class = fields[i].limit;
            if (label != NULL)
              *label = icw_field_label (&fields[i]);
            return TRUE;
          }
    }
  return FALSE;
}

static gboolean
check_property (GObject        *record,
                const char     *property,
                const char     *label,
                IcwFieldClass   field_class,
                GError        **error)
{
  g_autofree char *text = NULL;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);

  if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
    return TRUE;
  g_object_get (record, property, &text, NULL);
  return icw_field_check (label, text, field_class, error);
}

gboolean
icw_field_check_record (GObject  *record,
                        GError  **error)
{
  return icw_field_check_changed (record, NULL, error);
}

gboolean
icw_field_check_changed (GObject     *record,
                         GHashTable  *changed,
                         GError     **error)
{
  IcwRecordClass *klass;
  const IcwColumn *fields;

  g_return_val_if_fail (ICW_IS_RECORD (record), FALSE);

  klass = ICW_RECORD_GET_CLASS (record);
  fields = klass->fields;
  for (guint i = 0; i < klass->n_fields; i++)
    if (fields[i].limited && (changed == NULL || g_hash_table_contains (changed, fields[i].property)) &&
        !check_property (record, fields[i].property, icw_field_label (&fields[i]), fields[i].limit, error))
      return FALSE;
  if (!ICW_IS_APPLICATION (record))
    return TRUE;
  for (IcwSection s = 0; s < ICW_N_SECTIONS; s++)
    if (icw_section_get_form (s) == ICW_SECTION_FORM_TEXT &&
        (changed == NULL || g_hash_table_contains (changed, icw_section_get_property (s))) &&
        !check_property (record, icw_section_get_property (s), icw_section_get_title (s), ICW_FIELD_CLASS_TEXT, error))
      return FALSE;
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
icw_text_escape_controls (const char *text,
                          gboolean    keep_lines)
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
      if (is_control (c) && !(keep_lines && (c == '\n' || c == '\t')))
        append_escaped (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
