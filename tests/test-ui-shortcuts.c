/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-shortcuts.c: the keyboard shortcuts of the real application and window (icw-workbench-app.c,
 * icw-window.c, icw-window-shortcuts.c) on a database holding the sample center: each sidebar page
 * has its accelerator and its action shows the page; Check, Mark as Ready and Submit act on the
 * application on screen exactly as its buttons do, and only when its buttons could (Submit on a
 * draft does nothing); every accelerator the application sets is listed in the shortcuts window
 * (resources/gtk/help-overlay.ui), and every action the shortcuts window names has one; the window
 * builds that window when it is first shown, not before. With the real window at hand it also
 * checks the minimum width the metainfo claims (<requires>). */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "icw-application.h"
#include "icw-check-panel.h"
#include "icw-sample.h"
#include "icw-test-util.h"
#include "icw-test-ui.h"
#include "icw-workbench-app.h"

/* The workbench with the sample (icw-test-ui.h) and the sample's center application. */
typedef struct {
  IcwTestWindow   w;
  IcwApplication *application;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The default database lies in the test's own data folder (G_TEST_OPTION_ISOLATE_DIRS). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) applications = NULL;

  icw_test_window_set_up (&fixture->w, data);
  applications = icw_store_list (icw_workbench_app_get_store (fixture->w.app), ICW_RECORD_KIND_APPLICATION,
                                 icw_record_get_id (ICW_RECORD (fixture->w.center)));
  g_assert_cmpuint (g_list_model_get_n_items (applications), >, 0);
  fixture->application = icw_test_sample_application (icw_workbench_app_get_store (fixture->w.app));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->application);
  icw_test_window_tear_down (&fixture->w, data);
}

/* The application's status as the database has it now. */
static IcwApplicationStatus
stored_status (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) record = icw_store_lookup (icw_workbench_app_get_store (fixture->w.app),
                                                  ICW_RECORD_KIND_APPLICATION,
                                                  icw_record_get_id (ICW_RECORD (fixture->application)), &error);

  g_assert_no_error (error);
  return icw_application_get_status (ICW_APPLICATION (record));
}

static gboolean
action_has_accel (GtkApplication *app,
                  const char     *detailed_action,
                  const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, detailed_action);
  guint key, wanted_key;
  GdkModifierType mods, wanted_mods;

  /* GTK writes accelerators back in its own order of modifiers: compare what they mean. */
  g_assert_true (gtk_accelerator_parse (accel, &wanted_key, &wanted_mods));
  for (guint i = 0; accels != NULL && accels[i] != NULL; i++)
    if (gtk_accelerator_parse (accels[i], &key, &mods) && key == wanted_key && mods == wanted_mods)
      return TRUE;
  return FALSE;
}

/* Each sidebar page: its accelerator (Alt+1 to Alt+5, in the sidebar's order) and its action. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const pages[] = { "centers", "organizations", "applications", "agreements", "funding" };
  GSettings *settings = icw_workbench_app_get_settings (fixture->w.app);
  g_autofree char *still = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_autofree char *shown = NULL;
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->w.app), accel);

      g_assert_true (action_has_accel (GTK_APPLICATION (fixture->w.app), action, accel));
      g_assert_true (g_strv_contains ((const char * const *) actions, action));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->w.window), "win.show-page", "s", pages[i]));
      iterate ();
      shown = g_settings_get_string (settings, "last-page");
      g_assert_cmpstr (shown, ==, pages[i]);
    }
  /* A name that is no page changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->w.window), "win.show-page", "s", "nowhere"));
  iterate ();
  still = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (still, ==, "funding");
}

static gboolean
holds_check_panel (GtkWidget *root)
{
  if (ICW_IS_CHECK_PANEL (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (holds_check_panel (child))
      return TRUE;
  return FALSE;
}

/* The revealer of the check panel of the editor on screen. */
static GtkRevealer *
find_check_revealer (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_REVEALER (root) && holds_check_panel (root))
    return GTK_REVEALER (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found = find_check_revealer (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Check, Mark as Ready and Submit on the application on screen, through their actions. */
static void
test_document_commands (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->w.app);
  GtkWidget *window = GTK_WIDGET (fixture->w.window);
  GtkRevealer *revealer;
  AdwMessageDialog *dialog;

  g_assert_true (action_has_accel (app, "win.check", "F7"));
  g_assert_true (action_has_accel (app, "win.mark-ready", "<Control><Shift>r"));
  g_assert_true (action_has_accel (app, "win.submit", "<Control><Shift>s"));

  /* On the centers page there is no document: nothing happens. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "centers"));
  iterate ();
  g_assert_true (gtk_widget_activate_action (window, "win.mark-ready", NULL));
  iterate ();
  g_assert_cmpint (stored_status (fixture), ==, ICW_APPLICATION_STATUS_DRAFT);

  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ss)",
                                             icw_record_kind_to_key (ICW_RECORD_KIND_APPLICATION),
                                             icw_record_get_id (ICW_RECORD (fixture->application))));
  iterate ();
  revealer = find_check_revealer (window);
  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (window, "win.check", NULL));
  iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  /* A draft cannot be submitted: no Submit… button, no question. */
  g_assert_true (gtk_widget_activate_action (window, "win.submit", NULL));
  iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpint (stored_status (fixture), ==, ICW_APPLICATION_STATUS_DRAFT);

  /* The sample has warnings and no error: it may be marked as ready. */
  g_assert_true (gtk_widget_activate_action (window, "win.mark-ready", NULL));
  iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpint (stored_status (fixture), ==, ICW_APPLICATION_STATUS_READY);

  /* Submit asks first, as the button does; the answer submits. */
  g_assert_true (gtk_widget_activate_action (window, "win.submit", NULL));
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (stored_status (fixture), ==, ICW_APPLICATION_STATUS_READY);
  adw_message_dialog_response (dialog, "submit");
  iterate ();
  g_assert_cmpint (stored_status (fixture), ==, ICW_APPLICATION_STATUS_SUBMITTED);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

/* The shortcuts window lists every accelerator the application sets, and each action it names has
 * an accelerator; it is titled "Keyboard Shortcuts", as the menu item that opens it. */
/* The mapped labels under ROOT, their texts joined by " | ". */
static void
mapped_texts (GtkWidget *root,
              GString   *texts)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_LABEL (root))
    g_string_append_printf (texts, "%s%s", texts->len > 0 ? " | " : "", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    mapped_texts (child, texts);
}

/* WINDOW's header bar shows TITLE and no other text. */
static void
assert_header_says (GtkWindow  *window,
                    const char *title)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  iterate ();
  g_assert_nonnull (gtk_window_get_titlebar (window));
  mapped_texts (gtk_window_get_titlebar (window), texts);
  g_assert_cmpstr (texts->str, ==, title);
}

