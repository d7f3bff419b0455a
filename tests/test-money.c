/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-money.c: exact parsing and formatting of money (integer fen shown as 万元 or yuan) and of
 * basis points in icw-money.c: good and bad input, the limits of gint64, and round trips of random
 * values checked against a formatting written independently here. Money typed in the user's locale
 * (icw-money-locale.c) is tested in en_US.UTF-8 and zh_CN.UTF-8 through setlocale (LC_NUMERIC), and
 * with a decimal comma (German marks) through explicit marks: de_DE is not among the locales CI
 * generates. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-error.h"
#include "icw-money.h"
#include "icw-test-util.h"

static void
assert_parses (const char   *text,
               IcwMoneyUnit  unit,
               gint64        expected)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 12345;   /* a value that no case expects, so a missing store shows */

  if (!icw_money_parse (text, unit, &fen, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, expected);
}

static void
assert_refused (const char   *text,
                IcwMoneyUnit  unit,
                const char   *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 777;

  if (icw_money_parse (text, unit, &fen, &error))
    g_error ("“%s” was accepted as %" G_GINT64_FORMAT " fen", text, fen);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_cmpint (fen, ==, 777);   /* untouched on error */
  icw_test_assert_message_contains (error, message_part, text);
}

static void
assert_formats (gint64        fen,
                IcwMoneyUnit  unit,
                const char   *expected)
{
  g_autofree char *text = icw_money_format (fen, unit);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_parse_wan (void)
{
  assert_parses ("1", ICW_MONEY_UNIT_WAN, 1000000);
  assert_parses ("1.5", ICW_MONEY_UNIT_WAN, 1500000);
  assert_parses ("1.50", ICW_MONEY_UNIT_WAN, 1500000);
  assert_parses ("0.000001", ICW_MONEY_UNIT_WAN, 1);
  assert_parses ("12345.678901", ICW_MONEY_UNIT_WAN, 12345678901);
  assert_parses ("0", ICW_MONEY_UNIT_WAN, 0);
  assert_parses ("0.00", ICW_MONEY_UNIT_WAN, 0);
  assert_parses ("007", ICW_MONEY_UNIT_WAN, 7000000);
  assert_parses (".5", ICW_MONEY_UNIT_WAN, 500000);
  assert_parses ("  2.25\t", ICW_MONEY_UNIT_WAN, 2250000);
  assert_parses ("-1.25", ICW_MONEY_UNIT_WAN, -1250000);
  assert_parses ("-0.000001", ICW_MONEY_UNIT_WAN, -1);
}

static void
test_parse_yuan (void)
{
  assert_parses ("1", ICW_MONEY_UNIT_YUAN, 100);
  assert_parses ("0.01", ICW_MONEY_UNIT_YUAN, 1);
  assert_parses ("0.1", ICW_MONEY_UNIT_YUAN, 10);
  assert_parses ("1234567.89", ICW_MONEY_UNIT_YUAN, 123456789);
  assert_parses ("-3.07", ICW_MONEY_UNIT_YUAN, -307);
  assert_parses ("-0", ICW_MONEY_UNIT_YUAN, 0);
}

static void
test_bad_input (void)
{
  const IcwMoneyUnit units[] = { ICW_MONEY_UNIT_WAN, ICW_MONEY_UNIT_YUAN };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      /* Grouping marks are refused rather than guessed at. */
      assert_refused ("1,000", units[u], "grouping mark");
      assert_refused ("1,000.50", units[u], "grouping mark");
      assert_refused ("1 000", units[u], "grouping mark");
      assert_refused ("1'000", units[u], "grouping mark");
      assert_refused ("1,5", units[u], "grouping mark");
      /* Letters, signs and other marks. */
      assert_refused ("abc", units[u], "is not a number");
      assert_refused ("12a", units[u], "is not a number");
      assert_refused ("1e3", units[u], "is not a number");
      assert_refused ("0x10", units[u], "is not a number");
      assert_refused ("+1", units[u], "is not a number");
      assert_refused ("--1", units[u], "is not a number");
      assert_refused ("1-", units[u], "is not a number");
      assert_refused ("1.2.3", units[u], "is not a number");
      assert_refused ("¥12", units[u], "is not a number");
      assert_refused ("１２", units[u], "is not a number");   /* full-width digits */
      assert_refused ("12万", units[u], "is not a number");
      /* Empty and nearly empty. */
      assert_refused ("", units[u], "is not a number");
      assert_refused ("   ", units[u], "is not a number");
      assert_refused (NULL, units[u], "is not a number");
      assert_refused ("-", units[u], "is not a number");
      assert_refused (".", units[u], "is not a number");
      assert_refused ("-.", units[u], "is not a number");
    }

  /* Too many decimals: 万元 are exact to the fen with six, yuan with two. */
  assert_refused ("0.0000001", ICW_MONEY_UNIT_WAN, "too many decimals");
  assert_refused ("1.1234567", ICW_MONEY_UNIT_WAN, "too many decimals");
  assert_refused ("1.001", ICW_MONEY_UNIT_YUAN, "too many decimals");
  assert_refused ("-0.005", ICW_MONEY_UNIT_YUAN, "too many decimals");
  /* Trailing zeros count as decimals too: the input is refused, not silently rounded. */
  assert_refused ("1.000", ICW_MONEY_UNIT_YUAN, "too many decimals");
}

