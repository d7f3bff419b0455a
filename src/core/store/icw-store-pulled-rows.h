/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-pulled-rows.h: pulled records read in place and written by one INSERT … SELECT over a
 * virtual table of the store's connection (icw-store-pulled-rows.c). Nothing outside icw-store*.c
 * includes it. */
#pragma once

#include "icw-json-reader.h"
#include "icw-store-private.h"

G_BEGIN_DECLS

/* A pulled record's members read in place: the values of the upsert's columns, the last of a name
 * winning as in a parsed object. */
typedef struct {
  IcwJsonValue id;
  IcwJsonValue created_at;
  IcwJsonValue updated_at;
  IcwJsonValue deleted_at;
  const char  *revision;    /* the caller's, valid until the rows are written */
  gboolean     deleted;
  IcwJsonValue columns[];   /* the table's columns, in its order; ICW_JSON_NULL when absent */
} IcwPulledRow;

/* Rows of one kind, written together; their texts stay valid until icw_store_write_pulled
 * returns. */
struct _IcwPulledRows {
  const IcwTable  *table;
  IcwPulledRow   **rows;
  guint            n_rows;
  int              legacy_role_column;   /* the role column read as a legacy "user", or -1 */
  const char      *now;                  /* the time of a row without its own */
  int              bad_column;           /* set by the write: a column of the wrong type, or -1 */
};

/* Upserts the rows in one statement; a value of the wrong type is refused with a message that
 * names its field, and whatever the statement wrote is undone (the caller rolls back). */
gboolean icw_store_write_pulled (IcwStore       *self,
                                 IcwPulledRows  *rows,
                                 GError        **error);

G_END_DECLS
