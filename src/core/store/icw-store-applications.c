/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-applications.c: what the store enforces for applications and their attachments, so that
 * no caller (the editor, the command line, a later sync) can get round it:
 *
 *  - an application belongs to a live center;
 *  - its structured parts have their JSON formats;
 *  - the life cycle every filed document shares (icw-store-lifecycle.c): once submitted, returned
 *    or accepted nothing but the status and the reviewer's comments changes, and its attachments
 *    cannot be added or deleted;
 *  - an attachment's file is checked when it is added (name, extension, size, not a second copy)
 *    and written with its row; its metadata can be renamed later, its file never replaced. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application-parts.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-budget-line.h"
#include "icw-database.h"
#include "icw-error.h"
#include "icw-funding-parts.h"
#include "icw-report.h"
#include "icw-store-private.h"
#include "icw-store-reports.h"

/* The file of an attachment being added, held on the record until its row is written. */
#define CONTENT_KEY "icw-attachment-content"

static const char *const allowed_extensions[] = { "pdf", "ofd", "jpg", "jpeg", "png" };

static gboolean
check_date (const char  *text,
            GError     **error)
{
  if (!icw_store_has_text (text))
    return TRUE;
  if (!icw_date_is_valid (text))
    return icw_store_invalid (error, _("Deadline: type the date as YYYY-MM-DD"));
  return TRUE;
}

gboolean
icw_store_validate_application (IcwStore   *self,
                                IcwRecord  *record,
                                GError    **error)
{
  IcwApplication *application = ICW_APPLICATION (record);
  if (!icw_store_exists (self, "centers", icw_application_get_center_id (application)))
    return icw_store_invalid (error, _("Center: it is not in the register"));
  /* First, so that a locked application says so rather than what else is wrong with the change. */
  if (!icw_store_check_lifecycle (self, ICW_RECORD (application), error))
    return FALSE;
  return check_date (icw_application_get_call_deadline (application), error) &&
         icw_application_validate_parts (application, error);
}

static gboolean
check_parent_open (IcwStore       *self,
                   const char     *application_id,
                   GError        **error)
{
  return icw_store_check_parent_open (self, ICW_RECORD_KIND_APPLICATION, application_id, error);
}

/* An attachment belongs to an application or to a report (its evidence, its audit): exactly one,
 * which must be open for changes. */
static gboolean
check_attachment_parent (IcwStore       *self,
                         IcwAttachment  *attachment,
                         GError        **error)
{
  const char *application_id = icw_attachment_get_application_id (attachment);
  const char *report_id = icw_attachment_get_report_id (attachment);

  if (icw_store_has_text (application_id) == icw_store_has_text (report_id))
    return icw_store_invalid (error, _("Attachment: it belongs to an application or to a report, one of the two"));
  if (icw_store_has_text (report_id))
    return icw_store_check_parent_open (self, ICW_RECORD_KIND_REPORT, report_id, error);
  return check_parent_open (self, application_id, error);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  const char *dot;
  g_autofree char *extension = NULL;

  if (!icw_store_has_text (name) || name[0] == '.')
    return icw_store_invalid (error, _("File name: an attachment needs a name"));
  if (g_utf8_strlen (name, -1) > ICW_ATTACHMENT_MAX_NAME_CHARS)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("File name: it may have at most %d characters"), ICW_ATTACHMENT_MAX_NAME_CHARS);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (strchr ("/\\:*?\"<>|", *p) != NULL || g_unichar_iscntrl (g_utf8_get_char (p)))
      return icw_store_invalid (error, _("File name: it may not contain control characters or any of / \\ : * ? \" < > |"));
  dot = strrchr (name, '.');
  extension = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;
  for (guint i = 0; extension != NULL && i < G_N_ELEMENTS (allowed_extensions); i++)
    if (strcmp (extension, allowed_extensions[i]) == 0)
      return TRUE;
  return icw_store_invalid (error, _("File type: only PDF, OFD, JPG, JPEG and PNG files can be attached"));
}

