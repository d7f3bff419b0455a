/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-test-ui.c: what the window tests share (icw-test-ui.h). */
#include "config.h"

#include <locale.h>

#include "icw-resources.h"
#include "icw-sample.h"
#include "icw-test-ui.h"

void
icw_test_ui_init (int    *argc,
                  char ***argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  adw_init ();
  icw_register_resource ();
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

void
icw_test_ui_iterate (void)
{
  for (int i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (i % 4 == 3)
        g_usleep (10000);
    }
}

GtkWidget *
icw_test_first_of_type (GtkWidget *widget,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = icw_test_first_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
icw_test_first_shown_of_type (GtkWidget *widget,
                              GType      type)
{
  /* A widget on screen has every widget above it on screen too. */
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = icw_test_first_shown_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
icw_test_all_of_type (GtkWidget *widget,
                      GType      type,
                      GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    icw_test_all_of_type (child, type, found);
}

void
icw_test_label_texts (GtkWidget *widget,
                      GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    icw_test_label_texts (child, texts);
}

AdwComboRow *
icw_test_combo_titled (GtkWidget  *root,
                       const char *title)
{
  if (ADW_IS_COMBO_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_COMBO_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = icw_test_combo_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
icw_test_find_button (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = icw_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
icw_test_window_set_up (IcwTestWindow *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GList *windows;

  fixture->app = icw_workbench_app_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           g_application_get_flags (G_APPLICATION (fixture->app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  icw_test_ui_iterate ();
  windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
  g_assert_nonnull (windows);
  fixture->window = windows->data;
  fixture->center = icw_sample_load (icw_workbench_app_get_store (fixture->app), &error);
  g_assert_no_error (error);
}

void
icw_test_window_tear_down (IcwTestWindow *fixture,
                           gconstpointer  data)
{
  g_clear_object (&fixture->center);
  gtk_window_destroy (fixture->window);
  icw_test_ui_iterate ();
  g_application_quit (G_APPLICATION (fixture->app));
  g_clear_object (&fixture->app);
}

/* Whether WIDGET is inside a scrolled window under TOP (what lies past its edge scrolls). */
static gboolean
scrolls (GtkWidget *widget,
         GtkWidget *top)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && w != top; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w) || GTK_IS_VIEWPORT (w))
      return TRUE;
  return FALSE;
}

void
icw_test_find_cuts (GtkWidget          *root,
                    GtkWidget          *top,
                    const char * const *allowed_cut,
                    GString            *faults)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_LABEL (root) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))) &&
      (allowed_cut == NULL || !g_strv_contains (allowed_cut, gtk_label_get_text (GTK_LABEL (root)))))
    g_string_append_printf (faults, "the label “%s” is cut (%d px)\n", gtk_label_get_text (GTK_LABEL (root)),
                            gtk_widget_get_width (root));
  if (gtk_widget_get_first_child (root) == NULL && gtk_widget_compute_bounds (root, top, &bounds) &&
      bounds.size.width > 0 && bounds.origin.x + bounds.size.width > gtk_widget_get_width (top) + 0.5 &&
      !scrolls (root, top))
    g_string_append_printf (faults, "%s (%s%s%s) ends at %.0f px, past the window's %d px\n", G_OBJECT_TYPE_NAME (root),
                            gtk_widget_get_css_name (root), GTK_IS_LABEL (root) ? ": " : "",
                            GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root)) : "",
                            bounds.origin.x + bounds.size.width, gtk_widget_get_width (top));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    icw_test_find_cuts (child, top, allowed_cut, faults);
}

void
icw_test_save_png (GtkWidget  *inside,
                   const char *name)
{
  const char *dir = g_getenv ("ICW_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (inside), height = gtk_widget_get_height (inside);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (inside);
  file = g_strdup_printf ("narrow-%s-%s.png", name, g_getenv ("LANGUAGE"));
  path = g_build_filename (dir, file, NULL);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (inside)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("# drew %s (%d x %d)\n", path, width, height);
}
