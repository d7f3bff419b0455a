/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-editor-tables.c: the application editor's two tables in the real window, on the sample's
 * draft upgrade: the 基本情况表 (summary group) on the Basic information page and the 绩效目标表
 * (indicator grid) on the Performance indicators page; then its check, whose panel shows each
 * finding with its basis. Each page is selected as a user does, the page is scrolled to the table
 * (what the accessibility bus could not do for the screenshots), the table must then lie inside
 * the visible part of its page, the section list's titles and the application's kind are shown whole (not ellipsized), the grid shows the sample's 52.5 % with a dot, its
 * headers and labels whole and every column in sight at 1260 px (a visible scrollbar with ten
 * years), the check finds no
 * error and the five warnings the sample leaves, and the window is drawn into a PNG. With
 * ICW_SCREENSHOT_DIR set the PNGs are written there as editor-{summary,targets}-LANGUAGE.png and
 * check-basis-LANGUAGE.png (docs/screenshots; LANGUAGE, LC_ALL and ICW_LOCALEDIR choose the
 * language, as for the program); without it into the test's own folder. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "icw-application-summary-group.h"
#include "icw-application.h"
#include "icw-center-editor.h"
#include "icw-check-panel.h"
#include "icw-document-editor.h"
#include "icw-enums.h"
#include "icw-i18n.h"
#include "icw-indicator-grid.h"
#include "icw-money.h"
#include "icw-resources.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"
#include "icw-window.h"

#define APPLICATION_ID "org.mfginnovation.Workbench"

typedef IcwTestSample Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets the window lay out and draw a few frames. */
static void
settle (void)
{
  for (guint i = 0; i < 30; i++)
    {
      iterate ();
      g_usleep (10000);
    }
}

static GtkWidget *
wait_for (GtkWidget *window,
          GType      type)
{
  GtkWidget *found = NULL;

  for (guint i = 0; i < 500 && found == NULL; i++)
    {
      iterate ();
      found = icw_test_first_shown_of_type (window, type);
      if (found == NULL)
        g_usleep (10000);
    }
  g_assert_nonnull (found);
  return found;
}

static GtkPolicyType
vertical_policy (GtkWidget *scrolled)
{
  GtkPolicyType h, v;

  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scrolled), &h, &v);
  return v;
}

/* Scrolls the page that holds @widget so that the widget's top is at the top of the view, and
 * checks that it is then inside the view. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), in_view;

  /* The grid's own sideways scroller is not the page's. */
  while (scrolled != NULL && vertical_policy (scrolled) == GTK_POLICY_NEVER)
    scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (widget, content, &top, &in_view));
  gtk_adjustment_set_value (adjustment, MAX (0, in_view.y - 12));
  settle ();
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &top, &in_view));
  g_assert_cmpfloat (in_view.y, >=, 0);
  g_assert_cmpfloat (in_view.y, <, gtk_widget_get_height (scrolled) / 2);
}

/* The window as drawn, saved as a PNG; returns its path. */
static char *
save_window (GtkWidget  *window,
             const char *dir,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, icw_rules_language ());
  char *path = g_build_filename (dir, file, NULL);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  return path;
}

/* Whether an entry under @root shows @text. */
static gboolean
has_entry_text (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_ENTRY (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_entry_text (child, text))
      return TRUE;
  return FALSE;
}

/* The drawn label under @root that shows @text, or NULL. */
static GtkLabel *
shown_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = shown_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Fails when a drawn one-word label under @root is broken over lines ("Ye-ars"); returns how many
 * labels it looked at. */
static guint
check_words_whole (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (root));

      if (*text != '\0' && strchr (text, ' ') == NULL && g_utf8_strlen (text, -1) > 1 &&
          g_utf8_get_char (text) < 0x2E80)   /* Chinese text may break between characters */
        {
          if (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (root))) != 1)
            g_error ("“%s” is broken over lines", text);
        }
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += check_words_whole (child);
  return n;
}

/* The 绩效目标表 at 1260 px: every header and label whole and every column in sight (the empty
 * column of older texts cut the grid's last column); then with ten years, wider than the page, a
 * scrollbar drawn under the grid (not an overlay one that shows only under the pointer). */
static void
check_targets_grid (GtkWidget *grid)
{
  GtkWidget *scrolled = icw_test_first_shown_of_type (grid, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *years = NULL;

  g_assert_cmpuint (check_words_whole (grid), >, 10);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment) + 0.5);
  g_assert_false (gtk_widget_is_drawable (gtk_scrolled_window_get_hscrollbar (GTK_SCROLLED_WINDOW (scrolled))));

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (years == NULL)
      years = icw_test_first_shown_of_type (child, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (years);
  /* The second spin button is the number of years. */
  do
    years = gtk_widget_get_next_sibling (years);
  while (years != NULL && !GTK_IS_SPIN_BUTTON (years));
  g_assert_nonnull (years);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (years), 10);
  settle ();
  g_assert_cmpuint (check_words_whole (grid), >, 10);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled)));
  g_assert_true (gtk_widget_is_drawable (gtk_scrolled_window_get_hscrollbar (GTK_SCROLLED_WINDOW (scrolled))));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (years), 3);
  settle ();
}

