/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-province.c: the table of GB/T 2260 provincial divisions and the lookup by code or by
 * name in Chinese or English (icw-sync-province.h). */
#include "config.h"

#include <string.h>

#include "icw-sync-province.h"

static const IcwProvince provinces[] = {
  { "110000", "北京市", "北京", "Beijing" },
  { "120000", "天津市", "天津", "Tianjin" },
  { "130000", "河北省", "河北", "Hebei" },
  { "140000", "山西省", "山西", "Shanxi" },
  { "150000", "内蒙古自治区", "内蒙古", "Inner Mongolia" },
  { "210000", "辽宁省", "辽宁", "Liaoning" },
  { "220000", "吉林省", "吉林", "Jilin" },
  { "230000", "黑龙江省", "黑龙江", "Heilongjiang" },
  { "310000", "上海市", "上海", "Shanghai" },
  { "320000", "江苏省", "江苏", "Jiangsu" },
  { "330000", "浙江省", "浙江", "Zhejiang" },
  { "340000", "安徽省", "安徽", "Anhui" },
  { "350000", "福建省", "福建", "Fujian" },
  { "360000", "江西省", "江西", "Jiangxi" },
  { "370000", "山东省", "山东", "Shandong" },
  { "410000", "河南省", "河南", "Henan" },
  { "420000", "湖北省", "湖北", "Hubei" },
  { "430000", "湖南省", "湖南", "Hunan" },
  { "440000", "广东省", "广东", "Guangdong" },
  { "450000", "广西壮族自治区", "广西", "Guangxi" },
  { "460000", "海南省", "海南", "Hainan" },
  { "500000", "重庆市", "重庆", "Chongqing" },
  { "510000", "四川省", "四川", "Sichuan" },
  { "520000", "贵州省", "贵州", "Guizhou" },
  { "530000", "云南省", "云南", "Yunnan" },
  { "540000", "西藏自治区", "西藏", "Xizang" },
  { "610000", "陕西省", "陕西", "Shaanxi" },
  { "620000", "甘肃省", "甘肃", "Gansu" },
  { "630000", "青海省", "青海", "Qinghai" },
  { "640000", "宁夏回族自治区", "宁夏", "Ningxia" },
  { "650000", "新疆维吾尔自治区", "新疆", "Xinjiang" },
  { "710000", "台湾省", "台湾", "Taiwan" },
  { "810000", "香港特别行政区", "香港", "Hong Kong" },
  { "820000", "澳门特别行政区", "澳门", "Macao" },
};

/* Other English spellings in use. */
static const struct { const char *name; const char *code; } aliases[] = {
  { "nei mongol", "150000" }, { "tibet", "540000" }, { "macau", "820000" },
  { "hongkong", "810000" }, { "peking", "110000" },
};

static const char *const english_suffixes[] = {
  " province", " municipality", " autonomous region", " special administrative region", " sar",
};

const IcwProvince *
icw_province_all (guint *n)
{
  *n = G_N_ELEMENTS (provinces);
  return provinces;
}

static const IcwProvince *
by_code (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (g_str_equal (provinces[i].code, code))
      return &provinces[i];
  return NULL;
}

const IcwProvince *
icw_province_lookup (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return NULL;
  if (by_code (trimmed) != NULL)
    return by_code (trimmed);
  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (g_str_equal (provinces[i].name_zh, trimmed) || g_str_equal (provinces[i].short_zh, trimmed))
      return &provinces[i];
  lower = g_ascii_strdown (trimmed, -1);
  for (guint i = 0; i < G_N_ELEMENTS (english_suffixes); i++)
    if (g_str_has_suffix (lower, english_suffixes[i]))
      {
        lower[strlen (lower) - strlen (english_suffixes[i])] = '\0';
        break;
      }
  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (g_ascii_strcasecmp (provinces[i].name_en, lower) == 0)
      return &provinces[i];
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (aliases[i].name, lower))
      return by_code (aliases[i].code);
  return NULL;
}

char *
icw_province_normalize (const char *text)
{
  const IcwProvince *province = icw_province_lookup (text);

  if (province != NULL)
    return g_strdup (province->code);
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}
