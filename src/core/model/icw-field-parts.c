/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-field-parts.c: the item type of every structured part, member by member (icw-field-parts.h
 * says what a line holds). A member added to a part is a line here; the part's check
 * (icw-field-checks.h) must take it, and test-dossier's /dossier/part-types proves both agree. */
#include "config.h"

#include "icw-agreement-guide.h"
#include "icw-application-sections.h"
#include "icw-enums.h"
#include "icw-field-parts.h"
#include "icw-report-hand-scores.h"
#include "icw-report-parts.h"

#define ENUM_KEY(prefix, Type)                                                  \
  static const char *prefix##_key (guint v) { return prefix##_to_key ((Type) v); }

ENUM_KEY (icw_ip_ownership, IcwIpOwnership)
ENUM_KEY (icw_background_ip_kind, IcwBackgroundIpKind)

/* Every macro is (name, [what it needs,] ...): after them REQUIRED for a member that must be
 * there and not null, NOT_NULL for one that is not null when there. */
#define REQUIRED .required = TRUE
#define NOT_NULL .not_null = TRUE
#define MEMBER(n, t, ...) { .name = n, .type = ICW_MEMBER_##t, __VA_ARGS__ }
#define TEXT(n, ...) MEMBER (n, TEXT, ##__VA_ARGS__)
#define INTEGER(n, lo, hi, ...) MEMBER (n, INTEGER, .minimum = lo, .maximum = hi, ##__VA_ARGS__)
#define BOOL(n, ...) MEMBER (n, BOOL, ##__VA_ARGS__)
#define KEY(n, key_fn, N, ...) MEMBER (n, KEY, .to_key = key_fn, .n_keys = N, ##__VA_ARGS__)
#define KEYS(n, keys_fn, ...) MEMBER (n, KEY, .keys = keys_fn, ##__VA_ARGS__)
#define REFERENCE(n, KIND, ...) MEMBER (n, REFERENCE, .refers_to = ICW_RECORD_KIND_##KIND, ##__VA_ARGS__)
#define DATE(n, ...) MEMBER (n, DATE, ##__VA_ARGS__)
#define FEN(n, lo, ...) MEMBER (n, FEN, .minimum = lo, .maximum = G_MAXINT64, ##__VA_ARGS__)
#define SHARE(n, ...) MEMBER (n, SHARE, .minimum = 0, .maximum = ICW_BASIS_POINTS_WHOLE, ##__VA_ARGS__)
#define ITEMS(n, part, ...) MEMBER (n, ITEMS, .items = &part, ##__VA_ARGS__)
#define NUMBER(n, ...) MEMBER (n, NUMBER, ##__VA_ARGS__)

#define LIST(n, list) { .name = n, .shape = ICW_PART_LIST, .members = list, .n_members = G_N_ELEMENTS (list) }

/* Technology roadmap (an application): technology readiness levels as typed, any whole number;
 * whether they run from 1 to 9 is for the rules. */
static const IcwPartMember roadmap_members[] = {
  TEXT ("technology"),
  INTEGER ("trl_from", G_MININT64, G_MAXINT64),
  INTEGER ("trl_to", G_MININT64, G_MAXINT64),
  TEXT ("milestones"),
};
const IcwPartType icw_part_roadmap = LIST ("roadmap", roadmap_members);

static const IcwPartMember platform_members[] = {
  KEYS ("kind", icw_capability_kind_keys),
  TEXT ("name"),
  TEXT ("description"),
};
const IcwPartType icw_part_platforms = LIST ("platforms", platform_members);

/* The 绩效目标表: one target per calendar year of an indicator, a number in the indicator's unit. */
static const IcwPartMember indicator_year_members[] = {
  INTEGER ("year", ICW_INDICATOR_FIRST_YEAR, ICW_INDICATOR_LAST_YEAR, REQUIRED),
  NUMBER ("target", REQUIRED),
};
const IcwPartType icw_part_indicator_years = LIST ("indicator_years", indicator_year_members);

/* An indicator: its area (37号's 建设情况 or one of the six of its art. 8), name and unit; the
 * baseline and the targets per year as numbers ("baseline_value", "years"). "baseline" and
 * "targets" are the texts of the applications written before the numbers, kept and shown. */
static const IcwPartMember indicator_members[] = {
  KEYS ("area", icw_indicator_area_keys),
  TEXT ("name"),
  TEXT ("unit"),
  TEXT ("baseline"),
  TEXT ("targets"),
  NUMBER ("baseline_value"),
  ITEMS ("years", icw_part_indicator_years),
};
const IcwPartType icw_part_indicators = LIST ("indicators", indicator_members);

/* The plans of the eight main tasks, keyed "1" to "8". */
static char *
task_pattern (void)
{
  return g_strdup_printf ("^[1-%d]$", ICW_N_MAIN_TASKS);
}

static const IcwPartMember task_plan = TEXT ("plan");
const IcwPartType icw_part_tasks = { .name = "tasks", .shape = ICW_PART_MAP, .key_pattern = task_pattern,
                                     .example_key = "1", .value = &task_plan };

/* An owner of a result (an agreement's results, below). */
static const IcwPartMember owner_members[] = {
  REFERENCE ("organization_id", ORGANIZATION),
  SHARE ("share_bp"),
};
const IcwPartType icw_part_owners = LIST ("owners", owner_members);

