/* icw-document-bar.h: the status line of a document with a life cycle (icw-lifecycle.h): its status
 * and version, the actions the life cycle allows (check, mark as ready, submit, record a return or
 * an acceptance, reopen as a new version) and the banner of a locked or returned document. Any
 * record kind with a life cycle can use it; the funding request editor does. */
#pragma once

#include <adwaita.h>

#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_DOCUMENT_BAR (icw_document_bar_get_type ())

G_DECLARE_FINAL_TYPE (IcwDocumentBar, icw_document_bar, ICW, DOCUMENT_BAR, GtkBox)

/* check_label: the mnemonic label of the check button, e.g. "_Check Request". */
GtkWidget *icw_document_bar_new        (IcwStore       *store,
                                        const char     *check_label);
void       icw_document_bar_set_record (IcwDocumentBar *self,
                                        IcwRecord      *record);
/* Shows the status, version, buttons and banner of the record as it is now. */
void       icw_document_bar_update     (IcwDocumentBar *self);

G_END_DECLS
