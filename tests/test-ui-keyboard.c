/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-keyboard.c: the keyboard on the real window (icw-window.c) with the sample center. Tab
 * from the sidebar enters the page and leaves the sidebar's selection alone; every field of the
 * sample center's editor is one Tab stop (a row is never a stop before its own entry: the count of
 * stops is printed); Escape and Ctrl+W close every dialog and secondary window, through the
 * shortcuts the windows really have; no button with text in them is named twice. Tab and the close keys are given as the key events GTK's
 * bindings and controllers receive cannot be made by a test: the test finds the controller or
 * shortcut bound to the key and runs it, so a missing or wrong binding fails. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "icw-account-dialog.h"
#include "icw-adaptive-bin.h"
#include "icw-agreement-guide-dialog.h"
#include "icw-center-editor.h"
#include "icw-compare-dialog.h"
#include "icw-conflicts-view.h"
#include "icw-document-editor.h"
#include "icw-document-preview.h"
#include "icw-ip-agreement.h"
#include "icw-member-picker.h"
#include "icw-organization-editor.h"
#include "icw-organization-picker.h"
#include "icw-sample.h"
#include "icw-sync-controller.h"
#include "icw-test-ui.h"
#include "icw-workbench-app.h"
#include "icw-test-util.h"

typedef IcwTestWindow Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static IcwStore *
store_of (Fixture *fixture)
{
  return icw_workbench_app_get_store (fixture->app);
}

/* The first record of KIND in the sample center; of applications, its draft upgrade (the other is
 * the accepted 验收认定, read-only). */
static gpointer
first_record (Fixture       *fixture,
              IcwRecordKind  kind)
{
  g_autoptr(GListModel) records = icw_store_list (store_of (fixture), kind, icw_record_get_id (ICW_RECORD (fixture->center)));

  if (kind == ICW_RECORD_KIND_APPLICATION)
    return icw_test_sample_application (store_of (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (records), >, 0);
  return g_list_model_get_item (records, 0);
}

/* The sample center's host company (organizations belong to no center). */
static IcwRecord *
first_organization (Fixture *fixture)
{
  IcwRecord *org = icw_store_lookup (store_of (fixture), ICW_RECORD_KIND_ORGANIZATION,
                                     icw_center_get_host_organization_id (fixture->center), NULL);

  g_assert_nonnull (org);
  return org;
}

/* The first widget of TYPE under ROOT that is on screen. */
/* What Tab does in WIDGET: its key controllers' answer to Tab, as GTK delivers a key press. */
static gboolean
press_key_in (GtkWidget      *widget,
              guint           keyval,
              GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* Tab from the sidebar enters the page shown (its first control) without changing the page, and
 * Shift+Tab goes back to the header bar. */
static void
test_sidebar_tab (Fixture *fixture)
{
  GtkListBox *sidebar = GTK_LIST_BOX (icw_test_first_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX));
  GtkListBoxRow *selected;
  /* The pages: the visible stack beside the sidebar's scrolled window (in the window's leaflet). */
  GtkWidget *pages = NULL;
  GtkWidget *header = icw_test_first_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR);

  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_ancestor (GTK_WIDGET (sidebar), GTK_TYPE_SCROLLED_WINDOW)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_STACK (w))
      pages = w;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "centers"));
  iterate ();
  g_assert_true (GTK_IS_STACK (pages));
  selected = gtk_list_box_get_selected_row (sidebar);
  g_assert_nonnull (selected);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (selected)), ==, "centers");
  gtk_widget_grab_focus (GTK_WIDGET (selected));
  g_assert_true (press_key_in (GTK_WIDGET (sidebar), GDK_KEY_Tab, 0));
  iterate ();
  g_assert_true (gtk_widget_is_ancestor (focus_of (fixture), pages));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == selected);

  gtk_widget_grab_focus (GTK_WIDGET (selected));
  g_assert_true (press_key_in (GTK_WIDGET (sidebar), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  iterate ();
  g_assert_true (gtk_widget_is_ancestor (focus_of (fixture), header));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == selected);

  /* Other keys are the list's: Down still moves along the sidebar. */
  g_assert_false (press_key_in (GTK_WIDGET (sidebar), GDK_KEY_Down, 0));
}

/* A row that took the focus before FOCUS, a control inside it: a stop that does nothing when the
 * row is not activatable, and the same control twice when FOCUS is the row's activatable widget
 * (an expander's header is a stop of its own: it opens the row). */
