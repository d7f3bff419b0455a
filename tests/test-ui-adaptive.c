/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-adaptive.c: the real window (icw-window.c) with the sample center can be made 360 px
 * wide on every page, with every record kind's editor on each of its sections: the window's
 * minimum width is measured there (gtk_widget_measure, as GTK does before it sizes the window) and
 * the widest is printed; over 360 px fails, naming the page and section. Then the window is made
 * 360 px wide for real: every level folds (the sidebar, the register's list, the editor's
 * sections), a record shown from the program shows its editor, and the Back button walks back up
 * to the sidebar, one level a click. The dialogs' widths are checked in test-ui-keyboard.c.
 * With ICW_SCREENSHOT_DIR set, the window is also drawn at 360, 800 and 1280 px with the sample's
 * application in its editor, to adaptive-WIDTH-LANGUAGE.png there (docs/screenshots; run with
 * ICW_TEST_LANGUAGE=zh_CN and the build's catalogue in ICW_LOCALEDIR for the Chinese ones, under
 * an X screen wider than 1280 px). ICW_ADAPTIVE_ALL=1 measures every page without stopping at the
 * first too wide, printing for each what makes it so (the chain of widest children). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "icw-adaptive-bin.h"
#include "icw-center-editor.h"
#include "icw-document-editor.h"
#include "icw-i18n.h"
#include "icw-organization-editor.h"
#include "icw-sample.h"
#include "icw-test-util.h"
#include "icw-test-ui.h"
#include "icw-workbench-app.h"

#define NARROWEST 360

typedef IcwTestWindow Fixture;

/* The window's content: what the window needs inside its frame (under Xvfb, without a compositor,
 * GTK adds a solid frame of its own around it). */
static GtkWidget *
content_of (Fixture *fixture)
{
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
}

/* What the pages need: the content's child (the content itself asks for NARROWEST px at least, the
 * figure the metainfo gives, which test-ui-shortcuts.c checks). */
static int
minimum_width (Fixture *fixture)
{
  int width;

  gtk_widget_measure (adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (content_of (fixture))),
                      GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width;
}

/* What makes a widget as wide as it is: the chain of children, each the widest of its mapped
 * siblings, down to the widget whose own minimum it is (printed when a page is too wide). */
static void
print_widest (GtkWidget *widget,
              guint      depth)
{
  GtkWidget *widest = NULL;
  int width, widest_width = -1;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_printerr ("%*s%s (%s) %d px%s%s\n", (int) depth, "", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_css_name (widget), width,
              GTK_IS_LABEL (widget) ? ": " : "", GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_width;

      /* A stack's pages other than the one shown do not count (the window's stack is not
       * homogeneous); an editor's stack of sections is, and its hidden pages do. */
      if (!gtk_widget_get_visible (child) ||
          (GTK_IS_STACK (widget) && !gtk_stack_get_hhomogeneous (GTK_STACK (widget)) &&
           child != gtk_stack_get_visible_child (GTK_STACK (widget))))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_width, NULL, NULL, NULL);
      if (child_width > widest_width)
        {
          widest = child;
          widest_width = child_width;
        }
    }
  if (widest != NULL && depth < 80)
    print_widest (widest, depth + 1);
}

/* The window's minimum width is NARROWEST at most with PAGE (and SECTION) shown. */
static int
assert_narrow (Fixture    *fixture,
               const char *page,
               const char *section)
{
  int width = minimum_width (fixture);

  g_test_message ("%s%s%s: %d px", page, section != NULL ? " / " : "", section != NULL ? section : "", width);
  if (width > NARROWEST)
    print_widest (content_of (fixture), 0);
  if (width > NARROWEST && g_getenv ("ICW_ADAPTIVE_ALL") == NULL)
    g_error ("the window cannot be narrower than %d px on %s%s%s", width, page,
             section != NULL ? ", section " : "", section != NULL ? section : "");
  return width;
}

/* Shows the sample's first record of KIND on its page (of applications, its draft upgrade), and
 * returns its editor. */
static GtkWidget *
show_first (Fixture       *fixture,
            IcwRecordKind  kind,
            GType          editor_type)
{
  IcwStore *store = icw_workbench_app_get_store (fixture->app);
  g_autoptr(GListModel) records = icw_store_list (store, kind,
                                                  kind == ICW_RECORD_KIND_ORGANIZATION || kind == ICW_RECORD_KIND_CENTER ? NULL
                                                  : icw_record_get_id (ICW_RECORD (fixture->center)));
  g_autoptr(IcwRecord) record = kind == ICW_RECORD_KIND_APPLICATION ? ICW_RECORD (icw_test_sample_application (store))
                                                                    : g_list_model_get_item (records, 0);
  GtkWidget *editor;

  g_assert_nonnull (record);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-record", "(ss)",
                                             icw_record_kind_to_key (kind), icw_record_get_id (record)));
  icw_test_ui_iterate ();
  editor = icw_test_first_shown_of_type (GTK_WIDGET (fixture->window), editor_type);
  g_assert_nonnull (editor);
  return editor;
}

