/* icw-funding-editor.c: the funding request editor. Above, the status and the life cycle's actions
 * (IcwDocumentBar); on the left its four pages, each with a badge from the last check; in the
 * middle the page: the request (IcwFundingBasics), the budget (IcwBudgetGrid), the justification
 * of each line (IcwBudgetJustifications) and the milestones (IcwMilestonesEditor); below, the check
 * panel, whose findings open the page and focus the field or cell. The editor owns the budget
 * table that the grid and the justifications share, and makes it again when the years, sources or
 * category set change. The money unit follows the "money-unit" setting live. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-justifications.h"
#include "icw-check-panel.h"
#include "icw-document-bar.h"
#include "icw-editor-parts.h"
#include "icw-finding.h"
#include "icw-funding-basics.h"
#include "icw-funding-check.h"
#include "icw-funding-editor.h"
#include "icw-lifecycle.h"
#include "icw-print.h"
#include "icw-record-form.h"
#include "icw-register-page.h"
#include "icw-ui-util.h"

typedef enum {
  PAGE_REQUEST,
  PAGE_BUDGET,
  PAGE_JUSTIFICATION,
  PAGE_MILESTONES,
  N_PAGES
} Page;

static const char * const page_keys[N_PAGES] = { "request", "budget", "justification", "milestones" };
static const char * const page_titles[N_PAGES] = { N_("Request"), N_("Budget"), N_("Justification"), N_("Milestones") };

static const IcwDocumentBarTexts bar_texts = {
  .check_label = N_("_Check Request"),
  .ready_toast = N_("Ready to submit"),
  .submit_heading = N_("Submit?"),
  .submit_body = N_("Once submitted it cannot be changed. If the reviewers return it, you can reopen it as a new version."),
  .submitted_toast = N_("Submitted: it is now read-only"),
  .return_body = N_("Enter the reviewers' comments as they were sent with the returned document."),
  .locked_banner = N_("This document has been submitted and is read-only. If it is returned, reopen it as a new version to change it."),
  /* xgettext:c-format */
  .returned_banner = N_("Returned by the reviewers: %s. Reopen it as a new version to change it."),
};

struct _IcwFundingEditor
{
  AdwBin parent_instance;

  IcwStore *store;
  GSettings *settings;
  IcwFundingRequest *request;
  IcwRecordForm *form;
  IcwBudgetTable *table;
  IcwMoneyUnit unit;
  GPtrArray *findings;

  IcwDocumentBar *bar;
  GtkWidget *print_button;
  GtkListBox *page_list;
  GtkStack *pages;
  IcwFundingBasics *basics;
  IcwBudgetGrid *grid;
  IcwBudgetJustifications *justifications;
  IcwMilestonesEditor *milestones;
  GtkRevealer *check_revealer;
  IcwCheckPanel *check_panel;
};

G_DEFINE_FINAL_TYPE (IcwFundingEditor, icw_funding_editor, ADW_TYPE_BIN)

/* The page a finding's field is on. */
static Page
page_of_field (const char *field)
{
  if (field == NULL)
    return PAGE_REQUEST;
  if (g_str_has_prefix (field, "milestones"))
    return PAGE_MILESTONES;
  if (g_str_has_prefix (field, "budget/") && g_str_has_suffix (field, "/justification"))
    return PAGE_JUSTIFICATION;
  if (g_str_has_prefix (field, "budget"))
    return PAGE_BUDGET;
  return PAGE_REQUEST;
}

static void
update_badges (IcwFundingEditor *self)
{
  for (Page page = 0; page < N_PAGES; page++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->page_list, page);
      GtkLabel *badge = g_object_get_data (G_OBJECT (row), "badge");
      guint errors = 0, warnings = 0;

      for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
        {
          IcwFinding *finding = g_ptr_array_index (self->findings, i);

          if (page_of_field (icw_finding_get_field (finding)) != page)
            continue;
          if (icw_finding_get_severity (finding) == ICW_SEVERITY_ERROR)
            errors++;
          else
            warnings++;
        }
      icw_editor_badge_show (badge, errors, warnings, FALSE, "");
      gtk_widget_set_visible (GTK_WIDGET (badge), errors + warnings > 0);
    }
}

