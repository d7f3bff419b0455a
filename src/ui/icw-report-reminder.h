/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-reminder.h: the filing deadline of a recognized center's yearly package (its
 * province's filing window, icw-score-filing.h), as the center's Reports group says it, and a
 * desktop notification when it is near: within ICW_REPORT_REMIND_DAYS days, at most once a day
 * (the day is kept in the "filing-reminded-on" setting), one notification per center. */
#pragma once

#include <gio/gio.h>

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* Program practice: a month ahead, as the provinces' notices come about a month before. */
#define ICW_REPORT_REMIND_DAYS 30

/* "Next filing deadline: 8 February 2027, to …, 63 days left." with its basis on a second line,
 * or why none is known; NULL for a center that is not recognized. */
char  *icw_report_deadline_text      (IcwCenter    *center,
                                      const GDate  *today);
/* Sends the notifications due on `today` (NULL: now) unless they were sent today already;
 * returns how many it sent. */
guint  icw_report_remind_deadlines   (IcwStore     *store,
                                      GApplication *application,
                                      GSettings    *settings,
                                      const GDate  *today);

G_END_DECLS
