/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center.h: a manufacturing innovation center (制造业创新中心) and its host company. */
#pragma once

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_CENTER (icw_center_get_type ())

G_DECLARE_FINAL_TYPE (IcwCenter, icw_center, ICW, CENTER, IcwRecord)

IcwCenter *icw_center_new (void);
const char *icw_center_get_name (IcwCenter *self);
void icw_center_set_name (IcwCenter *self, const char *value);
IcwCenterLevel icw_center_get_level (IcwCenter *self);
void icw_center_set_level (IcwCenter *self, IcwCenterLevel value);
const char *icw_center_get_field (IcwCenter *self);
void icw_center_set_field (IcwCenter *self, const char *value);
const char *icw_center_get_province (IcwCenter *self);
void icw_center_set_province (IcwCenter *self, const char *value);
const char *icw_center_get_city (IcwCenter *self);
void icw_center_set_city (IcwCenter *self, const char *value);
int icw_center_get_year (IcwCenter *self);
void icw_center_set_year (IcwCenter *self, int value);
IcwCenterStatus icw_center_get_status (IcwCenter *self);
void icw_center_set_status (IcwCenter *self, IcwCenterStatus value);
const char *icw_center_get_lead_organization_id (IcwCenter *self);
void icw_center_set_lead_organization_id (IcwCenter *self, const char *value);
const char *icw_center_get_host_organization_id (IcwCenter *self);
void icw_center_set_host_organization_id (IcwCenter *self, const char *value);
const char *icw_center_get_host_legal_form (IcwCenter *self);
void icw_center_set_host_legal_form (IcwCenter *self, const char *value);
gint64 icw_center_get_host_capital_fen (IcwCenter *self);
void icw_center_set_host_capital_fen (IcwCenter *self, gint64 value);
const char *icw_center_get_host_founded (IcwCenter *self);
void icw_center_set_host_founded (IcwCenter *self, const char *value);
const char *icw_center_get_operating_model (IcwCenter *self);
void icw_center_set_operating_model (IcwCenter *self, const char *value);
const char *icw_center_get_pilot_basis (IcwCenter *self);
void icw_center_set_pilot_basis (IcwCenter *self, const char *value);
int icw_center_get_field_platform_total (IcwCenter *self);
void icw_center_set_field_platform_total (IcwCenter *self, int value);
/* The rule packs its applications are checked against: pack IDs separated by commas, or empty
 * for the packs that apply by default (icw-application-check.h). */
const char *icw_center_get_rule_packs (IcwCenter *self);
void icw_center_set_rule_packs (IcwCenter *self, const char *value);
int icw_center_get_rd_staff (IcwCenter *self);
void icw_center_set_rd_staff (IcwCenter *self, int value);
gint64 icw_center_get_paid_in_capital_fen (IcwCenter *self);
void icw_center_set_paid_in_capital_fen (IcwCenter *self, gint64 value);
int icw_center_get_staff_total (IcwCenter *self);
void icw_center_set_staff_total (IcwCenter *self, int value);
int icw_center_get_space_m2 (IcwCenter *self);
void icw_center_set_space_m2 (IcwCenter *self, int value);
gint64 icw_center_get_rd_expense_fen (IcwCenter *self);
void icw_center_set_rd_expense_fen (IcwCenter *self, gint64 value);
gint64 icw_center_get_cost_expense_fen (IcwCenter *self);
void icw_center_set_cost_expense_fen (IcwCenter *self, gint64 value);

G_END_DECLS
