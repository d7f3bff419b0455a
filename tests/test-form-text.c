/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-form-text.c: the parsers of typed form text (icw-form-text.c), headless: each field kind
 * gives the value its property holds, empty fields give their documented value, and bad text is
 * refused with the message the row shows beside the field. Money in the user's locale is tested
 * in the C locale here; test-money.c covers the locales themselves. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icw-error.h"
#include "icw-form-text.h"

static void
assert_parses (IcwFieldKind  kind,
               const char   *typed,
               GValue       *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_form_text_parse (kind, typed, ICW_MONEY_UNIT_WAN, value, &error));
  g_assert_no_error (error);
}

static void
assert_refused (IcwFieldKind  kind,
                const char   *typed,
                const char   *message_part)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_false (icw_form_text_parse (kind, typed, ICW_MONEY_UNIT_WAN, &value, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” refused with “%s”, which does not say “%s”", typed, error->message, message_part);
  g_assert_false (G_IS_VALUE (&value));
}

static void
test_text_and_date (void)
{
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) date = G_VALUE_INIT;
  g_auto(GValue) empty = G_VALUE_INIT;

  assert_parses (ICW_FIELD_TEXT, "  苏州 Lab  ", &text);
  g_assert_cmpstr (g_value_get_string (&text), ==, "苏州 Lab");
  assert_parses (ICW_FIELD_DATE, " 2024-02-29 ", &date);
  g_assert_cmpstr (g_value_get_string (&date), ==, "2024-02-29");
  assert_parses (ICW_FIELD_DATE, "", &empty);
  g_assert_cmpstr (g_value_get_string (&empty), ==, "");
  assert_refused (ICW_FIELD_DATE, "2023-02-29", "YYYY-MM-DD");
  assert_refused (ICW_FIELD_DATE, "2024-3-5", "YYYY-MM-DD");
  assert_refused (ICW_FIELD_DATE, "15/03/2024", "YYYY-MM-DD");
}

static void
test_whole_numbers (void)
{
  g_auto(GValue) year = G_VALUE_INIT;
  g_auto(GValue) no_year = G_VALUE_INIT;
  g_auto(GValue) count = G_VALUE_INIT;

  assert_parses (ICW_FIELD_YEAR, "2019", &year);
  g_assert_cmpint (g_value_get_int (&year), ==, 2019);
  assert_parses (ICW_FIELD_YEAR, " ", &no_year);
  g_assert_cmpint (g_value_get_int (&no_year), ==, 0);
  assert_refused (ICW_FIELD_YEAR, "1899", "between 1900 and 2100");
  assert_refused (ICW_FIELD_YEAR, "20l9", "between 1900 and 2100");
  assert_parses (ICW_FIELD_COUNT, "100000", &count);
  g_assert_cmpint (g_value_get_int (&count), ==, 100000);
  assert_refused (ICW_FIELD_COUNT, "-1", "between 0 and 100000");
  assert_refused (ICW_FIELD_COUNT, "3.5", "between 0 and 100000");
}

