/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-pickers.c: the organization chooser as it asks the store while the user types (issue 20:
 * it no longer walks the whole register): it opens with the first screenful of the register and
 * says more match, finds by typing (three characters or more through the trigram index, fewer
 * through the names) a record that is not in that first screenful, and the organization chosen in
 * it is saved by the center's alliance members group. Real SQLite, the sample center and 250 more
 * organizations. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "icw-alliance-member.h"
#include "icw-center-links-group.h"
#include "icw-organization-picker.h"
#include "icw-organization.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

#define FILLERS 250
#define NEEDLE "Zz Picker Needle 甲乙丙 Ltd."

typedef struct {
  IcwTestSample sample;
  char *needle_id;
  GtkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwOrganization) needle = icw_test_new_organization (NEEDLE, NULL);

  icw_test_sample_set_up (&fixture->sample, data);
  g_assert_true (icw_store_begin_batch (fixture->sample.store, &error));
  for (guint i = 0; i < FILLERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Picker Filler %03u Co., Ltd.", i);
      g_autoptr(IcwOrganization) org = icw_test_new_organization (name, NULL);

      icw_test_save (fixture->sample.store, org);
    }
  /* Its name sorts after every other: never in the first screenful. */
  icw_test_save (fixture->sample.store, needle);
  g_assert_true (icw_store_commit_batch (fixture->sample.store, &error));
  fixture->needle_id = g_strdup (icw_record_get_id (ICW_RECORD (needle)));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->needle_id, g_free);
  icw_test_sample_tear_down (&fixture->sample, data);
}

static void
iterate (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The result buttons of the picker, in their order. */
static GPtrArray *
results (GtkWidget *picker)
{
  GtkWidget *list = icw_test_first_of_type (picker, GTK_TYPE_LIST_BOX);
  GPtrArray *buttons = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && GTK_IS_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))))
      g_ptr_array_add (buttons, gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  return buttons;
}

static GtkWidget *
button_named (GtkWidget  *picker,
              const char *label)
{
  g_autoptr(GPtrArray) buttons = results (picker);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  return NULL;
}

/* Types into the picker's search entry as the user would, the search firing at once. */
static void
type_query (GtkWidget  *picker,
            const char *text)
{
  GtkWidget *entry = icw_test_first_of_type (picker, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  iterate ();
}

static void
on_chosen (IcwOrganizationPicker  *picker,
           IcwOrganization        *org,
           char                  **chosen_id)
{
  g_free (*chosen_id);
  *chosen_id = g_strdup (icw_record_get_id (ICW_RECORD (org)));
}

static GtkWidget *
open_picker (Fixture *fixture)
{
  IcwOrganizationPicker *picker = icw_organization_picker_new (GTK_WIDGET (fixture->window),
                                                               fixture->sample.store, "Pick");

  gtk_window_present (GTK_WINDOW (picker));
  iterate ();
  return GTK_WIDGET (picker);
}

/* The "more match" label, visible or not. */
static gboolean
more_shown (GtkWidget *picker)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, picker);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "More organizations match") != NULL)
        return gtk_widget_get_visible (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return FALSE;
}

/* Whether "Add “name” to the Register" is offered. */
static gboolean
add_offered (GtkWidget  *picker,
             const char *name)
{
  g_autofree char *label = g_strdup_printf ("Add “%s” to the Register", name);
  GtkWidget *button = icw_test_find_button (picker, label);

  return button != NULL && gtk_widget_get_visible (button);
}

/* It opens with the first screenful, not the register; a record after it is found by typing, by
 * a trigram query and by a short one, and choosing it gives that organization. */
