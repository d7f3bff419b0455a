/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-platform.h: a national innovation platform (国家重点实验室, 国家工程研究中心, …) that an organization holds. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_PLATFORM (icw_platform_get_type ())

G_DECLARE_FINAL_TYPE (IcwPlatform, icw_platform, ICW, PLATFORM, IcwRecord)

IcwPlatform *icw_platform_new (void);
const char *icw_platform_get_organization_id (IcwPlatform *self);
void icw_platform_set_organization_id (IcwPlatform *self, const char *value);
IcwPlatformKind icw_platform_get_kind (IcwPlatform *self);
void icw_platform_set_kind (IcwPlatform *self, IcwPlatformKind value);
const char *icw_platform_get_name (IcwPlatform *self);
void icw_platform_set_name (IcwPlatform *self, const char *value);
int icw_platform_get_approved_year (IcwPlatform *self);
void icw_platform_set_approved_year (IcwPlatform *self, int value);
const char *icw_platform_get_field (IcwPlatform *self);
void icw_platform_set_field (IcwPlatform *self, const char *value);

G_END_DECLS
