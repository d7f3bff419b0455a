/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-preview.c: the document preview window (icw-document-preview.h). The document is
 * built from the store here, on the main thread; the layout and the PDF are made in a worker
 * thread (icw-document-pdf.h) while a progress bar with Cancel shows; the pages are then drawn on
 * the main thread by the same layout that the printer and the PDF use, scaled to fit. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-document-pdf.h"
#include "icw-document-preview.h"
#include "icw-print.h"
#include "icw-overflow-box.h"
#include "icw-ui-util.h"

struct _IcwDocumentPreview
{
  AdwWindow parent_instance;

  IcwStore *store;
  IcwRecord *record;
  IcwDocument *document;
  IcwDocumentLayout *layout;
  GCancellable *cancellable;
  guint page;

  AdwToastOverlay *toasts;
  GtkWidget *area;
  GtkLabel *page_label;
  GtkLabel *short_page_label;   /* "1 / 13", shown where "Page 1 of 13" would be cut */
  GtkSpinButton *copies;
  GtkWidget *progress_box;
  GtkProgressBar *progress;
  GtkLabel *progress_label;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (IcwDocumentPreview, icw_document_preview, ADW_TYPE_WINDOW)

static void
update (IcwDocumentPreview *self)
{
  guint n = icw_document_preview_get_n_pages (self);
  g_autofree char *label = NULL;

  /* TRANSLATORS: the page shown in the document preview */
  label = n > 0 ? g_strdup_printf (_("Page %u of %u"), self->page + 1, n) : g_strdup ("");
  gtk_label_set_text (self->page_label, label);
  g_free (label);
  /* TRANSLATORS: the page shown in the document preview, short, for a narrow window: "1 / 13" */
  label = n > 0 ? g_strdup_printf (_("%u / %u"), self->page + 1, n) : g_strdup ("");
  gtk_label_set_text (self->short_page_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", n > 0 && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", n > 0 && self->page + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", self->layout != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save", self->layout != NULL);
  gtk_widget_queue_draw (self->area);
}

static void
show_progress (IcwDocumentPreview *self,
               const char         *what)
{
  gtk_label_set_text (self->progress_label, what);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (self->progress_box, TRUE);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  IcwDocumentPreview *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
}

static void
restart_cancellable (IcwDocumentPreview *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
on_laid_out (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IcwDocumentPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  IcwDocumentLayout *layout = icw_document_layout_finish (result, &error);

  if (layout == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      if (self->document != NULL && self->layout == NULL)
        gtk_widget_set_visible (self->progress_box, FALSE);
      return;
    }
  g_clear_pointer (&self->layout, icw_document_layout_free);
  self->layout = layout;
  self->page = MIN (self->page, icw_document_layout_get_n_pages (layout) - 1);
  gtk_widget_set_visible (self->progress_box, FALSE);
  update (self);
}

static gboolean
build_document (IcwDocumentPreview  *self,
                GError             **error)
{
  IcwDocument *document = icw_document_new_for_record (self->store, self->record,
                                                       (guint) gtk_spin_button_get_value_as_int (self->copies), error);

  if (document == NULL)
    return FALSE;
  g_clear_pointer (&self->document, icw_document_unref);
  self->document = document;
  g_clear_pointer (&self->layout, icw_document_layout_free);
  restart_cancellable (self);
  show_progress (self, _("Laying out the pages…"));
  update (self);
  icw_document_layout_async (self->document, self->cancellable, on_progress, self, on_laid_out, g_object_ref (self));
  return TRUE;
}

static void
on_copies_changed (IcwDocumentPreview *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !build_document (self, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  IcwDocumentPreview *self = user_data;
  double scale = MIN ((width - 24) / ICW_PAGE_WIDTH_PT, (height - 24) / ICW_PAGE_HEIGHT_PT);

  if (self->layout == NULL || scale <= 0)
    return;
  /* Zoom to fit: the whole page, centred, on a white sheet. */
  cairo_translate (cr, (width - ICW_PAGE_WIDTH_PT * scale) / 2, (height - ICW_PAGE_HEIGHT_PT * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, ICW_PAGE_WIDTH_PT, ICW_PAGE_HEIGHT_PT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);
  icw_document_layout_draw_page (self->layout, cr, self->page);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IcwDocumentPreview) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (self->progress_box, FALSE);
  if (icw_document_render_pdf_finish (result, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The PDF file is saved.")));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saving was cancelled; no file was written.")));
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     IcwDocumentPreview *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL || self->document == NULL)
    return;
  restart_cancellable (self);
  show_progress (self, _("Writing the PDF file…"));
  icw_document_render_pdf_async (self->document, path, self->cancellable, on_progress, self, on_saved, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  IcwDocumentPreview *self = ICW_DOCUMENT_PREVIEW (widget);
  g_autofree char *suggested = NULL;

  if (self->document == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  suggested = g_strdup_printf ("%s.pdf", icw_document_get_title (self->document));
  g_strdelimit (suggested, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
navigate_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  IcwDocumentPreview *self = ICW_DOCUMENT_PREVIEW (widget);

  if (g_str_equal (name, "preview.next"))
    icw_document_preview_set_page (self, self->page + 1);
  else if (self->page > 0)
    icw_document_preview_set_page (self, self->page - 1);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  icw_document_preview_print (ICW_DOCUMENT_PREVIEW (widget));
}

static void
on_cancel_clicked (IcwDocumentPreview *self)
{
  g_cancellable_cancel (self->cancellable);
}

static GtkWidget *
header_button (const char *icon,
               const char *tooltip,
               const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
build (IcwDocumentPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = icw_ui_mnemonic_button_new (_("_Print…"));
  GtkWidget *save = icw_ui_mnemonic_button_new (_("_Save as PDF…"));
  GtkWidget *copies_label = gtk_label_new_with_mnemonic (_("C_opies"));
  GtkWidget *cancel = icw_ui_mnemonic_button_new (_("_Cancel"));
  GtkWidget *buttons = icw_overflow_box_new ();
  GtkWidget *copies_bar = gtk_action_bar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 880);
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  self->short_page_label = GTK_LABEL (gtk_label_new (NULL));
  self->copies = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 20, 1));
  gtk_spin_button_set_value (self->copies, ICW_DOCUMENT_DEFAULT_COPIES);
  gtk_label_set_mnemonic_widget (GTK_LABEL (copies_label), GTK_WIDGET (self->copies));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copies), _("The number of paper copies the cover states"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->copies), GTK_ACCESSIBLE_RELATION_LABELLED_BY, copies_label, NULL, -1);
  g_signal_connect_swapped (self->copies, "value-changed", G_CALLBACK (on_copies_changed), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "preview.print");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "preview.save");
  gtk_widget_add_css_class (print, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), header_button ("go-previous-symbolic", _("Previous Page"), "preview.previous"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), header_button ("go-next-symbolic", _("Next Page"), "preview.next"));
  /* The page shown is the bar's title: "Page 1 of 13", or where that does not fit (the bar centres
   * its title between sides as wide as the wider one: a 360 px window cut it to "Page 1 …") the
   * short "1 / 13" (a squeezer shows the first that fits). */
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "title");
  gtk_widget_add_css_class (GTK_WIDGET (self->short_page_label), "title");
  {
    GtkWidget *squeezer = adw_squeezer_new ();

    adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
    adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
    adw_squeezer_add (ADW_SQUEEZER (squeezer), GTK_WIDGET (self->page_label));
    adw_squeezer_add (ADW_SQUEEZER (squeezer), GTK_WIDGET (self->short_page_label));
    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), squeezer);
  }
  /* On a narrow window Save as PDF goes into a menu (icw-overflow-box.c); the copies are below
   * the page, where they leave the header bar room. */
  icw_overflow_box_append (ICW_OVERFLOW_BOX (buttons), save);
  icw_overflow_box_append (ICW_OVERFLOW_BOX (buttons), print);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), buttons);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (copies_bar), GTK_WIDGET (self->copies));
  gtk_action_bar_pack_end (GTK_ACTION_BAR (copies_bar), copies_label);
  gtk_box_append (GTK_BOX (box), header);

  self->progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (self->progress_box, 12);
  gtk_widget_set_margin_end (self->progress_box, 12);
  gtk_widget_set_margin_top (self->progress_box, 6);
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->progress_label, PANGO_ELLIPSIZE_END);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  gtk_box_append (GTK_BOX (self->progress_box), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (self->progress_box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (self->progress_box), cancel);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->progress_box);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_add_css_class (self->area, "view");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_page, self, NULL);
  gtk_box_append (GTK_BOX (box), self->area);
  gtk_box_append (GTK_BOX (box), copies_bar);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static void
