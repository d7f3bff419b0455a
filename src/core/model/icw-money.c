/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-money.c: exact decimal parsing and formatting of fen and basis points. Input is a plain
 * decimal number with '.' as the decimal mark; anything else (grouping marks, a comma used as the
 * decimal mark, exponents) is refused with a message rather than guessed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-money.h"

/* Parses "[-]digits[.digits]" into value * 10^scale, refusing more than max_decimals decimals. */
static gboolean
parse_fixed (const char  *text,
             guint        scale_digits,
             guint        max_decimals,
             gint64      *out,
             GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = s;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint64 limit = G_MAXINT64;
  guint decimals = 0;
  gboolean seen_point = FALSE, seen_digit = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      /* Two's complement has one more negative value: G_MININT64 fits too. */
      limit = (guint64) G_MAXINT64 + 1;
      p++;
    }

  for (; *p != '\0'; p++)
    {
      if (*p == '.' && !seen_point)
        {
          seen_point = TRUE;
          continue;
        }
      if (*p == ',' || *p == '\'' || *p == ' ')
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       _("“%s” contains a grouping mark; type the number without separators, with “.” as the decimal mark"), s);
          return FALSE;
        }
      if (!g_ascii_isdigit (*p))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("“%s” is not a number"), s);
          return FALSE;
        }
      if (seen_point && ++decimals > max_decimals)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                       ngettext ("“%s” has too many decimals: at most %u is allowed",
                                 "“%s” has too many decimals: at most %u are allowed", max_decimals),
                       s, max_decimals);
          return FALSE;
        }
      seen_digit = TRUE;
      /* value * 10 + digit <= limit, tested without overflowing. */
      if (value > (limit - (guint64) (*p - '0')) / 10)
        goto too_large;
      value = value * 10 + (guint64) (*p - '0');
    }

  if (!seen_digit)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("“%s” is not a number"), s);
      return FALSE;
    }

  for (; decimals < scale_digits; decimals++)
    {
      if (value > limit / 10)
        goto too_large;
      value *= 10;
    }

  /* Negated in unsigned arithmetic, so that 2^63 becomes G_MININT64 without overflow. */
  *out = negative ? (gint64) ((guint64) 0 - value) : (gint64) value;
  return TRUE;

too_large:
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("“%s” is too large"), s);
  return FALSE;
}

/* Formats value / 10^scale with at least min_decimals decimals and no trailing zeros beyond. */
static char *
format_fixed (gint64 value,
              guint  scale_digits,
              guint  min_decimals)
{
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  guint64 divisor = 1;
  g_autofree char *fraction = NULL;
  guint keep;

  for (guint i = 0; i < scale_digits; i++)
    divisor *= 10;

  fraction = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) scale_digits, magnitude % divisor);
  keep = scale_digits;
  while (keep > min_decimals && fraction[keep - 1] == '0')
    keep--;
  fraction[keep] = '\0';

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%s", value < 0 ? "-" : "",
                          magnitude / divisor, keep > 0 ? "." : "", fraction);
}

gboolean
icw_money_parse (const char    *text,
                 IcwMoneyUnit   unit,
                 gint64        *fen,
                 GError       **error)
{
  /* 万元 take up to six decimals, which is exact to the fen; yuan take two. */
  if (unit == ICW_MONEY_UNIT_WAN)
    return parse_fixed (text, 6, 6, fen, error);
  return parse_fixed (text, 2, 2, fen, error);
}

char *
icw_money_format (gint64       fen,
                  IcwMoneyUnit unit)
{
  if (unit == ICW_MONEY_UNIT_WAN)
    return format_fixed (fen, 6, 2);
  return format_fixed (fen, 2, 2);
}

const char *
icw_money_unit_symbol (IcwMoneyUnit unit)
{
  return unit == ICW_MONEY_UNIT_WAN ? _("10k yuan") : _("yuan");
}

gboolean
icw_basis_points_parse (const char  *text,
                        gint64      *basis_points,
                        GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (s);

  if (len > 0 && s[len - 1] == '%')
    s[len - 1] = '\0';

  return parse_fixed (s, 2, 2, basis_points, error);
}

char *
icw_basis_points_format (gint64 basis_points)
{
  g_autofree char *number = format_fixed (basis_points, 2, 2);

  return g_strdup_printf ("%s%%", number);
}
