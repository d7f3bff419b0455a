/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-gen.c: writes the benchmark's data set through the store's own API (icw_store_begin_batch
 * and icw_store_save), so every row has its outbox entry and its full-text index entry exactly as
 * the application writes them.
 *
 *   bench-gen DB ORGANIZATIONS CENTERS SEED
 *
 * Organizations get realistic names: mostly Chinese (城市 + 字号 + 行业 + 有限公司, universities,
 * institutes, parks, funds, associations), about one in six Latin ("Jinan Huaxin Sensing
 * Technology Co., Ltd."), with well-formed unique credit codes. Each center gets a host company,
 * a lead organization, 5 to 7 shareholders, 10 to 20 alliance members and a few platforms. The
 * same seed gives the same data. Part of tests/bench (not the test suite). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-center.h"
#include "icw-credit-code.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-shareholder.h"
#include "icw-store.h"

#define CHUNK 10000   /* saves per batch (one transaction) */

typedef struct {
  const char *province;
  const char *province_short;
  const char *city;          /* without 市 */
  const char *region;        /* six digits of the credit code */
  const char *latin;
} Place;

static const Place places[] = {
  { "山东省", "山东", "济南", "370100", "Jinan" },
  { "山东省", "山东", "青岛", "370200", "Qingdao" },
  { "山东省", "山东", "淄博", "370300", "Zibo" },
  { "山东省", "山东", "烟台", "370600", "Yantai" },
  { "山东省", "山东", "潍坊", "370700", "Weifang" },
  { "山东省", "山东", "威海", "371000", "Weihai" },
  { "江苏省", "江苏", "南京", "320100", "Nanjing" },
  { "江苏省", "江苏", "无锡", "320200", "Wuxi" },
  { "江苏省", "江苏", "苏州", "320500", "Suzhou" },
  { "江苏省", "江苏", "常州", "320400", "Changzhou" },
  { "浙江省", "浙江", "杭州", "330100", "Hangzhou" },
  { "浙江省", "浙江", "宁波", "330200", "Ningbo" },
  { "广东省", "广东", "广州", "440100", "Guangzhou" },
  { "广东省", "广东", "深圳", "440300", "Shenzhen" },
  { "广东省", "广东", "佛山", "440600", "Foshan" },
  { "广东省", "广东", "东莞", "441900", "Dongguan" },
  { "北京市", "北京", "北京", "110108", "Beijing" },
  { "上海市", "上海", "上海", "310115", "Shanghai" },
  { "天津市", "天津", "天津", "120116", "Tianjin" },
  { "重庆市", "重庆", "重庆", "500112", "Chongqing" },
  { "湖北省", "湖北", "武汉", "420100", "Wuhan" },
  { "湖南省", "湖南", "长沙", "430100", "Changsha" },
  { "四川省", "四川", "成都", "510100", "Chengdu" },
  { "陕西省", "陕西", "西安", "610100", "Xi'an" },
  { "辽宁省", "辽宁", "沈阳", "210100", "Shenyang" },
  { "辽宁省", "辽宁", "大连", "210200", "Dalian" },
  { "安徽省", "安徽", "合肥", "340100", "Hefei" },
  { "河南省", "河南", "郑州", "410100", "Zhengzhou" },
  { "福建省", "福建", "厦门", "350200", "Xiamen" },
  { "河北省", "河北", "石家庄", "130100", "Shijiazhuang" },
  { "吉林省", "吉林", "长春", "220100", "Changchun" },
  { "黑龙江省", "黑龙江", "哈尔滨", "230100", "Harbin" },
  { "江西省", "江西", "南昌", "360100", "Nanchang" },
  { "山西省", "山西", "太原", "140100", "Taiyuan" },
};

/* The characters of trade names (字号), with their pinyin for the Latin names. */
typedef struct {
  const char *hanzi;
  const char *pinyin;
} Syllable;

static const Syllable syllables[] = {
  { "华", "hua" }, { "信", "xin" }, { "泰", "tai" }, { "恒", "heng" }, { "瑞", "rui" },
  { "达", "da" }, { "通", "tong" }, { "盛", "sheng" }, { "鑫", "xin" }, { "源", "yuan" },
  { "海", "hai" }, { "川", "chuan" }, { "精", "jing" }, { "中", "zhong" }, { "科", "ke" },
  { "创", "chuang" }, { "新", "xin" }, { "联", "lian" }, { "宏", "hong" }, { "远", "yuan" },
  { "博", "bo" }, { "安", "an" }, { "康", "kang" }, { "德", "de" }, { "丰", "feng" },
  { "嘉", "jia" }, { "金", "jin" }, { "隆", "long" }, { "明", "ming" }, { "锐", "rui" },
  { "晟", "sheng" }, { "天", "tian" }, { "万", "wan" }, { "祥", "xiang" }, { "兴", "xing" },
  { "亿", "yi" }, { "永", "yong" }, { "正", "zheng" }, { "卓", "zhuo" }, { "齐", "qi" },
  { "鲁", "lu" }, { "浦", "pu" }, { "江", "jiang" }, { "蓝", "lan" }, { "云", "yun" },
  { "光", "guang" }, { "芯", "xin" }, { "智", "zhi" }, { "威", "wei" }, { "诚", "cheng" },
  { "航", "hang" }, { "联", "lian" }, { "凯", "kai" }, { "力", "li" }, { "普", "pu" },
};

typedef struct {
  const char *hanzi;
  const char *latin;
} Industry;

static const Industry industries[] = {
  { "智能装备", "Intelligent Equipment" }, { "新材料", "New Materials" },
  { "微电子", "Microelectronics" }, { "传感技术", "Sensing Technology" },
  { "精密仪器", "Precision Instruments" }, { "生物医药", "Biopharmaceutical" },
  { "汽车零部件", "Auto Parts" }, { "机器人", "Robotics" }, { "节能环保", "Environmental Technology" },
  { "光电", "Optoelectronics" }, { "化工", "Chemical" }, { "船舶电子", "Marine Electronics" },
  { "数控机床", "CNC Machine Tool" }, { "新能源", "New Energy" }, { "工业软件", "Industrial Software" },
  { "轨道交通装备", "Rail Transit Equipment" }, { "增材制造", "Additive Manufacturing" },
  { "集成电路", "Integrated Circuit" }, { "纺织", "Textile" }, { "农业机械", "Agricultural Machinery" },
  { "医疗器械", "Medical Devices" }, { "电子信息", "Electronic Information" }, { "模具", "Mould" },
  { "液压", "Hydraulics" }, { "复合材料", "Composite Materials" }, { "检测技术", "Testing Technology" },
  { "动力电池", "Power Battery" }, { "激光", "Laser" }, { "半导体", "Semiconductor" },
  { "工业互联网", "Industrial Internet" },
};

static const char *const suffixes[] = {
  "有限公司", "有限公司", "有限公司", "科技有限公司", "科技有限公司", "股份有限公司",
  "科技股份有限公司", "集团有限公司",
};
static const char *const latin_suffixes[] = {
  "Co., Ltd.", "Co., Ltd.", "Technology Co., Ltd.", "Group Co., Ltd.", "Corporation",
  "Industries Inc.",
};
static const char *const disciplines[] = {
  "理工", "科技", "工业", "交通", "海洋", "农业", "医科", "师范", "工程", "信息工程", "机电",
};
static const char *const fields[] = {
  "智能传感器", "高端医疗器械", "先进轨道交通装备", "新型显示", "集成电路", "工业机器人",
  "增材制造", "轻量化材料", "稀土功能材料", "先进功能纤维", "动力电池", "农机装备", "海洋装备",
  "氢能", "工业互联网", "精密测量", "数控机床", "智能网联汽车", "生物医药", "石墨烯",
  "高性能膜材料", "半导体照明", "航空发动机", "特种合金", "智能语音", "印刷及柔性显示",
  "虚拟现实", "碳纤维复合材料", "节能环保装备", "现代农业装备",
};
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
};
static const char *const given[] = {
  "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
  "秀英", "华", "平", "刚", "桂英", "建国", "志强", "海燕", "振东", "立衡", "文博", "思源",
};
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
trade_name (GRand *rand, GString *latin)
{
  const Syllable *a = &PICK (rand, syllables);
  const Syllable *b = &PICK (rand, syllables);

  if (latin != NULL)
    {
      g_string_append_c (latin, g_ascii_toupper (a->pinyin[0]));
      g_string_append (latin, a->pinyin + 1);
      g_string_append (latin, b->pinyin);
    }
  return g_strconcat (a->hanzi, b->hanzi, NULL);
}

