/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-application-check.h: checking an application against the rule packs that apply to it: the
 * packs its center chose (its rule-packs property), or by default the completeness pack and
 * 工信部科〔2016〕273号 for every application, 工信厅科〔2017〕64号 for an upgrade to national, and
 * the province's guide (山东 鲁工信技〔2023〕150号, 江苏 指南(2025)) for a cultivation or an
 * acceptance there; a rule may be limited to some kinds (its application_kinds), and the call's
 * outline (icw-outline.h) adds its sections and attachments. The findings are the same
 * for the editor's check panel and for `icw check`. */
#pragma once

#include "icw-application.h"
#include "icw-center.h"
#include "icw-finding.h"
#include "icw-rule-pack.h"
#include "icw-store.h"

G_BEGIN_DECLS

/* The packs among `packs` that apply, in the order they run. A center that names a pack that is
 * not among them is an error (ICW_ERROR_NOT_FOUND). */
GPtrArray *icw_rule_packs_for_application (GPtrArray       *packs,
                                           IcwCenter       *center,
                                           IcwApplication  *application,
                                           GError         **error);

/* Runs the rules of the packs that apply (`packs` are those available; NULL loads them) as of
 * `today` (NULL: the local date now). Returns IcwFinding objects, errors first, then in the order
 * of the sections their fields belong to. */
GPtrArray *icw_application_check          (IcwStore        *store,
                                           IcwApplication  *application,
                                           GPtrArray       *packs,
                                           GDateTime       *today,
                                           GError         **error);

G_END_DECLS
