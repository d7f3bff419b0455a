/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-export-pdf.c: `icw export ID --format pdf|docx -o OUT`: the document of a center
 * application, an IP-sharing agreement or a funding request (icw-document*.c), in the user's
 * language, with the default two paper copies on its cover, as PDF or as a Word file (whose
 * contents show the PDF's page numbers until Word updates them). A record of another kind has no
 * document: exit 1 with a message that says which kinds have one. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-cli.h"
#include "icw-document-docx.h"
#include "icw-document-pdf.h"
#include "icw-error.h"

int
icw_cli_export_document (const IcwCliOptions *options,
                         IcwStore            *store,
                         IcwRecord           *record,
                         gboolean             docx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwDocument) document = NULL;
  g_autoptr(IcwDocumentLayout) layout = NULL;

  if (record == NULL || !icw_document_kind_supported (icw_record_kind_of (record)))
    {
      g_set_error (&error, ICW_ERROR, ICW_ERROR_INVALID,
                   docx ? _("“%s” has no document: the docx format exports center applications, IP-sharing agreements and funding requests (see “icw list applications”, “icw list agreements” and “icw list funding”).")
                        : _("“%s” has no document: the pdf format exports center applications, IP-sharing agreements and funding requests (see “icw list applications”, “icw list agreements” and “icw list funding”)."),
                   record != NULL ? icw_record_get_id (record) : "--all");
      return icw_cli_fail (error);
    }
  document = icw_document_new_for_record (store, record, ICW_DOCUMENT_DEFAULT_COPIES, &error);
  if (document == NULL)
    return icw_cli_fail (error);
  layout = icw_document_layout_new (document, NULL, NULL, NULL, &error);
  if (layout == NULL)
    return icw_cli_fail (error);
  if (docx ? !icw_document_write_docx (document, layout, options->output, &error)
           : !icw_document_layout_write_pdf (layout, options->output, NULL, NULL, NULL, &error))
    return icw_cli_fail (error);
  return ICW_EXIT_OK;
}
