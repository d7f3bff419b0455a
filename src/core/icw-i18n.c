/* icw-i18n.c: the locale and the gettext catalogue. ICW_LOCALEDIR points at another catalogue
 * directory, so that a build that is not installed (.ci/start-app, screenshots) speaks Chinese
 * from the build tree's po/ directory. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

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
