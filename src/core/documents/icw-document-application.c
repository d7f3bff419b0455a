/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-application.c: the document of a center application (申报书): the cover, then the
 * sections in the editor's order (icw-application-sections.h), numbered as the reviewers' template
 * numbers them: the call as a key/value list, each narrative section as paragraphs, the roadmap,
 * capability platforms and indicators as tables, the eight main tasks of 273号 as sub-headings,
 * the center's registers (shareholders, alliance members) and the attachments as tables. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "icw-alliance-member.h"
#include "icw-application-parts.h"
#include "icw-application-sections.h"
#include "icw-application-summary.h"
#include "icw-application.h"
#include "icw-attachment.h"
#include "icw-center.h"
#include "icw-document-private.h"
#include "icw-enums.h"
#include "icw-money.h"
#include "icw-organization.h"
#include "icw-shareholder.h"

static const char *
member_text (JsonObject *item,
             const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : "";
}

static char *
member_int (JsonObject *item,
            const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
         ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)) : g_strdup ("");
}

static void
add_call (IcwDocument    *document,
          IcwStore       *store,
          IcwApplication *application)
{
  IcwDocBlock *block = icw_document_add_key_values (document);
  g_autofree char *center = icw_doc_record_name (store, ICW_RECORD_KIND_CENTER, icw_application_get_center_id (application));
  g_autofree char *version = g_strdup_printf ("%d", icw_application_get_version (application));

  icw_doc_block_add_pair (block, _("Title"), icw_application_get_title (application));
  icw_doc_block_add_pair (block, _("Center"), center);
  icw_doc_block_add_pair (block, _("Kind"), icw_application_kind_to_label (icw_application_get_kind (application)));
  icw_doc_block_add_pair (block, _("Call"), icw_application_get_call_name (application));
  icw_doc_block_add_pair (block, _("Issued by"), icw_application_get_call_issuer (application));
  icw_doc_block_add_pair (block, _("Deadline"), icw_application_get_call_deadline (application));
  icw_doc_block_add_pair (block, _("Status"), icw_application_status_to_label (icw_application_get_status (application)));
  icw_doc_block_add_pair (block, _("Version"), version);
}

/* The 基本情况表: one item a row, its label and its value. */
static void
add_summary (IcwDocument    *document,
             IcwStore       *store,
             IcwApplication *application)
{
  g_autoptr(GPtrArray) rows = icw_application_summary (store, application);
  const guint weights[] = { 2, 5 };
  IcwDocBlock *block;

  icw_document_add_heading (document, 2, _("Summary table (基本情况表)"));
  block = icw_document_add_table (document, 2, 0);
  icw_doc_block_set_weights (block, weights);
  for (guint i = 0; i < rows->len; i++)
    {
      IcwSummaryRow *item = rows->pdata[i];
      const char *row[] = { item->label, item->value };

      icw_doc_block_add_row (block, row);
    }
}

static char *
member_number (JsonObject *item,
               const char *member)
{
  JsonNode *node = item != NULL ? json_object_get_member (item, member) : NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", json_node_get_double (node)));
  return g_strdup ("");
}

static char *
target_of (JsonObject *item,
           gint64      year)
{
  JsonNode *node = json_object_get_member (item, "years");
  JsonArray *years = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; years != NULL && i < json_array_get_length (years); i++)
    {
      JsonNode *entry = json_array_get_element (years, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;

      if (object != NULL && json_object_has_member (object, "year") && json_object_get_int_member (object, "year") == year)
        return member_number (object, "target");
    }
  return g_strdup ("");
}

/* The 绩效目标表: the indicators grouped by area (37号's 建设情况, then the six of its art. 8), a
 * column per year of any target; the texts written before the numbers in a last column when any
 * indicator still has one. */
