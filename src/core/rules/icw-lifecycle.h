/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-lifecycle.h: the life cycle and versions shared by the documents a center files: center
 * applications, IP-sharing agreements and funding requests.
 *
 *   draft ──(check finds no errors)──▶ ready ──▶ submitted ──▶ returned (with comments)
 *     ▲                                  │                 └─▶ accepted
 *     └──────── edited, or marked back ──┘
 *
 * Such a record class has the properties "status" (guint, an IcwApplicationStatus value: the
 * statuses are shared), "version" (int, from 1), "lineage-id" (string: the ID of version 1) and
 * "reviewer-comments" (string). What differs per kind (its check, the child records a new version
 * copies) is an IcwLifecycleKind, found by record kind.
 *
 * A submitted, returned or accepted record is locked: the store refuses any change but its status
 * and the reviewer's comments (ICW_ERROR_READ_ONLY). A returned or accepted record is worked on again
 * by reopening it, which makes a new version: a draft copy with the next version number, the same
 * lineage and copies of its child records. */
#pragma once

#include "icw-lifecycle-graph.h"
#include "icw-record.h"
#include "icw-store.h"
#include "icw-types.h"

G_BEGIN_DECLS

typedef struct {
  IcwRecordKind kind;
  /* Returns IcwFinding objects, as the kind's check function does (packs NULL: load them). */
  GPtrArray *(*check)         (IcwStore    *store,
                               IcwRecord   *record,
                               GPtrArray   *packs,
                               GDateTime   *today,
                               GError     **error);
  /* Copies the child records of `from` to the new version `to` (already saved, in the same
   * batch), or NULL when the kind has none. */
  gboolean   (*copy_children) (IcwStore    *store,
                               IcwRecord   *from,
                               IcwRecord   *to,
                               GError     **error);
} IcwLifecycleKind;

/* The kind's hooks, or NULL when records of that kind have no life cycle
 * (icw_record_kind_has_lifecycle). */
const IcwLifecycleKind *icw_lifecycle_kind_lookup  (IcwRecordKind kind);

/* Each transition saves the record; on failure it keeps its saved status and comments. The
 * comments of a return or an acceptance (plain text or a comment list, icw-review-comments.h)
 * replace those the version held: a return needs one that says something, an acceptance without
 * any (NULL) leaves none. A reopened version starts without comments; they stay with the version
 * they were written on. */
gboolean   icw_lifecycle_mark_ready (IcwStore   *store,
                                     IcwRecord  *record,
                                     GPtrArray  *packs,
                                     GDateTime  *today,
                                     GError    **error);
gboolean   icw_lifecycle_mark_draft (IcwStore   *store,
                                     IcwRecord  *record,
                                     GError    **error);
gboolean   icw_lifecycle_submit     (IcwStore   *store,
                                     IcwRecord  *record,
                                     GError    **error);
gboolean   icw_lifecycle_return     (IcwStore   *store,
                                     IcwRecord  *record,
                                     const char *comments,
                                     GError    **error);
gboolean   icw_lifecycle_accept     (IcwStore   *store,
                                     IcwRecord  *record,
                                     const char *comments,
                                     GError    **error);
/* Returns the store's object of the new version (transfer full). */
IcwRecord *icw_lifecycle_reopen     (IcwStore   *store,
                                     IcwRecord  *record,
                                     GError    **error);

/* Every version of the record's lineage that is not deleted, by version (transfer full). */
GPtrArray *icw_lifecycle_versions   (IcwStore   *store,
                                     IcwRecord  *record);

G_END_DECLS
