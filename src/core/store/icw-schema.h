/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-schema.h: the database schema as a list of migrations, one per user_version. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 'ICWB': stamped in the header so that other programs' databases are refused. */
#define ICW_SCHEMA_APPLICATION_ID 0x49435742

int         icw_schema_latest_version (void);
const char *icw_schema_migration      (int to_version);

G_END_DECLS
