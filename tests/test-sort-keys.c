/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sort-keys.c: the registers' stored order per locale (migration 24, icw-store-list.c). Two
 * programs on one database in different locales (LC_COLLATE) each list in their own locale's
 * order, through their own keys, and neither makes the other's again; a rename clears a record's
 * keys in every locale, a new record gets its key in the locale that lists it; the first
 * screenful is the first 64 of the whole order in each locale; a database whose write lock another
 * program holds still lists in order (sorted in memory); a locale unused for 30 days gives up its
 * slot, and a fifth locale takes the slot of the one that listed least recently. Real SQLite, a
 * file in a temporary folder; the locales switch in one process (setlocale) between stores. Key
 * writes are counted by triggers of the test's own on the key columns. */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "icw-organization.h"
#include "icw-store-list.h"
#include "icw-test-util.h"

#define N_NAMES 150

static const char *const key_columns[] = { "sort_key", "sort_key_1", "sort_key_2", "sort_key_3" };

typedef struct {
  char *dir;
  char *path;
  GPtrArray *names;             /* the live organizations' names */
  sqlite3 *raw;                 /* the test's own connection */
} Fixture;

static void
use_collation (const char *locale)
{
  if (setlocale (LC_COLLATE, locale) == NULL)
    g_error ("the locale %s is missing (.ci/install-deps generates it)", locale);
}

/* Names whose order differs between the locales: Chinese by pinyin in zh_CN, by code point in
 * C.UTF-8, with Latin names in both cases among them. */