static gboolean
row_is_a_wasted_stop (GtkWidget *row,
                      GtkWidget *focus)
{
  GtkWidget *activatable;

  if (!ADW_IS_ACTION_ROW (row))
    return FALSE;
  if (!gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    return TRUE;
  activatable = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  return activatable != NULL && (focus == activatable || gtk_widget_is_ancestor (focus, activatable));
}

/* Tab as GTK delivers it to the focus: the key controllers of its ancestors that listen in the
 * capture phase first (outermost first), then the window's move-focus, which Tab is bound to. */
static void
press_tab (Fixture   *fixture,
           GtkWidget *focus)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (chain, 0, w);
  for (guint i = 0; i < chain->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (chain->pdata[i]);

      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, j);
          gboolean handled = FALSE;

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
              gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
          if (handled)
            return;
        }
    }
  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_FORWARD);
}

/* Focus into EDITOR, letting the section just selected be laid out first: a page shown by a
 * selection is mapped only after the frame clock has ticked, which can take more than one round
 * of the main loop on a loaded machine (a user's Tab comes later than that). */
static gboolean
focus_into (GtkWidget *editor)
{
  for (int tries = 0; tries < 200; tries++)
    {
      if (gtk_widget_child_focus (editor, GTK_DIR_TAB_FORWARD))
        return TRUE;
      g_usleep (10000);
      iterate ();
    }
  return FALSE;
}

/* The window's pages cross-fade: while they do, the page left is still on screen, and its editor
 * would be found instead of the one of the record just shown. */
static void
wait_for_transitions (GtkWidget *root)
{
  if (GTK_IS_STACK (root))
    for (int tries = 0; tries < 500 && gtk_stack_get_transition_running (GTK_STACK (root)); tries++)
      {
        g_usleep (10000);
        iterate ();
      }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    wait_for_transitions (child);
}

/* EDITOR crossed with Tab from its first control (the window's move-focus, which Tab is bound to):
 * the stops inside it are counted, and no row is a stop before a control inside it that it only
 * leads to (a row, then the row's own entry: two stops for one field). */
static guint
cross_with_tab (Fixture    *fixture,
                GtkWidget  *editor,
                const char *what)
{
  GtkWidget *previous = NULL;
  guint stops = 0;

  g_assert_true (focus_into (editor));
  for (guint moves = 0; moves < 3000; moves++)
    {
      GtkWidget *focus = focus_of (fixture);

      if (focus == NULL || !gtk_widget_is_ancestor (focus, editor))
        break;
      if (previous != NULL && gtk_widget_is_ancestor (focus, previous) && row_is_a_wasted_stop (previous, focus))
        g_error ("%s: two Tab stops for one control: a %s, then the %s inside it (%s)", what,
                 G_OBJECT_TYPE_NAME (previous), G_OBJECT_TYPE_NAME (focus),
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (previous)));
      previous = focus;
      stops++;
      press_tab (fixture, focus);
    }
  return stops;
}

typedef struct {
  IcwRecordKind kind;
  GType (*editor_type) (void);
} EditorCase;

/* Every editor with the sample's first record of its kind, each section of a document editor in
 * turn: the Tab stops are counted and printed, and none is a row before its own control. */
