/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-credit-code.c: the unified social credit code (统一社会信用代码, GB 32100-2015) checks of
 * icw-credit-code.c, against published codes and against a check-character computation written
 * independently here, and the refusal of each kind of malformed code. */
#include "config.h"

#include <string.h>

#include "icw-credit-code.h"
#include "icw-error.h"
#include "icw-test-util.h"

/* The value of a code character: digits, then capitals skipping I, O, S, V and Z. Written with
 * character arithmetic rather than a table lookup, so it shares nothing with the library. */
static int
independent_value (char c)
{
  int v;

  if (c >= '0' && c <= '9')
    return c - '0';
  if (c < 'A' || c > 'Y' || c == 'I' || c == 'O' || c == 'S' || c == 'V' || c == 'Z')
    return -1;
  v = 10 + (c - 'A');
  if (c > 'I')
    v--;
  if (c > 'O')
    v--;
  if (c > 'S')
    v--;
  if (c > 'V')
    v--;
  return v;
}

static char
independent_character (int value)
{
  for (char c = '0'; c <= 'Z'; c++)
    if (independent_value (c) == value)
      return c;
  g_assert_not_reached ();
  return '\0';
}

/* The check character c makes the weighted sum (weights 3^i mod 31) plus c a multiple of 31. */
static char
independent_check (const char *first17)
{
  int sum = 0, weight = 1;

  for (int i = 0; i < 17; i++)
    {
      g_assert_cmpint (independent_value (first17[i]), >=, 0);
      sum += independent_value (first17[i]) * weight;
      weight = (weight * 3) % 31;
    }
  for (int c = 0; c < 31; c++)
    if ((sum + c) % 31 == 0)
      return independent_character (c);
  g_assert_not_reached ();
  return '\0';
}

static void
assert_valid (const char *code)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_credit_code_validate (code, &error));
  g_assert_no_error (error);
}

