/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-dossier-schema.c: the dossier's JSON Schema from the field catalogue and the part item
 * types. Nothing here names a kind or a field: a field added to the catalogue, or a member added
 * to a part type, is in the schema without a change here. */
#include "config.h"

#include "icw-dossier-schema.h"
#include "icw-dossier.h"
#include "icw-enums.h"
#include "icw-field-catalogue.h"
#include "icw-store-dossier.h"

#define UUID "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
#define DATE "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
#define TIME DATE "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?Z"
#define CREDIT_CODE "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}"
#define BASE64 "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"

static JsonObject *
object_of (const char *member,
           ...) G_GNUC_NULL_TERMINATED;

/* An object of string members: object_of ("type", "string", "pattern", "^x$", NULL). */
static JsonObject *
object_of (const char *member,
           ...)
{
  JsonObject *object = json_object_new ();
  va_list args;

  va_start (args, member);
  for (const char *name = member; name != NULL; name = va_arg (args, const char *))
    json_object_set_string_member (object, name, va_arg (args, const char *));
  va_end (args);
  return object;
}

/* {"type": [type, "null"]} or {"type": type}. */
static JsonObject *
typed (const char *type,
       gboolean    nullable)
{
  JsonObject *object = json_object_new ();
  JsonArray *types;

  if (!nullable)
    {
      json_object_set_string_member (object, "type", type);
      return object;
    }
  types = json_array_new ();
  json_array_add_string_element (types, type);
  json_array_add_string_element (types, "null");
  json_object_set_array_member (object, "type", types);
  return object;
}

static JsonObject *
bounded (const char *type,
         gboolean    nullable,
         gint64      minimum,
         gint64      maximum)
{
  JsonObject *object = typed (type, nullable);

  json_object_set_int_member (object, "minimum", minimum);
  json_object_set_int_member (object, "maximum", maximum);
  return object;
}

static JsonObject *
patterned (gboolean    nullable,
           const char *pattern,
           const char *format)
{
  JsonObject *object = typed ("string", nullable);

  json_object_set_string_member (object, "pattern", pattern);
  if (format != NULL)
    json_object_set_string_member (object, "format", format);
  return object;
}

static JsonObject *
reference (const char *def)
{
  g_autofree char *ref = g_strconcat ("#/$defs/", def, NULL);

  return object_of ("$ref", ref, NULL);
}

/* {"oneOf": [schema, {"type": "null"}]} */
static JsonObject *
or_null (JsonObject *schema)
{
  JsonObject *object = json_object_new ();
  JsonArray *one_of = json_array_new ();

  json_array_add_object_element (one_of, schema);
  json_array_add_object_element (one_of, object_of ("type", "null", NULL));
  json_object_set_array_member (object, "oneOf", one_of);
  return object;
}

static JsonObject *
enum_of (const char * const *keys,
         gboolean            nullable)
{
  JsonObject *object = json_object_new ();
  JsonArray *values = json_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    json_array_add_string_element (values, keys[i]);
  if (nullable)
    json_array_add_null_element (values);
  json_object_set_array_member (object, "enum", values);
  return object;
}

static char *
part_def (const IcwPartType *part)
{
  return g_strconcat ("part-", part->name, NULL);
}

/* Money in fen as a decimal string with no leading zero, from 0 or from 1. */
static const char *
fen_pattern (gint64 minimum)
{
  return minimum > 0 ? "^[1-9][0-9]{0,18}$" : "^(0|[1-9][0-9]{0,18})$";
}

