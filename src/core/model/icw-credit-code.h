/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-credit-code.h: the unified social credit code (统一社会信用代码) of GB 32100-2015. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ICW_CREDIT_CODE_LENGTH 18

gboolean icw_credit_code_validate        (const char *code,
                                          GError    **error);
char     icw_credit_code_check_character (const char *first17);
char    *icw_credit_code_normalize       (const char *code);

G_END_DECLS
