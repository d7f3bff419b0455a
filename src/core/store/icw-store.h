/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store.h: the one object that owns the SQLite connection and every SQL statement. Records are
 * saved as they are edited, each save writing the record and its outbox entry in one transaction.
 * The store hands out one object per record, so every view of a record sees the same instance, and
 * live GListModels that follow saves, deletions and restores. */
#pragma once

#include <gio/gio.h>

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_STORE (icw_store_get_type ())

G_DECLARE_FINAL_TYPE (IcwStore, icw_store, ICW, STORE, GObject)

IcwStore   *icw_store_open            (const char     *path,
                                       GError        **error);
/* A store in a new file that is thrown away after use (the sync server's check.db): never
 * synced (icw_database_open_scratch), since nothing in it is kept. */
IcwStore   *icw_store_open_scratch    (const char     *path,
                                       GError        **error);
char       *icw_store_default_path    (void);
const char *icw_store_get_path        (IcwStore       *self);

/* Saving, deleting (undoably) and restoring a record. */
gboolean    icw_store_save            (IcwStore       *self,
                                       IcwRecord      *record,
                                       GError        **error);
gboolean    icw_store_delete          (IcwStore       *self,
                                       IcwRecord      *record,
                                       GError        **error);
gboolean    icw_store_restore         (IcwStore       *self,
                                       IcwRecord      *record,
                                       GError        **error);

/* Attachments: the file is checked (name, extension, size, not empty, not the same as another
 * attachment of the application) and written with its record in one transaction. Returns the
 * store's object of the new attachment. */
IcwAttachment *icw_store_add_attachment    (IcwStore           *self,
                                            IcwApplication     *application,
                                            const char         *name,
                                            IcwAttachmentKind   kind,
                                            GBytes             *content,
                                            GError            **error);
/* Where an attachment's file is (icw-store-attachment-files.c): in the database; not yet
 * downloaded (a synced record whose file is on the sync server); or missing (nowhere). */
typedef enum {
  ICW_ATTACHMENT_FILE_PRESENT,
  ICW_ATTACHMENT_FILE_NOT_DOWNLOADED,
  ICW_ATTACHMENT_FILE_MISSING,
} IcwAttachmentFileState;

IcwAttachmentFileState icw_store_attachment_file_state (IcwStore   *self,
                                                        const char *attachment_id);
/* The live attachments whose file is not yet downloaded. */
gint64        icw_store_count_attachments_not_downloaded (IcwStore *self);
GBytes        *icw_store_attachment_content (IcwStore          *self,
                                            const char         *attachment_id,
                                            GError            **error);

/* Several saves as one transaction: all of them or none (imports, the sample data). */
gboolean    icw_store_begin_batch     (IcwStore       *self,
                                       GError        **error);
gboolean    icw_store_commit_batch    (IcwStore       *self,
                                       GError        **error);
void        icw_store_rollback_batch  (IcwStore       *self);
/* The table descriptor's check of every column of the record (icw-field-checks.h), as a save
 * runs them after the kind's rules: FALSE with the error, and *column the column, at the first
 * that fails. `icw check` reports it as an error finding (data damaged outside the program). */
gboolean    icw_store_check_columns   (IcwRecord      *record,
                                       const char    **column,
                                       GError        **error);
/* PRAGMA quick_check: FALSE, with an error saying what to do, when the file is damaged. Every
 * import calls it inside its batch, before writing. */
gboolean    icw_store_check_undamaged (IcwStore       *self,
                                       GError        **error);
/* Reloads every list the store handed out and emits "reloaded": after another connection (a
 * dossier import run in a thread on a store of its own) wrote to the same file. */
void        icw_store_reload          (IcwStore       *self);

/* The kind of a record object. */
IcwRecordKind icw_record_kind_of      (IcwRecord      *record);

/* Finding records. A lookup of a deleted record finds nothing. */
IcwRecord  *icw_store_lookup          (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       const char     *id,
                                       GError        **error);
IcwRecord  *icw_store_lookup_any      (IcwStore       *self,
                                       const char     *id,
                                       GError        **error);
/* The "name" of the live record of a kind that has one, or NULL when id is NULL or empty or no
 * such record lives. */
char       *icw_store_dup_name        (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       const char     *id);
IcwRecord  *icw_store_find_by_name    (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       const char     *name,
                                       GError        **error);
/* The live organization with this unified social credit code, or NULL (error unset). */
IcwOrganization *icw_store_find_by_credit_code (IcwStore    *self,
                                                const char  *credit_code,
                                                GError     **error);
GListModel *icw_store_list            (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       const char     *parent_id);
/* A register's list (organizations, centers) of which perhaps only the first n rows are read yet,
 * for a register page's first frame; an IcwStoreList that reads the rest when completed
 * (icw-store-list.h). Any other kind: icw_store_list (self, kind, NULL). */
GListModel *icw_store_list_head       (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       guint           n);
/* The same records as icw_store_list() now, read in one query, for code that needs every one of
 * them: walking a register's list would load its records one at a time. */
GPtrArray  *icw_store_list_records    (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       const char     *parent_id);
/* The live platforms held by the live alliance members of a center, in one query (a center may
 * have thousands of members): by member as they joined, then as the platforms were made. */
GPtrArray  *icw_store_center_platforms (IcwStore      *self,
                                        const char    *center_id);
GHashTable *icw_store_search          (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       const char     *query,
                                       GError        **error);
/* For a chooser: up to `limit` live records of a register (organizations, centers) whose names
 * match `query` (all when it is empty), in name order, in one query; `more`: others match too. */
GPtrArray  *icw_store_find_named      (IcwStore       *self,
                                       IcwRecordKind   kind,
                                       const char     *query,
                                       guint           limit,
                                       gboolean       *more,
                                       GError        **error);
GPtrArray  *icw_store_find_uses       (IcwStore       *self,
                                       IcwRecord      *record,
                                       GError        **error);
gint64      icw_store_count_outbox    (IcwStore       *self);

/* The health of the file and of the records, for `icw doctor`. */
GPtrArray  *icw_store_check_integrity (IcwStore       *self,
                                       GError        **error);

G_END_DECLS
