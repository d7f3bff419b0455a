/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-page-search.c: a register page's search. For centers and organizations the store
 * searches its full-text index off the main thread (icw-store-search.c) and the result is shown in
 * place of the rows shown, on the row widgets GTK has (show_query_in_place), or in a new selection
 * when GTK must take a new model (show_found); the whole register comes back when the search is
 * cleared. For the other kinds the list's custom filter keeps the names that hold the query (case
 * folded), or the IDs the store's full-text search found. */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "icw-register-page-private.h"
#include "icw-store-search.h"
#include "icw-ui-util.h"

gboolean
icw_register_page_filter_record (gpointer item,
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

void
icw_register_page_stop_waiting_for_paint (IcwRegisterPage *self)
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
  icw_register_page_stop_waiting_for_paint (self);
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
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (icw_register_page_show_state), self);
  if (gtk_single_selection_get_selected_item (selection) != kept)
    icw_register_page_show_state (self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  icw_register_page_stop_waiting_for_paint (self);
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
  icw_register_page_stop_waiting_for_paint (self);
  self->scroll_pending = FALSE;
  self->scroll_position = 0;
  if (positions == NULL && kept != NULL
      && !icw_store_list_find (ICW_STORE_LIST (self->records), icw_record_get_id (kept), &self->scroll_position))
    self->scroll_position = 0;
  /* Nothing selected while the rows change: the selection's own choice when its row is removed
   * (the row before) would be announced as a change of every row in between, which GTK 4.8
   * answers by binding each of their widgets again. */
  g_signal_handlers_block_by_func (self->selection, icw_register_page_show_state, self);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  icw_store_list_filter_replace_positions (self->found, positions, anchor_on_new_row, self);
  if (kept != NULL && icw_store_list_filter_find (self->found, icw_record_get_id (kept), &position))
    gtk_single_selection_set_selected (self->selection, position);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->found)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_handlers_unblock_by_func (self->selection, icw_register_page_show_state, self);
  g_free (self->shown_query);
  self->shown_query = g_strdup (query);
  if (gtk_single_selection_get_selected_item (self->selection) != kept)
    icw_register_page_show_state (self);
}

/* The whole register again, once the search is cleared (the registers). */
void
icw_register_page_show_whole (IcwRegisterPage *self)
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
    icw_register_page_show_whole (self);
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

void
icw_register_page_search_changed (IcwRegisterPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));

  g_clear_pointer (&self->matches, g_hash_table_unref);
  icw_register_page_release_first_screen (self);
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

void
icw_register_page_record_changed (IcwRegisterPage *self,
                                  IcwRecord       *record)
{
  /* A renamed or new record may now match the search, or no longer. */
  if ((self->matches != NULL || self->searching || !self->kind->full_text)
      && G_TYPE_CHECK_INSTANCE_TYPE (record, self->kind->get_type ()))
    icw_register_page_search_changed (self);
}
