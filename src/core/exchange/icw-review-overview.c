/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-overview.c: the rows of the reviewer's overview and inbox, read from the store, and
 * their xlsx export. Only the current version of a document's lineage is a row (a reopened
 * version replaces the one it reopened). The submitted day is the day of the record's last change
 * while its status is "submitted" (a submitted document cannot change until the reviewer
 * decides). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "icw-error.h"
#include "icw-lifecycle.h"
#include "icw-lifecycle-graph.h"
#include "icw-report.h"
#include "icw-review-overview.h"
#include "icw-xlsx-file.h"

static const IcwRecordKind document_kinds[] = {
  ICW_RECORD_KIND_APPLICATION, ICW_RECORD_KIND_IP_AGREEMENT, ICW_RECORD_KIND_FUNDING_REQUEST,
  ICW_RECORD_KIND_REPORT,
};

void
icw_review_overview_row_free (IcwReviewOverviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->record_id);
  g_free (row->center);
  g_free (row->document);
  g_free (row->submitted);
  g_free (row->deadline);
  g_free (row);
}

const char *
icw_review_overview_kind_label (IcwRecordKind kind)
{
  switch (kind)
    {
    case ICW_RECORD_KIND_APPLICATION:
      return _("Application");
    case ICW_RECORD_KIND_IP_AGREEMENT:
      return _("IP agreement");
    case ICW_RECORD_KIND_FUNDING_REQUEST:
      return _("Funding request");
    case ICW_RECORD_KIND_REPORT:
      return _("Report");
    default:
      return "";
    }
}

static char *
text_of (GObject    *object,
         const char *property)
{
  char *text = NULL;

  if (object != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (object), property) != NULL)
    g_object_get (object, property, &text, NULL);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
center_name (IcwStore   *store,
             const char *center_id)
{
  g_autoptr(IcwRecord) center = center_id != NULL ? icw_store_lookup (store, ICW_RECORD_KIND_CENTER, center_id, NULL) : NULL;
  char *name = text_of (G_OBJECT (center), "name");

  return name != NULL ? name : g_strdup (center_id != NULL ? center_id : "");
}

IcwReviewOverviewRow *
icw_review_overview_row_new (IcwStore  *store,
                             IcwRecord *document)
{
  IcwReviewOverviewRow *row = g_new0 (IcwReviewOverviewRow, 1);
  g_autofree char *center_id = text_of (G_OBJECT (document), "center-id");
  g_autofree char *title = ICW_IS_REPORT (document) ? icw_report_describe (ICW_REPORT (document))
                                                    : text_of (G_OBJECT (document), "title");
  const char *updated = icw_record_get_updated_at (document);

  row->record_id = g_strdup (icw_record_get_id (document));
  row->kind = icw_record_kind_of (document);
  row->center = center_name (store, center_id);
  /* TRANSLATORS: a document in the reviewer's overview: its kind, then its title */
  row->document = g_strdup_printf (_("%s: %s"), icw_review_overview_kind_label (row->kind),
                                   title != NULL ? title : _("Untitled"));
  row->version = icw_lifecycle_get_version (document);
  row->status = icw_lifecycle_get_status (document);
  if (row->status == ICW_APPLICATION_STATUS_SUBMITTED && updated != NULL)
    row->submitted = g_strndup (updated, 10);
  if (row->kind == ICW_RECORD_KIND_APPLICATION)
    row->deadline = text_of (G_OBJECT (document), "call-deadline");
  return row;
}

/* Whether no later version of the document's lineage is in the store. */
static gboolean
is_current (IcwStore  *store,
            IcwRecord *document)
{
  g_autoptr(GPtrArray) versions = icw_lifecycle_versions (store, document);
  int version = icw_lifecycle_get_version (document);

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    if (icw_lifecycle_get_version (versions->pdata[i]) > version)
      return FALSE;
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const IcwReviewOverviewRow *x = *(IcwReviewOverviewRow * const *) a;
  const IcwReviewOverviewRow *y = *(IcwReviewOverviewRow * const *) b;
  int order = g_utf8_collate (x->center, y->center);

  return order != 0 ? order : g_strcmp0 (x->document, y->document);
}