static JsonObject *
member_schema (const IcwPartMember *member)
{
  gboolean nullable = !member->required && !member->not_null;

  switch (member->type)
    {
    case ICW_MEMBER_TEXT:
      return typed ("string", nullable);
    case ICW_MEMBER_INTEGER:
      return bounded ("integer", nullable, member->minimum, member->maximum);
    case ICW_MEMBER_BOOL:
      return typed ("boolean", nullable);
    case ICW_MEMBER_KEY:
      {
        g_autofree const char **keys = icw_part_member_keys (member);

        return enum_of (keys, nullable);
      }
    case ICW_MEMBER_REFERENCE:
      {
        JsonObject *object = patterned (nullable, "^$|^" UUID "$", NULL);

        json_object_set_string_member (object, "x-refers-to", icw_record_kind_to_key (member->refers_to));
        return object;
      }
    case ICW_MEMBER_DATE:
      return patterned (nullable, "^" DATE "$", "date");
    case ICW_MEMBER_FEN:
      return patterned (nullable, fen_pattern (member->minimum), NULL);
    case ICW_MEMBER_SHARE:
      return bounded ("integer", nullable, member->minimum, member->maximum);
    case ICW_MEMBER_NUMBER:
      return typed ("number", nullable);
    case ICW_MEMBER_ITEMS:
      {
        g_autofree char *def = part_def (member->items);

        return nullable ? or_null (reference (def)) : reference (def);
      }
    default:
      g_assert_not_reached ();
    }
}

/* The members of an item, and those it requires. */
static JsonObject *
item_schema (const IcwPartType *part,
             gboolean           closed)
{
  JsonObject *object = object_of ("type", "object", NULL);
  JsonObject *properties = json_object_new ();
  JsonArray *required = json_array_new ();

  for (guint i = 0; i < part->n_members; i++)
    {
      json_object_set_object_member (properties, part->members[i].name, member_schema (&part->members[i]));
      if (part->members[i].required)
        json_array_add_string_element (required, part->members[i].name);
    }
  json_object_set_object_member (object, "properties", properties);
  if (json_array_get_length (required) > 0)
    json_object_set_array_member (object, "required", required);
  else
    json_array_unref (required);
  if (closed)
    json_object_set_boolean_member (object, "additionalProperties", FALSE);
  return object;
}

