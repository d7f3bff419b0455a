/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-text-diff.h: what changed between two texts, as a reader of a resubmitted document wants to
 * see it: Chinese (and other CJK) text compared character by character, Latin text word by word,
 * spaces and punctuation as tokens of their own. Myers' O((N+M)D) difference algorithm over the
 * tokens, after the common beginning and end are set aside; past ICW_DIFF_MAX_EDITS edits the
 * rest of the middle is reported as removed and added (still a true difference, only not the
 * shortest), so that two unrelated long texts cost bounded time and memory.
 *
 * The sequence diff underneath (icw_diff_sequences) also aligns the rows of tables
 * (icw-table-diff.h). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most edits searched for before the rest is reported as replaced: its square is the memory
 * of the search, in ints. */
#define ICW_DIFF_MAX_EDITS 2000

typedef enum {
  ICW_DIFF_EQUAL,
  ICW_DIFF_DELETED,   /* only in the earlier text */
  ICW_DIFF_INSERTED,  /* only in the later text */
} IcwDiffKind;

/* A run of elements: EQUAL runs are a_start.. in the first and b_start.. in the second sequence;
 * DELETED runs only in the first, INSERTED only in the second. */
typedef struct {
  IcwDiffKind kind;
  guint       a_start;
  guint       b_start;
  guint       length;
} IcwDiffRun;

typedef gboolean (*IcwDiffEqualFunc) (guint a_index, guint b_index, gpointer user_data);

/* The runs (IcwDiffRun, in a GArray) that turn the first sequence into the second; adjacent runs
 * of one kind merged, a deletion before the insertion it is replaced by. */
GArray    *icw_diff_sequences (guint            n_a,
                               guint            n_b,
                               IcwDiffEqualFunc equal,
                               gpointer         user_data);

/* A piece of text in one of the three states. */
typedef struct {
  IcwDiffKind kind;
  char       *text;
} IcwDiffSpan;

void       icw_diff_span_free (IcwDiffSpan *span);

/* The tokens of a text (transfer full): each CJK character, each word of letters and digits,
 * each run of white space, each other character. NULL is empty. */
GPtrArray *icw_text_tokens    (const char *text);

/* The spans (IcwDiffSpan) from @a to @b: the EQUAL and DELETED ones spell @a, the EQUAL and
 * INSERTED ones spell @b. Either text may be NULL (empty). */
GPtrArray *icw_text_diff      (const char *a,
                               const char *b);

/* How many characters are deleted and inserted in the spans. */
void       icw_text_diff_count (GPtrArray *spans,
                                guint     *deleted,
                                guint     *inserted);

G_END_DECLS
