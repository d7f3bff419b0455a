/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-attachments-page.h: the application editor's supporting documents (证明材料):
 * the files attached, each with a way to remove it, and a way to add one of a chosen kind and,
 * where the call's outline lists attachment items, the item it fulfils. */
#pragma once

#include <adwaita.h>

#include "icw-application.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_APPLICATION_ATTACHMENTS_PAGE (icw_application_attachments_page_get_type ())

G_DECLARE_FINAL_TYPE (IcwApplicationAttachmentsPage, icw_application_attachments_page, ICW, APPLICATION_ATTACHMENTS_PAGE, AdwPreferencesPage)

GtkWidget *icw_application_attachments_page_new         (IcwStore                      *store);
void       icw_application_attachments_page_show        (IcwApplicationAttachmentsPage *self,
                                                         IcwApplication                *application);
/* Adds the file as the chooser does: of the kind chosen, fulfilling the call's item chosen (none
 * when "None" is chosen or the outline has no items); FALSE with the store's reason. */
gboolean   icw_application_attachments_page_add_file    (IcwApplicationAttachmentsPage  *self,
                                                         GFile                          *file,
                                                         GError                        **error);
/* The group of the controls that add a file, which is locked with the application. */
GtkWidget *icw_application_attachments_page_get_adding  (IcwApplicationAttachmentsPage *self);

G_END_DECLS
