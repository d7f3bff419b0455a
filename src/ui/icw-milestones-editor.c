/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-milestones-editor.c: one line per milestone: date, amount (in the unit of the money setting)
 * and condition. The sum against the requested total follows every keystroke. The milestones are
 * saved together, as the request's JSON part, after the shared pause (icw-edit-commit.h), on Enter,
 * when the focus leaves or when the window closes; as
 * long as one of them lacks a valid date or amount none is saved, and the message under the list
 * names the milestone and its field (what was saved before stays saved). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-edit-commit.h"
#include "icw-error.h"
#include "icw-form-text.h"
#include "icw-funding-parts.h"
#include "icw-milestones-editor.h"
#include "icw-ui-util.h"

struct _IcwMilestonesEditor
{
  AdwPreferencesGroup parent_instance;

  IcwStore *store;
  IcwFundingRequest *request;
  IcwMoneyUnit unit;
  gint64 requested;
  gboolean editable;
  gboolean loading;
  gboolean dirty;
  guint save_source;
  IcwEditCommitWatch *close_watch;

  GtkListBox *rows;
  GtkLabel *header_amount;
  GtkSizeGroup *date_column;    /* the header's label and every row's entry, one width */
  GtkSizeGroup *amount_column;
  GtkLabel *summary;
  GtkLabel *message;
  GtkWidget *add_button;
};

G_DEFINE_FINAL_TYPE (IcwMilestonesEditor, icw_milestones_editor, ADW_TYPE_PREFERENCES_GROUP)

static const char * const members[] = { "date", "amount", "condition" };

/* A row holds one box: the entries in the order of members[], then the remove button. */
static GtkWidget *
row_child (GtkWidget *row,
           guint      position)
{
  GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

  while (position-- > 0 && child != NULL)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static GtkEditable *
row_entry (GtkWidget  *row,
           const char *member)
{
  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    if (g_str_equal (members[m], member))
      return GTK_EDITABLE (row_child (row, m));
  g_return_val_if_reached (NULL);
}

static char *
with_unit (IcwMilestonesEditor *self,
           gint64               fen)
{
  g_autofree char *amount = icw_money_format_locale (fen, self->unit, TRUE);

  /* Translators: an amount and its unit, e.g. "120.00 万元" */
  return g_strdup_printf (_("%s %s"), amount, icw_money_unit_symbol (self->unit));
}

/* The milestones as typed, or NULL and the message that names the first bad one and its field. */
static GPtrArray *
collect (IcwMilestonesEditor  *self,
         char                **message,
         GtkWidget           **bad_entry)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_milestone_free);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); row != NULL;
       row = gtk_widget_get_next_sibling (row), n++)
    {
      g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (row_entry (row, "date"))));
      g_autoptr(GError) error = NULL;
      IcwMilestone *milestone;
      gint64 fen = 0;

      if (!icw_date_is_valid (date))
        {
          *message = g_strdup_printf (_("Milestone %u, date: type it as YYYY-MM-DD, e.g. 2026-06-30"), n + 1);
          *bad_entry = GTK_WIDGET (row_entry (row, "date"));
          return NULL;
        }
      if (!icw_form_text_parse_payment (gtk_editable_get_text (row_entry (row, "amount")), self->unit, &fen, &error))
        {
          *message = g_strdup_printf (_("Milestone %u, amount: %s"), n + 1, error->message);
          *bad_entry = GTK_WIDGET (row_entry (row, "amount"));
          return NULL;
        }
      milestone = g_new0 (IcwMilestone, 1);
      milestone->date = g_steal_pointer (&date);
      milestone->amount_fen = fen;
      milestone->condition = g_strstrip (g_strdup (gtk_editable_get_text (row_entry (row, "condition"))));
      g_ptr_array_add (list, milestone);
    }
  return g_steal_pointer (&list);
}

