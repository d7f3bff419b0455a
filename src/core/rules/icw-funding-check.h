/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-funding-check.h: checking a funding request against the rule packs that apply to it (those
 * of target "funding-request" its center chose, or by default the bundled "funding-request" pack),
 * and what a new version of a request copies (its budget lines). Both are the funding request's
 * row in the life cycle's table (icw-lifecycle-kinds.c). */
#pragma once

#include "icw-center.h"
#include "icw-finding.h"
#include "icw-funding-request.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_RULE_PACK_FUNDING "funding-request"
/* The "pack" of the findings of the program's own rules, and the rule that the totals fit. */
#define ICW_PROGRAM_RULES "program"
#define ICW_FUNDING_RULE_OVERFLOW "budget-total-overflow"

/* The packs among `packs` that apply: those of target "funding-request" the center chose, else the
 * bundled "funding-request" pack. A chosen pack that is not installed is ICW_ERROR_NOT_FOUND. */
GPtrArray *icw_rule_packs_for_funding_request (GPtrArray  *packs,
                                               IcwCenter  *center,
                                               GError    **error);
/* Returns IcwFinding objects, errors first, the program's own "budget-total-overflow" error
 * (ICW_FUNDING_RULE_OVERFLOW) before all (packs NULL: load them; today NULL: the local date). */
GPtrArray *icw_funding_request_check      (IcwStore           *store,
                                           IcwFundingRequest  *request,
                                           GPtrArray          *packs,
                                           GDateTime          *today,
                                           GError            **error);
/* Copies the budget lines of `from` to `to` (saved, in the same batch). */
gboolean   icw_funding_request_copy_lines (IcwStore           *store,
                                           IcwRecord          *from,
                                           IcwRecord          *to,
                                           GError            **error);

G_END_DECLS