/* Counts the amounts shown under @root, labels and entries, grouped as the budget groups them
 * ("24,000.00"); fails on one shown bare ("24000.00"). */
static guint
count_grouped_amounts (GtkWidget *root)
{
  g_autoptr(GRegex) bare = g_regex_new ("(?<![0-9,.])[0-9]{4,}\\.[0-9]{2}(?![0-9])", 0, 0, NULL);
  g_autoptr(GRegex) good = g_regex_new ("(?<![0-9,.])[0-9]{1,3}(,[0-9]{3})+\\.[0-9]{2}(?![0-9])", 0, 0, NULL);
  const char *text = NULL;
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_LABEL (root))
    text = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_TEXT (root))
    text = gtk_editable_get_text (GTK_EDITABLE (root));
  if (text != NULL)
    {
      if (g_regex_match (bare, text, 0, NULL))
        g_error ("“%s” is shown without its digits grouped", text);
      if (g_regex_match (good, text, 0, NULL))
        n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_grouped_amounts (child);
  return n;
}

/* The center's editor, every group filled: its amounts (the paid-in capital, 10,000.00 万元; the
 * shareholders' contributions) grouped as the budget's. */
static void
check_center_amounts (GtkWidget *window,
                      IcwCenter *center)
{
  GtkWidget *editor;
  guint n = 0;

  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ss)", "center",
                                             icw_record_get_id (ICW_RECORD (center))));
  editor = wait_for (window, ICW_TYPE_CENTER_EDITOR);
  /* The groups under the first screen are filled one a frame. */
  for (guint i = 0; i < 20; i++)
    settle ();
  n = count_grouped_amounts (editor);
  g_assert_cmpuint (n, >=, 2);
}

/* The first mapped widget under @root with the CSS class @name. */
static GtkWidget *
with_class (GtkWidget  *root,
            const char *name)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (gtk_widget_has_css_class (root, name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = with_class (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The milestones' headers stand over their columns: "Amount (…)" as wide as the amounts' entries
 * and at the same place, "Condition" where the conditions start (fixed widths put them over the
 * wrong entries). */
static void
check_milestone_columns (GtkWidget *editor)
{
  g_autofree char *amount_title = g_strdup_printf (_("Amount (%s)"), icw_money_unit_symbol (ICW_MONEY_UNIT_WAN));
  GtkLabel *header = shown_label (editor, amount_title);
  GtkWidget *amount = with_class (editor, "amount");
  graphene_rect_t header_bounds, amount_bounds;

  g_assert_nonnull (header);
  g_assert_nonnull (amount);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (header), editor, &header_bounds));
  g_assert_true (gtk_widget_compute_bounds (amount, editor, &amount_bounds));
  /* Within the boxed list's border and padding (2 px); the fixed widths were 50 px off. */
  g_assert_cmpfloat_with_epsilon (header_bounds.origin.x, amount_bounds.origin.x, 4.0);
  g_assert_cmpfloat_with_epsilon (header_bounds.size.width, amount_bounds.size.width, 1.0);
}

/* The funding request's milestones: 3,000.00, 2,300.00 and 1,700.00 万元, as its budget shows
 * amounts. */
static void
check_milestone_amounts (GtkWidget *window,
                         IcwStore  *store,
                         IcwCenter *center)
{
  g_autoptr(GListModel) requests = icw_store_list (store, ICW_RECORD_KIND_FUNDING_REQUEST, icw_record_get_id (ICW_RECORD (center)));
  g_autoptr(IcwRecord) request = g_list_model_get_item (requests, 0);
  GtkWidget *editor;

  g_assert_nonnull (request);
  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ss)", "funding-request",
                                             icw_record_get_id (request)));
  editor = wait_for (window, ICW_TYPE_DOCUMENT_EDITOR);
  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (editor), "milestones");
  settle ();
  g_assert_cmpuint (count_grouped_amounts (editor), >=, 3);
  check_milestone_columns (editor);
}

/* The application's kind is shown whole on the Basic information page ("Upgrade to a national
 * center" was ellipsized beside its title, here and in the reviewer's inbox), inside the page. */
static void
check_kind_shown_whole (GtkWidget      *editor,
                        IcwApplication *application)
{
  const char *kind = icw_application_kind_to_label (icw_application_get_kind (application));
  GtkLabel *label = NULL;
  GtkWidget *scrolled;
  graphene_rect_t bounds;

  for (guint i = 0; i < 100 && label == NULL; i++)
    {
      iterate ();
      label = shown_label (editor, kind);
    }
  g_assert_nonnull (label);
  settle ();
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scrolled) + 0.5);
}

/* The first label under @root, depth first: a section row's title (its badge comes after). */
static GtkWidget *
first_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The section list shows every section's title whole ("Construction app…" and "Market
 * operation…" were cut): none ellipsized, each inside the list, the long ones wrapped onto more
 * lines in the list's width rather than widening it. */
