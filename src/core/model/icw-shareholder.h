/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-shareholder.h: a shareholder (股东) of a center's host company. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_SHAREHOLDER (icw_shareholder_get_type ())

G_DECLARE_FINAL_TYPE (IcwShareholder, icw_shareholder, ICW, SHAREHOLDER, IcwRecord)

IcwShareholder *icw_shareholder_new (void);
const char *icw_shareholder_get_center_id (IcwShareholder *self);
void icw_shareholder_set_center_id (IcwShareholder *self, const char *value);
const char *icw_shareholder_get_organization_id (IcwShareholder *self);
void icw_shareholder_set_organization_id (IcwShareholder *self, const char *value);
IcwContribution icw_shareholder_get_contribution (IcwShareholder *self);
void icw_shareholder_set_contribution (IcwShareholder *self, IcwContribution value);
gint64 icw_shareholder_get_amount_fen (IcwShareholder *self);
void icw_shareholder_set_amount_fen (IcwShareholder *self, gint64 value);
gint64 icw_shareholder_get_share_bp (IcwShareholder *self);
void icw_shareholder_set_share_bp (IcwShareholder *self, gint64 value);

G_END_DECLS
