/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-error.c: the error domain of the core library, and the lists of problems it reports. */
#include "config.h"

#include "icw-error.h"

G_DEFINE_QUARK (icw-error-quark, icw_error)

void
icw_problem_add (GPtrArray  *problems,
                 const char *format,
                 ...)
{
  va_list args;

  g_return_if_fail (problems != NULL);
  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}
