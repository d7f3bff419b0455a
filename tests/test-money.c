/* test-money.c: exact parsing and formatting of money (integer fen shown as 万元 or yuan) and of
 * basis points in icw-money.c: good and bad input, the limits of gint64, and round trips of random
 * values checked against a formatting written independently here. */
#include "config.h"

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

  return g_test_run ();
}