static void
add_indicators (IcwDocument *document,
                JsonArray   *items)
{
  const char * const *areas = icw_indicator_area_keys ();
  gint64 first = G_MAXINT64, last = G_MININT64;
  gboolean texts = FALSE;
  guint n_years, n_columns, number = 0;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *weights = NULL;
  IcwDocBlock *block;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *years = item != NULL ? json_object_get_member (item, "years") : NULL;

      if (item == NULL)
        continue;
      texts |= *member_text (item, "targets") != '\0' || *member_text (item, "baseline") != '\0';
      for (guint y = 0; years != NULL && JSON_NODE_HOLDS_ARRAY (years) && y < json_array_get_length (json_node_get_array (years)); y++)
        {
          JsonNode *entry = json_array_get_element (json_node_get_array (years), y);

          if (JSON_NODE_HOLDS_OBJECT (entry) && json_object_has_member (json_node_get_object (entry), "year"))
            {
              gint64 year = json_object_get_int_member (json_node_get_object (entry), "year");

              first = MIN (first, year);
              last = MAX (last, year);
            }
        }
    }
  n_years = first <= last ? (guint) MIN (last - first + 1, 10) : 0;
  n_columns = 5 + n_years + (texts ? 1 : 0);
  weights = g_new (guint, n_columns);
  g_ptr_array_add (header, g_strdup (_("No.")));
  g_ptr_array_add (header, g_strdup (_("Area")));
  g_ptr_array_add (header, g_strdup (_("Indicator")));
  g_ptr_array_add (header, g_strdup (_("Unit")));
  g_ptr_array_add (header, g_strdup (_("Baseline")));
  for (guint y = 0; y < n_years; y++)
    g_ptr_array_add (header, g_strdup_printf ("%" G_GINT64_FORMAT, first + y));
  if (texts)
    g_ptr_array_add (header, g_strdup (_("Targets as text (earlier versions)")));
  for (guint c = 0; c < n_columns; c++)
    weights[c] = c == 0 ? 1 : c == 1 ? 3 : c == 2 ? 5 : c == n_columns - 1 && texts ? 4 : 2;
  block = icw_document_add_table (document, n_columns, 1);
  icw_doc_block_set_weights (block, weights);
  for (guint c = 4; c < 5 + n_years; c++)
    block->numeric |= 1u << c;
  icw_doc_block_add_row (block, (const char **) header->pdata);
  /* By area, in the areas' order; an item of an unknown area last. */
  for (guint a = 0; ; a++)
    {
      const char *area = areas[a];

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *node = json_array_get_element (items, i);
          JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *key = item != NULL ? member_text (item, "area") : "";
          const char *label;
          g_autoptr(GPtrArray) row = NULL;
          g_autofree char *baseline = NULL;

          if (item == NULL || (area != NULL ? g_strcmp0 (key, area) != 0 : icw_indicator_area_to_label (key) != NULL))
            continue;
          row = g_ptr_array_new_with_free_func (g_free);
          label = icw_indicator_area_to_label (key);
          baseline = member_number (item, "baseline_value");
          g_ptr_array_add (row, g_strdup_printf ("%u", ++number));
          g_ptr_array_add (row, g_strdup (label != NULL ? _(label) : key));
          g_ptr_array_add (row, g_strdup (member_text (item, "name")));
          g_ptr_array_add (row, g_strdup (member_text (item, "unit")));
          g_ptr_array_add (row, *baseline != '\0' ? g_steal_pointer (&baseline) : g_strdup (member_text (item, "baseline")));
          for (guint y = 0; y < n_years; y++)
            g_ptr_array_add (row, target_of (item, first + y));
          if (texts)
            g_ptr_array_add (row, g_strdup (member_text (item, "targets")));
          icw_doc_block_add_row (block, (const char **) row->pdata);
        }
      if (area == NULL)
        break;
    }
}

