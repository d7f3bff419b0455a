/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-text-encoding.c: decodes imported text files. UTF-8 is tried first because GB18030 would
 * accept almost any byte sequence, including most UTF-8; a file that is valid UTF-8 is UTF-8. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-text-encoding.h"

static const char utf8_bom[] = "\xEF\xBB\xBF";

static gboolean
has_prefix (const char *data,
            gsize       length,
            const char *prefix,
            gsize       prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

/* Excel's "Unicode text" is UTF-16 with a byte order mark; it deserves its own advice. */
static gboolean
is_utf16 (const char *data,
          gsize       length)
{
  return has_prefix (data, length, "\xFF\xFE", 2) || has_prefix (data, length, "\xFE\xFF", 2);
}

static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  if (is_utf16 (data, length))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT,
                           _("The file is in UTF-16 (Excel’s “Unicode text”); save it as “CSV UTF-8” and import it again."));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT,
                           _("The file contains NUL bytes, so it is a binary file and not CSV text; save it from the spreadsheet as “CSV UTF-8” and import it again."));
      return FALSE;
    }
  return TRUE;
}

static char *
decode_gb18030 (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = g_convert (data, length, "UTF-8", "GB18030", NULL, NULL, &local_error);

  if (text == NULL)
    g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT,
                         _("The file is neither UTF-8 nor GB18030 text; save it from the spreadsheet as “CSV UTF-8” and import it again."));
  return text;
}

/* Returns the text as NUL-terminated UTF-8 without a byte order mark. */
char *
icw_text_decode (const char       *data,
                 gsize             length,
                 IcwTextEncoding  *found,
                 GError          **error)
{
  IcwTextEncoding encoding = ICW_TEXT_ENCODING_UTF8;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";
  if (!check_text (data, length, error))
    return NULL;

  if (has_prefix (data, length, utf8_bom, 3))
    {
      data += 3;
      length -= 3;
      encoding = ICW_TEXT_ENCODING_UTF8_BOM;
    }

  if (g_utf8_validate_len (data, length, NULL))
    text = g_strndup (data, length);
  else if (encoding == ICW_TEXT_ENCODING_UTF8_BOM)
    {
      /* A byte order mark promised UTF-8; guessing another encoding would only hide the damage. */
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT,
                           _("The file begins with a UTF-8 byte order mark but is not valid UTF-8; it may be damaged."));
      return NULL;
    }
  else
    {
      text = decode_gb18030 (data, length, error);
      encoding = ICW_TEXT_ENCODING_GB18030;
    }

  if (text != NULL && found != NULL)
    *found = encoding;
  return text;
}

/* The encoding's usual name, for logs and the command line (not translated: these are names). */
const char *
icw_text_encoding_to_string (IcwTextEncoding encoding)
{
  switch (encoding)
    {
    case ICW_TEXT_ENCODING_UTF8:
      return "UTF-8";
    case ICW_TEXT_ENCODING_UTF8_BOM:
      return "UTF-8 (BOM)";
    case ICW_TEXT_ENCODING_GB18030:
      return "GB18030";
    default:
      g_return_val_if_reached (NULL);
    }
}
