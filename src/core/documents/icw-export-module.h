/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-export-module.h: the export writers (icw-export-writers.h), loaded from their module at the
 * first call. Where the module is looked for: $ICW_EXPORTS_MODULE when set (a file); the build
 * directory's when the running program is inside a build directory (the nearest folder above it
 * with a build.ninja and the module: the tests, `_build/src/ic-workbench`); else the installed
 * one, LIBDIR/ic-workbench/icw-exports.so. When it cannot be loaded, each call fails with a
 * reason naming the file and the loader's words. */
#pragma once

#include "icw-export-writers.h"

G_BEGIN_DECLS

gboolean       icw_export_module_write_zip   (const char        *path,
                                              const IcwZipPart  *parts,
                                              guint              n_parts,
                                              char             **reason);
IcwSheetResult icw_export_module_write_sheet (const char        *path,
                                              const IcwSheet    *sheet,
                                              char             **reason);

G_END_DECLS