GPtrArray *
icw_review_overview_rows (IcwStore *store,
                          gboolean  submitted_only)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_review_overview_row_free);
  g_autoptr(GHashTable) with_documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (document_kinds); k++)
    {
      g_autoptr(GListModel) list = icw_store_list (store, document_kinds[k], NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(IcwRecord) record = g_list_model_get_item (list, i);
          g_autofree char *center_id = text_of (G_OBJECT (record), "center-id");
          IcwApplicationStatus status = icw_lifecycle_get_status (record);

          if (submitted_only && status != ICW_APPLICATION_STATUS_SUBMITTED)
            continue;
          if (!submitted_only && !is_current (store, record))
            continue;
          if (center_id != NULL)
            g_hash_table_add (with_documents, g_steal_pointer (&center_id));
          g_ptr_array_add (rows, icw_review_overview_row_new (store, record));
        }
    }
  if (!submitted_only)
    {
      g_autoptr(GListModel) centers = icw_store_list (store, ICW_RECORD_KIND_CENTER, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (centers); i++)
        {
          g_autoptr(IcwRecord) center = g_list_model_get_item (centers, i);
          IcwReviewOverviewRow *row;

          if (g_hash_table_contains (with_documents, icw_record_get_id (center)))
            continue;
          row = g_new0 (IcwReviewOverviewRow, 1);
          row->kind = ICW_RECORD_KIND_CENTER;
          row->center = center_name (store, icw_record_get_id (center));
          g_ptr_array_add (rows, row);
        }
    }
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

gboolean
icw_review_overview_write_xlsx (GPtrArray   *rows,
                                const char  *path,
                                GError     **error)
{
  const char *headers[] = {
    _("Center"), _("Document"), _("Version"), _("Status"), _("Submitted on"), _("Deadline"),
  };
  const double widths[] = { 30, 48, 9, 14, 12, 12 };
  static const IcwSheetStyle formats[] = { ICW_SHEET_BOLD };
  IcwSheetColumns columns[G_N_ELEMENTS (widths)];
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (IcwSheetCell));
  IcwSheet sheet;

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      IcwSheetCell header = { .row = 0, .column = c, .text = headers[c], .format = 1 };

      columns[c] = (IcwSheetColumns) { c, c, widths[c] };
      g_array_append_val (cells, header);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      IcwReviewOverviewRow *row = rows->pdata[r];
      IcwSheetCell cell = { .row = r + 1, .column = 0, .text = row->center };

      if (row->center != NULL)
        g_array_append_val (cells, cell);
      cell = (IcwSheetCell) { .row = r + 1, .column = 1, .text = row->document };
      if (row->document != NULL)
        g_array_append_val (cells, cell);
      cell = (IcwSheetCell) { .row = r + 1, .column = 2, .number = row->version };
      if (row->record_id != NULL)
        g_array_append_val (cells, cell);
      cell = (IcwSheetCell) { .row = r + 1, .column = 3, .text = icw_application_status_to_label (row->status) };
      if (row->record_id != NULL)
        g_array_append_val (cells, cell);
      cell = (IcwSheetCell) { .row = r + 1, .column = 4, .text = row->submitted };
      if (row->submitted != NULL)
        g_array_append_val (cells, cell);
      cell = (IcwSheetCell) { .row = r + 1, .column = 5, .text = row->deadline };
      if (row->deadline != NULL)
        g_array_append_val (cells, cell);
    }
  /* TRANSLATORS: the worksheet of the reviewer's overview: at most 31 characters, none of []:*?/\ */
  sheet = (IcwSheet) {
    .name = _("Overview"), .formats = formats, .n_formats = G_N_ELEMENTS (formats),
    .columns = columns, .n_columns = G_N_ELEMENTS (columns), .freeze_rows = 1,
    .autofilter = TRUE, .filter_last_row = rows->len, .filter_last_column = G_N_ELEMENTS (headers) - 1,
  };
  return icw_xlsx_file_write (path, &sheet, cells, error);
}
