/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-overflow-box.h: a row of buttons that puts those that do not fit into a menu. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICW_TYPE_OVERFLOW_BOX (icw_overflow_box_get_type ())

G_DECLARE_FINAL_TYPE (IcwOverflowBox, icw_overflow_box, ICW, OVERFLOW_BOX, GtkWidget)

GtkWidget *icw_overflow_box_new          (void);
/* @button: a GtkButton with a label, or a GtkMenuButton with a menu model. */
void       icw_overflow_box_append       (IcwOverflowBox *self,
                                          GtkWidget      *button);
void       icw_overflow_box_insert_after (IcwOverflowBox *self,
                                          GtkWidget      *button,
                                          GtkWidget      *sibling);
/* The buttons shown in the menu now (for the tests). */
guint      icw_overflow_box_n_overflowed (IcwOverflowBox *self);

G_END_DECLS
