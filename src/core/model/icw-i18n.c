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