static void
test_first_screenful_and_typing (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *picker;
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *chosen_id = NULL;
  GtkWidget *needle;

  gtk_window_present (fixture->window);
  picker = open_picker (fixture);
  shown = results (picker);
  g_assert_cmpuint (shown->len, ==, 100);
  g_assert_true (more_shown (picker));
  g_assert_null (button_named (picker, NEEDLE));

  /* Three characters or more: the trigram index. */
  type_query (picker, "Needle");
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = results (picker);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_nonnull (button_named (picker, NEEDLE));
  g_assert_false (more_shown (picker));

  /* Two characters: the names, in name order (the fillers do not match). */
  type_query (picker, "乙丙");
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = results (picker);
  g_assert_cmpuint (shown->len, ==, 1);

  /* A query many match: the first screenful of them, in name order, and "more". */
  type_query (picker, "Filler");
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = results (picker);
  g_assert_cmpuint (shown->len, ==, 100);
  g_assert_cmpstr (gtk_button_get_label (shown->pdata[0]), ==, "Picker Filler 000 Co., Ltd.");
  g_assert_cmpstr (gtk_button_get_label (shown->pdata[99]), ==, "Picker Filler 099 Co., Ltd.");
  g_assert_true (more_shown (picker));

  /* Offered to add only when no organization has the very name typed. */
  type_query (picker, NEEDLE);
  g_assert_false (add_offered (picker, NEEDLE));
  type_query (picker, "Zz Picker Needle");
  g_assert_true (add_offered (picker, "Zz Picker Needle"));

  type_query (picker, "needle 甲乙");
  needle = button_named (picker, NEEDLE);
  g_assert_nonnull (needle);
  g_signal_connect (picker, "chosen", G_CALLBACK (on_chosen), &chosen_id);
  g_signal_emit_by_name (needle, "clicked");
  iterate ();
  g_assert_cmpstr (chosen_id, ==, fixture->needle_id);
}

static GtkWidget *
open_picker_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ICW_IS_ORGANIZATION_PICKER (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* The alliance members group's Add Member: the organization found by typing and chosen is saved
 * as a member of the center, and the picker closes. */
static void
test_chosen_is_saved (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *group = icw_center_links_group_new_members (fixture->sample.store);
  GtkWidget *add, *picker, *needle;
  g_autoptr(IcwStore) other = NULL;
  g_autoptr(GListModel) members = NULL;
  gboolean saved = FALSE;

  icw_center_links_group_set_center (ICW_CENTER_LINKS_GROUP (group), fixture->sample.center);
  gtk_window_set_child (fixture->window, group);
  gtk_window_present (fixture->window);
  iterate ();

  add = icw_test_find_button (group, "_Add Member");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  picker = open_picker_window ();
  g_assert_nonnull (picker);
  g_assert_null (button_named (picker, NEEDLE));
  type_query (picker, "Picker Needle");
  needle = button_named (picker, NEEDLE);
  g_assert_nonnull (needle);
  g_signal_emit_by_name (needle, "clicked");
  iterate ();
  g_assert_null (open_picker_window ());

  /* Saved: read back through a connection of its own. */
  other = icw_test_open_store (fixture->sample.path);
  members = icw_store_list (other, ICW_RECORD_KIND_ALLIANCE_MEMBER, icw_record_get_id (ICW_RECORD (fixture->sample.center)));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IcwAllianceMember) member = g_list_model_get_item (members, i);

      saved = saved || g_strcmp0 (icw_alliance_member_get_organization_id (member), fixture->needle_id) == 0;
    }
  g_assert_true (saved);
}

/* The first tooltip of a button under widget that starts with prefix, or NULL. */
static const char *
tooltip_starting (GtkWidget  *widget,
                  const char *prefix)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_BUTTON (widget) && tooltip != NULL && g_str_has_prefix (tooltip, prefix))
    return tooltip;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = tooltip_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A row's remove button says what it removes: one organization is often both a shareholder and a
 * member, and "Remove <organization>" twice on one page did not say which link goes (nor that the
 * organization stays in the register). */
static void
test_remove_names_the_link (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *groups[] = { icw_center_links_group_new_shareholders (fixture->sample.store, ICW_MONEY_UNIT_WAN),
                          icw_center_links_group_new_members (fixture->sample.store) };
  const char *expected[] = { "Remove shareholder ", "Remove member " };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      icw_center_links_group_set_center (ICW_CENTER_LINKS_GROUP (groups[i]), fixture->sample.center);
      gtk_window_set_child (fixture->window, groups[i]);
      gtk_window_present (fixture->window);
      iterate ();
      g_assert_nonnull (tooltip_starting (groups[i], "Remove "));
      g_assert_nonnull (tooltip_starting (groups[i], expected[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);
  g_test_add ("/ui-pickers/organization/first-screenful-and-typing", Fixture, NULL, fixture_set_up,
              test_first_screenful_and_typing, fixture_tear_down);
  g_test_add ("/ui-pickers/organization/chosen-is-saved", Fixture, NULL, fixture_set_up,
              test_chosen_is_saved, fixture_tear_down);
  g_test_add ("/ui-pickers/links/remove-names-the-link", Fixture, NULL, fixture_set_up,
              test_remove_names_the_link, fixture_tear_down);
  return g_test_run ();
}
