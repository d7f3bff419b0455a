/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-text-encoding.h: turning the bytes of an imported text file into UTF-8. Files come as UTF-8
 * (with or without a byte order mark) or, from Excel and WPS on Chinese Windows, as GB18030. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ICW_TEXT_ENCODING_UTF8,        /* valid UTF-8 (plain ASCII included), no byte order mark */
  ICW_TEXT_ENCODING_UTF8_BOM,    /* UTF-8 that began with a byte order mark, which was removed */
  ICW_TEXT_ENCODING_GB18030,     /* GB18030 (and so GBK and GB2312), converted to UTF-8 */
} IcwTextEncoding;

char       *icw_text_decode             (const char       *data,
                                         gsize             length,
                                         IcwTextEncoding  *found,
                                         GError          **error);
const char *icw_text_encoding_to_string (IcwTextEncoding   encoding);

G_END_DECLS
