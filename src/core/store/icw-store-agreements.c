/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-store-agreements.c: what the store enforces for IP-sharing agreements and their parties, so
 * that no caller (the editor, the command line, a later sync) can get round it:
 *
 *  - an agreement belongs to a live center and has the life cycle and versions of an application
 *    (icw-lifecycle.h): once submitted nothing but its status and the reviewer's comments changes,
 *    and its parties can be neither added, changed nor removed;
 *  - its dates are YYYY-MM-DD, the party that bears patent costs is in the register, its results
 *    have their JSON format (icw-ip-agreement-parts.h);
 *  - a party is an organization of the register, named once per agreement, with a share from 0%
 *    to 100%, a contribution that is not negative, dates and background IP in their formats;
 *  - a party is added only from the center's alliance members. Membership is checked when the
 *    party is added or its organization changed, not on every later save: a member can leave the
 *    alliance after the agreement was drafted, and its party must still be editable (to record a
 *    signature or to change its share) while the check reports it (rule agreement-party-member);
 *    likewise a new version carries over the parties of the earlier ones.
 *
 * Whether the content is complete (shares total 100%, every jointly owned result has owners) is
 * left to the rules, so that the editor can save every keystroke. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-agreement-guide.h"
#include "icw-agreement-party.h"
#include "icw-error.h"
#include "icw-ip-agreement-parts.h"
#include "icw-ip-agreement.h"
#include "icw-funding-parts.h"
#include "icw-store-private.h"

static gboolean
check_date (const char  *text,
            const char  *message,
            GError     **error)
{
  if (!icw_store_has_text (text))
    return TRUE;
  if (!icw_date_is_valid (text))
    return icw_store_invalid (error, message);
  return TRUE;
}

static gboolean
check_guide_answers (const char  *text,
                     GError     **error)
{
  return !icw_store_has_text (text) || icw_guide_answers_check (text, error);
}

gboolean
icw_store_validate_ip_agreement (IcwStore   *self,
                                 IcwRecord  *record,
                                 GError    **error)
{
  IcwIpAgreement *agreement = ICW_IP_AGREEMENT (record);
  const char *cost_party = icw_ip_agreement_get_patent_cost_party_id (agreement);
  g_autoptr(JsonArray) results = NULL;

  if (!icw_store_exists (self, "centers", icw_ip_agreement_get_center_id (agreement)))
    return icw_store_invalid (error, _("Center: it is not in the register"));
  /* First, so that a locked agreement says so rather than what else is wrong with the change. */
  if (!icw_store_check_lifecycle (self, ICW_RECORD (agreement), error))
    return FALSE;
  if (!check_date (icw_ip_agreement_get_effective_date (agreement),
                   _("Effective date: type the date as YYYY-MM-DD"), error) ||
      !check_date (icw_ip_agreement_get_term_start (agreement),
                   _("Start of the term: type the date as YYYY-MM-DD"), error))
    return FALSE;
  if (icw_ip_agreement_get_publication_review_days (agreement) > 365)
    return icw_store_invalid (error, _("Publication review period: it may be at most 365 days"));
  if (icw_ip_agreement_get_term_years (agreement) > 100)
    return icw_store_invalid (error, _("Term: it may be at most 100 years"));
  if (icw_ip_agreement_get_confidentiality_years (agreement) > 100)
    return icw_store_invalid (error, _("Confidentiality: it may last at most 100 years"));
  if (icw_ip_agreement_get_project_access (agreement) == ICW_ACCESS_EXCLUSIVE_OPTION)
    return icw_store_invalid (error, _("Access for the project: it is royalty-free or on fair and reasonable terms; an exclusive option applies to exploitation only"));
  if (icw_store_has_text (cost_party) && !icw_store_exists (self, "organizations", cost_party))
    return icw_store_invalid (error, _("Party bearing patent costs: it is not in the register"));
  results = icw_ip_agreement_parse_results (icw_ip_agreement_get_results (agreement), error);
  if (results == NULL)
    return FALSE;
  return check_guide_answers (icw_ip_agreement_get_guide_answers (agreement), error);
}

/* The center of a live agreement, or NULL. */
static char *
agreement_center (IcwStore   *self,
                  const char *agreement_id)
{
  return icw_store_query_text (self, "SELECT center_id FROM ip_agreements WHERE id = ?1 AND deleted_at IS NULL",
                               agreement_id, NULL);
}

