/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-reviewer-overview.c: the overview's GtkColumnView. Each item is an IcwReviewerOverviewItem
 * owning an IcwReviewOverviewRow; each column has a label factory and a sorter on its text (the version by
 * number); the search keeps the rows whose center, document or status contains it (case folded).
 * The export writes the rows shown, in the order shown. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icw-review-overview.h"
#include "icw-reviewer-overview-item.h"
#include "icw-reviewer-overview.h"
#include "icw-ui-util.h"

enum { COL_CENTER, COL_DOCUMENT, COL_VERSION, COL_STATUS, COL_SUBMITTED, COL_DEADLINE, N_COLS };

struct _IcwReviewerOverview
{
  GtkBox parent_instance;

  IcwStore *store;
  GListStore *items;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkCustomFilter *filter;
  char *search_text;           /* case folded, or NULL */
  GtkColumnViewColumn *columns[N_COLS];
  guint reload_id;
  guint turn_source;           /* turn_toolbar, pending */
  GtkFileChooserNative *chooser;

  GtkWidget *toolbar;
  GtkSearchEntry *search;
  GtkLabel *count_label;
  GtkColumnView *view;
};

G_DEFINE_FINAL_TYPE (IcwReviewerOverview, icw_reviewer_overview, GTK_TYPE_BOX)

static const char *
column_title (guint column)
{
  switch (column)
    {
    case COL_CENTER: return _("Center");
    case COL_DOCUMENT: return _("Document");
    case COL_VERSION: return _("Version");
    case COL_STATUS: return _("Status");
    case COL_SUBMITTED: return _("Submitted on");
    default: return _("Deadline");
    }
}

static IcwReviewOverviewRow *
row_of (gpointer item)
{
  return icw_reviewer_overview_item_get_row (item);
}

