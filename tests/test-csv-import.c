/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-import.c: the CSV import of centers and organizations: encodings, RFC 4180 reading,
 * header names, and the all-or-none rule (a bad row names its row and column and changes nothing);
 * the hygiene of the values: a byte order mark only at the start, no control characters in names
 * and codes, the length limits of icw-field-limits.h, and a 50 MB value refused quickly without
 * reading it into memory twice over; the same limits in the store's validation. */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "icw-center.h"
#include "icw-csv-import.h"
#include "icw-csv-reader.h"
#include "icw-error.h"
#include "icw-i18n.h"
#include "icw-field-limits.h"
#include "icw-organization.h"
#include "icw-store.h"
#include "icw-test-util.h"
#include "icw-text-encoding.h"

/* An empty store in a folder of its own (icw-test-util.h). */
typedef IcwTestSample Fixture;

static char *
fixture_path (const char *name)
{
  return g_build_filename (ICW_TEST_FIXTURES, "csv", name, NULL);
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static gboolean
import_text (Fixture             *f,
             const char          *text,
             IcwCsvKind           kind,
             IcwCsvImportResult  *result,
             GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return icw_csv_import_bytes (f->store, bytes, kind, result, error);
}

static void
import_fixture_ok (Fixture            *f,
                   const char         *name,
                   IcwCsvKind          kind,
                   IcwCsvImportResult *result)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (icw_csv_import_file (f->store, path, kind, result, &error));
  g_assert_no_error (error);
}

static guint
count (Fixture       *f,
       IcwRecordKind  kind)
{
  g_autoptr(GListModel) list = icw_store_list (f->store, kind, NULL);

  return g_list_model_get_n_items (list);
}

/* Counted through a second connection, so that what the file holds is counted, not what the
 * first store's live lists show. */
static guint
count_on_disk (Fixture       *f,
               IcwRecordKind  kind)
{
  g_autoptr(IcwStore) other = icw_test_open_store (icw_store_get_path (f->store));
  g_autoptr(GListModel) list = icw_store_list (other, kind, NULL);

  return g_list_model_get_n_items (list);
}

static IcwCenter *
find_center (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  IcwRecord *record = icw_store_find_by_name (f->store, ICW_RECORD_KIND_CENTER, name, &error);

  g_assert_no_error (error);
  return (IcwCenter *) record;
}

static IcwOrganization *
find_org (Fixture    *f,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  IcwRecord *record = icw_store_find_by_name (f->store, ICW_RECORD_KIND_ORGANIZATION, name, &error);

  g_assert_no_error (error);
  return (IcwOrganization *) record;
}

