/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-money-locale.c: money typed and shown in the marks of the user's locale. The parser never
 * guesses: it normalises full-width characters, checks where each mark stands, refuses what could
 * be read two ways, then hands a plain "digits.digits" text to the exact parser of icw-money.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "icw-error.h"
#include "icw-money.h"

void
icw_number_marks_from_locale (IcwNumberMarks *marks)
{
  struct lconv *conv = localeconv ();
  const char *decimal = conv->decimal_point != NULL && *conv->decimal_point != '\0' ? conv->decimal_point : ".";
  const char *group = conv->thousands_sep != NULL ? conv->thousands_sep : "";

  g_strlcpy (marks->decimal, decimal, sizeof marks->decimal);
  g_strlcpy (marks->group, group, sizeof marks->group);
}

/* Full-width digits, "．", "，", "－" and "＋" become ASCII; a no-break or narrow no-break space
 * becomes a plain space (which is what people type where a locale groups with those). */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E)
        g_string_append_c (out, '.');
      else if (c == 0xFF0C)
        g_string_append_c (out, ',');
      else if (c == 0xFF0D || c == 0x2212)
        g_string_append_c (out, '-');
      else if (c == 0x00A0 || c == 0x202F || c == 0x3000)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID, message);
  return FALSE;
}

/* The marks after normalising: a space-like group mark is a plain space. */
static void
normalise_marks (const IcwNumberMarks *marks,
                 char                 *decimal,
                 char                 *group)
{
  g_autofree char *d = normalise (marks->decimal);
  g_autofree char *g = normalise (marks->group);

  g_strlcpy (decimal, d, 8);
  g_strlcpy (group, g, 8);
}

gboolean
icw_money_parse_marks (const char           *text,
                       IcwMoneyUnit          unit,
                       const IcwNumberMarks *marks,
                       gboolean              allow_negative,
                       gint64               *fen,
                       GError              **error)
{
  g_autofree char *s = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  char decimal[8], group[8];
  gsize dlen, glen;
  const char *p, *int_start;
  int first_group = -1;     /* digits before the first group mark */
  guint run = 0, n_groups = 0;
  gboolean seen_decimal = FALSE;

  g_return_val_if_fail (marks != NULL && fen != NULL, FALSE);

  normalise_marks (marks, decimal, group);
  dlen = strlen (decimal);
  glen = strlen (group);
  s = normalise (text != NULL ? text : "");
  g_strstrip (s);
  p = s;

  if (*p == '\0')
    return refuse (error, _("Type an amount"));
  if (strstr (p, "。") != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("“%s” contains “。”: type the decimal mark as “%s”"), s, decimal);
      return FALSE;
    }
  if (*p == '-' || *p == '+')
    {
      if (*p == '-' && !allow_negative)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("“%s”: the amount cannot be negative"), s);
          return FALSE;
        }
      if (*p == '-')
        g_string_append_c (plain, '-');
      p++;
    }
  int_start = p;

  /* "1.234" where "." groups digits: a German reader means 1234, anyone else 1.234. */
  if (strcmp (decimal, ".") != 0 && strcmp (group, ".") == 0 && strstr (p, decimal) == NULL)
    {
      const char *dot = strchr (p, '.');

      if (dot != NULL && strchr (dot + 1, '.') == NULL)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("“%s” is ambiguous: here “.” groups thousands and “%s” is the decimal mark; type the number without “.” or with “%s” for decimals"),
                       s, decimal, decimal);
          return FALSE;
        }
    }

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (plain, *p);
          run++;
          p++;
        }
      else if (!seen_decimal && strncmp (p, decimal, dlen) == 0)
        {
          seen_decimal = TRUE;
          if (n_groups > 0 && run != 3)
            goto bad_grouping;
          g_string_append_c (plain, '.');
          run = 0;
          p += dlen;
        }
      else if (glen > 0 && strncmp (p, group, glen) == 0 && !seen_decimal)
        {
          if (run == 0 || (n_groups == 0 && run > 3) || (n_groups > 0 && run != 3))
            goto bad_grouping;
          if (n_groups == 0)
            first_group = (int) run;
          n_groups++;
          run = 0;
          p += glen;
        }
      else if (seen_decimal && ((glen > 0 && strncmp (p, group, glen) == 0) || *p == '.' || *p == ','))
        {
          /* A mark after the decimal mark: "1,234.5" read with a decimal comma, or "1.234,5" read
           * with a decimal point. Either way the writer used other marks than this locale's. */
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("“%s” is ambiguous: it seems written with other marks than “%s” for decimals and “%s” for thousands; type it again with these"),
                       s, decimal, glen > 0 ? group : "");
          return FALSE;
        }
      else if (*p == '.' || *p == ',' || *p == ' ' || *p == '\'')
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("“%s”: “%c” is not a mark of numbers here; the decimal mark is “%s”"), s, *p, decimal);
          return FALSE;
        }
      else
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("“%s” is not a number"), s);
          return FALSE;
        }
    }
  if (!seen_decimal && n_groups > 0 && run != 3)
    goto bad_grouping;
  if (p == int_start)
    return refuse (error, _("Type an amount"));
  (void) first_group;

  /* At most two decimals, in either unit: what the table shows. */
  {
    const char *point = strchr (plain->str, '.');

    if (point != NULL && strlen (point + 1) > 2)
      {
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                     _("“%s” has too many decimals: at most 2 are allowed"), s);
        return FALSE;
      }
  }
  return icw_money_parse (plain->str, unit, fen, error);

bad_grouping:
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
               _("“%s”: “%s” separates groups of three digits, and “%s” is the decimal mark"), s, group, decimal);
  return FALSE;
}

gboolean
icw_money_parse_locale (const char    *text,
                        IcwMoneyUnit   unit,
                        gint64        *fen,
                        GError       **error)
{
  IcwNumberMarks marks;

  icw_number_marks_from_locale (&marks);
  return icw_money_parse_marks (text, unit, &marks, FALSE, fen, error);
}

char *
icw_money_format_marks (gint64                fen,
                        IcwMoneyUnit          unit,
                        const IcwNumberMarks *marks,
                        gboolean              grouping)
{
  g_autofree char *plain = icw_money_format (fen, unit);
  GString *out = g_string_new (NULL);
  const char *digits = plain[0] == '-' ? plain + 1 : plain;
  const char *point = strchr (digits, '.');
  gsize n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);

  if (plain[0] == '-')
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n_int; i++)
    {
      if (grouping && marks->group[0] != '\0' && i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, marks->group);
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append (out, marks->decimal);
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

char *
icw_money_format_locale (gint64       fen,
                         IcwMoneyUnit unit,
                         gboolean     grouping)
{
  IcwNumberMarks marks;

  icw_number_marks_from_locale (&marks);
  return icw_money_format_marks (fen, unit, &marks, grouping);
}
