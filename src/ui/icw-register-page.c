/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-page.c: the register pages. For centers and organizations the list is the store's
 * compact live list (sorted, IDs and names only) under an IcwStoreListFilter of the IDs that the
 * search found, so that only the rows on screen have record objects (a new query's result, or the
 * whole register when the search is cleared, shown in place of the rows shown, on the row widgets
 * GTK has: see show_query_in_place); for the other kinds it is
 * the store's live list composed with a filter and a sorter (by name), as GTK models. What differs between centers and organizations is in a RegisterKind. When
 * the register is empty the page offers to create a record, import a CSV file or load the sample.
 * The list and the editor are side by side from REGISTER_UNFOLD_WIDTH px of the page's width and
 * one at a time below (an IcwAdaptiveBin): a click on a row, Enter, a record selected by the
 * program or a new record shows the editor. */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "icw-agreement-editor.h"
#include "icw-adaptive-bin.h"
#include "icw-application-editor.h"
#include "icw-application.h"
#include "icw-center-editor.h"
#include "icw-center.h"
#include "icw-frame-batches.h"
#include "icw-ip-agreement.h"
#include "icw-funding-editor.h"
#include "icw-funding-request.h"
#include "icw-organization-editor.h"
#include "icw-organization.h"
#include "icw-register-page.h"
#include "icw-register-row.h"
#include "icw-store-list-filter.h"
#include "icw-store-search.h"
#include "icw-ui-util.h"

typedef struct {
  IcwRecordKind kind;
  GType       (*get_type) (void);
  const char   *name_property;   /* shown, sorted and (without a full-text index) searched */
  gboolean      full_text;       /* the store has a full-text index of the names */
  const char   *search_placeholder;
  const char   *empty_title;
  const char   *empty_description;
  const char   *select_title;
  const char   *new_name;
  char       *(*subtitle)     (IcwStore *store, IcwRecord *record);
  void        (*show_record)  (GtkWidget *editor, IcwRecord *record);
  void        (*focus_editor) (GtkWidget *editor);
  void        (*create)       (IcwRegisterPage *page);   /* NULL: a record with the new name */
} RegisterKind;

struct _IcwRegisterPage
{
  GtkBox parent_instance;

  const RegisterKind *kind;
  IcwStore *store;
  GListModel *records;
  GtkCustomFilter *filter;          /* the kinds without a compact list */
  IcwStoreListFilter *found;        /* the registers: the records the search found */
  GHashTable *matches;        /* IDs the search found; NULL shows all (no compact list) */
  GCancellable *search_cancellable; /* the register's search under way */
  gboolean searching;               /* the register shows a search's result */
  char *shown_query;                /* the registers: the query found shows (NULL: all) */
  GtkSingleSelection *selection;
  GtkListView *view;
  guint scroll_source;              /* after a new query's first frame (after_found_frame) */
  guint scroll_position;
  gboolean scroll_pending;          /* back to the whole register: to the selected row */
  GdkFrameClock *paint_clock;       /* waited on for the frame of a new query's first rows */
  guint clear_source;               /* the search cleared: the whole register, in an idle */
  GtkSearchEntry *search;
  GtkStack *content;
  IcwAdaptiveBin *adaptive;         /* the list | the editor */
  GtkWidget *editor_slot;           /* the stack's "editor" child: holds the editor once made */
  GtkWidget *editor;                /* made after the window's first frame (ensure_editor) */
  GtkWidget *(*editor_new) (IcwRegisterPage *self);
  IcwMoneyUnit money_unit;
  GSettings *settings;
  guint first_show_source;
  gboolean shown_once;
  gboolean first_screen;            /* until the page's first frame: the filter shows a screenful */
  guint first_screen_source;
  GCancellable *rest_cancellable;   /* the rest of the register read after the first frame */
  IcwFrameBatches *rest_batches;    /* the rest added after the frame that draws the editor */
  gboolean rest_waits_a_frame;      /* the rest's first batch: that frame, nothing added */
};

/* Before its first allocation GTK 4.8's list view makes, binds and measures a row for each of
 * up to 200 items, as it cannot know how many will show; a new query's result shows this many rows
 * until its first frame, which fills any screen, and all of them from the idle after it (a
 * register's first frame shows fewer: ROW_MIN_HEIGHT). */
#define FIRST_SCREENFUL 64

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

/* Centers */