static void
test_tab_stops (Fixture *fixture)
{
  static const EditorCase editors[] = {
    { ICW_RECORD_KIND_CENTER, icw_center_editor_get_type },
    { ICW_RECORD_KIND_ORGANIZATION, icw_organization_editor_get_type },
    { ICW_RECORD_KIND_APPLICATION, icw_document_editor_get_type },
    { ICW_RECORD_KIND_IP_AGREEMENT, icw_document_editor_get_type },
    { ICW_RECORD_KIND_FUNDING_REQUEST, icw_document_editor_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      g_autoptr(IcwRecord) record = editors[i].kind == ICW_RECORD_KIND_ORGANIZATION ? first_organization (fixture)
                                    : editors[i].kind == ICW_RECORD_KIND_CENTER ? g_object_ref (ICW_RECORD (fixture->center))
                                    : first_record (fixture, editors[i].kind);
      const char *key = icw_record_kind_to_key (editors[i].kind);
      GtkWidget *editor;
      guint stops = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-record", "(ss)",
                                                 key, icw_record_get_id (record)));
      iterate ();
      wait_for_transitions (GTK_WIDGET (fixture->window));
      editor = icw_test_first_shown_of_type (GTK_WIDGET (fixture->window), editors[i].editor_type ());
      g_assert_nonnull (editor);
      if (!ICW_IS_DOCUMENT_EDITOR (editor))
        stops = cross_with_tab (fixture, editor, key);
      else
        {
          /* The section list: the editor's adaptive bin's sidebar. */
          GtkWidget *sections = icw_adaptive_bin_get_sidebar (ICW_ADAPTIVE_BIN (icw_test_first_of_type (editor, ICW_TYPE_ADAPTIVE_BIN)));
          GtkListBox *list = GTK_LIST_BOX (icw_test_first_of_type (sections, GTK_TYPE_LIST_BOX));
          GtkListBoxRow *row;

          for (int j = 0; (row = gtk_list_box_get_row_at_index (list, j)) != NULL; j++)
            {
              g_autofree char *what = NULL;
              guint section_stops;

              gtk_list_box_select_row (list, row);
              iterate ();
              what = g_strdup_printf ("%s, section %s", key, icw_document_editor_get_visible_page (ICW_DOCUMENT_EDITOR (editor)));
              section_stops = cross_with_tab (fixture, editor, what);
              g_print ("# Tab stops to cross the sample's %s: %u\n", what, section_stops);
              stops += section_stops;
            }
        }
      g_test_message ("Tab stops to cross the sample's %s editor: %u", key, stops);
      g_print ("# Tab stops to cross the sample's %s editor: %u\n", key, stops);
      g_assert_cmpuint (stops, >, 5);
    }
}

static gboolean
trigger_is (GtkShortcutTrigger *trigger,
            guint               keyval,
            GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_is (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* The shortcut of WINDOW's own controllers (its class's bindings among them) bound to the key. */
static GtkShortcut *
shortcut_for (GtkWidget      *window,
              guint           keyval,
              GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_is (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

/* WINDOW (shown) has a shortcut for the key, and running it closes the window. */
static void
assert_closes_with (GtkWindow       *window,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcut) shortcut = shortcut_for (GTK_WIDGET (window), keyval, modifiers);
  const char *title = gtk_window_get_title (window);

  if (shortcut == NULL)
    g_error ("“%s” (%s) has no shortcut for %s", title, G_OBJECT_TYPE_NAME (window),
             gtk_accelerator_name (keyval, modifiers));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window), NULL));
  iterate ();
  /* Closed: destroyed, or hidden by a window that hides on close. */
  g_assert_true (window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window)));
  if (window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
}

/* The visible toplevel of TYPE, other than the main window. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

typedef GtkWindow *(*OpenWindow) (Fixture *fixture);

static GtkWindow *
open_account (Fixture *fixture)
{
  g_autoptr(IcwSyncController) controller = icw_sync_controller_new (store_of (fixture), icw_workbench_app_get_settings (fixture->app));
  GtkWidget *dialog = icw_account_dialog_new (fixture->window, controller);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static GtkWindow *
open_conflicts (Fixture *fixture)
{
  g_autoptr(IcwSyncController) controller = icw_sync_controller_new (store_of (fixture), icw_workbench_app_get_settings (fixture->app));
  GtkWindow *window = icw_conflicts_window_new (fixture->window, controller);

  gtk_window_present (window);
  return window;
}

static GtkWindow *
open_compare (Fixture *fixture)
{
  g_autoptr(IcwApplication) application = first_record (fixture, ICW_RECORD_KIND_APPLICATION);

  icw_application_compare_dialog_present (GTK_WIDGET (fixture->window), store_of (fixture), application);
  iterate ();
  return find_toplevel (ICW_TYPE_COMPARE_DIALOG);
}

static GtkWindow *
open_organization_picker (Fixture *fixture)
{
  IcwOrganizationPicker *picker = icw_organization_picker_new (GTK_WIDGET (fixture->window), store_of (fixture), "Pick");

  gtk_window_present (GTK_WINDOW (picker));
  return GTK_WINDOW (picker);
}

static GtkWindow *
open_member_picker (Fixture *fixture)
{
  IcwMemberPicker *picker = icw_member_picker_new (GTK_WIDGET (fixture->window), store_of (fixture),
                                                   icw_record_get_id (ICW_RECORD (fixture->center)), NULL);

  gtk_window_present (GTK_WINDOW (picker));
  return GTK_WINDOW (picker);
}

static GtkWindow *
open_guide (Fixture *fixture)
{
  g_autoptr(IcwIpAgreement) agreement = first_record (fixture, ICW_RECORD_KIND_IP_AGREEMENT);

  return GTK_WINDOW (icw_agreement_guide_dialog_present (GTK_WIDGET (fixture->window), store_of (fixture), agreement));
}

static GtkWindow *
open_preview (Fixture *fixture)
{
  g_autoptr(IcwRecord) application = first_record (fixture, ICW_RECORD_KIND_APPLICATION);
  g_autoptr(GError) error = NULL;
  IcwDocumentPreview *preview = icw_document_preview_new (fixture->window, store_of (fixture), application, &error);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

/* No button with text under ROOT has both an accessible label of its own and the label child that
 * names it (GTK 4.8 would join the two, a mnemonic's underscore included). */
