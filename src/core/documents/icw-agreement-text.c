/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-text.c: filling the clause templates of an IP-sharing agreement. A template has
 * "values" (the sentence for each value of an enumerated term), "lines" (formats of the lines
 * repeated per party, item or result) and "clauses" (heading and body); every {name} is replaced
 * by the text computed here from the agreement, its parties and the register. Nothing is
 * assembled from fragments of translated text: each language's template holds whole sentences. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-agreement-party.h"
#include "icw-agreement-text.h"
#include "icw-agreements-resources.h"
#include "icw-center.h"
#include "icw-error.h"
#include "icw-form-text.h"
#include "icw-ip-agreement-check.h"
#include "icw-ip-agreement-parts.h"
#include "icw-document-private.h"
#include "icw-money.h"
#include "icw-organization.h"
#include "icw-rule-pack.h"

#define RESOURCE_DIR "/org/mfginnovation/Workbench/agreements/"

typedef struct {
  JsonObject *values;
  JsonObject *lines;
  GHashTable *fields;   /* placeholder → text */
  IcwStore   *store;
} Filler;

static JsonObject *
load_template (const char  *language,
               JsonParser  *parser,
               GError     **error)
{
  static gsize registered = 0;
  g_autofree char *path = g_strdup_printf (RESOURCE_DIR "ip-agreement.%s.json", language);
  g_autoptr(GBytes) bytes = NULL;

  if (g_once_init_enter (&registered))
    {
      icw_agreements_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resources_lookup_data (path, 0, NULL);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_NOT_FOUND,
                   _("The agreement template for the language “%s” is missing or damaged"), language);
      return NULL;
    }
  return json_node_get_object (json_parser_get_root (parser));
}

/* Replaces each {name} of the template by its value in the table; an unknown name stays as it is. */
static char *
expand (const char *template,
        GHashTable *fields)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close = p[0] == '{' ? strchr (p, '}') : NULL;
      g_autofree char *name = close != NULL ? g_strndup (p + 1, close - p - 1) : NULL;
      const char *value = name != NULL ? g_hash_table_lookup (fields, name) : NULL;

      if (value != NULL)
        {
          g_string_append (out, value);
          p = close + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static const char *
line (Filler     *f,
      const char *name)
{
  return json_object_get_string_member_with_default (f->lines, name, name);
}

static void
set (Filler     *f,
     const char *name,
     char       *value)   /* transfer full */
{
  g_hash_table_insert (f->fields, g_strdup (name), value);
}

static void
set_text (Filler     *f,
          const char *name,
          const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));

  set (f, name, g_strdup (*stripped != '\0' ? stripped : line (f, "unnamed")));
}

/* A line format filled with name/value pairs (NULL-terminated) on top of the shared fields. */
static char *
fill_line (Filler     *f,
           const char *format,
           ...) G_GNUC_NULL_TERMINATED;

