/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-new-dialog.h: "New Report…": the center, the year and the kind (a yearly assessment
 * or a periodic evaluation, proposed from the center's calendar, icw-report-parts.h); the store
 * makes the report from the center's targets of that year, or refuses it with its own message
 * (an assessment in an evaluation year names the year), which the dialog shows. */
#pragma once

#include <adwaita.h>

#include "icw-report.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef void (*IcwReportCreated) (IcwReport *report,
                                  gpointer   user_data);

/* `created` is called with the new report, saved; `user_data` is a GObject kept alive meanwhile. */
void       icw_report_new_dialog_present (GtkWidget        *parent,
                                          IcwStore         *store,
                                          IcwReportCreated  created,
                                          gpointer          user_data);
/* What the dialog's Create does, for tests: the report, or NULL with the store's error. */
IcwReport *icw_report_new_dialog_create  (IcwStore         *store,
                                          IcwCenter        *center,
                                          int               year,
                                          IcwReportKind     kind,
                                          GError          **error);

G_END_DECLS
