/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-targets-private.h: what the store's two targets files share (icw-store-targets.c,
 * icw-store-targets-sync.c). */
#pragma once

#include <sqlite3.h>

#include "icw-application.h"
#include "icw-store-reports.h"

G_BEGIN_DECLS

#define ICW_TARGET_VERSION_COLUMNS "SELECT center_id, version, application_id, first_year, last_year, changed_by, " \
                                   "changed_at, reason, id FROM target_versions "

/* A row of ICW_TARGET_VERSION_COLUMNS, without its targets. */
IcwTargetSet *icw_store_read_target_version   (sqlite3_stmt    *stmt);
int           icw_store_latest_target_version (IcwStore        *self,
                                               const char      *center_id);
/* The application's 绩效目标表 as targets (of IcwTarget), or NULL with the error. */
GPtrArray    *icw_store_targets_of_application (IcwApplication  *application,
                                                GError         **error);
/* Writes a version: checked rows, the next number; a new ID unless `id` is given, now unless
 * `changed_at` is; the number given when it is free (0: the next). Returns the number, 0 with the error. */
int           icw_store_write_target_version  (IcwStore        *self,
                                               const char      *center_id,
                                               GPtrArray       *targets,
                                               const char      *application_id,
                                               const char      *who,
                                               const char      *reason,
                                               const char      *id,
                                               const char      *changed_at,
                                               int              number,
                                               GError         **error);

G_END_DECLS
