/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-i18n.h: sets up the locale and the message catalogue for both executables. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void icw_i18n_init (void);

/* The language of rule messages and pack titles: "zh_CN" when the user's languages
 * (g_get_language_names()) put Chinese before English, else "en"; and "en" under the plain C or
 * POSIX message locale, where gettext ignores $LANGUAGE and the rest of the program is English. */
const char *icw_rules_language (void);

G_END_DECLS
