/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-conflict-fields.h: translated names of the record kinds and of the columns a record carries
 * on the wire (docs/formats.md), and its values as text, for the conflicts view. */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-types.h"

G_BEGIN_DECLS

const char *icw_conflict_kind_label   (IcwRecordKind  kind);
/* The column's label; an unknown column (a later version's) is shown by its own name. */
const char *icw_conflict_field_label  (IcwRecordKind  kind,
                                       const char    *column);
/* A member's value for people: "(empty)" for null, money in 10k yuan for *_fen columns, Yes/No,
 * compact JSON for lists and objects. Never truncated. */
char       *icw_conflict_field_value  (const char    *column,
                                       JsonNode      *node);
/* The translated label of an enumeration's stored key for the columns that hold one, or NULL. */
const char *icw_conflict_enum_label   (IcwRecordKind  kind,
                                       const char    *column,
                                       const char    *key);
/* Metadata (created, changed, deleted): shown after the record's own fields. */
gboolean    icw_conflict_field_is_meta (const char   *column);
/* Columns not shown: the ID (the same on both sides). */
gboolean    icw_conflict_field_hidden (const char    *column);
/* Why the server refused a change: `reason` is the refusal's code in the user's language
 * (icw_sync_refusal_reason), NULL for a code this version does not know: then the server's own words. */
char       *icw_conflict_refusal_text (const char    *reason,
                                       const char    *server_reason,
                                       IcwRecordKind  kind,
                                       const char    *field);

G_END_DECLS