static char *
center_subtitle (IcwStore  *store,
                 IcwRecord *record)
{
  IcwCenter *center = ICW_CENTER (record);
  const char *province = icw_center_get_province (center);
  const char *city = icw_center_get_city (center);

  /* Translators: center level · province city, e.g. "Provincial · 山东省 济南市" */
  return g_strdup_printf (_("%s · %s %s"), icw_center_level_to_label (icw_center_get_level (center)),
                          province != NULL ? province : "", city != NULL ? city : "");
}

static void
center_show (GtkWidget *editor,
             IcwRecord *record)
{
  icw_center_editor_set_center (ICW_CENTER_EDITOR (editor), ICW_CENTER (record));
}

static void
center_focus (GtkWidget *editor)
{
  icw_center_editor_focus_name (ICW_CENTER_EDITOR (editor));
}

static const RegisterKind center_kind = {
  ICW_RECORD_KIND_CENTER, icw_center_get_type, "name", TRUE,
  N_("Search centers"),
  N_("No Centers Yet"),
  N_("Create a center, import the centers from a CSV file, or load the sample center to look around."),
  N_("Select a center"),
  N_("New center"),
  center_subtitle, center_show, center_focus, NULL,
};

/* Organizations */

static char *
organization_subtitle (IcwStore  *store,
                       IcwRecord *record)
{
  IcwOrganization *org = ICW_ORGANIZATION (record);
  const char *code = icw_organization_get_credit_code (org);
  const char *kind = icw_org_kind_to_label (icw_organization_get_kind (org));

  return code != NULL ? g_strdup_printf (_("%s · %s"), kind, code) : g_strdup (kind);
}

static void
organization_show (GtkWidget *editor,
                   IcwRecord *record)
{
  icw_organization_editor_set_organization (ICW_ORGANIZATION_EDITOR (editor), ICW_ORGANIZATION (record));
}

static void
organization_focus (GtkWidget *editor)
{
  icw_organization_editor_focus_name (ICW_ORGANIZATION_EDITOR (editor));
}

static const RegisterKind organization_kind = {
  ICW_RECORD_KIND_ORGANIZATION, icw_organization_get_type, "name", TRUE,
  N_("Search organizations"),
  N_("No Organizations Yet"),
  N_("Companies, universities and institutes that are shareholders or members of centers. Add one, or import them from a CSV file."),
  N_("Select an organization"),
  N_("New organization"),
  organization_subtitle, organization_show, organization_focus, NULL,
};

/* The documents with a life cycle: their editors are IcwDocumentEditors, which show a record
 * the same way, and each belongs to a center and has a status and a version (their catalogues'
 * "center-id", "status" and "version"). */
static char *
document_subtitle (IcwStore  *store,
                   IcwRecord *record)
{
  g_autofree char *center_id = NULL;
  int status = 0, version = 0;
  g_autoptr(IcwRecord) center = NULL;

  g_object_get (record, "center-id", &center_id, "status", &status, "version", &version, NULL);
  center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, NULL);
  /* Translators: center · status · version, e.g. "齐鲁… · Draft · v2" */
  return g_strdup_printf (_("%s · %s · v%d"), center != NULL ? icw_center_get_name (ICW_CENTER (center)) : "",
                          icw_application_status_to_label ((IcwApplicationStatus) status), version);
}

static void
document_show (GtkWidget *editor,
               IcwRecord *record)
{
  icw_document_editor_set_record (ICW_DOCUMENT_EDITOR (editor), record);
}

/* Applications */

static void
application_focus (GtkWidget *editor)
{
  icw_application_editor_focus_title (ICW_APPLICATION_EDITOR (editor));
}

typedef void (*CreateForCenter) (IcwRegisterPage *self, IcwCenter *center);

static void create_application_for (IcwRegisterPage *self, IcwCenter *center);
static void create_funding_for (IcwRegisterPage *self, IcwCenter *center);
static void save_new_record (IcwRegisterPage *self, IcwRecord *record);

/* What the center chooser does with the center chosen; freed with the dialog. */
typedef struct {
  IcwRegisterPage *page;     /* a reference */
  CreateForCenter create;
} CenterChooser;

static void
center_chooser_free (gpointer  data,
                     GClosure *closure)
{
  CenterChooser *chooser = data;

  g_object_unref (chooser->page);
  g_free (chooser);
}

