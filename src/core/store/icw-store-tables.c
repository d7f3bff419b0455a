/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-tables.c: one descriptor per record kind: its table, its parent and full-text index,
 * and as its columns the kind's fields from the field catalogue (icw-field-catalogue.c). The store
 * generates its SELECT, upsert and outbox SQL from these, so a new field is a line in the
 * catalogue plus a migration. */
#include "config.h"

#include "icw-agreement-party.h"
#include "icw-alliance-member.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-budget-line.h"
#include "icw-center.h"
#include "icw-ip-agreement.h"
#include "icw-funding-request.h"
#include "icw-organization.h"
#include "icw-platform.h"
#include "icw-report.h"
#include "icw-shareholder.h"
#include "icw-store-private.h"

/* The columns come from the catalogue when the descriptors are first asked for. */
static IcwTable tables[] = {
  { ICW_RECORD_KIND_ORGANIZATION, "organizations", icw_organization_get_type,
    NULL, 0, NULL, "organizations_fts",
    NULL, icw_store_validate_organization },
  { ICW_RECORD_KIND_CENTER, "centers", icw_center_get_type,
    NULL, 0, NULL, "centers_fts",
    NULL, icw_store_validate_center },
  { ICW_RECORD_KIND_SHAREHOLDER, "shareholders", icw_shareholder_get_type,
    NULL, 0, "center_id", NULL,
    NULL, icw_store_validate_shareholder },
  { ICW_RECORD_KIND_ALLIANCE_MEMBER, "alliance_members", icw_alliance_member_get_type,
    NULL, 0, "center_id", NULL,
    NULL, icw_store_validate_alliance_member },
  { ICW_RECORD_KIND_PLATFORM, "platforms", icw_platform_get_type,
    NULL, 0, "organization_id", NULL,
    NULL, icw_store_validate_platform },
  { ICW_RECORD_KIND_APPLICATION, "applications", icw_application_get_type,
    NULL, 0, "center_id", NULL,
    NULL, icw_store_validate_application },
  { ICW_RECORD_KIND_ATTACHMENT, "attachments", icw_attachment_get_type,
    NULL, 0, "application_id", NULL,
    icw_store_write_attachment_content, icw_store_validate_attachment, "report_id" },
  { ICW_RECORD_KIND_IP_AGREEMENT, "ip_agreements", icw_ip_agreement_get_type,
    NULL, 0, "center_id", NULL,
    NULL, icw_store_validate_ip_agreement },
  { ICW_RECORD_KIND_AGREEMENT_PARTY, "agreement_parties", icw_agreement_party_get_type,
    NULL, 0, "agreement_id", NULL,
    NULL, icw_store_validate_agreement_party },
  { ICW_RECORD_KIND_FUNDING_REQUEST, "funding_requests", icw_funding_request_get_type,
    NULL, 0, "center_id", NULL,
    NULL, icw_store_validate_funding_request },
  { ICW_RECORD_KIND_BUDGET_LINE, "budget_lines", icw_budget_line_get_type,
    NULL, 0, "request_id", NULL,
    NULL, icw_store_validate_budget_line },
  { ICW_RECORD_KIND_REPORT, "reports", icw_report_get_type,
    NULL, 0, "center_id", NULL,
    NULL, icw_store_validate_report },
};

G_STATIC_ASSERT (G_N_ELEMENTS (tables) == ICW_N_RECORD_KINDS);

static const IcwTable *
all_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        tables[i].columns = icw_field_catalogue (tables[i].kind, &tables[i].n_columns);
      g_once_init_leave (&done, 1);
    }
  return tables;
}

const IcwTable *
icw_store_table_for_kind (IcwRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < ICW_N_RECORD_KINDS, NULL);
  g_assert (tables[kind].kind == kind);
  return &all_tables ()[kind];
}

const IcwTable *
icw_store_table_for_record (IcwRecord *record)
{
  GType type = G_OBJECT_TYPE (record);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].get_type () == type)
      return &all_tables ()[i];

  g_return_val_if_reached (NULL);
}

IcwRecordKind
icw_record_kind_of (IcwRecord *record)
{
  return icw_store_table_for_record (record)->kind;
}