static gboolean
check_size (gsize    size,
            GError **error)
{
  if (size == 0)
    return icw_store_invalid (error, _("File size: the file is empty"));
  if ((gint64) size > ICW_ATTACHMENT_MAX_SIZE)
    return icw_store_invalid (error, _("File size: a file may be at most 20 MiB"));
  return TRUE;
}

static gboolean
check_not_twice (IcwStore       *self,
                 IcwAttachment  *attachment,
                 GError        **error)
{
  g_autofree char *other = NULL;

  const char *report_id = icw_attachment_get_report_id (attachment);

  other = icw_store_has_text (report_id)
    ? icw_store_query_text (self, "SELECT name FROM attachments WHERE report_id = ?1 AND sha256 = ?2 "
                                  "AND id != ?3 AND deleted_at IS NULL",
                            report_id, icw_attachment_get_sha256 (attachment),
                            icw_record_get_id (ICW_RECORD (attachment)), NULL)
    : icw_store_query_text (self, "SELECT name FROM attachments WHERE application_id = ?1 AND sha256 = ?2 "
                                  "AND id != ?3 AND deleted_at IS NULL",
                            icw_attachment_get_application_id (attachment), icw_attachment_get_sha256 (attachment),
                            icw_record_get_id (ICW_RECORD (attachment)), NULL);
  if (other != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE,
                   _("Duplicate file: the same file is already attached as “%s”"), other);
      return FALSE;
    }
  return TRUE;
}

/* An attachment that is not being added keeps the file it was added with. */
static gboolean
check_same_file (IcwStore       *self,
                 IcwAttachment  *attachment,
                 GError        **error)
{
  g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, icw_attachment_get_size (attachment));
  g_autofree char *same = icw_store_query_text (self, "SELECT id FROM attachments WHERE id = ?1 AND sha256 = ?2 AND size = ?3",
                                                icw_record_get_id (ICW_RECORD (attachment)),
                                                icw_attachment_get_sha256 (attachment), size, NULL);

  if (same == NULL)
    return icw_store_invalid (error, _("File: an attachment's file cannot be replaced; add the new file as another attachment"));
  return TRUE;
}

gboolean
icw_store_validate_attachment (IcwStore   *self,
                               IcwRecord  *record,
                               GError    **error)
{
  IcwAttachment *attachment = ICW_ATTACHMENT (record);
  GBytes *content = g_object_get_data (G_OBJECT (attachment), CONTENT_KEY);

  if (!check_attachment_parent (self, attachment, error) ||
      !check_name (icw_attachment_get_name (attachment), error))
    return FALSE;
  if (content != NULL ? !check_size (g_bytes_get_size (content), error) : !check_same_file (self, attachment, error))
    return FALSE;
  return check_not_twice (self, attachment, error);
}

gboolean
icw_store_validate_delete (IcwStore   *self,
                           IcwRecord  *record,
                           GError    **error)
{
  if (!icw_store_validate_delete_agreement (self, record, error))
    return FALSE;
  if (ICW_IS_ATTACHMENT (record))
    return check_attachment_parent (self, ICW_ATTACHMENT (record), error);
  if (ICW_IS_BUDGET_LINE (record))
    return icw_store_check_parent_open (self, ICW_RECORD_KIND_FUNDING_REQUEST,
                                        icw_budget_line_get_request_id (ICW_BUDGET_LINE (record)), error);
  return icw_store_check_deletable (self, record, error);
}

