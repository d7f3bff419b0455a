/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-import.c: a dossier file read and checked whole before anything is written: the
 * text itself (icw-dossier-text.c), the header, each record's members, then the store's checks of
 * each row (icw-store-dossier-check.c) and the write (icw-store-dossier-write.c). The async
 * variant runs in a thread (icw-dossier-import-async.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-dossier-import.h"
#include "icw-dossier-text.h"
#include "icw-enums.h"
#include "icw-error.h"
#include "icw-field-checks.h"
#include "icw-json-check.h"
#include "icw-store-dossier.h"
#include "icw-store-sync.h"
#include "icw-store-targets-sync.h"

#define MAX_PROBLEMS 200

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT, message);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  static const char * const known[] = { "format", "format_version", "program_version", "scope", "centers", "records",
                                        "target_versions", NULL };
  JsonNode *version = json_object_get_member (root, "format_version");
  g_autoptr(GList) members = json_object_get_members (root);
  const char *scope = string_member (root, "scope");

  if (g_strcmp0 (string_member (root, "format"), ICW_DOSSIER_FORMAT) != 0)
    return refuse (error, _("The file is not a dossier of this program: its “format” is not “ic-workbench-dossier”."));
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    return refuse (error, _("The dossier's “format_version” is missing or is not a whole number from 1 up."));
  if (json_node_get_int (version) > ICW_DOSSIER_FORMAT_VERSION)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   _("The dossier was written by a newer version of the program (format version %d, this one reads up to %d); update the program to import it."),
                   (int) MIN (json_node_get_int (version), G_MAXINT), ICW_DOSSIER_FORMAT_VERSION);
      return FALSE;
    }
  if (string_member (root, "program_version") == NULL)
    return refuse (error, _("The dossier's “program_version” is missing or is not text."));
  if (g_strcmp0 (scope, "centers") != 0 && g_strcmp0 (scope, "database") != 0)
    return refuse (error, _("The dossier's “scope” is missing or is neither “centers” nor “database”."));
  if (!json_object_has_member (root, "centers") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "centers")))
    return refuse (error, _("The dossier's “centers” is missing or is not an array."));
  if (!json_object_has_member (root, "records") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "records")))
    return refuse (error, _("The dossier's “records” is missing or is not an array."));
  if (json_object_has_member (root, "target_versions") &&
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "target_versions")))
    return refuse (error, _("The dossier's “target_versions” is not an array."));
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("The dossier has the unknown member “%s”."), (const char *) l->data);
        return FALSE;
      }
  return TRUE;
}

/* Base64 as g_base64_encode writes it, and nothing else: g_base64_decode skips what it does not
 * know, so the text is checked first and compared with its own encoding after. */
static GBytes *
decode_base64 (const char *text)
{
  gsize length = strlen (text), size;
  g_autofree guchar *decoded = NULL;
  g_autofree char *again = NULL;

  if (length % 4 != 0)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/' && !(text[i] == '=' && i + 2 >= length))
      return NULL;
  decoded = g_base64_decode (text, &size);
  again = g_base64_encode (decoded, size);
  if (!g_str_equal (again, text))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&decoded), size);
}

static void
read_blobs (IcwDossierRow *row,
            JsonNode      *node,
            GPtrArray     *problems)
{
  const char *kind = icw_record_kind_to_key (row->kind);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      icw_problem_add (problems, _("Record %s “%s”: the member “blobs” is not an object."), kind, row->id);
      return;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  row->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      GBytes *bytes = NULL;

      if (!JSON_NODE_HOLDS_NULL (value))
        {
          const char *text = string_member (object, l->data);

          if (text == NULL || (bytes = decode_base64 (text)) == NULL)
            {
              icw_problem_add (problems, _("Record %s “%s”: the content “%s” is not base64 text."), kind, row->id, (const char *) l->data);
              continue;
            }
        }
      g_hash_table_insert (row->blobs, g_strdup (l->data), bytes);
    }
}

static gboolean
valid_id (const char *id)
{
  return id != NULL && g_utf8_validate (id, -1, NULL) && icw_field_check_uuid (id, NULL) && *id != '\0';
}

/* A member in the role "user" of a dossier written before issue 15: the member becomes ordinary and
 * its organization (user_orgs, set on it once every record is read) a user enterprise, as the
 * database's migration does, so nothing the file says is lost. */
static void
map_legacy_role (IcwDossierRow *row,
                 GHashTable    *user_orgs)
{
  const char *role, *organization;

  if (row->kind != ICW_RECORD_KIND_ALLIANCE_MEMBER)
    return;
  role = json_object_get_string_member_with_default (row->fields, "role", NULL);
  organization = json_object_get_string_member_with_default (row->fields, "organization_id", NULL);
  if (role == NULL || !icw_member_role_is_legacy_user (role))
    return;
  if (organization != NULL)
    g_hash_table_add (user_orgs, g_strdup (organization));
  json_object_set_string_member (row->fields, "role", icw_member_role_to_key (ICW_MEMBER_ROLE_ORDINARY));
}

