/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-window.c: the main window. The sidebar picks a page; each register page (centers,
 * organizations, applications, IP agreements, funding requests) is built when first shown. The
 * window's actions are the commands of the header bar, the menu and the empty states; its size and
 * last page are kept in GSettings. The sync controller lives as long as the window; its indicator sits in the header
 * bar. When the server says the token is a reviewer's, the window becomes a reviewer's workspace:
 * the inbox and the overview of the province take the sidebar's place of the registers, and nothing
 * a reviewer may not change is offered. The window pulls every few minutes and when it becomes
 * active again, and tells of submissions and decisions (icw-review-notifier.h). The window adapts
 * to its width down to 360 px: the sidebar and the page, a register's list and its editor, an
 * editor's sections and its section are IcwAdaptiveBins that fold, outer ones first, and the
 * header bar's Back button goes back in the innermost folded one. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-account-dialog.h"
#include "icw-adaptive-bin.h"
#include "icw-conflicts-view.h"
#include "icw-csv-import.h"
#include "icw-dossier-actions.h"
#include "icw-register-page.h"
#include "icw-report-reminder.h"
#include "icw-review-notifier.h"
#include "icw-reviewer-inbox.h"
#include "icw-reviewer-overview.h"
#include "icw-sample.h"
#include "icw-store-sync.h"
#include "icw-sync-controller.h"
#include "icw-sync-indicator.h"
#include "icw-ui-util.h"
#include "icw-window-shortcuts.h"
#include "icw-window.h"

struct _IcwWindow
{
  AdwApplicationWindow parent_instance;

  IcwStore *store;
  GSettings *settings;
  AdwToastOverlay *toast_overlay;
  GtkListBox *sidebar;
  GtkStack *pages;
  GtkButton *new_button;
  GtkButton *back_button;
  GtkMenuButton *menu_button;
  IcwAdaptiveBin *adaptive;
  guint back_source;            /* the Back button's update, after a folding or a navigation */
  guint remind_source;          /* the filing deadlines, looked at once the first page is drawn */
  GtkFileChooserNative *chooser;
  AdwHeaderBar *header_bar;
  GtkLabel *title_label;        /* the header bar's title */
  GtkLabel *short_title_label;  /* its short form, shown where the title does not fit */
  IcwSyncController *sync;
  IcwReviewNotifier *notifier;
  gboolean reviewer;
  char *start_page;             /* the last page when the window opened (a reviewer's, maybe) */
};

#define POLL_INTERVAL_S (5 * 60)
#define FOCUS_SYNC_AFTER_S 30
/* The filing deadlines (a notification at most once a day) are looked at this long after the
 * window is made: reading every center is not what the first page waits for (issue 20). */
#define REMIND_AFTER_S 5

G_DEFINE_FINAL_TYPE (IcwWindow, icw_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct {
  const char *name;
  const char *title;
  const char *icon;
  IcwRecordKind kind;   /* the records the page lists (win.show-record) */
  const char *short_title;   /* the header bar's, while the sidebar is folded away (at 360 px) */
} PageInfo;

static const PageInfo reviewer_infos[] = {
  { "inbox", N_("Inbox"), "mail-unread-symbolic", ICW_RECORD_KIND_CENTER, N_("Inbox") },
  { "overview", N_("Province Overview"), "view-list-symbolic", ICW_RECORD_KIND_CENTER, N_("Overview") },
};

static const PageInfo page_infos[] = {
  { "centers", N_("Centers"), "go-home-symbolic", ICW_RECORD_KIND_CENTER, N_("Centers") },
  { "organizations", N_("Organizations"), "system-users-symbolic", ICW_RECORD_KIND_ORGANIZATION, N_("Organizations") },
  { "applications", N_("Applications"), "x-office-document-symbolic", ICW_RECORD_KIND_APPLICATION, N_("Applications") },
  { "agreements", N_("IP Agreements"), "emblem-shared-symbolic", ICW_RECORD_KIND_IP_AGREEMENT, N_("IP Agreements") },
  { "funding", N_("Funding Requests"), "x-office-spreadsheet-symbolic", ICW_RECORD_KIND_FUNDING_REQUEST, N_("Funding") },
};

static GtkWidget *
sidebar_row (const PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);
  return row;
}

