/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-json.c: the members each record kind has in `list --json` and `show --json`: its fields
 * as the field catalogue lists them (icw-cli-fields.c; structured parts as JSON values), and what
 * a kind gives otherwise (an organization's intensities as one array, a budget line's cells as
 * integers). These are a contract (docs/cli.md): members are only ever added. Enumerations are their stable keys, never
 * translated labels; money is integer fen (*_fen), shares and intensities integer basis points
 * (*_bp); an unknown value is null. */
#include "config.h"

#include <stdio.h>

#include "icw-budget-line.h"
#include "icw-cli.h"
#include "icw-organization.h"

void
icw_cli_json_add_text (JsonBuilder *builder,
                       const char  *member,
                       const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* One array, rd_intensity_bp. */
static const char * const rd_intensities[] = { "rd_intensity_1", "rd_intensity_2", "rd_intensity_3", NULL };

static void
add_organization (JsonBuilder     *builder,
                  IcwOrganization *org)
{
  gint64 intensities[] = { icw_organization_get_rd_intensity_1 (org),
                           icw_organization_get_rd_intensity_2 (org),
                           icw_organization_get_rd_intensity_3 (org) };

  icw_cli_json_add_fields (builder, ICW_RECORD (org), rd_intensities);
  /* Oldest first: base year - 2, base year - 1, base year. */
  json_builder_set_member_name (builder, "rd_intensity_bp");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (intensities); i++)
    if (intensities[i] < 0)
      json_builder_add_null_value (builder);
    else
      json_builder_add_int_value (builder, intensities[i]);
  json_builder_end_array (builder);
}

/* A funding request's milestones are added by `show --json`, amounts as integer fen. */
static const char * const funding_skip[] = { "milestones", NULL };

static const char * const budget_line_skip[] = { "cells", NULL };

static void
add_budget_line (JsonBuilder   *builder,
                 IcwBudgetLine *line)
{
  g_autoptr(GHashTable) cells = icw_budget_cells_parse (icw_budget_line_get_cells (line), NULL);
  GHashTableIter iter;
  gpointer key, value;

  /* The cells as integer fen, not as the stored text of decimal strings. */
  icw_cli_json_add_fields (builder, ICW_RECORD (line), budget_line_skip);
  json_builder_set_member_name (builder, "cells_fen");
  json_builder_begin_object (builder);
  if (cells != NULL)
    {
      g_hash_table_iter_init (&iter, cells);
      while (g_hash_table_iter_next (&iter, &key, &value))
        add_int (builder, key, *(gint64 *) value);
    }
  json_builder_end_object (builder);
}

static const char *
record_kind_key (IcwRecord *record)
{
  return icw_record_kind_to_key (icw_record_kind_of (record));
}

/* Adds the record's members to the object being built: identity and times first, then its fields. */
void
icw_cli_json_add_record (JsonBuilder *builder,
                         IcwRecord   *record)
{
  icw_cli_json_add_text (builder, "id", icw_record_get_id (record));
  icw_cli_json_add_text (builder, "record_kind", record_kind_key (record));
  icw_cli_json_add_text (builder, "revision", icw_record_get_revision (record));
  icw_cli_json_add_text (builder, "created_at", icw_record_get_created_at (record));
  icw_cli_json_add_text (builder, "updated_at", icw_record_get_updated_at (record));

  if (ICW_IS_ORGANIZATION (record))
    add_organization (builder, ICW_ORGANIZATION (record));
  else if (ICW_IS_APPLICATION (record))
    {
      g_auto(GStrv) skip = icw_cli_section_fields ();

      icw_cli_json_add_fields (builder, record, (const char * const *) skip);
    }
  else if (ICW_IS_FUNDING_REQUEST (record))
    icw_cli_json_add_fields (builder, record, funding_skip);
  else if (ICW_IS_BUDGET_LINE (record))
    add_budget_line (builder, ICW_BUDGET_LINE (record));
  else
    icw_cli_json_add_fields (builder, record, NULL);
}

/* Prints the finished value, indented, as UTF-8 (json-glib escapes only what JSON requires). */
void
icw_cli_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputs ("\n", stdout);
}
