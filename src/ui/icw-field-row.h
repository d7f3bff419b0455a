/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-row.h: a form row: the field's name, an entry, and the field's validation message
 * beside it. It reports what the user typed once they pause, press Enter or leave the field. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICW_TYPE_FIELD_ROW (icw_field_row_get_type ())

G_DECLARE_FINAL_TYPE (IcwFieldRow, icw_field_row, ICW, FIELD_ROW, AdwActionRow)

GtkWidget  *icw_field_row_new        (const char  *title,
                                      const char  *placeholder);
const char *icw_field_row_get_text   (IcwFieldRow *self);
void        icw_field_row_set_text   (IcwFieldRow *self,
                                      const char  *text);
void        icw_field_row_set_error  (IcwFieldRow *self,
                                      const char  *message);
void        icw_field_row_set_hint   (IcwFieldRow *self,
                                      const char  *hint);
void        icw_field_row_flush      (IcwFieldRow *self);
void        icw_field_row_reset      (IcwFieldRow *self);
GtkEditable *icw_field_row_get_editable (IcwFieldRow *self);

G_END_DECLS