static gboolean
has_warning (IcwCsvImportResult *result,
             const char         *text)
{
  for (guint i = 0; i < result->warnings->len; i++)
    if (strstr (result->warnings->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* Imports text that must be refused, and checks the message and that nothing was written. */
static void
assert_refused (Fixture     *f,
                const char  *text,
                IcwCsvKind   kind,
                const char  *row,
                const char  *column,
                const char **absent)
{
  g_autoptr(GError) error = NULL;
  IcwCsvImportResult result = { 0 };
  guint centers = count_on_disk (f, ICW_RECORD_KIND_CENTER);
  guint orgs = count_on_disk (f, ICW_RECORD_KIND_ORGANIZATION);
  gint64 outbox = icw_store_count_outbox (f->store);

  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, centers);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, orgs);

  g_assert_false (import_text (f, text, kind, &result, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  g_test_message ("refused: %s", error->message);
  icw_test_assert_message_contains (error, row, NULL);
  icw_test_assert_message_contains (error, column, NULL);

  g_assert_cmpuint (result.created, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, centers);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, orgs);
  g_assert_cmpuint (count_on_disk (f, ICW_RECORD_KIND_CENTER), ==, centers);
  g_assert_cmpuint (count_on_disk (f, ICW_RECORD_KIND_ORGANIZATION), ==, orgs);
  g_assert_cmpint (icw_store_count_outbox (f->store), ==, outbox);
  for (guint i = 0; absent != NULL && absent[i] != NULL; i++)
    {
      g_autoptr(IcwCenter) center = find_center (f, absent[i]);
      g_autoptr(IcwOrganization) org = find_org (f, absent[i]);

      g_assert_null (center);
      g_assert_null (org);
    }
  icw_csv_import_result_clear (&result);
}

/* Text encodings */

static void
test_encoding_utf8 (void)
{
  static const char data[] = "名称\n创新中心\n";
  g_autoptr(GError) error = NULL;
  IcwTextEncoding found = ICW_TEXT_ENCODING_GB18030;
  g_autofree char *text = icw_text_decode (data, strlen (data), &found, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "名称\n创新中心\n");
  g_assert_cmpint (found, ==, ICW_TEXT_ENCODING_UTF8);
}

static void
test_encoding_utf8_bom (void)
{
  static const char data[] = "\xEF\xBB\xBF名称\r\n";
  g_autoptr(GError) error = NULL;
  IcwTextEncoding found = ICW_TEXT_ENCODING_UTF8;
  g_autofree char *text = icw_text_decode (data, strlen (data), &found, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "名称\r\n");
  g_assert_cmpint (found, ==, ICW_TEXT_ENCODING_UTF8_BOM);
}

static void
test_encoding_gb18030 (void)
{
  g_autoptr(GBytes) bytes = read_fixture ("centers-gb18030.csv");
  g_autoptr(GError) error = NULL;
  IcwTextEncoding found = ICW_TEXT_ENCODING_UTF8;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = NULL;
  g_autofree char *converted = NULL;

  /* The fixture really is GB18030: not UTF-8, and 名称 in its two-byte GB form. */
  g_assert_false (g_utf8_validate_len (data, length, NULL));
  g_assert_true (length > 4 && memcmp (data, "\xC3\xFB\xB3\xC6", 4) == 0);

  text = icw_text_decode (data, length, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, ICW_TEXT_ENCODING_GB18030);
  g_assert_true (g_str_has_prefix (text, "名称,级别,领域,省份,城市,认定年份,牵头单位\r\n"));
  g_assert_nonnull (strstr (text, "粤港澳智能传感器创新中心"));

  /* And a string built here: a character beyond GBK (U+4DB5, four bytes in GB18030). */
  converted = g_convert ("中心\xE4\xB6\xB5", -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = icw_text_decode (converted, length, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "中心\xE4\xB6\xB5");
  g_assert_cmpint (found, ==, ICW_TEXT_ENCODING_GB18030);
}

static void
test_encoding_binary_refused (void)
{
  static const char data[] = { 'P', 'K', 3, 4, 0, 0, (char) 0x91, 0x7f, 0, (char) 0xff, 'x' };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = icw_text_decode (data, sizeof data, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  icw_test_assert_message_contains (error, "binary", NULL);
}

static void
test_encoding_neither_refused (void)
{
  /* 0xFF never starts a character in GB18030, and 0x80 alone is not one. */
  static const char data[] = "name\n\xFF\xFF\x80 abc\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = icw_text_decode (data, strlen (data), NULL, &error);

  g_assert_null (text);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  icw_test_assert_message_contains (error, "neither UTF-8 nor GB18030", NULL);
}

static void
test_encoding_utf16_refused (void)
{
  static const char data[] = { (char) 0xFF, (char) 0xFE, 'n', 0, 'a', 0, 'm', 0, 'e', 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = icw_text_decode (data, sizeof data, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  icw_test_assert_message_contains (error, "UTF-16", NULL);
}

/* The RFC 4180 reader */

static IcwCsvTable *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  IcwCsvTable *table = icw_csv_table_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_row (IcwCsvTable *table,
            guint        index,
            guint        number,
            const char  *first,
            const char  *second)
{
  IcwCsvRow *row;

  g_assert_cmpuint (index, <, table->rows->len);
  row = table->rows->pdata[index];
  g_assert_cmpuint (row->number, ==, number);
  g_assert_cmpuint (g_strv_length (row->fields), ==, table->n_columns);
  g_assert_cmpstr (row->fields[0], ==, first);
  g_assert_cmpstr (row->fields[1], ==, second);
}

static void
test_reader_quoting (void)
{
  g_autoptr(IcwCsvTable) table =
    parse_ok ("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"\"\nplain,\"\"\"\"\n");

  g_assert_cmpuint (table->n_columns, ==, 2);
  g_assert_cmpstr (table->header[0], ==, "a");
  g_assert_cmpstr (table->header[1], ==, "b");
  g_assert_cmpuint (table->rows->len, ==, 3);
  assert_row (table, 0, 2, "x, y", "say \"hi\"");
  assert_row (table, 1, 3, "two\nlines", "");
  assert_row (table, 2, 4, "plain", "\"");
}

static void
test_reader_line_ends (void)
{
  g_autoptr(IcwCsvTable) table = parse_ok ("a,b\r\n1,2\n3,4\r5,6\r\n7,8");

  g_assert_cmpuint (table->rows->len, ==, 4);
  assert_row (table, 0, 2, "1", "2");
  assert_row (table, 1, 3, "3", "4");
  assert_row (table, 2, 4, "5", "6");
  assert_row (table, 3, 5, "7", "8");
}

static void
test_reader_blank_rows (void)
{
  g_autoptr(IcwCsvTable) table = parse_ok ("a,b\n\n1,2\n , \n,\n3,4\n\n\r\n\n");

  /* Blank rows are left out but still counted, as a spreadsheet shows them. */
  g_assert_cmpuint (table->rows->len, ==, 2);
  assert_row (table, 0, 3, "1", "2");
  assert_row (table, 1, 6, "3", "4");
}

static void
test_reader_short_and_long_rows (void)
{
  g_autoptr(IcwCsvTable) table = parse_ok ("a,b,c\n1\n2,x,y,,\n");

  g_assert_cmpuint (table->rows->len, ==, 2);
  assert_row (table, 0, 2, "1", "");
  g_assert_cmpstr (((IcwCsvRow *) table->rows->pdata[0])->fields[2], ==, "");
  assert_row (table, 1, 3, "2", "x");
  g_assert_cmpstr (((IcwCsvRow *) table->rows->pdata[1])->fields[2], ==, "y");
}

static void
assert_parse_error (const char *text,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCsvTable) table = icw_csv_table_parse (text, &error);

  g_assert_null (table);
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  g_test_message ("refused: %s", error->message);
  icw_test_assert_message_contains (error, expected, NULL);
}

static void
test_reader_errors (void)
{
  /* An unclosed quote is reported where it opened. */
  assert_parse_error ("name,city\nA,B\n\"C\nD\",E\nF,\"G\nH,I\n", "Row 4, column “city”: a quoted value is never closed");
  assert_parse_error ("name,\"city\n", "Row 1, column 2: a quoted value is never closed");
  assert_parse_error ("name,city\nA,B\"C\n", "Row 2, column “city”: a double quote may appear only inside");
  assert_parse_error ("name,city\n\"A\"x,B\n", "Row 2, column “name”: after the closing double quote");
  assert_parse_error ("name,city\nA,B,C,D\n", "Row 2 has more values than the header has columns (4 instead of 2)");
  assert_parse_error ("name,\nA,B,\"C\n", "Row 2, column 3: a quoted value is never closed");
  assert_parse_error ("", "The file is empty");
  assert_parse_error ("\r\n\n,,\n", "The file is empty");
}

/* Importing centers */

static void
assert_center (Fixture        *f,
               const char     *name,
               IcwCenterLevel  level,
               const char     *sector,
               const char     *province,
               const char     *city,
               int             year,
               const char     *lead)
{
  g_autoptr(IcwCenter) center = find_center (f, name);

  g_assert_nonnull (center);
  g_assert_cmpstr (icw_center_get_name (center), ==, name);
  g_assert_cmpint (icw_center_get_level (center), ==, level);
  g_assert_cmpstr (icw_center_get_field (center), ==, sector);
  g_assert_cmpstr (icw_center_get_province (center), ==, province);
  g_assert_cmpstr (icw_center_get_city (center), ==, city);
  g_assert_cmpint (icw_center_get_year (center), ==, year);
  if (lead == NULL)
    g_assert_null (icw_center_get_lead_organization_id (center));
  else
    {
      g_autoptr(IcwOrganization) org = find_org (f, lead);

      g_assert_nonnull (org);
      g_assert_cmpstr (icw_center_get_lead_organization_id (center), ==, icw_record_get_id (ICW_RECORD (org)));
    }
}

static void
assert_three_centers (Fixture *f)
{
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, 3);
  assert_center (f, "湘江先进轨道交通装备创新中心", ICW_CENTER_LEVEL_NATIONAL, "先进轨道交通装备",
                 "湖南省", "株洲市", 2018, "湘江轨道装备有限公司");
  assert_center (f, "江苏省增材制造创新中心", ICW_CENTER_LEVEL_PROVINCIAL, "增材制造",
                 "江苏省", "南京市", 2019, NULL);
  assert_center (f, "辽沈高档数控机床创新中心", ICW_CENTER_LEVEL_NATIONAL_LOCAL, "高档数控机床和机器人",
                 "辽宁省", "沈阳市", 0, "辽沈机床集团有限公司");
}

static void
test_import_centers_english (Fixture       *f,
                             gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(IcwOrganization) lead = NULL;

  import_fixture_ok (f, "centers-utf8.csv", ICW_CSV_KIND_CENTERS, &result);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_CENTERS);
  g_assert_cmpuint (result.created, ==, 3);
  g_assert_cmpuint (result.updated, ==, 0);
  assert_three_centers (f);

  /* The missing lead organizations were added as enterprises, and the user is told so. */
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, 2);
  lead = find_org (f, "湘江轨道装备有限公司");
  g_assert_cmpint (icw_organization_get_kind (lead), ==, ICW_ORG_KIND_ENTERPRISE);
  g_assert_cmpuint (result.warnings->len, ==, 2);
  g_assert_true (has_warning (&result, "“湘江轨道装备有限公司” was not in the register"));
  icw_csv_import_result_clear (&result);
  g_assert_null (result.warnings);
}

static void
test_import_centers_chinese_bom (Fixture       *f,
                                 gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };

  /* Chinese headers in another order, CRLF, a byte order mark, levels as Chinese terms and labels. */
  import_fixture_ok (f, "centers-utf8-bom.csv", ICW_CSV_KIND_AUTO, &result);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_CENTERS);
  g_assert_cmpuint (result.created, ==, 3);
  assert_three_centers (f);
  icw_csv_import_result_clear (&result);
}

