/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-grid-cells.c: the cells of the budget grid. A keystroke is parsed at once: a good
 * amount goes into the table in memory, so that every total follows it, and is saved after the
 * shared pause (icw-edit-commit.h), on Enter, when the focus leaves or when the window closes; a bad one marks the cell, puts back the saved amount in
 * the table and says under the grid what is wrong, naming the category, year and source. Enter
 * moves down the column, as in a spreadsheet; Tab moves along the row (GTK's own focus order). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-grid-private.h"
#include "icw-edit-commit.h"
#include "icw-form-text.h"

typedef struct {
  IcwBudgetGrid *grid;   /* NULL once the grid has let the cell go */
  guint row, source;
  char *name;            /* category, year, source: what messages call the cell */
  char *error;
  gboolean dirty;
  gboolean setting;
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->name);
  g_free (cell->error);
  g_free (cell);
}

static Cell *
cell_of (GtkWidget *entry)
{
  return g_object_get_data (G_OBJECT (entry), "icw-cell");
}

static int
year_of (IcwBudgetGrid *self)
{
  return icw_budget_table_get_start_year (self->table) + self->year;
}

/* What the database holds for the cell (the table may hold what is being typed). */
static gint64
saved_amount (IcwBudgetGrid *self,
              Cell          *cell)
{
  IcwBudgetLine *line = icw_budget_table_get_line (self->table, cell->row);

  return line != NULL ? icw_budget_line_get_cell (line, year_of (self),
                                                  icw_budget_table_get_source (self->table, cell->source))
                      : 0;
}

