/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-page.c: the register pages. For centers and organizations the list is the store's
 * compact live list (sorted, IDs and names only) under an IcwStoreListFilter of the IDs that the
 * search found, so that only the rows on screen have record objects; for the other kinds it is
 * the store's live list composed with a filter and a sorter (by name), as GTK models. The search
 * is icw-register-page-search.c; what differs between the kinds of record is in an
 * IcwRegisterKind (icw-register-page-kinds.c). When the register is empty the page offers to
 * create a record, import a CSV file or load the sample.
 * The list and the editor are side by side from REGISTER_UNFOLD_WIDTH px of the page's width and
 * one at a time below (an IcwAdaptiveBin): a click on a row, Enter, a record selected by the
 * program or a new record shows the editor. A register reads its first screenful alone until the
 * window's first frame, and the rest after it (issue 20). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-editor.h"
#include "icw-adaptive-bin.h"
#include "icw-application-editor.h"
#include "icw-center-editor.h"
#include "icw-funding-editor.h"
#include "icw-organization-editor.h"
#include "icw-register-page-private.h"
#include "icw-register-row.h"
#include "icw-ui-util.h"

/* Until the window's first frame a register's list has only the rows the tallest monitor could
 * show, each at least this high (a row is two lines of text and 16 px of margins: 58 px at
 * the default font), up to FIRST_SCREENFUL: every row GTK makes, binds and measures before the
 * first frame costs about 1 M instructions (issue 20), and a list of 1080 px shows 19 rows. */
#define ROW_MIN_HEIGHT 32

/* The list (260 px) beside an editor that has room for its own sections and a section. */
#define REGISTER_UNFOLD_WIDTH 860

G_DEFINE_FINAL_TYPE (IcwRegisterPage, icw_register_page, GTK_TYPE_BOX)

/* The rows a register shows until its first frame (ROW_MIN_HEIGHT). */
static guint
first_screen_rows (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = display != NULL ? gdk_display_get_monitors (display) : NULL;
  int tallest = 0;

  for (guint i = 0; monitors != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }
  if (tallest <= 0)
    return FIRST_SCREENFUL;
  return MIN ((guint) (tallest / ROW_MIN_HEIGHT + 1), FIRST_SCREENFUL);
}

/* The list */

static char *
describe_record (IcwRecord *record,
                 gpointer   data)
{
  IcwRegisterPage *self = data;

  return self->kind->subtitle (self->store, record);
}

