/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-list.c: the compact live lists of the registers (IcwStoreList: IDs and names, record
 * objects made on demand) and the filtered view the register page shows (IcwStoreListFilter),
 * under GTK's GtkSingleSelection as the page uses them: order, objects, live changes, and a
 * selection kept across a search without a search of the rows; the register page's first
 * screenful until its first frame. */
#include "config.h"

#include <adwaita.h>

#include "icw-organization.h"
#include "icw-register-page.h"
#include "icw-store-list-filter.h"
#include "icw-store-list.h"
#include "icw-test-util.h"

typedef struct {
  char *dir;
  char *path;
  IcwStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = icw_test_make_tmp_dir ("icw-store-list-XXXXXX", &f->path);
  f->store = icw_test_open_store (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

typedef struct {
  guint calls;
  guint position, removed, added;   /* of the last call */
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

/* The names in the model's order, joined by "|". */
static char *
names (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IcwOrganization) org = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", icw_organization_get_name (org));
    }
  return g_string_free (out, FALSE);
}

static void
save_names (IcwStore    *store,
            const char **list)
{
  for (guint i = 0; list[i] != NULL; i++)
    g_object_unref (icw_test_save_organization (store, list[i], NULL));
}

static void
test_order_and_objects (Fixture       *f,
                        gconstpointer  data)
{
  const char *list_names[] = { "cherry", "Banana", "apple", NULL };
  g_autoptr(IcwOrganization) banana = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *order = NULL;
  gpointer weak;

  save_names (f->store, list_names);
  list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_assert_true (ICW_IS_STORE_LIST (list));
  g_assert_true (g_list_model_get_item_type (list) == ICW_TYPE_ORGANIZATION);

  /* Sorted as GtkStringSorter sorts: case folded, not by bytes ("B" < "a"). */
  order = names (list);
  g_assert_cmpstr (order, ==, "apple|Banana|cherry");
  g_assert_cmpstr (icw_store_list_get_name (ICW_STORE_LIST (list), 1), ==, "Banana");
  g_assert_null (g_list_model_get_item (list, 3));

  /* The item is the store's one object of the record, made when asked for and not kept. */
  banana = g_list_model_get_item (list, 1);
  g_assert_cmpstr (icw_record_get_id (ICW_RECORD (banana)), ==, icw_store_list_get_id (ICW_STORE_LIST (list), 1));
  {
    g_autoptr(IcwRecord) same = g_list_model_get_item (list, 1);
    g_autoptr(IcwRecord) looked_up = icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION,
                                                       icw_record_get_id (ICW_RECORD (banana)), NULL);

    g_assert_true (same == ICW_RECORD (banana));
    g_assert_true (looked_up == ICW_RECORD (banana));
  }
  weak = banana;
  g_object_add_weak_pointer (G_OBJECT (banana), &weak);
  g_clear_object (&banana);
  g_assert_null (weak);
}

