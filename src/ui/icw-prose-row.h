/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-prose-row.h: a form row for a field that holds prose (exit rules, the construction of the
 * year): its name above a text area that wraps and grows with the text, so that the whole text is
 * seen, and the field's validation message under it. Like IcwFieldRow it reports what the user
 * typed once they pause or leave the field. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICW_TYPE_PROSE_ROW (icw_prose_row_get_type ())

G_DECLARE_FINAL_TYPE (IcwProseRow, icw_prose_row, ICW, PROSE_ROW, AdwPreferencesRow)

GtkWidget   *icw_prose_row_new       (const char  *title);
/* The text (newly allocated). */
char        *icw_prose_row_get_text  (IcwProseRow *self);
/* Shows a value from the record, unless the user is typing in this field. */
void         icw_prose_row_set_text  (IcwProseRow *self,
                                      const char  *text);
/* Empties the row for another record: what it held is neither saved nor kept pending. */
void         icw_prose_row_reset     (IcwProseRow *self);
void         icw_prose_row_set_error (IcwProseRow *self,
                                      const char  *message);
/* Emits "committed" now if the text changed since the last time. */
void         icw_prose_row_flush     (IcwProseRow *self);
GtkTextView *icw_prose_row_get_view  (IcwProseRow *self);

G_END_DECLS