typedef struct {
  const char *page;
  IcwRecordKind kind;
  GType (*editor_type) (void);
} PageCase;

static const PageCase page_cases[] = {
  { "centers", ICW_RECORD_KIND_CENTER, icw_center_editor_get_type },
  { "organizations", ICW_RECORD_KIND_ORGANIZATION, icw_organization_editor_get_type },
  { "applications", ICW_RECORD_KIND_APPLICATION, icw_document_editor_get_type },
  { "agreements", ICW_RECORD_KIND_IP_AGREEMENT, icw_document_editor_get_type },
  { "funding", ICW_RECORD_KIND_FUNDING_REQUEST, icw_document_editor_get_type },
};

/* Every page, and every section of every document editor, fits in NARROWEST px. */
static void
test_minimum_widths (Fixture *fixture)
{
  int widest = 0;
  guint measured = 0;

  for (guint i = 0; i < G_N_ELEMENTS (page_cases); i++)
    {
      GtkWidget *editor = show_first (fixture, page_cases[i].kind, page_cases[i].editor_type ());

      widest = MAX (widest, assert_narrow (fixture, page_cases[i].page, NULL));
      measured++;
      if (!ICW_IS_DOCUMENT_EDITOR (editor))
        continue;
      {
        GtkStack *sections = icw_document_editor_get_pages (ICW_DOCUMENT_EDITOR (editor));
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

        for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (sections)); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (names, g_strdup (gtk_stack_page_get_name (gtk_stack_get_page (sections, child))));
        g_assert_cmpuint (names->len, >, 1);
        for (guint j = 0; j < names->len; j++)
          {
            icw_document_editor_select_page (ICW_DOCUMENT_EDITOR (editor), names->pdata[j]);
            icw_test_ui_iterate ();
            g_assert_cmpstr (icw_document_editor_get_visible_page (ICW_DOCUMENT_EDITOR (editor)), ==, names->pdata[j]);
            widest = MAX (widest, assert_narrow (fixture, page_cases[i].page, names->pdata[j]));
            measured++;
          }
      }
    }
  g_print ("# the window's minimum width over %u pages and sections: %d px\n", measured, widest);
  g_assert_cmpuint (measured, >, 20);
}

/* Resizes the window as a user would, and waits until GTK has given it the size. */
static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  GtkWidget *content = content_of (fixture);

  /* The window's frame, if any, is added to the size asked for the content. */
  gtk_window_set_default_size (fixture->window, width, height);
  icw_test_ui_iterate ();
  for (int i = 0; i < 100 && gtk_widget_get_width (content) != width; i++)
    {
      int asked, asked_height;

      gtk_window_get_default_size (fixture->window, &asked, &asked_height);
      if (i % 5 == 4)
        gtk_window_set_default_size (fixture->window, asked + width - gtk_widget_get_width (content), height);
      g_usleep (20000);
      icw_test_ui_iterate ();
    }
  g_assert_cmpint (gtk_widget_get_width (content), ==, width);
}

/* The window drawn as GTK draws it, into DIR/NAME. */
static void
save_png (GtkWidget  *window,
          const char *dir,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("# drew %s (%d x %d)\n", path, width, height);
}

static void
take_screenshots (Fixture *fixture)
{
  static const int widths[] = { 1280, 800, 360 };
  static const char * const levels[] = { "sections", "list", "pages" };
  const char *dir = g_getenv ("ICW_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");

  if (dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("adaptive-%d-%s.png", widths[i], language);
      GtkWidget *editor;

      resize (fixture, widths[i], 800);
      editor = show_first (fixture, ICW_RECORD_KIND_APPLICATION, ICW_TYPE_DOCUMENT_EDITOR);
      /* Its first section, as a click on it in the list shows it. */
      {
        GtkWidget *sections = icw_adaptive_bin_get_sidebar (ICW_ADAPTIVE_BIN (icw_test_first_of_type (editor, ICW_TYPE_ADAPTIVE_BIN)));
        GtkListBox *list = GTK_LIST_BOX (icw_test_first_of_type (sections, GTK_TYPE_LIST_BOX));
        GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

        gtk_list_box_select_row (list, first);
        g_signal_emit_by_name (list, "row-activated", first);
      }
      icw_test_ui_iterate ();
      save_png (content_of (fixture), dir, name);
    }
  /* At 360 px, each level up from there: the sections, the applications, the window's pages. */
  for (guint level = 0; level < G_N_ELEMENTS (levels); level++)
    {
      g_autofree char *name = g_strdup_printf ("adaptive-360-%s-%s.png", levels[level], language);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.navigate-back", NULL));
      icw_test_ui_iterate ();
      save_png (content_of (fixture), dir, name);
    }
}

/* The header bar's Back button (win.navigate-back). */
static void
find_back_button (GtkWidget  *root,
                  GtkWidget **found)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.navigate-back") == 0)
    *found = root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL && *found == NULL;
       child = gtk_widget_get_next_sibling (child))
    find_back_button (child, found);
}

