/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-body-reader.h: the push body read in one strict pass over its bytes (icw-sync-body-reader.c):
 * the same checks and the same messages as icw_sync_json_check, the same tree as json-glib's
 * parser would build, without json-glib's scanner; with, on the way, the byte range of each
 * object at one depth (a push's records, stored as the bytes the client sent) and a digest of the
 * bytes with the whitespace between tokens left out (the idempotency key's batch). */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-sync-digest.h"

G_BEGIN_DECLS

typedef struct {
  gsize offset;
  gsize length;
} IcwJsonSpan;

/* One JSON object from data (at most max_length bytes), or NULL with error set as
 * icw_sync_json_parse_object sets it. When spans is not NULL, every object at span_depth (the root
 * is at depth 1) is entered in it: its JsonObject to a newly allocated IcwJsonSpan (make the
 * table with g_free for its values). When digest is not NULL, it is fed every byte of data except
 * the whitespace outside strings. The tree is sealed, as json-glib's immutable parser leaves it. */
JsonNode *icw_json_read_object (const char  *data,
                                gsize        length,
                                gsize        max_length,
                                guint        span_depth,
                                GHashTable  *spans,
                                IcwSyncDigest *digest,
                                GError     **error);

/* The same, except that each object at span_depth keeps only its "id" member in the tree: its
 * other members are checked as strictly but not built (a push's records, read again in place
 * from their spans, icw-json-record.h). */
JsonNode *icw_json_read_object_thin (const char  *data,
                                     gsize        length,
                                     gsize        max_length,
                                     guint        span_depth,
                                     GHashTable  *spans,
                                     IcwSyncDigest *digest,
                                     GError     **error);

/* A push's change as icw_json_read_push reads it, without a tree: its string members (NULL when
 * absent or null) and its record's "id" and bytes (length 0 when it has no object "record"). */
typedef struct {
  char       *kind;
  char       *id;
  char       *op;
  char       *base_revision;
  char       *record_id;
  IcwJsonSpan record;
} IcwPushEnvelope;

/* An empty list of IcwPushEnvelope that frees their strings. */
GArray *icw_push_envelopes_new (void);

/* A push body (the same checks and messages as icw_json_read_object) whose root's "changes" are
 * read into envelopes, one IcwPushEnvelope each, instead of into the tree (which has that array
 * empty). *plain is TRUE when every change was read so: the root has "changes" once, an array of
 * objects each with kind, id, op, base_revision and record at most once, the first three and the
 * record's "id" strings, base_revision a string or null and record an object. Otherwise the
 * envelopes are not the whole story: read the tree with icw_json_read_object_thin. */
JsonNode *icw_json_read_push (const char    *data,
                              gsize          length,
                              gsize          max_length,
                              GArray        *envelopes,
                              gboolean      *plain,
                              IcwSyncDigest *digest,
                              GError       **error);

G_END_DECLS