static void
test_format (void)
{
  assert_formats (0, ICW_MONEY_UNIT_WAN, "0.00");
  assert_formats (1000000, ICW_MONEY_UNIT_WAN, "1.00");
  assert_formats (1500000, ICW_MONEY_UNIT_WAN, "1.50");
  assert_formats (1, ICW_MONEY_UNIT_WAN, "0.000001");
  assert_formats (123456789, ICW_MONEY_UNIT_WAN, "123.456789");
  assert_formats (123450000, ICW_MONEY_UNIT_WAN, "123.45");
  assert_formats (123456000, ICW_MONEY_UNIT_WAN, "123.456");
  assert_formats (-1500000, ICW_MONEY_UNIT_WAN, "-1.50");
  assert_formats (-1, ICW_MONEY_UNIT_WAN, "-0.000001");
  assert_formats (500000000000, ICW_MONEY_UNIT_WAN, "500000.00");

  assert_formats (0, ICW_MONEY_UNIT_YUAN, "0.00");
  assert_formats (1, ICW_MONEY_UNIT_YUAN, "0.01");
  assert_formats (150, ICW_MONEY_UNIT_YUAN, "1.50");
  assert_formats (-5, ICW_MONEY_UNIT_YUAN, "-0.05");
  assert_formats (123456789, ICW_MONEY_UNIT_YUAN, "1234567.89");

  g_assert_cmpstr (icw_money_unit_symbol (ICW_MONEY_UNIT_WAN), !=, icw_money_unit_symbol (ICW_MONEY_UNIT_YUAN));
}

static void
test_limits (void)
{
  /* G_MAXINT64 = 9223372036854775807 fen. */
  assert_parses ("92233720368547758.07", ICW_MONEY_UNIT_YUAN, G_MAXINT64);
  assert_parses ("92233720368547758.06", ICW_MONEY_UNIT_YUAN, G_MAXINT64 - 1);
  assert_refused ("92233720368547758.08", ICW_MONEY_UNIT_YUAN, "too large");
  assert_refused ("92233720368547759", ICW_MONEY_UNIT_YUAN, "too large");
  assert_refused ("9223372036854775807", ICW_MONEY_UNIT_YUAN, "too large");

  assert_parses ("9223372036854.775807", ICW_MONEY_UNIT_WAN, G_MAXINT64);
  assert_refused ("9223372036854.775808", ICW_MONEY_UNIT_WAN, "too large");
  assert_refused ("9223372036854.78", ICW_MONEY_UNIT_WAN, "too large");
  assert_refused ("9223372036855", ICW_MONEY_UNIT_WAN, "too large");
  assert_refused ("99999999999999999999999999999999", ICW_MONEY_UNIT_WAN, "too large");

  /* G_MININT64 = -9223372036854775808 fen fits as well; one fen less does not. */
  assert_parses ("-92233720368547758.08", ICW_MONEY_UNIT_YUAN, G_MININT64);
  assert_parses ("-92233720368547758.07", ICW_MONEY_UNIT_YUAN, -G_MAXINT64);
  assert_refused ("-92233720368547758.09", ICW_MONEY_UNIT_YUAN, "too large");
  assert_parses ("-9223372036854.775808", ICW_MONEY_UNIT_WAN, G_MININT64);
  assert_refused ("-9223372036854.775809", ICW_MONEY_UNIT_WAN, "too large");

  assert_formats (G_MAXINT64, ICW_MONEY_UNIT_YUAN, "92233720368547758.07");
  assert_formats (G_MININT64, ICW_MONEY_UNIT_YUAN, "-92233720368547758.08");
  assert_formats (G_MAXINT64, ICW_MONEY_UNIT_WAN, "9223372036854.775807");
  assert_formats (G_MININT64, ICW_MONEY_UNIT_WAN, "-9223372036854.775808");
}