static void
add_list (IcwDocument    *document,
          IcwApplication *application,
          IcwSection      section)
{
  g_autofree char *raw = icw_application_get_section_text (application, section);
  g_autoptr(JsonNode) root = icw_application_part_parse (section, raw, NULL);
  JsonArray *items = root != NULL ? json_node_get_array (root) : NULL;
  guint n = items != NULL ? json_array_get_length (items) : 0;
  IcwDocBlock *block;

  if (n == 0)
    {
      icw_document_add_paragraphs (document, NULL);
      return;
    }
  if (section == ICW_SECTION_ROADMAP)
    {
      const char *header[] = { _("No."), _("Key common technology"), _("TRL now"), _("TRL target"), _("Milestones") };
      const guint weights[] = { 1, 4, 2, 2, 6 };

      block = icw_document_add_table (document, 5, 1);
      icw_doc_block_add_row (block, header);
      icw_doc_block_set_weights (block, weights);
    }
  else if (section == ICW_SECTION_CAPABILITY_PLATFORMS)
    {
      const char *header[] = { _("No."), _("Kind"), _("Platform"), _("Description") };
      const guint weights[] = { 1, 3, 4, 7 };

      block = icw_document_add_table (document, 4, 1);
      icw_doc_block_add_row (block, header);
      icw_doc_block_set_weights (block, weights);
    }
  else
    {
      add_indicators (document, items);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      if (item == NULL)
        continue;
      if (section == ICW_SECTION_ROADMAP)
        {
          g_autofree char *from = member_int (item, "trl_from");
          g_autofree char *to = member_int (item, "trl_to");
          const char *row[] = { number, member_text (item, "technology"), from, to, member_text (item, "milestones") };

          icw_doc_block_add_row (block, row);
        }
      else
        {
          const char *kind = icw_capability_kind_to_label (member_text (item, "kind"));
          const char *row[] = { number, kind != NULL ? _(kind) : member_text (item, "kind"),
                                member_text (item, "name"), member_text (item, "description") };

          icw_doc_block_add_row (block, row);
        }
    }
}

static void
add_tasks (IcwDocument    *document,
           IcwApplication *application)
{
  g_autoptr(JsonNode) root = icw_application_part_parse (ICW_SECTION_TASKS, icw_application_get_tasks (application), NULL);
  JsonObject *plans = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  for (guint n = 1; n <= ICW_N_MAIN_TASKS; n++)
    {
      char key[2] = { (char) ('0' + n), '\0' };
      g_autofree char *heading = g_strdup_printf ("%u. %s", n, icw_main_task_get_title (n));

      icw_document_add_heading (document, 2, heading);
      icw_document_add_paragraphs (document, plans != NULL ? member_text (plans, key) : NULL);
    }
}

static void
add_registers (IcwDocument    *document,
               IcwStore       *store,
               IcwApplication *application)
{
  g_autoptr(GPtrArray) holders = icw_store_list_records (store, ICW_RECORD_KIND_SHAREHOLDER, icw_application_get_center_id (application));
  g_autoptr(GPtrArray) members = icw_store_list_records (store, ICW_RECORD_KIND_ALLIANCE_MEMBER, icw_application_get_center_id (application));
  const char *holder_header[] = { _("Organization"), _("Contribution"), _("Amount (10k yuan)"), _("Share") };
  /* 用户企业 is a kind of firm (the organization's flag, 64号 "包括用户在内"), not a role. */
  const char *member_header[] = { _("Organization"), _("Role"), _("User enterprise"), _("Joined"), _("Agreement signed") };
  const guint weights[] = { 6, 3, 3, 2 };
  const guint member_weights[] = { 7, 3, 3, 3, 3 };
  IcwDocBlock *block;

  icw_document_add_heading (document, 2, _("Shareholders"));
  block = icw_document_add_table (document, 4, 1);
  icw_doc_block_set_weights (block, weights);
  block->numeric = 1u << 2 | 1u << 3;
  icw_doc_block_add_row (block, holder_header);
  for (guint i = 0; i < holders->len; i++)
    {
      IcwShareholder *holder = holders->pdata[i];
      g_autofree char *name = icw_doc_record_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_shareholder_get_organization_id (holder));
      g_autofree char *amount = icw_doc_money (icw_shareholder_get_amount_fen (holder));
      g_autofree char *share = icw_basis_points_format (icw_shareholder_get_share_bp (holder));
      const char *row[] = { name, icw_contribution_to_label (icw_shareholder_get_contribution (holder)), amount, share };

      icw_doc_block_add_row (block, row);
    }
  icw_document_add_heading (document, 2, _("Alliance members"));
  block = icw_document_add_table (document, 5, 1);
  icw_doc_block_set_weights (block, member_weights);
  icw_doc_block_add_row (block, member_header);
  for (guint i = 0; i < members->len; i++)
    {
      IcwAllianceMember *member = members->pdata[i];
      g_autofree char *name = icw_doc_record_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_alliance_member_get_organization_id (member));
      g_autoptr(IcwRecord) org = icw_store_lookup (store, ICW_RECORD_KIND_ORGANIZATION, icw_alliance_member_get_organization_id (member), NULL);
      gboolean user = org != NULL && icw_organization_get_user_enterprise (ICW_ORGANIZATION (org));
      const char *row[] = { name, icw_member_role_to_label (icw_alliance_member_get_role (member)),
                            user ? _("Yes") : _("No"),
                            icw_alliance_member_get_joined (member),
                            icw_alliance_member_get_agreement_signed (member) ? _("Yes") : _("No") };

      icw_doc_block_add_row (block, row);
    }
}

