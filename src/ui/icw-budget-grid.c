/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-grid.c: the budget table as a GtkGrid. Six sources over ten years would be sixty
 * columns, so the grid shows one year at a time (a column per source in use and the year's total)
 * or every year summed, picked with the year buttons above it; the requested total, the fiscal and
 * the self-raised totals stay in view above. Each keystroke is parsed at once and every total
 * follows it; the cell is saved after a pause, on Enter or when the focus leaves it. A cell that
 * does not parse is marked, the message under the grid names its category, year and source, and
 * the totals and the database keep the saved amount. Cell logic is in icw-budget-grid-cells.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-grid-private.h"
#include "icw-edit-commit.h"
#include "icw-enums.h"

G_DEFINE_FINAL_TYPE (IcwBudgetGrid, icw_budget_grid, GTK_TYPE_BOX)

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A total: a label that update_totals() fills from the table. */
static void
add_total (IcwBudgetGrid *self,
           int            column,
           int            grid_row,
           int            row,
           int            source_index,
           int            group,
           const char    *accessible_name,
           gboolean       strong)
{
  GtkWidget *label = grid_label ("", 1.0, "amount");
  IcwBudgetTotal *total = g_new0 (IcwBudgetTotal, 1);

  if (strong)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "budget-total");
  /* GTK 4.8 names a label after its text whatever its label property says: the description tells
   * which total it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible_name, -1);
  total->label = GTK_LABEL (label);
  total->description = g_strdup (accessible_name);
  total->row = row;
  total->year = self->year;
  total->source = source_index;
  total->group = group;
  g_ptr_array_add (self->totals, total);
  gtk_grid_attach (self->grid, label, column, grid_row, 1, 1);
}

/* What the accessible names of a view call its year: "2026", or "all years". */
static char *
year_name (IcwBudgetGrid *self)
{
  if (self->year == ICW_BUDGET_ALL)
    return g_strdup (_("all years"));
  return g_strdup_printf ("%d", icw_budget_table_get_start_year (self->table) + self->year);
}

static const char *
source_label (IcwBudgetGrid *self,
              guint          source_index)
{
  return icw_funding_source_to_label (icw_budget_table_get_source (self->table, source_index));
}

/* One row of the grid: a category (leaf cells are entries, a parent's are its subtotals), a group
 * heading with the group's subtotals (row ICW_BUDGET_ALL, group g) or the totals (both ALL). */
static void
add_line (IcwBudgetGrid *self,
          int            grid_row,
          int            row,
          int            group,
          const char    *title,
          gboolean       indent)
{
  guint n_sources = icw_budget_table_get_n_sources (self->table);
  const IcwBudgetCategory *category = row >= 0 ? icw_budget_table_get_category (self->table, row) : NULL;
  gboolean heading = row < 0;
  gboolean editable_row = category != NULL && icw_budget_category_is_leaf (category) && self->year != ICW_BUDGET_ALL;
  g_autofree char *year = year_name (self);
  GtkWidget *label = grid_label (title, 0.0, heading ? "heading" : NULL);

  if (indent)
    gtk_widget_set_margin_start (label, 18);
  /* A long category ("International cooperation and exchange") wraps between words rather than
     hiding its end: the row grows a line, the amounts stay beside it. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_grid_attach (self->grid, label, 0, grid_row, 1, 1);

  for (guint s = 0; s < n_sources; s++)
    {
      /* Translators: the accessible name of a budget cell: category, year, funding source,
         e.g. "Materials, 2026, Central fiscal funds" or "Materials, all years, Bank loan". */
      g_autofree char *name = g_strdup_printf (_("%s, %s, %s"), title, year, source_label (self, s));

      if (editable_row)
        gtk_grid_attach (self->grid, icw_budget_grid_cell_new (self, (guint) row, s, name), 1 + (int) s, grid_row, 1, 1);
      else
        add_total (self, 1 + (int) s, grid_row, row, (int) s, group, name, heading);
    }
  {
    /* Translators: the accessible name of a row's total: category, year, e.g. "Materials, 2026, total". */
    g_autofree char *name = g_strdup_printf (_("%s, %s, total"), title, year);
    add_total (self, 1 + (int) n_sources, grid_row, row, ICW_BUDGET_ALL, group, name, TRUE);
  }
}