static void
on_center_chosen (AdwMessageDialog *dialog,
                  const char       *response,
                  CenterChooser    *chooser)
{
  /* The extra child is the boxed list of the one combo row. */
  AdwComboRow *row = ADW_COMBO_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog)), 0));
  IcwCenter *center = adw_combo_row_get_selected_item (row);
  CreateForCenter create = chooser->create;

  if (g_str_equal (response, "create") && center != NULL)
    create (chooser->page, center);
}

static char *
center_name (IcwCenter *center)
{
  return g_strdup (icw_center_get_name (center));
}

/* A new application or agreement belongs to a center: the only one, or the one the user picks. */
static void
choose_center (IcwRegisterPage *self,
               const char      *heading,
               const char      *body,
               const char      *no_center,
               CreateForCenter  create)
{
  g_autoptr(GListModel) centers = icw_store_list (self->store, ICW_RECORD_KIND_CENTER, NULL);
  GtkWidget *dialog, *row;
  GtkExpression *expression;
  CenterChooser *chooser;

  if (g_list_model_get_n_items (centers) == 0)
    {
      icw_ui_toast (GTK_WIDGET (self), no_center);
      return;
    }
  if (g_list_model_get_n_items (centers) == 1)
    {
      g_autoptr(IcwCenter) only = g_list_model_get_item (centers, 0);
      create (self, only);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Center"));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (center_name), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), centers);
  /* In a boxed list: a row outside a list box fails GTK's checks when the dialog focuses it. */
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_list_box_append (GTK_LIST_BOX (list), row);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  chooser = g_new0 (CenterChooser, 1);
  chooser->page = g_object_ref (self);
  chooser->create = create;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_center_chosen), chooser, center_chooser_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
application_create (IcwRegisterPage *self)
{
  choose_center (self, _("New Application"), _("Which center applies?"),
                 _("Add the center first: an application belongs to a center."), create_application_for);
}

static const RegisterKind application_kind = {
  ICW_RECORD_KIND_APPLICATION, icw_application_get_type, "title", FALSE,
  N_("Search applications"),
  N_("No Applications Yet"),
  N_("Draft a center's application (申报书) for cultivation, acceptance and recognition, the upgrade to national or the national-local co-construction, and check it against the policy rules before you submit."),
  N_("Select an application"),
  N_("New application"),
  document_subtitle, document_show, application_focus, application_create,
};

/* IP-sharing agreements */

static void
agreement_focus (GtkWidget *editor)
{
  icw_agreement_editor_focus_title (ICW_AGREEMENT_EDITOR (editor));
}

static void
create_agreement_for (IcwRegisterPage *self,
                      IcwCenter       *center)
{
  g_autoptr(IcwIpAgreement) agreement = icw_ip_agreement_new ();
  g_autofree char *title = g_strdup_printf (_("IP-sharing agreement of %s"), icw_center_get_name (center));

  icw_ip_agreement_set_center_id (agreement, icw_record_get_id (ICW_RECORD (center)));
  icw_ip_agreement_set_title (agreement, title);
  save_new_record (self, ICW_RECORD (agreement));
}

static void
agreement_create (IcwRegisterPage *self)
{
  choose_center (self, _("New Agreement"), _("Among the members of which center?"),
                 _("Add the center first: an agreement is made among the members of a center."),
                 create_agreement_for);
}

static const RegisterKind agreement_kind = {
  ICW_RECORD_KIND_IP_AGREEMENT, icw_ip_agreement_get_type, "title", FALSE,
  N_("Search agreements"),
  N_("No Agreements Yet"),
  N_("Draw up an IP-sharing agreement (知识产权协同共享协议) among members of a center's alliance: background IP, ownership of results, access rights and revenue shares that total exactly 100%."),
  N_("Select an agreement"),
  N_("New agreement"),
  document_subtitle, document_show, agreement_focus, agreement_create,
};

/* Funding requests */

static void
funding_focus (GtkWidget *editor)
{
  icw_funding_editor_focus_title (ICW_FUNDING_EDITOR (editor));
}

static void
funding_create (IcwRegisterPage *self)
{
  choose_center (self, _("New Funding Request"), _("Which center asks for the funds?"),
                 _("Add the center first: a funding request belongs to a center."), create_funding_for);
}

static const RegisterKind funding_kind = {
  ICW_RECORD_KIND_FUNDING_REQUEST, icw_funding_request_get_type, "title", FALSE,
  N_("Search funding requests"),
  N_("No Funding Requests Yet"),
  N_("Prepare a center's request for central or local fiscal funds, fund or bank money: a budget by category, year and source with exact totals, checked against the fund's rules before you submit."),
  N_("Select a funding request"),
  N_("New funding request"),
  document_subtitle, document_show, funding_focus, funding_create,
};

/* The list */

static gboolean
filter_record (gpointer item,
               gpointer user_data)
{
  IcwRegisterPage *self = user_data;

  if (!self->kind->full_text)
    {
      const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
      g_autofree char *name = NULL;
      g_autofree char *name_folded = NULL;
      g_autofree char *query_folded = NULL;

      if (*query == '\0')
        return TRUE;
      g_object_get (item, self->kind->name_property, &name, NULL);
      name_folded = g_utf8_casefold (name != NULL ? name : "", -1);
      query_folded = g_utf8_casefold (query, -1);
      return strstr (name_folded, query_folded) != NULL;
    }
  return self->matches == NULL || g_hash_table_contains (self->matches, icw_record_get_id (item));
}

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

static void show_state (IcwRegisterPage *self);

/* The whole list, once the first frame is drawn or as soon as something asks for a position: the
 * filter lifts its limit, which adds the other rows after the first screenful. (Swapping the
 * selection's model from a slice to the whole list instead removed the rows GTK 4.8 tracks, and
 * its list item manager then fetched every added row, one record loaded each.) */
static void
release_first_screen (IcwRegisterPage *self)
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
  release_first_screen (self);
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
   * show_state): the rows are added after the next painted frame, the one that draws the
   * editor's first screen, not measured before it (issue 20). A search, a selection or a
   * position asked for adds them at once (release_first_screen). Outside a window on screen:
   * now. */
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
  show_state (self);
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

