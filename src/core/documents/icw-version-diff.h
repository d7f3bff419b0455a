/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-version-diff.h: what changed between two versions of an application, section by section,
 * for "What Changed" (the Compare Versions window): a narrative section, the call and the
 * attachments as texts compared by character (Chinese) or word (Latin text); a structured part
 * (roadmap, capability platforms, indicators, task plans) as a table compared cell by cell
 * (icw-table-diff.h). Whether a section changed is decided as icw_application_compare() decides
 * it (structured parts by their canonical JSON). */
#pragma once

#include "icw-application-lifecycle.h"
#include "icw-table-diff.h"
#include "icw-text-diff.h"

G_BEGIN_DECLS

typedef struct {
  IcwSection    section;
  const char   *key;
  const char   *title;
  gboolean      changed;
  GPtrArray    *spans;   /* IcwDiffSpan of the texts, or NULL for a table */
  IcwTableDiff *table;   /* a structured part's table, or NULL */
} IcwSectionDiff;

void       icw_section_diff_free        (IcwSectionDiff *diff);

/* Every section icw_application_compare() compares, in display order (IcwSectionDiff). */
GPtrArray *icw_application_diff          (IcwStore       *store,
                                          IcwApplication *a,
                                          IcwApplication *b);

/* A structured part as a table in the user's language (no numbering column, so that an inserted
 * row changes no other row); NULL for a section that is not a structured part. */
IcwTable  *icw_application_section_table (IcwApplication *application,
                                          IcwSection      section);

/* The version a resubmission answers: the latest returned version of @versions (IcwApplication,
 * one lineage) before @current, or else the one just before it; NULL when there is none (transfer full). */
IcwApplication *icw_application_version_answered (GListModel     *versions,
                                                  IcwApplication *current);

G_END_DECLS
