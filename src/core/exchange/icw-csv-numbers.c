/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-csv-numbers.c: the organizations CSV file's columns for the numbers reviewers score
 * (icw-csv-numbers.h). Each is read by its field's type in the catalogue: money in 10k yuan,
 * counts of people, a percentage, a year, yes or no, the legal form; nothing is guessed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-csv-numbers.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-field-catalogue.h"
#include "icw-money.h"

static const IcwCsvNumberColumn columns[] = {
  { "revenue_1", "第一年营业收入", "revenue_1_fen" },
  { "revenue_2", "第二年营业收入", "revenue_2_fen" },
  { "revenue_3", "第三年营业收入", "revenue_3_fen" },
  { "rd_spending_1", "第一年研发投入", "rd_spending_1_fen" },
  { "rd_spending_2", "第二年研发投入", "rd_spending_2_fen" },
  { "rd_spending_3", "第三年研发投入", "rd_spending_3_fen" },
  { "rd_staff_1", "第一年研发人员", "rd_staff_1" },
  { "rd_staff_2", "第二年研发人员", "rd_staff_2" },
  { "rd_staff_3", "第三年研发人员", "rd_staff_3" },
  { "rd_base_year", "第三年年份", "rd_base_year" },
  { "rd_intensity_1", "第一年研发投入强度", "rd_intensity_1" },
  { "rd_intensity_2", "第二年研发投入强度", "rd_intensity_2" },
  { "rd_intensity_3", "第三年研发投入强度", "rd_intensity_3" },
  { "enterprise_type", "组织形式", "enterprise_type" },
  { "non_legal_person", "非法人单位", "non_legal_person" },
  { "honour_champion", "单项冠军", "honour_champion" },
  { "honour_little_giant", "专精特新小巨人", "honour_little_giant" },
  { "honour_specialised", "专精特新中小企业", "honour_specialised" },
  { "honour_unicorn", "独角兽企业", "honour_unicorn" },
  { "honour_gazelle", "瞪羚企业", "honour_gazelle" },
  { "user_enterprise", "用户企业", "user_enterprise" },
  { "dishonest", "失信记录", "dishonest" },
};

const IcwCsvNumberColumn *
icw_csv_number_columns (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

int
icw_csv_number_column_for_header (const char *header)
{
  g_autofree char *english = g_strdelimit (g_ascii_strdown (header, -1), " -", '_');

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (english, columns[i].english) || g_str_equal (header, columns[i].chinese))
      return (int) i;
  return -1;
}

static const IcwColumn *
field (guint index)
{
  const IcwColumn *column = icw_field_catalogue_find (ICW_RECORD_KIND_ORGANIZATION, columns[index].column);

  g_assert (column != NULL);
  return column;
}

const char *
icw_csv_number_property (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (columns), NULL);
  return field (index)->property;
}

gboolean
icw_csv_parse_yes_no (const char *text,
                      gboolean   *value)
{
  static const char *yes[] = { "yes", "true", "1", "是" };
  static const char *no[] = { "no", "false", "0", "否" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0 || g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *value = g_ascii_strcasecmp (text, yes[i]) == 0;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_whole (const char *text,
             guint64     min,
             guint64     max,
             guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, min, max, value, NULL);
}

gboolean
icw_csv_number_parse (guint        index,
                      const char  *text,
                      guint        row,
                      const char  *column_name,
                      GValue      *value,
                      GError     **error)
{
  const IcwColumn *column;
  gint64 number;
  guint64 whole;
  gboolean flag;
  IcwEnterpriseType type;

  g_return_val_if_fail (index < G_N_ELEMENTS (columns), FALSE);
  column = field (index);

  switch (column->show)
    {
    case ICW_FIELD_SHOW_MONEY:
      if (!icw_money_parse (text, ICW_MONEY_UNIT_WAN, &number, NULL) || number < 0)
        break;
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, number);
      return TRUE;
    case ICW_FIELD_SHOW_SHARE:
      if (!icw_basis_points_parse (text, &number, NULL) || number < 0 || number > 10000)
        break;
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, number);
      return TRUE;
    case ICW_FIELD_SHOW_COUNT:
      if (!parse_whole (text, 0, G_MAXINT, &whole))
        break;
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) whole);
      return TRUE;
    case ICW_FIELD_SHOW_YEAR:
      if (!parse_whole (text, 2000, 2100, &whole))
        break;
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) whole);
      return TRUE;
    case ICW_FIELD_SHOW_BOOL:
      if (!icw_csv_parse_yes_no (text, &flag))
        break;
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, flag);
      return TRUE;
    case ICW_FIELD_SHOW_ENUM:
      if (!icw_enterprise_type_from_string (text, &type))
        break;
      g_value_init (value, G_TYPE_UINT);
      g_value_set_uint (value, type);
      return TRUE;
    default:
      g_assert_not_reached ();
    }

  switch (column->show)
    {
    case ICW_FIELD_SHOW_MONEY:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not an amount in 10k yuan (万元); type a number from 0 up with at most six decimals, such as 1234.56, without units or thousands separators."),
                   row, column_name, text);
      break;
    case ICW_FIELD_SHOW_SHARE:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not a percentage from 0 to 100; type one such as 3.5 or 3.5%% (at most two decimals)."),
                   row, column_name, text);
      break;
    case ICW_FIELD_SHOW_COUNT:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not a number of people; type a whole number from 0 up."),
                   row, column_name, text);
      break;
    case ICW_FIELD_SHOW_YEAR:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not a year; leave it empty or type a year from 2000 to 2100."),
                   row, column_name, text);
      break;
    case ICW_FIELD_SHOW_BOOL:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is neither yes nor no; use yes or no (是 or 否)."),
                   row, column_name, text);
      break;
    default:
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("Row %u, column “%s”: “%s” is not a legal form; use limited-liability, joint-stock, limited-partnership, general-partnership, sole-proprietorship, public-institution or other (有限责任公司, 股份有限公司, 有限合伙企业, 普通合伙企业, 个人独资企业, 事业单位, 其他组织形式)."),
                   row, column_name, text);
      break;
    }
  return FALSE;
}
