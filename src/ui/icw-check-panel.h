/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-check-panel.h: the findings of a check against the rule packs, with their citations;
 * activating one asks to show the field it points at. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICW_TYPE_CHECK_PANEL (icw_check_panel_get_type ())

G_DECLARE_FINAL_TYPE (IcwCheckPanel, icw_check_panel, ICW, CHECK_PANEL, GtkBox)

GtkWidget *icw_check_panel_new          (void);
void       icw_check_panel_set_findings (IcwCheckPanel *self,
                                         GPtrArray     *findings);
guint      icw_check_panel_count        (IcwCheckPanel *self,
                                         const char    *section_key,
                                         gboolean       errors);
guint      icw_check_panel_n_errors     (IcwCheckPanel *self);

G_END_DECLS
