/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center-summaries.h: the figures shown under a center's tables (share total, member counts,
 * platform coverage) and their warnings, as pure functions of the lists, tested without widgets. */
#pragma once

#include <gio/gio.h>

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

char *icw_shareholders_summary (GListModel  *shareholders,
                                IcwStore    *store,
                                char       **warning);
char *icw_members_summary      (GListModel  *members,
                                IcwStore    *store,
                                char       **warning);
char *icw_platform_coverage    (guint        platforms,
                                int          field_total,
                                char       **warning);

G_END_DECLS
