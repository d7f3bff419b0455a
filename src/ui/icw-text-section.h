/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-text-section.h: the editor of one narrative section of an application: a text area with a
 * live word count, saved as it is typed. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICW_TYPE_TEXT_SECTION (icw_text_section_get_type ())

G_DECLARE_FINAL_TYPE (IcwTextSection, icw_text_section, ICW, TEXT_SECTION, GtkBox)

GtkWidget  *icw_text_section_new      (const char     *title,
                                       const char     *hint);
void        icw_text_section_set_text (IcwTextSection *self,
                                       const char     *text);
char       *icw_text_section_get_text (IcwTextSection *self);
void        icw_text_section_flush    (IcwTextSection *self);
void        icw_text_section_focus    (IcwTextSection *self);
void        icw_text_section_set_editable (IcwTextSection *self,
                                          gboolean        editable);
void        icw_text_section_set_error (IcwTextSection *self,
                                        const char     *message);

G_END_DECLS
