/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-i18n.c: the locale and the gettext catalogue. ICW_LOCALEDIR points at another catalogue
 * directory, so that a build that is not installed (.ci/start-app, screenshots) speaks Chinese
 * from the build tree's po/ directory. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "icw-i18n.h"

void
icw_i18n_init (void)
{
  const char *localedir = g_getenv ("ICW_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
icw_rules_language (void)
{
  const char * const *names = g_get_language_names ();
  const char *messages = setlocale (LC_MESSAGES, NULL);

  /* Where gettext speaks English whatever $LANGUAGE says, the rules do too. */
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    return "en";
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh"))
        return "zh_CN";
      if (g_str_has_prefix (names[i], "en") || strcmp (names[i], "C") == 0 ||
          g_str_has_prefix (names[i], "C.") || strcmp (names[i], "POSIX") == 0)
        return "en";
    }
  return "en";
}

char *
icw_copies_number (guint copies)
{
  /* TRANSLATORS: numbers of paper copies, as counted in "N copies" (一式两份): the word for each */
  static const char * const words[] = {
    NC_("number of copies", "1"), NC_("number of copies", "2"), NC_("number of copies", "3"),
    NC_("number of copies", "4"), NC_("number of copies", "5"), NC_("number of copies", "6"),
    NC_("number of copies", "7"), NC_("number of copies", "8"), NC_("number of copies", "9"),
    NC_("number of copies", "10"),
  };

  if (copies >= 1 && copies <= G_N_ELEMENTS (words))
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "number of copies", words[copies - 1]));
  return g_strdup_printf ("%u", copies);
}
