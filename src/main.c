/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of the ic-workbench GUI. */
#include "config.h"

#include "icw-workbench-app.h"
#include "icw-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IcwWorkbenchApp) app = NULL;

  icw_i18n_init ();

  app = icw_workbench_app_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
