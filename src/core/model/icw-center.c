/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-center.c: a manufacturing innovation center (制造业创新中心) and its host company.
 * A plain value object: the store loads, validates and saves it. Its properties are its fields in
 * the field catalogue (icw-field-catalogue.c); the accessors below are the typed face of them. */
#include "config.h"

#include "icw-center.h"

struct _IcwCenter
{
  IcwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (IcwCenter, icw_center, ICW_TYPE_RECORD)

#define TEXT_FIELD(field, property) \
  ICW_RECORD_TEXT_FIELD (IcwCenter, icw_center, ICW_IS_CENTER, field, property)
#define NUMBER_FIELD(CType, field, property) \
  ICW_RECORD_NUMBER_FIELD (IcwCenter, icw_center, ICW_IS_CENTER, CType, field, property)

TEXT_FIELD (name, "name")
NUMBER_FIELD (IcwCenterLevel, level, "level")
TEXT_FIELD (field, "field")
TEXT_FIELD (province, "province")
TEXT_FIELD (city, "city")
NUMBER_FIELD (int, year, "year")
NUMBER_FIELD (IcwCenterStatus, status, "status")
TEXT_FIELD (lead_organization_id, "lead-organization-id")
TEXT_FIELD (host_organization_id, "host-organization-id")
TEXT_FIELD (host_legal_form, "host-legal-form")
NUMBER_FIELD (gint64, host_capital_fen, "host-capital-fen")
TEXT_FIELD (host_founded, "host-founded")
TEXT_FIELD (operating_model, "operating-model")
TEXT_FIELD (pilot_basis, "pilot-basis")
NUMBER_FIELD (int, field_platform_total, "field-platform-total")
TEXT_FIELD (rule_packs, "rule-packs")
NUMBER_FIELD (int, rd_staff, "rd-staff")
NUMBER_FIELD (gint64, paid_in_capital_fen, "paid-in-capital-fen")
NUMBER_FIELD (int, staff_total, "staff-total")
NUMBER_FIELD (int, space_m2, "space-m2")
NUMBER_FIELD (gint64, rd_expense_fen, "rd-expense-fen")
NUMBER_FIELD (gint64, cost_expense_fen, "cost-expense-fen")

static void
icw_center_class_init (IcwCenterClass *klass)
{
  icw_record_class_install_fields (ICW_RECORD_CLASS (klass), ICW_RECORD_KIND_CENTER);
}

static void
icw_center_init (IcwCenter *self)
{
}

IcwCenter *
icw_center_new (void)
{
  return g_object_new (ICW_TYPE_CENTER, NULL);
}
