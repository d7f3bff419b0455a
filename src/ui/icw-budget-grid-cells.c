/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-grid-cells.c: the cells of the budget grid. A keystroke is parsed at once: a good
 * amount goes into the table in memory, so that every total follows it, and is saved after the
 * shared pause (icw-edit-commit.h), on Enter, when the focus leaves or when the window closes; a bad one marks the cell, puts back the saved amount in
 * the table and says under the grid what is wrong, naming the category, year and source. Enter
 * moves down the column, as in a spreadsheet; Tab moves along the row (GTK's own focus order).
 * A cell shows its amount as the totals do, digits grouped as the locale groups them ("3,000.00");
 * it is read back with or without the group marks. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-grid-private.h"
#include "icw-edit-commit.h"
#include "icw-form-text.h"

/* A cell of the year shown: its entry and where its amount goes. Shared (GRcBox) by the grid's
 * list of cells and the entry's handlers; @grid is cleared when the grid lets the cell go, so a
 * late signal from an entry being destroyed does nothing. */
typedef struct {
  IcwBudgetGrid *grid;   /* NULL once the grid has let the cell go */
  GtkWidget *entry;      /* a reference while the grid holds the cell */
  guint row, source;
  char *name;            /* category, year, source: what messages call the cell */
  char *error;
  gboolean dirty;
  gboolean setting;
} Cell;

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->name);
  g_free (cell->error);
}

static void
cell_release (gpointer  data,
              GClosure *closure)
{
  g_rc_box_release_full (data, cell_clear);
}

/* The grid lets a cell go (the free function of its list of cells). */
void
icw_budget_grid_cell_forget (gpointer data)
{
  Cell *cell = data;

  cell->grid = NULL;
  g_clear_object (&cell->entry);
  g_rc_box_release_full (cell, cell_clear);
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
set_cell_error (Cell       *cell,
                const char *message)
{
  GtkWidget *entry = cell->entry;
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
      Cell *other = g_ptr_array_index (self->cells, i);

      if (other->error != NULL)
        {
          icw_budget_grid_set_message (self, other->error);
          return;
        }
    }
  icw_budget_grid_set_message (self, NULL);
}

static void
show_amount (Cell   *cell,
             gint64  fen)
{
  GtkWidget *entry = cell->entry;
  g_autofree char *text = fen != 0 ? icw_money_format_locale (fen, cell->grid->unit, TRUE) : g_strdup ("");

  cell->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  cell->setting = FALSE;
}

/* Saves a cell typed in; on failure the table and the database keep the saved amount. */
static void
save_cell (Cell *cell)
{
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
      set_cell_error (cell, error->message);
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
on_changed (GtkEditable *entry,
            Cell        *cell)
{
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
        set_cell_error (cell, NULL);
      icw_edit_commit_schedule (&self->save_source, save_timeout, self);
    }
  else
    {
      icw_budget_table_set (self->table, cell->row, (guint) self->year, cell->source, saved_amount (self, cell));
      cell->dirty = FALSE;
      set_cell_error (cell, error->message);
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
      Cell *cell = g_ptr_array_index (self->cells, i);

      if (cell->source == from->source && cell->row > from->row)
        return cell->entry;
      if (first_of_next == NULL && cell->source == from->source + 1)
        first_of_next = cell->entry;
    }
  return first_of_next;
}

static void
on_activate (GtkEntry *entry,
             Cell     *cell)
{
  GtkWidget *next;

  if (cell->grid == NULL)
    return;
  save_cell (cell);
  next = next_cell (cell->grid, cell);
  if (next != NULL)
    gtk_widget_grab_focus (next);
}

static void
on_focus_leave (GtkEventController *controller,
                Cell               *cell)
{
  if (cell->grid == NULL)
    return;
  save_cell (cell);
  /* Shown as the program writes amounts, unless it is still wrong and to be corrected. */
  if (cell->error == NULL)
    show_amount (cell, icw_budget_table_get (cell->grid->table, cell->row, (guint) cell->grid->year, cell->source));
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
  Cell *cell = g_rc_box_new0 (Cell);

  cell->grid = self;
  cell->entry = g_object_ref_sink (entry);
  cell->row = row;
  cell->source = source_index;
  cell->name = g_strdup (name);

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), zero);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "amount");
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  show_amount (cell, icw_budget_table_get (self->table, row, (guint) self->year, source_index));

  g_signal_connect_data (entry, "changed", G_CALLBACK (on_changed), g_rc_box_acquire (cell), cell_release, 0);
  g_signal_connect_data (entry, "activate", G_CALLBACK (on_activate), g_rc_box_acquire (cell), cell_release, 0);
  g_signal_connect_data (focus, "leave", G_CALLBACK (on_focus_leave), g_rc_box_acquire (cell), cell_release, 0);
  gtk_widget_add_controller (entry, focus);
  g_ptr_array_add (self->cells, cell);
  return entry;
}

void
icw_budget_grid_cells_clear (IcwBudgetGrid *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_ptr_array_set_size (self->cells, 0);
}

void
icw_budget_grid_cells_set_editable (IcwBudgetGrid *self,
                                    gboolean       editable)
{
  /* Read-only cells stay selectable, so amounts can still be copied. */
  for (guint i = 0; i < self->cells->len; i++)
    gtk_editable_set_editable (GTK_EDITABLE (((Cell *) g_ptr_array_index (self->cells, i))->entry), editable);
}

GtkEditable *
icw_budget_grid_get_cell (IcwBudgetGrid *self,
                          guint          row,
                          guint          source_index)
{
  g_return_val_if_fail (ICW_IS_BUDGET_GRID (self), NULL);

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);

      if (cell->row == row && cell->source == source_index)
        return GTK_EDITABLE (cell->entry);
    }
  return NULL;
}
