/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-sample.c: `icw sample`: loads the sample center (icw-sample.c) and prints its ID, alone
 * on its line, so that scripts can go on with `icw show "$(icw sample)"`. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-sample.h"

int
icw_cli_sample (const IcwCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwStore) store = NULL;
  g_autoptr(IcwCenter) center = NULL;

  if (options->args->len > 1)
    return icw_cli_usage_error (_("“icw sample” takes no arguments, but “%s” follows it."),
                                (const char *) options->args->pdata[1]);

  store = icw_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return icw_cli_fail (error);
  center = icw_sample_load (store, &error);
  if (center == NULL)
    return icw_cli_fail (error);

  icw_cli_out ("%s\n", icw_record_get_id (ICW_RECORD (center)));
  return ICW_EXIT_OK;
}
