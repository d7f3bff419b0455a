/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-fields.c: a record's fields as the field catalogue describes them (icw-field-catalogue.c),
 * as the lines of `icw show` (the catalogue's label, the value for people) and as the members of
 * `--json` (the column's name, the value as docs/cli.md fixes it: keys for enumerations, integer
 * fen and basis points, null for empty text and for a year not given, structured parts as JSON
 * values). A kind's own file lists only what is not one field one line (the R&D intensities,
 * the registers, an application's sections, an agreement's text, a budget). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-application-sections.h"
#include "icw-cli.h"

static gboolean
skipped (const IcwColumn    *field,
         const char * const *skip)
{
  return skip != NULL && g_strv_contains (skip, field->name);
}

/* A field's value as a number (integers, booleans, enumerations) or as text. */
static gint64
number_of (IcwRecord       *record,
           const IcwColumn *field,
           GValue          *value)
{
  g_object_get_property (G_OBJECT (record), field->property, value);
  switch (field->type)
    {
    case ICW_COLUMN_INT:
      return g_value_get_int (value);
    case ICW_COLUMN_INT64:
      return g_value_get_int64 (value);
    case ICW_COLUMN_BOOL:
      return g_value_get_boolean (value);
    case ICW_COLUMN_ENUM:
      return g_value_get_uint (value);
    default:
      return 0;
    }
}

static char *
text_for_people (IcwStore        *store,
                 IcwRecord       *record,
                 const IcwColumn *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 n = number_of (record, field, &value);
  const char *text = field->type == ICW_COLUMN_TEXT ? g_value_get_string (&value) : NULL;

  /* The reviewers' comments: a comment list (docs/formats.md) told as people read it. */
  if (g_str_equal (field->name, "reviewer_comments"))
    {
      g_autofree char *comments = icw_cli_comments_describe (record);

      return g_strdup (icw_cli_or_dash (comments));
    }

  switch (field->show)
    {
    case ICW_FIELD_SHOW_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, n);
    case ICW_FIELD_SHOW_YEAR:
      return n != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : g_strdup (icw_cli_or_dash (NULL));
    case ICW_FIELD_SHOW_MONEY:
      return icw_cli_format_money (n);
    case ICW_FIELD_SHOW_SHARE:
      return n >= 0 ? icw_cli_format_share (n) : g_strdup (icw_cli_or_dash (NULL));
    case ICW_FIELD_SHOW_BOOL:
      return g_strdup (icw_cli_format_bool (n != 0));
    case ICW_FIELD_SHOW_ENUM:
      return g_strdup (field->to_label ((guint) n));
    case ICW_FIELD_SHOW_REFERENCE:
      {
        g_autofree char *name = icw_cli_record_name (store, field->refers_to, text);

        return g_strdup (icw_cli_or_dash (name));
      }
    case ICW_FIELD_SHOW_TEXT:
    case ICW_FIELD_SHOW_PART:
    default:
      return g_strdup (icw_cli_or_dash (text));
    }
}

void
icw_cli_table_add_fields (IcwCliTable        *table,
                          IcwStore           *store,
                          IcwRecord          *record,
                          const char * const *skip)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (icw_record_kind_of (record), &n);

  for (guint i = 0; i < n; i++)
    if (!skipped (&fields[i], skip))
      {
        g_autofree char *text = text_for_people (store, record, &fields[i]);

        icw_cli_table_add (table, icw_field_label (&fields[i]), text, NULL);
      }
}

/* A structured part as a JSON value (null when empty; as text when it does not parse). */
void
icw_cli_table_add_record (IcwCliTable        *table,
                          IcwStore           *store,
                          IcwRecord          *record,
                          const char * const *skip)
{
  icw_cli_table_add (table, _("ID"), icw_record_get_id (record), NULL);
  icw_cli_table_add_fields (table, store, record, skip);
}

void
icw_cli_table_add_times (IcwCliTable *table,
                         IcwRecord   *record)
{
  icw_cli_table_add (table, _("Created"), icw_cli_or_dash (icw_record_get_created_at (record)), NULL);
  icw_cli_table_add (table, _("Last changed"), icw_cli_or_dash (icw_record_get_updated_at (record)), NULL);
}

void
icw_cli_show_fields (IcwStore  *store,
                     IcwRecord *record)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (2);

  icw_cli_table_add_record (table, store, record, NULL);
  icw_cli_table_add_times (table, record);
  icw_cli_table_print (table, 0);
}

static void
add_part (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (builder, member);
  if (text == NULL || *text == '\0')
    json_builder_add_null_value (builder);
  else if (json_parser_load_from_data (parser, text, -1, NULL))
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_string_value (builder, text);
}

static void
add_member (JsonBuilder     *builder,
            IcwRecord       *record,
            const IcwColumn *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 n = number_of (record, field, &value);

  if (field->structured)
    {
      add_part (builder, field->name, g_value_get_string (&value));
      return;
    }
  if (field->type == ICW_COLUMN_TEXT)
    {
      icw_cli_json_add_text (builder, field->name, g_value_get_string (&value));
      return;
    }
  if (field->type == ICW_COLUMN_ENUM)
    {
      icw_cli_json_add_text (builder, field->name, field->to_key ((guint) n));
      return;
    }
  json_builder_set_member_name (builder, field->name);
  if (field->type == ICW_COLUMN_BOOL)
    json_builder_add_boolean_value (builder, n != 0);
  else if (field->show == ICW_FIELD_SHOW_YEAR && n == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, n);
}

void
icw_cli_json_add_fields (JsonBuilder        *builder,
                         IcwRecord          *record,
                         const char * const *skip)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (icw_record_kind_of (record), &n);

  for (guint i = 0; i < n; i++)
    if (!skipped (&fields[i], skip))
      add_member (builder, record, &fields[i]);
}

GStrv
icw_cli_section_fields (void)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (ICW_RECORD_KIND_APPLICATION, &n);
  g_autoptr(GStrvBuilder) sections = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    for (IcwSection s = 0; s < ICW_N_SECTIONS; s++)
      if (g_strcmp0 (icw_section_get_property (s), fields[i].property) == 0)
        g_strv_builder_add (sections, fields[i].name);
  return g_strv_builder_end (sections);
}