static const IcwPartMember result_members[] = {
  TEXT ("title"),
  TEXT ("description"),
  KEY ("ownership", icw_ip_ownership_key, ICW_N_IP_OWNERSHIPS),
  REFERENCE ("creator_id", ORGANIZATION),
  ITEMS ("owners", icw_part_owners),
};
const IcwPartType icw_part_results = LIST ("results", result_members);

static const IcwPartMember background_ip_members[] = {
  KEY ("kind", icw_background_ip_kind_key, ICW_N_BACKGROUND_IP_KINDS),
  TEXT ("number"),
  TEXT ("title"),
  TEXT ("owner"),
};
const IcwPartType icw_part_background_ip = LIST ("background_ip", background_ip_members);

static const IcwPartMember guide_answer_members[] = {
  KEY ("idea", icw_guide_idea_to_key, ICW_N_GUIDE_IDEAS, NOT_NULL),
  KEY ("funds", icw_guide_funds_to_key, ICW_N_GUIDE_FUNDS, NOT_NULL),
  KEY ("exploit", icw_guide_exploit_to_key, ICW_N_GUIDE_EXPLOITS, NOT_NULL),
  BOOL ("fast_moving", NOT_NULL),
  BOOL ("exclusive_needed", NOT_NULL),
};
const IcwPartType icw_part_guide_answers = { .name = "guide_answers", .shape = ICW_PART_OBJECT,
                                             .members = guide_answer_members,
                                             .n_members = G_N_ELEMENTS (guide_answer_members) };

/* Disbursement milestones of a funding request. */
static const IcwPartMember milestone_members[] = {
  DATE ("date", REQUIRED),
  FEN ("amount_fen", 1, REQUIRED),
  TEXT ("condition"),
};
const IcwPartType icw_part_milestones = LIST ("milestones", milestone_members);

/* A budget line's amounts: "YEAR/source" (2026/central-fiscal) → fen as text. */
static char *
cell_pattern (void)
{
  g_autoptr(GString) sources = g_string_new (NULL);

  for (guint i = 0; i < ICW_N_FUNDING_SOURCES; i++)
    g_string_append_printf (sources, "%s%s", i > 0 ? "|" : "", icw_funding_source_to_key ((IcwFundingSource) i));
  return g_strdup_printf ("^[1-9][0-9]{3}/(%s)$", sources->str);
}

static const IcwPartMember cell_amount = FEN ("amount_fen", 0, NOT_NULL);
const IcwPartType icw_part_cells = { .name = "cells", .shape = ICW_PART_MAP, .key_pattern = cell_pattern,
                                     .example_key = "2026/central-fiscal", .value = &cell_amount };

/* A report's narrative sections: a section key (icw-report-parts.h) → its text. */
static char *
report_section_pattern (void)
{
  g_autofree char *keys = g_strjoinv ("|", (char **) icw_report_section_keys ());

  return g_strdup_printf ("^(%s)$", keys);
}

static const IcwPartMember report_section_text = TEXT ("text");
const IcwPartType icw_part_report_summary = { .name = "report_summary", .shape = ICW_PART_MAP,
                                              .key_pattern = report_section_pattern, .example_key = "goals",
                                              .value = &report_section_text };

/* An evidence file of a 考核指标 row: an attachment of the report. */
static const IcwPartMember report_evidence_members[] = {
  REFERENCE ("attachment_id", ATTACHMENT, REQUIRED),
};
const IcwPartType icw_part_report_evidence = LIST ("report_evidence", report_evidence_members);

/* A 考核指标 row: the indicator (its key in the center's targets, area, name, unit), the year's
 * target and actual as numbers, whether the actual was computed from the registers, the evidence
 * and a comment where the target was missed. */
static const IcwPartMember report_row_members[] = {
  TEXT ("key", REQUIRED),
  KEYS ("area", icw_indicator_area_keys),
  TEXT ("name"),
  TEXT ("unit"),
  NUMBER ("target"),
  NUMBER ("actual"),
  BOOL ("computed"),
  ITEMS ("evidence", icw_part_report_evidence),
  TEXT ("comment"),
};
const IcwPartType icw_part_report_indicators = LIST ("report_indicators", report_row_members);

/* A self-score item scored by hand: the scheme's item key, the points in hundredths, the reason. */
static const IcwPartMember report_hand_score_members[] = {
  TEXT ("item", REQUIRED),
  INTEGER ("hundredths", 0, ICW_REPORT_HAND_SCORE_MAX, REQUIRED),
  TEXT ("reason", REQUIRED),
};
const IcwPartType icw_part_report_hand_scores = LIST ("report_hand_scores", report_hand_score_members);

const char **
icw_part_member_keys (const IcwPartMember *member)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  g_return_val_if_fail (member != NULL && member->type == ICW_MEMBER_KEY, NULL);
  if (member->keys != NULL)
    for (const char * const *k = member->keys (); *k != NULL; k++)
      g_ptr_array_add (keys, (gpointer) *k);
  else
    for (guint i = 0; i < member->n_keys; i++)
      g_ptr_array_add (keys, (gpointer) member->to_key (i));
  g_ptr_array_add (keys, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}