static JsonObject *
part_schema (const IcwPartType *part)
{
  JsonObject *object;

  switch (part->shape)
    {
    case ICW_PART_LIST:
      object = object_of ("type", "array", NULL);
      json_object_set_object_member (object, "items", item_schema (part, FALSE));
      return object;
    case ICW_PART_OBJECT:
      return item_schema (part, TRUE);
    case ICW_PART_MAP:
      {
        g_autofree char *pattern = part->key_pattern ();

        object = object_of ("type", "object", NULL);
        json_object_set_object_member (object, "propertyNames", object_of ("pattern", pattern, NULL));
        json_object_set_object_member (object, "additionalProperties", member_schema (part->value));
        return object;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Adds the part and the parts its members hold to defs, once each. */
static void
add_part (JsonObject        *defs,
          const IcwPartType *part)
{
  g_autofree char *def = part_def (part);

  if (json_object_has_member (defs, def))
    return;
  json_object_set_object_member (defs, def, part_schema (part));
  for (guint i = 0; i < part->n_members; i++)
    if (part->members[i].type == ICW_MEMBER_ITEMS)
      add_part (defs, part->members[i].items);
}

static JsonObject *
enum_field (const IcwColumn *field)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  JsonObject *object;

  for (guint i = 0; i < field->n_values; i++)
    g_ptr_array_add (keys, (gpointer) field->to_key (i));
  /* An earlier version's keys, which an import still reads (icw-field-catalogue.h). */
  if (field->legacy_keys != NULL)
    for (const char * const *k = field->legacy_keys (); *k != NULL; k++)
      g_ptr_array_add (keys, (gpointer) *k);
  g_ptr_array_add (keys, NULL);
  object = enum_of ((const char * const *) keys->pdata, FALSE);
  json_object_set_string_member (object, "type", "string");
  return object;
}

static JsonObject *
text_field (const IcwColumn *field)
{
  if (field->part != NULL)
    {
      g_autofree char *def = part_def (field->part);

      return or_null (reference (def));
    }
  if (field->check == icw_field_check_uuid)
    return patterned (TRUE, "^" UUID "$", NULL);
  if (field->check == icw_field_check_date)
    return patterned (TRUE, "^" DATE "$", "date");
  if (field->check == icw_field_check_credit_code)
    return patterned (TRUE, "^" CREDIT_CODE "$", NULL);
  if (field->check == icw_field_check_sha256)
    return patterned (TRUE, "^[0-9a-f]{64}$", NULL);
  /* Any other check (the reviewers' comment lists, docs/formats.md) reads text that a JSON Schema
   * pattern cannot describe: the schema says string, and the store's check decides. */
  return typed ("string", TRUE);
}

static JsonObject *
number_field (const IcwColumn *field)
{
  if (field->check == icw_field_check_count)
    return bounded ("integer", FALSE, 0, G_MAXINT32);
  if (field->check == icw_field_check_money || field->check == icw_field_check_size)
    return bounded ("integer", FALSE, 0, G_MAXINT64);
  if (field->check == icw_field_check_share)
    return bounded ("integer", FALSE, 0, ICW_BASIS_POINTS_WHOLE);
  if (field->check == icw_field_check_intensity)
    return bounded ("integer", FALSE, -1, ICW_BASIS_POINTS_WHOLE);
  g_assert (field->check == NULL);
  if (field->type == ICW_COLUMN_INT)
    return bounded ("integer", FALSE, G_MININT32, G_MAXINT32);
  return bounded ("integer", FALSE, G_MININT64, G_MAXINT64);
}

static JsonObject *
field_schema (const IcwColumn *field)
{
  JsonObject *object;

  switch (field->type)
    {
    case ICW_COLUMN_TEXT:
      object = text_field (field);
      break;
    case ICW_COLUMN_INT:
    case ICW_COLUMN_INT64:
      object = number_field (field);
      break;
    case ICW_COLUMN_BOOL:
      object = typed ("boolean", FALSE);
      break;
    case ICW_COLUMN_ENUM:
      object = enum_field (field);
      break;
    default:
      g_assert_not_reached ();
    }
  json_object_set_string_member (object, "description", field->label);
  return object;
}

static JsonObject *
fields_schema (IcwRecordKind  kind,
               JsonObject    *defs)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (kind, &n);
  JsonObject *object = object_of ("type", "object", NULL);
  JsonObject *properties = json_object_new ();
  JsonArray *required = json_array_new ();

  for (guint i = 0; i < n; i++)
    {
      json_object_set_object_member (properties, fields[i].name, field_schema (&fields[i]));
      /* A field added later may be absent from a dossier written before it. */
      if (!fields[i].added_later)
        json_array_add_string_element (required, fields[i].name);
      if (fields[i].part != NULL)
        add_part (defs, fields[i].part);
    }
  json_object_set_object_member (object, "properties", properties);
  json_object_set_array_member (object, "required", required);
  json_object_set_boolean_member (object, "additionalProperties", FALSE);
  return object;
}

static JsonArray *
strings (const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  return array;
}

static JsonObject *
blobs_schema (const char * const *blobs)
{
  JsonObject *object = object_of ("type", "object", NULL);
  JsonObject *properties = json_object_new ();

  for (guint i = 0; blobs[i] != NULL; i++)
    json_object_set_object_member (properties, blobs[i], or_null (reference ("base64")));
  json_object_set_object_member (object, "properties", properties);
  json_object_set_array_member (object, "required", strings (blobs));
  json_object_set_boolean_member (object, "additionalProperties", FALSE);
  return object;
}

static JsonObject *
record_schema (IcwStore      *store,
               IcwRecordKind  kind,
               JsonObject    *defs)
{
  const char * const *blobs = icw_store_dossier_blob_columns (store, kind);
  const char *required[] = { "kind", "id", "created_at", "updated_at", "deleted_at", "fields", "blobs", NULL };
  JsonObject *object = object_of ("type", "object", NULL);
  JsonObject *properties = json_object_new ();

  json_object_set_object_member (properties, "kind", object_of ("const", icw_record_kind_to_key (kind), NULL));
  json_object_set_object_member (properties, "id", reference ("id"));
  json_object_set_object_member (properties, "created_at", reference ("time"));
  json_object_set_object_member (properties, "updated_at", reference ("time"));
  json_object_set_object_member (properties, "deleted_at", or_null (reference ("time")));
  json_object_set_object_member (properties, "fields", fields_schema (kind, defs));
  if (blobs[0] != NULL)
    json_object_set_object_member (properties, "blobs", blobs_schema (blobs));
  else
    required[6] = NULL;
  json_object_set_object_member (object, "properties", properties);
  json_object_set_array_member (object, "required", strings (required));
  json_object_set_boolean_member (object, "additionalProperties", FALSE);
  return object;
}

/* {"if": {"properties": {"kind": {"const": KEY}}, "required": ["kind"]}, "then": {"$ref": …}} */
static JsonObject *
variant (const char *key)
{
  JsonObject *object = json_object_new ();
  JsonObject *test = json_object_new ();
  JsonObject *properties = json_object_new ();
  const char *kind[] = { "kind", NULL };

  json_object_set_object_member (properties, "kind", object_of ("const", key, NULL));
  json_object_set_object_member (test, "properties", properties);
  json_object_set_array_member (test, "required", strings (kind));
  json_object_set_object_member (object, "if", test);
  json_object_set_object_member (object, "then", reference (key));
  return object;
}

static JsonObject *
any_record (void)
{
  const char *kind[] = { "kind", NULL };
  const char *keys[ICW_N_RECORD_KINDS + 1] = { NULL };
  JsonObject *object = object_of ("type", "object", NULL);
  JsonObject *properties = json_object_new ();
  JsonArray *variants = json_array_new ();

  for (guint k = 0; k < ICW_N_RECORD_KINDS; k++)
    {
      keys[k] = icw_record_kind_to_key ((IcwRecordKind) k);
      json_array_add_object_element (variants, variant (keys[k]));
    }
  json_object_set_object_member (properties, "kind", enum_of (keys, FALSE));
  json_object_set_object_member (object, "properties", properties);
  json_object_set_array_member (object, "required", strings (kind));
  json_object_set_array_member (object, "allOf", variants);
  return object;
}

/* A version of a center's targets (the 任务书), as icw_target_set_to_json writes it. */
static JsonObject *
target_version_schema (void)
{
  const char *required[] = { "id", "center_id", "version", "application_id", "first_year", "last_year",
                             "changed_by", "changed_at", "reason", "targets", NULL };
  const char *row_required[] = { "indicator_key", "year", "target", NULL };
  JsonObject *object = object_of ("type", "object", NULL);
  JsonObject *properties = json_object_new ();
  JsonObject *row = object_of ("type", "object", NULL);
  JsonObject *row_properties = json_object_new ();
  JsonObject *rows = object_of ("type", "array", NULL);

  json_object_set_object_member (properties, "id", reference ("id"));
  json_object_set_object_member (properties, "center_id", reference ("id"));
  json_object_set_object_member (properties, "version", bounded ("integer", FALSE, 1, G_MAXINT));
  json_object_set_object_member (properties, "application_id", or_null (reference ("id")));
  json_object_set_object_member (properties, "first_year", bounded ("integer", FALSE, 2000, 2100));
  json_object_set_object_member (properties, "last_year", bounded ("integer", FALSE, 2000, 2100));
  json_object_set_object_member (properties, "changed_by", typed ("string", TRUE));
  json_object_set_object_member (properties, "changed_at", reference ("time"));
  json_object_set_object_member (properties, "reason", typed ("string", TRUE));
  json_object_set_object_member (row_properties, "indicator_key", object_of ("type", "string", NULL));
  json_object_set_int_member (json_object_get_object_member (row_properties, "indicator_key"), "minLength", 1);
  json_object_set_object_member (row_properties, "area", typed ("string", TRUE));
  json_object_set_object_member (row_properties, "name", typed ("string", TRUE));
  json_object_set_object_member (row_properties, "unit", typed ("string", TRUE));
  json_object_set_object_member (row_properties, "baseline", typed ("number", TRUE));
  json_object_set_object_member (row_properties, "year", bounded ("integer", FALSE, 2000, 2100));
  json_object_set_object_member (row_properties, "target", typed ("number", FALSE));
  json_object_set_object_member (row, "properties", row_properties);
  json_object_set_array_member (row, "required", strings (row_required));
  json_object_set_boolean_member (row, "additionalProperties", FALSE);
  json_object_set_object_member (rows, "items", row);
  json_object_set_int_member (rows, "minItems", 1);
  json_object_set_object_member (properties, "targets", rows);
  json_object_set_object_member (object, "properties", properties);
  json_object_set_array_member (object, "required", strings (required));
  json_object_set_boolean_member (object, "additionalProperties", FALSE);
  return object;
}

static JsonObject *
top_properties (void)
{
  const char *scopes[] = { "centers", "database", NULL };
  JsonObject *properties = json_object_new ();
  JsonObject *format_version = json_object_new ();
  JsonObject *centers = object_of ("type", "array", NULL);
  JsonObject *records = object_of ("type", "array", NULL);

  json_object_set_object_member (properties, "format", object_of ("const", ICW_DOSSIER_FORMAT, NULL));
  json_object_set_int_member (format_version, "const", ICW_DOSSIER_FORMAT_VERSION);
  json_object_set_object_member (properties, "format_version", format_version);
  json_object_set_object_member (properties, "program_version", object_of ("type", "string", NULL));
  json_object_set_object_member (properties, "scope", enum_of (scopes, FALSE));
  json_object_set_object_member (centers, "items", reference ("id"));
  json_object_set_boolean_member (centers, "uniqueItems", TRUE);
  json_object_set_object_member (properties, "centers", centers);
  json_object_set_object_member (records, "items", reference ("record"));
  json_object_set_object_member (properties, "records", records);
  json_object_set_object_member (properties, "target_versions", object_of ("type", "array", NULL));
  json_object_set_object_member (json_object_get_object_member (properties, "target_versions"), "items",
                                 reference ("target-version"));
  return properties;
}

JsonNode *
icw_dossier_schema_build (IcwStore *store)
{
  const char *required[] = { "format", "format_version", "program_version", "scope", "centers", "records", NULL };
  g_autofree char *id = g_strdup_printf ("https://mfginnovation.org/schemas/ic-workbench-dossier-%d.json",
                                         ICW_DOSSIER_FORMAT_VERSION);
  g_autofree char *title = g_strdup_printf ("Innovation Center Workbench: center dossier, format version %d",
                                            ICW_DOSSIER_FORMAT_VERSION);
  JsonObject *schema = object_of ("$schema", "https://json-schema.org/draft/2020-12/schema", "$id", id,
                                  "title", title,
                                  "description", "Generated by `icw dossier-schema` from the field catalogue; see docs/formats.md.",
                                  "type", "object", NULL);
  JsonObject *defs = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  json_object_set_object_member (schema, "properties", top_properties ());
  json_object_set_array_member (schema, "required", strings (required));
  json_object_set_boolean_member (schema, "additionalProperties", FALSE);
  json_object_set_object_member (defs, "id", patterned (FALSE, "^" UUID "$", NULL));
  json_object_set_object_member (defs, "time", patterned (FALSE, "^" TIME "$", "date-time"));
  json_object_set_object_member (defs, "base64", patterned (FALSE, BASE64, NULL));
  json_object_set_object_member (defs, "record", any_record ());
  json_object_set_object_member (defs, "target-version", target_version_schema ());
  for (guint k = 0; k < ICW_N_RECORD_KINDS; k++)
    json_object_set_object_member (defs, icw_record_kind_to_key ((IcwRecordKind) k),
                                   record_schema (store, (IcwRecordKind) k, defs));
  json_object_set_object_member (schema, "$defs", defs);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, schema);
  return node;
}
