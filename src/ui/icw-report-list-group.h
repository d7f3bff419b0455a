/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-list-group.h: the Reports place of a center, a group on its page: its reports year by
 * year (the latest version of each, with its status and grade), New Report…, and a report opened
 * in a window of its own (IcwReportWindow). */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-report-window.h"
#include "icw-targets-window.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_REPORT_LIST_GROUP (icw_report_list_group_get_type ())

G_DECLARE_FINAL_TYPE (IcwReportListGroup, icw_report_list_group, ICW, REPORT_LIST_GROUP, AdwPreferencesGroup)

GtkWidget       *icw_report_list_group_new        (IcwStore           *store,
                                                   IcwMoneyUnit        money_unit);
void             icw_report_list_group_set_center (IcwReportListGroup *self,
                                                   IcwCenter          *center);
/* The number of rows (years) shown, for tests. */
guint            icw_report_list_group_get_n_rows (IcwReportListGroup *self);
/* How many times the rows were made (for tests: a save elsewhere makes none). */
guint            icw_report_list_group_get_n_refreshes (IcwReportListGroup *self);
/* Opens a report's window as activating its row does; returns it (tests). */
IcwReportWindow *icw_report_list_group_open       (IcwReportListGroup *self,
                                                   IcwReport          *report);
/* Opens the center's targets in their window as Targets… does; returns it (tests). */
IcwTargetsWindow *icw_report_list_group_open_targets (IcwReportListGroup *self);

G_END_DECLS