static void
add_attachments (IcwDocument    *document,
                 IcwStore       *store,
                 IcwApplication *application)
{
  g_autoptr(GPtrArray) files = icw_store_list_records (store, ICW_RECORD_KIND_ATTACHMENT, icw_record_get_id (ICW_RECORD (application)));
  const char *header[] = { _("No."), _("File"), _("Kind"), _("Size") };
  const guint weights[] = { 1, 7, 4, 2 };
  IcwDocBlock *block;

  if (files->len == 0)
    {
      icw_document_add_paragraphs (document, NULL);
      return;
    }
  block = icw_document_add_table (document, 4, 1);
  icw_doc_block_set_weights (block, weights);
  block->numeric = 1u << 3;
  icw_doc_block_add_row (block, header);
  for (guint i = 0; i < files->len; i++)
    {
      IcwAttachment *file = files->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *size = g_format_size_full (icw_attachment_get_size (file), G_FORMAT_SIZE_IEC_UNITS);
      const char *row[] = { number, icw_attachment_get_name (file),
                            icw_attachment_kind_to_label (icw_attachment_get_kind (file)), size };

      icw_doc_block_add_row (block, row);
    }
}

/* The application form's cover lines: the applicant that seals it is the center's company, or
 * its lead while there is no company yet (a 培育 application may come before it); the
 * recommending body, the contact and telephone as the application records them. */
static void
add_cover_form (IcwDocument    *document,
                IcwStore       *store,
                IcwApplication *application)
{
  g_autoptr(IcwRecord) center = icw_store_lookup (store, ICW_RECORD_KIND_CENTER, icw_application_get_center_id (application), NULL);
  g_autofree char *applicant = NULL;
  g_autofree char *recommender = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone = NULL;

  if (center != NULL)
    applicant = icw_doc_record_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_center_get_host_organization_id (ICW_CENTER (center)));
  if (center != NULL && applicant == NULL)
    applicant = icw_doc_record_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_center_get_lead_organization_id (ICW_CENTER (center)));
  g_object_get (application, "recommender", &recommender, "contact-name", &contact, "contact-phone", &phone, NULL);
  icw_document_set_cover_form (document, applicant, recommender, contact, phone);
}

IcwDocument *
icw_document_build_application (IcwStore   *store,
                                IcwRecord  *record,
                                GError    **error)
{
  IcwApplication *application = ICW_APPLICATION (record);
  IcwDocument *document = icw_document_new (icw_application_get_title (application));
  guint number = 0;

  icw_doc_set_center_cover (document, store, icw_application_get_center_id (application),
                            icw_application_kind_to_label (icw_application_get_kind (application)));
  add_cover_form (document, store, application);
  for (guint s = 0; s < ICW_N_SECTIONS; s++)
    {
      /* The market operation plan is Shenzhen's section: printed when written, not as an empty
       * heading in every other province's document. */
      if (s == ICW_SECTION_MARKET_PLAN)
        {
          g_autofree char *plan = icw_application_get_section_text (application, s);

          if (plan == NULL || *g_strstrip (plan) == '\0')
            continue;
        }
      icw_doc_numbered_heading (document, ++number, icw_section_get_title (s));
      switch (icw_section_get_form (s))
        {
        case ICW_SECTION_FORM_CALL:
          add_call (document, store, application);
          add_summary (document, store, application);
          break;
        case ICW_SECTION_FORM_TEXT:
          {
            g_autofree char *text = icw_application_get_section_text (application, s);

            icw_document_add_paragraphs (document, text);
          }
          break;
        case ICW_SECTION_FORM_LIST:
          add_list (document, application, s);
          break;
        case ICW_SECTION_FORM_TASKS:
          add_tasks (document, application);
          break;
        case ICW_SECTION_FORM_REGISTERS:
          add_registers (document, store, application);
          break;
        case ICW_SECTION_FORM_ATTACHMENTS:
          add_attachments (document, store, application);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return document;
}