/* A unique, well-formed credit code: the serial number is written in the code's own alphabet. */
static char *
credit_code (const char *prefix, const Place *place, guint serial)
{
  char code[19];
  char check;

  memcpy (code, prefix, 2);
  memcpy (code + 2, place->region, 6);
  for (int i = 16; i >= 8; i--)
    {
      code[i] = alphabet[serial % 31];
      serial /= 31;
    }
  code[17] = '\0';
  check = icw_credit_code_check_character (code);
  code[17] = check;
  code[18] = '\0';
  return g_strdup (code);
}

static IcwOrganization *
make_organization (GRand *rand, guint serial)
{
  const Place *place = &PICK (rand, places);
  const Industry *industry = &PICK (rand, industries);
  IcwOrganization *org = icw_organization_new ();
  g_autofree char *trade = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *person = NULL;
  g_autofree char *city = NULL;
  int roll = g_rand_int_range (rand, 0, 100);
  const char *code_prefix = "91";
  IcwOrgKind kind = ICW_ORG_KIND_ENTERPRISE;

  if (roll < 14)
    {
      /* A Latin name, as foreign-invested enterprises register them. */
      g_autoptr(GString) latin = g_string_new (NULL);
      const char *suffix;

      g_free (trade_name (rand, latin));
      if (g_rand_boolean (rand))
        {
          g_string_prepend (latin, " ");
          g_string_prepend (latin, place->latin);
        }
      suffix = PICK (rand, latin_suffixes);
      if (strstr (industry->latin, "Technology") != NULL && strstr (suffix, "Technology") != NULL)
        suffix = "Co., Ltd.";
      g_string_append_printf (latin, " %s %s", industry->latin, suffix);
      name = g_string_free (g_steal_pointer (&latin), FALSE);
    }
  else if (roll < 80)
    {
      trade = trade_name (rand, NULL);
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          name = g_strconcat (place->city, trade, industry->hanzi, PICK (rand, suffixes), NULL);
          break;
        case 1:
          name = g_strconcat (trade, "（", place->city, "）", industry->hanzi, PICK (rand, suffixes), NULL);
          break;
        default:
          name = g_strconcat (place->province_short, trade, industry->hanzi, PICK (rand, suffixes), NULL);
          break;
        }
    }
  else if (roll < 86)
    {
      kind = ICW_ORG_KIND_UNIVERSITY;
      code_prefix = "12";
      name = g_strconcat (place->city, PICK (rand, disciplines),
                          g_rand_boolean (rand) ? "大学" : "职业技术学院", NULL);
    }
  else if (roll < 93)
    {
      kind = ICW_ORG_KIND_INSTITUTE;
      code_prefix = "12";
      trade = trade_name (rand, NULL);
      name = g_strconcat (g_rand_boolean (rand) ? place->province_short : place->city, trade,
                          industry->hanzi, g_rand_boolean (rand) ? "研究院" : "技术研究所", NULL);
    }
  else if (roll < 95)
    {
      kind = ICW_ORG_KIND_INDUSTRIAL_PARK;
      name = g_strconcat (place->city, "高新区", industry->hanzi, "产业园管理有限公司", NULL);
    }
  else if (roll < 98)
    {
      kind = ICW_ORG_KIND_FINANCE;
      trade = trade_name (rand, NULL);
      name = g_strconcat (place->province_short, trade, industry->hanzi,
                          "产业投资基金合伙企业（有限合伙）", NULL);
    }
  else
    {
      kind = ICW_ORG_KIND_ASSOCIATION;
      code_prefix = "51";
      name = g_strconcat (place->province_short, industry->hanzi,
                          g_rand_boolean (rand) ? "产业促进会" : "行业协会", NULL);
    }

  person = g_strconcat (PICK (rand, surnames), PICK (rand, given), NULL);
  icw_organization_set_name (org, name);
  icw_organization_set_kind (org, kind);
  icw_organization_set_province (org, place->province);
  city = g_strconcat (place->city, "市", NULL);
  icw_organization_set_city (org, city);
  icw_organization_set_legal_representative (org, person);
  /* Nine in ten have a code; the rest were entered without one. */
  if (g_rand_int_range (rand, 0, 10) != 0)
    {
      code = credit_code (code_prefix, place, serial);
      icw_organization_set_credit_code (org, code);
    }
  if (kind == ICW_ORG_KIND_ENTERPRISE)
    {
      gint64 base = g_rand_int_range (rand, 100, 800);

      icw_organization_set_top_ten (org, g_rand_int_range (rand, 0, 20) == 0);
      icw_organization_set_rd_base_year (org, 2023);
      icw_organization_set_rd_intensity_1 (org, base);
      icw_organization_set_rd_intensity_2 (org, base + g_rand_int_range (rand, 0, 60));
      icw_organization_set_rd_intensity_3 (org, base + g_rand_int_range (rand, 0, 120));
    }
  return org;
}