static void
check_section_titles_whole (GtkWidget *editor)
{
  GtkWidget *list = NULL;
  guint n_rows = 0, n_wrapped = 0;

  for (guint i = 0; i < 100 && list == NULL; i++)
    {
      iterate ();
      list = icw_test_first_shown_of_type (editor, GTK_TYPE_LIST_BOX);
      if (list != NULL && !gtk_widget_has_css_class (list, "navigation-sidebar"))
        list = NULL;
    }
  g_assert_nonnull (list);
  settle ();
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *title;
      graphene_rect_t bounds;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      title = first_label (row);
      g_assert_nonnull (title);
      n_rows++;
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
      g_assert_true (gtk_widget_compute_bounds (title, list, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (list) + 0.5);
      if (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))) > 1)
        n_wrapped++;
    }
  g_assert_cmpuint (n_rows, >, 5);
  /* In English "Construction approach" and others are longer than the list is wide (the Chinese
   * titles fit on one line). */
  if (g_strcmp0 (icw_rules_language (), "en") == 0)
    g_assert_cmpuint (n_wrapped, >, 0);
}

static void
test_editor_tables (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(IcwApplication) application = icw_test_sample_application (fixture->store);
  const char *dir = g_getenv ("ICW_SCREENSHOT_DIR");
  g_autofree char *summary_png = NULL;
  g_autofree char *targets_png = NULL;
  g_autofree char *check_png = NULL;
  GtkWidget *window, *editor, *summary, *grid, *panel, *findings;
  GtkAdjustment *adjustment;
  gboolean grouping;
  const char *warned[] = { "call", "risks", "indicators", "registers", "attachments" };

  /* The amounts grouped as a user in en_US or zh_CN sees them (the test runs in C, which groups
   * nothing). */
  grouping = setlocale (LC_NUMERIC, g_strcmp0 (icw_rules_language (), "en") == 0 ? "en_US.UTF-8" : "zh_CN.UTF-8") != NULL;
  if (dir == NULL || *dir == '\0')
    dir = fixture->dir;
  window = GTK_WIDGET (icw_window_new (NULL, fixture->store, settings));
  gtk_window_set_default_size (GTK_WINDOW (window), 1260, 860);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ss)", "application",
                                             icw_record_get_id (ICW_RECORD (application))));
  editor = wait_for (window, ICW_TYPE_DOCUMENT_EDITOR);

  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (editor), "call");
  check_section_titles_whole (editor);
  check_kind_shown_whole (editor, application);
  summary = wait_for (editor, ICW_TYPE_APPLICATION_SUMMARY_GROUP);
  scroll_to (summary);
  summary_png = save_window (window, dir, "editor-summary");
  /* The 基本情况表's investment (24,000.00) and capital (10,000.00 万元). */
  if (grouping)
    g_assert_cmpuint (count_grouped_amounts (summary), >=, 2);

  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (editor), "indicators");
  grid = wait_for (editor, ICW_TYPE_INDICATOR_GRID);
  scroll_to (grid);
  g_assert_true (has_entry_text (grid, "52.5"));
  targets_png = save_window (window, dir, "editor-targets");
  check_targets_grid (grid);

  /* The check: no error, five warnings; the panel scrolled to its last findings, 64号's. */
  icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (editor), "call");
  icw_document_editor_run_check (ICW_DOCUMENT_EDITOR (editor));
  panel = wait_for (editor, ICW_TYPE_CHECK_PANEL);
  settle ();
  g_assert_cmpuint (icw_check_panel_n_errors (ICW_CHECK_PANEL (panel)), ==, 0);
  /* The call's deadline, the risks, the indicators, the field (registers), the certificates. */
  for (guint i = 0; i < G_N_ELEMENTS (warned); i++)
    g_assert_cmpuint (icw_check_panel_count (ICW_CHECK_PANEL (panel), warned[i], FALSE), ==, 1);
  findings = icw_test_first_shown_of_type (panel, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (findings);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (findings));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  settle ();
  check_png = save_window (window, dir, "check-basis");

  if (grouping)
    {
      check_center_amounts (window, fixture->center);
      check_milestone_amounts (window, fixture->store, fixture->center);
    }

  g_assert_true (g_file_test (summary_png, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (targets_png, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (check_png, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  setlocale (LC_NUMERIC, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", FALSE);
  icw_i18n_init ();
  /* Drawing the README's pictures, the system's folders are kept (the command gives HOME and the
   * XDG folders of its own): isolated (XDG_DATA_DIRS a test folder), every icon was drawn as a
   * broken image. The store is in the fixture's folder either way. */
  g_test_init (&argc, &argv, g_getenv ("ICW_SCREENSHOT_DIR") != NULL ? NULL : G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  adw_init ();
  icw_register_resource ();
  /* Criticals stay fatal; warnings not (a headless machine may lack the SVG icon loader). */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/ui-editor-tables/summary-and-targets", Fixture, NULL, icw_test_sample_set_up, test_editor_tables,
              icw_test_sample_tear_down);
  return g_test_run ();
}
