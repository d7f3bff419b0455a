/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-editor.c: the funding request editor, an IcwDocumentEditor with four pages: the
 * request (IcwFundingBasics), the budget (IcwBudgetGrid), the justification of each line
 * (IcwBudgetJustifications) and the milestones (IcwMilestonesEditor); a finding opens its page and
 * focuses the field or cell. The editor owns the budget table that the grid and the justifications
 * share, and makes it again when the years, sources or category set change. The money unit
 * follows the "money-unit" setting live. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-export-button.h"
#include "icw-budget-justifications.h"
#include "icw-editor-parts.h"
#include "icw-funding-basics.h"
#include "icw-funding-editor.h"
#include "icw-lifecycle.h"
#include "icw-record-form.h"
#include "icw-review-comments.h"
#include "icw-ui-util.h"

typedef enum {
  PAGE_REQUEST,
  PAGE_BUDGET,
  PAGE_JUSTIFICATION,
  PAGE_MILESTONES,
  N_PAGES
} Page;

/* The pages' keys and titles are those reviewers' comments name (icw-review-comments.h), in this order. */
static const char *
page_key (Page page)
{
  return icw_review_section_keys (ICW_RECORD_KIND_FUNDING_REQUEST)[page];
}

struct _IcwFundingEditor
{
  IcwDocumentEditor parent_instance;

  IcwStore *store;
  GSettings *settings;
  IcwFundingRequest *request;
  IcwRecordForm *form;
  IcwBudgetTable *table;
  IcwMoneyUnit unit;

  IcwFundingBasics *basics;
  IcwBudgetGrid *grid;
  IcwBudgetJustifications *justifications;
  IcwMilestonesEditor *milestones;
};

G_DEFINE_FINAL_TYPE (IcwFundingEditor, icw_funding_editor, ICW_TYPE_DOCUMENT_EDITOR)

#define SHELL(self) ICW_DOCUMENT_EDITOR (self)

/* The page a finding's field is on. */
static Page
page_of_field (const char *field)
{
  const char *key = icw_document_kind_funding.page_of_field (field);

  for (Page page = 0; page < N_PAGES; page++)
    if (g_str_equal (page_key (page), key))
      return page;
  return PAGE_REQUEST;
}

static void
flush (IcwDocumentEditor *shell)
{
  IcwFundingEditor *self = ICW_FUNDING_EDITOR (shell);

  icw_record_form_flush (self->form);
  icw_funding_basics_flush (self->basics);
  icw_budget_grid_flush (self->grid);
  icw_budget_justifications_flush (self->justifications);
  icw_milestones_editor_flush (self->milestones);
}

void
icw_funding_editor_run_check (IcwFundingEditor *self)
{
  icw_document_editor_run_check (SHELL (self));
}

guint
icw_funding_editor_n_errors (IcwFundingEditor *self)
{
  return icw_document_editor_n_errors (SHELL (self));
}

static void
select_page (IcwFundingEditor *self,
             Page              page)
{
  icw_document_editor_select_page (SHELL (self), page_key (page));
}

static gboolean
show_field (IcwDocumentEditor *shell,
            const char        *field)
{
  IcwFundingEditor *self = ICW_FUNDING_EDITOR (shell);
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

gboolean
icw_funding_editor_show_field (IcwFundingEditor *self,
                               const char       *field)
{
  return icw_document_editor_show_field (SHELL (self), field);
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
  gboolean editable = icw_document_editor_is_editable (SHELL (self));

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
status_changed (IcwDocumentEditor *shell,
                gboolean           editable)
{
  set_editable (ICW_FUNDING_EDITOR (shell));
}

static void
record_notify (IcwDocumentEditor *shell,
               GParamSpec        *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "start-year") || g_str_equal (name, "period") || g_str_equal (name, "sources") ||
      g_str_equal (name, "category-set") || g_str_equal (name, "category-set-version"))
    reload_table (ICW_FUNDING_EDITOR (shell));
}

static void
record_set (IcwDocumentEditor *shell,
            IcwRecord         *request)
{
  IcwFundingEditor *self = ICW_FUNDING_EDITOR (shell);

  g_set_object (&self->request, (IcwFundingRequest *) request);
  icw_record_form_set_record (self->form, request);
  icw_funding_basics_set_request (self->basics, self->request);
  icw_milestones_editor_set_request (self->milestones, self->request);
  reload_table (self);
}

void
icw_funding_editor_set_request (IcwFundingEditor *self,
                                IcwRecord        *request)
{
  g_return_if_fail (ICW_IS_FUNDING_EDITOR (self));
  icw_document_editor_set_record (SHELL (self), request);
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

/* Building */

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
  icw_document_editor_add_page (SHELL (self), page_key (page),
                                icw_review_section_title (ICW_RECORD_KIND_FUNDING_REQUEST, page_key (page)), scrolled);
}

static void
build (IcwFundingEditor *self)
{
  self->basics = ICW_FUNDING_BASICS (icw_funding_basics_new (self->store, self->form, self->unit));
  self->grid = ICW_BUDGET_GRID (icw_budget_grid_new (self->store, self->unit));
  g_signal_connect_swapped (self->grid, "totals-changed", G_CALLBACK (on_totals_changed), self);
  self->justifications = ICW_BUDGET_JUSTIFICATIONS (icw_budget_justifications_new (self->store, self->unit));
  self->milestones = ICW_MILESTONES_EDITOR (icw_milestones_editor_new (self->store, self->unit));
  add_page (self, PAGE_REQUEST, GTK_WIDGET (self->basics), 720);
  add_page (self, PAGE_BUDGET, GTK_WIDGET (self->grid), 1400);
  add_page (self, PAGE_JUSTIFICATION, GTK_WIDGET (self->justifications), 900);
  add_page (self, PAGE_MILESTONES, GTK_WIDGET (self->milestones), 900);
  icw_document_editor_add_action (SHELL (self), icw_budget_export_button_new (SHELL (self)));
  select_page (self, PAGE_REQUEST);
}

static void
icw_funding_editor_dispose (GObject *object)
{
  IcwFundingEditor *self = ICW_FUNDING_EDITOR (object);

  /* What is being typed is saved, and the widgets let go of the table before it is freed. */
  if (self->grid != NULL)
    {
      flush (ICW_DOCUMENT_EDITOR (self));
      icw_budget_grid_set_table (self->grid, NULL);
      icw_budget_justifications_set_table (self->justifications, NULL);
      self->grid = NULL;
    }

  G_OBJECT_CLASS (icw_funding_editor_parent_class)->dispose (object);

  g_clear_pointer (&self->table, icw_budget_table_free);
  g_clear_object (&self->request);
  g_clear_object (&self->form);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
}

static void
icw_funding_editor_class_init (IcwFundingEditorClass *klass)
{
  IcwDocumentEditorClass *shell_class = ICW_DOCUMENT_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_funding_editor_dispose;
  shell_class->flush = flush;
  shell_class->record_set = record_set;
  shell_class->status_changed = status_changed;
  shell_class->record_notify = record_notify;
  shell_class->show_field = show_field;
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

  icw_document_editor_set_kind (SHELL (self), &icw_document_kind_funding, store);
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
