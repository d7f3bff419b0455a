/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-lifecycle.c: what the store enforces for every record kind with a life cycle
 * (icw-lifecycle.h), so that no caller (an editor, the command line, a later sync) can get round it:
 *
 *  - a new record starts as a draft; its status moves along the life cycle's graph only;
 *  - once submitted, returned or accepted, nothing but the status and the reviewer's comments
 *    changes (ICW_ERROR_READ_ONLY), it cannot be deleted, and neither can its child records be
 *    added, changed or deleted;
 *  - a ready record whose content is edited becomes a draft again, since it was checked as it was;
 *  - version 1 is its own lineage, a later version names the first one; a lineage has one live
 *    record per version. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-lifecycle-graph.h"
#include "icw-store-check.h"
#include "icw-store-private.h"

/* The saved status of a record (deleted or not); FALSE when it has no row. */
static gboolean
saved_status (IcwStore             *self,
              const IcwTable       *table,
              const char           *id,
              IcwApplicationStatus *status)
{
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;

  if (id == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT status FROM %s WHERE id = ?1", table->table);
  key = icw_store_query_text (self, sql, id, NULL);
  return key != NULL && icw_application_status_from_string (key, status);
}

/* A property as the store writes it: NULL for empty text, numbers in decimal, keys for enums. */
char *
icw_store_column_text (IcwRecord       *record,
                       const IcwColumn *column)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text;

  g_object_get_property (G_OBJECT (record), column->property, &value);
  switch (column->type)
    {
    case ICW_COLUMN_TEXT:
      text = g_value_get_string (&value);
      return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
    case ICW_COLUMN_INT:
      return g_strdup_printf ("%d", g_value_get_int (&value));
    case ICW_COLUMN_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
    case ICW_COLUMN_BOOL:
      return g_strdup (g_value_get_boolean (&value) ? "1" : "0");
    case ICW_COLUMN_ENUM:
      return g_strdup (column->to_key (g_value_get_uint (&value)));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_lifecycle_column (const IcwColumn *column)
{
  return icw_record_column_is_lifecycle (column->name);
}

/* TRUE when the record differs from its saved row in a column other than the life-cycle ones;
 * the outcome columns (a report's grade) count apart, in *outcome. */
static gboolean
content_changed (IcwStore       *self,
                 const IcwTable *table,
                 IcwRecord      *record,
                 gboolean       *outcome)
{
  g_autofree char *sql = icw_store_select_sql (table, "id = ?1");
  sqlite3_stmt *stmt = icw_store_statement (self, sql, NULL);
  gboolean changed = FALSE;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    changed = TRUE;
  /* Every column while the outcome is not known to have changed: both are wanted. */
  for (guint i = 0; (!changed || !*outcome) && i < table->n_columns; i++)
    {
      const char *saved = (const char *) sqlite3_column_text (stmt, 4 + i);
      g_autofree char *now = NULL;

      gboolean is_outcome = icw_record_column_is_outcome (table->columns[i].name);

      /* The outcome columns are life-cycle columns too (icw-store-check.c), but not free ones. */
      if (is_lifecycle_column (&table->columns[i]) && !is_outcome)
        continue;
      now = icw_store_column_text (record, &table->columns[i]);
      if (!is_outcome)
        changed = changed || g_strcmp0 (saved != NULL && *saved != '\0' ? saved : NULL, now) != 0;
      else if (g_strcmp0 (saved != NULL && *saved != '\0' ? saved : NULL, now) != 0)
        *outcome = TRUE;
    }
  sqlite3_reset (stmt);
  return changed;
}

/* Whether a new record carries an outcome (a grade, its date or a 整改 due date). */
static gboolean
has_outcome (const IcwTable *table,
             IcwRecord      *record)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (icw_record_column_is_outcome (table->columns[i].name))
      {
        g_autofree char *now = icw_store_column_text (record, &table->columns[i]);

        /* A grade of none is written as its key, "none". */
        if (now != NULL && *now != '\0' && strcmp (now, "none") != 0)
          return TRUE;
      }
  return FALSE;
}

static gboolean
read_only (GError               **error,
           IcwApplicationStatus   status)
{
  if (status == ICW_APPLICATION_STATUS_SUBMITTED)
    g_set_error_literal (error, ICW_ERROR, ICW_ERROR_READ_ONLY,
                         _("This document has been submitted: it cannot be changed while it is being reviewed."));
  else
    g_set_error_literal (error, ICW_ERROR, ICW_ERROR_READ_ONLY,
                         _("This document has been reviewed and cannot be changed: reopen it as a new version to edit it."));
  return FALSE;
}

static gboolean
check_status (IcwStore        *self,
              const IcwTable  *table,
              IcwRecord       *record,
              GError         **error)
{
  IcwApplicationStatus status = icw_lifecycle_get_status (record);
  IcwApplicationStatus before;
  gboolean changed, outcome = FALSE;

  if (!saved_status (self, table, icw_record_get_id (record), &before))
    {
      if (status != ICW_APPLICATION_STATUS_DRAFT)
        return icw_store_invalid (error, _("Status: a new document starts as a draft"));
      if (has_outcome (table, record))
        return icw_store_invalid (error, _("Grade: it is recorded only when a reviewer accepts the submitted report"));
      return TRUE;
    }

  changed = content_changed (self, table, record, &outcome);
  if (icw_lifecycle_status_is_locked (before) && changed)
    return read_only (error, before);
  /* The grade is the reviewer's, recorded with the acceptance (docs/sync-protocol.md). */
  if (outcome && !(before == ICW_APPLICATION_STATUS_SUBMITTED && status == ICW_APPLICATION_STATUS_ACCEPTED))
    return icw_store_invalid (error, _("Grade: it is recorded only when a reviewer accepts the submitted report"));
  if (!icw_lifecycle_status_can_change (before, status))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("Status: it cannot go from “%s” to “%s”"),
                   icw_application_status_to_label (before), icw_application_status_to_label (status));
      return FALSE;
    }
  /* Checked as it was, not as it is now. */
  if (before == ICW_APPLICATION_STATUS_READY && status == ICW_APPLICATION_STATUS_READY && changed)
    g_object_set (record, "status", (guint) ICW_APPLICATION_STATUS_DRAFT, NULL);
  return TRUE;
}

