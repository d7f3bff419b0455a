/* icw-i18n.h: sets up the locale and the message catalogue for both executables. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void icw_i18n_init (void);

G_END_DECLS