icw_document_preview_dispose (GObject *object)
{
  IcwDocumentPreview *self = ICW_DOCUMENT_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->layout, icw_document_layout_free);
  g_clear_pointer (&self->document, icw_document_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icw_document_preview_parent_class)->dispose (object);
}

static void
icw_document_preview_class_init (IcwDocumentPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_document_preview_dispose;
  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "preview.save", NULL);
  icw_ui_class_add_close_keys (widget_class);
}

static void
icw_document_preview_init (IcwDocumentPreview *self)
{
  self->cancellable = g_cancellable_new ();
  build (self);
}

IcwDocumentPreview *
icw_document_preview_new (GtkWindow  *parent,
                          IcwStore   *store,
                          IcwRecord  *record,
                          GError    **error)
{
  g_autoptr(IcwDocumentPreview) self = g_object_ref_sink (g_object_new (ICW_TYPE_DOCUMENT_PREVIEW,
                                                                        "transient-for", parent, NULL));

  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  if (!build_document (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return g_steal_pointer (&self);
}

guint
icw_document_preview_get_n_pages (IcwDocumentPreview *self)
{
  g_return_val_if_fail (ICW_IS_DOCUMENT_PREVIEW (self), 0);
  return self->layout != NULL ? icw_document_layout_get_n_pages (self->layout) : 0;
}

guint
icw_document_preview_get_page (IcwDocumentPreview *self)
{
  g_return_val_if_fail (ICW_IS_DOCUMENT_PREVIEW (self), 0);
  return self->page;
}

void
icw_document_preview_set_page (IcwDocumentPreview *self,
                               guint               page)
{
  g_return_if_fail (ICW_IS_DOCUMENT_PREVIEW (self));
  if (self->layout == NULL || page >= icw_document_layout_get_n_pages (self->layout))
    return;
  self->page = page;
  update (self);
}

cairo_surface_t *
icw_document_preview_render_page (IcwDocumentPreview *self,
                                  guint               page,
                                  int                 width)
{
  int height = (int) (width * ICW_PAGE_HEIGHT_PT / ICW_PAGE_WIDTH_PT);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (ICW_IS_DOCUMENT_PREVIEW (self), NULL);
  g_return_val_if_fail (self->layout != NULL && page < icw_document_layout_get_n_pages (self->layout), NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / ICW_PAGE_WIDTH_PT, width / ICW_PAGE_WIDTH_PT);
  icw_document_layout_draw_page (self->layout, cr, page);
  cairo_destroy (cr);
  return surface;
}

void
icw_document_preview_print (IcwDocumentPreview *self)
{
  g_return_if_fail (ICW_IS_DOCUMENT_PREVIEW (self));
  if (self->layout != NULL)
    icw_print_layout (GTK_WINDOW (self), self->layout);
}