static void
test_import_centers_gb18030 (Fixture       *f,
                             gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };

  import_fixture_ok (f, "centers-gb18030.csv", ICW_CSV_KIND_AUTO, &result);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_CENTERS);
  g_assert_cmpuint (result.created, ==, 2);
  assert_center (f, "粤港澳智能传感器创新中心", ICW_CENTER_LEVEL_PROVINCIAL, "新一代信息技术",
                 "广东省", "深圳市", 2020, "深圳微感科技股份有限公司");
  assert_center (f, "成渝节能与新能源汽车创新中心", ICW_CENTER_LEVEL_NATIONAL, "节能与新能源汽车",
                 "四川省", "成都市", 2021, NULL);
  icw_csv_import_result_clear (&result);
}

static void
test_import_quoting (Fixture       *f,
                     gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };

  import_fixture_ok (f, "centers-quoting.csv", ICW_CSV_KIND_CENTERS, &result);
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, 2);
  assert_center (f, "长三角集成电路创新中心, 上海", ICW_CENTER_LEVEL_NATIONAL, "新一代信息技术\n(集成电路)",
                 NULL, "上海市", 0, NULL);
  assert_center (f, "京津冀\"智能制造\"创新中心", ICW_CENTER_LEVEL_PROVINCIAL, "智能制造",
                 NULL, "北京市", 0, NULL);
  g_assert_true (has_warning (&result, "The column “remarks” is not known and was ignored."));
  g_assert_cmpuint (result.warnings->len, ==, 1);
  icw_csv_import_result_clear (&result);
}

static void
test_import_header_forms (Fixture       *f,
                          gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  /* English names ignore case and surrounding blanks; Chinese ones are trimmed of U+3000 too. */
  g_assert_true (import_text (f, " NAME , Lead-Org ,\u3000省份\u3000,备注,,Credit_Code\n"
                                 "\u3000东北工业软件创新中心 ,辽沈机床集团有限公司,辽宁省,试点,,\n",
                              ICW_CSV_KIND_CENTERS, &result, &error));
  g_assert_no_error (error);
  assert_center (f, "东北工业软件创新中心", ICW_CENTER_LEVEL_PROVINCIAL, NULL, "辽宁省", NULL, 0,
                 "辽沈机床集团有限公司");
  g_assert_true (has_warning (&result, "The column “备注” is not known and was ignored."));
  g_assert_true (has_warning (&result, "The column “Credit_Code” is not used for centers and was ignored."));
  /* The empty fifth header has no values under it: nothing to say about it. */
  g_assert_false (has_warning (&result, "Column 5"));
  icw_csv_import_result_clear (&result);

  g_assert_true (import_text (f, "name,\n东北工业软件创新中心,数据\n", ICW_CSV_KIND_CENTERS, &result, &error));
  g_assert_no_error (error);
  g_assert_true (has_warning (&result, "Column 2 has no header, so its values were ignored."));
  icw_csv_import_result_clear (&result);
}

/* Bad rows: each refuses the whole file, names the row and column, and writes nothing. */

static const char *first_rows[] = { "甲创新中心", "甲单位", NULL };

static void
test_bad_missing_name (Fixture       *f,
                       gconstpointer  data)
{
  assert_refused (f, "名称,级别,牵头单位\n甲创新中心,国家,甲单位\n\n ,省级,\n", ICW_CSV_KIND_CENTERS,
                  "Row 4,", "column “名称”", first_rows);
  assert_refused (f, "name,kind\nx,enterprise\n\"\",university\n", ICW_CSV_KIND_ORGANIZATIONS,
                  "Row 3,", "column “name”: the name is empty", NULL);
}

static void
test_bad_level (Fixture       *f,
                gconstpointer  data)
{
  assert_refused (f, "name,lead_org,level\n甲创新中心,甲单位,national\n乙创新中心,,市级\n", ICW_CSV_KIND_AUTO,
                  "Row 3,", "column “level”: “市级” is not a center level", first_rows);
}

static void
test_bad_year (Fixture       *f,
               gconstpointer  data)
{
  static const char *bad_years[] = { "1999", "2101", "2018.0", "二〇一八", "-2018", "20x8" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_years); i++)
    {
      g_autofree char *text = g_strdup_printf ("名称,认定年份,牵头单位\n甲创新中心,2018,甲单位\n乙创新中心,%s,\n",
                                               bad_years[i]);
      g_autofree char *expected = g_strdup_printf ("column “认定年份”: “%s” is not a year", bad_years[i]);

      assert_refused (f, text, ICW_CSV_KIND_CENTERS, "Row 3,", expected, first_rows);
    }
}

static void
test_bad_credit_code (Fixture       *f,
                      gconstpointer  data)
{
  static const char *absent[] = { "甲单位", "乙单位", NULL };

  /* The store's own check (wrong check character), wrapped with the row and column. */
  assert_refused (f, "名称,统一社会信用代码\n甲单位,91110000100000001W\n乙单位,91110000100000001X\n",
                  ICW_CSV_KIND_AUTO, "Row 3,", "column “统一社会信用代码”: Unified social credit code", absent);
  assert_refused (f, "name,credit_code\n甲单位,91110000100000001W\n乙单位,9111000010000\n",
                  ICW_CSV_KIND_ORGANIZATIONS, "Row 3,", "column “credit_code”", absent);
}

static void
test_bad_unterminated_quote (Fixture       *f,
                             gconstpointer  data)
{
  assert_refused (f, "name,city,lead_org\n甲创新中心,北京市,甲单位\n乙创新中心,\"上海市,\n丙创新中心,广州市,\n",
                  ICW_CSV_KIND_CENTERS, "Row 3,", "column “city”: a quoted value is never closed", first_rows);
  assert_refused (f, "name,city,lead_org\n甲创新中心,北京市,甲单位\n乙创新中心,上\"海\"市,\n",
                  ICW_CSV_KIND_CENTERS, "Row 3,", "column “city”: a double quote", first_rows);
}

static void
test_bad_field_count (Fixture       *f,
                      gconstpointer  data)
{
  assert_refused (f, "name,city,lead_org\n甲创新中心,北京市,甲单位\n乙创新中心,上海市,乙单位,多余\n",
                  ICW_CSV_KIND_CENTERS, "Row 3 has more values than the header has columns (4 instead of 3)", NULL,
                  first_rows);
}

static void
test_bad_kind_and_top_ten (Fixture       *f,
                           gconstpointer  data)
{
  static const char *absent[] = { "甲单位", NULL };

  assert_refused (f, "名称,类型\n甲单位,企业\n乙单位,公司\n", ICW_CSV_KIND_ORGANIZATIONS,
                  "Row 3,", "column “类型”: “公司” is not a kind of organization", absent);
  assert_refused (f, "名称,行业前十\n甲单位,是\n乙单位,maybe\n", ICW_CSV_KIND_ORGANIZATIONS,
                  "Row 3,", "column “行业前十”: “maybe” is neither yes nor no", absent);
}

