/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-health.c: the store's checks of a database's health that are not about one edit:
 * PRAGMA quick_check before an import writes (a damaged file is refused, not written into), and,
 * for `icw doctor`, every row of every kind through the checks a dossier's rows get
 * (icw-store-dossier-check.c: the text UTF-8, the times, IDs, dates, money, shares and each
 * structured part, the same column checks a save runs), and every live record through its kind's
 * rules (icw_store_validate_stored). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-database.h"
#include "icw-error.h"
#include "icw-store-dossier-private.h"

gboolean
icw_store_check_undamaged (IcwStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *found = NULL;
  int rc;

  g_return_val_if_fail (ICW_IS_STORE (self), FALSE);

  /* quick_check: the structure of every page, in time linear in the file (integrity_check also
   * compares each index with its table, which the doctor does). */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    found = g_strdup (sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  g_strdelimit (found, "\n", ' ');
  if (rc == SQLITE_ROW && g_strcmp0 (found, "ok") == 0)
    return TRUE;
  g_set_error (error, ICW_ERROR, ICW_ERROR_DATABASE,
               _("The database “%s” is damaged (%s). Nothing was imported. Run “icw doctor” to see what is wrong, and restore a backup of the database before importing into it."),
               self->path != NULL ? self->path : "", found != NULL ? found : "");
  return FALSE;
}

/* The doctor compares attachments with their files itself (icw_store_check_attachments): the
 * content is not read again here. */
static void
forget_content (IcwStore      *self,
                IcwDossierRow *row)
{
  const char * const *blobs = icw_store_dossier_blob_columns (self, row->kind);

  g_clear_pointer (&row->blobs, g_hash_table_unref);
  if (blobs[0] == NULL)
    return;
  row->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  for (guint i = 0; blobs[i] != NULL; i++)
    g_hash_table_insert (row->blobs, g_strdup (blobs[i]), NULL);
}

/* A live record through its kind's rules, as a save would run them (the lock of a submitted
 * parent aside: nothing is being changed). */
static void
check_rules (IcwStore      *self,
             IcwDossierRow *row,
             GPtrArray     *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwRecord) record = icw_store_lookup (self, row->kind, row->id, &error);

  if (record == NULL || !icw_store_validate_stored (self, record, &error))
    g_ptr_array_add (problems, g_strdup_printf (_("Record %s “%s”: %s"), icw_record_kind_to_key (row->kind), row->id,
                                                error != NULL ? error->message : ""));
}

static void
check_kind (IcwStore      *self,
            IcwRecordKind  kind,
            GPtrArray     *problems)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", icw_store_table_for_kind (kind)->table);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = icw_store_statement (self, sql, NULL);

  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IcwDossierRow) row = icw_store_dossier_read_row (self, kind, ids->pdata[i], &error);

      if (row == NULL)
        continue;
      if (!g_utf8_validate (row->id, -1, NULL))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("A record %s has an ID that is not valid UTF-8."),
                                                      icw_record_kind_to_key (kind)));
          continue;
        }
      forget_content (self, row);
      if (icw_store_dossier_check_row (self, row, problems) && row->deleted_at == NULL)
        check_rules (self, row, problems);
    }
}

void
icw_store_check_rows (IcwStore  *self,
                      GPtrArray *problems)
{
  for (guint kind = 0; kind < ICW_N_RECORD_KINDS; kind++)
    check_kind (self, kind, problems);
}
