/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-import.h: the center dossier, read (icw-dossier.h writes it): the whole file is
 * checked first (strict JSON, the format and its version, every record's kind, members and their
 * types, base64 content, references that resolve in the file or the database, IDs the database
 * already holds only with the same content), then every record is written in one transaction:
 * all of them or none. A problem names the record (kind, ID) and the member. */
#pragma once

#include "icw-dossier.h"

G_BEGIN_DECLS

/* On failure *problems (when not NULL) gets the problems found, one sentence each, and the error
 * sums them up; the database is unchanged. *n_written gets the number of records written (those
 * the database already held identical are not written again). */
gboolean icw_dossier_import        (IcwStore            *store,
                                    const char          *data,
                                    gsize                length,
                                    GCancellable        *cancellable,
                                    IcwDossierProgress   progress,
                                    gpointer             progress_data,
                                    guint               *n_written,
                                    GPtrArray          **problems,
                                    GError             **error);
gboolean icw_dossier_import_file   (IcwStore            *store,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    IcwDossierProgress   progress,
                                    gpointer             progress_data,
                                    guint               *n_written,
                                    GPtrArray          **problems,
                                    GError             **error);

/* Only the text and the header (the format and its version): for a caller that wants to refuse
 * a file that is no dossier before it creates a database to import it into. */
gboolean icw_dossier_check_header  (const char          *data,
                                    gsize                length,
                                    GError             **error);

/* Off the main thread: reading, checking and writing run in a thread on a store of its own,
 * opened on the same file, in one transaction; progress is reported in the caller's main
 * context. The finish reloads the lists of `store`, which the caller passed to the start
 * (the records were new to it: a record it had already is skipped only when identical, so no
 * object it handed out goes stale). Cancelling rolls everything back. */
void     icw_dossier_import_async  (IcwStore            *store,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    IcwDossierProgress   progress,
                                    gpointer             progress_data,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean icw_dossier_import_finish (IcwStore            *store,
                                    GAsyncResult        *result,
                                    guint               *n_written,
                                    GPtrArray          **problems,
                                    GError             **error);

G_END_DECLS