static void
add_header (IcwBudgetGrid *self)
{
  guint n_sources = icw_budget_table_get_n_sources (self->table);
  g_autofree char *unit = g_strdup_printf (_("Amounts in %s"), icw_money_unit_symbol (self->unit));
  GtkWidget *corner = grid_label (unit, 0.0, "dim-label");

  gtk_grid_attach (self->grid, corner, 0, 0, 1, 1);
  for (guint s = 0; s < n_sources; s++)
    {
      GtkWidget *header = grid_label (source_label (self, s), 1.0, "caption-heading");

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 12);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      gtk_grid_attach (self->grid, header, 1 + (int) s, 0, 1, 1);
    }
  gtk_grid_attach (self->grid, grid_label (self->year == ICW_BUDGET_ALL ? _("Total") : _("Year total"),
                                           1.0, "caption-heading"),
                   1 + (int) n_sources, 0, 1, 1);
}

/* Builds the grid of the year shown: headers, each group with its categories, the totals. */
static void
rebuild (IcwBudgetGrid *self)
{
  GtkWidget *child;
  IcwCategorySet *set;
  guint n_rows;
  int grid_row = 1;

  icw_budget_grid_flush (self);
  icw_budget_grid_cells_clear (self);
  g_ptr_array_set_size (self->totals, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  if (self->table == NULL)
    return;

  set = icw_budget_table_get_category_set (self->table);
  n_rows = icw_budget_table_get_n_rows (self->table);
  add_header (self);
  for (int group = 0; group < ICW_N_BUDGET_GROUPS; group++)
    {
      gboolean any = FALSE;

      for (guint r = 0; r < n_rows && !any; r++)
        any = icw_budget_table_get_category (self->table, r)->group == (IcwBudgetGroup) group;
      if (!any)
        continue;
      add_line (self, grid_row++, ICW_BUDGET_ALL, group, icw_budget_group_to_label (group), FALSE);
      for (guint r = 0; r < n_rows; r++)
        {
          const IcwBudgetCategory *category = icw_budget_table_get_category (self->table, r);

          if (category->group == (IcwBudgetGroup) group)
            add_line (self, grid_row++, (int) r, ICW_BUDGET_ALL, icw_budget_category_get_label (category),
                      category->parent >= 0);
        }
    }
  gtk_grid_attach (self->grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, grid_row++,
                   2 + (int) icw_budget_table_get_n_sources (self->table), 1);
  add_line (self, grid_row, ICW_BUDGET_ALL, ICW_BUDGET_ALL, _("Total"), FALSE);
  gtk_label_set_text (self->set_label, icw_category_set_get_title (set));
  icw_budget_grid_update_totals (self);
}

/* The total of a label, or the overflow marker in the error style with the reason as its tooltip
 * (a sum beyond gint64; the check shows the program's finding about it). */
static void
show_total (IcwBudgetGrid  *self,
            IcwBudgetTotal *total)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 fen = 0;

  if (!icw_budget_table_sum (self->table, total->row, total->year, total->source, total->group, &fen, &error))
    {
      gtk_label_set_text (total->label, icw_budget_overflow_marker ());
      gtk_widget_set_tooltip_text (GTK_WIDGET (total->label), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (total->label), "error");
      return;
    }
  text = icw_money_format_locale (fen, self->unit, TRUE);
  gtk_label_set_text (total->label, text);
  if (gtk_widget_has_css_class (GTK_WIDGET (total->label), "error"))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (total->label), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (total->label), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (total->label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      total->description, -1);
    }
}

static void
budget_total_free (gpointer data)
{
  IcwBudgetTotal *total = data;

  g_free (total->description);
  g_free (total);
}

static void
show_summary_amount (IcwBudgetGrid *self,
                     GtkLabel      *label,
                     gboolean       ok,
                     gint64         fen)
{
  g_autofree char *amount = ok ? icw_money_format_locale (fen, self->unit, TRUE) : NULL;
  /* Translators: an amount and its unit, e.g. "120.00 万元" */
  g_autofree char *text = ok ? g_strdup_printf (_("%s %s"), amount, icw_money_unit_symbol (self->unit)) : NULL;

  gtk_label_set_text (label, ok ? text : icw_budget_overflow_marker ());
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

void
icw_budget_grid_update_totals (IcwBudgetGrid *self)
{
  gint64 grand = 0, fiscal = 0, raised = 0;
  gboolean ok_grand, ok_fiscal, ok_raised;

  if (self->table == NULL)
    return;
  for (guint i = 0; i < self->totals->len; i++)
    show_total (self, g_ptr_array_index (self->totals, i));
  ok_grand = icw_budget_table_grand_total (self->table, &grand, NULL);
  ok_fiscal = icw_budget_table_fiscal_total (self->table, TRUE, &fiscal, NULL);
  ok_raised = icw_budget_table_fiscal_total (self->table, FALSE, &raised, NULL);
  show_summary_amount (self, self->requested_label, ok_grand, grand);
  show_summary_amount (self, self->fiscal_label, ok_fiscal, fiscal);
  show_summary_amount (self, self->raised_label, ok_raised, raised);
  g_signal_emit (self, icw_budget_grid_signals[ICW_BUDGET_GRID_TOTALS_CHANGED], 0);
}

/* The year buttons: one per year of the table in order, then "All Years". */

static int
button_year (IcwBudgetGrid *self,
             GtkWidget     *button)
{
  guint n_years = self->table != NULL ? icw_budget_table_get_n_years (self->table) : 0;
  int position = 0;

  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (self->years)); b != button; b = gtk_widget_get_next_sibling (b))
    position++;
  return position < (int) n_years ? position : ICW_BUDGET_ALL;
}