static void
flush (IcwFundingEditor *self)
{
  icw_record_form_flush (self->form);
  icw_funding_basics_flush (self->basics);
  icw_budget_grid_flush (self->grid);
  icw_budget_justifications_flush (self->justifications);
  icw_milestones_editor_flush (self->milestones);
}

void
icw_funding_editor_run_check (IcwFundingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) findings = NULL;

  if (self->request == NULL)
    return;
  flush (self);
  findings = icw_funding_request_check (self->store, self->request, NULL, today, &error);
  if (findings == NULL)
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_ptr_array_ref (findings);
  icw_check_panel_set_findings (self->check_panel, findings);
  gtk_revealer_set_reveal_child (self->check_revealer, TRUE);
  update_badges (self);
}

guint
icw_funding_editor_n_errors (IcwFundingEditor *self)
{
  return icw_check_panel_n_errors (self->check_panel);
}

static void
select_page (IcwFundingEditor *self,
             Page              page)
{
  gtk_list_box_select_row (self->page_list, gtk_list_box_get_row_at_index (self->page_list, page));
}

gboolean
icw_funding_editor_show_field (IcwFundingEditor *self,
                               const char       *field)
{
  g_auto(GStrv) parts = g_strsplit (field != NULL ? field : "", "/", 4);
  Page page = page_of_field (field);
  guint64 index = 0;

  select_page (self, page);
  switch (page)
    {
    case PAGE_BUDGET:
      {
        IcwFundingSource source = 0;
        int year = parts[1] != NULL && parts[2] != NULL ? atoi (parts[2]) : 0;
        gboolean has_source = parts[1] != NULL && parts[2] != NULL && parts[3] != NULL &&
                              icw_funding_source_from_string (parts[3], &source);

        if (parts[1] == NULL || !icw_budget_grid_focus_cell (self->grid, parts[1], year, has_source ? (int) source : -1))
          gtk_widget_grab_focus (GTK_WIDGET (self->grid));
        return TRUE;
      }
    case PAGE_JUSTIFICATION:
      return icw_budget_justifications_focus (self->justifications, parts[1]);
    case PAGE_MILESTONES:
      if (parts[1] != NULL && g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT, &index, NULL))
        icw_milestones_editor_focus (self->milestones, (int) index - 1, parts[2]);
      else
        icw_milestones_editor_focus (self->milestones, -1, NULL);
      return TRUE;
    case PAGE_REQUEST:
    default:
      return icw_funding_basics_focus (self->basics, parts[0]);
    }
}

static void
on_activate_field (IcwFundingEditor *self,
                   const char       *field)
{
  icw_funding_editor_show_field (self, field);
}

/* The table, made again when what shapes it changes */

static void
on_totals_changed (IcwFundingEditor *self)
{
  gint64 grand = 0;

  /* The milestones pay out the fiscal funds, as the rule pack compares them. */
  if (self->table != NULL && icw_budget_table_fiscal_total (self->table, TRUE, &grand, NULL))
    icw_milestones_editor_set_requested (self->milestones, grand);
  icw_budget_justifications_update_totals (self->justifications);
}

static void
set_editable (IcwFundingEditor *self)
{
  gboolean editable = self->request != NULL && icw_lifecycle_is_editable (ICW_RECORD (self->request));

  icw_funding_basics_set_editable (self->basics, editable);
  icw_budget_grid_set_editable (self->grid, editable);
  icw_budget_justifications_set_editable (self->justifications, editable);
  icw_milestones_editor_set_editable (self->milestones, editable);
}

static void
reload_table (IcwFundingEditor *self)
{
  g_autoptr(GError) error = NULL;

  icw_budget_grid_flush (self->grid);
  icw_budget_justifications_flush (self->justifications);
  icw_budget_grid_set_table (self->grid, NULL);
  icw_budget_justifications_set_table (self->justifications, NULL);
  g_clear_pointer (&self->table, icw_budget_table_free);
  if (self->request == NULL)
    return;
  self->table = icw_budget_table_new_for_request (self->store, self->request, &error);
  if (self->table == NULL)
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  icw_budget_grid_set_table (self->grid, self->table);
  icw_budget_justifications_set_table (self->justifications, self->table);
  set_editable (self);
  on_totals_changed (self);
}

