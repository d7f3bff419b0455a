/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-ip-agreement-parts.c: the JSON formats of an agreement's results and a party's background
 * IP, checked member by member (json-glib accepts more than JSON: a value of any type where another
 * is expected), and the format of patent and software copyright numbers. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-error.h"
#include "icw-field-checks.h"
#include "icw-json-check.h"
#include "icw-ip-agreement-parts.h"

/* The messages are chosen from a table of translated formats, all literals in this file. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

typedef enum {
  MEMBER_TEXT,
  MEMBER_SHARE,
  MEMBER_OWNERSHIP,
  MEMBER_IP_KIND,
  MEMBER_OWNERS,
  MEMBER_ID,        /* an organization's ID (a UUID), or empty while the row is being typed */
} MemberType;

typedef struct {
  const char *name;
  MemberType  type;
} MemberSpec;

static const MemberSpec result_members[] = {
  { "title", MEMBER_TEXT },
  { "description", MEMBER_TEXT },
  { "ownership", MEMBER_OWNERSHIP },
  { "creator_id", MEMBER_ID },
  { "owners", MEMBER_OWNERS },
  { NULL, 0 },
};

static const MemberSpec owner_members[] = {
  { "organization_id", MEMBER_ID },
  { "share_bp", MEMBER_SHARE },
  { NULL, 0 },
};

static const MemberSpec background_members[] = {
  { "kind", MEMBER_IP_KIND },
  { "number", MEMBER_TEXT },
  { "title", MEMBER_TEXT },
  { "owner", MEMBER_TEXT },
  { NULL, 0 },
};

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

typedef enum {
  PROBLEM_SHARE,
  PROBLEM_LIST,
  PROBLEM_TEXT,
  PROBLEM_OWNERSHIP,
  PROBLEM_IP_KIND,
  PROBLEM_ID,
} Problem;

/* Whole sentences, one per part and problem: [problem][results?]. */
static const char *const problem_formats[][2] = {
  [PROBLEM_SHARE] = { N_("Background IP, item %u: “%s” must be a whole number of basis points from 0 to 10000"),
                      N_("Results, item %u: “%s” must be a whole number of basis points from 0 to 10000") },
  [PROBLEM_LIST] = { N_("Background IP, item %u: “%s” must be a list"),
                     N_("Results, item %u: “%s” must be a list") },
  [PROBLEM_TEXT] = { N_("Background IP, item %u: “%s” must be text"),
                     N_("Results, item %u: “%s” must be text") },
  [PROBLEM_OWNERSHIP] = { N_("Background IP, item %u: “%s” must be creator, center-company or joint"),
                          N_("Results, item %u: “%s” must be creator, center-company or joint") },
  [PROBLEM_IP_KIND] = { N_("Background IP, item %u: “%s” must be patent, software or know-how"),
                        N_("Results, item %u: “%s” must be patent, software or know-how") },
  [PROBLEM_ID] = { N_("Background IP, item %u: “%s” must be the ID of an organization"),
                   N_("Results, item %u: “%s” must be the ID of an organization") },
};

static gboolean
member_error (GError     **error,
              gboolean     results,
              guint        item,
              const char  *member,
              Problem      problem)
{
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _(problem_formats[problem][results ? 1 : 0]), item, member);
  return FALSE;
}

static gboolean check_object (JsonNode *node, const MemberSpec *specs, gboolean results,
                              guint item, GError **error);

static gboolean
check_member (JsonObject        *object,
              const MemberSpec  *spec,
              gboolean           results,
              guint              item,
              GError           **error)
{
  JsonNode *node = json_object_get_member (object, spec->name);
  const char *key;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  switch (spec->type)
    {
    case MEMBER_SHARE:
      if (!holds (node, G_TYPE_INT64) || json_node_get_int (node) < 0 ||
          json_node_get_int (node) > ICW_BASIS_POINTS_WHOLE)
        return member_error (error, results, item, spec->name, PROBLEM_SHARE);
      return TRUE;
    case MEMBER_OWNERS:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return member_error (error, results, item, spec->name, PROBLEM_LIST);
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        if (!check_object (json_array_get_element (json_node_get_array (node), i), owner_members,
                           results, item, error))
          return FALSE;
      return TRUE;
    default:
      break;
    }
  if (!holds (node, G_TYPE_STRING))
    return member_error (error, results, item, spec->name, PROBLEM_TEXT);
  key = json_node_get_string (node);
  if (spec->type == MEMBER_ID && *key != '\0' && !icw_field_check_uuid (key, NULL))
    return member_error (error, results, item, spec->name, PROBLEM_ID);
  if (spec->type == MEMBER_OWNERSHIP)
    {
      IcwIpOwnership ownership;

      if (!icw_ip_ownership_from_string (key, &ownership) || strcmp (key, icw_ip_ownership_to_key (ownership)) != 0)
        return member_error (error, results, item, spec->name, PROBLEM_OWNERSHIP);
    }
  if (spec->type == MEMBER_IP_KIND)
    {
      IcwBackgroundIpKind kind;

      if (!icw_background_ip_kind_from_string (key, &kind) || strcmp (key, icw_background_ip_kind_to_key (kind)) != 0)
        return member_error (error, results, item, spec->name, PROBLEM_IP_KIND);
    }
  return TRUE;
}