static IcwRegisterPage *
current_register_page (IcwWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  return ICW_IS_REGISTER_PAGE (page) ? ICW_REGISTER_PAGE (page) : NULL;
}

static IcwMoneyUnit money_unit (IcwWindow *self);
static void update_title (IcwWindow *self);

/* The pages other than the first one shown are built when they are first visited. */
static void
ensure_page (IcwWindow  *self,
             const char *name)
{
  GtkWidget *page = NULL;

  if (gtk_stack_get_child_by_name (self->pages, name) != NULL)
    return;
  if (g_str_equal (name, "centers"))
    page = icw_register_page_new_centers (self->store, money_unit (self));
  else if (g_str_equal (name, "organizations"))
    page = icw_register_page_new_organizations (self->store);
  else if (g_str_equal (name, "applications"))
    page = icw_register_page_new_applications (self->store);
  else if (g_str_equal (name, "agreements"))
    page = icw_register_page_new_agreements (self->store, money_unit (self));
  else if (g_str_equal (name, "funding"))
    page = icw_register_page_new_funding (self->store, self->settings);
  else if (g_str_equal (name, "inbox"))
    page = icw_reviewer_inbox_new (self->store);
  else if (g_str_equal (name, "overview"))
    page = icw_reviewer_overview_new (self->store);
  if (page != NULL)
    gtk_stack_add_named (self->pages, page, name);
}

static void
on_sidebar_row_selected (IcwWindow     *self,
                         GtkListBoxRow *row)
{
  const char *name;

  if (row == NULL)
    return;
  name = gtk_widget_get_name (GTK_WIDGET (row));
  ensure_page (self, name);
  gtk_stack_set_visible_child_name (self->pages, name);
  g_settings_set_string (self->settings, "last-page", name);
  update_title (self);
  if (self->reviewer)
    return;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button),
                               g_str_equal (name, "organizations") ? _("New Organization")
                               : g_str_equal (name, "applications") ? _("New Application")
                               : g_str_equal (name, "agreements") ? _("New Agreement")
                               : g_str_equal (name, "funding") ? _("New Funding Request") : _("New Center"));
}

/* A click on a row (or Enter) of the folded sidebar opens its page. */
static void
on_sidebar_row_activated (IcwWindow *self)
{
  icw_adaptive_bin_show_content (self->adaptive);
}

/* The header bar's title: the application's name beside the sidebar; folded, with a page shown,
 * the page's name (the HIG's title of the view shown, short enough for a 360 px window, where
 * the application's name would be cut to "Inno…"); the window's own title stays the name. */
static void
update_title (IcwWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->pages);
  const char *title = _("Innovation Center Workbench");
  const char *short_title = C_("short application name", "Workbench");

  if (name != NULL && icw_adaptive_bin_get_folded (self->adaptive)
      && icw_adaptive_bin_find_back (GTK_WIDGET (self->adaptive)) != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
        if (g_str_equal (page_infos[i].name, name))
          title = short_title = _(page_infos[i].short_title);
      for (guint i = 0; i < G_N_ELEMENTS (reviewer_infos); i++)
        if (g_str_equal (reviewer_infos[i].name, name))
          title = short_title = _(reviewer_infos[i].short_title);
    }
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->short_title_label, short_title);
}

static gboolean
update_back_button (gpointer data)
{
  IcwWindow *self = data;

  self->back_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          icw_adaptive_bin_find_back (GTK_WIDGET (self->adaptive)) != NULL);
  update_title (self);
  return G_SOURCE_REMOVE;
}

/* win.adaptive-changed: a level folded, unfolded or showed its other side (icw-adaptive-bin.c);
 * the Back button is updated once the layout settled. */
static void
adaptive_changed_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);

  if (self->back_source == 0)
    self->back_source = g_idle_add (update_back_button, self);
}

/* win.navigate-back: the innermost folded level shows its list again. */
static void
navigate_back_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IcwAdaptiveBin *bin = icw_adaptive_bin_find_back (GTK_WIDGET (ICW_WINDOW (widget)->adaptive));

  if (bin != NULL)
    icw_adaptive_bin_show_sidebar (bin);
}

static void
show_page (IcwWindow  *self,
           const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_name (row), name))
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
}

static void
new_record_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);
  IcwRegisterPage *page = current_register_page (self);

  if (page == NULL)
    {
      show_page (self, "centers");
      page = current_register_page (self);
    }
  icw_register_page_create_record (page);
}

