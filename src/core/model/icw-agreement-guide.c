/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-guide.c: the guide's decision table. It follows the Lambert Toolkit's consortium
 * agreements (UK Intellectual Property Office): A, each party owns what it creates and every
 * party may use and exploit it (no agreed exploitation strategy); B, one lead party exploits and
 * the others share the revenue; C, each party exploits the results of its own business; D, each
 * owns what it creates, use is for the project only and exploitation is negotiated. Two cases
 * are this program's own, for a center run as "company + alliance" (工信部科〔2016〕273号): the
 * center company owns and licenses out results it funds or will exploit (联合运营), and results of
 * an idea and funds shared by several parties are jointly owned in shares (协同创造). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icw-agreement-guide.h"
#include "icw-error.h"
#include "icw-json-check.h"

static const char *const idea_keys[] = { "one-party", "several", "center" };
static const char *const funds_keys[] = { "one-party", "shared", "center", "public" };
static const char *const exploit_keys[] = { "any", "lead", "each", "center" };

G_STATIC_ASSERT (G_N_ELEMENTS (idea_keys) == ICW_N_GUIDE_IDEAS);
G_STATIC_ASSERT (G_N_ELEMENTS (funds_keys) == ICW_N_GUIDE_FUNDS);
G_STATIC_ASSERT (G_N_ELEMENTS (exploit_keys) == ICW_N_GUIDE_EXPLOITS);

const char *
icw_guide_idea_to_key (guint idea)
{
  return idea < G_N_ELEMENTS (idea_keys) ? idea_keys[idea] : NULL;
}

const char *
icw_guide_funds_to_key (guint funds)
{
  return funds < G_N_ELEMENTS (funds_keys) ? funds_keys[funds] : NULL;
}

const char *
icw_guide_exploit_to_key (guint exploit)
{
  return exploit < G_N_ELEMENTS (exploit_keys) ? exploit_keys[exploit] : NULL;
}

static IcwIpOwnership
propose_ownership (const IcwGuideAnswers *a)
{
  if (a->exploit == ICW_GUIDE_EXPLOIT_CENTER ||
      (a->funds == ICW_GUIDE_FUNDS_CENTER && a->idea == ICW_GUIDE_IDEA_CENTER))
    return ICW_IP_OWNERSHIP_CENTER_COMPANY;
  if (a->idea == ICW_GUIDE_IDEA_SEVERAL && a->funds == ICW_GUIDE_FUNDS_SHARED)
    return ICW_IP_OWNERSHIP_JOINT;
  return ICW_IP_OWNERSHIP_CREATOR;
}

static IcwAccessTerms
propose_exploitation (const IcwGuideAnswers *a)
{
  if (a->exclusive_needed)
    return ICW_ACCESS_EXCLUSIVE_OPTION;
  if (a->exploit == ICW_GUIDE_EXPLOIT_ANY || a->fast_moving)
    return ICW_ACCESS_ROYALTY_FREE;
  return ICW_ACCESS_FAIR_REASONABLE;
}

static char
nearest_model (const IcwGuideAnswers *a)
{
  switch (a->exploit)
    {
    case ICW_GUIDE_EXPLOIT_ANY:
      /* With exclusivity wanted, exploitation is negotiated, as in D. */
      return a->exclusive_needed ? 'D' : 'A';
    case ICW_GUIDE_EXPLOIT_LEAD:
    case ICW_GUIDE_EXPLOIT_CENTER:
      return 'B';
    default:
      return 'C';
    }
}

static const char *
ownership_reason (IcwIpOwnership ownership,
                  const IcwGuideAnswers *a)
{
  switch (ownership)
    {
    case ICW_IP_OWNERSHIP_CENTER_COMPANY:
      return _("The center company will own the results and license them out: it funds or exploits them, as the “company + alliance” model of joint operation intends.");
    case ICW_IP_OWNERSHIP_JOINT:
      return _("The results will be jointly owned, in shares that follow the parties' contributions: the idea and the funds come from several parties. Joint owners must agree on licensing, so each result names its owners and their shares.");
    default:
      if (a->funds == ICW_GUIDE_FUNDS_PUBLIC)
        return _("Each party will own the results it creates: under public funding the party that undertakes the work usually owns its results.");
      return _("Each party will own the results it creates, which is the simplest rule to apply when one party brings the idea or the funds.");
    }
}

static const char *
access_reason (IcwAccessTerms access)
{
  switch (access)
    {
    case ICW_ACCESS_EXCLUSIVE_OPTION:
      return _("The exploiting party gets an option on an exclusive licence, since it needs exclusivity to invest; the other parties use the results for the project free of charge.");
    case ICW_ACCESS_ROYALTY_FREE:
      return _("Every party may use the results free of charge, for the project and afterwards, so that they are exploited quickly.");
    default:
      return _("Every party may use the results free of charge for the project; using them afterwards needs a licence on fair and reasonable terms.");
    }
}

