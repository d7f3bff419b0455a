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
/* Shows the records whose IDs are in ids (NULL: all of them). When keep is shown before and after,
 * the change is announced around it, so a selection of it stays without a search of the rows. */
void                icw_store_list_filter_set_ids (IcwStoreListFilter *self,
                                                   GHashTable         *ids,
                                                   IcwRecord          *keep);
gboolean            icw_store_list_filter_find    (IcwStoreListFilter *self,
                                                   const char         *id,
                                                   guint              *position);

G_END_DECLS