/* win.show-page (page name): the sidebar's page of that name, as a click on its row (the
 * application gives each page an accelerator). A reviewer's sidebar has its own pages: the
 * accelerators of the first pages (Alt+1, Alt+2) show the reviewer's pages in that place, Inbox and
 * Province Overview. */
static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);
  gboolean reviewer = ICW_WINDOW (widget)->reviewer;

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    if (g_str_equal (page_infos[i].name, name) && !reviewer)
      show_page (ICW_WINDOW (widget), name);
    else if (g_str_equal (page_infos[i].name, name) && i < G_N_ELEMENTS (reviewer_infos))
      show_page (ICW_WINDOW (widget), reviewer_infos[i].name);
  for (guint i = 0; i < G_N_ELEMENTS (reviewer_infos); i++)
    if (g_str_equal (reviewer_infos[i].name, name) && ICW_WINDOW (widget)->reviewer)
      show_page (ICW_WINDOW (widget), name);
  icw_adaptive_bin_show_content (ICW_WINDOW (widget)->adaptive);
}

/* win.show-record (kind key, ID): shows the page of the record's kind with the record selected.
 * An editor asks for a record this way (the new version after a reopen) instead of looking for
 * its page up the widget tree. */
static void
show_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);
  const char *key, *id;
  IcwRecordKind kind;
  g_autoptr(IcwRecord) record = NULL;
  IcwRegisterPage *page;

  g_variant_get (parameter, "(&s&s)", &key, &id);
  if (!icw_record_kind_from_key (key, &kind))
    return;
  icw_adaptive_bin_show_content (self->adaptive);
  if (self->reviewer)
    {
      /* A reviewer's documents open in the inbox, read-only, while they wait for review. */
      show_page (self, "inbox");
      icw_reviewer_inbox_open (ICW_REVIEWER_INBOX (gtk_stack_get_child_by_name (self->pages, "inbox")), id);
      return;
    }
  record = icw_store_lookup (self->store, kind, id, NULL);
  for (guint i = 0; record != NULL && i < G_N_ELEMENTS (page_infos); i++)
    if (page_infos[i].kind == kind)
      {
        show_page (self, page_infos[i].name);
        page = current_register_page (self);
        if (page != NULL)
          icw_register_page_select (page, record);
      }
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);
  IcwRegisterPage *page = current_register_page (self);
  GtkWidget *visible = gtk_stack_get_visible_child (self->pages);

  if (page != NULL)
    icw_register_page_focus_search (page);
  else if (ICW_IS_REVIEWER_OVERVIEW (visible))
    icw_reviewer_overview_focus_search (ICW_REVIEWER_OVERVIEW (visible));
}

static void
load_sample_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwCenter) center = icw_sample_load (self->store, &error);

  if (center == NULL)
    {
      icw_ui_report_error (widget, error);
      return;
    }
  show_page (self, "centers");
  icw_register_page_select (current_register_page (self), ICW_RECORD (center));
  icw_ui_toast (widget, _("The sample center was loaded"));
}

static void
show_import_error (IcwWindow    *self,
                   const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    IcwWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  IcwCsvImportResult result = { 0 };

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (!icw_csv_import_file (self->store, path, ICW_CSV_KIND_AUTO, &result, &error))
    {
      show_import_error (self, error);
      return;
    }

  show_page (self, result.kind == ICW_CSV_KIND_ORGANIZATIONS ? "organizations" : "centers");
  message = g_strdup_printf (ngettext ("Imported %u new record and updated %u", "Imported %u new records and updated %u",
                                       result.created),
                             result.created, result.updated);
  icw_ui_toast (GTK_WIDGET (self), message);
  for (guint i = 0; result.warnings != NULL && i < result.warnings->len; i++)
    icw_ui_toast (GTK_WIDGET (self), g_ptr_array_index (result.warnings, i));
  icw_csv_import_result_clear (&result);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Centers or Organizations"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
sync_account_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (icw_account_dialog_new (GTK_WINDOW (self), self->sync)));
}

static void
sync_conflicts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);

  gtk_window_present (icw_conflicts_window_new (GTK_WINDOW (self), self->sync));
}