/* One record's members; NULL (with problems added) when it cannot be checked further. */
static IcwDossierRow *
read_record (IcwStore   *store,
             JsonNode   *node,
             guint       index,
             GHashTable *user_orgs,
             GPtrArray  *problems)
{
  static const char * const known[] = { "kind", "id", "created_at", "updated_at", "deleted_at", "fields", "blobs", NULL };
  g_autoptr(IcwDossierRow) row = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *deleted;
  IcwRecordKind kind;
  const char *id, *key;
  guint before = problems->len;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return icw_problem_add (problems, _("Record number %u is not a JSON object."), index + 1), NULL;
  object = json_node_get_object (node);
  key = string_member (object, "kind");
  id = string_member (object, "id");
  if (!valid_id (id))
    return icw_problem_add (problems, _("Record number %u: its “id” is missing or is not an ID (a UUID)."), index + 1), NULL;
  if (key == NULL || !icw_record_kind_from_key (key, &kind))
    return icw_problem_add (problems, _("Record “%s”: its “kind” is missing or is not a kind of record this program knows."), id), NULL;
  row = icw_dossier_row_new (kind);
  row->id = g_strdup (id);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      icw_problem_add (problems, _("Record %s “%s”: it has the unknown member “%s”."), key, id,
                       g_utf8_validate (l->data, -1, NULL) ? (const char *) l->data : "?");
  row->created_at = g_strdup (string_member (object, "created_at"));
  row->updated_at = g_strdup (string_member (object, "updated_at"));
  if (row->created_at == NULL || *row->created_at == '\0')
    icw_problem_add (problems, _("Record %s “%s”: its “created_at” is missing or is not text."), key, id);
  if (row->updated_at == NULL || *row->updated_at == '\0')
    icw_problem_add (problems, _("Record %s “%s”: its “updated_at” is missing or is not text."), key, id);
  deleted = json_object_get_member (object, "deleted_at");
  if (deleted == NULL ||
      (!JSON_NODE_HOLDS_NULL (deleted) && (string_member (object, "deleted_at") == NULL ||
                                           *string_member (object, "deleted_at") == '\0')))
    icw_problem_add (problems, _("Record %s “%s”: its “deleted_at” is missing or is neither text nor null."), key, id);
  row->deleted_at = g_strdup (string_member (object, "deleted_at"));
  if (!json_object_has_member (object, "fields") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "fields")))
    return icw_problem_add (problems, _("Record %s “%s”: its “fields” is missing or is not an object."), key, id), NULL;
  row->fields = json_object_ref (json_object_get_object_member (object, "fields"));
  if (json_object_has_member (object, "blobs"))
    read_blobs (row, json_object_get_member (object, "blobs"), problems);
  map_legacy_role (row, user_orgs);
  icw_store_dossier_check_row (store, row, problems);
  return problems->len == before ? g_steal_pointer (&row) : NULL;
}

static GPtrArray *
read_records (IcwStore    *store,
              JsonObject  *root,
              GPtrArray   *problems)
{
  JsonArray *records = json_object_get_array_member (root, "records");
  JsonArray *centers = json_object_get_array_member (root, "centers");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_dossier_row_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) user_orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (records) && problems->len < MAX_PROBLEMS; i++)
    {
      IcwDossierRow *row = read_record (store, json_array_get_element (records, i), i, user_orgs, problems);

      if (row == NULL)
        continue;
      if (!g_hash_table_add (ids, row->id))
        icw_problem_add (problems, _("Record %s “%s”: the dossier holds another record with this ID."),
                         icw_record_kind_to_key (row->kind), row->id);
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      IcwDossierRow *row = rows->pdata[i];

      if (row->kind == ICW_RECORD_KIND_ORGANIZATION && g_hash_table_contains (user_orgs, row->id))
        json_object_set_boolean_member (row->fields, "user_enterprise", TRUE);
    }
  for (guint i = 0; i < json_array_get_length (centers); i++)
    {
      JsonNode *node = json_array_get_element (centers, i);
      const char *id = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                       ? json_node_get_string (node) : NULL;

      if (id == NULL || !g_hash_table_contains (ids, id))
        icw_problem_add (problems, _("The dossier's “centers” names a center that is not among its records (item %u)."), i + 1);
    }
  return g_steal_pointer (&rows);
}

