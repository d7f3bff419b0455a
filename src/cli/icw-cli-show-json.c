/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-show-json.c: `icw show ID --json`: one object with the record's members (as in
 * `list --json`), the names of the records it points at, and for a center its registers and
 * figures; for an organization the national platforms it holds; for an application its sections,
 * structured parts and attachments; for a funding request its budget table and milestones. The
 * format is in docs/cli.md. */
#include "config.h"

#include "icw-alliance-member.h"
#include "icw-cli.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-shareholder.h"

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

static void
add_references (JsonBuilder *builder,
                IcwStore    *store,
                IcwRecord   *record)
{
  const char *center_id = NULL;
  const char *org_id = NULL;

  if (ICW_IS_SHAREHOLDER (record))
    {
      center_id = icw_shareholder_get_center_id (ICW_SHAREHOLDER (record));
      org_id = icw_shareholder_get_organization_id (ICW_SHAREHOLDER (record));
    }
  else if (ICW_IS_ALLIANCE_MEMBER (record))
    {
      center_id = icw_alliance_member_get_center_id (ICW_ALLIANCE_MEMBER (record));
      org_id = icw_alliance_member_get_organization_id (ICW_ALLIANCE_MEMBER (record));
    }
  else if (ICW_IS_PLATFORM (record))
    org_id = icw_platform_get_organization_id (ICW_PLATFORM (record));
  else if (ICW_IS_APPLICATION (record))
    {
      add_name_of (builder, store, "center_name", ICW_RECORD_KIND_CENTER,
                   icw_application_get_center_id (ICW_APPLICATION (record)));
      return;
    }
  else if (ICW_IS_AGREEMENT_PARTY (record))
    org_id = icw_agreement_party_get_organization_id (ICW_AGREEMENT_PARTY (record));
  else if (ICW_IS_FUNDING_REQUEST (record))
    {
      const char *application_id = icw_funding_request_get_application_id (ICW_FUNDING_REQUEST (record));
      g_autoptr(IcwRecord) application = application_id != NULL
                                         ? icw_store_lookup (store, ICW_RECORD_KIND_APPLICATION, application_id, NULL)
                                         : NULL;

      add_name_of (builder, store, "center_name", ICW_RECORD_KIND_CENTER,
                   icw_funding_request_get_center_id (ICW_FUNDING_REQUEST (record)));
      icw_cli_json_add_text (builder, "application_title",
                             application != NULL ? icw_application_get_title (ICW_APPLICATION (application)) : NULL);
      return;
    }
  else if (ICW_IS_ATTACHMENT (record))
    {
      g_autoptr(IcwRecord) application = icw_store_lookup (store, ICW_RECORD_KIND_APPLICATION,
                                                           icw_attachment_get_application_id (ICW_ATTACHMENT (record)),
                                                           NULL);

      icw_cli_json_add_text (builder, "application_title",
                             application != NULL ? icw_application_get_title (ICW_APPLICATION (application)) : NULL);
      return;
    }
  else
    return;

  if (center_id != NULL)
    add_name_of (builder, store, "center_name", ICW_RECORD_KIND_CENTER, center_id);
  add_name_of (builder, store, "organization_name", ICW_RECORD_KIND_ORGANIZATION, org_id);
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
  json_builder_add_int_value (builder, facts->platforms->len);
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
  add_name_of (builder, store, "lead_organization_name", ICW_RECORD_KIND_ORGANIZATION,
               icw_center_get_lead_organization_id (center));
  add_name_of (builder, store, "host_organization_name", ICW_RECORD_KIND_ORGANIZATION,
               icw_center_get_host_organization_id (center));
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
  icw_cli_json_add_comments (builder, store, record);
  json_builder_end_object (builder);
  icw_cli_json_print (builder);
}
