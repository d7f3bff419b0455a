/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-sync-json.h: JSON from the network is untrusted. A strict RFC 8259 check runs before
 * json-glib sees the text (json-glib 1.6 accepts `var x = …`, single quotes, a second document
 * after the first, empty input, and wraps integers that overflow); then typed accessors check each
 * member, and the validators check the protocol's messages (docs/sync-protocol.md). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ICW_SYNC_JSON_MAX_DEPTH   64
#define ICW_SYNC_JSON_MAX_STRING  (1024 * 1024)
#define ICW_SYNC_JSON_MAX_BODY    (8 * 1024 * 1024)

/* The protocol's limits on a change (docs/sync-protocol.md), in bytes: what the server checks in a
 * push and the client in an answer. */
#define ICW_SYNC_JSON_MAX_KIND      64
#define ICW_SYNC_JSON_MAX_ID        128
#define ICW_SYNC_JSON_MAX_REVISION  128   /* a revision, a base revision or a cursor */
#define ICW_SYNC_JSON_MIN_KEY       16    /* an idempotency key */
#define ICW_SYNC_JSON_MAX_KEY       128
#define ICW_SYNC_JSON_MAX_CHANGES   1000  /* the changes of one push (a server may take fewer: it says so) */
#define ICW_SYNC_JSON_V1_MAX_CHANGES 200  /* what every server takes (the limit of servers before 2026-12) */
#define ICW_SYNC_JSON_MAX_PAGE      500   /* the changes of one pull page: its largest `limit` */
#define ICW_SYNC_JSON_MAX_RECORD    (1024 * 1024)   /* a change's record, its JSON text */

gboolean    icw_sync_json_check          (const char  *data,
                                          gsize        length,
                                          gsize        max_length,
                                          GError     **error);
/* The check icw_sync_json_parse_object makes before it builds its tree, with its messages: the
 * strict check, and each escaped string decoded (one that stands for no text is refused). */
gboolean    icw_sync_json_check_as_tree  (const char  *data,
                                          gsize        length,
                                          gsize        max_length,
                                          GError     **error);
JsonNode   *icw_sync_json_parse_object   (const char  *data,
                                          gsize        length,
                                          gsize        max_length,
                                          GError     **error);

/* Members: a missing member or one of another type is an error naming the member; `nullable`
 * allows null (and absence), giving NULL. */
const char *icw_sync_json_string         (JsonObject  *object,
                                          const char  *member,
                                          gboolean     nullable,
                                          gsize        max_length,
                                          GError     **error);
JsonArray  *icw_sync_json_array          (JsonObject  *object,
                                          const char  *member,
                                          GError     **error);
JsonObject *icw_sync_json_object         (JsonObject  *object,
                                          const char  *member,
                                          gboolean     nullable,
                                          GError     **error);
gboolean    icw_sync_json_boolean        (JsonObject  *object,
                                          const char  *member,
                                          gboolean    *value,
                                          GError     **error);
gboolean    icw_sync_json_is_decimal     (const char  *text);
/* text (valid UTF-8) as a JSON string literal: quotes, backslashes and control characters escaped. */
void        icw_sync_json_append_string  (GString     *out,
                                          const char  *text);

/* The server's answers, checked whole before the client acts on any part of them. */
gboolean    icw_sync_json_validate_push_response (JsonNode   *root,
                                                  guint       n_changes,
                                                  GError    **error);
gboolean    icw_sync_json_validate_pull_response (JsonNode   *root,
                                                  GError    **error);
/* A change or pulled record: kind, id, revision (string), deleted, record (object whose id is id). */
gboolean    icw_sync_json_validate_record        (JsonObject *object,
                                                  gboolean    with_revision,
                                                  GError    **error);

G_END_DECLS
