/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-guide.h: the guided start of an IP-sharing agreement, in the manner of the
 * decision guide of the UK Lambert Toolkit: a few questions (whose idea, who funds, who will
 * exploit the results, is the field fast-moving, does an exploiting party need exclusivity)
 * propose an ownership model, access rights and who bears patent costs, with a short explanation.
 * The user may change every proposed term afterwards. A pure function: no store, no clock. */
#pragma once

#include <glib.h>

#include "icw-types.h"

G_BEGIN_DECLS

/* Whose idea or prior knowledge the joint work mainly rests on. */
typedef enum {
  ICW_GUIDE_IDEA_ONE_PARTY,
  ICW_GUIDE_IDEA_SEVERAL,
  ICW_GUIDE_IDEA_CENTER,
  ICW_N_GUIDE_IDEAS
} IcwGuideIdea;

/* Who mainly funds it. */
typedef enum {
  ICW_GUIDE_FUNDS_ONE_PARTY,
  ICW_GUIDE_FUNDS_SHARED,
  ICW_GUIDE_FUNDS_CENTER,
  ICW_GUIDE_FUNDS_PUBLIC,
  ICW_N_GUIDE_FUNDS
} IcwGuideFunds;

/* Who will exploit the results. */
typedef enum {
  ICW_GUIDE_EXPLOIT_ANY,      /* no agreed strategy: any party may */
  ICW_GUIDE_EXPLOIT_LEAD,     /* one lead party */
  ICW_GUIDE_EXPLOIT_EACH,     /* each party the results of its own business */
  ICW_GUIDE_EXPLOIT_CENTER,   /* the center company licenses them out */
  ICW_N_GUIDE_EXPLOITS
} IcwGuideExploit;

typedef struct {
  IcwGuideIdea     idea;
  IcwGuideFunds    funds;
  IcwGuideExploit  exploit;
  gboolean         fast_moving;
  gboolean         exclusive_needed;
} IcwGuideAnswers;

typedef struct {
  IcwIpOwnership  ownership;
  IcwAccessTerms  project_access;
  IcwAccessTerms  exploitation_access;
  IcwPatentCosts  patent_costs;
  char            lambert_model;   /* the nearest Lambert consortium agreement: 'A' to 'D' */
  char           *explanation;     /* whole sentences in the user's language */
} IcwGuideProposal;

void      icw_agreement_guide_propose      (const IcwGuideAnswers *answers,
                                            IcwGuideProposal      *proposal);
void      icw_guide_proposal_clear         (IcwGuideProposal      *proposal);

/* The questions and their options, translated, for the editor's guide. */
const char *icw_guide_idea_to_label        (IcwGuideIdea     idea);
const char *icw_guide_funds_to_label       (IcwGuideFunds    funds);
const char *icw_guide_exploit_to_label     (IcwGuideExploit  exploit);

/* The answers' stable keys, as guide-answers keeps them. */
const char *icw_guide_idea_to_key          (guint            idea);
const char *icw_guide_funds_to_key         (guint            funds);
const char *icw_guide_exploit_to_key       (guint            exploit);

/* The answers as the agreement's guide-answers property keeps them:
 * {"idea": "one-party"|"several"|"center", "funds": "one-party"|"shared"|"center"|"public",
 *  "exploit": "any"|"lead"|"each"|"center", "fast_moving": bool, "exclusive_needed": bool}.
 * Parsing fills what it finds and returns FALSE for text that is not such an object. */
char     *icw_guide_answers_to_json        (const IcwGuideAnswers *answers);
gboolean  icw_guide_answers_from_json      (const char            *text,
                                            IcwGuideAnswers       *answers);
/* Text that is such an object, every member one of the five and of its type; the error names
 * the answer. */
gboolean  icw_guide_answers_check          (const char            *text,
                                            GError               **error);

G_END_DECLS
