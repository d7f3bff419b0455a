/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-dossier-schema.c: `icw dossier-schema` prints the JSON Schema of the dossiers this
 * version writes and reads (icw-dossier-schema.h), made from the field catalogue. It reads no
 * database of the user's: the kinds' BLOB columns come from a new database in a temporary
 * directory, removed afterwards. The build runs it to write dossier.schema.json. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "icw-cli.h"
#include "icw-dossier-schema.h"

static void
remove_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

static JsonNode *
build_schema (GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("icw-schema-XXXXXX", error);
  g_autofree char *path = NULL;
  IcwStore *store;
  JsonNode *schema;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "schema.db", NULL);
  store = icw_store_open (path, error);
  schema = store != NULL ? icw_dossier_schema_build (store) : NULL;
  g_clear_object (&store);
  remove_directory (dir);
  return schema;
}

int
icw_cli_dossier_schema (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) schema = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  if (options->args->len > 1)
    return icw_cli_usage_error (_("“icw dossier-schema” takes no arguments, but “%s” follows it."),
                                (const char *) options->args->pdata[1]);
  if ((schema = build_schema (&error)) == NULL)
    return icw_cli_fail (error);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, schema);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputs ("\n", stdout);
  return ICW_EXIT_OK;
}
