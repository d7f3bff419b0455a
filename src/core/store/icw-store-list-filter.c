/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-list-filter.c: the records of a compact live list whose IDs are in a set. It keeps
 * the positions (in the list) of the records it shows, follows the list's changes exactly, and
 * announces a new set as one change between the unchanged first and last rows — split around the
 * record the caller keeps (the selected one), because GtkSingleSelection otherwise looks for its
 * item among every added row and so would make an object of each. Until the page's first frame
 * it shows only a first screenful (a limit); lifting the limit adds the rest after it, which
 * GTK 4.8 takes without looking at the added rows (swapping a slice for the whole list instead
 * removed the rows GTK tracks, and its list item manager then fetched every added row to find
 * them: one record loaded per row of the register). A view may also be given a new filter for
 * each new query (icw_store_list_filter_new_for_positions): GTK 4.8 takes a new model without
 * looking at the rows of the old one, where one filter's change from the register to a result
 * made it fetch rows of the result (issue 20, docs/performance.md); set_positions is then for the
 * same query run again. A new query's result (or the whole list, a search cleared) may also replace
 * the rows shown in two announced steps (icw_store_list_filter_replace_positions), so that the view keeps its row widgets. The filter keeps the last records it handed out (one per position modulo
 * KEPT): GTK 4.8 asks for the items around the rows it makes several times over while it makes
 * them (about 1,500 asks for the 200 rows of a search at 10k), and a record nobody holds was
 * loaded again with its own SELECT at each ask. */
#include "config.h"

#include "icw-store-list-filter.h"

struct _IcwStoreListFilter
{
  GObject parent_instance;

  IcwStoreList *list;
  GHashTable *ids;      /* NULL: all */
  GArray *shown;        /* guint positions in the list, ascending */
  gboolean by_position; /* set by positions: rows added to the list are not shown */
  guint limit;          /* at most this many shown; G_MAXUINT: all */
  GObject *kept[256];   /* the records last handed out, by position modulo KEPT (filter_get_item) */
};

#define KEPT G_N_ELEMENTS (((IcwStoreListFilter *) NULL)->kept)

static void icw_store_list_filter_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcwStoreListFilter, icw_store_list_filter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, icw_store_list_filter_model_init))

static GType
filter_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (G_LIST_MODEL (ICW_STORE_LIST_FILTER (model)->list));
}

static guint
filter_get_n_items (GListModel *model)
{
  IcwStoreListFilter *self = ICW_STORE_LIST_FILTER (model);

  return MIN (self->shown->len, self->limit);
}

/* Tells the views of a change of the shown rows, within the limit: under a limit, as a change of
 * every row from position to the end of the (small) window. */
static void
announce (IcwStoreListFilter *self,
          guint               old_len,
          guint               position,
          guint               removed,
          guint               added)
{
  guint before = MIN (old_len, self->limit), after = MIN (self->shown->len, self->limit);

  if (self->limit == G_MAXUINT)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  if (position >= before && position >= after)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, before > position ? before - position : 0,
                              after > position ? after - position : 0);
}

static gpointer
filter_get_item (GListModel *model,
                 guint       position)
{
  IcwStoreListFilter *self = ICW_STORE_LIST_FILTER (model);

  GObject *item;

  if (position >= MIN (self->shown->len, self->limit))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->list), g_array_index (self->shown, guint, position));
  /* Kept alive for the next ask (the list gives the store's one object of a record while anyone
   * holds it, so a kept record is never a stale copy). */
  if (item != NULL && self->kept[position % KEPT] != item)
    g_set_object (&self->kept[position % KEPT], item);
  return item;
}

static void
icw_store_list_filter_model_init (GListModelInterface *iface)
{
  iface->get_item_type = filter_get_item_type;
  iface->get_n_items = filter_get_n_items;
  iface->get_item = filter_get_item;
}

static gboolean
matches (IcwStoreListFilter *self,
         guint               position)
{
  if (self->by_position)
    return FALSE;
  return self->ids == NULL || g_hash_table_contains (self->ids, icw_store_list_get_id (self->list, position));
}

/* The first slot whose list position is at least position. */
static guint
lower_bound (GArray *shown,
             guint   position)
{
  guint low = 0, high = shown->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (shown, guint, mid) < position)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
on_list_changed (GListModel         *list,
                 guint               position,
                 guint               removed,
                 guint               added,
                 IcwStoreListFilter *self)
{
  guint first = lower_bound (self->shown, position);
  guint gone = lower_bound (self->shown, position + removed) - first;
  GArray *shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->shown->len + added);
  guint now = 0, old_len = self->shown->len;

  g_array_append_vals (shown, self->shown->data, first);
  for (guint i = position; i < position + added; i++)
    if (matches (self, i))
      {
        g_array_append_val (shown, i);
        now++;
      }
  for (guint j = first + gone; j < self->shown->len; j++)
    {
      guint moved = g_array_index (self->shown, guint, j) - removed + added;

      g_array_append_val (shown, moved);
    }
  g_array_unref (self->shown);
  self->shown = shown;
  if (gone > 0 || now > 0)
    announce (self, old_len, first, gone, now);
}