void
icw_agreement_guide_propose (const IcwGuideAnswers *answers,
                             IcwGuideProposal      *proposal)
{
  g_return_if_fail (answers != NULL);
  g_return_if_fail (proposal != NULL);

  proposal->ownership = propose_ownership (answers);
  proposal->project_access = ICW_ACCESS_ROYALTY_FREE;
  proposal->exploitation_access = propose_exploitation (answers);
  proposal->patent_costs = proposal->ownership == ICW_IP_OWNERSHIP_CENTER_COMPANY ? ICW_PATENT_COSTS_CENTER_COMPANY
                         : proposal->ownership == ICW_IP_OWNERSHIP_JOINT ? ICW_PATENT_COSTS_REVENUE_SHARES
                         : ICW_PATENT_COSTS_EACH_OWNER;
  proposal->lambert_model = nearest_model (answers);
  proposal->explanation = g_strjoin (" ", ownership_reason (proposal->ownership, answers),
                                     access_reason (proposal->exploitation_access), NULL);
}

void
icw_guide_proposal_clear (IcwGuideProposal *proposal)
{
  g_clear_pointer (&proposal->explanation, g_free);
}

const char *
icw_guide_idea_to_label (IcwGuideIdea idea)
{
  const char *labels[] = { N_("Mainly one party's"), N_("Several parties' together"), N_("The center company's platform") };

  g_return_val_if_fail ((guint) idea < G_N_ELEMENTS (labels), NULL);
  return _(labels[idea]);
}

const char *
icw_guide_funds_to_label (IcwGuideFunds funds)
{
  const char *labels[] = { N_("Mainly one party"), N_("Several parties share the costs"),
                           N_("The center company"), N_("Public funds") };

  g_return_val_if_fail ((guint) funds < G_N_ELEMENTS (labels), NULL);
  return _(labels[funds]);
}

const char *
icw_guide_exploit_to_label (IcwGuideExploit exploit)
{
  const char *labels[] = { N_("Any party; no strategy agreed yet"), N_("One lead party"),
                           N_("Each party, the results of its own business"),
                           N_("The center company licenses them out") };

  g_return_val_if_fail ((guint) exploit < G_N_ELEMENTS (labels), NULL);
  return _(labels[exploit]);
}

char *
icw_guide_answers_to_json (const IcwGuideAnswers *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "idea");
  json_builder_add_string_value (builder, idea_keys[a->idea]);
  json_builder_set_member_name (builder, "funds");
  json_builder_add_string_value (builder, funds_keys[a->funds]);
  json_builder_set_member_name (builder, "exploit");
  json_builder_add_string_value (builder, exploit_keys[a->exploit]);
  json_builder_set_member_name (builder, "fast_moving");
  json_builder_add_boolean_value (builder, a->fast_moving);
  json_builder_set_member_name (builder, "exclusive_needed");
  json_builder_add_boolean_value (builder, a->exclusive_needed);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
read_key (JsonObject        *object,
          const char        *member,
          const char *const *keys,
          guint              n,
          guint             *out)
{
  const char *text = json_object_get_string_member_with_default (object, member, "");

  for (guint i = 0; i < n; i++)
    if (strcmp (text, keys[i]) == 0)
      *out = i;
}

static gboolean
check_answer (JsonObject         *object,
              const char         *member,
              const char *const  *keys,
              guint               n,
              GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    for (guint i = 0; i < n; i++)
      if (strcmp (json_node_get_string (node), keys[i]) == 0)
        return TRUE;
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Guide: the answer “%s” is not one of its choices"), member);
  return FALSE;
}

gboolean
icw_guide_answers_check (const char  *text,
                         GError     **error)
{
  g_autoptr(JsonNode) root = icw_json_parse_strict (text);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ICW_ERROR, ICW_ERROR_INVALID, _("Guide: the answers are not a valid JSON object"));
      return FALSE;
    }
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);

      if ((g_str_equal (member, "idea") && !check_answer (object, member, idea_keys, G_N_ELEMENTS (idea_keys), error)) ||
          (g_str_equal (member, "funds") && !check_answer (object, member, funds_keys, G_N_ELEMENTS (funds_keys), error)) ||
          (g_str_equal (member, "exploit") && !check_answer (object, member, exploit_keys, G_N_ELEMENTS (exploit_keys), error)))
        return FALSE;
      if ((g_str_equal (member, "fast_moving") || g_str_equal (member, "exclusive_needed")) &&
          !(JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Guide: the answer “%s” must be true or false"), member);
          return FALSE;
        }
      if (!g_strv_contains ((const char *const[]) { "idea", "funds", "exploit", "fast_moving", "exclusive_needed", NULL }, member))
        {
          g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID, _("Guide: there is no question “%s”"), member);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
icw_guide_answers_from_json (const char      *text,
                             IcwGuideAnswers *answers)
{
  g_autoptr(JsonNode) root = icw_json_parse_strict (text);
  JsonObject *object;
  guint idea = answers->idea, funds = answers->funds, exploit = answers->exploit;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  read_key (object, "idea", idea_keys, G_N_ELEMENTS (idea_keys), &idea);
  read_key (object, "funds", funds_keys, G_N_ELEMENTS (funds_keys), &funds);
  read_key (object, "exploit", exploit_keys, G_N_ELEMENTS (exploit_keys), &exploit);
  answers->idea = idea;
  answers->funds = funds;
  answers->exploit = exploit;
  answers->fast_moving = json_object_get_boolean_member_with_default (object, "fast_moving", answers->fast_moving);
  answers->exclusive_needed = json_object_get_boolean_member_with_default (object, "exclusive_needed",
                                                                           answers->exclusive_needed);
  return TRUE;
}