static void
show_state (IcwRegisterPage *self)
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

/* After the frame that shows a new query's first screenful: all its rows (added after the first
 * ones, which GTK 4.8 takes without looking at them), and back in the whole register, the
 * selected record scrolled to (only now does GTK know the rows' height). */
static gboolean
after_found_frame (gpointer data)
{
  IcwRegisterPage *self = data;

  self->scroll_source = 0;
  icw_store_list_filter_set_limit (self->found, G_MAXUINT);
  if (self->scroll_pending && self->scroll_position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", self->scroll_position);
  self->scroll_pending = FALSE;
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (IcwRegisterPage *self)
{
  if (self->paint_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->paint_clock, self);
  g_clear_object (&self->paint_clock);
}

/* The frame with the new query's first screenful is painted: the rest in an idle after it. (An
 * idle alone may run before that frame: GDK paints at the next frame's time, and the main loop
 * is idle until then.) */
static void
on_found_painted (GdkFrameClock   *clock,
                  IcwRegisterPage *self)
{
  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, after_found_frame, self, NULL);
}

/* Shows found (taken) for query (NULL: the whole register) in a new selection: GTK 4.8 takes a new
 * model without looking at the rows of the old one, where one model's change from a register to
 * a search's result (or back) made it fetch rows of both (issue 20, docs/performance.md). GTK
 * 4.8's list view makes, binds and measures a row for each of up to 200 items of a new model,
 * whatever the screen shows: until the frame that shows it, found shows a first screenful, and
 * the rest after that frame. The selected record stays selected when found shows it (with all
 * the rows at once if it is beyond the first screenful); otherwise the first row is. A new
 * query's rows are shown from the top; back in the whole register, the list scrolls to the
 * selected record, where the user left it. */
static void
show_found (IcwRegisterPage    *self,
            IcwStoreListFilter *found,
            const char         *query)
{
  g_autoptr(IcwRecord) kept = NULL;
  GtkSingleSelection *selection;
  guint position = 0;
  gboolean shows_kept;

  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    kept = g_object_ref (gtk_single_selection_get_selected_item (self->selection));
  shows_kept = kept != NULL && icw_store_list_filter_find (found, icw_record_get_id (kept), &position);
  if (!shows_kept || position < FIRST_SCREENFUL)
    icw_store_list_filter_set_limit (found, FIRST_SCREENFUL);
  selection = g_object_new (GTK_TYPE_SINGLE_SELECTION, "autoselect", FALSE, "model", found, NULL);
  if (shows_kept)
    gtk_single_selection_set_selected (selection, position);
  gtk_single_selection_set_autoselect (selection, TRUE);

  g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_list_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (self->selection);
  self->selection = selection;
  g_object_unref (self->found);
  self->found = found;
  g_free (self->shown_query);
  self->shown_query = g_strdup (query);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_state), self);
  if (gtk_single_selection_get_selected_item (selection) != kept)
    show_state (self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  stop_waiting_for_paint (self);
  self->scroll_pending = query == NULL && shows_kept;
  self->scroll_position = position;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->view)) && gtk_widget_get_frame_clock (GTK_WIDGET (self->view)) != NULL)
    {
      self->paint_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self->view)));
      g_signal_connect (self->paint_clock, "after-paint", G_CALLBACK (on_found_painted), self);
    }
  else
    self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, after_found_frame, self, NULL);
}

