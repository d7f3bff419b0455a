/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-search.h: a register's search off the main thread, as the register page runs it at
 * each keystroke: the answer is the positions, in the store's live list of the kind, of the
 * records whose name contains the query, found by integer row ids, never by a pass over the list.
 * A newer search cancels the older one through its GCancellable. */
#pragma once

#include "icw-store.h"

G_BEGIN_DECLS

void    icw_store_search_positions_async  (IcwStore             *self,
                                           IcwRecordKind         kind,
                                           const char           *query,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* The positions, ascending, in icw_store_list (self, kind, NULL) as it is now; NULL without an
 * error: the query is empty, every record matches. */
GArray *icw_store_search_positions_finish (IcwStore             *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