static void
assert_buttons_named_once (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_error ("the button “%s” is named twice", gtk_button_get_label (GTK_BUTTON (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_buttons_named_once (child);
}

/* The window fits on a 360 px wide screen: its child (inside any frame GTK draws itself), with
 * GNOME's window buttons (close only; the test sets GNOME's layout, Xvfb has none). */
static void
assert_fits_narrow (GtkWindow *window)
{
  int width;

  gtk_widget_measure (gtk_window_get_child (window), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_test_message ("“%s” (%s) needs %d px", gtk_window_get_title (window), G_OBJECT_TYPE_NAME (window), width);
  if (width > 360)
    g_error ("“%s” (%s) cannot be narrower than %d px", gtk_window_get_title (window), G_OBJECT_TYPE_NAME (window), width);
}

/* Each dialog and secondary window closes with Escape, and again (opened anew) with Ctrl+W. */
static void
test_close_keys (Fixture *fixture)
{
  static const OpenWindow openers[] = {
    open_account, open_conflicts, open_compare, open_organization_picker, open_member_picker, open_guide, open_preview,
  };

  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      GtkWindow *window = openers[i] (fixture);

      g_assert_nonnull (window);
      iterate ();
      assert_buttons_named_once (GTK_WIDGET (window));
      assert_fits_narrow (window);
      assert_closes_with (window, GDK_KEY_Escape, 0);
      window = openers[i] (fixture);
      g_assert_nonnull (window);
      iterate ();
      assert_closes_with (window, GDK_KEY_w, GDK_CONTROL_MASK);
    }
}

/* The main menu is one control for a screen reader: the menu button is a group without a name of
 * its own, and its inner button is named "Main Menu". */
static void
test_main_menu_named_once (Fixture *fixture)
{
  GtkWidget *header = icw_test_first_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR);
  GtkWidget *menu = icw_test_first_of_type (header, GTK_TYPE_MENU_BUTTON);
  GtkWidget *inner = gtk_widget_get_first_child (menu);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (inner));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_ROLE_GROUP));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
}

/* A message dialog the program shows (New Application asks which center, when there are two)
 * names its response buttons once each, and fits a 360 px screen. */
static void
test_message_dialog_named_once (Fixture *fixture)
{
  g_autoptr(IcwCenter) second = icw_center_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_object_set (second, "name", "Second center", NULL);
  g_assert_true (icw_store_save (store_of (fixture), ICW_RECORD (second), &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "applications"));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-record", NULL));
  iterate ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (icw_test_first_of_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON));
  assert_buttons_named_once (GTK_WIDGET (dialog));
  assert_fits_narrow (dialog);
  gtk_window_destroy (dialog);
  iterate ();
  g_assert_true (icw_store_delete (store_of (fixture), ICW_RECORD (second), &error));
  g_assert_no_error (error);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  test_sidebar_tab (fixture);
  test_tab_stops (fixture);
  assert_buttons_named_once (GTK_WIDGET (fixture->window));
  test_main_menu_named_once (fixture);
  test_message_dialog_named_once (fixture);
  test_close_keys (fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  /* One case: an application registers its object path on the session bus once per process. */
  g_test_add ("/ui-keyboard/window", Fixture, NULL, icw_test_window_set_up, test_keyboard, icw_test_window_tear_down);
  return g_test_run ();
}
