/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-export-module.c: the export module found and loaded once, at the first export
 * (icw-export-module.h). ICW_EXPORTS_BUILD_MODULE (the module's place inside a build directory)
 * and ICW_EXPORTS_INSTALLED_MODULE come from meson (src/core/documents/meson.build); the program
 * holds no build directory's path. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <string.h>

#include "icw-export-module.h"

typedef struct
{
  IcwWriteZipFunc    write_zip;
  IcwWriteSheetFunc  write_sheet;
  char              *failure;     /* why the module is not there, or NULL */
} ExportModule;

/* The module of the build directory the running program is in: the nearest folder above the
 * program that is a meson build directory (its build.ninja) and holds the module at its place in
 * the build. The programs and tests run from _build/src, _build/src/cli, _build/tests…; an
 * installed program has no such folder above it. NULL when there is none. */
static char *
build_tree_module (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : NULL;

  while (dir != NULL && g_path_is_absolute (dir))
    {
      g_autofree char *ninja = g_build_filename (dir, "build.ninja", NULL);
      g_autofree char *module = g_build_filename (dir, ICW_EXPORTS_BUILD_MODULE, NULL);
      char *parent;

      if (g_file_test (ninja, G_FILE_TEST_IS_REGULAR) && g_file_test (module, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&module);
      parent = g_path_get_dirname (dir);
      if (strcmp (parent, dir) == 0)
        {
          g_free (parent);
          break;
        }
      g_free (dir);
      dir = parent;
    }
  return NULL;
}

static char *
module_path (void)
{
  const char *chosen = g_getenv ("ICW_EXPORTS_MODULE");
  char *built;

  if (chosen != NULL && *chosen != '\0')
    return g_strdup (chosen);
  built = build_tree_module ();
  return built != NULL ? built : g_strdup (ICW_EXPORTS_INSTALLED_MODULE);
}

static gpointer
load (gpointer data)
{
  ExportModule *loaded = g_new0 (ExportModule, 1);
  g_autofree char *path = module_path ();
  /* Resident: the writers stay for the process's life; LOCAL: its libraries do not join the
   * program's symbol scope. */
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);

  if (module != NULL
      && g_module_symbol (module, ICW_WRITE_ZIP_SYMBOL, (gpointer *) &loaded->write_zip)
      && g_module_symbol (module, ICW_WRITE_SHEET_SYMBOL, (gpointer *) &loaded->write_sheet))
    {
      g_module_make_resident (module);
      return loaded;
    }
  /* TRANSLATORS: %s are the file of the export module (the code that writes Word and Excel files)
   * and the system's reason it could not be loaded */
  loaded->failure = g_strdup_printf (_("the export module %s could not be loaded (%s)"), path, g_module_error ());
  if (module != NULL)
    g_module_close (module);
  loaded->write_zip = NULL;
  loaded->write_sheet = NULL;
  return loaded;
}

static ExportModule *
export_module (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load, NULL);
}

gboolean
icw_export_module_write_zip (const char        *path,
                             const IcwZipPart  *parts,
                             guint              n_parts,
                             char             **reason)
{
  ExportModule *module = export_module ();

  if (module->failure != NULL)
    {
      *reason = g_strdup (module->failure);
      return FALSE;
    }
  return module->write_zip (path, parts, n_parts, reason);
}

IcwSheetResult
icw_export_module_write_sheet (const char      *path,
                               const IcwSheet  *sheet,
                               char           **reason)
{
  ExportModule *module = export_module ();

  if (module->failure != NULL)
    {
      *reason = g_strdup (module->failure);
      return ICW_SHEET_FAILED;
    }
  return module->write_sheet (path, sheet, reason);
}
