/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-review-comments.h: reviewers' comments anchored to what they are about, as a document with a
 * life cycle (application, IP agreement, funding request) keeps them in its `reviewer_comments`
 * column (docs/formats.md, "Reviewers' comments"):
 *
 *   {"format": "icw-review-comments", "version": 1,
 *    "comments": [{"anchor_kind": "section", "anchor_key": "risks", "text": "…",
 *                  "author": "…", "at": "2026-12-07T03:00:00Z", "outcome": "returned"}]}
 *
 * A comment concerns the whole document (anchor_kind "document", no key), a section (its stable
 * key: an application's section keys, an agreement's or a funding request's page keys) or a field
 * (its column in the field catalogue). The comments of a version are those of its own review:
 * returning or accepting writes them, reopening does not copy them to the next version.
 *
 * Any other text (what earlier versions wrote, or a paper decision recorded by hand) is plain text
 * and reads as one comment on the whole document, with no author, time or outcome; a text that is
 * a JSON object must be a valid comment list. */
#pragma once

#include <glib.h>

#include "icw-types.h"

G_BEGIN_DECLS

#define ICW_REVIEW_COMMENTS_FORMAT "icw-review-comments"
#define ICW_REVIEW_COMMENTS_VERSION 1
/* At most this many comments, of at most this many characters each. */
#define ICW_REVIEW_COMMENTS_MAX 500
#define ICW_REVIEW_COMMENT_MAX_CHARS 20000

typedef enum {
  ICW_ANCHOR_DOCUMENT,
  ICW_ANCHOR_SECTION,
  ICW_ANCHOR_FIELD,
} IcwAnchorKind;

typedef struct {
  IcwAnchorKind  anchor_kind;
  char          *anchor_key;  /* a section key or a column; NULL for the document */
  char          *text;        /* may be empty only in an acceptance */
  char          *author;      /* who wrote it, or NULL (plain text) */
  char          *at;          /* when, UTC ISO 8601, or NULL */
  char          *outcome;     /* "returned" or "accepted", or NULL */
} IcwReviewComment;

IcwReviewComment *icw_review_comment_new  (IcwAnchorKind  anchor_kind,
                                           const char    *anchor_key,
                                           const char    *text,
                                           const char    *author,
                                           const char    *at,
                                           const char    *outcome);
void              icw_review_comment_free (IcwReviewComment *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwReviewComment, icw_review_comment_free)

const char *icw_anchor_kind_to_key   (IcwAnchorKind  anchor_kind);
gboolean    icw_anchor_kind_from_key (const char    *key,
                                      IcwAnchorKind *out);

/* The section keys a comment of this kind of document may name (NULL-terminated; empty for a
 * kind without a life cycle). */
const char * const *icw_review_section_keys (IcwRecordKind kind);
/* A section's (an editor page's) title in the user's language, or NULL for an unknown key. */
const char         *icw_review_section_title (IcwRecordKind  kind,
                                              const char    *key);

/* Whether the anchor names something the kind has; the message names the key. */
gboolean    icw_review_anchor_check  (IcwRecordKind   kind,
                                      IcwAnchorKind   anchor_kind,
                                      const char     *anchor_key,
                                      GError        **error);
/* What the anchor is about, in the user's language: a section's title, a field's label, or
 * "Whole document". */
const char *icw_review_anchor_title  (IcwRecordKind   kind,
                                      IcwAnchorKind   anchor_kind,
                                      const char     *anchor_key);

/* The comments in the column's text (IcwReviewComment, transfer full): none for NULL or empty,
 * one on the whole document for plain text. A JSON object that is not a valid comment list is an
 * error naming the comment and its member (icw_review_comments_parse) or is read as plain text
 * (icw_review_comments_read, for showing whatever is stored). */
GPtrArray  *icw_review_comments_parse (IcwRecordKind   kind,
                                       const char     *text,
                                       GError        **error);
GPtrArray  *icw_review_comments_read  (IcwRecordKind   kind,
                                       const char     *text);
/* The check the field catalogue runs on the column (icw-field-checks.c). */
gboolean    icw_review_comments_check (IcwRecordKind   kind,
                                       const char     *text,
                                       GError        **error);
/* The column's text for these comments (structured), NULL when there are none. */
char       *icw_review_comments_to_text (GPtrArray *comments);
/* Whether any comment says something (a return needs one). */
gboolean    icw_review_comments_have_text (GPtrArray *comments);

/* The comments for people, one paragraph each: "Section “Risks and controls” (Li Hua,
 * 2026-12-07 03:00 UTC): …"; a plain-text comment as it is. NULL when none says anything. */
char       *icw_review_comments_describe (IcwRecordKind  kind,
                                          GPtrArray     *comments);
/* The texts of the comments about one section (anchored to it, or to a field on it), one per
 * line; NULL when none. */
char       *icw_review_comments_for_section (IcwRecordKind  kind,
                                             GPtrArray     *comments,
                                             const char    *section_key);

G_END_DECLS
