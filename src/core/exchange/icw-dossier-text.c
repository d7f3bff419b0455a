/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-text.c: the raw text of a dossier checked before json-glib reads it (json-glib 1.6
 * recurses once per level of nesting, turns some lone surrogates into bytes that are not UTF-8,
 * accepts trailing documents and JavaScript assignments, and wraps integers that overflow), then
 * parsed. A problem in the text names the record and field it is in, as far as the text before it
 * tells (a dossier as this program writes it has each record's kind and ID first), and the line. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-dossier-text.h"
#include "icw-error.h"
#include "icw-json-check.h"

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, ICW_ERROR, ICW_ERROR_IMPORT, message);
  return FALSE;
}

static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The value of the last member of a record (`"member" : "…"` on a line of its own, six spaces in,
 * as this program writes a dossier, kind and ID first) before `at`, for naming the record a
 * problem of the raw text is in; "" when there is none. */
static char *
last_value (const char *data,
            const char *at,
            const char *member)
{
  g_autofree char *key = g_strdup_printf ("\n      \"%s\" : \"", member);
  const char *found = g_strrstr_len (data, at - data, key);
  const char *end;

  if (found == NULL)
    return g_strdup ("");
  found += strlen (key);
  end = strchr (found, '"');
  return end != NULL && end - found <= 64 ? g_strndup (found, (gsize) (end - found)) : g_strdup ("");
}

/* The record and member that the byte at `at` is in, as far as the text before it tells: FALSE
 * when it is before the first record. */
static gboolean
place_of (const char  *data,
          const char  *at,
          char       **kind,
          char       **id,
          char       **member)
{
  const char *colon = g_strrstr_len (data, at - data, "\" : ");
  const char *start = colon != NULL ? g_strrstr_len (data, colon - data, "\"") : NULL;

  *kind = last_value (data, at, "kind");
  *id = last_value (data, at, "id");
  *member = start != NULL && colon - start < 64 ? g_strndup (start + 1, (gsize) (colon - start - 1)) : g_strdup ("");
  return **kind != '\0' && **id != '\0';
}

static gboolean
refuse_at (const char  *data,
           const char  *at,
           IcwJsonText  problem,
           GError     **error)
{
  g_autofree char *kind = NULL, *id = NULL, *member = NULL;
  gboolean in_record = place_of (data, at, &kind, &id, &member);
  guint line = line_of (data, at);

  if (problem == ICW_JSON_TEXT_LONE_SURROGATE)
    {
      if (in_record)
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                     _("Record %s “%s”: the field “%s” holds an escaped lone surrogate (%.6s, line %u), which is not a character; nothing was imported."),
                     kind, id, member, at, line);
      else
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                     _("The dossier holds an escaped lone surrogate (%.6s, line %u), which is not a character; nothing was imported."),
                     at, line);
    }
  else if (in_record)
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                 _("Record %s “%s”: the field “%s” nests arrays and objects more than %d levels deep (line %u); a dossier never does."),
                 kind, id, member, ICW_JSON_MAX_DEPTH, line);
  else
    g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                 _("The file nests arrays and objects more than %d levels deep (line %u); a dossier never does."),
                 ICW_JSON_MAX_DEPTH, line);
  return FALSE;
}

/* The raw text before json-glib reads it: nesting within ICW_JSON_MAX_DEPTH (json-glib recurses
 * once per level: 100,000 levels would crash it), no lone surrogate (json-glib turns some into
 * bytes that are not UTF-8), nothing after the top-level value, and, outside strings, every
 * integer within 64 bits (json-glib would wrap it). */
static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *p = data, *end = data + length;
  gsize offset;

  switch (icw_json_check_text (data, length, &offset))
    {
    case ICW_JSON_TEXT_TOO_DEEP:
      return refuse_at (data, data + offset, ICW_JSON_TEXT_TOO_DEEP, error);
    case ICW_JSON_TEXT_TRAILING:
      return refuse (error, _("The file holds something after the dossier's closing brace."));
    case ICW_JSON_TEXT_LONE_SURROGATE:
      return refuse_at (data, data + offset, ICW_JSON_TEXT_LONE_SURROGATE, error);
    case ICW_JSON_TEXT_OK:
    default:
      break;
    }
  while (p < end)
    {
      if (*p == '"')
        {
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
          p++;
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;
          g_autofree char *number = NULL;
          gint64 value;

          for (p++; p < end && (g_ascii_isdigit (*p) || strchr (".eE+-", *p) != NULL); p++)
            ;
          number = g_strndup (start, (gsize) (p - start));
          if (strpbrk (number, ".eE") == NULL && !g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, &value, NULL))
            return refuse (error, _("The file holds a whole number too large for a 64-bit integer."));
        }
      else
        p++;
    }
  return TRUE;
}

JsonNode *
icw_dossier_parse (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *bad;
  JsonNode *root;

  if (length == 0 || data == NULL)
    return refuse (error, _("The file is empty.")), NULL;
  if (!g_utf8_validate (data, (gssize) length, &bad))
    {
      g_autofree char *kind = NULL, *id = NULL, *member = NULL;

      if (place_of (data, bad, &kind, &id, &member))
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT,
                     _("Record %s “%s”: the field “%s” holds bytes that are not UTF-8 text (line %u); nothing was imported."),
                     kind, id, member, line_of (data, bad));
      else
        g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("The file is not UTF-8 text (line %u)."), line_of (data, bad));
      return NULL;
    }
  if (!check_text (data, length, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, ICW_ERROR, ICW_ERROR_IMPORT, _("The file is not valid JSON: %s"), message);
      return NULL;
    }
  if (json_parser_has_assignment (parser, NULL))
    return refuse (error, _("The file is not valid JSON: it assigns a variable, as JavaScript does.")), NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return refuse (error, _("The file is not a dossier: its JSON is not an object.")), NULL;
  return json_node_ref (root);
}

