/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-field-parts.c: the item types of the structured parts (icw-field-parts.h) agree with the
 * parts' checks (icw-field-checks.h), which the store, the dossier import and `icw doctor` run:
 * for every structured field of the catalogue, an item with every member well typed passes its
 * check, and each member given a value its type refuses (text for a number, a number for text, a
 * share above 10000, a key that does not exist, a malformed ID, date or amount, null where it must
 * not be, absent where it is required), nested lists included, makes the check fail, while the
 * least and greatest value of a number's bounds pass. So the
 * dossier's JSON Schema, made from the item types, says what the program takes. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "icw-field-catalogue.h"

#define A_UUID "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"

static JsonNode *good_value (const IcwPartMember *member);

static JsonNode *
string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

/* Every member of the part well typed, but `name` given `value` (absent when value is NULL). */
static JsonNode *
item_with (const IcwPartType *part,
           const char        *name,
           JsonNode          *value)
{
  JsonObject *item = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < part->n_members; i++)
    {
      const IcwPartMember *member = &part->members[i];

      if (g_strcmp0 (member->name, name) != 0)
        json_object_set_member (item, member->name, good_value (member));
      else if (value != NULL)
        json_object_set_member (item, member->name, json_node_copy (value));
    }
  json_node_take_object (node, item);
  return node;
}

static JsonNode *
list_of (JsonNode *item)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_element (array, item);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
good_value (const IcwPartMember *member)
{
  switch (member->type)
    {
    case ICW_MEMBER_TEXT:
      return string_node ("a text");
    case ICW_MEMBER_INTEGER:
      return int_node (CLAMP (3, member->minimum, member->maximum));
    case ICW_MEMBER_BOOL:
      return json_node_init_boolean (json_node_alloc (), TRUE);
    case ICW_MEMBER_KEY:
      {
        g_autofree const char **keys = icw_part_member_keys (member);

        g_assert_nonnull (keys[0]);
        return string_node (keys[g_strv_length ((char **) keys) - 1]);
      }
    case ICW_MEMBER_REFERENCE:
      return string_node (A_UUID);
    case ICW_MEMBER_DATE:
      return string_node ("2024-02-29");
    case ICW_MEMBER_FEN:
      return string_node ("12345");
    case ICW_MEMBER_SHARE:
      return int_node (ICW_BASIS_POINTS_WHOLE);
    case ICW_MEMBER_NUMBER:
      return json_node_init_double (json_node_alloc (), 2.5);
    case ICW_MEMBER_ITEMS:
      return list_of (item_with (member->items, NULL, NULL));
    default:
      g_assert_not_reached ();
    }
}

/* Values the member's type refuses, none of them null. */
static GPtrArray *
bad_values (const IcwPartMember *member)
{
  GPtrArray *bad = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  switch (member->type)
    {
    case ICW_MEMBER_INTEGER:
    case ICW_MEMBER_SHARE:
      g_ptr_array_add (bad, string_node ("3"));
      g_ptr_array_add (bad, json_node_init_double (json_node_alloc (), 2.5));
      if (member->maximum < G_MAXINT64)
        g_ptr_array_add (bad, int_node (member->maximum + 1));
      if (member->minimum > G_MININT64)
        g_ptr_array_add (bad, int_node (member->minimum - 1));
      break;
    case ICW_MEMBER_BOOL:
      g_ptr_array_add (bad, string_node ("yes"));
      g_ptr_array_add (bad, int_node (1));
      break;
    case ICW_MEMBER_NUMBER:
      g_ptr_array_add (bad, string_node ("120"));
      g_ptr_array_add (bad, json_node_init_boolean (json_node_alloc (), TRUE));
      break;
    case ICW_MEMBER_ITEMS:
      g_ptr_array_add (bad, string_node ("[]"));
      g_ptr_array_add (bad, list_of (int_node (5)));
      break;
    default:
      /* The members that are strings. */
      g_ptr_array_add (bad, int_node (5));
      g_ptr_array_add (bad, json_node_init_boolean (json_node_alloc (), FALSE));
      if (member->type == ICW_MEMBER_KEY)
        g_ptr_array_add (bad, string_node ("no-such-key"));
      if (member->type == ICW_MEMBER_REFERENCE)
        g_ptr_array_add (bad, string_node ("organization-1"));
      if (member->type == ICW_MEMBER_DATE)
        {
          g_ptr_array_add (bad, string_node ("2023-02-29"));
          g_ptr_array_add (bad, string_node ("1 May 2024"));
        }
      if (member->type == ICW_MEMBER_FEN)
        {
          g_ptr_array_add (bad, string_node ("12.5"));
          g_ptr_array_add (bad, string_node ("-1"));
          g_ptr_array_add (bad, string_node ("012"));
          g_ptr_array_add (bad, string_node ("99999999999999999999"));
          if (member->minimum > 0)
            g_ptr_array_add (bad, string_node ("0"));
        }
      break;
    }
  return bad;
}

/* The part's JSON text holding `item` (a list of it, it, or a map of one name to it). */
static char *
document (const IcwPartType *part,
          JsonNode          *item,
          const char        *key)
{
  g_autoptr(JsonNode) root = NULL;

  switch (part->shape)
    {
    case ICW_PART_LIST:
      root = list_of (json_node_copy (item));
      break;
    case ICW_PART_OBJECT:
      root = json_node_copy (item);
      break;
    case ICW_PART_MAP:
      {
        JsonObject *map = json_object_new ();

        json_object_set_member (map, key != NULL ? key : part->example_key, json_node_copy (item));
        root = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (root, map);
        break;
      }
    default:
      g_assert_not_reached ();
    }
  return json_to_string (root, FALSE);
}