gboolean
icw_store_write_attachment_content (IcwStore   *self,
                                    IcwRecord  *record,
                                    GError    **error)
{
  GBytes *content = g_object_get_data (G_OBJECT (record), CONTENT_KEY);
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer data;

  if (content == NULL)
    return TRUE;
  stmt = icw_store_statement (self, "UPDATE attachments SET content = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (content, &size);
  sqlite3_bind_blob64 (stmt, 1, data, size, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
  return icw_store_step_done (self, stmt, error);
}

static IcwAttachment *
add_attachment (IcwStore           *self,
                IcwRecord          *parent,
                const char         *name,
                IcwAttachmentKind   kind,
                GBytes             *content,
                GError            **error)
{
  g_autoptr(IcwAttachment) attachment = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *sha256 = NULL;
  gboolean saved;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < ICW_N_ATTACHMENT_KINDS, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  /* The name and size first, so that a file too large is not hashed in vain; everything again
   * inside the save's transaction. */
  if (!check_name (stripped, error) || !check_size (g_bytes_get_size (content), error))
    return NULL;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  attachment = icw_attachment_new ();
  if (ICW_IS_REPORT (parent))
    icw_attachment_set_report_id (attachment, icw_record_get_id (parent));
  else
    icw_attachment_set_application_id (attachment, icw_record_get_id (parent));
  icw_attachment_set_name (attachment, stripped);
  icw_attachment_set_kind (attachment, kind);
  icw_attachment_set_size (attachment, (gint64) g_bytes_get_size (content));
  icw_attachment_set_sha256 (attachment, sha256);

  g_object_set_data_full (G_OBJECT (attachment), CONTENT_KEY, g_bytes_ref (content), (GDestroyNotify) g_bytes_unref);
  saved = icw_store_save (self, ICW_RECORD (attachment), error);
  g_object_set_data (G_OBJECT (attachment), CONTENT_KEY, NULL);
  return saved ? g_steal_pointer (&attachment) : NULL;
}

IcwAttachment *
icw_store_add_attachment (IcwStore           *self,
                          IcwApplication     *application,
                          const char         *name,
                          IcwAttachmentKind   kind,
                          GBytes             *content,
                          GError            **error)
{
  g_return_val_if_fail (ICW_IS_APPLICATION (application), NULL);
  return add_attachment (self, ICW_RECORD (application), name, kind, content, error);
}

IcwAttachment *
icw_store_add_report_attachment (IcwStore           *self,
                                 IcwReport          *report,
                                 const char         *name,
                                 IcwAttachmentKind   kind,
                                 GBytes             *content,
                                 GError            **error)
{
  g_return_val_if_fail (ICW_IS_REPORT (report), NULL);
  return add_attachment (self, ICW_RECORD (report), name, kind, content, error);
}

GBytes *
icw_store_attachment_content (IcwStore    *self,
                              const char  *attachment_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  GBytes *content = NULL;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (ICW_IS_STORE (self), NULL);

  stmt = icw_store_statement (self, "SELECT content FROM attachments WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, attachment_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      if (sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
        content = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    icw_database_set_error (error, self->db, rc);
  else if (!found)
    g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("No record has the ID “%s”"),
                 attachment_id != NULL ? attachment_id : "");
  else if (content == NULL)
    g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE, _("The file of the attachment is missing from the database"));
  return content;
}

/* For `icw doctor`: every attachment's file is there and matches its checksum, except those not
 * yet downloaded from the sync server (icw-store-attachment-files.c), which the doctor counts. */
void
icw_store_check_attachments (IcwStore  *self,
                             GPtrArray *problems)
{
  sqlite3_stmt *stmt = icw_store_statement (self, "SELECT name, sha256, content FROM attachments "
                                                  "WHERE deleted_at IS NULL AND (content IS NOT NULL "
                                                  "OR revision IS NULL)", NULL);

  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *actual = NULL;

      if (sqlite3_column_type (stmt, 2) == SQLITE_BLOB)
        actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, 2),
                                              sqlite3_column_bytes (stmt, 2));
      if (g_strcmp0 (actual, sha256) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Attachment “%s”: its file is missing or does not match its SHA-256 checksum"),
                                                    name));
    }
  sqlite3_reset (stmt);
}
