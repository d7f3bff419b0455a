/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-narrow.c: the secondary windows and dialogs made 360 px wide for real (as on a phone or
 * a tiled window), with the sample center: the sync conflicts (folded: the header bar and its close
 * button stay, Back returns to the list), the print preview (its page label whole), New Report (the
 * center's name whole), the report's window (folded: a Back button to its sections) and the targets
 * window, and the reviewer's workspace (inbox, document, overview, header bar with the sync
 * indicator). In each, no label the user reads is ellipsized unless the window says it may be, no
 * widget outside a scrolled area lies past the window's right edge, and none is drawn before it is
 * given its size (GTK's warning). With ICW_SCREENSHOT_DIR set, each is drawn to
 * narrow-NAME-LANGUAGE.png there (ICW_TEST_LANGUAGE=zh_CN and the build's catalogue in
 * ICW_LOCALEDIR for the Chinese ones). */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "icw-adaptive-bin.h"
#include "icw-conflicts-view.h"
#include "icw-document-editor.h"
#include "icw-document-preview.h"
#include "icw-i18n.h"
#include "icw-readiness-group.h"
#include "icw-report-list-group.h"
#include "icw-report-new-dialog.h"
#include "icw-report-window.h"
#include "icw-reviewer-inbox.h"
#include "icw-reviewer-overview.h"
#include "icw-sample.h"
#include "icw-store-reports.h"
#include "icw-store-sync.h"
#include "icw-sync-controller.h"
#include "icw-sync-indicator.h"
#include "icw-targets-window.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"
#include "icw-workbench-app.h"

#define NARROWEST 360

/* A fault: fatal, or only printed with ICW_NARROW_ALL=1 (to see them all at once). */
#define fault(...) G_STMT_START { if (g_getenv ("ICW_NARROW_ALL") != NULL) g_printerr (__VA_ARGS__); else g_error (__VA_ARGS__); } G_STMT_END

typedef IcwTestWindow Fixture;

static IcwStore *
store_of (Fixture *fixture)
{
  return icw_workbench_app_get_store (fixture->app);
}

/* What the window shows inside any frame GTK draws itself. */
static GtkWidget *
inside_of (GtkWindow *window)
{
  return gtk_window_get_child (window);
}

/* Makes WINDOW WIDTH px wide as a user would, and waits until GTK has given it the size. */
static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  GtkWidget *inside = inside_of (window);

  gtk_window_set_default_size (window, width, height);
  icw_test_ui_iterate ();
  for (int i = 0; i < 100 && gtk_widget_get_width (inside) != width; i++)
    {
      int asked, asked_height;

      gtk_window_get_default_size (window, &asked, &asked_height);
      if (i % 5 == 4)
        gtk_window_set_default_size (window, asked + width - gtk_widget_get_width (inside), height);
      g_usleep (20000);
      icw_test_ui_iterate ();
    }
  if (gtk_widget_get_width (inside) != width)
    g_error ("“%s” (%s) cannot be made %d px wide: it stays %d px", gtk_window_get_title (window),
             G_OBJECT_TYPE_NAME (window), width, gtk_widget_get_width (inside));
}

static void
maybe_save_png (GtkWindow  *window,
                const char *name)
{
  icw_test_save_png (inside_of (window), name);
}

/* Nothing in WINDOW is cut or past its edge (but the labels of ALLOWED_CUT); WHAT names it. */
static void
assert_nothing_cut (GtkWindow          *window,
                    const char         *what,
                    const char * const *allowed_cut)
{
  g_autoptr(GString) faults = g_string_new (NULL);

  icw_test_find_cuts (inside_of (window), inside_of (window), allowed_cut, faults);
  maybe_save_png (window, what);
  if (faults->len > 0)
    fault ("%s at %d px:\n%s", what, NARROWEST, faults->str);
}

