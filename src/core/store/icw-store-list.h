/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-list.h: the compact live list of a register (organizations, centers): per live record
 * only its ID and its name, sorted by name as the user's language sorts; the record objects are
 * made on demand, through the store's identity map, when an item is asked for. The store keeps it
 * in step with saves, deletions and restores, as it does its other live lists. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ICW_TYPE_STORE_LIST (icw_store_list_get_type ())

G_DECLARE_FINAL_TYPE (IcwStoreList, icw_store_list, ICW, STORE_LIST, GObject)

/* Without making objects: the ID and the name of the record at a position, and the position of
 * a record. */
const char *icw_store_list_get_id   (IcwStoreList *self,
                                     guint         position);
const char *icw_store_list_get_name (IcwStoreList *self,
                                     guint         position);
gboolean    icw_store_list_find     (IcwStoreList *self,
                                     const char   *id,
                                     guint        *position);

G_END_DECLS