/* Folded, a row clicked (after the list selected it) or activated shows its editor. */
static void
show_editor (IcwRegisterPage *self)
{
  icw_adaptive_bin_show_content (self->adaptive);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            IcwRegisterPage          *self)
{
  GtkWidget *row = icw_register_row_new (self->kind->name_property, describe_record, self);
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (click, "released", G_CALLBACK (show_editor), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

/* No unbind: the row keeps its record (weakly) until it is bound to another, because GTK 4.8
 * unbinds and binds a row again whenever its position changes, with the same record (every row
 * on screen when a query is shown in place), and a row bound again to its record has nothing to
 * do then. */
static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           IcwRegisterPage          *self)
{
  icw_register_row_set_record (ICW_REGISTER_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

/* The whole list, once the first frame is drawn or as soon as something asks for a position: the
 * filter lifts its limit, which adds the other rows after the first screenful. (Swapping the
 * selection's model from a slice to the whole list instead removed the rows GTK 4.8 tracks, and
 * its list item manager then fetched every added row, one record loaded each.) */
void
icw_register_page_release_first_screen (IcwRegisterPage *self)
{
  g_clear_handle_id (&self->first_screen_source, g_source_remove);
  if (!self->first_screen)
    return;
  self->first_screen = FALSE;
  /* The rest of the register, read now (added after the first screenful, under the limit). */
  icw_store_list_complete (ICW_STORE_LIST (self->records));
  icw_store_list_filter_set_limit (self->found, G_MAXUINT);
}

/* The rest of the register added to the list (icw-frame-batches.h): the first batch only waits
 * for a frame. */
static gboolean
add_rest (gpointer data)
{
  IcwRegisterPage *self = data;

  if (self->rest_waits_a_frame)
    return TRUE;
  /* Read here if the thread could not (the list is then read at once). */
  icw_register_page_release_first_screen (self);
  icw_store_list_prepare_search (ICW_STORE_LIST (self->records));
  return FALSE;
}

static void
on_rest_read (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(IcwRegisterPage) self = data;
  g_autoptr(GError) error = NULL;

  if (!icw_store_list_complete_finish (ICW_STORE_LIST (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->found == NULL)
    return;
  /* The thread read while the editor was made in the idle after the window's first frame (see
   * icw_register_page_show_state): the rows are added after the next painted frame, the one that
   * draws the editor's first screen, not measured before it (issue 20). A search, a selection or
   * a position asked for adds them at once (icw_register_page_release_first_screen). Outside a
   * window on screen: now. */
  icw_frame_batches_stop (&self->rest_batches);
  self->rest_waits_a_frame = TRUE;
  self->rest_batches = icw_frame_batches_start (GTK_WIDGET (self), add_rest, self);
  self->rest_waits_a_frame = FALSE;
  if (self->rest_batches == NULL)
    add_rest (self);
}

/* After the first frame the rest of the register is read in a thread (a million rows take a
 * fraction of a second of CPU the main thread need not wait for); a search or a selection before
 * it is done reads it at once. */
static gboolean
release_first_screen_after_frame (gpointer data)
{
  IcwRegisterPage *self = data;

  self->first_screen_source = 0;
  self->rest_cancellable = g_cancellable_new ();
  icw_store_list_complete_async (ICW_STORE_LIST (self->records), self->rest_cancellable, on_rest_read,
                                 g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* The editor is the costly part of a page to build and to measure: it is made when first needed,
 * which for the first page of the window is just after its first frame. */
static GtkWidget *
ensure_editor (IcwRegisterPage *self)
{
  if (self->editor == NULL)
    {
      self->editor = self->editor_new (self);
      gtk_widget_set_hexpand (self->editor, TRUE);
      gtk_widget_set_vexpand (self->editor, TRUE);
      gtk_box_append (GTK_BOX (self->editor_slot), self->editor);
    }
  return self->editor;
}

static gboolean
show_state_after_first_frame (gpointer data)
{
  IcwRegisterPage *self = data;

  self->first_show_source = 0;
  self->shown_once = TRUE;
  icw_register_page_show_state (self);
  return G_SOURCE_REMOVE;
}

static GtkWidget *empty_state (IcwRegisterPage *self);

/* The page of an empty register ("empty") or of no record selected ("none"), made when first
 * shown: a stack measures every child's height, and these were measured and their icons loaded
 * before the window's first frame, which shows neither (issue 20). */
static void
show_status_page (IcwRegisterPage *self,
                  const char      *name)
{
  if (gtk_stack_get_child_by_name (self->content, name) == NULL)
    {
      GtkWidget *page = g_str_equal (name, "empty") ? empty_state (self) : adw_status_page_new ();

      if (g_str_equal (name, "none"))
        adw_status_page_set_title (ADW_STATUS_PAGE (page), _(self->kind->select_title));
      gtk_stack_add_named (self->content, page, name);
    }
  gtk_stack_set_visible_child_name (self->content, name);
}

void
icw_register_page_show_state (IcwRegisterPage *self)
{
  gboolean empty = g_list_model_get_n_items (self->records) == 0;
  IcwRecord *selected = gtk_single_selection_get_selected_item (self->selection);

  /* The window's first frame shows the list at once; the editor, the costly part, is filled just
   * after it (an idle of low priority runs after GTK's layout and paint). Once only. */
  if (!self->shown_once && !empty && selected != NULL)
    {
      if (self->first_show_source == 0)
        self->first_show_source = g_idle_add_full (G_PRIORITY_LOW, show_state_after_first_frame, self, NULL);
      gtk_stack_set_visible_child_name (self->content, "editor");
      return;
    }

  if (empty)
    show_status_page (self, "empty");
  else if (selected == NULL)
    show_status_page (self, "none");
  else
    {
      self->kind->show_record (ensure_editor (self), selected);
      gtk_stack_set_visible_child_name (self->content, "editor");
    }
}

IcwRecord *
icw_register_page_get_selected (IcwRegisterPage *self)
{
  g_return_val_if_fail (ICW_IS_REGISTER_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
icw_register_page_select (IcwRegisterPage *self,
                          IcwRecord       *record)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint position;

  /* A register finds the row by ID, without making an object of each row before it. */
  if (self->found != NULL)
    {
      icw_register_page_release_first_screen (self);
      icw_store_list_filter_set_limit (self->found, G_MAXUINT);
      if (record != NULL && icw_store_list_filter_find (self->found, icw_record_get_id (record), &position))
        {
          gtk_single_selection_set_selected (self->selection, position);
          show_editor (self);
        }
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IcwRecord) item = g_list_model_get_item (model, i);

      if (item == record)
        {
          gtk_single_selection_set_selected (self->selection, i);
          show_editor (self);
          return;
        }
    }
}

void
icw_register_page_save_new_record (IcwRegisterPage *self,
                                   IcwRecord       *record)
{
  g_autoptr(GError) error = NULL;

  self->shown_once = TRUE;
  if (!icw_store_save (self->store, record, &error))
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  /* A search that hides the new record would be confusing: clear it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  icw_register_page_search_changed (self);
  icw_register_page_show_whole (self);   /* at once: the new record is selected in it */
  icw_register_page_select (self, record);
  icw_register_page_show_state (self);
  self->kind->focus_editor (ensure_editor (self));
}

void
icw_register_page_create_record (IcwRegisterPage *self)
{
  g_autoptr(IcwRecord) record = NULL;

  if (self->kind->create != NULL)
    {
      self->kind->create (self);
      return;
    }
  record = g_object_new (self->kind->get_type (), self->kind->name_property, _(self->kind->new_name), NULL);
  icw_register_page_save_new_record (self, record);
}

void
icw_register_page_focus_search (IcwRegisterPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
icw_register_page_dispose (GObject *object)
{
  IcwRegisterPage *self = ICW_REGISTER_PAGE (object);

  if (self->records != NULL)
    g_signal_handlers_disconnect_by_data (self->records, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_clear_handle_id (&self->first_show_source, g_source_remove);
  g_cancellable_cancel (self->rest_cancellable);
  g_clear_object (&self->rest_cancellable);
  icw_frame_batches_stop (&self->rest_batches);
  g_clear_handle_id (&self->first_screen_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->clear_source, g_source_remove);
  icw_register_page_stop_waiting_for_paint (self);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  /* The editor's children save what is still pending as they are disposed; the lists then change
   * while the search entry is already gone, so the filter must no longer read it. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  G_OBJECT_CLASS (icw_register_page_parent_class)->dispose (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->found);
  g_clear_object (&self->records);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->shown_query, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
}

static void
icw_register_page_class_init (IcwRegisterPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_register_page_dispose;
}

static void
icw_register_page_init (IcwRegisterPage *self)
{
}

/* The empty register's icon: what is missing, as the window's sidebar shows that page (the
 * theme's symbolic icons, in Debian 12's Adwaita). */
static const char *
empty_icon (IcwRecordKind kind)
{
  switch (kind)
    {
    case ICW_RECORD_KIND_CENTER: return "go-home-symbolic";
    case ICW_RECORD_KIND_ORGANIZATION: return "system-users-symbolic";
    case ICW_RECORD_KIND_APPLICATION: return "x-office-document-symbolic";
    case ICW_RECORD_KIND_IP_AGREEMENT: return "emblem-shared-symbolic";
    case ICW_RECORD_KIND_FUNDING_REQUEST: return "x-office-spreadsheet-symbolic";
    default: return "folder-symbolic";
    }
}

static GtkWidget *
empty_state (IcwRegisterPage *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *create = icw_ui_mnemonic_button_new (self->kind->kind == ICW_RECORD_KIND_CENTER ? _("_New Center")
                                                    : self->kind->kind == ICW_RECORD_KIND_ORGANIZATION ? _("_New Organization")
                                                    : self->kind->kind == ICW_RECORD_KIND_IP_AGREEMENT ? _("_New Agreement")
                                                    : self->kind->kind == ICW_RECORD_KIND_FUNDING_REQUEST ? _("_New Funding Request")
                                                    : _("_New Application"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), empty_icon (self->kind->kind));
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _(self->kind->empty_title));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), _(self->kind->empty_description));
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_widget_add_css_class (create, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "win.new-record");
  gtk_box_append (GTK_BOX (buttons), create);
  /* The registers can be imported from CSV files; applications cannot. */
  if (self->kind->full_text)
    {
      GtkWidget *import = icw_ui_mnemonic_button_new (_("_Import CSV…"));

      gtk_widget_add_css_class (import, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "win.import");
      gtk_box_append (GTK_BOX (buttons), import);
    }
  if (self->kind->kind == ICW_RECORD_KIND_CENTER)
    {
      GtkWidget *sample = icw_ui_mnemonic_button_new (_("Load _Sample Data"));

      gtk_widget_add_css_class (sample, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (sample), "win.load-sample");
      gtk_box_append (GTK_BOX (buttons), sample);
    }
  adw_status_page_set_child (ADW_STATUS_PAGE (status), buttons);
  return status;
}

static GtkWidget *
build_list (IcwRegisterPage *self,
            guint            first_rows)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view, *scrolled;

  if (ICW_IS_STORE_LIST (self->records))
    {
      /* Already sorted; filtered by ID without an object per record. */
      self->found = icw_store_list_filter_new (ICW_STORE_LIST (self->records));
      icw_store_list_filter_set_limit (self->found, first_rows);
      self->first_screen = TRUE;
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->found)));
      /* Of low priority: it runs after GTK's layout and paint. */
      self->first_screen_source = g_idle_add_full (G_PRIORITY_LOW, release_first_screen_after_frame, self, NULL);
    }
  else
    {
      GtkExpression *name = gtk_property_expression_new (self->kind->get_type (), NULL, self->kind->name_property);
      GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (name));
      GtkFilterListModel *filtered;
      GtkSortListModel *sorted;

      self->filter = gtk_custom_filter_new (icw_register_page_filter_record, self, NULL);
      filtered = gtk_filter_list_model_new (g_object_ref (self->records), GTK_FILTER (self->filter));
      sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), sorter);
      self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
    }
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), self);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  self->view = GTK_LIST_VIEW (view);
  g_signal_connect_swapped (view, "activate", G_CALLBACK (show_editor), self);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(self->kind->search_placeholder), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
