/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-error.h: the error domain of the core library, and the lists of problems it reports. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICW_ERROR (icw_error_quark ())

typedef enum {
  ICW_ERROR_FAILED,
  ICW_ERROR_INVALID,          /* a field's value breaks a rule; the message names the field */
  ICW_ERROR_NOT_FOUND,
  ICW_ERROR_IN_USE,           /* a record others refer to cannot be deleted */
  ICW_ERROR_DUPLICATE,
  ICW_ERROR_DATABASE,         /* SQLite failed: I/O, full disk, corruption */
  ICW_ERROR_FUTURE_DATABASE,  /* written by a newer version: refused, left untouched */
  ICW_ERROR_NOT_WORKBENCH,    /* not one of our databases */
  ICW_ERROR_IMPORT,           /* a file could not be imported; nothing was written */
  ICW_ERROR_READ_ONLY,        /* a submitted, returned or accepted application cannot be changed */
  ICW_ERROR_RULE_PACK,        /* a rule pack is malformed; the message names the file and the rule */
} IcwError;

GQuark icw_error_quark (void);

/* Adds a formatted problem to a list of them (an import's or the doctor's findings, each a
 * newly allocated string). */
void   icw_problem_add  (GPtrArray  *problems,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