static GArray *
compute_shown (IcwStoreListFilter *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  GArray *shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->ids == NULL ? n : 0);

  if (self->ids == NULL && !self->by_position)
    {
      g_array_set_size (shown, n);
      for (guint i = 0; i < n; i++)
        g_array_index (shown, guint, i) = i;
      return shown;
    }
  for (guint i = 0; i < n; i++)
    if (matches (self, i))
      g_array_append_val (shown, i);
  return shown;
}

static gboolean
slot_of (GArray *shown,
         guint   position,
         guint  *slot)
{
  *slot = lower_bound (shown, position);
  return *slot < shown->len && g_array_index (shown, guint, *slot) == position;
}

/* The first head_len slots of head, then the slots of tail from tail_start. */
static GArray *
splice (GArray *head,
        guint   head_len,
        GArray *tail,
        guint   tail_start)
{
  GArray *spliced = g_array_sized_new (FALSE, FALSE, sizeof (guint), head_len + tail->len - tail_start);

  g_array_append_vals (spliced, head->data, head_len);
  g_array_append_vals (spliced, (guint *) (gpointer) tail->data + tail_start, tail->len - tail_start);
  return spliced;
}

/* The shown rows [position, position + removed) become target's [position, position + added)
 * (target and the rows shown agree before position): announced as a removal, then an addition.
 * GTK 4.8's list item manager answers one change that removes a row it tracks (the selected one,
 * the focused one, the first on screen) by fetching every added row to look for it, which made
 * a record object of each match of a broad search (27,000 at a million); a removal adds nothing
 * to look through, and the addition then removes nothing. The states in between are kept alive
 * in states until the end. */
static void
change_range (IcwStoreListFilter *self,
              GPtrArray          *states,
              GArray             *target,
              guint               position,
              guint               removed,
              guint               added)
{
  if (removed > 0)
    {
      GArray *state = splice (self->shown, position, self->shown, position + removed);

      g_ptr_array_add (states, state);
      self->shown = state;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
    }
  if (added > 0)
    {
      GArray *state = splice (target, position + added, self->shown, position);

      g_ptr_array_add (states, state);
      self->shown = state;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }
}

/* Shows shown (taken) instead of what was shown. */
static void
replace_shown (IcwStoreListFilter *self,
               GArray             *shown,
               IcwRecord          *keep)
{
  GArray *old = self->shown;
  GPtrArray *states;
  guint prefix = 0, suffix = 0, kept, old_slot, new_slot;
  guint old_end, new_end;

  while (prefix < old->len && prefix < shown->len
         && g_array_index (old, guint, prefix) == g_array_index (shown, guint, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < shown->len - prefix
         && g_array_index (old, guint, old->len - 1 - suffix) == g_array_index (shown, guint, shown->len - 1 - suffix))
    suffix++;
  old_end = old->len - suffix;
  new_end = shown->len - suffix;

  if (self->limit != G_MAXUINT)
    {
      self->shown = shown;
      if (old_end > prefix || new_end > prefix)
        announce (self, old->len, prefix, old_end - prefix, new_end - prefix);
      g_array_unref (old);
      return;
    }

  states = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (keep != NULL && icw_store_list_find (self->list, icw_record_get_id (keep), &kept)
      && slot_of (old, kept, &old_slot) && slot_of (shown, kept, &new_slot)
      && old_slot >= prefix && old_slot < old_end && new_slot >= prefix && new_slot < new_end)
    {
      /* First the rows before it, then those after it. */
      change_range (self, states, shown, prefix, old_slot - prefix, new_slot - prefix);
      change_range (self, states, shown, new_slot + 1, old_end - old_slot - 1, new_end - new_slot - 1);
    }
  else
    change_range (self, states, shown, prefix, old_end - prefix, new_end - prefix);
  /* The last state holds what shown holds. */
  self->shown = shown;
  g_ptr_array_unref (states);
  g_array_unref (old);
}

void
icw_store_list_filter_set_ids (IcwStoreListFilter *self,
                               GHashTable         *ids,
                               IcwRecord          *keep)
{
  g_return_if_fail (ICW_IS_STORE_LIST_FILTER (self));

  if (ids != NULL)
    g_hash_table_ref (ids);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  self->ids = ids;
  self->by_position = FALSE;
  replace_shown (self, compute_shown (self), keep);
}

void
icw_store_list_filter_set_positions (IcwStoreListFilter *self,
                                     GArray             *positions,
                                     IcwRecord          *keep)
{
  GArray *shown;

  g_return_if_fail (ICW_IS_STORE_LIST_FILTER (self));

  g_clear_pointer (&self->ids, g_hash_table_unref);
  self->by_position = positions != NULL;
  if (positions == NULL)
    shown = compute_shown (self);
  else
    {
      shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), positions->len);
      g_array_append_vals (shown, positions->data, positions->len);
    }
  replace_shown (self, shown, keep);
}