static void
die (const char *what, GError *error)
{
  fprintf (stderr, "bench-gen: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
save (IcwStore *store, gpointer record, guint *pending)
{
  g_autoptr(GError) error = NULL;

  if (*pending == 0 && !icw_store_begin_batch (store, &error))
    die ("begin", error);
  if (!icw_store_save (store, ICW_RECORD (record), &error))
    die ("save", error);
  if (++*pending == CHUNK)
    {
      if (!icw_store_commit_batch (store, &error))
        die ("commit", error);
      *pending = 0;
    }
}

static void
flush (IcwStore *store, guint *pending)
{
  g_autoptr(GError) error = NULL;

  if (*pending > 0 && !icw_store_commit_batch (store, &error))
    die ("commit", error);
  *pending = 0;
}

/* Distinct organizations of the register for one center's tables. */
static void
pick_distinct (GRand *rand, guint n_orgs, guint *out, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gboolean again;

      do
        {
          out[i] = g_rand_int_range (rand, 0, n_orgs);
          again = FALSE;
          for (guint j = 0; j < i; j++)
            again = again || out[j] == out[i];
        }
      while (again);
    }
}

static void
make_centers (IcwStore *store, GRand *rand, GPtrArray *orgs, guint n_centers, guint *pending)
{
  for (guint c = 0; c < n_centers; c++)
    {
      g_autoptr(IcwCenter) center = icw_center_new ();
      const Place *place = &PICK (rand, places);
      const char *field = PICK (rand, fields);
      g_autofree char *name = NULL;
      g_autofree char *city = g_strconcat (place->city, "市", NULL);
      g_autofree char *founded = NULL;
      guint chosen[28];   /* host, shareholders, then members */
      guint n_holders = g_rand_int_range (rand, 5, 8);
      guint n_members = g_rand_int_range (rand, 10, 21);
      gint64 left = 10000;
      int level = g_rand_int_range (rand, 0, 10);
      int year = g_rand_int_range (rand, 2016, 2025);

      pick_distinct (rand, orgs->len, chosen, 1 + n_holders + n_members);
      if (level == 0)
        name = g_strconcat ("国家", field, "创新中心", NULL);
      else
        name = g_strconcat (place->province, field, "创新中心", NULL);
      founded = g_strdup_printf ("%d-%02d-%02d", year - 1, g_rand_int_range (rand, 1, 13),
                                 g_rand_int_range (rand, 1, 29));
      icw_center_set_name (center, name);
      icw_center_set_level (center, level == 0 ? ICW_CENTER_LEVEL_NATIONAL : ICW_CENTER_LEVEL_PROVINCIAL);
      icw_center_set_field (center, field);
      icw_center_set_province (center, place->province);
      icw_center_set_city (center, city);
      icw_center_set_year (center, year);
      icw_center_set_status (center, g_rand_int_range (rand, 0, ICW_N_CENTER_STATUSES));
      icw_center_set_host_organization_id (center, icw_record_get_id (orgs->pdata[chosen[0]]));
      icw_center_set_lead_organization_id (center, icw_record_get_id (orgs->pdata[chosen[1]]));
      icw_center_set_host_legal_form (center, "有限责任公司");
      icw_center_set_host_capital_fen (center, (gint64) g_rand_int_range (rand, 3000, 30000) * 1000000);
      icw_center_set_host_founded (center, founded);
      icw_center_set_operating_model (center, "公司+联盟");
      icw_center_set_pilot_basis (center, "依托龙头企业组建，联合高校和科研院所");
      icw_center_set_field_platform_total (center, g_rand_int_range (rand, 4, 30));
      save (store, center, pending);

      for (guint i = 0; i < n_holders; i++)
        {
          g_autoptr(IcwShareholder) holder = icw_shareholder_new ();
          gint64 wanted = g_rand_int_range (rand, 500, 2500);
          gint64 share = i + 1 == n_holders ? left : MIN (left, wanted);

          left -= share;
          icw_shareholder_set_center_id (holder, icw_record_get_id (ICW_RECORD (center)));
          icw_shareholder_set_organization_id (holder, icw_record_get_id (orgs->pdata[chosen[1 + i]]));
          icw_shareholder_set_contribution (holder, i < 5 ? ICW_CONTRIBUTION_MONEY : ICW_CONTRIBUTION_IP);
          icw_shareholder_set_share_bp (holder, share);
          icw_shareholder_set_amount_fen (holder, share * 1000000);
          save (store, holder, pending);
        }
      for (guint i = 0; i < n_members; i++)
        {
          g_autoptr(IcwAllianceMember) member = icw_alliance_member_new ();
          g_autofree char *joined = g_strdup_printf ("%d-%02d-15", year, g_rand_int_range (rand, 1, 13));
          /* The first two members are also shareholders, as in real alliances. */
          IcwOrganization *org = orgs->pdata[i < 2 ? chosen[1 + i] : chosen[1 + n_holders + i]];

          icw_alliance_member_set_center_id (member, icw_record_get_id (ICW_RECORD (center)));
          icw_alliance_member_set_organization_id (member, icw_record_get_id (ICW_RECORD (org)));
          icw_alliance_member_set_role (member, i == 0 ? ICW_MEMBER_ROLE_LEAD
                                        : i < 4 ? ICW_MEMBER_ROLE_CORE
                                        : ICW_MEMBER_ROLE_ORDINARY);
          icw_alliance_member_set_joined (member, joined);
          icw_alliance_member_set_agreement_signed (member, g_rand_int_range (rand, 0, 4) != 0);
          save (store, member, pending);

          if (i < 3)
            {
              g_autoptr(IcwPlatform) platform = icw_platform_new ();
              g_autofree char *pname = g_strconcat (field, i == 0 ? "国家重点实验室" : "国家工程研究中心", NULL);

              icw_platform_set_organization_id (platform, icw_record_get_id (ICW_RECORD (org)));
              icw_platform_set_kind (platform, i == 0 ? ICW_PLATFORM_KEY_LAB : ICW_PLATFORM_ENGINEERING_RESEARCH_CENTER);
              icw_platform_set_name (platform, pname);
              icw_platform_set_approved_year (platform, g_rand_int_range (rand, 2005, 2024));
              save (store, platform, pending);
            }
        }
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = NULL;
  guint n_orgs, n_centers, pending = 0;
  gint64 start = g_get_monotonic_time ();

  if (argc != 5)
    {
      fprintf (stderr, "usage: bench-gen DB ORGANIZATIONS CENTERS SEED\n");
      return 2;
    }
  n_orgs = atoi (argv[2]);
  n_centers = atoi (argv[3]);
  rand = g_rand_new_with_seed (atoi (argv[4]));

  store = icw_store_open (argv[1], &error);
  if (store == NULL)
    die ("open", error);

  for (guint i = 0; i < n_orgs; i++)
    {
      IcwOrganization *org = make_organization (rand, i + 1);

      save (store, org, &pending);
      if (n_centers > 0)
        g_ptr_array_add (orgs, org);
      else
        g_object_unref (org);
    }
  flush (store, &pending);
  make_centers (store, rand, orgs, n_centers, &pending);
  flush (store, &pending);

  printf ("generated %u organizations and %u centers in %.1f s\n", n_orgs, n_centers,
          (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