static void
set_message (IcwMilestonesEditor *self,
             const char          *message,
             GtkWidget           *bad_entry)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    for (guint m = 0; m < G_N_ELEMENTS (members); m++)
      gtk_widget_remove_css_class (GTK_WIDGET (row_entry (row, members[m])), "error");
  if (bad_entry != NULL)
    gtk_widget_add_css_class (bad_entry, "error");
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

/* The sum of the amounts that parse, against the requested total. */
static void
update_summary (IcwMilestonesEditor *self)
{
  gint64 sum = 0;
  gboolean any = FALSE;
  g_autofree char *text = NULL;
  g_autofree char *sum_text = NULL;
  g_autofree char *requested_text = with_unit (self, self->requested);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 fen = 0;

      if (icw_form_text_parse_payment (gtk_editable_get_text (row_entry (row, "amount")), self->unit, &fen, NULL) &&
          !__builtin_add_overflow (sum, fen, &sum))
        any = TRUE;
    }
  sum_text = with_unit (self, sum);
  if (!any)
    text = g_strdup_printf (_("No milestones yet: add when, and on what condition, the %s of fiscal funds requested is paid."), requested_text);
  else if (sum == self->requested)
    text = g_strdup_printf (_("The milestones add up to the fiscal funds requested, %s."), requested_text);
  else if (sum < self->requested)
    {
      g_autofree char *rest = with_unit (self, self->requested - sum);
      text = g_strdup_printf (_("The milestones add up to %s of the %s of fiscal funds requested: %s still to schedule."),
                              sum_text, requested_text, rest);
    }
  else
    {
      g_autofree char *over = with_unit (self, sum - self->requested);
      text = g_strdup_printf (_("The milestones add up to %s, %s more than the %s of fiscal funds requested."),
                              sum_text, over, requested_text);
    }
  gtk_label_set_text (self->summary, text);
  if (any && sum != self->requested)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "warning");
}

static void
save (IcwMilestonesEditor *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *message = NULL;
  g_autofree char *json = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bad = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->request == NULL)
    return;
  self->dirty = FALSE;
  list = collect (self, &message, &bad);
  if (list == NULL)
    {
      set_message (self, message, bad);
      return;
    }
  set_message (self, NULL, NULL);
  json = icw_milestones_to_json (list);
  before = g_strdup (icw_funding_request_get_milestones (self->request));
  if (g_strcmp0 (json, before) == 0)
    return;
  self->loading = TRUE;
  icw_funding_request_set_milestones (self->request, json);
  if (!icw_store_save (self->store, ICW_RECORD (self->request), &error))
    {
      icw_funding_request_set_milestones (self->request, before);
      set_message (self, error->message, NULL);
    }
  self->loading = FALSE;
}

void
icw_milestones_editor_flush (IcwMilestonesEditor *self)
{
  g_return_if_fail (ICW_IS_MILESTONES_EDITOR (self));
  save (self);
}

static gboolean
save_timeout (gpointer data)
{
  IcwMilestonesEditor *self = data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_changed (IcwMilestonesEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  update_summary (self);
  icw_edit_commit_schedule (&self->save_source, save_timeout, self);
}

static void
on_remove_clicked (GtkButton           *button,
                   IcwMilestonesEditor *self)
{
  /* The button is in the row's box (append_row). */
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (button)));

  gtk_list_box_remove (self->rows, row);
  self->dirty = TRUE;
  update_summary (self);
  save (self);
}

static GtkWidget *
milestone_entry (IcwMilestonesEditor *self,
                 const char          *accessible_name,
                 const char          *text)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (save), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (save), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
