/* icw-store-lifecycle-interim.c: INTERIM. The store's generic life-cycle checks as the generic
 * life cycle (icw-lifecycle.h, on main) will provide them, so that agreements build and are
 * tested before it is merged. This file is deleted when that commit is merged. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-application-lifecycle.h"
#include "icw-error.h"
#include "icw-store-private.h"

static gboolean
saved_status (IcwStore             *self,
              const IcwTable       *table,
              const char           *id,
              IcwApplicationStatus *status)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM %s WHERE id = ?1", table->table);
  g_autofree char *key = id != NULL ? icw_store_query_text (self, sql, id, NULL) : NULL;

  return key != NULL && icw_application_status_from_string (key, status);
}

static char *
column_text (IcwRecord       *record,
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
content_changed (IcwStore       *self,
                 const IcwTable *table,
                 IcwRecord      *record)
{
  g_autofree char *sql = icw_store_select_sql (table, "id = ?1");
  sqlite3_stmt *stmt = icw_store_statement (self, sql, NULL);
  gboolean changed = FALSE;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, icw_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    changed = TRUE;
  for (guint i = 0; !changed && i < table->n_columns; i++)
    {
      const char *saved = (const char *) sqlite3_column_text (stmt, 4 + i);
      g_autofree char *now = NULL;

      if (strcmp (table->columns[i].name, "status") == 0 || strcmp (table->columns[i].name, "reviewer_comments") == 0)
        continue;
      now = column_text (record, &table->columns[i]);
      changed = g_strcmp0 (saved != NULL && *saved != '\0' ? saved : NULL, now) != 0;
    }
  sqlite3_reset (stmt);
  return changed;
}

gboolean
icw_store_check_lifecycle (IcwStore   *self,
                           IcwRecord  *record,
                           GError    **error)
{
  const IcwTable *table = icw_store_table_for_record (record);
  guint status;
  IcwApplicationStatus before;
  gboolean changed;

  g_object_get (record, "status", &status, NULL);
  if (!saved_status (self, table, icw_record_get_id (record), &before))
    {
      if (status != ICW_APPLICATION_STATUS_DRAFT)
        return icw_store_invalid (error, _("Status: a new record starts as a draft"));
      return TRUE;
    }
  changed = content_changed (self, table, record);
  if (icw_application_status_is_locked (before) && changed)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_READ_ONLY,
                           _("It has been submitted: it cannot be changed."));
      return FALSE;
    }
  if (!icw_application_status_can_change (before, status))
    return icw_store_invalid (error, _("Status: it cannot move there"));
  if (before == ICW_APPLICATION_STATUS_READY && status == ICW_APPLICATION_STATUS_READY && changed)
    g_object_set (record, "status", (guint) ICW_APPLICATION_STATUS_DRAFT, NULL);
  return TRUE;
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
    return icw_store_invalid (error, _("It belongs to a record that is not in the database"));
  if (icw_application_status_is_locked (status))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_READ_ONLY,
                           _("It belongs to a submitted record: it cannot be added, changed or removed."));
      return FALSE;
    }
  return TRUE;
}