static void
test_basis_points (void)
{
  struct {
    const char *text;
    gint64 expected;
  } good[] = {
    { "100", 10000 }, { "100%", 10000 }, { "12.34%", 1234 }, { "12.3", 1230 }, { "0.01", 1 },
    { "0", 0 }, { " 50 % ", 5000 }, { "-1", -100 }, { "92233720368547758.07", G_MAXINT64 },
  };
  const char *bad[] = { "12.345", "1,5", "abc", "", "%", "12%%", "%12", "50 %%", "1e2",
                        "92233720368547758.08" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 bp = -99;

      g_assert_true (icw_basis_points_parse (good[i].text, &bp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bp, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 bp = -99;

      if (icw_basis_points_parse (bad[i], &bp, &error))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT " basis points", bad[i], bp);
      g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
      g_assert_cmpint (bp, ==, -99);
    }

  {
    g_autofree char *a = icw_basis_points_format (1234);
    g_autofree char *b = icw_basis_points_format (10000);
    g_autofree char *c = icw_basis_points_format (5);
    g_autofree char *d = icw_basis_points_format (0);
    g_autofree char *e = icw_basis_points_format (-250);

    g_assert_cmpstr (a, ==, "12.34%");
    g_assert_cmpstr (b, ==, "100.00%");
    g_assert_cmpstr (c, ==, "0.05%");
    g_assert_cmpstr (d, ==, "0.00%");
    g_assert_cmpstr (e, ==, "-2.50%");
  }
}

/* The text of value / 10^scale with at least two decimals and no trailing zeros beyond, built
 * digit by digit from the decimal expansion of the magnitude rather than with division. */
static char *
independent_format (gint64 value,
                    guint  scale)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  gsize len, int_len;
  guint keep;

  /* %lld of a negative number writes the sign; the magnitude's digits follow it. */
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  if (value < 0)
    {
      g_string_append_c (out, '-');
      memmove (digits, digits + 1, strlen (digits));
    }
  len = strlen (digits);
  while (len <= scale)
    {
      char *padded = g_strconcat ("0", digits, NULL);
      g_free (digits);
      digits = padded;
      len++;
    }
  int_len = len - scale;
  g_string_append_len (out, digits, int_len);
  keep = scale;
  while (keep > 2 && digits[int_len + keep - 1] == '0')
    keep--;
  g_string_append_c (out, '.');
  g_string_append_len (out, digits + int_len, keep);
  return g_string_free (out, FALSE);
}

static gint64
random_value (void)
{
  guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

  /* Spread over every magnitude: shift the random bits down by a random amount. */
  return (gint64) bits >> g_test_rand_int_range (0, 64);
}

static void
test_round_trip (void)
{
  for (int i = 0; i < 20000; i++)
    {
      gint64 value = random_value ();
      g_autofree char *wan = icw_money_format (value, ICW_MONEY_UNIT_WAN);
      g_autofree char *yuan = icw_money_format (value, ICW_MONEY_UNIT_YUAN);
      g_autofree char *bp = icw_basis_points_format (value);
      g_autofree char *wan_expected = independent_format (value, 6);
      g_autofree char *yuan_expected = independent_format (value, 2);
      g_autofree char *bp_expected = g_strconcat (yuan_expected, "%", NULL);
      gint64 back = 0;

      g_assert_cmpstr (wan, ==, wan_expected);
      g_assert_cmpstr (yuan, ==, yuan_expected);
      g_assert_cmpstr (bp, ==, bp_expected);

      g_assert_true (icw_money_parse (wan, ICW_MONEY_UNIT_WAN, &back, NULL));
      g_assert_cmpint (back, ==, value);
      back = 0;
      g_assert_true (icw_money_parse (yuan, ICW_MONEY_UNIT_YUAN, &back, NULL));
      g_assert_cmpint (back, ==, value);
      back = 0;
      g_assert_true (icw_basis_points_parse (bp, &back, NULL));
      g_assert_cmpint (back, ==, value);
    }
}

