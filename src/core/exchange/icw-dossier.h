/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier.h: the center dossier, written: one JSON document with a center and everything it
 * refers to (registers, organizations and their platforms, applications with every version and
 * their attachments' content in base64, agreements, funding requests), or with every record of
 * the database. Deterministic: records sorted by kind then ID, members in a fixed order, no time
 * of export, so that export, import into an empty database and export again give the same bytes.
 * The format is documented in docs/formats.md; its JSON Schema comes from icw-dossier-schema.h. */
#pragma once

#include <gio/gio.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_DOSSIER_FORMAT "ic-workbench-dossier"
/* Goes up when a kind or a field is added or changed; a reader refuses a newer one. Version 2
 * writes the structured parts as JSON values; version 1 (strings holding JSON) is still read. */
#define ICW_DOSSIER_FORMAT_VERSION 2

/* Progress of long work: `done` of `total` records. */
typedef void (*IcwDossierProgress) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* The dossier of the given centers (IDs), or of the whole database when center_ids is NULL. */
GBytes  *icw_dossier_export         (IcwStore            *store,
                                     const char * const  *center_ids,
                                     GCancellable        *cancellable,
                                     GError             **error);
/* The same, written to a file (atomically: a failed export leaves no half file). */
gboolean icw_dossier_export_to_file (IcwStore            *store,
                                     const char * const  *center_ids,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* Off the main thread: the export runs in a thread on a store of its own, opened on the same
 * file (a store is one SQLite connection, used by one thread), reading one snapshot. */
void     icw_dossier_export_async   (IcwStore            *store,
                                     const char * const  *center_ids,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean icw_dossier_export_finish  (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