static void
test_money_and_shares (void)
{
  g_auto(GValue) wan = G_VALUE_INIT;
  g_auto(GValue) no_money = G_VALUE_INIT;
  g_auto(GValue) yuan = G_VALUE_INIT;
  g_auto(GValue) share = G_VALUE_INIT;
  g_auto(GValue) unknown = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  assert_parses (ICW_FIELD_MONEY, "12.34", &wan);
  g_assert_cmpint (g_value_get_int64 (&wan), ==, 12340000);
  assert_parses (ICW_FIELD_MONEY, "", &no_money);
  g_assert_cmpint (g_value_get_int64 (&no_money), ==, 0);
  g_assert_true (icw_form_text_parse (ICW_FIELD_MONEY, "12.34", ICW_MONEY_UNIT_YUAN, &yuan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int64 (&yuan), ==, 1234);
  assert_refused (ICW_FIELD_MONEY, "12.3.4", NULL);
  assert_refused (ICW_FIELD_MONEY, "abc", NULL);

  assert_parses (ICW_FIELD_PERCENT, "33.34", &share);
  g_assert_cmpint (g_value_get_int64 (&share), ==, 3334);
  assert_parses (ICW_FIELD_PERCENT, "", &unknown);
  g_assert_cmpint (g_value_get_int64 (&unknown), ==, -1);
  assert_refused (ICW_FIELD_PERCENT, "1.234", NULL);
}

static void
test_credit_code (void)
{
  g_auto(GValue) code = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;

  /* Typed in lower case with spaces, kept as the normalised code. */
  assert_parses (ICW_FIELD_CREDIT_CODE, " 91350100m000100y43 ", &code);
  g_assert_cmpstr (g_value_get_string (&code), ==, "91350100M000100Y43");
  assert_parses (ICW_FIELD_CREDIT_CODE, "", &none);
  g_assert_cmpstr (g_value_get_string (&none), ==, "");
  assert_refused (ICW_FIELD_CREDIT_CODE, "91350100M000100Y44", NULL);
}

static void
test_amounts (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -1;

  /* A budget cell: empty is 0. */
  g_assert_true (icw_form_text_parse_amount ("  ", ICW_MONEY_UNIT_WAN, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, 0);
  g_assert_true (icw_form_text_parse_amount ("1234.5", ICW_MONEY_UNIT_YUAN, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, 123450);
  g_assert_false (icw_form_text_parse_amount ("1.2.3", ICW_MONEY_UNIT_WAN, &fen, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_clear_error (&error);

  /* A payment must be typed and above zero. */
  g_assert_true (icw_form_text_parse_payment ("20", ICW_MONEY_UNIT_WAN, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, 20000000);
  g_assert_false (icw_form_text_parse_payment ("", ICW_MONEY_UNIT_WAN, &fen, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "type the amount");
  g_clear_error (&error);
  g_assert_false (icw_form_text_parse_payment ("0", ICW_MONEY_UNIT_WAN, &fen, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "the amount must be above zero");
  g_clear_error (&error);
}

/* A money field shows its amount grouped as the budget does ("10,000.00" in en_US and zh_CN) and
 * reads it back, grouped or not, full-width or not; plain exact decimals still read in 万元. */
static void
test_money_grouped (void)
{
  static const char * const locales[] = { "en_US.UTF-8", "zh_CN.UTF-8" };
  static const char * const typed[] = { "10,000.00", "10000", "１０，０００．００", "10,000" };
  guint tried = 0;

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_autofree char *shown = NULL;
      g_auto(GValue) exact = G_VALUE_INIT;

      if (setlocale (LC_NUMERIC, locales[l]) == NULL)
        continue;
      tried++;
      shown = icw_money_format_locale (10000000000, ICW_MONEY_UNIT_WAN, TRUE);
      g_assert_cmpstr (shown, ==, "10,000.00");
      for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          assert_parses (ICW_FIELD_MONEY, typed[t], &value);
          g_assert_cmpint (g_value_get_int64 (&value), ==, 10000000000);
        }
      assert_parses (ICW_FIELD_MONEY, "12.345678", &exact);
      g_assert_cmpint (g_value_get_int64 (&exact), ==, 12345678);
      assert_refused (ICW_FIELD_MONEY, "1,00.00", NULL);
      assert_refused (ICW_FIELD_MONEY, "12.3.4", NULL);
    }
  setlocale (LC_NUMERIC, "C.UTF-8");
  if (tried == 0)
    g_test_skip ("neither en_US.UTF-8 nor zh_CN.UTF-8 is installed");
}

/* Blank is nothing typed: NULL, empty or ASCII white space only; any other character is text
 * (an ideographic space too: the rules and the store have always read it as text). */
static void
test_is_blank (void)
{
  g_assert_true (icw_form_text_is_blank (NULL));
  g_assert_true (icw_form_text_is_blank (""));
  g_assert_true (icw_form_text_is_blank (" \t\r\n\f"));
  g_assert_false (icw_form_text_is_blank ("a"));
  g_assert_false (icw_form_text_is_blank ("  中 "));
  g_assert_false (icw_form_text_is_blank ("\u3000"));
  g_assert_false (icw_form_text_is_blank (" \t-"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/form-text/text-and-date", test_text_and_date);
  g_test_add_func ("/form-text/whole-numbers", test_whole_numbers);
  g_test_add_func ("/form-text/money-and-shares", test_money_and_shares);
  g_test_add_func ("/form-text/credit-code", test_credit_code);
  g_test_add_func ("/form-text/amounts", test_amounts);
  g_test_add_func ("/form-text/money-grouped", test_money_grouped);
  g_test_add_func ("/form-text/is-blank", test_is_blank);
  return g_test_run ();
}