static void
test_bad_duplicate_in_file (Fixture       *f,
                            gconstpointer  data)
{
  static const char *absent[] = { "甲单位", "乙单位", NULL };

  assert_refused (f, "name,city,lead_org\n甲创新中心,北京市,甲单位\n\n甲创新中心,上海市,\n",
                  ICW_CSV_KIND_CENTERS, "Row 4,", "column “name”: row 2 already describes this center", first_rows);
  assert_refused (f, "名称,统一社会信用代码\n甲单位,91110000100000001W\n乙单位,91110000100000001W\n",
                  ICW_CSV_KIND_ORGANIZATIONS, "Row 3,", "column “统一社会信用代码”: row 2 already describes this organization",
                  absent);
  assert_refused (f, "名称,城市\n甲单位,北京市\n甲单位,天津市\n", ICW_CSV_KIND_ORGANIZATIONS,
                  "Row 3,", "column “名称”: row 2 already describes this organization", absent);
}

static void
test_bad_header (Fixture       *f,
                 gconstpointer  data)
{
  assert_refused (f, "name,city,名称\n甲创新中心,北京市,甲\n", ICW_CSV_KIND_CENTERS,
                  "The columns “name” and “名称” both stand for the same field", NULL, first_rows);
  assert_refused (f, "city,level\n北京市,national\n", ICW_CSV_KIND_AUTO,
                  "The header row has no “name” (名称) column", NULL, NULL);
  assert_refused (f, "名称,城市\n甲单位,北京市\n", ICW_CSV_KIND_AUTO,
                  "Could not tell from the header row whether the file holds centers or organizations", NULL, first_rows);
  assert_refused (f, "name,level,credit_code\n甲单位,national,\n", ICW_CSV_KIND_AUTO,
                  "Could not tell from the header row", NULL, first_rows);
}

static void
test_bad_encoding (Fixture       *f,
                   gconstpointer  data)
{
  assert_refused (f, "name,level\n\xFF\xFE\x80,national\n", ICW_CSV_KIND_AUTO,
                  "neither UTF-8 nor GB18030", NULL, NULL);
}

static void
test_binary_file_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IcwCsvImportResult result = { 0 };
  guint8 noise[512];
  GRand *rand = g_rand_new_with_seed (4180);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  noise[7] = 0;
  g_rand_free (rand);
  bytes = g_bytes_new (noise, sizeof noise);

  g_assert_false (icw_csv_import_bytes (f->store, bytes, ICW_CSV_KIND_AUTO, &result, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, 0);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, 0);
  g_assert_cmpint (icw_store_count_outbox (f->store), ==, 0);
  icw_csv_import_result_clear (&result);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nowhere.csv", NULL);
  IcwCsvImportResult result = { 0 };

  g_assert_false (icw_csv_import_file (f->store, path, ICW_CSV_KIND_AUTO, &result, &error));
  g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
  icw_test_assert_message_contains (error, "nowhere.csv", NULL);
  icw_csv_import_result_clear (&result);
}

/* A bad row after good ones must also leave earlier data and objects as they were. */
static void
test_bad_row_keeps_existing (Fixture       *f,
                             gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(IcwCenter) center = NULL;

  import_fixture_ok (f, "centers-utf8.csv", ICW_CSV_KIND_CENTERS, &result);
  icw_csv_import_result_clear (&result);
  center = find_center (f, "江苏省增材制造创新中心");

  assert_refused (f, "name,city,year,lead_org\n江苏省增材制造创新中心,苏州市,2020,新单位\n乙创新中心,,1900,\n",
                  ICW_CSV_KIND_CENTERS, "Row 3,", "column “year”", NULL);
  g_assert_cmpstr (icw_center_get_city (center), ==, "南京市");
  g_assert_cmpint (icw_center_get_year (center), ==, 2019);
  g_assert_null (icw_center_get_lead_organization_id (center));
  assert_three_centers (f);
  g_assert_null (find_org (f, "新单位"));
}

/* Re-importing and matching */

static void
test_reimport_updates (Fixture       *f,
                       gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = NULL;
  gint64 outbox;

  import_fixture_ok (f, "centers-utf8.csv", ICW_CSV_KIND_CENTERS, &result);
  icw_csv_import_result_clear (&result);
  center = find_center (f, "江苏省增材制造创新中心");

  /* The same file again (in another encoding and header language): nothing changes. */
  outbox = icw_store_count_outbox (f->store);
  import_fixture_ok (f, "centers-utf8-bom.csv", ICW_CSV_KIND_AUTO, &result);
  g_assert_cmpuint (result.created, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.warnings->len, ==, 0);
  g_assert_cmpint (icw_store_count_outbox (f->store), ==, outbox);
  icw_csv_import_result_clear (&result);

  /* Changed values update the matching center; the columns not in the file keep their values. */
  g_assert_true (import_text (f, "名称,城市,级别\n江苏省增材制造创新中心,苏州市,国家\n新创新中心,,\n",
                              ICW_CSV_KIND_CENTERS, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 1);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, 4);
  g_assert_cmpstr (icw_center_get_city (center), ==, "苏州市");
  g_assert_cmpint (icw_center_get_level (center), ==, ICW_CENTER_LEVEL_NATIONAL);
  g_assert_cmpstr (icw_center_get_field (center), ==, "增材制造");
  g_assert_cmpint (icw_center_get_year (center), ==, 2019);
  icw_csv_import_result_clear (&result);

  /* An empty cell clears a text field; an empty level leaves the level as it was. */
  g_assert_true (import_text (f, "name,sector,level,year\n江苏省增材制造创新中心,,,\n",
                              ICW_CSV_KIND_CENTERS, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_null (icw_center_get_field (center));
  g_assert_cmpint (icw_center_get_year (center), ==, 0);
  g_assert_cmpint (icw_center_get_level (center), ==, ICW_CENTER_LEVEL_NATIONAL);
  icw_csv_import_result_clear (&result);
}

static void
test_lead_org_matched (Fixture       *f,
                       gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(IcwOrganization) org = NULL;

  import_fixture_ok (f, "organizations-gb18030.csv", ICW_CSV_KIND_AUTO, &result);
  icw_csv_import_result_clear (&result);
  org = find_org (f, "深圳微感科技股份有限公司");

  import_fixture_ok (f, "centers-gb18030.csv", ICW_CSV_KIND_AUTO, &result);
  g_assert_cmpuint (result.warnings->len, ==, 0);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, 3);
  assert_center (f, "粤港澳智能传感器创新中心", ICW_CENTER_LEVEL_PROVINCIAL, "新一代信息技术",
                 "广东省", "深圳市", 2020, "深圳微感科技股份有限公司");
  g_assert_cmpstr (icw_organization_get_credit_code (org), ==, "91440300708461136T");
  icw_csv_import_result_clear (&result);
}

static void
test_lead_org_shared (Fixture       *f,
                      gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) a = NULL;
  g_autoptr(IcwCenter) b = NULL;

  /* Two centers led by one new organization: it is added once, inside the same batch. */
  g_assert_true (import_text (f, "name,lead_org\n甲创新中心,共同牵头单位\n乙创新中心,共同牵头单位\n",
                              ICW_CSV_KIND_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (result.warnings->len, ==, 1);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, 1);
  a = find_center (f, "甲创新中心");
  b = find_center (f, "乙创新中心");
  g_assert_cmpstr (icw_center_get_lead_organization_id (a), ==, icw_center_get_lead_organization_id (b));
  icw_csv_import_result_clear (&result);
}

/* Importing organizations */

static void
assert_org (Fixture    *f,
            const char *name,
            const char *code,
            IcwOrgKind  kind,
            const char *province,
            const char *city,
            const char *legal,
            gboolean    top_ten)
{
  g_autoptr(IcwOrganization) org = find_org (f, name);

  g_assert_nonnull (org);
  g_assert_cmpstr (icw_organization_get_name (org), ==, name);
  g_assert_cmpstr (icw_organization_get_credit_code (org), ==, code);
  g_assert_cmpint (icw_organization_get_kind (org), ==, kind);
  g_assert_cmpstr (icw_organization_get_province (org), ==, province);
  g_assert_cmpstr (icw_organization_get_city (org), ==, city);
  g_assert_cmpstr (icw_organization_get_legal_representative (org), ==, legal);
  g_assert_cmpint (icw_organization_get_top_ten (org), ==, top_ten);
}

static void
test_import_organizations_gb18030 (Fixture       *f,
                                   gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };

  import_fixture_ok (f, "organizations-gb18030.csv", ICW_CSV_KIND_AUTO, &result);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_ORGANIZATIONS);
  g_assert_cmpuint (result.created, ==, 3);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, 3);
  assert_org (f, "深圳微感科技股份有限公司", "91440300708461136T", ICW_ORG_KIND_ENTERPRISE,
              "广东省", "深圳市", "张伟", TRUE);
  assert_org (f, "华南理工智能制造研究院", "121000004000000023", ICW_ORG_KIND_INSTITUTE,
              "广东省", "广州市", "李娜", FALSE);
  assert_org (f, "粤芯产业投资基金", NULL, ICW_ORG_KIND_FINANCE, "广东省", "珠海市", NULL, FALSE);
  icw_csv_import_result_clear (&result);
}