void
icw_budget_grid_set_message (IcwBudgetGrid *self,
                             const char    *message)
{
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

const char *
icw_budget_grid_get_message (IcwBudgetGrid *self)
{
  g_return_val_if_fail (ICW_IS_BUDGET_GRID (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : NULL;
}

/* Marks the cell (message NULL clears it); the line under the grid shows the latest problem, or
 * another cell's when that one is corrected. */
static void
set_cell_error (GtkWidget  *entry,
                const char *message)
{
  Cell *cell = cell_of (entry);
  IcwBudgetGrid *self = cell->grid;
  g_autofree char *full = NULL;

  g_clear_pointer (&cell->error, g_free);
  if (message != NULL)
    {
      /* Translators: a budget cell (category, year, source) and what is wrong with it. */
      full = g_strdup_printf (_("%s: %s"), cell->name, message);
      cell->error = g_strdup (full);
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      icw_budget_grid_set_message (self, full);
      return;
    }
  gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *other = cell_of (g_ptr_array_index (self->cells, i));

      if (other->error != NULL)
        {
          icw_budget_grid_set_message (self, other->error);
          return;
        }
    }
  icw_budget_grid_set_message (self, NULL);
}

static void
show_amount (GtkWidget *entry,
             gint64     fen)
{
  Cell *cell = cell_of (entry);
  g_autofree char *text = fen != 0 ? icw_money_format_locale (fen, cell->grid->unit, FALSE) : g_strdup ("");

  cell->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  cell->setting = FALSE;
}

/* Saves a cell typed in; on failure the table and the database keep the saved amount. */
static void
save_cell (GtkWidget *entry)
{
  Cell *cell = cell_of (entry);
  IcwBudgetGrid *self = cell->grid;
  g_autoptr(GError) error = NULL;
  gint64 fen;

  if (self == NULL || !cell->dirty)
    return;
  cell->dirty = FALSE;
  fen = icw_budget_table_get (self->table, cell->row, (guint) self->year, cell->source);
  if (fen == saved_amount (self, cell))
    return;
  if (!icw_budget_table_save_cell (self->table, self->store, cell->row, (guint) self->year, cell->source,
                                   fen, &error))
    {
      icw_budget_table_set (self->table, cell->row, (guint) self->year, cell->source, saved_amount (self, cell));
      set_cell_error (entry, error->message);
      icw_budget_grid_update_totals (self);
    }
}

void
icw_budget_grid_flush (IcwBudgetGrid *self)
{
  g_return_if_fail (ICW_IS_BUDGET_GRID (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; self->table != NULL && i < self->cells->len; i++)
    save_cell (g_ptr_array_index (self->cells, i));
}

static gboolean
save_timeout (gpointer data)
{
  IcwBudgetGrid *self = data;

  self->save_source = 0;
  icw_budget_grid_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (GtkEditable *entry)
{
  Cell *cell = cell_of (GTK_WIDGET (entry));
  IcwBudgetGrid *self = cell->grid;
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;

  if (self == NULL || cell->setting)
    return;
  if (icw_form_text_parse_amount (gtk_editable_get_text (entry), self->unit, &fen, &error))
    {
      icw_budget_table_set (self->table, cell->row, (guint) self->year, cell->source, fen);
      cell->dirty = TRUE;
      if (cell->error != NULL)
        set_cell_error (GTK_WIDGET (entry), NULL);
      icw_edit_commit_schedule (&self->save_source, save_timeout, self);
    }
  else
    {
      icw_budget_table_set (self->table, cell->row, (guint) self->year, cell->source, saved_amount (self, cell));
      cell->dirty = FALSE;
      set_cell_error (GTK_WIDGET (entry), error->message);
    }
  icw_budget_grid_update_totals (self);
}

/* The next cell down the column, or the top of the next column. */
static GtkWidget *
next_cell (IcwBudgetGrid *self,
           Cell          *from)
{
  GtkWidget *first_of_next = NULL;

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->cells, i);
      Cell *cell = cell_of (entry);

      if (cell->source == from->source && cell->row > from->row)
        return entry;
      if (first_of_next == NULL && cell->source == from->source + 1)
        first_of_next = entry;
    }
  return first_of_next;
}

static void
on_activate (GtkEntry *entry)
{
  Cell *cell = cell_of (GTK_WIDGET (entry));
  GtkWidget *next;

  if (cell->grid == NULL)
    return;
  save_cell (GTK_WIDGET (entry));
  next = next_cell (cell->grid, cell);
  if (next != NULL)
    gtk_widget_grab_focus (next);
}

static void
on_focus_leave (GtkEventController *controller)
{
  GtkWidget *entry = gtk_event_controller_get_widget (controller);
  Cell *cell = cell_of (entry);

  if (cell->grid == NULL)
    return;
  save_cell (entry);
  /* Shown as the program writes amounts, unless it is still wrong and to be corrected. */
  if (cell->error == NULL)
    show_amount (entry, icw_budget_table_get (cell->grid->table, cell->row, (guint) cell->grid->year, cell->source));
}

GtkWidget *
icw_budget_grid_cell_new (IcwBudgetGrid *self,
                          guint          row,
                          guint          source_index,
                          const char    *name)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *zero = icw_money_format_locale (0, self->unit, FALSE);
  Cell *cell = g_new0 (Cell, 1);

  cell->grid = self;
  cell->row = row;
  cell->source = source_index;
  cell->name = g_strdup (name);
  g_object_set_data_full (G_OBJECT (entry), "icw-cell", cell, cell_free);

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), zero);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "amount");
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  show_amount (entry, icw_budget_table_get (self->table, row, (guint) self->year, source_index));

  g_signal_connect (entry, "changed", G_CALLBACK (on_changed), NULL);
  g_signal_connect (entry, "activate", G_CALLBACK (on_activate), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), NULL);
  gtk_widget_add_controller (entry, focus);
  g_ptr_array_add (self->cells, g_object_ref (entry));
  return entry;
}

void
icw_budget_grid_cells_clear (IcwBudgetGrid *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; i < self->cells->len; i++)
    cell_of (g_ptr_array_index (self->cells, i))->grid = NULL;
  g_ptr_array_set_size (self->cells, 0);
}

void
icw_budget_grid_cells_set_editable (IcwBudgetGrid *self,
                                    gboolean       editable)
{
  /* Read-only cells stay selectable, so amounts can still be copied. */
  for (guint i = 0; i < self->cells->len; i++)
    gtk_editable_set_editable (g_ptr_array_index (self->cells, i), editable);
}

GtkEditable *
icw_budget_grid_get_cell (IcwBudgetGrid *self,
                          guint          row,
                          guint          source_index)
{
  g_return_val_if_fail (ICW_IS_BUDGET_GRID (self), NULL);

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->cells, i);
      Cell *cell = cell_of (entry);

      if (cell->row == row && cell->source == source_index)
        return GTK_EDITABLE (entry);
    }
  return NULL;
}
