/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-readiness.h: a center's readiness to upgrade to national, from the data the workbench
 * already holds: the registers' rules of the 64号 pack (工信厅科〔2017〕64号, "miit-2017-64-upgrade")
 * run on the center itself, without an application, each condition met or missing with its
 * basis; the rules that need the upgrade application (its attachments) listed as checked there;
 * the 领域总体布局 condition, which nothing checks yet, listed as such; and the latest assessment
 * grade, which 64号 does not name but a province looks at before recommending (Anhui recommends
 * centers graded 优秀 first: the policy audit, 2(d)). The panel on the center's page
 * (IcwReadinessGroup) shows the list; the test is test-ui-report-readiness.c. */
#pragma once

#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

typedef enum {
  ICW_READINESS_MET,
  ICW_READINESS_MISSING,       /* an error of the pack: the condition is not met */
  ICW_READINESS_WARNING,       /* a warning of the pack, or a grade below 优秀 */
  ICW_READINESS_NOT_CHECKED,   /* checked on the application, or not checked by the program yet */
} IcwReadinessState;

typedef struct {
  char              *rule;        /* the pack's rule ID, or "latest-grade", "field-layout" */
  char              *condition;   /* the condition in a few words, in the user's language */
  IcwReadinessState  state;
  char              *detail;      /* what the check found (its findings' messages), or NULL */
  char              *basis;       /* its basis in one line (icw_rule_basis_text) */
} IcwReadinessItem;

/* `packs`: those available (NULL loads them); `latest_grade`: the center's latest recorded grade
 * in the user's language with its year ("优秀 (2025 评估)"), NULL when none is recorded, and
 * `grade_is_top` whether it is the top grade. The items in the pack's order, the grade last.
 * NULL with `error` when the pack is not installed. */
GPtrArray *icw_readiness_evaluate      (IcwStore    *store,
                                        IcwCenter   *center,
                                        GPtrArray   *packs,
                                        const char  *latest_grade,
                                        gboolean     grade_is_top,
                                        GDateTime   *today,
                                        GError     **error);
void       icw_readiness_item_free     (IcwReadinessItem *item);
/* How many items are missing (errors), for the panel's summary. */
guint      icw_readiness_count_missing (GPtrArray   *items);

G_END_DECLS
