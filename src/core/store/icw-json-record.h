/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-record.h: a record's top-level members read in place from its JSON text
 * (icw-json-reader.h), without a json-glib tree: each member's name and string value unescaped
 * once, the rest as typed byte ranges of the text. Members in the order json-glib's object keeps
 * them (first appearance), a repeated name with its last value, as json-glib's parser leaves it.
 * Used where the sync server checks a pushed record (icw-store-check.h, icw-sync-server-check.c). */
#pragma once

#include <json-glib/json-glib.h>

#include "icw-json-reader.h"

G_BEGIN_DECLS

typedef struct {
  const char   *name;    /* unescaped; NULL when it held a lone surrogate or \u0000 */
  IcwJsonValue  value;   /* a container's end is set (read whole) */
  const char   *string;  /* a string value unescaped; NULL for other types or bad text */
  gint64        integer; /* an integer value */
  gboolean      bad_text;/* the name or the string held a lone surrogate or \u0000 */
} IcwJsonMember;

typedef struct _IcwJsonRecord IcwJsonRecord;

/* The members of the JSON object text[0..length) (which must be valid JSON already), or NULL if
 * it is not an object. The text must outlive the record. */
IcwJsonRecord       *icw_json_record_new        (const char          *text,
                                                 gsize                length);
/* The same from a json-glib object (written out as text first): for callers that hold a tree. */
IcwJsonRecord       *icw_json_record_new_object (JsonObject          *object);
void                 icw_json_record_free       (IcwJsonRecord       *record);
guint                icw_json_record_size       (const IcwJsonRecord *record);
const IcwJsonMember *icw_json_record_nth        (const IcwJsonRecord *record,
                                                 guint                index);
const IcwJsonMember *icw_json_record_get        (const IcwJsonRecord *record,
                                                 const char          *name);
/* A string member's text, or NULL when absent or not a string. */
const char          *icw_json_record_string     (const IcwJsonRecord *record,
                                                 const char          *name);
/* An array's or object's text as json-glib writes it compactly (json_to_string of its node), as a
 * structured column stores it; NULL when it does not parse. */
char                *icw_json_value_compact     (const IcwJsonValue  *value);
/* Whether two members hold the same value, as json_node_equal says of json-glib's nodes. */
gboolean             icw_json_member_equal      (const IcwJsonMember *a,
                                                 const IcwJsonMember *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcwJsonRecord, icw_json_record_free)

G_END_DECLS
