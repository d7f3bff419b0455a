/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-targets-window.h: a center's targets (任务书) in a window of their own, opened from the
 * center's Reports group: the version shown (indicator × year: unit, baseline, target; by default
 * the current version), the list of versions (who, when, why, the application carried from), Edit
 * (the current targets as entries and a required reason, saved as a new version; the earlier
 * versions stay), and Carry from Accepted Application… when an accepted application's 绩效目标表
 * has not been carried yet (icw-store-reports.h). */
#pragma once

#include <adwaita.h>

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_TARGETS_WINDOW (icw_targets_window_get_type ())

G_DECLARE_FINAL_TYPE (IcwTargetsWindow, icw_targets_window, ICW, TARGETS_WINDOW, AdwWindow)

/* A window over `parent`'s window for the center's targets (not yet shown). */
IcwTargetsWindow *icw_targets_window_new (GtkWidget *parent,
                                          IcwStore  *store,
                                          IcwCenter *center);

/* For tests: the version shown (0: none), the indicators of its table and its years, the text of
 * a cell (the target of an indicator in a year) as shown, entering and leaving Edit, typing a
 * cell or the reason, saving (FALSE: refused, the message shown and everything typed kept), the
 * message shown, whether Carry… is offered, and carrying an application's targets. */
int          icw_targets_window_get_version     (IcwTargetsWindow *self);
guint        icw_targets_window_get_n_indicators (IcwTargetsWindow *self);
guint        icw_targets_window_get_n_versions  (IcwTargetsWindow *self);
const char  *icw_targets_window_get_cell        (IcwTargetsWindow *self,
                                                 const char       *indicator_key,
                                                 int               year);
void         icw_targets_window_show_version    (IcwTargetsWindow *self,
                                                 int               version);
void         icw_targets_window_edit            (IcwTargetsWindow *self);
gboolean     icw_targets_window_set_cell        (IcwTargetsWindow *self,
                                                 const char       *indicator_key,
                                                 int               year,
                                                 const char       *text);
void         icw_targets_window_set_reason      (IcwTargetsWindow *self,
                                                 const char       *reason);
gboolean     icw_targets_window_save            (IcwTargetsWindow *self);
const char  *icw_targets_window_get_message     (IcwTargetsWindow *self);
gboolean     icw_targets_window_can_carry       (IcwTargetsWindow *self);
gboolean     icw_targets_window_carry           (IcwTargetsWindow *self,
                                                 const char       *application_id);

G_END_DECLS
