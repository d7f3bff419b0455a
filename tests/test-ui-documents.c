/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-documents.c: the document preview in process, on the sample's funding request in a real
 * window: the layout arrives from its worker thread, the page count is the renderer's, navigation
 * moves page by page and stops at both ends, a drawn page has ink on it, a record without a
 * document is refused. */
#include "config.h"

#include <adwaita.h>

#include "icw-document-layout.h"
#include "icw-document-preview.h"
#include "icw-print.h"
#include "icw-print-actions.h"
#include "icw-sample.h"
#include "icw-test-ui.h"
#include "icw-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  IcwStore  *store;
  IcwCenter *center;
  IcwRecord *request;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) requests = NULL;

  f->dir = icw_test_make_tmp_dir ("icw-ui-documents-XXXXXX", &f->path);
  f->store = icw_test_open_store (f->path);
  f->center = icw_sample_load (f->store, &error);
  g_assert_no_error (error);
  requests = icw_store_list (f->store, ICW_RECORD_KIND_FUNDING_REQUEST, NULL);
  f->request = g_list_model_get_item (requests, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->request);
  g_clear_object (&f->center);
  g_clear_object (&f->store);
  icw_test_clear_tmp_dir (&f->dir, &f->path);
}

static void
wait_for_pages (IcwDocumentPreview *preview)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (icw_document_preview_get_n_pages (preview) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_ink (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint dark = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (data[y * stride + x * 4 + 1] < 128)
        dark++;
  return dark > 50;
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocument) document = icw_document_new_for_record (f->store, f->request, 2, &error);
  g_autoptr(IcwDocumentLayout) layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  g_autoptr(IcwDocumentPreview) preview = icw_document_preview_new (NULL, f->store, f->request, &error);
  guint n;

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  gtk_window_present (GTK_WINDOW (preview));
  g_assert_cmpuint (icw_document_preview_get_n_pages (preview), ==, 0);   /* still in the worker */
  wait_for_pages (preview);
  n = icw_document_preview_get_n_pages (preview);
  g_assert_cmpuint (n, ==, icw_document_layout_get_n_pages (layout));
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (icw_document_preview_get_page (preview), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  g_assert_cmpuint (icw_document_preview_get_page (preview), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous", NULL));
  g_assert_cmpuint (icw_document_preview_get_page (preview), ==, 0);
  /* Navigation stops at both ends. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous", NULL);
  g_assert_cmpuint (icw_document_preview_get_page (preview), ==, 0);
  icw_document_preview_set_page (preview, n - 1);
  g_assert_cmpuint (icw_document_preview_get_page (preview), ==, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL);
  g_assert_cmpuint (icw_document_preview_get_page (preview), ==, n - 1);
  icw_document_preview_set_page (preview, n + 5);   /* out of range: ignored */
  g_assert_cmpuint (icw_document_preview_get_page (preview), ==, n - 1);

  for (guint p = 0; p < n; p++)
    {
      cairo_surface_t *surface = icw_document_preview_render_page (preview, p, 300);

      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 424);
      g_assert_true (has_ink (surface));
      cairo_surface_destroy (surface);
    }
  gtk_window_destroy (GTK_WINDOW (preview));
}

static void
test_no_document (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IcwDocumentPreview *preview = icw_document_preview_new (NULL, f->store, ICW_RECORD (f->center), &error);

  g_assert_null (preview);
  g_assert_nonnull (error);
}

/* The Print menu has Export Word…, enabled once the button has a record, disabled without one. */
static void
test_print_menu (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(IcwPrintActions) actions = icw_print_actions_new (box, f->store);
  GtkWidget *button = icw_print_menu_button_new ();
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  gboolean found = FALSE;

  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (GTK_WINDOW (window), box);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      if (g_strcmp0 (action, "document.export-docx") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (label, ==, "Export _Word…");
        }
    }
  g_assert_true (found);
  {
    GActionGroup *group = G_ACTION_GROUP (actions);

    gtk_widget_insert_action_group (box, "document", group);
    g_assert_false (g_action_group_get_action_enabled (group, "export-docx"));   /* no record yet */
    icw_print_actions_set_record (actions, ICW_RECORD (f->request));
    g_assert_true (g_action_group_get_action_enabled (group, "export-docx"));
    icw_print_actions_set_record (actions, NULL);
    g_assert_false (g_action_group_get_action_enabled (group, "export-docx"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

#define add(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  icw_test_ui_init (&argc, &argv);

  add ("/ui-documents/preview", test_preview);
  add ("/ui-documents/no-document", test_no_document);
  add ("/ui-documents/print-menu", test_print_menu);
  return g_test_run ();
}
