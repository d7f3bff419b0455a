/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-dossier.h: what the store offers the center dossier (icw-dossier.h, icw-dossier-import.h):
 * the rows of a center and of everything it refers to, read as typed JSON, and rows written back
 * with their own IDs and times in one transaction. Generic over the table descriptors and the
 * schema's foreign keys, so a kind added later goes into the dossier without changes here. All of
 * it is SQL, so it lives in the store (icw-store-dossier.c). */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-store.h"

G_BEGIN_DECLS

/* One record of a dossier. `fields` holds every column of the kind's table descriptor, typed:
 * text as a string or null, numbers as integers, booleans as booleans, enums as their keys.
 * `blobs` holds the kind's BLOB columns (an attachment's content) decoded, or NULL when the kind
 * has none; a blob the database does not hold is a NULL GBytes in it. */
typedef struct {
  IcwRecordKind  kind;
  char          *id;
  char          *created_at;
  char          *updated_at;
  char          *deleted_at;   /* NULL for a live record */
  JsonObject    *fields;
  GHashTable    *blobs;        /* column name → GBytes (or NULL), or NULL */
} IcwDossierRow;

IcwDossierRow *icw_dossier_row_new  (IcwRecordKind  kind);
void           icw_dossier_row_free (IcwDossierRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwDossierRow, icw_dossier_row_free)

/* The names of a kind's BLOB columns, in table order (NULL-terminated; empty for most kinds). */
const char * const *icw_store_dossier_blob_columns (IcwStore      *self,
                                                    IcwRecordKind  kind);

/* The rows of the given centers and of everything they refer to, closed both ways: with every
 * record its children (the records whose parent column points at it) and every record one of them
 * refers to (a foreign key), deleted records too. center_ids NULL: every row of the database.
 * Sorted by kind (the order of IcwRecordKind) then by ID; read in one snapshot. */
GPtrArray *icw_store_dossier_collect (IcwStore            *self,
                                      const char * const  *center_ids,
                                      GCancellable        *cancellable,
                                      GError             **error);

/* Checks a row from a file against its kind's descriptor: every column there and typed, no other
 * member, the blobs' columns exactly. Each problem is added to `problems` as a sentence naming the
 * record (kind, ID) and the member; returns FALSE when it added any. */
gboolean   icw_store_dossier_check_row   (IcwStore       *self,
                                          IcwDossierRow  *row,
                                          GPtrArray      *problems);

typedef void (*IcwDossierWriteProgress) (guint    done,
                                         guint    total,
                                         gpointer user_data);

/* Writes checked rows in one transaction, all or none. Inside it, first: every reference must
 * resolve to a row of the file or of the database, and a row whose ID the database already has
 * must be identical to it (then it is skipped); each problem is added to `problems` and nothing
 * is written. Written rows keep their IDs and times and have no revision; the live ones get an
 * outbox row (an upsert) so that they sync. *n_written gets the number of rows written. */
gboolean   icw_store_dossier_write       (IcwStore                *self,
                                          GPtrArray               *rows,
                                          GPtrArray               *problems,
                                          GCancellable            *cancellable,
                                          IcwDossierWriteProgress  progress,
                                          gpointer                 user_data,
                                          guint                   *n_written,
                                          GError                 **error);

G_END_DECLS
