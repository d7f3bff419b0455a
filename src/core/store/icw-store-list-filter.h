/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-list-filter.h: a register's list as one view shows it: the records of a compact live
 * list (IcwStoreList) whose IDs are in a set, in the list's order, without making an object per
 * record. The register page shows it under its search field. */
#pragma once

#include "icw-record.h"
#include "icw-store-list.h"

G_BEGIN_DECLS

#define ICW_TYPE_STORE_LIST_FILTER (icw_store_list_filter_get_type ())

G_DECLARE_FINAL_TYPE (IcwStoreListFilter, icw_store_list_filter, ICW, STORE_LIST_FILTER, GObject)

IcwStoreListFilter *icw_store_list_filter_new     (IcwStoreList       *list);
/* A filter showing the records at these positions of the list (ascending; NULL: all of them)
 * from the start: a search's result for a view that is given a new model per query, which GTK
 * takes without looking at the rows the old model showed (issue 20). */
IcwStoreListFilter *icw_store_list_filter_new_for_positions (IcwStoreList *list,
                                                             GArray       *positions);
/* Shows the records whose IDs are in ids (NULL: all of them). When keep is shown before and after,
 * the change is announced around it, so a selection of it stays without a search of the rows. */
void                icw_store_list_filter_set_ids (IcwStoreListFilter *self,
                                                   GHashTable         *ids,
                                                   IcwRecord          *keep);
/* Shows the records at these positions of the list (ascending; NULL: all of them): a search's
 * result already mapped to the list, so that no record of the list is looked at. */
void                icw_store_list_filter_set_positions (IcwStoreListFilter *self,
                                                         GArray             *positions,
                                                         IcwRecord          *keep);
gboolean            icw_store_list_filter_find    (IcwStoreListFilter *self,
                                                   const char         *id,
                                                   guint              *position);
/* A new query's result (positions, as for set_positions; NULL: the whole list, as a search
 * cleared shows it) in place of the rows shown, without a limit, in two announced steps: the new rows added before the old ones, then between (data)
 * called, then the old rows removed, so that a view keeps its row widgets (the .c file says how
 * GTK 4.8 answers each step). Nothing but the view may read the filter from between. */
void                icw_store_list_filter_replace_positions (IcwStoreListFilter *self,
                                                             GArray             *positions,
                                                             void              (*between) (gpointer data),
                                                             gpointer            data);
/* Shows at most the first limit records (G_MAXUINT: no limit). Raising the limit announces the
 * new rows as added after the old ones, a change that neither GtkSingleSelection nor GTK 4.8's
 * list views answer by looking at each added row. */
void                icw_store_list_filter_set_limit (IcwStoreListFilter *self,
                                                     guint               limit);

G_END_DECLS