static void
on_request_notify (IcwFundingEditor *self,
                   GParamSpec       *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "status") || g_str_equal (name, "version") || g_str_equal (name, "reviewer-comments"))
    {
      icw_document_bar_update (self->bar);
      set_editable (self);
    }
  else if (g_str_equal (name, "start-year") || g_str_equal (name, "period") || g_str_equal (name, "sources") ||
           g_str_equal (name, "category-set") || g_str_equal (name, "category-set-version"))
    reload_table (self);
}

void
icw_funding_editor_set_request (IcwFundingEditor *self,
                                IcwRecord        *request)
{
  g_return_if_fail (ICW_IS_FUNDING_EDITOR (self));

  if ((IcwRecord *) self->request == request)
    return;
  flush (self);
  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);
  g_set_object (&self->request, (IcwFundingRequest *) request);
  icw_print_menu_button_set_record (self->print_button, self->store, request);
  icw_record_form_set_record (self->form, request);
  icw_funding_basics_set_request (self->basics, self->request);
  icw_milestones_editor_set_request (self->milestones, self->request);
  icw_document_bar_set_record (self->bar, request);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  icw_check_panel_set_findings (self->check_panel, NULL);
  gtk_revealer_set_reveal_child (self->check_revealer, FALSE);
  update_badges (self);
  reload_table (self);
  if (self->request != NULL)
    g_signal_connect_swapped (self->request, "notify", G_CALLBACK (on_request_notify), self);
}

void
icw_funding_editor_focus_title (IcwFundingEditor *self)
{
  select_page (self, PAGE_REQUEST);
  icw_funding_basics_focus (self->basics, "title");
}

void
icw_funding_editor_set_money_unit (IcwFundingEditor *self,
                                   IcwMoneyUnit      unit)
{
  g_return_if_fail (ICW_IS_FUNDING_EDITOR (self));

  self->unit = unit;
  icw_funding_basics_set_money_unit (self->basics, unit);
  icw_budget_grid_set_money_unit (self->grid, unit);
  icw_budget_justifications_set_money_unit (self->justifications, unit);
  icw_milestones_editor_set_money_unit (self->milestones, unit);
}

static void
on_money_unit_changed (IcwFundingEditor *self)
{
  icw_funding_editor_set_money_unit (self, g_settings_get_enum (self->settings, "money-unit") == 1
                                           ? ICW_MONEY_UNIT_YUAN : ICW_MONEY_UNIT_WAN);
}

IcwBudgetGrid *
icw_funding_editor_get_grid (IcwFundingEditor *self)
{
  return self->grid;
}

IcwMilestonesEditor *
icw_funding_editor_get_milestones (IcwFundingEditor *self)
{
  return self->milestones;
}

static void
on_reopened (IcwFundingEditor *self,
             IcwRecord        *next)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), ICW_TYPE_REGISTER_PAGE);

  if (page != NULL)
    icw_register_page_select (ICW_REGISTER_PAGE (page), next);
  else
    icw_funding_editor_set_request (self, next);
}

static void
on_page_selected (IcwFundingEditor *self,
                  GtkListBoxRow    *row)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->pages, page_keys[gtk_list_box_row_get_index (row)]);
}

/* Building */

static GtkWidget *
page_row (Page page)
{
  GtkWidget *row = icw_editor_page_row_new (_(page_titles[page]), FALSE);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "badge"), FALSE);
  return row;
}