append_row (IcwMilestonesEditor *self,
            IcwMilestone        *milestone)
{
  guint n = 1;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *date_name = NULL, *amount_name = NULL, *condition_name = NULL, *remove_name = NULL;
  /* Grouped as the budget's cells ("3,000.00"); read back with or without the marks. */
  g_autofree char *amount = milestone != NULL ? icw_money_format_locale (milestone->amount_fen, self->unit, TRUE) : NULL;
  GtkWidget *date, *amount_entry, *condition, *remove;

  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); r != NULL; r = gtk_widget_get_next_sibling (r))
    n++;
  date_name = g_strdup_printf (_("Milestone %u, date"), n);
  amount_name = g_strdup_printf (_("Milestone %u, amount"), n);
  condition_name = g_strdup_printf (_("Milestone %u, condition"), n);
  remove_name = g_strdup_printf (_("Remove milestone %u"), n);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  date = milestone_entry (self, date_name, milestone != NULL ? milestone->date : NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (date), _("YYYY-MM-DD"));
  /* The date and the amount as wide as they need (an entry's natural width is otherwise wider),
     the condition, a sentence, the rest. */
  gtk_editable_set_width_chars (GTK_EDITABLE (date), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (date), 11);
  amount_entry = milestone_entry (self, amount_name, amount);
  gtk_entry_set_alignment (GTK_ENTRY (amount_entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (amount_entry), 12);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (amount_entry), 12);
  gtk_widget_add_css_class (amount_entry, "amount");
  condition = milestone_entry (self, condition_name, milestone != NULL ? milestone->condition : NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (condition), _("Condition of payment"));
  gtk_widget_set_hexpand (condition, TRUE);
  remove = icw_ui_icon_button ("user-trash-symbolic", remove_name);
  gtk_widget_set_sensitive (remove, self->editable);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);

  gtk_size_group_add_widget (self->date_column, date);
  gtk_size_group_add_widget (self->amount_column, amount_entry);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), amount_entry);
  gtk_box_append (GTK_BOX (box), condition);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->rows), TRUE);
}

static void
load (IcwMilestonesEditor *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);
  if (self->request != NULL)
    list = icw_milestones_parse (icw_funding_request_get_milestones (self->request), &error);
  for (guint i = 0; list != NULL && i < list->len; i++)
    append_row (self, g_ptr_array_index (list, i));
  gtk_widget_set_visible (GTK_WIDGET (self->rows), list != NULL && list->len > 0);
  set_message (self, error != NULL ? error->message : NULL, NULL);
  self->loading = FALSE;
  update_summary (self);
}

static void
on_add_clicked (IcwMilestonesEditor *self)
{
  GtkWidget *last;

  append_row (self, NULL);
  last = gtk_widget_get_last_child (GTK_WIDGET (self->rows));
  gtk_widget_grab_focus (GTK_WIDGET (row_entry (last, "date")));
}

/* A change made elsewhere (undo, another window) is shown, unless the user is typing here. */
static void
on_milestones_notify (IcwMilestonesEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->loading || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->rows))))
    return;
  load (self);
}

void
icw_milestones_editor_set_request (IcwMilestonesEditor *self,
                                   IcwFundingRequest   *request)
{
  g_return_if_fail (ICW_IS_MILESTONES_EDITOR (self));

  save (self);
  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);
  g_set_object (&self->request, request);
  if (request != NULL)
    g_signal_connect_swapped (request, "notify::milestones", G_CALLBACK (on_milestones_notify), self);
  load (self);
}

void
icw_milestones_editor_set_requested (IcwMilestonesEditor *self,
                                     gint64               fen)
{
  g_return_if_fail (ICW_IS_MILESTONES_EDITOR (self));

  self->requested = fen;
  update_summary (self);
}

void
icw_milestones_editor_set_money_unit (IcwMilestonesEditor *self,
                                      IcwMoneyUnit         unit)
{
  g_autofree char *header = NULL;

  g_return_if_fail (ICW_IS_MILESTONES_EDITOR (self));

  /* What was typed is saved in the old unit, then every amount is shown in the new one. */
  save (self);
  self->unit = unit;
  header = g_strdup_printf (_("Amount (%s)"), icw_money_unit_symbol (unit));
  gtk_label_set_text (self->header_amount, header);
  load (self);
}