static void
assert_invalid (const char *code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (icw_credit_code_validate (code, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
  icw_test_assert_message_contains (error, message_part, code);
}

/* Published codes. Each was checked by hand first, e.g. the standard's own example
 * 91350100M000100Y4?: values 9 1 3 5 0 1 0 0 21 0 0 0 1 0 0 30 4 with weights
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 sum to 1640 = 52·31 + 28, so the check value is
 * 31 − 28 = 3 and the code ends in 3. */
static void
test_published (void)
{
  const char *codes[] = {
    "91350100M000100Y43",   /* the example of GB 32100-2015 */
    "91440300708461136T",   /* 华为技术有限公司: sum 966, 966 mod 31 = 5, check 26 = T */
    "91110108551385082Q",   /* 小米科技有限责任公司: sum 999, mod 31 = 7, check 24 = Q */
    "91330100799655058B",   /* 阿里巴巴（中国）网络技术有限公司: sum 1384, mod 31 = 20, check 11 = B */
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      assert_valid (codes[i]);
      g_assert_cmpint (icw_credit_code_check_character (codes[i]), ==, codes[i][17]);
      g_assert_cmpint (independent_check (codes[i]), ==, codes[i][17]);
    }
}

static char *
random_code (void)
{
  static const char authorities[] = "159Y";   /* 机构编制, 民政, 工商, 其他 */
  static const char kinds[] = "1239";
  static const char *regions[] = { "110000", "110108", "310115", "370100", "370102", "440300", "350100", "650100" };
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19];

  code[0] = authorities[g_test_rand_int_range (0, 4)];
  code[1] = kinds[g_test_rand_int_range (0, 4)];
  memcpy (code + 2, regions[g_test_rand_int_range (0, G_N_ELEMENTS (regions))], 6);
  for (int i = 8; i < 17; i++)
    code[i] = alphabet[g_test_rand_int_range (0, 31)];
  code[17] = '\0';
  code[17] = independent_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

/* Codes of the real format with check characters computed independently are accepted, and every
 * other check character is refused. */
static void
test_generated (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  guint refused = 0;

  for (int n = 0; n < 500; n++)
    {
      g_autofree char *code = random_code ();

      assert_valid (code);
      g_assert_cmpint (icw_credit_code_check_character (code), ==, code[17]);
      for (int i = 0; i < 31; i++)
        {
          if (alphabet[i] == code[17])
            continue;
          code[17] = alphabet[i];
          assert_invalid (code, "check character");
          refused++;
          code[17] = icw_credit_code_check_character (code);
        }
    }
  g_assert_cmpuint (refused, ==, 500 * 30);
}

static void
test_length (void)
{
  assert_invalid ("", "18 characters, not 0");
  assert_invalid ("91350100M000100Y4", "18 characters, not 17");
  assert_invalid ("91350100M000100Y433", "18 characters, not 19");
  assert_invalid ("91350100M000100Y43 ", "18 characters, not 19");
  /* Nine Chinese characters are 27 bytes; the message counts characters. */
  assert_invalid ("统一社会信用代码错", "18 characters, not 9");
  /* Six Chinese characters are 18 bytes: the right length in bytes, and still refused. */
  assert_invalid ("统一社会信用", NULL);
}

static void
test_forbidden_letters (void)
{
  const char forbidden[] = "IOSVZ";

  for (guint i = 0; i < strlen (forbidden); i++)
    {
      char code[] = "91350100M000100Y43";

      /* Whatever the check character, the letter itself is refused first. */
      code[8] = forbidden[i];
      assert_invalid (code, "character 9 is not allowed");
      g_assert_cmpint (icw_credit_code_check_character (code), ==, '\0');
    }

  assert_invalid ("91350100m000100y43", "character 9 is not allowed");
  assert_invalid ("91350100M000100Y4-", "character 18 is not allowed");
  assert_invalid ("91350100M000100Y4\xe3", "character 18 is not allowed");
}

static void
test_region (void)
{
  char code[] = "91350100M000100Y43";

  /* A letter of the alphabet in the region code, with a correct check character: only the region
   * rule is broken. */
  code[4] = 'A';
  code[17] = independent_check (code);
  g_assert_cmpint (icw_credit_code_check_character (code), ==, code[17]);
  assert_invalid (code, "region code");

  memcpy (code, "91H50100M000100Y4", 17);
  code[17] = independent_check (code);
  assert_invalid (code, "region code");

  memcpy (code, "9135010YM000100Y4", 17);
  code[17] = independent_check (code);
  assert_invalid (code, "region code");
}

static void
test_wrong_check (void)
{
  assert_invalid ("91350100M000100Y44", "check character");
  assert_invalid ("91350100M000100Y40", "check character");
  assert_invalid ("91440300708461136A", "check character");
  /* Two characters swapped keep the alphabet but not the sum. */
  assert_invalid ("91350100M001000Y43", "check character");
}

static void
test_normalize (void)
{
  struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "91350100M000100Y43", "91350100M000100Y43" },
    { " 91350100m000100y43 ", "91350100M000100Y43" },
    { "9135 0100 M000 100Y 43", "91350100M000100Y43" },
    { "\t91350100M000100Y43\n", "91350100M000100Y43" },
    { "", "" },
    { "   ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = icw_credit_code_normalize (cases[i].input);

      g_assert_cmpstr (normal, ==, cases[i].expected);
      if (*normal != '\0')
        assert_valid (normal);
    }

  {
    g_autofree char *from_null = icw_credit_code_normalize (NULL);
    g_assert_cmpstr (from_null, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/credit-code/published", test_published);
  g_test_add_func ("/credit-code/generated", test_generated);
  g_test_add_func ("/credit-code/length", test_length);
  g_test_add_func ("/credit-code/forbidden-letters", test_forbidden_letters);
  g_test_add_func ("/credit-code/region", test_region);
  g_test_add_func ("/credit-code/wrong-check", test_wrong_check);
  g_test_add_func ("/credit-code/normalize", test_normalize);

  return g_test_run ();
}
