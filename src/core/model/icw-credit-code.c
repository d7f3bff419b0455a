/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-credit-code.c: checks the unified social credit code (统一社会信用代码) by the rules of
 * GB 32100-2015: 18 characters from a 31-character alphabet (digits and capitals without I, O, S,
 * V, Z), a registration authority code, an organization kind code, a 6-digit region code, and a
 * check character computed over the first 17 with weights 3^i mod 31. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-credit-code.h"
#include "icw-error.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int
alphabet_value (char c)
{
  const char *p = c != '\0' ? strchr (alphabet, c) : NULL;

  return p != NULL ? (int) (p - alphabet) : -1;
}

/* Returns the expected 18th character for 17 valid characters, or '\0' if any is invalid. */
char
icw_credit_code_check_character (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      int v = alphabet_value (first17[i]);

      if (v < 0)
        return '\0';
      sum += v * weights[i];
    }

  return alphabet[(31 - sum % 31) % 31];
}

/* Upper-cases and strips blanks, as people copy codes with spaces from licences. */
char *
icw_credit_code_normalize (const char *code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = code; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, g_ascii_toupper (*p));

  return g_string_free (out, FALSE);
}

gboolean
icw_credit_code_validate (const char  *code,
                          GError     **error)
{
  gsize len;
  char expected;

  g_return_val_if_fail (code != NULL, FALSE);

  len = strlen (code);
  if (len != ICW_CREDIT_CODE_LENGTH)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Unified social credit code: it must have 18 characters, not %u"),
                   (guint) g_utf8_strlen (code, -1));
      return FALSE;
    }

  for (guint i = 0; i < len; i++)
    if (alphabet_value (code[i]) < 0)
      {
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("Unified social credit code: character %u is not allowed (use digits and capital letters other than I, O, S, V, Z)"),
                     i + 1);
        return FALSE;
      }

  for (guint i = 2; i < 8; i++)
    if (!g_ascii_isdigit (code[i]))
      {
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("Unified social credit code: characters 3 to 8 are the region code and must be digits"));
        return FALSE;
      }

  expected = icw_credit_code_check_character (code);
  if (code[17] != expected)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Unified social credit code: the check character is wrong; please compare it with the business licence"));
      return FALSE;
    }

  return TRUE;
}