/* Typed text of random shape, parsed and compared with the value computed from its parts. */
static void
test_random_text (void)
{
  for (int i = 0; i < 20000; i++)
    {
      gint64 whole = g_test_rand_int_range (0, G_MAXINT32);
      guint decimals = g_test_rand_int_range (0, 7);
      gint64 fraction = 0, scale = 1000000;
      gboolean negative = g_test_rand_bit ();
      GString *text = g_string_new (negative ? "-" : "");
      g_autofree char *typed = NULL;
      gint64 fen = 0;

      g_string_append_printf (text, "%" G_GINT64_FORMAT, whole);
      if (decimals > 0)
        g_string_append_c (text, '.');
      for (guint d = 0; d < decimals; d++)
        {
          int digit = g_test_rand_int_range (0, 10);

          g_string_append_c (text, '0' + digit);
          scale /= 10;
          fraction += digit * scale;
        }
      typed = g_string_free (text, FALSE);

      g_assert_true (icw_money_parse (typed, ICW_MONEY_UNIT_WAN, &fen, NULL));
      g_assert_cmpint (fen, ==, (negative ? -1 : 1) * (whole * 1000000 + fraction));

      fen = 0;
      if (decimals <= 2)
        {
          g_assert_true (icw_money_parse (typed, ICW_MONEY_UNIT_YUAN, &fen, NULL));
          g_assert_cmpint (fen, ==, (negative ? -1 : 1) * (whole * 100 + fraction / 10000));
        }
      else
        g_assert_false (icw_money_parse (typed, ICW_MONEY_UNIT_YUAN, &fen, NULL));
    }
}

/* Sets LC_NUMERIC for one test; FALSE (and the test skipped) when the locale is not installed. */
static gboolean
use_numeric_locale (const char *name)
{
  if (setlocale (LC_NUMERIC, name) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("the locale %s is not installed", name);

      g_test_skip (why);
      return FALSE;
    }
  return TRUE;
}

