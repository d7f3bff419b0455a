/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-lifecycle-graph.h: the life-cycle graph of the documents a center files (icw-lifecycle.h
 * draws it): which record kinds have one, which statuses lock a record, which changes of status
 * are allowed, and a record's status, version and lineage. Below the store, which enforces the
 * graph; the transitions themselves (checks, new versions) are in icw-lifecycle.h, above it. */
#pragma once

#include "icw-record.h"
#include "icw-types.h"

G_BEGIN_DECLS

/* Center applications, IP-sharing agreements and funding requests; as icw-lifecycle-kinds.c
 * lists them with their hooks. */
gboolean                icw_record_kind_has_lifecycle (IcwRecordKind  kind);
gboolean                icw_record_has_lifecycle   (IcwRecord    *record);

gboolean   icw_lifecycle_status_is_locked  (IcwApplicationStatus  status);
gboolean   icw_lifecycle_status_owner_can_reach (IcwApplicationStatus  from,
                                                IcwApplicationStatus  to);
gboolean   icw_lifecycle_status_can_change (IcwApplicationStatus  from,
                                            IcwApplicationStatus  to);

IcwApplicationStatus icw_lifecycle_get_status   (IcwRecord *record);
int                  icw_lifecycle_get_version  (IcwRecord *record);
const char          *icw_lifecycle_get_lineage  (IcwRecord *record);
gboolean             icw_lifecycle_is_editable  (IcwRecord *record);

G_END_DECLS
