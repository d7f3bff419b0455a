/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-cli-show-agreement.c: `icw show` of an IP-sharing agreement: its terms, its parties, then
 * the agreement text generated from the clause templates in the user's language; as JSON, the
 * same with the parties and the text's numbered clauses. Also `icw show` of a party and
 * `icw list agreements`. */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-agreement-party.h"
#include "icw-agreement-text.h"
#include "icw-cli.h"
#include "icw-ip-agreement-check.h"
#include "icw-money.h"

/* The agreement's fields; its results are in its text, below. */
static const char * const in_the_text[] = { "results", NULL };

static void
print_fields (IcwStore       *store,
              IcwIpAgreement *agreement)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (2);

  icw_cli_table_add_record (table, store, ICW_RECORD (agreement), in_the_text);
  icw_cli_table_add_times (table, ICW_RECORD (agreement));
  icw_cli_table_print (table, 0);
}

static void
print_parties (IcwStore  *store,
               GPtrArray *parties)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (5);

  icw_cli_out ("\n== %s ==\n", _("Parties"));
  if (parties->len == 0)
    {
      icw_cli_out ("—\n");
      return;
    }
  icw_cli_table_add (table, _("ID"), _("Party"), _("Revenue share"), _("Signed"), _("Sealed"), NULL);
  for (guint i = 0; i < parties->len; i++)
    {
      IcwAgreementParty *party = parties->pdata[i];
      g_autofree char *name = icw_cli_record_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                                   icw_agreement_party_get_organization_id (party));
      g_autofree char *share = icw_basis_points_format (icw_agreement_party_get_share_bp (party));

      icw_cli_table_add (table, icw_record_get_id (ICW_RECORD (party)), icw_cli_or_dash (name), share,
                         icw_agreement_party_get_signed (party) ? icw_cli_or_dash (icw_agreement_party_get_signed_date (party)) : _("No"),
                         icw_agreement_party_get_sealed (party) ? icw_cli_or_dash (icw_agreement_party_get_sealed_date (party)) : _("No"),
                         NULL);
    }
  icw_cli_table_align_right (table, 2);
  icw_cli_table_print (table, 0);
}

void
icw_cli_show_agreement_text (IcwStore       *store,
                             IcwIpAgreement *agreement)
{
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (store, agreement);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementText) text = icw_agreement_text_render (store, agreement, NULL, &error);
  g_autofree char *plain = text != NULL ? icw_agreement_text_to_plain (text) : NULL;

  print_fields (store, agreement);
  print_parties (store, parties);
  icw_cli_out ("\n== %s ==\n", _("Agreement text"));
  if (plain != NULL)
    icw_cli_out ("%s", plain);
  else
    icw_cli_err ("%s", error->message);
}

void
icw_cli_add_agreement_details (JsonBuilder    *builder,
                               IcwStore       *store,
                               IcwIpAgreement *agreement)
{
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (store, agreement);
  g_autoptr(IcwAgreementText) text = icw_agreement_text_render (store, agreement, NULL, NULL);

  /* center_name comes with the references (icw-cli-show-json.c). */
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parties->len; i++)
    {
      g_autofree char *name = icw_cli_record_name (store, ICW_RECORD_KIND_ORGANIZATION,
                                                   icw_agreement_party_get_organization_id (parties->pdata[i]));

      json_builder_begin_object (builder);
      icw_cli_json_add_record (builder, parties->pdata[i]);
      icw_cli_json_add_text (builder, "organization_name", name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "text");
  if (text == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  icw_cli_json_add_text (builder, "language", text->language);
  icw_cli_json_add_text (builder, "title", text->title);
  json_builder_set_member_name (builder, "clauses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < text->clauses->len; i++)
    {
      IcwAgreementClause *clause = text->clauses->pdata[i];

      json_builder_begin_object (builder);
      icw_cli_json_add_text (builder, "id", clause->id);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, clause->number);
      icw_cli_json_add_text (builder, "heading", clause->heading);
      icw_cli_json_add_text (builder, "body", clause->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* `icw list agreements`: every center's agreements, in the order they were made. */
void
icw_cli_print_agreements (IcwStore   *store,
                          GListModel *list)
{
  g_autoptr(IcwCliTable) table = icw_cli_table_new (6);
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      icw_cli_out ("%s\n", _("There are no agreements in the database."));
      return;
    }
  icw_cli_table_add (table, _("ID"), _("Title"), _("Center"), _("Status"), _("Version"), _("Parties"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcwIpAgreement) agreement = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (store, agreement);
      g_autofree char *center = icw_cli_record_name (store, ICW_RECORD_KIND_CENTER,
                                                     icw_ip_agreement_get_center_id (agreement));
      g_autofree char *version = g_strdup_printf ("%d", icw_ip_agreement_get_version (agreement));
      g_autofree char *count = g_strdup_printf ("%u", parties->len);

      icw_cli_table_add (table, icw_record_get_id (ICW_RECORD (agreement)),
                         icw_cli_or_dash (icw_ip_agreement_get_title (agreement)), icw_cli_or_dash (center),
                         icw_application_status_to_label (icw_ip_agreement_get_status (agreement)),
                         version, count, NULL);
    }
  icw_cli_table_align_right (table, 4);
  icw_cli_table_align_right (table, 5);
  icw_cli_table_print (table, 0);
}