/* The header bar's title label shown (its title widget's: the whole title, or where that does not
 * fit its short form). */
static GtkLabel *
header_title (Fixture *fixture)
{
  GtkWidget *header = icw_test_first_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR);
  GtkWidget *squeezer = adw_header_bar_get_title_widget (ADW_HEADER_BAR (header));
  GtkLabel *title = GTK_LABEL (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)));

  g_assert_nonnull (title);
  return title;
}

/* The header bar's title says TEXT, whole (not ellipsized). */
static void
assert_header_title (Fixture    *fixture,
                     const char *text)
{
  GtkLabel *title = header_title (fixture);

  g_assert_cmpstr (gtk_label_get_text (title), ==, text);
  if (pango_layout_is_ellipsized (gtk_label_get_layout (title)))
    g_error ("the header bar's title “%s” is cut at %d px", text, gtk_widget_get_width (content_of (fixture)));
}

/* Made 360 px wide, the window folds every level; Back goes up one level a click. */
static void
test_narrow_window (Fixture *fixture)
{
  GtkWidget *back = NULL;
  GtkWidget *editor;
  /* The window's sidebar: the list of the outermost level. */
  IcwAdaptiveBin *outer = ICW_ADAPTIVE_BIN (icw_test_first_of_type (content_of (fixture), ICW_TYPE_ADAPTIVE_BIN));
  GtkWidget *sidebar = icw_test_first_of_type (icw_adaptive_bin_get_sidebar (outer), GTK_TYPE_LIST_BOX);
  guint clicks = 0;

  find_back_button (GTK_WIDGET (fixture->window), &back);
  g_assert_nonnull (back);
  resize (fixture, NARROWEST, 720);

  /* An application's editor, shown from the program: the page, its editor and a section. */
  editor = show_first (fixture, ICW_RECORD_KIND_APPLICATION, ICW_TYPE_DOCUMENT_EDITOR);
  icw_test_ui_iterate ();
  g_assert_false (gtk_widget_get_mapped (sidebar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (icw_document_editor_get_pages (ICW_DOCUMENT_EDITOR (editor)))));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_cmpint (gtk_widget_get_width (editor), <=, NARROWEST);
  /* The header names the page shown, whole: the application's name would be cut to "Inno…". The
   * titles in the user's language (ICW_TEST_LANGUAGE draws the Chinese screenshots). */
  assert_header_title (fixture, _("Applications"));
  {
    static const char * const pages[][2] = {
      { "centers", "Centers" }, { "organizations", "Organizations" }, { "agreements", "IP Agreements" },
      { "funding", "Funding" }, { "applications", "Applications" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", pages[i][0]));
        icw_test_ui_iterate ();
        assert_header_title (fixture, _(pages[i][1]));
      }
  }
  g_assert_cmpstr (gtk_window_get_title (fixture->window), ==, _("Innovation Center Workbench"));

  /* Back: the sections, then the applications, then the window's sidebar; no Back there. */
  while (gtk_widget_get_visible (back) && clicks < 10)
    {
      g_assert_true (gtk_widget_activate_action (back, "win.navigate-back", NULL));
      icw_test_ui_iterate ();
      clicks++;
    }
  g_assert_cmpuint (clicks, ==, 3);
  g_assert_true (gtk_widget_get_mapped (sidebar));
  /* The application's name, short where the whole would be cut ("Innovation Center …"). */
  assert_header_title (fixture, g_str_equal (_("Innovation Center Workbench"), "Innovation Center Workbench")
                                ? C_("short application name", "Workbench") : _("Innovation Center Workbench"));

  /* And forward again: a row of the sidebar activated shows its page. */
  g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)));
  icw_test_ui_iterate ();
  g_assert_false (gtk_widget_get_mapped (sidebar));
  g_assert_true (gtk_widget_get_visible (back));

  /* Wide again (1200 px: the window's frame fits on CI's 1280 px screen), nothing is folded and
   * there is nothing to go back to. */
  resize (fixture, 1200, 800);
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (icw_document_editor_get_pages (ICW_DOCUMENT_EDITOR (editor)))));
  assert_header_title (fixture, _("Innovation Center Workbench"));
}

static void
test_adaptive (Fixture       *fixture,
               gconstpointer  data)
{
  test_minimum_widths (fixture);
  test_narrow_window (fixture);
  take_screenshots (fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", g_getenv ("ICW_TEST_LANGUAGE") != NULL ? g_getenv ("ICW_TEST_LANGUAGE") : "en", TRUE);
  /* The catalogue of ICW_LOCALEDIR (the build tree's), as ic-workbench's main() finds it. */
  icw_i18n_init ();
  /* Drawing for docs/screenshots wants the system's MIME database (the icons are SVG files): the
   * caller gives it throwaway XDG_DATA_HOME and XDG_CONFIG_HOME instead. */
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
  g_test_add ("/ui-adaptive/window", Fixture, NULL, icw_test_window_set_up, test_adaptive, icw_test_window_tear_down);
  return g_test_run ();
}
