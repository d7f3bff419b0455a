/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-text.h: the text of an IP-sharing agreement, generated from its structured data
 * and the clause templates of resources/agreements/ (one JSON file per language). The result keeps
 * the clause structure explicit (numbered clauses, each a heading and a body of lines) so that the
 * documents issue can lay it out in a PDF; the plain-text form is what the app and `icw show`
 * print. Templates name the data by {placeholders} (docs/formats.md, "Agreement clause templates"). */
#pragma once

#include "icw-ip-agreement.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef struct {
  char  *id;        /* the template's clause ID: "parties", "background-ip", … */
  guint  number;    /* from 1, in the order shown */
  char  *heading;
  char  *body;      /* lines separated by '\n' */
} IcwAgreementClause;

typedef struct {
  char      *language;   /* "en" or "zh_CN" */
  char      *title;
  GPtrArray *clauses;    /* IcwAgreementClause */
} IcwAgreementText;

/* language: "en", "zh_CN", or NULL for the user's (icw_rules_language()). Reads the agreement's
 * center, parties and their organizations from the store. */
IcwAgreementText *icw_agreement_text_render   (IcwStore          *store,
                                               IcwIpAgreement    *agreement,
                                               const char        *language,
                                               GError           **error);
/* The title, then "1. Heading" and the body of each clause, separated by blank lines. */
char             *icw_agreement_text_to_plain (IcwAgreementText  *text);
void              icw_agreement_text_free     (IcwAgreementText  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwAgreementText, icw_agreement_text_free)

G_END_DECLS
