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

typedef struct _IcwApplicationSummaryGroup IcwApplicationSummaryGroup;
typedef struct _IcwApplicationOutlineGroup IcwApplicationOutlineGroup;
typedef struct _IcwIndicatorGrid IcwIndicatorGrid;

/* The editor's section pages: each section's widget by its key, and the widgets a page shows
 * besides its section's own property, kept here rather than found as object data. Owned by the
 * editor; the widgets by their pages. */
typedef struct {
  GHashTable                 *widgets;   /* section key → its editing widget */
  IcwApplicationSummaryGroup *summary;   /* the 基本情况表, on the first page */
  IcwApplicationOutlineGroup *outline;   /* the call's outline, on the first page */
  IcwIndicatorGrid           *grid;      /* the 绩效目标表, under the indicators */
} IcwSectionPages;

gboolean              icw_section_page_is_filled     (IcwSection       section,
                                                      IcwApplication  *application);
GtkWidget            *icw_section_pages_build        (GtkStack        *stack,
                                                      IcwRecordForm   *form,
                                                      IcwStore        *store,
                                                      IcwSectionPages *pages,
                                                      GPtrArray       *editables);
void                  icw_section_pages_show         (IcwSectionPages *pages,
                                                      IcwApplication  *application,
                                                      const char      *property);
void                  icw_section_pages_flush        (IcwSectionPages *pages);
void                  icw_section_page_focus_field   (IcwRecordForm   *form,
                                                      GtkWidget       *widget,
                                                      const char      *subfield);
void                  icw_section_page_set_editable  (GtkWidget       *widget,
                                                      gboolean         editable);

G_END_DECLS
