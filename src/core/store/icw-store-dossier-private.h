/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-dossier-private.h: what the two halves of the store's dossier side share (reading in
 * icw-store-dossier.c, writing in icw-store-dossier-write.c): the schema's foreign keys and BLOB
 * columns per kind, and one row read by its ID. */
#pragma once

#include "icw-store-dossier.h"
#include "icw-store-private.h"

G_BEGIN_DECLS

typedef struct {
  char          *column;   /* a column of the kind's table that refers to ... */
  IcwRecordKind  target;   /* ... a row of this kind */
} IcwDossierRef;

typedef struct {
  GPtrArray *refs[ICW_N_RECORD_KINDS];    /* IcwDossierRef */
  GStrv      blobs[ICW_N_RECORD_KINDS];
} IcwDossierSchema;

const IcwDossierSchema *icw_store_dossier_schema   (IcwStore       *self);
IcwDossierRow          *icw_store_dossier_read_row (IcwStore       *self,
                                                    IcwRecordKind   kind,
                                                    const char     *id,
                                                    GError        **error);

G_END_DECLS