/* Between the two steps of icw_store_list_filter_replace_positions: the list's anchor on a row of
 * the new rows (the first, or the selected record's in the whole register), so that GTK 4.8 gives
 * the old rows' widgets to the new rows. */
static void
anchor_on_new_row (gpointer data)
{
  IcwRegisterPage *self = data;

  if (self->scroll_position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", self->scroll_position);
}

/* Shows a new query's result (positions; NULL: the whole register, the search cleared) in the
 * model shown: GTK 4.8 binds the row widgets it has to the new rows rather than destroying them
 * and making new ones, which a new model costs (about two thirds of a search's instructions at
 * 10k, docs/performance.md). A query's rows are shown from the top; back in the whole register,
 * the list is at the selected record, where the user left it. The selected record stays selected
 * when the rows hold it; otherwise the first row is. */
static void
show_query_in_place (IcwRegisterPage *self,
                     GArray          *positions,
                     const char      *query)
{
  g_autoptr(IcwRecord) kept = NULL;
  guint position;

  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    kept = g_object_ref (gtk_single_selection_get_selected_item (self->selection));
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  stop_waiting_for_paint (self);
  self->scroll_pending = FALSE;
  self->scroll_position = 0;
  if (positions == NULL && kept != NULL
      && !icw_store_list_find (ICW_STORE_LIST (self->records), icw_record_get_id (kept), &self->scroll_position))
    self->scroll_position = 0;
  /* Nothing selected while the rows change: the selection's own choice when its row is removed
   * (the row before) would be announced as a change of every row in between, which GTK 4.8
   * answers by binding each of their widgets again. */
  g_signal_handlers_block_by_func (self->selection, show_state, self);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  icw_store_list_filter_replace_positions (self->found, positions, anchor_on_new_row, self);
  if (kept != NULL && icw_store_list_filter_find (self->found, icw_record_get_id (kept), &position))
    gtk_single_selection_set_selected (self->selection, position);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->found)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_handlers_unblock_by_func (self->selection, show_state, self);
  g_free (self->shown_query);
  self->shown_query = g_strdup (query);
  if (gtk_single_selection_get_selected_item (self->selection) != kept)
    show_state (self);
}

/* The whole register again, once the search is cleared (the registers). */
static void
show_whole (IcwRegisterPage *self)
{
  if (self->found == NULL)
    return;
  g_clear_handle_id (&self->clear_source, g_source_remove);
  if (self->shown_query != NULL)
    show_query_in_place (self, NULL, NULL);
}

static gboolean
clear_search_when_idle (gpointer data)
{
  IcwRegisterPage *self = data;

  self->clear_source = 0;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search)) == '\0')
    show_whole (self);
  return G_SOURCE_REMOVE;
}

/* A register's search answers off the main thread (icw-store-search.c): positions in the live
 * list, shown as they come; a newer keystroke cancels the search before it. */
static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(IcwRegisterPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) positions = icw_store_search_positions_finish (ICW_STORE (source), result, &error);
  const char *query;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->found == NULL)
    return;
  if (error != NULL)
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  /* The same query again (a record saved or deleted meanwhile): the few rows that changed. */
  if (g_strcmp0 (query, self->shown_query) == 0)
    icw_store_list_filter_set_positions (self->found, positions,
                                         gtk_single_selection_get_selected_item (self->selection));
  else if (positions != NULL)
    show_query_in_place (self, positions, query);
  else
    show_found (self, icw_store_list_filter_new_for_positions (ICW_STORE_LIST (self->records), positions), query);
}