/* A page: its content, centred and scrolled. */
static void
add_page (IcwFundingEditor *self,
          Page              page,
          GtkWidget        *content,
          int               width)
{
  GtkWidget *scrolled = icw_editor_scrolled_page_new (content, width, 18, 18);

  /* Only the budget may be wider than the window: six sources make a wide table. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  page == PAGE_BUDGET ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (self->pages, scrolled, page_keys[page]);
  gtk_list_box_append (self->page_list, page_row (page));
}

static GtkWidget *
build_check_panel (IcwFundingEditor *self)
{
  self->check_revealer = icw_editor_check_revealer_new (220, &self->check_panel);
  g_signal_connect_swapped (self->check_panel, "activate-field", G_CALLBACK (on_activate_field), self);
  /* The panel's list expands; the hidden panel must not take half the height from the page. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->check_revealer), FALSE);
  return GTK_WIDGET (self->check_revealer);
}

static void
build (IcwFundingEditor *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *main_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->bar = ICW_DOCUMENT_BAR (icw_document_bar_new (self->store, &bar_texts));
  g_signal_connect_swapped (self->bar, "flush", G_CALLBACK (flush), self);
  g_signal_connect_swapped (self->bar, "check", G_CALLBACK (icw_funding_editor_run_check), self);
  g_signal_connect_swapped (self->bar, "reopened", G_CALLBACK (on_reopened), self);
  self->print_button = icw_print_menu_button_new (GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->bar), self->print_button);

  self->page_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->page_list), "navigation-sidebar");
  gtk_widget_set_size_request (GTK_WIDGET (self->page_list), 150, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Funding request pages"), -1);
  g_signal_connect_swapped (self->page_list, "row-selected", G_CALLBACK (on_page_selected), self);
  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);

  self->basics = ICW_FUNDING_BASICS (icw_funding_basics_new (self->store, self->form, self->unit));
  self->grid = ICW_BUDGET_GRID (icw_budget_grid_new (self->store, self->unit));
  g_signal_connect_swapped (self->grid, "totals-changed", G_CALLBACK (on_totals_changed), self);
  self->justifications = ICW_BUDGET_JUSTIFICATIONS (icw_budget_justifications_new (self->store, self->unit));
  self->milestones = ICW_MILESTONES_EDITOR (icw_milestones_editor_new (self->store, self->unit));
  add_page (self, PAGE_REQUEST, GTK_WIDGET (self->basics), 720);
  add_page (self, PAGE_BUDGET, GTK_WIDGET (self->grid), 1400);
  add_page (self, PAGE_JUSTIFICATION, GTK_WIDGET (self->justifications), 900);
  add_page (self, PAGE_MILESTONES, GTK_WIDGET (self->milestones), 900);

  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->page_list));
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (main_column), GTK_WIDGET (self->pages));
  gtk_box_append (GTK_BOX (main_column), build_check_panel (self));
  gtk_widget_set_hexpand (main_column, TRUE);
  gtk_box_append (GTK_BOX (body), main_column);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->bar));
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (outer), body);
  adw_bin_set_child (ADW_BIN (self), outer);
  select_page (self, PAGE_REQUEST);
}

static void
icw_funding_editor_dispose (GObject *object)
{
  IcwFundingEditor *self = ICW_FUNDING_EDITOR (object);

  /* What is being typed is saved, and the widgets let go of the table before it is freed. */
  if (self->grid != NULL)
    {
      flush (self);
      icw_budget_grid_set_table (self->grid, NULL);
      icw_budget_justifications_set_table (self->justifications, NULL);
      self->grid = NULL;
    }
  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);

  G_OBJECT_CLASS (icw_funding_editor_parent_class)->dispose (object);

  g_clear_pointer (&self->table, icw_budget_table_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->request);
  g_clear_object (&self->form);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
}

static void
icw_funding_editor_class_init (IcwFundingEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_funding_editor_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_p, GDK_CONTROL_MASK, "document.print", NULL);
}

static void
icw_funding_editor_init (IcwFundingEditor *self)
{
}

GtkWidget *
icw_funding_editor_new (IcwStore  *store,
                        GSettings *settings)
{
  IcwFundingEditor *self = g_object_new (ICW_TYPE_FUNDING_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->unit = ICW_MONEY_UNIT_WAN;
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      self->unit = g_settings_get_enum (settings, "money-unit") == 1 ? ICW_MONEY_UNIT_YUAN : ICW_MONEY_UNIT_WAN;
      g_signal_connect_object (settings, "changed::money-unit", G_CALLBACK (on_money_unit_changed), self, G_CONNECT_SWAPPED);
    }
  /* The form's own money fields are none: the amounts follow the unit through the widgets above. */
  self->form = icw_record_form_new (store, self->unit);
  build (self);
  return GTK_WIDGET (self);
}