static char *
make_name (guint i)
{
  static const char *const syllables[] = { "阿", "中", "北", "上", "海", "安", "重", "成", "天", "西",
                                           "南", "广", "深", "杭", "苏", "武", "长", "郑", "济", "青" };

  if (i % 5 == 3)
    return g_strdup_printf ("%s %u", i % 10 == 3 ? "alpha" : "Beta", i);
  return g_strdup_printf ("%s%s装备%u", syllables[i % 20], syllables[(i * 7) % 20], i);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  IcwStore *store;

  f->dir = icw_test_make_tmp_dir ("icw-sort-keys-XXXXXX", &f->path);
  f->names = g_ptr_array_new_with_free_func (g_free);
  use_collation ("C.UTF-8");
  store = icw_test_open_store (f->path);
  for (guint i = 0; i < N_NAMES; i++)
    {
      char *name = make_name (i);

      g_object_unref (icw_test_save_organization (store, name, NULL));
      g_ptr_array_add (f->names, name);
    }
  g_object_unref (store);

  /* Every write of a key, per column: a change of its value (made, cleared or made again). */
  f->raw = icw_test_db_open (f->path, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (sqlite3_exec (f->raw, "CREATE TABLE key_writes (col TEXT NOT NULL)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (key_columns); i++)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TRIGGER count_%1$s AFTER UPDATE OF %1$s ON organizations "
                                              "WHEN old.%1$s IS NOT new.%1$s BEGIN "
                                              "INSERT INTO key_writes (col) VALUES ('%1$s'); END",
                                              key_columns[i]);

      g_assert_cmpint (sqlite3_exec (f->raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3_close (f->raw);
  g_ptr_array_unref (f->names);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
  use_collation ("C.UTF-8");
}

/* The order the list must have in the current locale: GtkStringSorter's (the collation of the
 * case-folded names), then the names' bytes. */
typedef struct {
  char *key;
  const char *name;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : strcmp (x->name, y->name);
}

static char *
expected_order (Fixture *f,
                guint    limit)
{
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < f->names->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (f->names->pdata[i], -1);
      Keyed k = { g_utf8_collate_key (folded, -1), f->names->pdata[i] };

      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      if (i < limit)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", k->name);
      g_free (k->key);
    }
  return g_string_free (out, FALSE);
}

static char *
list_names (GListModel *list)
{
  IcwStoreList *store_list = ICW_STORE_LIST (list);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", icw_store_list_get_name (store_list, i));
  return g_string_free (out, FALSE);
}

/* A program in the current locale opens the database and lists the organizations as a register
 * page does: the first screenful, then the whole list. partial: whether the head must have come
 * through the stored keys (FALSE: sorted in memory, the whole list at once). */
static void
assert_lists_in_order (Fixture  *f,
                       gboolean  partial)
{
  IcwStore *store = icw_test_open_store (f->path);
  g_autoptr(GListModel) head = icw_store_list_head (store, ICW_RECORD_KIND_ORGANIZATION, 64);
  g_autoptr(GListModel) list = NULL;
  g_autofree char *expected_head = expected_order (f, 64);
  g_autofree char *expected = expected_order (f, G_MAXUINT);
  g_autofree char *shown = NULL;

  g_assert_cmpint (icw_store_list_is_partial (ICW_STORE_LIST (head)), ==, partial);
  shown = list_names (head);
  g_assert_cmpstr (shown, ==, partial ? expected_head : expected);
  g_clear_pointer (&shown, g_free);
  list = icw_store_list (store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_false (icw_store_list_is_partial (ICW_STORE_LIST (list)));
  shown = list_names (list);
  g_assert_cmpstr (shown, ==, expected);
  g_clear_object (&list);
  g_clear_object (&head);
  g_object_unref (store);
}

static gint64
writes (Fixture    *f,
        const char *locale)
{
  gint64 slot = icw_test_db_int (f->raw, "SELECT coalesce((SELECT slot FROM sort_key_slots WHERE locale = ?1), -1)",
                                 locale);

  g_assert_cmpint (slot, >=, 0);
  g_assert_cmpint (slot, <, G_N_ELEMENTS (key_columns));
  return icw_test_db_int (f->raw, "SELECT count(*) FROM key_writes WHERE col = ?1", key_columns[slot]);
}

static char *
slots (Fixture *f)
{
  return icw_test_db_text (f->raw, "SELECT group_concat(locale, '|') FROM "
                                   "(SELECT locale FROM sort_key_slots ORDER BY slot)", NULL);
}

/* The first name of an order that does not begin with an ASCII character. */
static const char *
first_chinese (const char *order)
{
  const char *p = order;

  while (p != NULL && (guchar) *p < 0x80)
    {
      p = strchr (p, '|');
      if (p != NULL)
        p++;
    }
  g_assert_nonnull (p);
  return p;
}

/* The two locales, C.UTF-8 then zh_CN.UTF-8, have listed once each. */
static void
list_in_both (Fixture *f)
{
  g_autofree char *in_c = NULL;
  g_autofree char *in_zh = NULL;
  g_autofree char *taken = NULL;

  use_collation ("C.UTF-8");
  in_c = expected_order (f, G_MAXUINT);
  assert_lists_in_order (f, TRUE);
  use_collation ("zh_CN.UTF-8");
  in_zh = expected_order (f, G_MAXUINT);
  assert_lists_in_order (f, TRUE);
  /* The test means something only if the orders differ: of the Chinese names, 阿 (a) first in
   * pinyin, 中 (U+4E2D) by code point. */
  g_assert_cmpstr (in_c, !=, in_zh);
  g_assert_true (g_str_has_prefix (first_chinese (in_zh), "阿"));
  g_assert_true (g_str_has_prefix (first_chinese (in_c), "中"));
  taken = slots (f);
  g_assert_cmpstr (taken, ==, "C.UTF-8|zh_CN.UTF-8");
}

static void
test_two_locales (Fixture       *f,
                  gconstpointer  data)
{
  list_in_both (f);
  g_assert_cmpint (writes (f, "C.UTF-8"), ==, N_NAMES);
  g_assert_cmpint (writes (f, "zh_CN.UTF-8"), ==, N_NAMES);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM key_writes", NULL), ==, 2 * N_NAMES);

  /* Each again, alternately, in programs of their own: no key is written, by either. */
  for (guint round = 0; round < 2; round++)
    {
      use_collation ("C.UTF-8");
      assert_lists_in_order (f, TRUE);
      use_collation ("zh_CN.UTF-8");
      assert_lists_in_order (f, TRUE);
    }
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM key_writes", NULL), ==, 2 * N_NAMES);
  /* Each locale's order has an index of its own, which the ordered read uses. */
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                             "AND name IN ('organizations_sort', 'organizations_sort_1')", NULL), ==, 2);
}

static void
test_rename_and_new (Fixture       *f,
                     gconstpointer  data)
{
  IcwStore *store;
  g_autoptr(IcwRecord) renamed = NULL;
  g_autoptr(GError) error = NULL;
  const char *old_name = f->names->pdata[7];
  const char *all_null = "SELECT count(*) FROM organizations WHERE name = ?1 AND sort_key IS NULL "
                         "AND sort_key_1 IS NULL AND sort_key_2 IS NULL AND sort_key_3 IS NULL";

  list_in_both (f);

  /* A rename (in zh_CN) clears the record's keys in both locales. */
  store = icw_test_open_store (f->path);
  renamed = icw_store_find_by_name (store, ICW_RECORD_KIND_ORGANIZATION, old_name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (renamed);
  g_assert_cmpint (icw_test_db_int (f->raw, all_null, old_name), ==, 0);
  icw_organization_set_name (ICW_ORGANIZATION (renamed), "安徽 renamed");
  g_assert_true (icw_store_save (store, renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (icw_test_db_int (f->raw, all_null, "安徽 renamed"), ==, 1);
  g_ptr_array_remove_index (f->names, 7);
  g_ptr_array_add (f->names, g_strdup ("安徽 renamed"));

  /* A new record has no key until a locale lists it; then it has that locale's. */
  g_object_unref (icw_test_save_organization (store, "aardvark 新", NULL));
  g_ptr_array_add (f->names, g_strdup ("aardvark 新"));
  g_object_unref (store);
  g_assert_cmpint (icw_test_db_int (f->raw, all_null, "aardvark 新"), ==, 1);

  use_collation ("C.UTF-8");
  assert_lists_in_order (f, TRUE);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations WHERE name = ?1 AND sort_key IS NOT NULL "
                                            "AND sort_key_1 IS NULL", "aardvark 新"), ==, 1);
  use_collation ("zh_CN.UTF-8");
  assert_lists_in_order (f, TRUE);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM organizations WHERE deleted_at IS NULL "
                                            "AND (sort_key IS NULL OR sort_key_1 IS NULL)", NULL), ==, 0);
  /* Per locale: its first keys, the renamed record's cleared and made again, the new one's. */
  g_assert_cmpint (writes (f, "C.UTF-8"), ==, N_NAMES + 3);
  g_assert_cmpint (writes (f, "zh_CN.UTF-8"), ==, N_NAMES + 3);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  IcwStore *store;
  g_autofree char *taken = NULL;

  list_in_both (f);
  store = icw_test_open_store (f->path);
  g_object_unref (icw_test_save_organization (store, "中关村 locked", NULL));
  g_ptr_array_add (f->names, g_strdup ("中关村 locked"));
  g_object_unref (store);

  /* Another program holds the write lock: zh_CN cannot make the new record's key, en_US cannot
   * make any; both still list in their order, sorted in memory (the whole list at once). */
  g_assert_cmpint (sqlite3_exec (f->raw, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  use_collation ("zh_CN.UTF-8");
  assert_lists_in_order (f, FALSE);
  use_collation ("en_US.UTF-8");
  assert_lists_in_order (f, FALSE);
  g_assert_cmpint (sqlite3_exec (f->raw, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  taken = slots (f);
  g_assert_cmpstr (taken, ==, "C.UTF-8|zh_CN.UTF-8");
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM key_writes", NULL), ==, 2 * N_NAMES);

  /* Free again: through the keys. */
  assert_lists_in_order (f, TRUE);
  use_collation ("zh_CN.UTF-8");
  assert_lists_in_order (f, TRUE);
  g_assert_cmpint (writes (f, "zh_CN.UTF-8"), ==, N_NAMES + 1);
}

static void
test_slots (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *taken = NULL;

  list_in_both (f);

  /* C.UTF-8 has not listed for 40 days: en_US takes its slot (cleared, its index made again). */
  g_assert_cmpint (sqlite3_exec (f->raw, "UPDATE sort_key_slots SET used_on = date('now', '-40 days') "
                                         "WHERE locale = 'C.UTF-8'", NULL, NULL, NULL), ==, SQLITE_OK);
  use_collation ("en_US.UTF-8");
  assert_lists_in_order (f, TRUE);
  taken = slots (f);
  g_assert_cmpstr (taken, ==, "en_US.UTF-8|zh_CN.UTF-8");
  g_clear_pointer (&taken, g_free);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM sqlite_master WHERE name = 'organizations_sort'",
                                    NULL), ==, 1);

  /* Four locales fill the slots; a fifth takes the slot of the one that listed least recently. */
  use_collation ("C.UTF-8");
  assert_lists_in_order (f, TRUE);
  use_collation ("de_DE.UTF-8");
  assert_lists_in_order (f, TRUE);
  taken = slots (f);
  g_assert_cmpstr (taken, ==, "en_US.UTF-8|zh_CN.UTF-8|C.UTF-8|de_DE.UTF-8");
  g_clear_pointer (&taken, g_free);
  g_assert_cmpint (sqlite3_exec (f->raw, "UPDATE sort_key_slots SET used_on = date('now', '-2 days') "
                                         "WHERE locale = 'zh_CN.UTF-8'", NULL, NULL, NULL), ==, SQLITE_OK);
  use_collation ("C");
  assert_lists_in_order (f, TRUE);
  taken = slots (f);
  g_assert_cmpstr (taken, ==, "en_US.UTF-8|C|C.UTF-8|de_DE.UTF-8");
  /* The others' keys were left alone: each lists through its own without writing. */
  g_assert_cmpint (sqlite3_exec (f->raw, "DELETE FROM key_writes", NULL, NULL, NULL), ==, SQLITE_OK);
  use_collation ("en_US.UTF-8");
  assert_lists_in_order (f, TRUE);
  use_collation ("de_DE.UTF-8");
  assert_lists_in_order (f, TRUE);
  g_assert_cmpint (icw_test_db_int (f->raw, "SELECT count(*) FROM key_writes", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sort-keys/two-locales", test_two_locales);
  ADD ("/sort-keys/rename-and-new", test_rename_and_new);
  ADD ("/sort-keys/locked", test_locked);
  ADD ("/sort-keys/slots", test_slots);

#undef ADD

  return g_test_run ();
}