new_page (const IcwRegisterKind *kind,
          IcwStore              *store,
          GtkWidget           *(*editor_new) (IcwRegisterPage *self),
          IcwMoneyUnit           money_unit,
          GSettings             *settings)
{
  IcwRegisterPage *self = g_object_new (ICW_TYPE_REGISTER_PAGE, "orientation", GTK_ORIENTATION_HORIZONTAL, NULL);
  GtkWidget *sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint first_rows = first_screen_rows ();

  self->kind = kind;
  self->store = g_object_ref (store);
  /* A register reads its first screenful alone until its first frame (issue 20). */
  self->records = icw_store_list_head (store, kind->kind, first_rows);
  self->editor_new = editor_new;
  self->money_unit = money_unit;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->editor_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _(kind->search_placeholder), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(kind->search_placeholder), -1);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search), 6);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (icw_register_page_search_changed), self);

  gtk_widget_set_size_request (sidebar, 260, -1);
  gtk_box_append (GTK_BOX (sidebar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (sidebar), build_list (self, first_rows));

  self->content = GTK_STACK (gtk_stack_new ());
  /* The editors differ in size; each page takes only the room its own editor needs. */
  gtk_stack_set_hhomogeneous (self->content, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->content), TRUE);
  gtk_stack_add_named (self->content, self->editor_slot, "editor");

  self->adaptive = ICW_ADAPTIVE_BIN (icw_adaptive_bin_new (REGISTER_UNFOLD_WIDTH));
  gtk_widget_set_hexpand (GTK_WIDGET (self->adaptive), TRUE);
  icw_adaptive_bin_set_sidebar (self->adaptive, sidebar);
  icw_adaptive_bin_set_content (self->adaptive, GTK_WIDGET (self->content));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->adaptive));

  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (icw_register_page_show_state), self);
  g_signal_connect_swapped (self->records, "items-changed", G_CALLBACK (icw_register_page_show_state), self);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (icw_register_page_record_changed), self, G_CONNECT_SWAPPED);
  icw_register_page_show_state (self);
  return GTK_WIDGET (self);
}

