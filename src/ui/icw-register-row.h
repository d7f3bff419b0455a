/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-row.h: a row of a register's list: the record's name, and under it a line that the
 * register describes (a center's level and place, an application's center, status and version),
 * both following the record in the "record" property as it changes. */
#pragma once

#include <adwaita.h>

#include "icw-record.h"

G_BEGIN_DECLS

#define ICW_TYPE_REGISTER_ROW (icw_register_row_get_type ())

G_DECLARE_FINAL_TYPE (IcwRegisterRow, icw_register_row, ICW, REGISTER_ROW, GtkBox)

/* The line under the name; data is the register's, which outlives its rows. */
typedef char *(*IcwRegisterRowDescribe) (IcwRecord *record,
                                         gpointer   data);

GtkWidget *icw_register_row_new        (const char             *name_property,
                                        IcwRegisterRowDescribe  describe,
                                        gpointer                data);
void       icw_register_row_set_record (IcwRegisterRow         *self,
                                        IcwRecord              *record);
IcwRecord *icw_register_row_get_record (IcwRegisterRow         *self);

G_END_DECLS