/* Whether the dossier's rows or the database hold a live record of the kind under the ID. */
static gboolean
record_known (IcwStore      *store,
              GPtrArray     *rows,
              IcwRecordKind  kind,
              const char    *id)
{
  g_autoptr(IcwRecord) here = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      IcwDossierRow *row = rows->pdata[i];

      if (row->kind == kind && g_strcmp0 (row->id, id) == 0)
        return row->deleted_at == NULL;
    }
  here = icw_store_lookup (store, kind, id, NULL);
  return here != NULL;
}

/* The versions of the centers' targets (the 任务书), each checked whole (icw_target_set_from_json
 * names the center, the version and the row), its center and application among the dossier's
 * records or in the database. */
static GPtrArray *
read_target_versions (IcwStore   *store,
                      JsonObject *root,
                      GPtrArray  *rows,
                      GPtrArray  *problems)
{
  JsonArray *array = json_object_has_member (root, "target_versions")
                     ? json_object_get_array_member (root, "target_versions") : NULL;
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) icw_target_set_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array != NULL && i < json_array_get_length (array) && problems->len < MAX_PROBLEMS; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) error = NULL;
      IcwTargetSet *set;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          icw_problem_add (problems, _("The dossier's “target_versions”, item %u: a version of targets is an object."), i + 1);
          continue;
        }
      set = icw_target_set_from_json (json_node_get_object (node), NULL, &error);
      if (set == NULL)
        {
          icw_problem_add (problems, "%s.", error->message);
          continue;
        }
      g_ptr_array_add (sets, set);
      if (!g_hash_table_add (ids, set->id))
        icw_problem_add (problems, _("Targets of center %s, version %d: the dossier holds another version with the ID %s."),
                         set->center_id, set->version, set->id);
      if (!record_known (store, rows, ICW_RECORD_KIND_CENTER, set->center_id))
        icw_problem_add (problems, _("Targets of center %s, version %d: the center is neither in the dossier nor in the database."),
                         set->center_id, set->version);
      if (set->application_id != NULL && !record_known (store, rows, ICW_RECORD_KIND_APPLICATION, set->application_id))
        icw_problem_add (problems, _("Targets of center %s, version %d: the application %s it was carried from is neither in the dossier nor in the database."),
                         set->center_id, set->version, set->application_id);
    }
  return g_steal_pointer (&sets);
}

/* After the records: each version whose ID the database does not have yet, in one transaction
 * (*n_written stays the number of records written). */
static gboolean
write_target_versions (IcwStore   *store,
                       GPtrArray  *sets,
                       GError    **error)
{
  if (sets->len == 0)
    return TRUE;
  if (!icw_store_begin_batch (store, error))
    return FALSE;
  for (guint i = 0; i < sets->len; i++)
    {
      if (!icw_store_add_target_version (store, sets->pdata[i], NULL, NULL, error))
        {
          icw_store_rollback_batch (store);
          return FALSE;
        }
    }
  return icw_store_commit_batch (store, error);
}

gboolean
icw_dossier_import (IcwStore            *store,
                    const char          *data,
                    gsize                length,
                    GCancellable        *cancellable,
                    IcwDossierProgress   progress,
                    gpointer             progress_data,
                    guint               *n_written,
                    GPtrArray          **problems_out,
                    GError             **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  g_return_val_if_fail (ICW_IS_STORE (store), FALSE);

  if ((root = icw_dossier_parse (data, length, error)) == NULL || !check_header (json_node_get_object (root), error))
    return FALSE;
  rows = read_records (store, json_node_get_object (root), problems);
  versions = read_target_versions (store, json_node_get_object (root), rows, problems);
  /* The records' own members are named above; what is left is the header. */
  if (problems->len == 0 && !icw_json_check_utf8 (root))
    icw_problem_add (problems, _("The dossier's header holds text that is not valid UTF-8."));
  if (problems->len > 0)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE, "The dossier was not imported: %u problem was found.",
                                "The dossier was not imported: %u problems were found.", problems->len),
                   problems->len);
      ok = FALSE;
    }
  else
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         icw_store_dossier_write (store, rows, problems, cancellable, progress, progress_data, n_written, error) &&
         write_target_versions (store, versions, error);
  if (!ok && problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return ok;
}

gboolean
icw_dossier_check_header (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonNode) root = icw_dossier_parse (data, length, error);

  return root != NULL && check_header (json_node_get_object (root), error);
}

gboolean
icw_dossier_import_file (IcwStore            *store,
                         const char          *path,
                         GCancellable        *cancellable,
                         IcwDossierProgress   progress,
                         gpointer             progress_data,
                         guint               *n_written,
                         GPtrArray          **problems,
                         GError             **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return icw_dossier_import (store, data, length, cancellable, progress, progress_data, n_written, problems, error);
}
