/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-check.h: whether a record as JSON text of its columns (the form the outbox writes and
 * the sync server stores, docs/formats.md) is one that a workbench can apply, decided from the
 * store's own table descriptors and schema rather than from a second description. The sync
 * server (src/sync/) checks every pushed record with it before storing it, so that it never
 * stores what no client could apply. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-json-record.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef struct {
  const char    *column;   /* the column of the record that refers to another record */
  IcwRecordKind  kind;     /* the kind it refers to */
} IcwRecordReference;

/* Store-free: every member is `id`, a timestamp or a column of the kind; each value has the
 * column's type (text or null; an integer in the property's range; true/false/0/1; an enum's
 * key); nothing else (no fractions, arrays or objects). On failure *field (static) names the
 * member. */
gboolean  icw_record_check_json          (IcwRecordKind        kind,
                                          const IcwJsonRecord *record,
                                          const char         **field,
                                          GError             **error);

/* A scratch store with the workbench's schema and its foreign keys off: a record that passes
 * icw_record_check_json is held to the schema's own constraints (NOT NULL, CHECK) as a pulled
 * record would be: for most kinds by one SELECT of the table's constraints over the values the
 * record's INSERT would bind, for the others (icw_store_check_without_insert FALSE) by writing it
 * into the scratch store and rolling it back. Open one with icw_store_open on a throw-away path. */
gboolean  icw_store_check_remote         (IcwStore            *scratch,
                                          IcwRecordKind        kind,
                                          JsonObject          *record,
                                          gboolean             deleted,
                                          const char         **field,
                                          GError             **error);
/* The same on a record read in place (icw-json-record.h), as the sync server holds a pushed one. */
gboolean  icw_store_check_remote_record  (IcwStore            *scratch,
                                          IcwRecordKind        kind,
                                          const IcwJsonRecord *record,
                                          gboolean             deleted,
                                          const char         **field,
                                          GError             **error);

/* Whether icw_store_check_remote decides the kind's constraints without the trial INSERT: FALSE
 * for a table whose SQL a SELECT over values cannot reproduce (a named constraint, a collation, a
 * generated column, STRICT typing, or SQL it could not read). */
gboolean  icw_store_check_without_insert  (IcwStore           *scratch,
                                           IcwRecordKind       kind);

/* Makes a scratch store fit for icw_store_check_remote alone: its triggers (the search index's)
 * and secondary indexes are dropped. Its tables stay empty (every check is rolled back), so an
 * index never refuses a record there and a trigger only costs: the search index's insert was most
 * of a check's instructions (docs/performance.md). Never on a store that holds records. */
gboolean  icw_store_check_prepare_scratch (IcwStore           *scratch,
                                           GError            **error);

/* The kind's references to other records, from the schema's foreign keys (IcwRecordReference,
 * in column order). */
GArray   *icw_store_record_references    (IcwStore            *self,
                                          IcwRecordKind        kind);

/* The columns of a document with a life cycle that are not its content: they may change while
 * it is locked (icw-store-lifecycle.c). */
gboolean  icw_record_column_is_lifecycle (const char          *column);
/* The columns of a review's outcome (a report's grade, the day it was graded and the 整改 due
 * date): set only by the reviewer's acceptance of a submitted document, never otherwise. */
gboolean  icw_record_column_is_outcome   (const char          *column);

G_END_DECLS
