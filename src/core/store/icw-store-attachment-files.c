/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-attachment-files.c: attachments whose file is not in the database. A database that
 * syncs gets the attachments' records from the server first and their files afterwards
 * (docs/sync-protocol.md, "Attachments' files"): until then the record has no content and is
 * "not yet downloaded", which is not the same as "missing" (no content and never synced, or a
 * file that does not match its SHA-256). A downloaded file is checked against its record before
 * it is written, and writing it makes no outbox entry. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-private.h"
#include "icw-store-sync.h"

void
icw_attachment_file_free (IcwAttachmentFile *file)
{
  if (file == NULL)
    return;
  g_free (file->id);
  g_free (file->name);
  g_free (file->sha256);
  g_free (file);
}

GPtrArray *
icw_store_attachments_to_download (IcwStore *self)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_attachment_file_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ICW_IS_STORE (self), files);
  stmt = icw_store_statement (self, "SELECT id, name, sha256, size FROM attachments WHERE content IS NULL "
                                    "AND revision IS NOT NULL AND deleted_at IS NULL ORDER BY id", NULL);
  if (stmt == NULL)
    return files;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IcwAttachmentFile *file = g_new0 (IcwAttachmentFile, 1);

      file->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      file->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      file->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      file->size = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (files, file);
    }
  sqlite3_reset (stmt);
  return files;
}

gboolean
icw_store_write_attachment_file (IcwStore    *self,
                                 const char  *attachment_id,
                                 GBytes      *content,
                                 GError     **error)
{
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  expected = icw_store_query_text (self, "SELECT sha256 FROM attachments WHERE id = ?1", attachment_id, NULL);
  if (expected == NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("No record has the ID “%s”"), attachment_id);
      return FALSE;
    }
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (!g_str_equal (actual, expected))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("The file received for the attachment does not match its SHA-256 checksum; it was not saved"));
      return FALSE;
    }
  stmt = icw_store_statement (self, "UPDATE attachments SET content = ?1 WHERE id = ?2 AND sha256 = ?3 "
                                    "AND content IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (content, &size);
  sqlite3_bind_blob64 (stmt, 1, data != NULL ? data : "", size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attachment_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, expected, -1, SQLITE_TRANSIENT);
  return icw_store_step_done (self, stmt, error);
}

IcwAttachmentFileState
icw_store_attachment_file_state (IcwStore   *self,
                                 const char *attachment_id)
{
  g_autofree char *state = NULL;

  g_return_val_if_fail (ICW_IS_STORE (self), ICW_ATTACHMENT_FILE_MISSING);
  state = icw_store_query_text (self, "SELECT CASE WHEN content IS NOT NULL THEN 'present' "
                                      "WHEN revision IS NOT NULL THEN 'remote' ELSE 'missing' END "
                                      "FROM attachments WHERE id = ?1", attachment_id, NULL);
  if (g_strcmp0 (state, "present") == 0)
    return ICW_ATTACHMENT_FILE_PRESENT;
  if (g_strcmp0 (state, "remote") == 0)
    return ICW_ATTACHMENT_FILE_NOT_DOWNLOADED;
  return ICW_ATTACHMENT_FILE_MISSING;
}

gint64
icw_store_count_attachments_not_downloaded (IcwStore *self)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (ICW_IS_STORE (self), 0);
  count = icw_store_query_text (self, "SELECT count(*) FROM attachments WHERE content IS NULL "
                                      "AND revision IS NOT NULL AND deleted_at IS NULL", NULL);
  return count != NULL ? g_ascii_strtoll (count, NULL, 10) : 0;
}
