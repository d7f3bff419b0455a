/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-choice-factory.h: how a drop-down row of a form (AdwComboRow of GtkStringObject, or of
 * objects named by the row's expression) shows its values: the chosen one beside the title,
 * whole, on two lines when long. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Sets ROW's factory: its chosen value beside its title wraps instead of being cut or moved under
 * the title (which left the drop-down beside it empty); in the list it opens, the chosen value
 * has its check mark, as libadwaita's own factory gives it. */
void icw_choice_factory_apply (AdwComboRow *row);

G_END_DECLS