/* A new query's result in place of what is shown, so that a view keeps its row widgets: GTK 4.8's
 * list item manager destroys every row widget when given a new model, and one whose rows are
 * replaced (items-changed (0, old, new)), and makes new ones; it gives a row widget another item
 * only when that widget falls outside the rows it keeps around its anchor. So the result is
 * first announced as added before the rows shown (the anchor follows the old rows), then between
 * moves the view's anchor to the first row (the old rows' widgets then fall outside it and are
 * given the new rows, each bound again instead of made), then the old rows are announced
 * removed. Nothing in between may read the filter but the view. */
void
icw_store_list_filter_replace_positions (IcwStoreListFilter *self,
                                         GArray             *positions,
                                         void              (*between) (gpointer data),
                                         gpointer            data)
{
  GArray *both, *shown;
  guint old_len;

  g_return_if_fail (ICW_IS_STORE_LIST_FILTER (self));

  icw_store_list_filter_set_limit (self, G_MAXUINT);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  /* NULL: the whole list, following it (rows added to it are shown). */
  self->by_position = positions != NULL;
  /* The records kept are the last result's (the view holds those it shows). */
  for (guint i = 0; i < KEPT; i++)
    g_clear_object (&self->kept[i]);
  old_len = self->shown->len;
  if (positions != NULL)
    {
      shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), positions->len);
      g_array_append_vals (shown, positions->data, positions->len);
    }
  else
    shown = compute_shown (self);
  both = g_array_sized_new (FALSE, FALSE, sizeof (guint), shown->len + old_len);
  g_array_append_vals (both, shown->data, shown->len);
  g_array_append_vals (both, self->shown->data, old_len);
  g_array_unref (self->shown);
  self->shown = both;
  if (shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, shown->len);
  if (between != NULL)
    between (data);
  self->shown = shown;
  if (old_len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), shown->len, old_len, 0);
  g_array_unref (both);
}

void
icw_store_list_filter_set_limit (IcwStoreListFilter *self,
                                 guint               limit)
{
  guint before, after;

  g_return_if_fail (ICW_IS_STORE_LIST_FILTER (self));

  before = MIN (self->shown->len, self->limit);
  self->limit = limit;
  after = MIN (self->shown->len, self->limit);
  if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
  else if (after < before)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
}

gboolean
icw_store_list_filter_find (IcwStoreListFilter *self,
                            const char         *id,
                            guint              *position)
{
  guint in_list, slot;

  g_return_val_if_fail (ICW_IS_STORE_LIST_FILTER (self), FALSE);

  if (!icw_store_list_find (self->list, id, &in_list) || !slot_of (self->shown, in_list, &slot)
      || slot >= self->limit)
    return FALSE;
  if (position != NULL)
    *position = slot;
  return TRUE;
}

static void
icw_store_list_filter_dispose (GObject *object)
{
  IcwStoreListFilter *self = ICW_STORE_LIST_FILTER (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  for (guint i = 0; i < KEPT; i++)
    g_clear_object (&self->kept[i]);
  G_OBJECT_CLASS (icw_store_list_filter_parent_class)->dispose (object);
}

static void
icw_store_list_filter_finalize (GObject *object)
{
  g_array_unref (ICW_STORE_LIST_FILTER (object)->shown);
  G_OBJECT_CLASS (icw_store_list_filter_parent_class)->finalize (object);
}

static void
icw_store_list_filter_class_init (IcwStoreListFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_store_list_filter_dispose;
  G_OBJECT_CLASS (klass)->finalize = icw_store_list_filter_finalize;
}

static void
icw_store_list_filter_init (IcwStoreListFilter *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->limit = G_MAXUINT;
}

IcwStoreListFilter *
icw_store_list_filter_new (IcwStoreList *list)
{
  IcwStoreListFilter *self = g_object_new (ICW_TYPE_STORE_LIST_FILTER, NULL);

  g_return_val_if_fail (ICW_IS_STORE_LIST (list), NULL);

  self->list = g_object_ref (list);
  g_array_unref (self->shown);
  self->shown = compute_shown (self);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_list_changed), self);
  return self;
}

IcwStoreListFilter *
icw_store_list_filter_new_for_positions (IcwStoreList *list,
                                         GArray       *positions)
{
  IcwStoreListFilter *self;

  g_return_val_if_fail (ICW_IS_STORE_LIST (list), NULL);

  if (positions == NULL)
    return icw_store_list_filter_new (list);
  self = g_object_new (ICW_TYPE_STORE_LIST_FILTER, NULL);
  self->list = g_object_ref (list);
  self->by_position = TRUE;
  g_array_append_vals (self->shown, positions->data, positions->len);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_list_changed), self);
  return self;
}
