/* icw-json-check.c: JSON text checked before and after json-glib reads it (see the header). */
#include "config.h"

#include <string.h>

#include "icw-json-check.h"

gboolean
icw_json_check_text (const char *data,
                     gsize       length,
                     gboolean   *too_deep)
{
  const char *p = data, *end = data + length;
  guint depth = 0;
  gboolean started = FALSE;

  if (too_deep != NULL)
    *too_deep = FALSE;
  while (p < end)
    {
      if (started && depth == 0 && !g_ascii_isspace (*p))
        return FALSE;
      if (*p == '"')
        {
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
          started |= depth == 0;
        }
      else if (*p == '{' || *p == '[')
        {
          started = TRUE;
          if (++depth > ICW_JSON_MAX_DEPTH)
            {
              if (too_deep != NULL)
                *too_deep = TRUE;
              return FALSE;
            }
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
      p++;
    }
  return TRUE;
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

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || !icw_json_check_text (text, strlen (text), NULL) ||
      !json_parser_load_from_data (parser, text, -1, NULL) || json_parser_has_assignment (parser, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !icw_json_check_utf8 (root))
    return NULL;
  return json_node_ref (root);
}
