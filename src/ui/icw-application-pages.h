/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-pages.h: the pages of the application editor, one per section, and the compare
 * dialog (icw-compare-dialog.h). */
#pragma once

#include <adwaita.h>

#include "icw-application.h"
#include "icw-application-sections.h"
#include "icw-application-check.h"
#include "icw-compare-dialog.h"
#include "icw-application-lifecycle.h"
#include "icw-finding.h"
#include "icw-json-list-editor.h"
#include "icw-record-form.h"
#include "icw-rule-pack.h"

G_BEGIN_DECLS

gboolean              icw_section_page_is_filled     (IcwSection       section,
                                                      IcwApplication  *application);
GtkWidget            *icw_section_pages_build        (GtkStack        *pages,
                                                      IcwRecordForm   *form,
                                                      IcwStore        *store,
                                                      GHashTable      *section_widgets,
                                                      GPtrArray       *editables);
void                  icw_section_pages_show         (GHashTable      *section_widgets,
                                                      IcwApplication  *application,
                                                      const char      *property);
void                  icw_section_pages_flush        (GHashTable      *section_widgets);
void                  icw_section_page_focus_field   (IcwRecordForm   *form,
                                                      GtkWidget       *widget,
                                                      const char      *subfield);
void                  icw_section_page_set_editable  (GtkWidget       *widget,
                                                      gboolean         editable);

G_END_DECLS