/* The window's header bar is on screen with its close button. */
static void
assert_header_with_close (GtkWindow  *window,
                          const char *what)
{
  GtkWidget *header = icw_test_first_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  gboolean close_shown = FALSE;

  if (header == NULL || !gtk_widget_get_mapped (header))
    fault ("%s at %d px has no header bar on screen", what, NARROWEST);
  icw_test_all_of_type (header, GTK_TYPE_WINDOW_CONTROLS, controls);
  for (guint i = 0; i < controls->len; i++)
    close_shown |= gtk_widget_get_mapped (controls->pdata[i]) && !gtk_window_controls_get_empty (controls->pdata[i]);
  if (!close_shown)
    fault ("%s at %d px has no close button on screen", what, NARROWEST);
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

/* The button of WINDOW's header bar that goes back (its icon), on screen, or NULL. */
static GtkWidget *
back_button (GtkWindow *window)
{
  GtkWidget *header = icw_test_first_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  icw_test_all_of_type (header, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (buttons->pdata[i]) &&
        g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "go-previous-symbolic") == 0 &&
        gtk_actionable_get_action_name (buttons->pdata[i]) == NULL)
      return buttons->pdata[i];
  return NULL;
}

/* The sync conflicts, one conflict about the sample center: folded at 360 px, the conflict shown
 * has the window's header bar and close button, and Back returns to the list, which has them too. */
static void
test_conflicts (Fixture *fixture)
{
  IcwStore *store = store_of (fixture);
  const char *center_id = icw_record_get_id (ICW_RECORD (fixture->center));
  g_autofree char *theirs = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"%s（乙）\"}", center_id,
                                             icw_center_get_name (fixture->center));
  g_autoptr(IcwSyncController) controller = icw_sync_controller_new (store, icw_workbench_app_get_settings (fixture->app));
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *back;
  GtkListBox *list;

  icw_center_set_name (fixture->center, "齐鲁智能传感器制造业创新中心（甲）");
  icw_test_save (store, fixture->center);
  g_assert_true (icw_store_add_conflict (store, ICW_RECORD_KIND_CENTER, center_id, 0, theirs, "r2", FALSE, NULL, &error));
  g_assert_no_error (error);
  window = icw_conflicts_window_new (fixture->window, controller);
  gtk_window_present (window);
  resize (window, NARROWEST, 640);
  list = GTK_LIST_BOX (icw_test_first_of_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  icw_test_ui_iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));
  assert_header_with_close (window, "the conflict");
  assert_nothing_cut (window, "conflict", NULL);
  back = back_button (window);
  g_assert_nonnull (back);
  g_signal_emit_by_name (back, "clicked");
  icw_test_ui_iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  assert_header_with_close (window, "the list of conflicts");
  assert_nothing_cut (window, "conflicts", NULL);
  gtk_window_destroy (window);
  icw_test_ui_iterate ();
}

/* The print preview of the sample's application: its page label whole. */
static void
test_preview (Fixture *fixture)
{
  g_autoptr(IcwApplication) application = icw_test_sample_application (store_of (fixture));
  g_autoptr(GError) error = NULL;
  IcwDocumentPreview *preview = icw_document_preview_new (fixture->window, store_of (fixture), ICW_RECORD (application), &error);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (preview));
  resize (GTK_WINDOW (preview), NARROWEST, 720);
  for (int i = 0; i < 3000 && icw_document_preview_get_n_pages (preview) == 0; i++)
    icw_test_ui_iterate ();
  g_assert_cmpuint (icw_document_preview_get_n_pages (preview), >, 1);
  icw_test_ui_iterate ();
  assert_header_with_close (GTK_WINDOW (preview), "the preview");
  assert_nothing_cut (GTK_WINDOW (preview), "preview", NULL);
  gtk_window_destroy (GTK_WINDOW (preview));
  icw_test_ui_iterate ();
}

static void
on_created (IcwReport *report,
            gpointer   user_data)
{
}

/* New Report: the center's name whole. */
static void
test_new_report (Fixture *fixture)
{
  GtkWindow *dialog;

  icw_report_new_dialog_present (GTK_WIDGET (fixture->window), store_of (fixture), on_created, NULL);
  icw_test_ui_iterate ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  resize (dialog, NARROWEST, 640);
  assert_nothing_cut (dialog, "new-report", NULL);
  gtk_window_destroy (dialog);
  icw_test_ui_iterate ();
}

/* The sample center's latest report in its window: every section fits, folded there is a Back
 * button to the sections, which has the header bar and its close button. */
