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

/* A number of copies as the user's language writes it in "N copies" (一式两份, not 一式2份): from 1
 * to 10 a translated word (English keeps the digits), above that the digits. Free with g_free(). */
char *icw_copies_number (guint copies);

G_END_DECLS