static gboolean
check_member_when_added (IcwStore           *self,
                         IcwAgreementParty  *party,
                         const char         *center_id,
                         GError            **error)
{
  const char *organization_id = icw_agreement_party_get_organization_id (party);
  g_autofree char *saved = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *member = NULL;
  g_autofree char *name = NULL;

  saved = icw_store_query_text (self, "SELECT organization_id FROM agreement_parties WHERE id = ?1",
                                icw_record_get_id (ICW_RECORD (party)), NULL);
  if (g_strcmp0 (saved, organization_id) == 0)
    return TRUE;
  /* A new version carries its parties over, members or not any more: the check reports them. */
  carried = icw_store_query_text (self, "SELECT p.id FROM agreement_parties p JOIN ip_agreements a ON a.id = p.agreement_id "
                                        "WHERE a.lineage_id = (SELECT lineage_id FROM ip_agreements WHERE id = ?1) "
                                        "AND a.id != ?1 AND p.organization_id = ?2 AND p.deleted_at IS NULL",
                                  icw_agreement_party_get_agreement_id (party), organization_id, NULL);
  if (carried != NULL)
    return TRUE;
  /* Members in 273号's sense: the center's own company, its shareholders, its alliance members. */
  member = icw_store_query_text (self, "SELECT id FROM alliance_members WHERE center_id = ?1 "
                                       "AND organization_id = ?2 AND deleted_at IS NULL "
                                       "UNION ALL SELECT id FROM shareholders WHERE center_id = ?1 "
                                       "AND organization_id = ?2 AND deleted_at IS NULL "
                                       "UNION ALL SELECT id FROM centers WHERE id = ?1 AND host_organization_id = ?2",
                                 center_id, organization_id, NULL);
  if (member != NULL)
    return TRUE;
  name = icw_store_query_text (self, "SELECT name FROM organizations WHERE id = ?1", organization_id, NULL);
  g_set_error (error, ICW_ERROR, ICW_ERROR_INVALID,
               _("Party: “%s” is neither the center's company, one of its shareholders nor a member of its alliance; only they can be parties"), name);
  return FALSE;
}

static gboolean
check_party_once (IcwStore           *self,
                  IcwAgreementParty  *party,
                  GError            **error)
{
  g_autofree char *other = NULL;

  other = icw_store_query_text (self, "SELECT o.name FROM agreement_parties p JOIN organizations o "
                                      "ON o.id = p.organization_id WHERE p.id != ?1 AND p.agreement_id = ?2 "
                                      "AND p.organization_id = ?3 AND p.deleted_at IS NULL",
                                icw_record_get_id (ICW_RECORD (party)),
                                icw_agreement_party_get_agreement_id (party),
                                icw_agreement_party_get_organization_id (party), NULL);
  if (other != NULL)
    {
      g_set_error (error, ICW_ERROR, ICW_ERROR_DUPLICATE,
                   _("Party: “%s” is already a party to this agreement"), other);
      return FALSE;
    }
  return TRUE;
}

gboolean
icw_store_validate_agreement_party (IcwStore   *self,
                                    IcwRecord  *record,
                                    GError    **error)
{
  IcwAgreementParty *party = ICW_AGREEMENT_PARTY (record);
  const char *agreement_id = icw_agreement_party_get_agreement_id (party);
  gint64 share = icw_agreement_party_get_share_bp (party);
  g_autofree char *center_id = NULL;
  g_autoptr(JsonArray) background = NULL;

  if (!icw_store_check_parent_open (self, ICW_RECORD_KIND_IP_AGREEMENT, agreement_id, error))
    return FALSE;
  if (!icw_store_exists (self, "organizations", icw_agreement_party_get_organization_id (party)))
    return icw_store_invalid (error, _("Organization: it is not in the register"));
  if (share < 0 || share > ICW_BASIS_POINTS_WHOLE)
    return icw_store_invalid (error, _("Revenue share: it must lie between 0% and 100%"));
  if (icw_agreement_party_get_contribution_fen (party) < 0)
    return icw_store_invalid (error, _("Contribution: it cannot be negative"));
  if (!check_date (icw_agreement_party_get_signed_date (party), _("Date signed: type the date as YYYY-MM-DD"), error) ||
      !check_date (icw_agreement_party_get_sealed_date (party), _("Date sealed: type the date as YYYY-MM-DD"), error))
    return FALSE;
  background = icw_agreement_party_parse_background_ip (icw_agreement_party_get_background_ip (party), error);
  if (background == NULL)
    return FALSE;
  center_id = agreement_center (self, agreement_id);
  return check_party_once (self, party, error) &&
         check_member_when_added (self, party, center_id, error);
}

/* A party is removed only while its agreement is open; a locked agreement is not deleted. */
gboolean
icw_store_validate_delete_agreement (IcwStore   *self,
                                     IcwRecord  *record,
                                     GError    **error)
{
  if (ICW_IS_AGREEMENT_PARTY (record))
    return icw_store_check_parent_open (self, ICW_RECORD_KIND_IP_AGREEMENT,
                                        icw_agreement_party_get_agreement_id (ICW_AGREEMENT_PARTY (record)),
                                        error);
  /* A locked agreement itself is refused by icw_store_check_deletable(). */
  return TRUE;
}