static void
on_search_changed (IcwRegisterPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));

  g_clear_pointer (&self->matches, g_hash_table_unref);
  release_first_screen (self);
  if (!self->kind->full_text)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      return;
    }
  if (self->found != NULL)
    {
      g_cancellable_cancel (self->search_cancellable);
      g_clear_object (&self->search_cancellable);
      self->searching = *query != '\0';
      g_clear_handle_id (&self->clear_source, g_source_remove);
      /* The whole register in an idle: replacing the text (all of it selected, then a key typed)
       * empties it first, and the list need not show the whole register in between. */
      if (!self->searching)
        {
          self->clear_source = g_idle_add (clear_search_when_idle, self);
          return;
        }
      self->search_cancellable = g_cancellable_new ();
      icw_store_search_positions_async (self->store, self->kind->kind, query, self->search_cancellable,
                                        on_search_done, g_object_ref (self));
      return;
    }
  self->matches = icw_store_search (self->store, self->kind->kind, query, &error);
  if (error != NULL)
    icw_ui_report_error (GTK_WIDGET (self), error);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_record_changed (IcwRegisterPage *self,
                   IcwRecord       *record)
{
  /* A renamed or new record may now match the search, or no longer. */
  if ((self->matches != NULL || self->searching || !self->kind->full_text)
      && G_TYPE_CHECK_INSTANCE_TYPE (record, self->kind->get_type ()))
    on_search_changed (self);
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
      release_first_screen (self);
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

static void
save_new_record (IcwRegisterPage *self,
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
  on_search_changed (self);
  show_whole (self);   /* at once: the new record is selected in it */
  icw_register_page_select (self, record);
  show_state (self);
  self->kind->focus_editor (ensure_editor (self));
}

static void
create_application_for (IcwRegisterPage *self,
                        IcwCenter       *center)
{
  g_autoptr(IcwApplication) application = icw_application_new ();
  g_autofree char *title = g_strdup_printf (_("Application of %s"), icw_center_get_name (center));

  icw_application_set_center_id (application, icw_record_get_id (ICW_RECORD (center)));
  icw_application_set_title (application, title);
  icw_application_set_kind (application, icw_application_kind_for_center (icw_center_get_level (center),
                                                                          icw_center_get_status (center)));
  save_new_record (self, ICW_RECORD (application));
}

/* A new request starts this year, over two years, asking central fiscal funds matched by the
 * shareholders' capital: the most common shape, changed in the editor. */
static void
create_funding_for (IcwRegisterPage *self,
                    IcwCenter       *center)
{
  g_autoptr(IcwFundingRequest) request = icw_funding_request_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = g_strdup_printf (_("Funding request of %s"), icw_center_get_name (center));

  icw_funding_request_set_center_id (request, icw_record_get_id (ICW_RECORD (center)));
  icw_funding_request_set_title (request, title);
  icw_funding_request_set_start_year (request, g_date_time_get_year (now));
  icw_funding_request_set_period (request, 2);
  icw_funding_request_set_source_used (request, ICW_FUNDING_SOURCE_CENTRAL_FISCAL, TRUE);
  icw_funding_request_set_source_used (request, ICW_FUNDING_SOURCE_SHAREHOLDER_CAPITAL, TRUE);
  save_new_record (self, ICW_RECORD (request));
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
  save_new_record (self, record);
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
  stop_waiting_for_paint (self);
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

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "org.mfginnovation.Workbench-symbolic");
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

      self->filter = gtk_custom_filter_new (filter_record, self, NULL);
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
new_page (const RegisterKind *kind,
          IcwStore           *store,
          GtkWidget        *(*editor_new) (IcwRegisterPage *self),
          IcwMoneyUnit        money_unit,
          GSettings          *settings)
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
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);

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

  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_state), self);
  g_signal_connect_swapped (self->records, "items-changed", G_CALLBACK (show_state), self);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, G_CONNECT_SWAPPED);
  show_state (self);
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
  return new_page (&center_kind, store, new_center_editor, money_unit, NULL);
}

GtkWidget *
icw_register_page_new_organizations (IcwStore *store)
{
  return new_page (&organization_kind, store, new_organization_editor, ICW_MONEY_UNIT_WAN, NULL);
}

GtkWidget *
icw_register_page_new_applications (IcwStore *store)
{
  return new_page (&application_kind, store, new_application_editor, ICW_MONEY_UNIT_WAN, NULL);
}

GtkWidget *
icw_register_page_new_agreements (IcwStore     *store,
                                  IcwMoneyUnit  money_unit)
{
  return new_page (&agreement_kind, store, new_agreement_editor, money_unit, NULL);
}

GtkWidget *
icw_register_page_new_funding (IcwStore  *store,
                               GSettings *settings)
{
  return new_page (&funding_kind, store, new_funding_editor, ICW_MONEY_UNIT_WAN, settings);
}
