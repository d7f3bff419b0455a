/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-document-agreement.c: the document of an IP-sharing agreement: the cover and the numbered
 * clauses that icw-agreement-text.c fills from the clause templates (in the document's language).
 * Two clauses are tables rather than text, each shown once: the revenue clause keeps its opening
 * sentence and lists the parties with their contributions and revenue shares and its total in a
 * table (instead of the template's list of shares), and the signatures clause is the signature and
 * seal block: one row per party with room for the signatory's signature and the party's seal, and
 * the dates when they were given. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icw-agreement-party.h"
#include "icw-agreement-text.h"
#include "icw-document-private.h"
#include "icw-ip-agreement-check.h"
#include "icw-ip-agreement.h"
#include "icw-money.h"

static void
add_shares (IcwDocument *document,
            IcwStore    *store,
            GPtrArray   *parties)
{
  const char *header[] = { _("Party"), _("Contribution (10k yuan)"), _("Revenue share") };
  const guint weights[] = { 7, 3, 2 };
  IcwDocBlock *block = icw_document_add_table (document, 3, 1);
  gint64 contributions = 0, shares = 0;
  g_autofree char *contribution_total = NULL;
  g_autofree char *share_total = NULL;

  icw_doc_block_set_weights (block, weights);
  block->numeric = 1u << 1 | 1u << 2;
  icw_doc_block_add_row (block, header);
  for (guint i = 0; i < parties->len; i++)
    {
      IcwAgreementParty *party = parties->pdata[i];
      g_autofree char *name = icw_doc_record_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_agreement_party_get_organization_id (party));
      g_autofree char *contribution = icw_doc_money (icw_agreement_party_get_contribution_fen (party));
      g_autofree char *share = icw_basis_points_format (icw_agreement_party_get_share_bp (party));
      const char *row[] = { name, contribution, share };

      /* Each value is at most G_MAXINT64 / number of parties in practice; saturate rather than wrap. */
      contributions = contributions > G_MAXINT64 - icw_agreement_party_get_contribution_fen (party)
                      ? G_MAXINT64 : contributions + icw_agreement_party_get_contribution_fen (party);
      shares += icw_agreement_party_get_share_bp (party);
      icw_doc_block_add_row (block, row);
    }
  contribution_total = icw_doc_money (contributions);
  share_total = icw_basis_points_format (shares);
  {
    const char *row[] = { _("Total"), contribution_total, share_total };

    icw_doc_block_add_row (block, row);
  }
}

static void
add_signatures (IcwDocument *document,
                IcwStore    *store,
                GPtrArray   *parties)
{
  const char *header[] = { _("Party (seal)"), _("Legal representative or authorized signatory (signature)"), _("Date") };
  const guint weights[] = { 5, 5, 3 };
  IcwDocBlock *block = icw_document_add_signatures (document);

  icw_doc_block_set_weights (block, weights);
  icw_doc_block_add_row (block, header);
  for (guint i = 0; i < parties->len; i++)
    {
      IcwAgreementParty *party = parties->pdata[i];
      g_autofree char *name = icw_doc_record_name (store, ICW_RECORD_KIND_ORGANIZATION, icw_agreement_party_get_organization_id (party));
      const char *signatory = icw_agreement_party_get_signatory (party);
      g_autofree char *dates = NULL;
      const char *signed_date = icw_agreement_party_get_signed (party) ? icw_agreement_party_get_signed_date (party) : NULL;
      const char *sealed_date = icw_agreement_party_get_sealed (party) ? icw_agreement_party_get_sealed_date (party) : NULL;

      /* TRANSLATORS: in the signature block of an agreement, when the party signed and sealed */
      dates = g_strdup_printf (_("Signed: %s\nSealed: %s"),
                               signed_date != NULL && *signed_date != '\0' ? signed_date : "____",
                               sealed_date != NULL && *sealed_date != '\0' ? sealed_date : "____");
      {
        const char *row[] = { name, signatory != NULL && *signatory != '\0' ? signatory : "", dates };

        icw_doc_block_add_row (block, row);
      }
    }
}

IcwDocument *
icw_document_build_agreement (IcwStore   *store,
                              IcwRecord  *record,
                              GError    **error)
{
  IcwIpAgreement *agreement = ICW_IP_AGREEMENT (record);
  g_autoptr(IcwDocument) document = icw_document_new (icw_ip_agreement_get_title (agreement));
  g_autoptr(IcwAgreementText) text = icw_agreement_text_render (store, agreement, icw_document_get_language (document), error);
  g_autoptr(GPtrArray) parties = icw_ip_agreement_list_parties (store, agreement);
  guint number = 0;
  gboolean shares_added = FALSE, signatures_added = FALSE;

  if (text == NULL)
    return NULL;
  icw_doc_set_center_cover (document, store, icw_ip_agreement_get_center_id (agreement), _("IP-sharing agreement"));
  for (guint i = 0; i < text->clauses->len; i++)
    {
      IcwAgreementClause *clause = text->clauses->pdata[i];

      icw_doc_numbered_heading (document, ++number, clause->heading);
      if (g_strcmp0 (clause->id, "revenue") == 0)
        {
          /* The template's body is its opening sentence, then one line per share ({revenue_shares}):
           * the table says the same with the contributions and the totals. */
          g_autofree char *opening = g_strndup (clause->body, strcspn (clause->body, "\n"));

          icw_document_add_paragraphs (document, opening);
          add_shares (document, store, parties);
          shares_added = TRUE;
        }
      else if (g_strcmp0 (clause->id, "signatures") == 0)
        {
          add_signatures (document, store, parties);
          signatures_added = TRUE;
        }
      else
        icw_document_add_paragraphs (document, clause->body);
    }
  /* Templates without these clauses still get the tables, under their own headings. */
  if (!shares_added)
    {
      icw_doc_numbered_heading (document, ++number, _("Parties and revenue shares"));
      add_shares (document, store, parties);
    }
  if (!signatures_added)
    {
      icw_doc_numbered_heading (document, ++number, _("Signatures and seals"));
      add_signatures (document, store, parties);
    }
  return g_steal_pointer (&document);
}