/* The indicator: the conflicts when there are some to resolve, else the account. */
static void
sync_status_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcwWindow *self = ICW_WINDOW (widget);

  if (icw_sync_controller_get_n_conflicts (self->sync) > 0)
    sync_conflicts_activated (widget, action_name, parameter);
  else
    sync_account_activated (widget, action_name, parameter);
}

static void
sync_now_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  icw_sync_controller_sync_now (ICW_WINDOW (widget)->sync);
}

static gboolean
icw_window_close_request (GtkWindow *window)
{
  IcwWindow *self = ICW_WINDOW (window);
  int width, height;

  if (self->sync != NULL)
    icw_sync_controller_shutdown (self->sync);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (icw_window_parent_class)->close_request (window);
}

static void
icw_window_dispose (GObject *object)
{
  IcwWindow *self = ICW_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->sync != NULL)
    icw_sync_controller_shutdown (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->notifier);
  g_clear_pointer (&self->start_page, g_free);
  g_clear_handle_id (&self->back_source, g_source_remove);
  g_clear_handle_id (&self->remind_source, g_source_remove);

  G_OBJECT_CLASS (icw_window_parent_class)->dispose (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
}

/* libadwaita's message dialogs make their response buttons with labels, which GTK 4.8 names twice
 * (the raw label with its underscore, and the label's text): each is named once, by its text,
 * when the dialog is shown, wherever in the program it was made. */
static gboolean
name_message_dialog_buttons (GSignalInvocationHint *hint,
                             guint                  n_params,
                             const GValue          *params,
                             gpointer               data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (ADW_IS_MESSAGE_DIALOG (object))
    icw_ui_name_buttons_once (GTK_WIDGET (object));
  return TRUE;
}

static void
icw_window_class_init (IcwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = icw_window_dispose;
  window_class->close_request = icw_window_close_request;

  g_type_ensure (ICW_TYPE_ADAPTIVE_BIN);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, name_message_dialog_buttons, NULL, NULL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, short_title_label);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IcwWindow, adaptive);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_install_action (widget_class, "win.adaptive-changed", NULL, adaptive_changed_activated);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL, navigate_back_activated);

  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ss)", show_record_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  icw_window_shortcuts_install (widget_class);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.sync-account", NULL, sync_account_activated);
  gtk_widget_class_install_action (widget_class, "win.sync-conflicts", NULL, sync_conflicts_activated);
  gtk_widget_class_install_action (widget_class, "win.sync-status", NULL, sync_status_activated);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
icw_window_init (IcwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The menu button's inner button is the control a screen reader reads (the menu button itself
   * is a group, in the template): named once, there. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->menu_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
}

static IcwMoneyUnit
money_unit (IcwWindow *self)
{
  return g_settings_get_enum (self->settings, "money-unit") == 1 ? ICW_MONEY_UNIT_YUAN : ICW_MONEY_UNIT_WAN;
}

/* The money unit is fixed per editor, so a new unit gets a new centers page, on the same center. */
static void
on_money_unit_changed (IcwWindow *self)
{
  GtkWidget *old = gtk_stack_get_child_by_name (self->pages, "centers");
  IcwRecord *selected;
  gboolean visible;
  GtkWidget *page;

  /* Not built yet: it will be, with the new unit, when it is first visited. */
  if (old == NULL)
    return;
  selected = icw_register_page_get_selected (ICW_REGISTER_PAGE (old));
  visible = gtk_stack_get_visible_child (self->pages) == old;
  page = icw_register_page_new_centers (self->store, money_unit (self));
  if (selected != NULL)
    g_object_ref (selected);
  gtk_stack_remove (self->pages, old);
  gtk_stack_add_named (self->pages, page, "centers");
  if (selected != NULL)
    icw_register_page_select (ICW_REGISTER_PAGE (page), selected);
  if (visible)
    gtk_stack_set_visible_child (self->pages, page);
  g_clear_object (&selected);
}

/* The reviewer's workspace, or the administrator's window: the sidebar's rows of the other are
 * hidden, and with them the commands that create or import records. */