static void
test_import_organizations_english (Fixture       *f,
                                   gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };

  import_fixture_ok (f, "organizations-utf8.csv", ICW_CSV_KIND_AUTO, &result);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_ORGANIZATIONS);
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (result.warnings->len, ==, 0);
  assert_org (f, "湘江轨道装备有限公司", "91430200MA4L00001P", ICW_ORG_KIND_ENTERPRISE,
              "湖南省", "株洲市", "王强", TRUE);
  assert_org (f, "中南大学", NULL, ICW_ORG_KIND_UNIVERSITY, "湖南省", "长沙市", NULL, FALSE);
  icw_csv_import_result_clear (&result);
}

static void
test_organizations_matching (Fixture       *f,
                             gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) rail = NULL;
  g_autoptr(IcwOrganization) university = NULL;

  import_fixture_ok (f, "organizations-utf8.csv", ICW_CSV_KIND_ORGANIZATIONS, &result);
  icw_csv_import_result_clear (&result);
  rail = find_org (f, "湘江轨道装备有限公司");
  university = find_org (f, "中南大学");

  /* By credit code first (a renamed company, code typed in lower case with a space), then by name
   * (a code given for the first time). */
  g_assert_true (import_text (f, "credit_code,name,top_ten\n"
                                 "91430200ma4l 00001p,湘江轨道装备集团有限公司,否\n"
                                 "91430100MA4L00002M,中南大学,\n",
                              ICW_CSV_KIND_ORGANIZATIONS, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 0);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, 2);
  g_assert_cmpstr (icw_organization_get_name (rail), ==, "湘江轨道装备集团有限公司");
  g_assert_false (icw_organization_get_top_ten (rail));
  g_assert_cmpstr (icw_organization_get_province (rail), ==, "湖南省");
  g_assert_cmpstr (icw_organization_get_credit_code (university), ==, "91430100MA4L00002M");
  icw_csv_import_result_clear (&result);

  /* A name that is registered with another code is refused, not silently re-coded. */
  assert_refused (f, "名称,统一社会信用代码\n新单位,91110000100000001W\n中南大学,91440300708461136T\n",
                  ICW_CSV_KIND_ORGANIZATIONS, "Row 3,",
                  "column “统一社会信用代码”: the organization “中南大学” is already registered with the credit code 91430100MA4L00002M",
                  (const char *[]) { "新单位", NULL });
  g_assert_cmpstr (icw_organization_get_credit_code (university), ==, "91430100MA4L00002M");
}

static void
test_organizations_duplicate_code (Fixture       *f,
                                   gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };

  import_fixture_ok (f, "organizations-utf8.csv", ICW_CSV_KIND_ORGANIZATIONS, &result);
  icw_csv_import_result_clear (&result);

  /* The code is that of another registered organization than the one the name gives. */
  assert_refused (f, "name,credit_code\n新单位,\n中南大学,91430200MA4L00001P\n",
                  ICW_CSV_KIND_ORGANIZATIONS, "Row 3,",
                  "column “credit_code”: the credit code 91430200MA4L00001P is registered to “湘江轨道装备有限公司”, but “中南大学” is another organization",
                  (const char *[]) { "新单位", NULL });
}

static void
test_auto_detection (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *text;
    IcwCsvKind  kind;
  } cases[] = {
    { "名称,级别\nA中心,国家\n", ICW_CSV_KIND_CENTERS },
    { "name,sector\nB中心,新材料\n", ICW_CSV_KIND_CENTERS },
    { "name,year\nC中心,2020\n", ICW_CSV_KIND_CENTERS },
    { "名称,类型\nA单位,高校\n", ICW_CSV_KIND_ORGANIZATIONS },
    { "name,legal_representative,city\nB单位,赵敏,\n", ICW_CSV_KIND_ORGANIZATIONS },
    { "行业前十,名称\n是,C单位\n", ICW_CSV_KIND_ORGANIZATIONS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IcwCsvImportResult result = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_true (import_text (f, cases[i].text, ICW_CSV_KIND_AUTO, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (result.kind, ==, cases[i].kind);
      g_assert_cmpuint (result.created, ==, 1);
      icw_csv_import_result_clear (&result);
    }
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, 3);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_ORGANIZATION), ==, 3);
}