static gboolean
check_lineage (IcwStore        *self,
               const IcwTable  *table,
               IcwRecord       *record,
               GError         **error)
{
  const char *id = icw_record_get_id (record);
  int version = icw_lifecycle_get_version (record);
  g_autofree char *version_text = g_strdup_printf ("%d", version);
  g_autofree char *lineage = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;

  if (version < 1)
    return icw_store_invalid (error, _("Version: versions are numbered from 1"));
  if (version == 1)
    g_object_set (record, "lineage-id", id, NULL);
  g_object_get (record, "lineage-id", &lineage, NULL);
  if (version > 1)
    {
      sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?1", table->table);
      if (icw_store_has_text (lineage))
        first = icw_store_query_text (self, sql, lineage, NULL);
      if (first == NULL)
        return icw_store_invalid (error, _("Version: a later version must name the first version"));
      g_clear_pointer (&sql, g_free);
    }

  sql = g_strdup_printf ("SELECT id FROM %s WHERE lineage_id = ?1 AND version = ?2 "
                         "AND id != ?3 AND deleted_at IS NULL", table->table);
  other = icw_store_query_text (self, sql, lineage, version_text, id, NULL);
  if (other != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE,
                   _("Version: version %d of this document already exists"), version);
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_store_check_lifecycle (IcwStore   *self,
                           IcwRecord  *record,
                           GError    **error)
{
  const IcwTable *table = icw_store_table_for_record (record);

  g_assert (icw_record_has_lifecycle (record));
  /* The status first, so that a locked record says so rather than what else is wrong with it. */
  return check_status (self, table, record, error) && check_lineage (self, table, record, error);
}

gboolean
icw_store_check_parent_open (IcwStore       *self,
                             IcwRecordKind   parent_kind,
                             const char     *parent_id,
                             GError        **error)
{
  const IcwTable *table = icw_store_table_for_kind (parent_kind);
  IcwApplicationStatus status;

  if (!icw_store_exists (self, table->table, parent_id) || !saved_status (self, table, parent_id, &status))
    return icw_store_invalid (error, _("Document: it is not in the database"));
  if (icw_lifecycle_status_is_locked (status) && !self->validating_stored)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_READ_ONLY,
                           _("The document has been submitted: its parts cannot be added, changed or removed."));
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_store_check_deletable (IcwStore   *self,
                           IcwRecord  *record,
                           GError    **error)
{
  IcwApplicationStatus status;

  if (!icw_record_has_lifecycle (record) ||
      !saved_status (self, icw_store_table_for_record (record), icw_record_get_id (record), &status) ||
      !icw_lifecycle_status_is_locked (status))
    return TRUE;
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_READ_ONLY,
                       _("This document has been submitted: it cannot be deleted."));
  return FALSE;
}
