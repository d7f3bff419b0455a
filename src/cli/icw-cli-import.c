/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-import.c: `icw import FILE [--kind centers|organizations]`: a CSV file of centers or
 * organizations, all rows or none. The importer's message names the bad row and column; warnings
 * (unknown columns) go to stderr and do not stop the import. A .json file is a center dossier,
 * imported by icw-cli-dossier.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-csv-import.h"

static gboolean
parse_kind (const char *text,
            IcwCsvKind *kind)
{
  if (text == NULL)
    *kind = ICW_CSV_KIND_AUTO;
  else if (g_str_equal (text, "centers"))
    *kind = ICW_CSV_KIND_CENTERS;
  else if (g_str_equal (text, "organizations"))
    *kind = ICW_CSV_KIND_ORGANIZATIONS;
  else
    return FALSE;
  return TRUE;
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

static void
print_result (const IcwCsvImportResult *result)
{
  guint total = result->created + result->updated;

  for (guint i = 0; result->warnings != NULL && i < result->warnings->len; i++)
    icw_cli_err (_("Warning: %s"), (const char *) result->warnings->pdata[i]);

  if (result->kind == ICW_CSV_KIND_ORGANIZATIONS)
    icw_cli_out (ngettext ("%u organization imported (%u new, %u updated).",
                           "%u organizations imported (%u new, %u updated).", total),
                 total, result->created, result->updated);
  else
    icw_cli_out (ngettext ("%u center imported (%u new, %u updated).",
                           "%u centers imported (%u new, %u updated).", total),
                 total, result->created, result->updated);
  icw_cli_out ("\n");
}

static int
import_csv (const IcwCliOptions *options,
            const char          *path,
            IcwCsvKind           kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  IcwCsvImportResult result = { 0, };
  int status = ICW_EXIT_OK;

  /* Read before the database is touched, so a missing file leaves no empty database behind. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      icw_cli_err (_("There is no file “%s” to import."), path);
      return ICW_EXIT_FAILURE;
    }
  store = icw_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return icw_cli_fail (error);

  if (icw_csv_import_file (store, path, kind, &result, &error))
    print_result (&result);
  else
    {
      icw_cli_err ("%s", error->message);
      icw_cli_err (_("Nothing was imported from “%s”; the database was not changed."), path);
      status = ICW_EXIT_FAILURE;
    }
  icw_csv_import_result_clear (&result);
  return status;
}

int
icw_cli_import (const IcwCliOptions *options)
{
  const char *path;
  IcwCsvKind kind;

  if (options->args->len < 2)
    return icw_cli_usage_error ("%s", _("Say which file to import: “icw import FILE”."));
  if (options->args->len > 2)
    return icw_cli_usage_error (_("“icw import” takes one file, but “%s” follows it."),
                                (const char *) options->args->pdata[2]);
  if (!parse_kind (options->kind, &kind))
    return icw_cli_usage_error (_("“%s” is not a kind of CSV file: use --kind centers or --kind organizations."),
                                options->kind);

  path = options->args->pdata[1];
  if (has_suffix (path, ".json"))
    {
      if (options->kind != NULL)
        return icw_cli_usage_error ("%s", _("A .json dossier says itself what it holds: “--kind” is for CSV files."));
      return icw_cli_import_json (options, path);
    }
  if (!has_suffix (path, ".csv"))
    {
      icw_cli_err (_("“%s” is neither a dossier nor a CSV file: icw imports files whose names end in .json or .csv."), path);
      return ICW_EXIT_FAILURE;
    }
  return import_csv (options, path, kind);
}