static GtkWidget *
new_center_editor (IcwRegisterPage *self)
{
  return icw_center_editor_new (self->store, self->money_unit);
}

static GtkWidget *
new_organization_editor (IcwRegisterPage *self)
{
  return icw_organization_editor_new (self->store);
}

static GtkWidget *
new_application_editor (IcwRegisterPage *self)
{
  return icw_application_editor_new (self->store);
}

static GtkWidget *
new_agreement_editor (IcwRegisterPage *self)
{
  return icw_agreement_editor_new (self->store, self->money_unit);
}

static GtkWidget *
new_funding_editor (IcwRegisterPage *self)
{
  return icw_funding_editor_new (self->store, self->settings);
}

GtkWidget *
icw_register_page_new_centers (IcwStore     *store,
                               IcwMoneyUnit  money_unit)
{
  return new_page (&icw_register_page_center_kind, store, new_center_editor, money_unit, NULL);
}

GtkWidget *
icw_register_page_new_organizations (IcwStore *store)
{
  return new_page (&icw_register_page_organization_kind, store, new_organization_editor, ICW_MONEY_UNIT_WAN, NULL);
}

GtkWidget *
icw_register_page_new_applications (IcwStore *store)
{
  return new_page (&icw_register_page_application_kind, store, new_application_editor, ICW_MONEY_UNIT_WAN, NULL);
}

GtkWidget *
icw_register_page_new_agreements (IcwStore     *store,
                                  IcwMoneyUnit  money_unit)
{
  return new_page (&icw_register_page_agreement_kind, store, new_agreement_editor, money_unit, NULL);
}

GtkWidget *
icw_register_page_new_funding (IcwStore  *store,
                               GSettings *settings)
{
  return new_page (&icw_register_page_funding_kind, store, new_funding_editor, ICW_MONEY_UNIT_WAN, settings);
}
