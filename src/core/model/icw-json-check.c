/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-check.c: JSON text checked before and after json-glib reads it (see the header). */
#include "config.h"

#include <string.h>

#include "icw-json-check.h"

static int
escaped_unit (const char *p,
              const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* Skips the string that starts at p (a quote); returns its end, or NULL at a lone surrogate
 * (*at gets where). */
static const char *
skip_string (const char  *p,
             const char  *end,
             const char **at)
{
  for (p++; p < end && *p != '"'; p++)
    {
      int unit;

      if (*p != '\\')
        continue;
      unit = escaped_unit (p, end);
      if (unit >= 0xDC00 && unit <= 0xDFFF)
        return *at = p, NULL;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low = escaped_unit (p + 6, end);

          if (low < 0xDC00 || low > 0xDFFF)
            return *at = p, NULL;
          p += 6;
        }
      p++;
    }
  return p;
}

IcwJsonText
icw_json_check_text (const char *data,
                     gsize       length,
                     gsize      *offset)
{
  const char *p = data, *end = data + length, *at = NULL;
  guint depth = 0;
  gboolean started = FALSE;
  IcwJsonText result = ICW_JSON_TEXT_OK;

  for (; p < end && result == ICW_JSON_TEXT_OK; p++)
    {
      at = p;
      if (started && depth == 0 && !g_ascii_isspace (*p))
        result = ICW_JSON_TEXT_TRAILING;
      else if (*p == '"')
        {
          if ((p = skip_string (p, end, &at)) == NULL)
            result = ICW_JSON_TEXT_LONE_SURROGATE;
          started |= depth == 0;
        }
      else if (*p == '{' || *p == '[')
        {
          started = TRUE;
          if (++depth > ICW_JSON_MAX_DEPTH)
            result = ICW_JSON_TEXT_TOO_DEEP;
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }
  if (offset != NULL)
    *offset = result == ICW_JSON_TEXT_OK ? 0 : (gsize) (at - data);
  return result;
}

gboolean
icw_json_check_utf8 (JsonNode *node)
{
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) != G_TYPE_STRING || g_utf8_validate (json_node_get_string (node), -1, NULL);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!icw_json_check_utf8 (json_array_get_element (array, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_utf8_validate (l->data, -1, NULL) || !icw_json_check_utf8 (json_object_get_member (object, l->data)))
          return FALSE;
    }
  return TRUE;
}

JsonNode *
icw_json_parse_strict (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || icw_json_check_text (text, strlen (text), NULL) != ICW_JSON_TEXT_OK ||
      !json_parser_load_from_data (parser, text, -1, NULL) || json_parser_has_assignment (parser, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !icw_json_check_utf8 (root))
    return NULL;
  return json_node_ref (root);
}

gboolean
icw_json_optional_string (JsonObject  *object,
                          const char  *member,
                          const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}