static gboolean
check_object (JsonNode          *node,
              const MemberSpec  *specs,
              gboolean           results,
              guint              item,
              GError           **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      if (results)
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Results, item %u: it must be an object"), item);
      else
        g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Background IP, item %u: it must be an object"), item);
      return FALSE;
    }
  for (const MemberSpec *spec = specs; spec->name != NULL; spec++)
    if (!check_member (json_node_get_object (node), spec, results, item, error))
      return FALSE;
  return TRUE;
}

static JsonArray *
parse_list (const char        *text,
            const MemberSpec  *specs,
            gboolean           results,
            GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (text == NULL || *text == '\0')
    return json_array_new ();
  if ((root = icw_json_parse_strict (text)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID,
                           results ? _("Results: the list is not valid JSON") : _("Background IP: the list is not valid JSON"));
      return NULL;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!check_object (json_array_get_element (array, i), specs, results, i + 1, error))
      return NULL;
  return json_array_ref (array);
}

JsonArray *
icw_ip_agreement_parse_results (const char  *text,
                                GError     **error)
{
  return parse_list (text, result_members, TRUE, error);
}

JsonArray *
icw_agreement_party_parse_background_ip (const char  *text,
                                         GError     **error)
{
  return parse_list (text, background_members, FALSE, error);
}

const char *
icw_json_item_text (JsonObject *item,
                    const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  return node != NULL && holds (node, G_TYPE_STRING) ? json_node_get_string (node) : "";
}

gint64
icw_json_item_int (JsonObject *item,
                   const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  return node != NULL && holds (node, G_TYPE_INT64) ? json_node_get_int (node) : 0;
}

IcwIpOwnership
icw_ip_agreement_result_ownership (IcwIpAgreement *agreement,
                                   JsonObject     *result)
{
  IcwIpOwnership ownership;

  if (icw_ip_ownership_from_string (icw_json_item_text (result, "ownership"), &ownership))
    return ownership;
  return icw_ip_agreement_get_ownership (agreement);
}

/* The check character of a Chinese patent application number: the digits weighted 2…9, 2…5 in
 * turn, the sum modulo 11, and X for 10. */
static gboolean
patent_check_ok (const char *digits,
                 gsize       n,
                 char        check)
{
  guint sum = 0;
  guint rest;

  for (gsize i = 0; i < n; i++)
    sum += (guint) (digits[i] - '0') * (guint) (2 + i % 8);
  rest = sum % 11;
  return rest == 10 ? (check == 'X' || check == 'x') : check == (char) ('0' + rest);
}

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
patent_number_ok (const char *number)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *dot;
  gsize n;

  for (const char *p = number; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (text, g_ascii_toupper (*p));
  if (g_str_has_prefix (text->str, "CN") || g_str_has_prefix (text->str, "ZL"))
    g_string_erase (text, 0, 2);

  dot = strchr (text->str, '.');
  if (dot != NULL)
    {
      n = dot - text->str;
      return (n == 12 || n == 8) && strlen (dot) == 2 && all_digits (text->str, n) &&
             patent_check_ok (text->str, n, dot[1]);
    }
  /* A publication number: 7 to 9 digits, a kind code letter (A, B, U, S…) and perhaps a digit. */
  for (n = 0; g_ascii_isdigit (text->str[n]); n++)
    ;
  if (n < 7 || n > 9 || !g_ascii_isalpha (text->str[n]))
    return FALSE;
  return text->str[n + 1] == '\0' || (g_ascii_isdigit (text->str[n + 1]) && text->str[n + 2] == '\0');
}

gboolean
icw_background_ip_number_is_valid (IcwBackgroundIpKind  kind,
                                   const char          *number)
{
  g_autofree char *text = g_strstrip (g_strdup (number != NULL ? number : ""));
  gsize n = strlen (text);

  switch (kind)
    {
    case ICW_BACKGROUND_IP_PATENT:
      return patent_number_ok (text);
    case ICW_BACKGROUND_IP_SOFTWARE:
      /* 2021SR0123456; registrations before 2010 had six digits after SR. */
      return (n == 13 || n == 12) && all_digits (text, 4) &&
             g_ascii_toupper (text[4]) == 'S' && g_ascii_toupper (text[5]) == 'R' && all_digits (text + 6, n - 6);
    case ICW_BACKGROUND_IP_KNOW_HOW:
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}