static char *
fill_line (Filler     *f,
           const char *format,
           ...)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  const char *name;
  va_list args;

  g_hash_table_iter_init (&iter, f->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (fields, key, value);
  va_start (args, format);
  while ((name = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (fields, (gpointer) name, va_arg (args, char *));
  va_end (args);
  return expand (line (f, format), fields);
}

/* The sentence of an enumerated term, filled with the shared fields. */
static void
set_value (Filler     *f,
           const char *name,
           const char *key)
{
  JsonObject *variants = json_object_get_object_member (f->values, name);
  const char *sentence = variants != NULL ? json_object_get_string_member_with_default (variants, key, key) : key;

  set (f, name, expand (sentence, f->fields));
}

static char *
organization_name (Filler     *f,
                   const char *id)
{
  g_autoptr(IcwOrganization) org = NULL;

  if (id != NULL && *id != '\0')
    org = (IcwOrganization *) icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION, id, NULL);
  return g_strdup (org != NULL ? icw_organization_get_name (org) : line (f, "unnamed"));
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static void
fill_parties (Filler    *f,
              GPtrArray *parties)
{
  GString *list = g_string_new (NULL);
  GString *shares = g_string_new (NULL);
  GString *signatures = g_string_new (NULL);
  GString *background = g_string_new (NULL);
  gint64 total = 0;

  for (guint i = 0; i < parties->len; i++)
    {
      IcwAgreementParty *party = parties->pdata[i];
      g_autoptr(IcwOrganization) org = (IcwOrganization *) icw_store_lookup (f->store, ICW_RECORD_KIND_ORGANIZATION,
                                                                            icw_agreement_party_get_organization_id (party), NULL);
      const char *name = org != NULL ? icw_organization_get_name (org) : line (f, "unnamed");
      const char *code = org != NULL ? icw_organization_get_credit_code (org) : NULL;
      const char *signatory = icw_agreement_party_get_signatory (party);
      g_autofree char *n = number (i + 1);
      g_autofree char *contribution = icw_doc_money (icw_agreement_party_get_contribution_fen (party));
      g_autofree char *share = icw_basis_points_format (icw_agreement_party_get_share_bp (party));
      g_autofree char *signed_on = fill_line (f, "done_on", "date", icw_agreement_party_get_signed_date (party) != NULL
                                                                    ? icw_agreement_party_get_signed_date (party) : line (f, "unnamed"), NULL);
      g_autofree char *sealed_on = fill_line (f, "done_on", "date", icw_agreement_party_get_sealed_date (party) != NULL
                                                                    ? icw_agreement_party_get_sealed_date (party) : line (f, "unnamed"), NULL);
      g_autofree char *party_line = NULL;
      g_autofree char *share_line = NULL;
      g_autofree char *signature = NULL;
      g_autoptr(JsonArray) items = icw_agreement_party_parse_background_ip (icw_agreement_party_get_background_ip (party), NULL);

      code = code != NULL && *code != '\0' ? code : line (f, "unnamed");
      signatory = signatory != NULL && *signatory != '\0' ? signatory : line (f, "unnamed");
      party_line = fill_line (f, "party", "n", n, "name", name, "credit_code", code, "signatory", signatory,
                              "contribution", contribution, NULL);
      share_line = fill_line (f, "share", "name", name, "share", share, NULL);
      signature = fill_line (f, "signature", "name", name, "signatory", signatory,
                             "signed", icw_agreement_party_get_signed (party) ? signed_on : line (f, "not_yet"),
                             "sealed", icw_agreement_party_get_sealed (party) ? sealed_on : line (f, "not_yet"), NULL);
      g_string_append_printf (list, "%s%s", i > 0 ? "\n" : "", party_line);
      g_string_append_printf (shares, "%s%s", i > 0 ? "\n" : "", share_line);
      g_string_append_printf (signatures, "%s%s", i > 0 ? "\n" : "", signature);
      total += icw_agreement_party_get_share_bp (party);

      if (items == NULL || json_array_get_length (items) == 0)
        {
          g_autofree char *none = fill_line (f, "background_none", "name", name, NULL);
          g_string_append_printf (background, "%s%s", background->len > 0 ? "\n" : "", none);
          continue;
        }
      {
        g_autofree char *head = fill_line (f, "background_party", "name", name, NULL);
        g_string_append_printf (background, "%s%s", background->len > 0 ? "\n" : "", head);
      }
      for (guint k = 0; k < json_array_get_length (items); k++)
        {
          JsonObject *item = json_array_get_object_element (items, k);
          JsonObject *kinds = json_object_get_object_member (f->values, "background_kind");
          const char *kind = icw_json_item_text (item, "kind");
          g_autofree char *item_n = number (k + 1);
          g_autofree char *item_line = NULL;

          kind = kinds != NULL && *kind != '\0' ? json_object_get_string_member_with_default (kinds, kind, kind) : line (f, "unnamed");
          item_line = fill_line (f, *icw_json_item_text (item, "number") != '\0' ? "background_item" : "background_item_unnumbered",
                                 "n", item_n, "kind", kind,
                                 "number", *icw_json_item_text (item, "number") != '\0' ? icw_json_item_text (item, "number") : "",
                                 "item_title", *icw_json_item_text (item, "title") != '\0' ? icw_json_item_text (item, "title") : line (f, "unnamed"),
                                 "owner", *icw_json_item_text (item, "owner") != '\0' ? icw_json_item_text (item, "owner") : line (f, "unnamed"),
                                 NULL);
          g_string_append_printf (background, "\n%s", item_line);
        }
    }

  set (f, "parties", g_string_free (list, FALSE));
  set (f, "revenue_shares", g_string_free (shares, FALSE));
  set (f, "signatures", g_string_free (signatures, FALSE));
  set (f, "background_ip", g_string_free (background, FALSE));
  set (f, "total", icw_basis_points_format (total));
}

static char *
result_owners (Filler     *f,
               JsonObject *result)
{
  JsonNode *node = json_object_get_member (result, "owners");
  JsonArray *owners = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; owners != NULL && i < json_array_get_length (owners); i++)
    {
      JsonObject *owner = json_array_get_object_element (owners, i);
      g_autofree char *name = organization_name (f, icw_json_item_text (owner, "organization_id"));
      g_autofree char *share = icw_basis_points_format (icw_json_item_int (owner, "share_bp"));
      g_autofree char *entry = fill_line (f, "owner", "name", name, "share", share, NULL);

      if (i > 0)
        g_string_append (text, line (f, "owner_separator"));
      g_string_append (text, entry);
    }
  if (text->len == 0)
    g_string_append (text, line (f, "unnamed"));
  return g_string_free (text, FALSE);
}

static void
fill_results (Filler         *f,
              IcwIpAgreement *agreement)
{
  g_autoptr(JsonArray) results = icw_ip_agreement_parse_results (icw_ip_agreement_get_results (agreement), NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *title = icw_json_item_text (result, "title");
      const char *description = icw_json_item_text (result, "description");
      g_autofree char *n = number (i + 1);
      g_autofree char *described = *description != '\0' ? fill_line (f, "result_description", "text", description, NULL) : g_strdup ("");
      g_autofree char *ownership = NULL;
      g_autofree char *entry = NULL;

      switch (icw_ip_agreement_result_ownership (agreement, result))
        {
        case ICW_IP_OWNERSHIP_CENTER_COMPANY:
          ownership = fill_line (f, "result_center", NULL);
          break;
        case ICW_IP_OWNERSHIP_JOINT:
          {
            g_autofree char *owners = result_owners (f, result);
            ownership = fill_line (f, "result_joint", "owners", owners, NULL);
          }
          break;
        default:
          if (*icw_json_item_text (result, "creator_id") != '\0')
            {
              g_autofree char *creator = organization_name (f, icw_json_item_text (result, "creator_id"));
              ownership = fill_line (f, "result_creator", "name", creator, NULL);
            }
          else
            ownership = fill_line (f, "result_creator_unnamed", NULL);
        }
      entry = fill_line (f, "result", "n", n, "result_title", *title != '\0' ? title : line (f, "unnamed"),
                         "description", described, "ownership", ownership, NULL);
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", entry);
    }
  if (text->len == 0)
    g_string_append (text, line (f, "none"));
  set (f, "results", g_string_free (text, FALSE));
}

static void
fill_term (Filler         *f,
           IcwIpAgreement *agreement)
{
  const char *start = icw_ip_agreement_get_term_start (agreement);
  int years = icw_ip_agreement_get_term_years (agreement);
  g_autoptr(GDate) date = g_date_new ();

  set_text (f, "term_start", start);
  set (f, "term_years", number (years));
  if (start != NULL)
    g_date_set_parse (date, start);
  if (start != NULL && strlen (start) == 10 && g_date_valid (date) && years > 0)
    {
      char end[11];

      g_date_add_years (date, years);
      g_date_subtract_days (date, 1);
      g_date_strftime (end, sizeof end, "%Y-%m-%d", date);
      set (f, "term_end", fill_line (f, "term_end", "term_end", end, NULL));
    }
  else
    set (f, "term_end", g_strdup (line (f, "term_open")));
}

static void
fill_fields (Filler         *f,
             IcwIpAgreement *agreement,
             GPtrArray      *parties)
{
  g_autoptr(IcwCenter) center = (IcwCenter *) icw_store_lookup (f->store, ICW_RECORD_KIND_CENTER,
                                                                icw_ip_agreement_get_center_id (agreement), NULL);
  const char *exit_rules = icw_ip_agreement_get_exit_rules (agreement);
  const char *special = icw_ip_agreement_get_special_clauses (agreement);

  set_text (f, "title", icw_ip_agreement_get_title (agreement));
  set_text (f, "center", center != NULL ? icw_center_get_name (center) : NULL);
  set_text (f, "effective_date", icw_ip_agreement_get_effective_date (agreement));
  set_text (f, "dispute_body", icw_ip_agreement_get_dispute_body (agreement));
  set (f, "cost_party", organization_name (f, icw_ip_agreement_get_patent_cost_party_id (agreement)));
  set (f, "publication_review_days", number (icw_ip_agreement_get_publication_review_days (agreement)));
  set (f, "confidentiality_years", number (icw_ip_agreement_get_confidentiality_years (agreement)));
  set (f, "exit_rules", !icw_form_text_is_blank (exit_rules) ? g_strconcat ("\n", g_strstrip (g_strdup (exit_rules)), NULL) : g_strdup (""));
  set (f, "special_clauses", g_strdup (special != NULL ? special : ""));
  fill_term (f, agreement);
  fill_parties (f, parties);
  fill_results (f, agreement);

  set_value (f, "ownership", icw_ip_ownership_to_key (icw_ip_agreement_get_ownership (agreement)));
  set_value (f, "project_access", icw_access_terms_to_key (icw_ip_agreement_get_project_access (agreement)));
  set_value (f, "exploitation_access", icw_access_terms_to_key (icw_ip_agreement_get_exploitation_access (agreement)));
  set_value (f, "patent_costs", icw_patent_costs_to_key (icw_ip_agreement_get_patent_costs (agreement)));
  set_value (f, "exit_terms", icw_exit_terms_to_key (icw_ip_agreement_get_exit_terms (agreement)));
  set_value (f, "dispute_resolution", icw_dispute_resolution_to_key (icw_ip_agreement_get_dispute_resolution (agreement)));
}

static void
clause_free (IcwAgreementClause *clause)
{
  g_free (clause->id);
  g_free (clause->heading);
  g_free (clause->body);
  g_free (clause);
}

IcwAgreementText *
icw_agreement_text_render (IcwStore        *store,
                           IcwIpAgreement  *agreement,
                           const char      *language,
                           GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) parties = NULL;
  JsonObject *template;
  JsonArray *clauses;
  IcwAgreementText *text;
  Filler f = { NULL, };

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  g_return_val_if_fail (ICW_IS_IP_AGREEMENT (agreement), NULL);

  language = language != NULL ? language : icw_rules_language ();
  template = load_template (language, parser, error);
  if (template == NULL)
    return NULL;
  f.values = json_object_get_object_member (template, "values");
  f.lines = json_object_get_object_member (template, "lines");
  f.fields = fields;
  f.store = store;
  parties = icw_ip_agreement_list_parties (store, agreement);
  fill_fields (&f, agreement, parties);

  text = g_new0 (IcwAgreementText, 1);
  text->language = g_strdup (language);
  text->title = expand (json_object_get_string_member_with_default (template, "title", ""), fields);
  text->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) clause_free);
  clauses = json_object_get_array_member (template, "clauses");
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      JsonObject *object = json_array_get_object_element (clauses, i);
      const char *when = json_object_get_string_member_with_default (object, "when", NULL);
      IcwAgreementClause *clause;

      if (when != NULL && icw_form_text_is_blank (g_hash_table_lookup (fields, when)))
        continue;
      clause = g_new0 (IcwAgreementClause, 1);
      clause->id = g_strdup (json_object_get_string_member_with_default (object, "id", ""));
      clause->number = text->clauses->len + 1;
      clause->heading = expand (json_object_get_string_member_with_default (object, "heading", ""), fields);
      clause->body = expand (json_object_get_string_member_with_default (object, "body", ""), fields);
      g_ptr_array_add (text->clauses, clause);
    }
  return text;
}

char *
icw_agreement_text_to_plain (IcwAgreementText *text)
{
  GString *out = g_string_new (text->title);

  for (guint i = 0; i < text->clauses->len; i++)
    {
      IcwAgreementClause *clause = text->clauses->pdata[i];

      g_string_append_printf (out, "\n\n%u. %s\n%s", clause->number, clause->heading, clause->body);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

void
icw_agreement_text_free (IcwAgreementText *text)
{
  if (text == NULL)
    return;
  g_free (text->language);
  g_free (text->title);
  g_ptr_array_unref (text->clauses);
  g_free (text);
}