static void
on_year_toggled (GtkToggleButton *button,
                 IcwBudgetGrid   *self)
{
  if (!gtk_toggle_button_get_active (button) || self->updating_years)
    return;
  self->year = button_year (self, GTK_WIDGET (button));
  rebuild (self);
}

static void
rebuild_years (IcwBudgetGrid *self)
{
  GtkWidget *child;
  GtkToggleButton *first = NULL;
  guint n_years = self->table != NULL ? icw_budget_table_get_n_years (self->table) : 0;

  self->updating_years = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->years))) != NULL)
    gtk_box_remove (self->years, child);
  for (int y = 0; y <= (int) n_years; y++)
    {
      int year = y < (int) n_years ? y : ICW_BUDGET_ALL;
      g_autofree char *label = year == ICW_BUDGET_ALL ? g_strdup (_("All Years"))
                               : g_strdup_printf ("%d", icw_budget_table_get_start_year (self->table) + y);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), year == self->year);
      g_signal_connect (button, "toggled", G_CALLBACK (on_year_toggled), self);
      gtk_box_append (self->years, button);
    }
  self->updating_years = FALSE;
}

void
icw_budget_grid_show_year (IcwBudgetGrid *self,
                           int            year_index)
{
  g_return_if_fail (ICW_IS_BUDGET_GRID (self));

  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (self->years)); b != NULL; b = gtk_widget_get_next_sibling (b))
    if (button_year (self, b) == year_index)
      {
        if (self->year == year_index)
          return;
        /* The button's "toggled" rebuilds the grid. */
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), TRUE);
        return;
      }
}

int
icw_budget_grid_get_year (IcwBudgetGrid *self)
{
  g_return_val_if_fail (ICW_IS_BUDGET_GRID (self), ICW_BUDGET_ALL);
  return self->year;
}

void
icw_budget_grid_set_table (IcwBudgetGrid  *self,
                           IcwBudgetTable *table)
{
  g_return_if_fail (ICW_IS_BUDGET_GRID (self));

  icw_budget_grid_flush (self);
  self->table = table;
  if (table == NULL || self->year >= (int) icw_budget_table_get_n_years (table))
    self->year = 0;
  icw_budget_grid_set_message (self, NULL);
  rebuild_years (self);
  rebuild (self);
}

void
icw_budget_grid_set_money_unit (IcwBudgetGrid *self,
                                IcwMoneyUnit   unit)
{
  g_return_if_fail (ICW_IS_BUDGET_GRID (self));

  if (self->unit == unit)
    return;
  /* What was typed is saved in the old unit before the cells are shown in the new one. */
  icw_budget_grid_flush (self);
  self->unit = unit;
  rebuild (self);
}

void
icw_budget_grid_set_editable (IcwBudgetGrid *self,
                              gboolean       editable)
{
  g_return_if_fail (ICW_IS_BUDGET_GRID (self));

  self->editable = editable;
  icw_budget_grid_cells_set_editable (self, editable);
}

gboolean
icw_budget_grid_focus_cell (IcwBudgetGrid *self,
                            const char    *category,
                            int            year,
                            int            source)
{
  IcwCategorySet *set;
  int row, year_index = 0, source_index;
  GtkEditable *cell = NULL;

  g_return_val_if_fail (ICW_IS_BUDGET_GRID (self), FALSE);

  if (self->table == NULL)
    return FALSE;
  set = icw_budget_table_get_category_set (self->table);
  row = category != NULL ? icw_category_set_find (set, category) : -1;
  if (row < 0)
    return FALSE;
  /* A parent has no cells: its first line has. */
  if (!icw_budget_category_is_leaf (icw_category_set_get_category (set, row)) &&
      row + 1 < (int) icw_category_set_get_n_categories (set))
    row++;
  if (year != 0 && icw_budget_table_year_index (self->table, year) >= 0)
    year_index = icw_budget_table_year_index (self->table, year);
  source_index = source >= 0 ? icw_budget_table_source_index (self->table, source) : 0;
  if (self->year == ICW_BUDGET_ALL || (year != 0 && year_index != self->year))
    icw_budget_grid_show_year (self, year_index);
  cell = icw_budget_grid_get_cell (self, (guint) row, (guint) MAX (source_index, 0));
  if (cell != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (cell));
  return TRUE;
}

