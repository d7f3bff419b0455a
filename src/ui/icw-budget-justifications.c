/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-budget-justifications.c: an expander per leaf category of the budget, titled with the
 * category and the line's total over every year and source, holding a text area for why the money
 * is needed (测算依据). The text is saved to the line after the shared pause (icw-edit-commit.h),
 * when the focus leaves or when the window closes; a
 * line that has no record yet gets one (icw_budget_table_save_justification). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-justifications.h"
#include "icw-edit-commit.h"

struct _IcwBudgetJustifications
{
  AdwPreferencesGroup parent_instance;

  IcwStore *store;
  IcwBudgetTable *table;
  IcwMoneyUnit unit;
  gboolean editable;
  GtkListBox *rows;
  GPtrArray *lines;        /* JustifiedLine per expander, in order */
  guint save_source;
  IcwEditCommitWatch *close_watch;
};

G_DEFINE_FINAL_TYPE (IcwBudgetJustifications, icw_budget_justifications, ADW_TYPE_PREFERENCES_GROUP)

/* One expander: the budget row it justifies and the state of its text. Shared (GRcBox) by the
 * group's list and the view's handlers; @group is cleared when the group lets the line go, so a
 * late signal from a view being destroyed does nothing. */
typedef struct
{
  IcwBudgetJustifications *group;
  GtkTextView             *view;
  AdwExpanderRow          *expander;
  const char              *category;
  guint                    row;
  gboolean                 pending;
} JustifiedLine;

static void
line_release (gpointer  data,
              GClosure *closure)
{
  g_rc_box_release (data);
}

static void
line_forget (gpointer data)
{
  JustifiedLine *line = data;

  line->group = NULL;
  g_rc_box_release (line);
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_view (IcwBudgetJustifications *self,
           JustifiedLine           *justified)
{
  guint row = justified->row;
  IcwBudgetLine *line;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *expander = GTK_WIDGET (justified->expander);

  if (self->table == NULL || !justified->pending)
    return;
  justified->pending = FALSE;
  text = g_strstrip (view_text (justified->view));
  line = icw_budget_table_get_line (self->table, row);
  if (g_strcmp0 (text, line != NULL ? icw_budget_line_get_justification (line) : "") == 0 ||
      (line == NULL && *text == '\0'))
    return;
  if (!icw_budget_table_save_justification (self->table, self->store, row, text, &error))
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), error->message);
      gtk_widget_add_css_class (expander, "error");
    }
  else
    gtk_widget_remove_css_class (expander, "error");
}

void
icw_budget_justifications_flush (IcwBudgetJustifications *self)
{
  g_return_if_fail (ICW_IS_BUDGET_JUSTIFICATIONS (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; i < self->lines->len; i++)
    save_view (self, g_ptr_array_index (self->lines, i));
}

static gboolean
save_timeout (gpointer data)
{
  IcwBudgetJustifications *self = data;

  self->save_source = 0;
  icw_budget_justifications_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   JustifiedLine *justified)
{
  IcwBudgetJustifications *self = justified->group;

  if (self == NULL)
    return;
  justified->pending = TRUE;
  icw_edit_commit_schedule (&self->save_source, save_timeout, self);
}

void
icw_budget_justifications_update_totals (IcwBudgetJustifications *self)
{
  g_return_if_fail (ICW_IS_BUDGET_JUSTIFICATIONS (self));

  for (guint i = 0; self->table != NULL && i < self->lines->len; i++)
    {
      JustifiedLine *justified = g_ptr_array_index (self->lines, i);
      GtkWidget *expander = GTK_WIDGET (justified->expander);
      guint row = justified->row;
      IcwBudgetLine *line = icw_budget_table_get_line (self->table, row);
      const char *text = line != NULL ? icw_budget_line_get_justification (line) : NULL;
      g_autofree char *amount = NULL;
      g_autofree char *subtitle = NULL;
      gint64 fen = 0;

      if (gtk_widget_has_css_class (expander, "error"))
        continue;
      if (!icw_budget_table_sum (self->table, (int) row, ICW_BUDGET_ALL, ICW_BUDGET_ALL, ICW_BUDGET_ALL, &fen, NULL))
        continue;
      amount = icw_money_format_locale (fen, self->unit, TRUE);
      /* Translators: a budget line's total and unit, and whether it is justified. */
      subtitle = g_strdup_printf (text != NULL && *text != '\0' ? _("%s %s · justified") : _("%s %s · not justified yet"),
                                  amount, icw_money_unit_symbol (self->unit));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
    }
}

static void
on_focus_leave (GtkEventController *controller,
                JustifiedLine      *justified)
{
  IcwBudgetJustifications *self = justified->group;

  if (self != NULL)
    {
      save_view (self, justified);
      icw_budget_justifications_update_totals (self);
    }
}

static GtkWidget *
line_row (IcwBudgetJustifications *self,
          guint                    row)
{
  const IcwBudgetCategory *category = icw_budget_table_get_category (self->table, row);
  IcwBudgetLine *line = icw_budget_table_get_line (self->table, row);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *name = g_strdup_printf (_("Justification of %s"), icw_budget_category_get_label (category));
  JustifiedLine *justified = g_rc_box_new0 (JustifiedLine);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), icw_budget_category_get_label (category));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->editable);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  justified->group = self;
  justified->view = GTK_TEXT_VIEW (view);
  justified->expander = ADW_EXPANDER_ROW (expander);
  justified->category = category->key;
  justified->row = row;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            line != NULL && icw_budget_line_get_justification (line) != NULL
                            ? icw_budget_line_get_justification (line) : "", -1);
  g_signal_connect_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (on_buffer_changed),
                         g_rc_box_acquire (justified), line_release, 0);
  g_signal_connect_data (focus, "leave", G_CALLBACK (on_focus_leave), g_rc_box_acquire (justified), line_release, 0);
  gtk_widget_add_controller (view, focus);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), view);
  g_ptr_array_add (self->lines, justified);
  return expander;
}

