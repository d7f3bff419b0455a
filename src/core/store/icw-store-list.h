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

/* A list that has only its first rows (icw_store_list_head) reads the others: they are announced
 * as added after the first ones. Anything needing the whole list (finding a record, a search, a
 * save) does it first; icw_store_list() hands out whole lists only. */
void        icw_store_list_complete   (IcwStoreList *self);
gboolean    icw_store_list_is_partial (IcwStoreList *self);
/* The same, the rest read in a thread: the main thread only takes the rows read. A list read
 * whole meanwhile (by the call above, which anything needing the whole list makes) keeps what it
 * has. */
void        icw_store_list_complete_async  (IcwStoreList        *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    icw_store_list_complete_finish (IcwStoreList        *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* The position of a record by its SQLite row id (valid for this session, as the list was read). */
gboolean    icw_store_list_find_rowid (IcwStoreList *self,
                                       gint64        rowid,
                                       guint        *position);

/* Makes the row-id index and the names' snapshot now (the register page does it just after its
 * first frame), so that the first keystroke does not. */
void        icw_store_list_prepare_search (IcwStoreList *self);

/* A snapshot of the names and row ids, immutable and shared: a search thread reads it while the
 * list changes. Made once per change of the list. */
typedef struct _IcwStoreListNames IcwStoreListNames;

IcwStoreListNames *icw_store_list_get_names       (IcwStoreList      *self);
IcwStoreListNames *icw_store_list_names_ref       (IcwStoreListNames *names);
void               icw_store_list_names_unref     (IcwStoreListNames *names);
guint              icw_store_list_names_get_n     (IcwStoreListNames *names);
const char        *icw_store_list_names_get_name  (IcwStoreListNames *names,
                                                   guint              i);
gint64             icw_store_list_names_get_rowid (IcwStoreListNames *names,
                                                   guint              i);
const char        *icw_store_list_names_get_text   (IcwStoreListNames *names);
guint              icw_store_list_names_get_offset (IcwStoreListNames *names,
                                                    guint              i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwStoreListNames, icw_store_list_names_unref)

G_END_DECLS
