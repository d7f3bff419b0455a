/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-export-pdf.c: `icw export ID --format pdf -o OUT`: the document of a center
 * application, an IP-sharing agreement or a funding request (icw-document*.c), in the user's
 * language, with the default two paper copies on its cover. A record of another kind has no
 * document: exit 1 with a message that says which kinds have one. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-document-pdf.h"
#include "icw-error.h"

int
icw_cli_export_pdf (const IcwCliOptions *options,
                    IcwStore            *store,
                    IcwRecord           *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocument) document = NULL;

  if (record == NULL || !icw_document_kind_supported (icw_record_kind_of (record)))
    {
      g_set_error (&error, ICW_ERROR, ICW_ERROR_INVALID,
                   _("“%s” has no document: the pdf format exports center applications, IP-sharing agreements and funding requests (see “icw list applications”, “icw list agreements” and “icw list funding”)."),
                   record != NULL ? icw_record_get_id (record) : "--all");
      return icw_cli_fail (error);
    }
  document = icw_document_new_for_record (store, record, ICW_DOCUMENT_DEFAULT_COPIES, &error);
  if (document == NULL || !icw_document_render_pdf (document, options->output, NULL, NULL, NULL, &error))
    return icw_cli_fail (error);
  return ICW_EXIT_OK;
}