static void
test_explicit_kind (Fixture       *f,
                    gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  /* A file with names only needs the caller to say what it holds. */
  g_assert_true (import_text (f, "名称\n某某单位\n", ICW_CSV_KIND_ORGANIZATIONS, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_ORGANIZATIONS);
  assert_org (f, "某某单位", NULL, ICW_ORG_KIND_ENTERPRISE, NULL, NULL, NULL, FALSE);
  icw_csv_import_result_clear (&result);

  /* Centers' columns in an organizations file are ignored with a warning. */
  g_assert_true (import_text (f, "name,level,kind\n另一单位,national,高校\n", ICW_CSV_KIND_ORGANIZATIONS, &result, &error));
  g_assert_no_error (error);
  g_assert_true (has_warning (&result, "The column “level” is not used for organizations and was ignored."));
  assert_org (f, "另一单位", NULL, ICW_ORG_KIND_UNIVERSITY, NULL, NULL, NULL, FALSE);
  icw_csv_import_result_clear (&result);
}

static void
test_header_only (Fixture       *f,
                  gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (f, "name,level\r\n\r\n", ICW_CSV_KIND_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 0);
  g_assert_cmpuint (count (f, ICW_RECORD_KIND_CENTER), ==, 0);
  icw_csv_import_result_clear (&result);
}

/* Each file has a good first row, so that refusing the second proves the whole file is refused. */
static void
test_hygiene_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (ICW_LIMIT_NAME_CHARS + 1, 'N');
  g_autofree char *long_city = g_strnfill (ICW_LIMIT_SHORT_CHARS + 1, 'c');
  g_autofree char *long_name_row = g_strdup_printf ("name\n甲中心\n%s\n", long_name);
  g_autofree char *long_city_row = g_strdup_printf ("name,city\n甲中心,济南\n乙中心,%s\n", long_city);
  const struct { const char *text; IcwCsvKind kind; const char *message; } cases[] = {
    { "name,province\n甲中心,山东\n\xEF\xBB\xBF乙中心,山东\n", ICW_CSV_KIND_CENTERS,
      "Row 3, column “name”: the value contains a byte order mark (U+FEFF)" },
    { "name,province\n甲中心,山东\n乙中心,\"山\xEF\xBB\xBF东\"\n", ICW_CSV_KIND_CENTERS,
      "Row 3, column “province”: the value contains a byte order mark" },
    { "\xEF\xBB\xBF\xEF\xBB\xBFname\n甲中心\n", ICW_CSV_KIND_CENTERS,
      "Row 1, column 1: the value contains a byte order mark" },
    { "name\n甲中心\nEvil\x1B[31mRed\n", ICW_CSV_KIND_CENTERS,
      "Row 3, column “name”: the value contains the control character U+001B" },
    { "name\n甲中心\nA\xC2\x85Z\n", ICW_CSV_KIND_CENTERS, "Row 3, column “name”: the value contains the control character U+0085" },
    { "name\n甲中心\nA\x7FZ\n", ICW_CSV_KIND_CENTERS, "Row 3, column “name”: the value contains the control character U+007F" },
    { "name\n甲中心\n\"A\tZ\"\n", ICW_CSV_KIND_CENTERS, "Row 3, column “name”: the value contains the control character U+0009" },
    { "name\n甲中心\n\"A\nZ\"\n", ICW_CSV_KIND_CENTERS, "Row 3, column “name”: the value contains the control character U+000A" },
    { "name,sector\n甲中心,智能\n乙中心,A\x01Z\n", ICW_CSV_KIND_CENTERS,
      "Row 3, column “sector”: the value contains the control character U+0001; only line breaks and tabs" },
    { "name,credit_code\n甲公司,\n乙公司,9137\x08" "0100MA3U7K2E5X\n", ICW_CSV_KIND_ORGANIZATIONS,
      "Row 3, column “credit_code”: the value contains the control character U+0008" },
    { "name,legal_representative\n甲公司,张三\n乙公司,李\x1B四\n", ICW_CSV_KIND_ORGANIZATIONS,
      "Row 3, column “legal_representative”: the value contains the control character U+001B" },
    { long_name_row, ICW_CSV_KIND_CENTERS, "Row 3, column “name”: the value is longer than 200 characters (it has 201)" },
    { long_city_row, ICW_CSV_KIND_CENTERS, "Row 3, column “city”: the value is longer than 64 characters (it has 65)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IcwCsvImportResult result = { 0 };
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_false (import_text (f, cases[i].text, cases[i].kind, &result, &error));
      g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);
      g_assert_cmpuint (count_on_disk (f, ICW_RECORD_KIND_CENTER), ==, 0);
      g_assert_cmpuint (count_on_disk (f, ICW_RECORD_KIND_ORGANIZATION), ==, 0);
      icw_csv_import_result_clear (&result);
    }
}

/* At the limits, and with what a name may hold (a sector may keep its line break). */
static void
test_hygiene_limits_accepted (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *name = g_strnfill (ICW_LIMIT_NAME_CHARS - 1, 'N');
  g_autofree char *text = g_strdup_printf ("\xEF\xBB\xBFname,sector\n%s中,\"新一代信息技术\n(集成电路)\"\n", name);
  g_autofree char *full = g_strdup_printf ("%s中", name);
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = NULL;

  g_assert_true (import_text (f, text, ICW_CSV_KIND_CENTERS, &result, &error));
  g_assert_no_error (error);
  center = find_center (f, full);
  g_assert_nonnull (center);
  g_assert_cmpstr (icw_center_get_field (center), ==, "新一代信息技术\n(集成电路)");
  icw_csv_import_result_clear (&result);
}

static gsize
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return (gsize) usage.ru_maxrss;
}

/* A 50 MB value (quoted, then plain) and a 300 kB row of short values: refused at the caps of the
 * reader, quickly, with the row and column named, and nothing imported. The peak memory grows by
 * the file read and its decoded copy at most (2 × 50 MB), never by copies of the value. */
static void
test_huge_values (Fixture       *f,
                  gconstpointer  data)
{
  const gsize size = 50 * 1024 * 1024;
  const char *forms[] = { "name,city\n甲中心,济南\n\"", "name,city\n甲中心,济南\n" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "huge.csv", NULL);
      GString *text = g_string_sized_new (size + 64);
      g_autoptr(GError) error = NULL;
      IcwCsvImportResult result = { 0 };
      gint64 start;
      double seconds;
      gsize rss_before, rss_after;

      g_string_append (text, forms[i]);
      g_string_set_size (text, text->len + size);
      memset (text->str + strlen (forms[i]), 'A', size);
      g_string_append (text, i == 0 ? "\",x\n" : ",x\n");
      g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
      g_string_free (text, TRUE);

      rss_before = max_rss_kb ();
      start = g_get_monotonic_time ();
      g_assert_false (icw_csv_import_file (f->store, path, ICW_CSV_KIND_CENTERS, &result, &error));
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      rss_after = max_rss_kb ();
      g_test_message ("%s value of 50 MB refused in %.3f s; peak memory %zu kB (was %zu kB)",
                      i == 0 ? "quoted" : "plain", seconds, rss_after, rss_before);
      g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
      if (strstr (error->message, "Row 3, column “name”: the value is longer than 16384 bytes") == NULL)
        g_error ("unexpected: %s", error->message);
      g_assert_cmpfloat (seconds, <, 5.0);
      g_assert_cmpuint (rss_after, <, 400 * 1024);
      g_assert_cmpuint (count_on_disk (f, ICW_RECORD_KIND_CENTER), ==, 0);
      icw_csv_import_result_clear (&result);
    }

  {
    g_autoptr(GString) row = g_string_new ("name,city\n甲中心,济南\n乙中心");
    g_autoptr(GError) error = NULL;
    IcwCsvImportResult result = { 0 };

    while (row->len < 300 * 1024)
      g_string_append (row, ",");
    g_string_append_c (row, '\n');
    g_assert_false (import_text (f, row->str, ICW_CSV_KIND_CENTERS, &result, &error));
    g_assert_error (error, ICW_ERROR, ICW_ERROR_IMPORT);
    if (strstr (error->message, "the row is longer than 262144 bytes") == NULL ||
        strstr (error->message, "Row 3, column ") == NULL)
      g_error ("unexpected: %s", error->message);
    icw_csv_import_result_clear (&result);
  }
}