void
icw_budget_justifications_set_table (IcwBudgetJustifications *self,
                                     IcwBudgetTable          *table)
{
  GtkWidget *child;

  g_return_if_fail (ICW_IS_BUDGET_JUSTIFICATIONS (self));

  icw_budget_justifications_flush (self);
  g_ptr_array_set_size (self->lines, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);
  self->table = table;
  for (guint r = 0; table != NULL && r < icw_budget_table_get_n_rows (table); r++)
    if (icw_budget_category_is_leaf (icw_budget_table_get_category (table, r)))
      gtk_list_box_append (self->rows, line_row (self, r));
  icw_budget_justifications_update_totals (self);
}

void
icw_budget_justifications_set_money_unit (IcwBudgetJustifications *self,
                                          IcwMoneyUnit             unit)
{
  self->unit = unit;
  icw_budget_justifications_update_totals (self);
}

void
icw_budget_justifications_set_editable (IcwBudgetJustifications *self,
                                        gboolean                 editable)
{
  self->editable = editable;
  for (guint i = 0; i < self->lines->len; i++)
    gtk_text_view_set_editable (((JustifiedLine *) g_ptr_array_index (self->lines, i))->view, editable);
}

gboolean
icw_budget_justifications_focus (IcwBudgetJustifications *self,
                                 const char              *category)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      JustifiedLine *justified = g_ptr_array_index (self->lines, i);

      if (g_strcmp0 (justified->category, category) == 0)
        {
          adw_expander_row_set_expanded (justified->expander, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (justified->view));
          return TRUE;
        }
    }
  return FALSE;
}

static void
icw_budget_justifications_dispose (GObject *object)
{
  IcwBudgetJustifications *self = ICW_BUDGET_JUSTIFICATIONS (object);

  if (self->table != NULL)
    icw_budget_justifications_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->close_watch, icw_edit_commit_watch_free);
  if (self->lines != NULL)
    g_ptr_array_set_size (self->lines, 0);
  self->table = NULL;
  G_OBJECT_CLASS (icw_budget_justifications_parent_class)->dispose (object);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_object (&self->store);
}

static void
icw_budget_justifications_class_init (IcwBudgetJustificationsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_budget_justifications_dispose;
}

static void
icw_budget_justifications_init (IcwBudgetJustifications *self)
{
  self->editable = TRUE;
  self->lines = g_ptr_array_new_with_free_func (line_forget);
  self->close_watch = icw_edit_commit_watch_close (GTK_WIDGET (self), (IcwEditFlushFunc) icw_budget_justifications_flush);
  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->rows));
}

GtkWidget *
icw_budget_justifications_new (IcwStore     *store,
                               IcwMoneyUnit  unit)
{
  IcwBudgetJustifications *self = g_object_new (ICW_TYPE_BUDGET_JUSTIFICATIONS, NULL);

  self->store = g_object_ref (store);
  self->unit = unit;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Justification of Each Line"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What the money of each line pays for and how the amount was worked out (测算依据)."));
  return GTK_WIDGET (self);
}
