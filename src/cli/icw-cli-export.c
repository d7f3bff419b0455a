/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-export.c: `icw export ID|--all --format json|csv|xlsx|pdf|docx -o OUT`, the one
 * dispatcher of the export formats (docs/cli.md): json is the center dossier (one center, or --all
 * for every center), csv and xlsx the budget table of a funding request, pdf and docx a document
 * rendered by icw-cli-export-pdf.c. The command line is judged whole before the database is opened. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-budget-export.h"
#include "icw-cli.h"
#include "icw-error.h"

typedef enum {
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_XLSX,
  FORMAT_PDF,
  FORMAT_DOCX,
} Format;

static const char * const format_names[] = { "json", "csv", "xlsx", "pdf", "docx" };

/* The usage errors; returns -1 when the line is good, with *format set. */
static int
judge_line (const IcwCliOptions *options,
            Format              *format)
{
  gboolean found = FALSE;

  for (guint i = 0; options->format != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (options->format, format_names[i]))
      *format = (Format) i, found = TRUE;
  if (options->all && options->args->len > 1)
    return icw_cli_usage_error (_("“icw export --all” exports every center and takes no ID, but “%s” is given."),
                                (const char *) options->args->pdata[1]);
  if (!options->all && options->args->len < 2)
    return icw_cli_usage_error ("%s", _("Say what to export: “icw export ID --format json|csv|xlsx|pdf|docx -o FILE”, or “icw export --all --format json -o FILE”."));
  if (options->args->len > 2)
    return icw_cli_usage_error (_("“icw export” takes one ID, but “%s” follows it."),
                                (const char *) options->args->pdata[2]);
  if (!found)
    return icw_cli_usage_error ("%s", _("Say the format: “--format json” (a center's dossier), “--format csv” or “--format xlsx” (a funding request's budget table), or “--format pdf” or “--format docx” (a document as PDF or Word file)."));
  if (options->all && *format != FORMAT_JSON)
    return icw_cli_usage_error ("%s", _("“icw export --all” writes the dossier of every center: it takes “--format json” only."));
  if (options->output == NULL)
    return icw_cli_usage_error ("%s", _("Say where to write: “-o FILE”."));
  return -1;
}

static int
export_budget (const IcwCliOptions *options,
               IcwStore            *store,
               IcwRecord           *record,
               Format               format)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!ICW_IS_FUNDING_REQUEST (record))
    {
      g_set_error (&error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   _("“%s” is not a funding request: the csv and xlsx formats export the budget table of a funding request (see “icw list funding”)."),
                   (const char *) options->args->pdata[1]);
      return icw_cli_fail (error);
    }
  if (format == FORMAT_CSV)
    ok = icw_budget_export_csv (store, ICW_FUNDING_REQUEST (record), options->output, &error);
  else
    ok = icw_budget_export_xlsx (store, ICW_FUNDING_REQUEST (record), options->output, &error);
  return ok ? ICW_EXIT_OK : icw_cli_fail (error);
}

int
icw_cli_export (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwRecord) record = NULL;
  Format format = FORMAT_JSON;
  int usage = judge_line (options, &format);

  if (usage >= 0)
    return usage;
  store = icw_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  if (!options->all)
    {
      record = icw_cli_find_record (store, options->args->pdata[1], &error);
      if (record == NULL)
        return icw_cli_fail (error);
    }
  switch (format)
    {
    case FORMAT_JSON:
      return icw_cli_export_json (options, store, record);
    case FORMAT_CSV:
    case FORMAT_XLSX:
      return export_budget (options, store, record, format);
    case FORMAT_PDF:
      return icw_cli_export_document (options, store, record, FALSE);
    case FORMAT_DOCX:
      return icw_cli_export_document (options, store, record, TRUE);
    default:
      g_assert_not_reached ();
    }
}