static void
set_reviewer_mode (IcwWindow *self,
                   gboolean   reviewer)
{
  static const char * const editing_actions[] = { "win.new-record", "win.import", "win.load-sample" };

  if (reviewer == self->reviewer)
    return;
  self->reviewer = reviewer;
  if (reviewer && gtk_stack_get_child_by_name (self->pages, "inbox") == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (reviewer_infos); i++)
      gtk_list_box_insert (self->sidebar, sidebar_row (&reviewer_infos[i]), (int) i);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gboolean of_reviewer = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (reviewer_infos); i++)
        of_reviewer |= g_str_equal (gtk_widget_get_name (row), reviewer_infos[i].name);
      gtk_widget_set_visible (row, of_reviewer == reviewer);
    }
  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editing_actions[i], !reviewer);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), !reviewer);
  icw_review_notifier_set_reviewer (self->notifier, reviewer);
  /* The last page, when it is one of this mode's (a reviewer's last page was not shown while the
   * window did not know the token's role yet). */
  {
    g_autofree char *last_page = self->start_page != NULL ? g_steal_pointer (&self->start_page)
                                                          : g_settings_get_string (self->settings, "last-page");
    GtkListBoxRow *selected;

    show_page (self, reviewer ? "inbox" : "centers");
    show_page (self, last_page);
    selected = gtk_list_box_get_selected_row (self->sidebar);
    if (selected != NULL && !gtk_widget_get_visible (GTK_WIDGET (selected)))
      show_page (self, reviewer ? "inbox" : "centers");
  }
}

static void
on_role_changed (IcwWindow *self)
{
  set_reviewer_mode (self, icw_sync_controller_get_role (self->sync) == ICW_SYNC_ROLE_REVIEWER);
}

gboolean
icw_window_is_reviewer (IcwWindow *self)
{
  g_return_val_if_fail (ICW_IS_WINDOW (self), FALSE);
  return self->reviewer;
}

/* Back in the window after a while: what changed on the server meanwhile. */
static void
on_active_changed (IcwWindow *self)
{
  gint64 last = icw_sync_controller_get_last_sync (self->sync);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (gtk_window_is_active (GTK_WINDOW (self)) && icw_sync_controller_is_signed_in (self->sync) &&
      g_date_time_to_unix (now) - last > FOCUS_SYNC_AFTER_S)
    icw_sync_controller_sync_now (self->sync);
}

static void
on_last_sync (IcwWindow *self)
{
  icw_review_notifier_check (self->notifier);
}

static gboolean
remind_deadlines (gpointer data)
{
  IcwWindow *self = data;

  self->remind_source = 0;
  icw_report_remind_deadlines (self->store, G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               self->settings, NULL);
  return G_SOURCE_REMOVE;
}

static void
build_pages (IcwWindow *self)
{
  g_autoptr(GAction) unit_action = g_settings_create_action (self->settings, "money-unit");

  g_action_map_add_action (G_ACTION_MAP (self), unit_action);
  g_signal_connect_object (self->settings, "changed::money-unit", G_CALLBACK (on_money_unit_changed),
                           self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    gtk_list_box_append (self->sidebar, sidebar_row (&page_infos[i]));
  icw_window_shortcuts_tab_past (GTK_WIDGET (self->sidebar), GTK_WIDGET (self->header_bar), GTK_WIDGET (self->pages));
}

IcwWindow *
icw_window_new (GtkApplication *application,
                IcwStore       *store,
                GSettings      *settings)
{
  IcwWindow *self;
  g_autofree char *last_page = NULL;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ICW_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (PROFILE_DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->sync = icw_sync_controller_new (self->store, self->settings);
  adw_header_bar_pack_end (self->header_bar, icw_sync_indicator_new (self->sync));
  self->notifier = icw_review_notifier_new (self->store, G_APPLICATION (application));
  /* A recognized center's yearly package due soon: a notification, at most once a day, once the
   * first page is on screen. */
  self->remind_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, REMIND_AFTER_S, remind_deadlines, self, NULL);
  icw_sync_controller_set_poll (self->sync, POLL_INTERVAL_S);
  g_signal_connect_object (self->sync, "notify::role", G_CALLBACK (on_role_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::last-sync", G_CALLBACK (on_last_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);

  icw_dossier_actions_install (GTK_WINDOW (self), self->store);
  icw_window_shortcuts_add_help_overlay (GTK_APPLICATION_WINDOW (self));
  gtk_stack_set_hhomogeneous (self->pages, FALSE);
  build_pages (self);
  last_page = g_settings_get_string (self->settings, "last-page");
  self->start_page = g_strdup (last_page);
  show_page (self, last_page);
  if (gtk_list_box_get_selected_row (self->sidebar) == NULL)
    show_page (self, "centers");
  return self;
}
