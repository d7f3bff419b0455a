/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-dossier.c: the center dossier on the command line: `icw export ID|--all --format json
 * -o OUT` writes it (icw-dossier.h), `icw import FILE.json` reads it (icw-dossier-import.h), all
 * records or none, each problem on stderr naming the record and the member. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-dossier-import.h"
#include "icw-error.h"

int
icw_cli_export_json (const IcwCliOptions *options,
                     IcwStore            *store,
                     IcwRecord           *record)
{
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { NULL, NULL };

  if (record != NULL && !ICW_IS_CENTER (record))
    {
      g_set_error (&error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   _("“%s” is not a center: the json format exports the dossier of a center (see “icw list centers”), or of the whole database with --all."),
                   (const char *) options->args->pdata[1]);
      return icw_cli_fail (error);
    }
  if (record != NULL)
    ids[0] = icw_record_get_id (record);
  if (!icw_dossier_export_to_file (store, record != NULL ? ids : NULL, options->output, NULL, &error))
    return icw_cli_fail (error);
  return ICW_EXIT_OK;
}

int
icw_cli_import_json (const IcwCliOptions *options,
                     const char          *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n_written = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    return icw_cli_fail (error);
  /* A file that is no dossier must not leave a new, empty database behind. */
  if (!g_file_test (options->db_path, G_FILE_TEST_EXISTS) && !icw_dossier_check_header (data, length, &error))
    return icw_cli_fail (error);
  store = icw_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  if (!icw_dossier_import (store, data, length, NULL, NULL, NULL, &n_written, &problems, &error))
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        icw_cli_err ("%s", (const char *) problems->pdata[i]);
      return icw_cli_fail (error);
    }
  if (n_written == 0)
    icw_cli_out ("%s\n", _("Nothing was imported: the database already holds every record of the dossier."));
  else
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Imported %u record.", "Imported %u records.", n_written), n_written);

      icw_cli_out ("%s\n", message);
    }
  return ICW_EXIT_OK;
}
