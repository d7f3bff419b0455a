/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-editor-parts.h: what the document editors (application, agreement, funding request) build
 * the same way around their pages: the rows of their page list with a check badge and a page
 * that scrolls with its content centred. */
#pragma once

#include <adwaita.h>

#include "icw-check-panel.h"

G_BEGIN_DECLS

/* A row of an editor's page list: the title and, after it, a badge (badge_out). With `wrap` a
 * long title wraps onto more lines at the list's width, never cut ("Construction app…"), and
 * does not widen the list; without it the list is as wide as the title. */
GtkWidget   *icw_editor_page_row_new      (const char     *title,
                                           gboolean        wrap,
                                           GtkWidget     **badge_out);
/* Shows on a badge the errors and warnings of the last check: their number, red when there is
 * an error, else yellow; else ✓ when `complete`; else nothing, named `nothing` for screen readers. */
void         icw_editor_badge_show        (GtkLabel       *badge,
                                           guint           errors,
                                           guint           warnings,
                                           gboolean        complete,
                                           const char     *nothing);
/* `child` with margins, at most `width` wide and centred, in a window that scrolls vertically. */
GtkWidget   *icw_editor_scrolled_page_new (GtkWidget      *child,
                                           int             width,
                                           int             margin_y,
                                           int             margin_x);

G_END_DECLS
