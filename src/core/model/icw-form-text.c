/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-form-text.c: typed form text to record values (icw-form-text.h). Whole numbers are ASCII
 * digits in a range; dates are ISO 8601 calendar dates; money and shares go to the exact parsers
 * of icw-money.c; credit codes are normalised then checked (icw-credit-code.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-credit-code.h"
#include "icw-error.h"
#include "icw-form-text.h"

static gboolean
parse_int (const char  *text,
           int          min,
           int          max,
           int         *out,
           GError     **error)
{
  gint64 number;

  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, min, max, &number, NULL))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Type a whole number between %d and %d"), min, max);
      return FALSE;
    }
  *out = (int) number;
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            GError     **error)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (*text == '\0')
    return TRUE;
  iso = g_strdup_printf ("%sT00:00:00Z", text);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  if (date == NULL || strlen (text) != 10)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Type the date as YYYY-MM-DD, e.g. 2024-03-15"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_whole (const char  *text,
             int          min,
             int          max,
             GValue      *value,
             GError     **error)
{
  int whole = 0;

  if (!parse_int (text, min, max, &whole, error))
    return FALSE;
  g_value_init (value, G_TYPE_INT);
  g_value_set_int (value, whole);
  return TRUE;
}

static gboolean
parse_credit_code (const char  *text,
                   GValue      *value,
                   GError     **error)
{
  g_autofree char *code = icw_credit_code_normalize (text);

  if (*code != '\0' && !icw_credit_code_validate (code, error))
    return FALSE;
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, code);
  return TRUE;
}

/* Money as the form shows it, digits grouped in the marks of the user's locale ("10,000.00"), or
 * typed plainly with up to the unit's exact decimals (12.345678 万元). */
static gboolean
parse_money (const char  *text,
             IcwMoneyUnit unit,
             gint64      *fen,
             GError     **error)
{
  IcwNumberMarks marks;

  icw_number_marks_from_locale (&marks);
  if (icw_money_parse_marks (text, unit, &marks, TRUE, fen, NULL))
    return TRUE;
  return icw_money_parse (text, unit, fen, error);
}

gboolean
icw_form_text_parse (IcwFieldKind   kind,
                     const char    *typed,
                     IcwMoneyUnit   unit,
                     GValue        *value,
                     GError       **error)
{
  g_autofree char *text = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  gint64 number = 0;

  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);

  switch (kind)
    {
    case ICW_FIELD_YEAR:
      return parse_whole (text, *text == '\0' ? 0 : 1900, 2100, value, error);
    case ICW_FIELD_COUNT:
      return parse_whole (text, 0, 100000, value, error);
    case ICW_FIELD_MONEY:
      if (*text != '\0' && !parse_money (text, unit, &number, error))
        return FALSE;
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, number);
      return TRUE;
    case ICW_FIELD_PERCENT:
      number = -1;
      if (*text != '\0' && !icw_basis_points_parse (text, &number, error))
        return FALSE;
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, number);
      return TRUE;
    case ICW_FIELD_DATE:
      if (!parse_date (text, error))
        return FALSE;
      break;
    case ICW_FIELD_CREDIT_CODE:
      return parse_credit_code (text, value, error);
    case ICW_FIELD_TEXT:
    default:
      break;
    }

  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
  return TRUE;
}

gboolean
icw_form_text_parse_amount (const char    *typed,
                            IcwMoneyUnit   unit,
                            gint64        *fen,
                            GError       **error)
{
  g_autofree char *text = g_strstrip (g_strdup (typed != NULL ? typed : ""));

  if (*text == '\0')
    {
      *fen = 0;
      return TRUE;
    }
  return icw_money_parse_locale (text, unit, fen, error);
}

gboolean
icw_form_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

gboolean
icw_form_text_parse_payment (const char    *typed,
                             IcwMoneyUnit   unit,
                             gint64        *fen,
                             GError       **error)
{
  g_autofree char *text = g_strstrip (g_strdup (typed != NULL ? typed : ""));

  if (*text == '\0')
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("type the amount"));
      return FALSE;
    }
  if (!icw_money_parse_locale (text, unit, fen, error))
    return FALSE;
  if (*fen <= 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("the amount must be above zero"));
      return FALSE;
    }
  return TRUE;
}