static void
test_report (Fixture *fixture)
{
  IcwStore *store = store_of (fixture);
  g_autoptr(GListModel) reports = icw_store_list (store, ICW_RECORD_KIND_REPORT, icw_record_get_id (ICW_RECORD (fixture->center)));
  g_autoptr(IcwReport) report = g_list_model_get_item (reports, g_list_model_get_n_items (reports) - 1);
  IcwReportWindow *window = icw_report_window_new (GTK_WIDGET (fixture->window), store, report, ICW_MONEY_UNIT_WAN);
  IcwDocumentEditor *editor = ICW_DOCUMENT_EDITOR (icw_report_window_get_editor (window));
  GtkStack *sections = icw_document_editor_get_pages (editor);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *back;

  gtk_window_present (GTK_WINDOW (window));
  resize (GTK_WINDOW (window), NARROWEST, 720);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (sections)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (names, g_strdup (gtk_stack_page_get_name (gtk_stack_get_page (sections, child))));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *what = g_strdup_printf ("report-%s", (char *) names->pdata[i]);

      icw_document_editor_select_page (editor, names->pdata[i]);
      icw_test_ui_iterate ();
      assert_header_with_close (GTK_WINDOW (window), what);
      assert_nothing_cut (GTK_WINDOW (window), what, NULL);
    }
  back = back_button (GTK_WINDOW (window));
  if (back == NULL)
    fault ("the report's window at %d px has no way back to its sections\n", NARROWEST);
  else
    {
      g_signal_emit_by_name (back, "clicked");
      icw_test_ui_iterate ();
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sections)));
      assert_header_with_close (GTK_WINDOW (window), "the report's sections");
      assert_nothing_cut (GTK_WINDOW (window), "report-sections", NULL);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  icw_test_ui_iterate ();
}

/* The targets window, shown and being edited. */
static void
test_targets (Fixture *fixture)
{
  IcwTargetsWindow *window = icw_targets_window_new (GTK_WIDGET (fixture->window), store_of (fixture), fixture->center);

  gtk_window_present (GTK_WINDOW (window));
  resize (GTK_WINDOW (window), NARROWEST, 720);
  assert_header_with_close (GTK_WINDOW (window), "the targets");
  assert_nothing_cut (GTK_WINDOW (window), "targets", NULL);
  icw_targets_window_edit (window);
  icw_test_ui_iterate ();
  assert_header_with_close (GTK_WINDOW (window), "the targets being edited");
  assert_nothing_cut (GTK_WINDOW (window), "targets-edit", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  icw_test_ui_iterate ();
}

/* The center's page in the window: its reports and the readiness to upgrade, whole. */
static void
test_center_page (Fixture *fixture)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
  GtkWidget *readiness;
  g_autoptr(GString) faults = g_string_new (NULL);
  GtkWidget *groups[2];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-record", "(ss)", "center",
                                             icw_record_get_id (ICW_RECORD (fixture->center))));
  gtk_window_set_default_size (fixture->window, NARROWEST, 720);
  for (int i = 0; i < 100 && gtk_widget_get_width (content) != NARROWEST; i++)
    icw_test_ui_iterate ();
  g_assert_cmpint (gtk_widget_get_width (content), ==, NARROWEST);
  readiness = icw_test_first_of_type (content, ICW_TYPE_READINESS_GROUP);
  g_assert_nonnull (readiness);
  for (int i = 0; i < 200 && (icw_readiness_group_get_n_evaluations (ICW_READINESS_GROUP (readiness)) == 0 ||
                              icw_readiness_group_get_n_waiting (ICW_READINESS_GROUP (readiness)) > 0); i++)
    icw_test_ui_iterate ();
  groups[0] = icw_test_first_of_type (content, ICW_TYPE_REPORT_LIST_GROUP);
  groups[1] = readiness;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_assert_nonnull (groups[i]);
      icw_test_find_cuts (groups[i], content, NULL, faults);
      icw_test_save_png (groups[i], i == 0 ? "center-reports" : "center-readiness");
    }
  if (faults->len > 0)
    fault ("the center's reports and readiness at %d px:\n%s", NARROWEST, faults->str);
}

/* GTK's warnings that a widget was drawn before it was given its size (a widget shown or hidden
 * inside an allocation, after its parent allocated it: it is missing from that frame). */
static guint unallocated_snapshots;

static GLogWriterOutput
count_unallocated_snapshots (GLogLevelFlags   log_level,
                             const GLogField *fields,
                             gsize            n_fields,
                             gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "without a current allocation") != NULL)
      unallocated_snapshots++;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Each window was drawn whole at every frame of its step. */
static void
assert_drawn_whole (const char *what)
{
  if (unallocated_snapshots > 0)
    fault ("%s: %u widget(s) drawn before they were given their size\n", what, unallocated_snapshots);
  unallocated_snapshots = 0;
}