void
icw_milestones_editor_set_editable (IcwMilestonesEditor *self,
                                    gboolean             editable)
{
  g_return_if_fail (ICW_IS_MILESTONES_EDITOR (self));

  self->editable = editable;
  gtk_widget_set_sensitive (self->add_button, editable);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        gtk_editable_set_editable (row_entry (row, members[m]), editable);
      gtk_widget_set_sensitive (row_child (row, G_N_ELEMENTS (members)), editable);
    }
}

void
icw_milestones_editor_focus (IcwMilestonesEditor *self,
                             int                  index,
                             const char          *member)
{
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->rows, index) : NULL;
  GtkEditable *entry = row != NULL ? row_entry (GTK_WIDGET (row), member != NULL ? member : "date") : NULL;

  if (row != NULL && entry == NULL)
    entry = row_entry (GTK_WIDGET (row), "date");
  gtk_widget_grab_focus (entry != NULL ? GTK_WIDGET (entry) : self->add_button);
}

const char *
icw_milestones_editor_get_summary (IcwMilestonesEditor *self)
{
  return gtk_label_get_text (self->summary);
}

const char *
icw_milestones_editor_get_message (IcwMilestonesEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : NULL;
}

static void
icw_milestones_editor_dispose (GObject *object)
{
  IcwMilestonesEditor *self = ICW_MILESTONES_EDITOR (object);

  save (self);
  g_clear_pointer (&self->close_watch, icw_edit_commit_watch_free);
  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);
  g_clear_object (&self->request);
  g_clear_object (&self->store);
  g_clear_object (&self->date_column);
  g_clear_object (&self->amount_column);
  G_OBJECT_CLASS (icw_milestones_editor_parent_class)->dispose (object);
}

static void
icw_milestones_editor_class_init (IcwMilestonesEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_milestones_editor_dispose;
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
icw_milestones_editor_init (IcwMilestonesEditor *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date = header_label (_("Date"));
  GtkWidget *condition = header_label (_("Condition"));

  self->editable = TRUE;
  self->close_watch = icw_edit_commit_watch_close (GTK_WIDGET (self), (IcwEditFlushFunc) icw_milestones_editor_flush);
  self->add_button = icw_ui_mnemonic_button_new (_("_Add Milestone"));
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  /* Each header as wide as its column's entries (fixed widths left "Amount" and "Condition" over
   * the wrong entries): the amount's on the right, over right-aligned amounts. */
  self->date_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->amount_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->header_amount = GTK_LABEL (header_label (""));
  gtk_label_set_xalign (self->header_amount, 1);
  gtk_size_group_add_widget (self->date_column, date);
  gtk_size_group_add_widget (self->amount_column, GTK_WIDGET (self->header_amount));
  gtk_widget_set_margin_start (header, 12);
  gtk_box_append (GTK_BOX (header), date);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->header_amount));
  gtk_box_append (GTK_BOX (header), condition);

  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Milestones"), -1);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary), 6);
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);

  /* The header and the rows scroll sideways together on a narrow window rather than widen it. */
  {
    GtkWidget *table = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_box_append (GTK_BOX (table), header);
    gtk_box_append (GTK_BOX (table), GTK_WIDGET (self->rows));
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), table);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), scroller);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->summary));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->message));
}

GtkWidget *
icw_milestones_editor_new (IcwStore     *store,
                           IcwMoneyUnit  unit)
{
  IcwMilestonesEditor *self = g_object_new (ICW_TYPE_MILESTONES_EDITOR, NULL);
  g_autofree char *header = g_strdup_printf (_("Amount (%s)"), icw_money_unit_symbol (unit));

  self->store = g_object_ref (store);
  self->unit = unit;
  gtk_label_set_text (self->header_amount, header);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Disbursement Milestones"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("When each part of the fiscal funds is paid, and on what condition. Together they must add up to the fiscal funds requested (central and local)."));
  return GTK_WIDGET (self);
}
