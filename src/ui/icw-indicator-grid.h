/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-grid.h: the 绩效目标表 in the application editor: a grid of the indicators (rows)
 * by year (columns), each cell the indicator's target for that year as a number, with its
 * baseline; the indicators themselves are named above it (IcwJsonListEditor). It emits
 * "committed" with the whole part's JSON text, as the list editor does. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ICW_TYPE_INDICATOR_GRID (icw_indicator_grid_get_type ())

G_DECLARE_FINAL_TYPE (IcwIndicatorGrid, icw_indicator_grid, ICW, INDICATOR_GRID, GtkBox)

GtkWidget *icw_indicator_grid_new      (void);
void       icw_indicator_grid_set_json (IcwIndicatorGrid *self,
                                        const char       *json);
/* Parses a number as typed ("120", "3.5", "-2", full-width digits); FALSE when it is none. */
gboolean   icw_indicator_parse_number  (const char       *text,
                                        double           *value);

G_END_DECLS