/* The cell's text; NULL for an empty cell. */
static char *
cell_text (IcwReviewOverviewRow *row,
           guint                 column)
{
  switch (column)
    {
    case COL_CENTER: return g_strdup (row->center);
    case COL_DOCUMENT: return g_strdup (row->document);
    case COL_VERSION: return row->record_id != NULL ? g_strdup_printf ("%d", row->version) : NULL;
    case COL_STATUS: return row->record_id != NULL ? g_strdup (icw_application_status_to_label (row->status)) : NULL;
    case COL_SUBMITTED: return g_strdup (row->submitted);
    default: return g_strdup (row->deadline);
    }
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The center's and the document's names wrap in their columns, at least CELL_WIDTH_CHARS wide (a
 * narrow window cut them to "齐鲁海洋…", "Application:…"); the short columns are whole; past the
 * window's edge the table scrolls sideways. */
#define CELL_WIDTH_CHARS 10

static void
on_setup_wrapping (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), CELL_WIDTH_CHARS);
  gtk_list_item_set_child (item, label);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  column_number)
{
  guint column = GPOINTER_TO_UINT (column_number);
  g_autofree char *text = cell_text (row_of (gtk_list_item_get_item (item)), column);

  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "—");
  /* A long title wraps in its column: the whole of it on hover too. */
  gtk_widget_set_tooltip_text (label, column == COL_CENTER || column == COL_DOCUMENT ? text : NULL);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  IcwReviewOverviewRow *x = row_of ((gpointer) a);
  IcwReviewOverviewRow *y = row_of ((gpointer) b);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  if (column == COL_VERSION)
    return (x->version > y->version) - (x->version < y->version);
  left = cell_text (x, column);
  right = cell_text (y, column);
  /* Empty cells last. */
  if (left == NULL || right == NULL)
    return (left == NULL) - (right == NULL);
  return g_utf8_collate (left, right);
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  IcwReviewerOverview *self = user_data;
  IcwReviewOverviewRow *row = row_of (item);

  if (self->search_text == NULL)
    return TRUE;
  for (guint c = 0; c < N_COLS; c++)
    {
      g_autofree char *text = cell_text (row, c);
      g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

      if (folded != NULL && strstr (folded, self->search_text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
update_count (IcwReviewerOverview *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = shown == all
                          ? g_strdup_printf (ngettext ("%u row", "%u rows", all), all)
                          : g_strdup_printf (ngettext ("%u of %u row", "%u of %u rows", all), shown, all);

  gtk_label_set_text (self->count_label, text);
}

void
icw_reviewer_overview_set_search (IcwReviewerOverview *self,
                                  const char          *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_if_fail (ICW_IS_REVIEWER_OVERVIEW (self));
  g_clear_pointer (&self->search_text, g_free);
  if (*stripped != '\0')
    self->search_text = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

void
icw_reviewer_overview_focus_search (IcwReviewerOverview *self)
{
  g_return_if_fail (ICW_IS_REVIEWER_OVERVIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
on_search_changed (IcwReviewerOverview *self)
{
  icw_reviewer_overview_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

void
icw_reviewer_overview_reload (IcwReviewerOverview *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (ICW_IS_REVIEWER_OVERVIEW (self));
  g_clear_handle_id (&self->reload_id, g_source_remove);
  rows = icw_review_overview_rows (self->store, FALSE);
  for (guint i = 0; i < rows->len; i++)
    {
      g_ptr_array_add (items, icw_reviewer_overview_item_new (rows->pdata[i]));
      rows->pdata[i] = NULL;
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  update_count (self);
}

static gboolean
on_reload (gpointer user_data)
{
  IcwReviewerOverview *self = user_data;

  self->reload_id = 0;
  icw_reviewer_overview_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (IcwReviewerOverview *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (200, on_reload, self);
}

GListModel *
icw_reviewer_overview_get_model (IcwReviewerOverview *self)
{
  g_return_val_if_fail (ICW_IS_REVIEWER_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
icw_reviewer_overview_sort_by (IcwReviewerOverview *self,
                               guint                column,
                               gboolean             descending)
{
  g_return_if_fail (ICW_IS_REVIEWER_OVERVIEW (self));
  g_return_if_fail (column < N_COLS);
  gtk_column_view_sort_by_column (self->view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

gboolean
icw_reviewer_overview_export (IcwReviewerOverview  *self,
                              const char           *path,
                              GError              **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (self->sorted);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_ptr_array_add (rows, row_of (item));
    }
  return icw_review_overview_write_xlsx (rows, path, error);
}

static void
on_export_response (GtkNativeDialog     *chooser,
                    int                  response,
                    IcwReviewerOverview *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (!icw_reviewer_overview_export (self, path, &error))
    icw_ui_report_error (GTK_WIDGET (self), error);
  else
    icw_ui_toast (GTK_WIDGET (self), _("The overview was exported"));
}

static void
on_export_clicked (IcwReviewerOverview *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Overview"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* TRANSLATORS: the file name offered for the overview's export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("overview.xlsx"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A submitted document's row opens it in the inbox (win.show-record); the others have nothing a
 * reviewer may do. */
static void
on_activate (IcwReviewerOverview *self,
             guint                position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  IcwReviewOverviewRow *row = item != NULL ? row_of (item) : NULL;

  if (row == NULL || row->record_id == NULL || row->status != ICW_APPLICATION_STATUS_SUBMITTED)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)",
                              icw_record_kind_to_key (row->kind), row->record_id);
}

void
icw_reviewer_overview_activate (IcwReviewerOverview *self,
                                guint                position)
{
  g_return_if_fail (ICW_IS_REVIEWER_OVERVIEW (self));
  on_activate (self, position);
}

static void
build_columns (IcwReviewerOverview *self)
{
  GtkSorter *view_sorter;
  GtkSelectionModel *selection;

  for (guint c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells, GUINT_TO_POINTER (c), NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (c == COL_CENTER || c == COL_DOCUMENT ? on_setup_wrapping : on_setup), NULL);
      /* The column's number travels with its bind handler. */
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind), GUINT_TO_POINTER (c));
      self->columns[c] = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_sorter (self->columns[c], sorter);
      gtk_column_view_column_set_resizable (self->columns[c], TRUE);
      gtk_column_view_column_set_expand (self->columns[c], c == COL_CENTER || c == COL_DOCUMENT);
      gtk_column_view_append_column (self->view, self->columns[c]);
      g_object_unref (sorter);
      g_object_unref (self->columns[c]);
    }
  self->items = g_list_store_new (ICW_TYPE_REVIEWER_OVERVIEW_ITEM);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  view_sorter = gtk_column_view_get_sorter (self->view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), g_object_ref (view_sorter));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted))));
  gtk_column_view_set_model (self->view, selection);
  g_object_unref (selection);
  g_signal_connect_swapped (self->view, "activate", G_CALLBACK (on_activate), self);
}

static void
icw_reviewer_overview_dispose (GObject *object)
{
  IcwReviewerOverview *self = ICW_REVIEWER_OVERVIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->turn_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICW_TYPE_REVIEWER_OVERVIEW);
  G_OBJECT_CLASS (icw_reviewer_overview_parent_class)->dispose (object);
}

static void
icw_reviewer_overview_finalize (GObject *object)
{
  IcwReviewerOverview *self = ICW_REVIEWER_OVERVIEW (object);

  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_free (self->search_text);
  G_OBJECT_CLASS (icw_reviewer_overview_parent_class)->finalize (object);
}

/* Narrower than this, the search stands above the count and Export: beside them, its placeholder
 * was cut ("Search centers a…"). */
#define TOOLBAR_STACKED_BELOW 520

/* The toolbar follows the width the table is given (its horizontal adjustment's page, set as the
 * window is laid out); turned once that layout is done, not in the middle of it. */
static gboolean
turn_toolbar (gpointer data)
{
  IcwReviewerOverview *self = data;
  double width = gtk_adjustment_get_page_size (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view)));
  GtkOrientation orientation = width > 0 && width < TOOLBAR_STACKED_BELOW ? GTK_ORIENTATION_VERTICAL
                                                                          : GTK_ORIENTATION_HORIZONTAL;

  self->turn_source = 0;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->toolbar)) != orientation)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar), orientation);
  return G_SOURCE_REMOVE;
}

static void
on_width_changed (IcwReviewerOverview *self)
{
  if (self->turn_source == 0)
    self->turn_source = g_idle_add (turn_toolbar, self);
}

static void
icw_reviewer_overview_class_init (IcwReviewerOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icw_reviewer_overview_dispose;
  object_class->finalize = icw_reviewer_overview_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-reviewer-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerOverview, toolbar);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerOverview, search);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerOverview, count_label);
  gtk_widget_class_bind_template_child (widget_class, IcwReviewerOverview, view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}

static void
icw_reviewer_overview_init (IcwReviewerOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_columns (self);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view)), "changed",
                           G_CALLBACK (on_width_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
icw_reviewer_overview_new (IcwStore *store)
{
  IcwReviewerOverview *self = g_object_new (ICW_TYPE_REVIEWER_OVERVIEW, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "record-changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (store, "reloaded", G_CALLBACK (on_store_changed), self);
  icw_reviewer_overview_reload (self);
  icw_reviewer_overview_sort_by (self, COL_CENTER, FALSE);
  return GTK_WIDGET (self);
}