/* The store refuses what the import refuses, whoever saves (the window, a dossier, sync edits),
 * and names the field and the limit. */
static void
test_store_limits (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (ICW_LIMIT_NAME_CHARS + 1, 'N');
  g_autofree char *long_city = g_strnfill (ICW_LIMIT_SHORT_CHARS + 1, 'c');
  g_autoptr(IcwOrganization) org = icw_test_new_organization ("甲公司", NULL);
  g_autoptr(IcwCenter) center = icw_center_new ();
  const struct { const char *property; const char *value; const char *message; } bad[] = {
    { "name", long_name, "Name: it is longer than 200 characters (it has 201)" },
    { "name", "Evil\x1B[31m", "Name: it contains the control character U+001B" },
    { "name", "两\n行", "Name: it contains the control character U+000A" },
    { "name", "\xEF\xBB\xBF甲公司", "Name: it contains the control character U+FEFF" },
    { "legal-representative", "张\x7F三", "Legal representative: it contains the control character U+007F" },
    { "city", long_city, "City: it is longer than 64 characters (it has 65)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_object_set (org, "name", "甲公司", NULL);
      g_object_set (org, bad[i].property, bad[i].value, NULL);
      g_assert_false (icw_store_save (f->store, ICW_RECORD (org), &error));
      g_assert_error (error, ICW_ERROR, ICW_ERROR_INVALID);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, bad[i].message);
      g_object_set (org, "legal-representative", NULL, "city", NULL, NULL);
    }
  g_object_set (org, "name", "甲公司", NULL);
  icw_test_save (f->store, ICW_RECORD (org));

  /* A sector may keep a line break. */
  icw_center_set_name (center, "甲中心");
  g_object_set (center, "field", "新一代信息技术\n(集成电路)", NULL);
  icw_test_save (f->store, ICW_RECORD (center));
  g_assert_cmpuint (count_on_disk (f, ICW_RECORD_KIND_CENTER), ==, 1);
  g_assert_cmpuint (count_on_disk (f, ICW_RECORD_KIND_ORGANIZATION), ==, 1);
}

/* The numbers and flags reviewers score (issue 15) and the top ten per field: every column read
 * into its field, in English and in Chinese headers; an empty cell leaves the field as it was. */
