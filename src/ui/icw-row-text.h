/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-row-text.h: one line of text in a list's row, ellipsized at its end, whose size does not
 * depend on its text: its height is the font's line height and it takes the width the row is
 * given, so a list can measure its rows without shaping their text, and a row given another
 * record only redraws. The text is shaped once, when drawn (issue 20: GtkLabel shaped every
 * row's names several times to measure a search's rows). Screen readers read it as a label. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICW_TYPE_ROW_TEXT (icw_row_text_get_type ())

G_DECLARE_FINAL_TYPE (IcwRowText, icw_row_text, ICW, ROW_TEXT, GtkWidget)

GtkWidget  *icw_row_text_new      (void);
void        icw_row_text_set_text (IcwRowText *self,
                                   const char *text);
const char *icw_row_text_get_text (IcwRowText *self);

/* How many times row texts shaped their text (for a new text, width or font) since the process
 * started: tests count it. */
guint       icw_row_text_get_layouts (void);

G_END_DECLS