static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  const char *list_names[] = { "apple", "Banana", "cherry", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(IcwOrganization) avocado = NULL;
  g_autoptr(IcwOrganization) banana = NULL;
  g_autoptr(IcwOrganization) cherry = NULL;
  g_autoptr(IcwOrganization) date = NULL;
  g_autofree char *order = NULL;
  Changes changes = { 0 };

  save_names (f->store, list_names);
  list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* A new record goes to its place. */
  avocado = icw_test_save_organization (f->store, "Avocado", NULL);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);

  /* Deleted, it leaves; restored, it comes back to its place. */
  banana = g_list_model_get_item (list, 2);
  g_assert_cmpstr (icw_organization_get_name (banana), ==, "Banana");
  g_assert_true (icw_store_delete (f->store, ICW_RECORD (banana), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (icw_store_restore (f->store, ICW_RECORD (banana), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 3);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.added, ==, 1);

  /* A rename keeps its place (as the sorted views of the other lists do) but the name the list
   * holds, which the short searches read, follows. */
  cherry = g_list_model_get_item (list, 3);
  icw_organization_set_name (cherry, "aardvark");
  icw_test_save (f->store, cherry);
  g_assert_cmpuint (changes.calls, ==, 3);
  g_assert_cmpstr (icw_store_list_get_name (ICW_STORE_LIST (list), 3), ==, "aardvark");
  {
    g_autoptr(GHashTable) found = icw_store_search (f->store, ICW_RECORD_KIND_ORGANIZATION, "aa", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (found), ==, 1);
    g_assert_true (g_hash_table_contains (found, icw_record_get_id (ICW_RECORD (cherry))));
  }

  /* A batch reloads the list: the rename takes its place, the new record too. */
  g_assert_true (icw_store_begin_batch (f->store, &error));
  date = icw_test_save_organization (f->store, "date", NULL);
  g_assert_true (icw_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  order = names (list);
  g_assert_cmpstr (order, ==, "aardvark|apple|Avocado|Banana|date");
  g_assert_cmpuint (changes.calls, ==, 4);
  g_assert_cmpuint (changes.position, ==, 0);

  /* A reload that changes nothing says nothing; one new record at the end is one added row. */
  g_assert_true (icw_store_begin_batch (f->store, &error));
  g_assert_true (icw_store_commit_batch (f->store, &error));
  g_assert_cmpuint (changes.calls, ==, 4);
  g_assert_true (icw_store_begin_batch (f->store, &error));
  g_object_unref (icw_test_save_organization (f->store, "elderberry", NULL));
  g_assert_true (icw_store_commit_batch (f->store, &error));
  g_assert_cmpuint (changes.calls, ==, 5);
  g_assert_cmpuint (changes.position, ==, 5);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
}

/* Connected before the selection sees the change: the selected row is never among the rows
 * replaced, so GtkSingleSelection need not look for it among the added ones. */
static void
check_selected_not_replaced (GListModel         *model,
                             guint               position,
                             guint               removed,
                             guint               added,
                             GtkSingleSelection **selection_ptr)
{
  GtkSingleSelection *selection = *selection_ptr;
  guint selected = gtk_single_selection_get_selected (selection);

  if (g_object_get_data (G_OBJECT (selection), "may-lose") == NULL)
    g_assert_false (selected >= position && selected < position + removed);
}

static GHashTable *
id_set (GListModel *list,
        const char *wanted)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) want = g_strsplit (wanted, "|", -1);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    if (g_strv_contains ((const char * const *) want, icw_store_list_get_name (ICW_STORE_LIST (list), i)))
      g_hash_table_add (ids, g_strdup (icw_store_list_get_id (ICW_STORE_LIST (list), i)));
  return ids;
}