/* The reviewer's workspace, on a store where the sample's application was submitted: the inbox
 * (folded: its list, then the document with Return and Accept under its whole name), the
 * overview (its search's placeholder whole, the names in its table whole; the table scrolls
 * sideways) and the header bar with the sync indicator of a synced store, which leaves the page's
 * title whole ("In…" beside "Synced" before). */
static void
test_reviewer (Fixture *fixture)
{
  IcwStore *store = store_of (fixture);
  g_autoptr(IcwApplication) application = icw_test_sample_application (store);
  GSettings *settings = icw_workbench_app_get_settings (fixture->app);
  g_autoptr(IcwSyncController) controller = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = gtk_label_new ("Inbox");
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *inbox, *overview;

  icw_test_ready_and_submit (store, application);
  /* A server set, no token yet: the indicator names its state ("Sign In Required"), as long as any. */
  g_settings_set_string (settings, "sync-server-url", "https://sync.example.invalid");
  controller = icw_sync_controller_new (store, settings);
  inbox = icw_reviewer_inbox_new (store);
  overview = icw_reviewer_overview_new (store);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), gtk_button_new_from_icon_name ("go-previous-symbolic"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), gtk_menu_button_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), icw_sync_indicator_new (controller));
  gtk_stack_add_named (GTK_STACK (stack), inbox, "inbox");
  gtk_stack_add_named (GTK_STACK (stack), overview, "overview");
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), stack);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_transient_for (GTK_WINDOW (window), fixture->window);
  gtk_window_present (GTK_WINDOW (window));
  resize (GTK_WINDOW (window), NARROWEST, 720);

  icw_reviewer_inbox_reload (ICW_REVIEWER_INBOX (inbox));
  g_assert_cmpuint (icw_reviewer_inbox_get_n_items (ICW_REVIEWER_INBOX (inbox)), ==, 1);
  icw_test_ui_iterate ();
  assert_nothing_cut (GTK_WINDOW (window), "reviewer-inbox", NULL);
  g_assert_true (icw_reviewer_inbox_open (ICW_REVIEWER_INBOX (inbox), icw_record_get_id (ICW_RECORD (application))));
  for (int i = 0; i < 50; i++)
    icw_test_ui_iterate ();
  g_assert_true (gtk_widget_get_mapped (icw_reviewer_inbox_get_editor (ICW_REVIEWER_INBOX (inbox))));
  assert_nothing_cut (GTK_WINDOW (window), "reviewer-document", NULL);

  gtk_stack_set_visible_child (GTK_STACK (stack), overview);
  gtk_label_set_text (GTK_LABEL (title), "Overview");
  icw_reviewer_overview_reload (ICW_REVIEWER_OVERVIEW (overview));
  for (int i = 0; i < 50; i++)
    icw_test_ui_iterate ();
  assert_nothing_cut (GTK_WINDOW (window), "reviewer-overview", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  icw_test_ui_iterate ();
  g_settings_reset (settings, "sync-server-url");
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  test_center_page (fixture);
  assert_drawn_whole ("the center's page");
  test_preview (fixture);
  assert_drawn_whole ("the preview");
  test_new_report (fixture);
  assert_drawn_whole ("New Report");
  test_report (fixture);
  assert_drawn_whole ("the report's window");
  test_targets (fixture);
  assert_drawn_whole ("the targets");
  test_conflicts (fixture);
  assert_drawn_whole ("the sync conflicts");
  test_reviewer (fixture);
  assert_drawn_whole ("the reviewer's workspace");
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (count_unallocated_snapshots, NULL, NULL);
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", g_getenv ("ICW_TEST_LANGUAGE") != NULL ? g_getenv ("ICW_TEST_LANGUAGE") : "en", TRUE);
  icw_i18n_init ();
  if (g_getenv ("ICW_SCREENSHOT_DIR") != NULL)
    g_test_init (&argc, &argv, NULL);
  else
    g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  adw_init ();
  /* No transitions to wait for; GNOME's window buttons (close only; Xvfb has no layout of its own). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, "gtk-decoration-layout", "appmenu:close", NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  /* One case: an application registers its object path on the session bus once per process. */
  g_test_add ("/ui-narrow/windows", Fixture, NULL, icw_test_window_set_up, test_narrow, icw_test_window_tear_down);
  return g_test_run ();
}
