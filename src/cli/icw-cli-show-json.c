/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-show-json.c: `icw show ID --json`: one object with the record's members (as in
 * `list --json`), the names of the records it points at (from the catalogue's references), and for a center its registers and
 * figures; for an organization the national platforms it holds; for an application its sections,
 * structured parts and attachments; for a funding request its budget table and milestones. The
 * format is in docs/cli.md. */
#include "config.h"

#include <string.h>

#include "icw-cli.h"
#include "icw-organization.h"

/* Adds "<member>": the name of the record the ID points at (null when there is none). */
static void
add_name_of (JsonBuilder   *builder,
             IcwStore      *store,
             const char    *member,
             IcwRecordKind  kind,
             const char    *id)
{
  g_autofree char *name = icw_cli_record_name (store, kind, id);

  icw_cli_json_add_text (builder, member, name);
}

/* For each reference of the record (a catalogue field ICW_FIELD_SHOW_REFERENCE, "<stem>_id"), the
 * name of the record it points at: "<stem>_name", or "<stem>_title" for a kind known by its
 * title (an application, an agreement, a funding request); null when there is none. */
static void
add_references (JsonBuilder *builder,
                IcwStore    *store,
                IcwRecord   *record)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (icw_record_kind_of (record), &n);

  for (guint i = 0; i < n; i++)
    if (fields[i].show == ICW_FIELD_SHOW_REFERENCE && g_str_has_suffix (fields[i].name, "_id"))
      {
        g_autofree char *stem = g_strndup (fields[i].name, strlen (fields[i].name) - strlen ("_id"));
        gboolean titled = icw_field_catalogue_find (fields[i].refers_to, "name") == NULL &&
                          icw_field_catalogue_find (fields[i].refers_to, "title") != NULL;
        g_autofree char *member = g_strconcat (stem, titled ? "_title" : "_name", NULL);
        g_autofree char *id = NULL;

        g_object_get (record, fields[i].property, &id, NULL);
        add_name_of (builder, store, member, fields[i].refers_to, id);
      }
}

/* An array of records, each with the names of what it points at. */
static void
add_array (JsonBuilder *builder,
           IcwStore    *store,
           const char  *member,
           GPtrArray   *records)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      json_builder_begin_object (builder);
      icw_cli_json_add_record (builder, records->pdata[i]);
      add_references (builder, store, records->pdata[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_coverage (JsonBuilder       *builder,
              IcwCliCenterFacts *facts)
{
  json_builder_set_member_name (builder, "platform_coverage");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "held");
  json_builder_add_int_value (builder, facts->platforms_counted);
  json_builder_set_member_name (builder, "field_total");
  json_builder_add_int_value (builder, facts->field_platform_total);
  json_builder_set_member_name (builder, "coverage_bp");
  if (facts->coverage_bp >= 0)
    json_builder_add_int_value (builder, facts->coverage_bp);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_center_details (JsonBuilder *builder,
                    IcwStore    *store,
                    IcwCenter   *center)
{
  g_auto(IcwCliCenterFacts) facts = { NULL, };

  icw_cli_center_facts_init (&facts, store, center);
  add_array (builder, store, "shareholders", facts.shareholders);
  json_builder_set_member_name (builder, "share_total_bp");
  json_builder_add_int_value (builder, facts.share_total_bp);
  add_array (builder, store, "alliance_members", facts.members);
  add_array (builder, store, "platforms", facts.platforms);
  add_coverage (builder, &facts);
}

static void
add_organization_details (JsonBuilder     *builder,
                          IcwStore        *store,
                          IcwOrganization *org)
{
  g_autoptr(GListModel) held = icw_store_list (store, ICW_RECORD_KIND_PLATFORM,
                                               icw_record_get_id (ICW_RECORD (org)));
  g_autoptr(GPtrArray) platforms = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (held); i++)
    g_ptr_array_add (platforms, g_list_model_get_item (held, i));
  add_array (builder, store, "platforms", platforms);
}

void
icw_cli_show_json (IcwStore  *store,
                   IcwRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  icw_cli_json_add_record (builder, record);
  add_references (builder, store, record);
  if (ICW_IS_CENTER (record))
    add_center_details (builder, store, ICW_CENTER (record));
  else if (ICW_IS_ORGANIZATION (record))
    add_organization_details (builder, store, ICW_ORGANIZATION (record));
  else if (ICW_IS_APPLICATION (record))
    icw_cli_add_application_details (builder, store, ICW_APPLICATION (record));
  else if (ICW_IS_IP_AGREEMENT (record))
    icw_cli_add_agreement_details (builder, store, ICW_IP_AGREEMENT (record));
  else if (ICW_IS_FUNDING_REQUEST (record))
    icw_cli_add_funding_details (builder, store, ICW_FUNDING_REQUEST (record));
  else if (ICW_IS_REPORT (record))
    icw_cli_add_report_details (builder, store, ICW_REPORT (record));
  icw_cli_json_add_comments (builder, store, record);
  json_builder_end_object (builder);
  icw_cli_json_print (builder);
}