static void
test_filter_keeps_selection (Fixture       *f,
                             gconstpointer  data)
{
  const char *list_names[] = { "a", "b", "c", "d", "e", NULL };
  g_autoptr(GListModel) list = NULL;
  g_autoptr(IcwStoreListFilter) filter = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(GHashTable) ace = NULL;
  g_autoptr(GHashTable) ab = NULL;
  g_autoptr(IcwRecord) c = NULL;
  g_autofree char *order = NULL;
  Changes changes = { 0 };
  guint position;

  save_names (f->store, list_names);
  list = icw_store_list (f->store, ICW_RECORD_KIND_ORGANIZATION, NULL);
  filter = icw_store_list_filter_new (ICW_STORE_LIST (list));
  g_signal_connect (filter, "items-changed", G_CALLBACK (check_selected_not_replaced), &selection);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (filter)));
  gtk_single_selection_set_autoselect (selection, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 5);
  gtk_single_selection_set_selected (selection, 2);
  c = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpstr (icw_organization_get_name (ICW_ORGANIZATION (c)), ==, "c");
  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* A search that still shows the selected record keeps it selected: the change is announced
   * around it (b before it, d after it), never as a row GtkSingleSelection must search. */
  ace = id_set (list, "a|c|e");
  icw_store_list_filter_set_ids (filter, ace, c);
  order = names (G_LIST_MODEL (filter));
  g_assert_cmpstr (order, ==, "a|c|e");
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 2);   /* the second: "d" removed after "c" */
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == c);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_true (icw_store_list_filter_find (filter, icw_record_get_id (c), &position));
  g_assert_cmpuint (position, ==, 1);

  /* The list's changes come through the filter: a new match appears, a non-match does not. */
  g_object_unref (icw_test_save_organization (f->store, "cc", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);
  g_hash_table_add (ace, g_strdup (icw_store_list_get_id (ICW_STORE_LIST (list), 3)));
  icw_store_list_filter_set_ids (filter, ace, c);
  g_clear_pointer (&order, g_free);
  order = names (G_LIST_MODEL (filter));
  g_assert_cmpstr (order, ==, "a|c|cc|e");
  g_object_unref (icw_test_save_organization (f->store, "0", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 4);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == c);

  /* Clearing the search shows all again, still with the same selection. */
  icw_store_list_filter_set_ids (filter, NULL, c);
  g_clear_pointer (&order, g_free);
  order = names (G_LIST_MODEL (filter));
  g_assert_cmpstr (order, ==, "0|a|b|c|cc|d|e");
  g_assert_true (gtk_single_selection_get_selected_item (selection) == c);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);

  /* A search that hides it selects another (autoselect), as the page did before. */
  g_object_set_data (G_OBJECT (selection), "may-lose", GINT_TO_POINTER (1));
  ab = id_set (list, "a|b");
  icw_store_list_filter_set_ids (filter, ab, c);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 2);
  g_assert_false (gtk_single_selection_get_selected_item (selection) == c);
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  g_assert_false (icw_store_list_filter_find (filter, icw_record_get_id (c), NULL));
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
rows_of (GtkWidget *page)
{
  GtkListView *view = find_list_view (page);

  g_assert_nonnull (view);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
}

/* Until its first frame a register page gives its list view only the first screenful (GTK 4.8
 * would otherwise make and measure a row for each of up to 200 records); after it, or as soon as
 * a record is selected or searched for, all of them. */
static void
test_page_first_screenful (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) last = NULL;
  GtkWidget *window, *page;
  gint64 deadline;

  g_assert_true (icw_store_begin_batch (f->store, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("org %03u", i);
      IcwOrganization *org = icw_test_save_organization (f->store, name, NULL);

      if (i == 140)
        last = ICW_RECORD (g_object_ref (org));
      g_object_unref (org);
    }
  g_assert_true (icw_store_commit_batch (f->store, &error));

  window = gtk_window_new ();
  page = icw_register_page_new_organizations (f->store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_assert_cmpuint (rows_of (page), >, 0);
  g_assert_cmpuint (rows_of (page), <, 150);
  g_assert_nonnull (icw_register_page_get_selected (ICW_REGISTER_PAGE (page)));
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (rows_of (page) < 150 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (rows_of (page), ==, 150);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Selecting a record beyond the first screenful before the first frame shows all at once. */
  window = gtk_window_new ();
  page = icw_register_page_new_organizations (f->store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_assert_cmpuint (rows_of (page), <, 150);
  icw_register_page_select (ICW_REGISTER_PAGE (page), last);
  g_assert_cmpuint (rows_of (page), ==, 150);
  g_assert_true (icw_register_page_get_selected (ICW_REGISTER_PAGE (page)) == last);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-list/order-and-objects", test_order_and_objects);
  ADD ("/store-list/live", test_live);
  ADD ("/store-list/filter-keeps-selection", test_filter_keeps_selection);
  ADD ("/store-list/page-first-screenful", test_page_first_screenful);

#undef ADD

  return g_test_run ();
}
