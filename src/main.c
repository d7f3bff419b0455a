/* main.c: the entry point of the ic-workbench GUI. */
#include "config.h"

#include "icw-application.h"
#include "icw-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IcwApplication) app = NULL;

  icw_i18n_init ();

  app = icw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
