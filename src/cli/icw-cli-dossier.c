/* icw-cli-dossier.c: the center dossier on the command line: `icw export ID|--all --format json`
 * writes it (icw-dossier.h), `icw import FILE.json` reads it (icw-dossier-import.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"

int
icw_cli_export_json (const IcwCliOptions *options,
                     IcwStore            *store,
                     IcwRecord           *record)
{
  icw_cli_err ("%s", _("The json format is not available in this version of icw yet."));
  return ICW_EXIT_FAILURE;
}