static void
assert_locale_parses (const char   *text,
                      IcwMoneyUnit  unit,
                      gint64        expected)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 12345;

  if (!icw_money_parse_locale (text, unit, &fen, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_cmpint (fen, ==, expected);
}

static void
assert_locale_refused (const char   *text,
                       IcwMoneyUnit  unit,
                       const char   *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 12345;

  if (icw_money_parse_locale (text, unit, &fen, &error))
    g_error ("“%s” was accepted as %" G_GINT64_FORMAT " fen", text, fen);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_cmpint (fen, ==, 12345);
  icw_test_assert_message_contains (error, message_part, text);
}

/* What en_US and zh_CN share: "." for decimals, "," between groups of three. */
static void
check_point_comma_locale (void)
{
  IcwNumberMarks marks;
  g_autofree char *max_yuan = NULL, *grouped = NULL;

  icw_number_marks_from_locale (&marks);
  g_assert_cmpstr (marks.decimal, ==, ".");
  g_assert_cmpstr (marks.group, ==, ",");

  assert_locale_parses ("0", ICW_MONEY_UNIT_WAN, 0);
  assert_locale_parses ("1234.5", ICW_MONEY_UNIT_WAN, 1234500000);
  assert_locale_parses ("1,234.5", ICW_MONEY_UNIT_WAN, 1234500000);
  assert_locale_parses ("1,234,567.89", ICW_MONEY_UNIT_YUAN, 123456789);
  assert_locale_parses ("  12.30 ", ICW_MONEY_UNIT_WAN, 12300000);
  assert_locale_parses (".5", ICW_MONEY_UNIT_YUAN, 50);
  /* Full-width digits and marks from a Chinese input method. */
  assert_locale_parses ("１２３．４５", ICW_MONEY_UNIT_WAN, 123450000);
  assert_locale_parses ("１，２３４．５", ICW_MONEY_UNIT_YUAN, 123450);
  /* The limits of gint64, exact: G_MAXINT64 fen in yuan, the largest 2-decimal 万元 below it. */
  assert_locale_parses ("92233720368547758.07", ICW_MONEY_UNIT_YUAN, G_MAXINT64);
  assert_locale_parses ("92,233,720,368,547,758.07", ICW_MONEY_UNIT_YUAN, G_MAXINT64);
  assert_locale_parses ("9223372036854.77", ICW_MONEY_UNIT_WAN, G_GINT64_CONSTANT (9223372036854770000));
  assert_locale_refused ("92233720368547758.08", ICW_MONEY_UNIT_YUAN, "too large");
  assert_locale_refused ("9223372036854.78", ICW_MONEY_UNIT_WAN, "too large");
  assert_locale_refused ("99999999999999999999999", ICW_MONEY_UNIT_YUAN, "too large");

  /* Bad input, each with a message naming what is wrong. */
  assert_locale_refused ("", ICW_MONEY_UNIT_WAN, "Type an amount");
  assert_locale_refused ("1.234", ICW_MONEY_UNIT_WAN, "too many decimals");
  assert_locale_refused ("1,23", ICW_MONEY_UNIT_WAN, "groups of three digits");
  assert_locale_refused ("1,5", ICW_MONEY_UNIT_WAN, "groups of three digits");
  assert_locale_refused ("1234,567", ICW_MONEY_UNIT_WAN, "groups of three digits");
  assert_locale_refused (",123", ICW_MONEY_UNIT_WAN, "groups of three digits");
  assert_locale_refused ("1,234,5.00", ICW_MONEY_UNIT_WAN, "groups of three digits");
  assert_locale_refused ("1.234,5", ICW_MONEY_UNIT_WAN, "ambiguous");
  assert_locale_refused ("12。5", ICW_MONEY_UNIT_WAN, "。");
  assert_locale_refused ("-5", ICW_MONEY_UNIT_WAN, "negative");
  assert_locale_refused ("1e5", ICW_MONEY_UNIT_WAN, "not a number");
  assert_locale_refused ("12 345", ICW_MONEY_UNIT_WAN, "not a mark of numbers");
  assert_locale_refused ("五百", ICW_MONEY_UNIT_WAN, "not a number");

  grouped = icw_money_format_locale (G_GINT64_CONSTANT (123456789012), ICW_MONEY_UNIT_WAN, TRUE);
  g_assert_cmpstr (grouped, ==, "123,456.789012");
  max_yuan = icw_money_format_locale (G_MAXINT64, ICW_MONEY_UNIT_YUAN, TRUE);
  g_assert_cmpstr (max_yuan, ==, "92,233,720,368,547,758.07");
  {
    g_autofree char *min = icw_money_format_locale (G_MININT64, ICW_MONEY_UNIT_YUAN, TRUE);
    g_autofree char *zero = icw_money_format_locale (0, ICW_MONEY_UNIT_WAN, TRUE);
    g_autofree char *small = icw_money_format_locale (999, ICW_MONEY_UNIT_WAN, FALSE);

    g_assert_cmpstr (min, ==, "-92,233,720,368,547,758.08");
    g_assert_cmpstr (zero, ==, "0.00");
    g_assert_cmpstr (small, ==, "0.000999");
  }
}

static void
test_locale_en_us (void)
{
  if (!use_numeric_locale ("en_US.UTF-8"))
    return;
  check_point_comma_locale ();
  setlocale (LC_NUMERIC, "C");
}

static void
test_locale_zh_cn (void)
{
  if (!use_numeric_locale ("zh_CN.UTF-8"))
    return;
  check_point_comma_locale ();
  setlocale (LC_NUMERIC, "C");
}

/* The C locale groups nothing: a comma is refused, never skipped. */
static void
test_locale_c (void)
{
  gint64 fen = 0;
  g_autoptr(GError) error = NULL;

  setlocale (LC_NUMERIC, "C");
  assert_locale_parses ("1234.56", ICW_MONEY_UNIT_YUAN, 123456);
  g_assert_false (icw_money_parse_locale ("1,234", ICW_MONEY_UNIT_YUAN, &fen, &error));
  icw_test_assert_message_contains (error, "not a mark of numbers", "1,234");
}

/* A decimal comma and "." between groups, as de_DE writes numbers (given explicitly). */
static void
test_marks_decimal_comma (void)
{
  const IcwNumberMarks german = { ",", "." };
  const IcwNumberMarks french = { ",", "\u202f" };
  const struct { const char *text; gint64 fen; const char *refusal; } cases[] = {
    { "1234,5", 123450, NULL },
    { "1.234,5", 123450, NULL },
    { "1.234.567,89", 123456789, NULL },
    { "0,07", 7, NULL },
    { "１．２３４，５", 123450, NULL },
    { "1,234.5", 0, "ambiguous" },      /* English marks: 1234.5 or nonsense */
    { "1.234", 0, "ambiguous" },        /* 1234 or 1.234 */
    { "12.5", 0, "ambiguous" },
    { "1,234", 0, "too many decimals" },
    { "1.23,4", 0, "groups of three digits" },
    { "92.233.720.368.547.758,07", G_MAXINT64, NULL },
    { "92.233.720.368.547.758,08", 0, "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;
      gboolean ok = icw_money_parse_marks (cases[i].text, ICW_MONEY_UNIT_YUAN, &german, FALSE, &fen, &error);

      if (cases[i].refusal == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (fen, ==, cases[i].fen);
        }
      else
        {
          g_assert_false (ok);
          g_assert_cmpint (fen, ==, -1);
          icw_test_assert_message_contains (error, cases[i].refusal, cases[i].text);
        }
    }

  {
    g_autofree char *text = icw_money_format_marks (123456789, ICW_MONEY_UNIT_YUAN, &german, TRUE);
    g_autofree char *fr = icw_money_format_marks (123456789, ICW_MONEY_UNIT_YUAN, &french, TRUE);
    gint64 fen = 0;

    g_assert_cmpstr (text, ==, "1.234.567,89");
    g_assert_cmpstr (fr, ==, "1\u202f234\u202f567,89");
    /* People type a plain space where the locale groups with a narrow no-break space. */
    g_assert_true (icw_money_parse_marks ("1 234 567,89", ICW_MONEY_UNIT_YUAN, &french, FALSE, &fen, NULL));
    g_assert_cmpint (fen, ==, 123456789);
    g_assert_true (icw_money_parse_marks (fr, ICW_MONEY_UNIT_YUAN, &french, FALSE, &fen, NULL));
    g_assert_cmpint (fen, ==, 123456789);
  }
}

/* Random amounts formatted with grouping in each set of marks parse back to themselves. */
static void
test_marks_round_trip (void)
{
  const IcwNumberMarks sets[] = { { ".", "," }, { ",", "." }, { ",", "\u202f" }, { ".", "" } };

  for (guint i = 0; i < 2000; i++)
    {
      const IcwNumberMarks *marks = &sets[g_test_rand_int_range (0, G_N_ELEMENTS (sets))];
      /* Whole multiples of 100 yuan (万元 with two decimals) up to about 9e18 fen. */
      gint64 fen = ((gint64) g_test_rand_int_range (0, G_MAXINT32) << 26 | g_test_rand_int_range (0, 1 << 26)) /
                   10000 * 10000;
      g_autofree char *text = icw_money_format_marks (fen, ICW_MONEY_UNIT_WAN, marks, g_test_rand_bit ());
      g_autoptr(GError) error = NULL;
      gint64 back = -1;

      if (!icw_money_parse_marks (text, ICW_MONEY_UNIT_WAN, marks, FALSE, &back, &error))
        g_error ("“%s” (%" G_GINT64_FORMAT " fen) did not parse back: %s", text, fen, error->message);
      g_assert_cmpint (back, ==, fen);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/parse-wan", test_parse_wan);
  g_test_add_func ("/money/parse-yuan", test_parse_yuan);
  g_test_add_func ("/money/bad-input", test_bad_input);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/limits", test_limits);
  g_test_add_func ("/money/basis-points", test_basis_points);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/random-text", test_random_text);
  g_test_add_func ("/money/locale/en-us", test_locale_en_us);
  g_test_add_func ("/money/locale/zh-cn", test_locale_zh_cn);
  g_test_add_func ("/money/locale/c", test_locale_c);
  g_test_add_func ("/money/marks/decimal-comma", test_marks_decimal_comma);
  g_test_add_func ("/money/marks/round-trip", test_marks_round_trip);

  return g_test_run ();
}