static void
test_help_overlay (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->w.app);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/help-overlay.ui");
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) described = gtk_application_list_action_descriptions (app);
  GSList *objects = gtk_builder_get_objects (builder);
  guint n_actions = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action = NULL;
      g_autofree char *accel = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &action, "accelerator", &accel, NULL);
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

          g_assert_true (accels != NULL && accels[0] != NULL);
          g_ptr_array_add (listed, g_strdup (action));
          n_actions++;
        }
      if (accel != NULL)
        g_ptr_array_add (listed, g_steal_pointer (&accel));
    }
  g_slist_free (objects);
  g_assert_cmpuint (n_actions, >=, 8);

  /* The window builds it when first asked for (not before its first frame, issue 20), with GTK's
   * accelerator, and the menu's action shows it. */
  {
    GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->w.window);
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
    GtkShortcutsWindow *overlay;

    g_assert_true (accels[0] != NULL && g_str_equal (accels[0], "<Control>question"));
    g_assert_null (gtk_application_window_get_help_overlay (window));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    overlay = gtk_application_window_get_help_overlay (window);
    g_assert_nonnull (overlay);
    /* Named as the menu names it: GTK 4.8 leaves a shortcuts window's title unset, and screen
     * readers called it "GtkShortcutsWindow". */
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (overlay)), ==, "Keyboard Shortcuts");
    /* Its header on screen says so too (GTK's own says "Shortcuts"). */
    assert_header_says (GTK_WINDOW (overlay), "Keyboard Shortcuts");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
    gtk_window_close (GTK_WINDOW (overlay));
    iterate ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    g_assert_true (gtk_application_window_get_help_overlay (window) == overlay);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    gtk_window_close (GTK_WINDOW (overlay));
    iterate ();
  }

  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, described[i]);
      gboolean found = g_ptr_array_find_with_equal_func (listed, described[i], g_str_equal, NULL);

      for (guint j = 0; !found && accels[j] != NULL; j++)
        found = g_ptr_array_find_with_equal_func (listed, accels[j], g_str_equal, NULL);
      if (!found)
        g_error ("the shortcuts window does not list %s", described[i]);
    }
}

/* The width the metainfo says the window needs (<requires>, the display's longest side). */
static int
metainfo_required_width (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ICW_SOURCE_ROOT"), "data",
                                            "org.mfginnovation.Workbench.metainfo.xml.in", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *requires, *length;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  requires = strstr (text, "<requires>");
  g_assert_nonnull (requires);
  length = strstr (requires, "<display_length compare=\"ge\" side=\"longest\">");
  g_assert_true (length != NULL && length < strstr (requires, "</requires>"));
  return atoi (strchr (length, '>') + 1);
}

/* The metainfo tells the truth about the window's minimum width: the widest of the minimum widths
 * of the window's content on each page with the sample center (each page then shows a record in
 * its editor). The content, not the window: without a compositor (Xvfb) GTK draws a solid frame
 * of its own around it, which a desktop's window does not have. */
static void
test_minimum_width (Fixture *fixture)
{
  static const char * const pages[] = { "centers", "organizations", "applications", "agreements", "funding" };
  int widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int width;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->w.window), "win.show-page", "s", pages[i]));
      iterate ();
      gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->w.window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      g_test_message ("the %s page needs %d px", pages[i], width);
      widest = MAX (widest, width);
    }
  g_assert_cmpint (metainfo_required_width (), ==, widest);
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  test_minimum_width (fixture);
  test_help_overlay (fixture, data);
  test_pages (fixture, data);
  test_document_commands (fixture, data);
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
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  /* One case: an application registers its object path on the session bus once per process. */
  g_test_add ("/ui-shortcuts/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  return g_test_run ();
}
