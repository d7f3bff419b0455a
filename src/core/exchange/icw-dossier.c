/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier.c: the center dossier written as JSON (the format is docs/formats.md's "Center
 * dossier"): the header, then every row the store collects, each with its kind, ID, times, typed
 * fields and base64 content. Nothing here depends on the kinds: the store's descriptors decide. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "icw-dossier.h"
#include "icw-error.h"
#include "icw-store-dossier.h"
#include "icw-store-targets-sync.h"

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_row (JsonBuilder   *builder,
         IcwStore      *store,
         IcwDossierRow *row)
{
  const char * const *blobs = icw_store_dossier_blob_columns (store, row->kind);
  g_autoptr(GList) members = json_object_get_members (row->fields);

  json_builder_begin_object (builder);
  add_text (builder, "kind", icw_record_kind_to_key (row->kind));
  add_text (builder, "id", row->id);
  add_text (builder, "created_at", row->created_at);
  add_text (builder, "updated_at", row->updated_at);
  add_text (builder, "deleted_at", row->deleted_at);
  /* In the order of the kind's descriptor, which the store kept. */
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (row->fields, l->data)));
    }
  json_builder_end_object (builder);
  if (blobs[0] != NULL)
    {
      json_builder_set_member_name (builder, "blobs");
      json_builder_begin_object (builder);
      for (guint i = 0; blobs[i] != NULL; i++)
        {
          GBytes *blob = g_hash_table_lookup (row->blobs, blobs[i]);
          g_autofree char *encoded = blob != NULL ? g_base64_encode (g_bytes_get_data (blob, NULL), g_bytes_get_size (blob))
                                                  : NULL;

          add_text (builder, blobs[i], encoded);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static gboolean
check_centers (GPtrArray           *rows,
               const char * const  *center_ids,
               GError             **error)
{
  for (guint i = 0; center_ids != NULL && center_ids[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint r = 0; r < rows->len && !found; r++)
        {
          IcwDossierRow *row = rows->pdata[r];

          found = row->kind == ICW_RECORD_KIND_CENTER && g_str_equal (row->id, center_ids[i]);
        }
      if (!found)
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND, _("There is no center with the ID “%s”."), center_ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}

GBytes *
icw_dossier_export (IcwStore            *store,
                    const char * const  *center_ids,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) centers = g_ptr_array_new ();
  g_autoptr(GPtrArray) versions = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);

  rows = icw_store_dossier_collect (store, center_ids, cancellable, error);
  if (rows == NULL || !check_centers (rows, center_ids, error))
    return NULL;
  /* Every version of the exported centers' targets (the 任务书), with its rows. */
  versions = icw_store_collect_target_versions (store, center_ids, error);
  if (versions == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    if (((IcwDossierRow *) rows->pdata[i])->kind == ICW_RECORD_KIND_CENTER &&
        (center_ids == NULL || g_strv_contains (center_ids, ((IcwDossierRow *) rows->pdata[i])->id)))
      g_ptr_array_add (centers, ((IcwDossierRow *) rows->pdata[i])->id);

  json_builder_begin_object (builder);
  add_text (builder, "format", ICW_DOSSIER_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, ICW_DOSSIER_FORMAT_VERSION);
  add_text (builder, "program_version", PACKAGE_VERSION);
  add_text (builder, "scope", center_ids == NULL ? "database" : "centers");
  json_builder_set_member_name (builder, "centers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < centers->len; i++)
    json_builder_add_string_value (builder, centers->pdata[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    add_row (builder, store, rows->pdata[i]);
  json_builder_end_array (builder);
  if (versions->len > 0)
    {
      json_builder_set_member_name (builder, "target_versions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < versions->len; i++)
        {
          JsonNode *node = json_node_init_object (json_node_alloc (), NULL);

          json_node_take_object (node, icw_target_set_to_json (versions->pdata[i], FALSE));
          json_builder_add_value (builder, node);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  /* A final newline, as text files have. */
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';
  return g_bytes_new_take (text, length);
}

gboolean
icw_dossier_export_to_file (IcwStore            *store,
                            const char * const  *center_ids,
                            const char          *path,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GBytes) bytes = icw_dossier_export (store, center_ids, cancellable, error);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents (path, data, (gssize) length, &local_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_FAILED, _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  char  *db_path;
  GStrv  center_ids;
  char  *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_strfreev (data->center_ids);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = icw_store_open (data->db_path, &error);

  if (store != NULL && icw_dossier_export_to_file (store, (const char * const *) data->center_ids, data->path,
                                                   cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
icw_dossier_export_async (IcwStore            *store,
                          const char * const  *center_ids,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  g_return_if_fail (ICW_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data->db_path = g_strdup (icw_store_get_path (store));
  data->center_ids = g_strdupv ((char **) center_ids);
  data->path = g_strdup (path);
  g_task_set_source_tag (task, icw_dossier_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  /* The thread tells whether the file was written, even when a Cancel came too late. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
icw_dossier_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