static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  IcwCsvImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) org = NULL, fund = NULL;

  g_assert_true (import_text (f,
    "name,revenue_1,revenue_2,revenue_3,rd_spending_1,rd_spending_2,rd_spending_3,rd_staff_1,rd_staff_2,rd_staff_3,"
    "rd_base_year,rd_intensity_1,rd_intensity_2,rd_intensity_3,enterprise_type,non_legal_person,honour_champion,"
    "honour_little_giant,honour_specialised,honour_unicorn,honour_gazelle,user_enterprise,dishonest,top_ten,"
    "top_ten_field,top_ten_source\n"
    "济南测试传感科技股份有限公司,120000,135000.5,150000.123456,3600,4050,4800,310,322,345,"
    "2024,3%,3.00,3.2%,joint-stock,no,是,否,yes,0,1,yes,no,是,"
    "智能传感器,中国传感器与物联网产业联盟2024年排名\n"
    "测试产业投资基金（有限合伙）,,,,,,,,,,,,,,有限合伙企业,是,,,,,,,,,,\n",
    ICW_CSV_KIND_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_ORGANIZATIONS);
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (result.warnings->len, ==, 0);
  icw_csv_import_result_clear (&result);

  org = find_org (f, "济南测试传感科技股份有限公司");
  g_assert_cmpint (icw_organization_get_revenue_1_fen (org), ==, 120000 * (gint64) 1000000);
  g_assert_cmpint (icw_organization_get_revenue_2_fen (org), ==, 135000500000);
  g_assert_cmpint (icw_organization_get_revenue_3_fen (org), ==, 150000123456);
  g_assert_cmpint (icw_organization_get_rd_spending_1_fen (org), ==, 3600 * (gint64) 1000000);
  g_assert_cmpint (icw_organization_get_rd_spending_3_fen (org), ==, 4800 * (gint64) 1000000);
  g_assert_cmpint (icw_organization_get_rd_staff_1 (org), ==, 310);
  g_assert_cmpint (icw_organization_get_rd_staff_3 (org), ==, 345);
  g_assert_cmpint (icw_organization_get_rd_base_year (org), ==, 2024);
  g_assert_cmpint (icw_organization_get_rd_intensity_1 (org), ==, 300);
  g_assert_cmpint (icw_organization_get_rd_intensity_2 (org), ==, 300);
  g_assert_cmpint (icw_organization_get_rd_intensity_3 (org), ==, 320);
  g_assert_cmpint (icw_organization_get_enterprise_type (org), ==, ICW_ENTERPRISE_TYPE_JOINT_STOCK);
  g_assert_false (icw_organization_get_non_legal_person (org));
  g_assert_true (icw_organization_get_honour_champion (org));
  g_assert_false (icw_organization_get_honour_little_giant (org));
  g_assert_true (icw_organization_get_honour_specialised (org));
  g_assert_false (icw_organization_get_honour_unicorn (org));
  g_assert_true (icw_organization_get_honour_gazelle (org));
  g_assert_true (icw_organization_get_user_enterprise (org));
  g_assert_false (icw_organization_get_dishonest (org));
  g_assert_true (icw_organization_get_top_ten (org));
  g_assert_cmpstr (icw_organization_get_top_ten_field (org), ==, "智能传感器");
  g_assert_cmpstr (icw_organization_get_top_ten_source (org), ==, "中国传感器与物联网产业联盟2024年排名");

  fund = find_org (f, "测试产业投资基金（有限合伙）");
  g_assert_cmpint (icw_organization_get_enterprise_type (fund), ==, ICW_ENTERPRISE_TYPE_LIMITED_PARTNERSHIP);
  g_assert_true (icw_organization_get_non_legal_person (fund));
  g_assert_false (icw_organization_is_legal_person (fund));
  g_assert_cmpint (icw_organization_get_rd_intensity_1 (fund), ==, -1);
  g_assert_cmpint (icw_organization_get_revenue_1_fen (fund), ==, 0);

  /* Chinese headers; empty cells leave the numbers as they were, a filled one changes its field. */
  g_assert_true (import_text (f,
    "名称,第一年营业收入,第三年研发人员,失信记录,用户企业,排名前十领域,排名来源及年份,组织形式\n"
    "济南测试传感科技股份有限公司,,350,是,,集成电路,某协会2023年排名,\n",
    ICW_CSV_KIND_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 1);
  icw_csv_import_result_clear (&result);
  g_clear_object (&org);
  org = find_org (f, "济南测试传感科技股份有限公司");
  g_assert_cmpint (icw_organization_get_revenue_1_fen (org), ==, 120000 * (gint64) 1000000);
  g_assert_cmpint (icw_organization_get_rd_staff_3 (org), ==, 350);
  g_assert_true (icw_organization_get_dishonest (org));
  g_assert_true (icw_organization_get_user_enterprise (org));
  g_assert_cmpstr (icw_organization_get_top_ten_field (org), ==, "集成电路");
  g_assert_cmpint (icw_organization_get_enterprise_type (org), ==, ICW_ENTERPRISE_TYPE_JOINT_STOCK);

  /* A centers file ignores them, saying so. */
  g_assert_true (import_text (f, "name,level,revenue_1\n测试创新中心,省级,100\n", ICW_CSV_KIND_CENTERS, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.kind, ==, ICW_CSV_KIND_CENTERS);
  g_assert_true (has_warning (&result, "The column “revenue_1” is not used for centers"));
  icw_csv_import_result_clear (&result);
}

/* A bad cell names its row and column and says what the column takes; no row of the file is
 * imported, the good ones before it included. */
static void
test_bad_numbers (Fixture       *f,
                  gconstpointer  data)
{
  static const char *absent[] = { "甲单位", NULL };
  static const struct { const char *header, *good, *bad, *message; } cases[] = {
    { "revenue_1", "100.5", "100万", "“100万” is not an amount in 10k yuan (万元)" },
    { "第二年营业收入", "0", "-5", "“-5” is not an amount in 10k yuan" },
    { "rd_spending_3", "12", "\"1,200\"", "“1,200” is not an amount in 10k yuan" },
    { "rd_staff_2", "50", "50.5", "“50.5” is not a number of people" },
    { "第一年研发人员", "0", "-1", "“-1” is not a number of people" },
    { "rd_intensity_1", "3.5%", "101", "“101” is not a percentage from 0 to 100" },
    { "rd_intensity_2", "3", "3.555", "“3.555” is not a percentage" },
    { "rd_base_year", "2024", "24", "“24” is not a year" },
    { "enterprise_type", "有限责任公司", "公司", "“公司” is not a legal form" },
    { "非法人单位", "否", "maybe", "“maybe” is neither yes nor no" },
    { "honour_gazelle", "yes", "Y", "“Y” is neither yes nor no" },
    { "user_enterprise", "no", "用户", "“用户” is neither yes nor no" },
    { "dishonest", "0", "2", "“2” is neither yes nor no" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("名称,%s\n甲单位,%s\n乙单位,%s\n", cases[i].header, cases[i].good, cases[i].bad);
      g_autofree char *column = g_strdup_printf ("column “%s”: %s", cases[i].header, cases[i].message);

      assert_refused (f, text, ICW_CSV_KIND_ORGANIZATIONS, "Row 3,", column, absent);
    }
  /* Two columns for one field. */
  assert_refused (f, "名称,revenue_1,第一年营业收入\n甲单位,1,2\n", ICW_CSV_KIND_ORGANIZATIONS,
                  "“revenue_1”", "“第一年营业收入” both stand for the same field", absent);
}

/* The message in Chinese, from the build tree's catalogue. */
static void
test_bad_numbers_chinese (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("ICW_BUILD_ROOT") != NULL ? g_getenv ("ICW_BUILD_ROOT") : ".", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the build tree has no Chinese catalogue");
      return;
    }
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      IcwCsvImportResult result = { 0 };

      g_setenv ("ICW_LOCALEDIR", localedir, TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      icw_i18n_init ();
      g_assert_false (import_text (f, "名称,第一年营业收入\n甲单位,100万\n", ICW_CSV_KIND_ORGANIZATIONS, &result, &error));
      g_print ("%s\n", error->message);
      icw_csv_import_result_clear (&result);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*第 2 行“第一年营业收入”列：“100万”不是以万元为单位的金额*");
}

#define ADD_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, icw_test_empty_set_up, (func), icw_test_sample_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/encoding/utf8", test_encoding_utf8);
  g_test_add_func ("/csv/encoding/utf8-bom", test_encoding_utf8_bom);
  g_test_add_func ("/csv/encoding/gb18030", test_encoding_gb18030);
  g_test_add_func ("/csv/encoding/binary-refused", test_encoding_binary_refused);
  g_test_add_func ("/csv/encoding/neither-refused", test_encoding_neither_refused);
  g_test_add_func ("/csv/encoding/utf16-refused", test_encoding_utf16_refused);

  g_test_add_func ("/csv/reader/quoting", test_reader_quoting);
  g_test_add_func ("/csv/reader/line-ends", test_reader_line_ends);
  g_test_add_func ("/csv/reader/blank-rows", test_reader_blank_rows);
  g_test_add_func ("/csv/reader/short-and-long-rows", test_reader_short_and_long_rows);
  g_test_add_func ("/csv/reader/errors", test_reader_errors);

  ADD_TEST ("/csv/import/centers-english", test_import_centers_english);
  ADD_TEST ("/csv/import/centers-chinese-bom", test_import_centers_chinese_bom);
  ADD_TEST ("/csv/import/centers-gb18030", test_import_centers_gb18030);
  ADD_TEST ("/csv/import/quoting", test_import_quoting);
  ADD_TEST ("/csv/import/header-forms", test_import_header_forms);
  ADD_TEST ("/csv/import/header-only", test_header_only);
  ADD_TEST ("/csv/hygiene/refused", test_hygiene_refused);
  ADD_TEST ("/csv/hygiene/limits-accepted", test_hygiene_limits_accepted);
  ADD_TEST ("/csv/hygiene/huge-values", test_huge_values);
  ADD_TEST ("/csv/hygiene/store-limits", test_store_limits);
  ADD_TEST ("/csv/import/organizations-gb18030", test_import_organizations_gb18030);
  ADD_TEST ("/csv/import/organizations-english", test_import_organizations_english);
  ADD_TEST ("/csv/import/organizations-matching", test_organizations_matching);
  ADD_TEST ("/csv/import/organizations-duplicate-code", test_organizations_duplicate_code);
  ADD_TEST ("/csv/import/reimport-updates", test_reimport_updates);
  ADD_TEST ("/csv/import/lead-org-matched", test_lead_org_matched);
  ADD_TEST ("/csv/import/lead-org-shared", test_lead_org_shared);
  ADD_TEST ("/csv/import/auto-detection", test_auto_detection);
  ADD_TEST ("/csv/import/explicit-kind", test_explicit_kind);
  ADD_TEST ("/csv/import/numbers", test_numbers);
  ADD_TEST ("/csv/bad/numbers", test_bad_numbers);
  ADD_TEST ("/csv/bad/numbers-chinese", test_bad_numbers_chinese);

  ADD_TEST ("/csv/bad/missing-name", test_bad_missing_name);
  ADD_TEST ("/csv/bad/level", test_bad_level);
  ADD_TEST ("/csv/bad/year", test_bad_year);
  ADD_TEST ("/csv/bad/credit-code", test_bad_credit_code);
  ADD_TEST ("/csv/bad/unterminated-quote", test_bad_unterminated_quote);
  ADD_TEST ("/csv/bad/field-count", test_bad_field_count);
  ADD_TEST ("/csv/bad/kind-and-top-ten", test_bad_kind_and_top_ten);
  ADD_TEST ("/csv/bad/duplicate-in-file", test_bad_duplicate_in_file);
  ADD_TEST ("/csv/bad/header", test_bad_header);
  ADD_TEST ("/csv/bad/encoding", test_bad_encoding);
  ADD_TEST ("/csv/bad/binary-file", test_binary_file_refused);
  ADD_TEST ("/csv/bad/missing-file", test_missing_file);
  ADD_TEST ("/csv/bad/keeps-existing", test_bad_row_keeps_existing);

  return g_test_run ();
}