static void
assert_check (const IcwColumn *field,
              const char      *text,
              gboolean         valid)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = field->check (text, &error);

  if (ok != valid)
    g_error ("%s: the check %s %s (%s)", field->name, ok ? "takes" : "refuses", text,
             error != NULL ? error->message : "no error");
  if (!ok)
    g_assert_nonnull (error);
}

/* In an item of `part`, held by `wrap` (NULL at the top), each member wrong in turn. */
static void
check_members (const IcwColumn     *field,
               const IcwPartType   *part,
               const IcwPartMember *wrap)
{
  for (guint i = 0; i < part->n_members; i++)
    {
      const IcwPartMember *member = &part->members[i];
      g_autoptr(GPtrArray) bad = bad_values (member);
      g_autoptr(JsonNode) null = json_node_init_null (json_node_alloc ());
      JsonNode *nullable = member->required || member->not_null ? NULL : null;

      for (guint b = 0; b <= bad->len + 1; b++)
        {
          /* Each bad value, then null, then the member absent. */
          JsonNode *value = b < bad->len ? bad->pdata[b] : b == bad->len ? null : NULL;
          gboolean valid = (b == bad->len && nullable != NULL) || (b > bad->len && !member->required);
          g_autoptr(JsonNode) item = item_with (part, member->name, value);
          g_autoptr(JsonNode) top = wrap != NULL ? item_with (field->part, wrap->name, list_of (json_node_ref (item))) : NULL;
          g_autofree char *text = document (field->part, top != NULL ? top : item, NULL);

          assert_check (field, text, valid);
        }
      /* And the type's least and greatest values are taken. */
      if (member->type == ICW_MEMBER_INTEGER || member->type == ICW_MEMBER_SHARE)
        for (guint e = 0; e < 2; e++)
          {
            g_autoptr(JsonNode) edge = int_node (e == 0 ? member->minimum : member->maximum);
            g_autoptr(JsonNode) item = item_with (part, member->name, edge);
            g_autoptr(JsonNode) top = wrap != NULL ? item_with (field->part, wrap->name, list_of (json_node_ref (item))) : NULL;
            g_autofree char *text = document (field->part, top != NULL ? top : item, NULL);

            assert_check (field, text, TRUE);
          }
      if (member->type == ICW_MEMBER_ITEMS)
        check_members (field, member->items, member);
    }
}

static void
check_part (const IcwColumn *field)
{
  const IcwPartType *part = field->part;
  g_autoptr(JsonNode) good = part->shape == ICW_PART_MAP ? good_value (part->value) : item_with (part, NULL, NULL);
  g_autofree char *text = document (part, good, NULL);

  g_test_message ("%s: %s", field->name, text);
  assert_check (field, text, TRUE);
  assert_check (field, "", TRUE);
  assert_check (field, "5", FALSE);
  assert_check (field, "not JSON", FALSE);
  switch (part->shape)
    {
    case ICW_PART_LIST:
      assert_check (field, "[5]", FALSE);
      assert_check (field, "[]", TRUE);
      check_members (field, part, NULL);
      break;
    case ICW_PART_OBJECT:
      {
        g_autoptr(JsonNode) extra = item_with (part, NULL, NULL);
        g_autofree char *with_extra = NULL;

        json_object_set_string_member (json_node_get_object (extra), "colour", "red");
        with_extra = document (part, extra, NULL);

        assert_check (field, "[]", FALSE);
        assert_check (field, with_extra, FALSE);
        check_members (field, part, NULL);
        break;
      }
    case ICW_PART_MAP:
      {
        g_autofree char *pattern = part->key_pattern ();
        g_autofree char *bad_key = document (part, good, "no such key");
        g_autoptr(GPtrArray) bad = bad_values (part->value);

        g_assert_true (g_regex_match_simple (pattern, part->example_key, 0, 0));
        g_assert_false (g_regex_match_simple (pattern, "no such key", 0, 0));
        assert_check (field, bad_key, FALSE);
        for (guint b = 0; b < bad->len; b++)
          {
            g_autofree char *bad_text = document (part, bad->pdata[b], NULL);

            assert_check (field, bad_text, FALSE);
          }
        {
          g_autoptr(JsonNode) null = json_node_init_null (json_node_alloc ());
          g_autofree char *null_text = document (part, null, NULL);

          assert_check (field, null_text, !part->value->required && !part->value->not_null);
        }
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
test_part_types (void)
{
  guint n_parts = 0;

  for (guint k = 0; k < ICW_N_RECORD_KINDS; k++)
    {
      guint n;
      const IcwColumn *fields = icw_field_catalogue ((IcwRecordKind) k, &n);

      for (guint i = 0; i < n; i++)
        {
          /* Every structured field has an item type and a check, and only they have one. */
          g_assert_true (fields[i].structured == (fields[i].part != NULL));
          if (fields[i].part == NULL)
            continue;
          g_assert_nonnull (fields[i].check);
          check_part (&fields[i]);
          n_parts++;
        }
    }
  /* roadmap, platforms, indicators, tasks, results, guide answers, background IP, milestones, cells */
  g_assert_cmpuint (n_parts, >=, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/field-parts/agree-with-checks", test_part_types);
  return g_test_run ();
}