const char *
icw_budget_grid_get_total_text (IcwBudgetGrid *self,
                                int            row,
                                int            source_index,
                                int            group)
{
  g_return_val_if_fail (ICW_IS_BUDGET_GRID (self), NULL);

  for (guint i = 0; i < self->totals->len; i++)
    {
      IcwBudgetTotal *total = g_ptr_array_index (self->totals, i);

      if (total->row == row && total->source == source_index && total->group == group)
        return gtk_label_get_text (total->label);
    }
  return NULL;
}

const char *
icw_budget_grid_get_requested_text (IcwBudgetGrid *self)
{
  g_return_val_if_fail (ICW_IS_BUDGET_GRID (self), NULL);
  return gtk_label_get_text (self->requested_label);
}

/* Building */

static GtkLabel *
summary_item (GtkBox     *box,
              const char *caption,
              const char *accessible_name)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = grid_label (caption, 0.0, "caption");
  GtkWidget *value = grid_label ("", 0.0, "amount");

  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (value, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible_name, -1);
  gtk_box_append (GTK_BOX (item), title);
  gtk_box_append (GTK_BOX (item), value);
  gtk_box_append (box, item);
  return GTK_LABEL (value);
}

static void
icw_budget_grid_dispose (GObject *object)
{
  IcwBudgetGrid *self = ICW_BUDGET_GRID (object);

  /* An amount typed just before the editor closes is still saved. */
  if (self->table != NULL)
    icw_budget_grid_flush (self);
  icw_budget_grid_cells_clear (self);
  g_clear_pointer (&self->close_watch, icw_edit_commit_watch_free);
  self->table = NULL;

  G_OBJECT_CLASS (icw_budget_grid_parent_class)->dispose (object);

  g_clear_pointer (&self->totals, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_object (&self->store);
}

guint icw_budget_grid_signals[ICW_BUDGET_GRID_N_SIGNALS];

static void
icw_budget_grid_class_init (IcwBudgetGridClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_budget_grid_dispose;

  /* Emitted whenever a total may have changed (as the user types, too). */
  icw_budget_grid_signals[ICW_BUDGET_GRID_TOTALS_CHANGED] =
    g_signal_new ("totals-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
icw_budget_grid_init (IcwBudgetGrid *self)
{
  GtkWidget *summary = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->totals = g_ptr_array_new_with_free_func (budget_total_free);
  self->cells = g_ptr_array_new_with_free_func (icw_budget_grid_cell_forget);
  self->editable = TRUE;
  self->close_watch = icw_edit_commit_watch_close (GTK_WIDGET (self), (IcwEditFlushFunc) icw_budget_grid_flush);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->requested_label = summary_item (GTK_BOX (summary), _("Requested total"), _("Requested total"));
  self->fiscal_label = summary_item (GTK_BOX (summary), _("Fiscal funds"), _("Fiscal funds"));
  self->raised_label = summary_item (GTK_BOX (summary), _("Self-raised funds"), _("Self-raised funds"));

  self->years = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->years), "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->years), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Budget year"), -1);
  self->set_label = GTK_LABEL (grid_label ("", 1.0, "dim-label"));
  /* The category set's title is a sentence in English: it wraps beside the years instead of
     widening the page past the window (its minimum is then its longest word). */
  gtk_label_set_wrap (self->set_label, TRUE);
  gtk_label_set_wrap_mode (self->set_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (self->set_label, GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (GTK_WIDGET (self->set_label), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->years));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->set_label));

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_grid_set_column_spacing (self->grid, 8);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "budget-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Budget table"), -1);

  self->message = GTK_LABEL (grid_label ("", 0.0, "error"));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);

  gtk_box_append (GTK_BOX (self), summary);
  gtk_box_append (GTK_BOX (self), bar);
  /* The page scrolls the grid both ways when it is wider than the window. */
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->message));
}

GtkWidget *
icw_budget_grid_new (IcwStore     *store,
                     IcwMoneyUnit  unit)
{
  IcwBudgetGrid *self = g_object_new (ICW_TYPE_BUDGET_GRID, NULL);

  self->store = g_object_ref (store);
  self->unit = unit;
  return GTK_WIDGET (self);
}
